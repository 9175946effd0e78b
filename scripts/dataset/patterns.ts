/**
 * Limits on the paths and globs of a command line, checked before they reach
 * fast-glob and picomatch. Brace expansion (`{a,b}`, `{1..9}`, as bash's) is
 * done by fast-glob before it walks: one pattern a path, so `{1..100000}`
 * ended in the `braces` package's RangeError ("internal error") and a product
 * of 16 pairs in 65,536 patterns (640 MB). The expansion is counted here
 * first, without being made, and too many is a usage error naming the pattern.
 */
import { UsageError } from "../core/io.ts";

/**
 * Paths the braces of a command line's patterns may make, all of them together: far
 * more than a hand-written list needs (`data/events/{2020..2025}/{01..12}`
 * is 72), and the `braces` package's own limit on one range.
 */
export const MAX_PATTERN_EXPANSION = 1000;

/**
 * Characters a pattern may have: PATH_MAX on Linux (no longer path opens).
 * With the folder a command runs in put before it, a pattern stays under the
 * 10,000 the `braces` package takes (picomatch, 65,536): a longer one threw.
 */
export const MAX_PATTERN_LENGTH = 4096;

/** Braces a pattern may nest, one in another (bash users nest two or three; the count below recurses once a level). */
export const MAX_BRACE_NESTING = 32;

/** The deepest `{` of a pattern: how many are open there, escaped ones left out. */
export function braceNesting(pattern: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d && depth > 0) depth--;
  }
  return deepest;
}

/** A pattern as a message shows it: cut when long. */
function shown(pattern: string): string {
  return `\`${pattern.length > 80 ? `${pattern.slice(0, 77)}...` : pattern}\``;
}

/** A range's ends: numbers, or one character each (`{a..z}`), with an optional step. */
const RANGE = /^(?:(-?\d+)\.\.(-?\d+)|([^\\])\.\.([^\\]))(?:\.\.(-?\d+))?$/u;

function rangeSize(m: RegExpExecArray): number {
  const [from, to] = m[1] !== undefined ? [Number(m[1]), Number(m[2])] : [m[3]!.codePointAt(0)!, m[4]!.codePointAt(0)!];
  const step = Math.abs(Number(m[5] ?? 1)) || 1;
  const size = Math.floor(Math.abs(to - from) / step) + 1;
  return Number.isFinite(size) ? size : Number.MAX_SAFE_INTEGER;
}

/**
 * How many patterns brace expansion makes of `pattern` (bash's rules, as the
 * `braces` package follows them): a group with top-level commas is the sum of
 * its alternatives, a range `{x..y[..step]}` its length, one after another
 * multiply; a `{` without its `}`, or a group with neither, is literal; `\`
 * escapes. Never less than the real number (a quoted or repeated alternative
 * counts), and `cap` at most: the count stops growing there. It recurses
 * once a level of braces: check braceNesting first.
 */
export function braceExpansions(pattern: string, cap = Number.MAX_SAFE_INTEGER): number {
  // Where each `{` closes, or -1: one pass with a stack.
  const close = new Int32Array(pattern.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x7b) open.push(i);
    else if (c === 0x7d && open.length > 0) close[open.pop()!] = i;
  }
  // A sequence multiplies its groups; a group sums its alternatives. Each character is looked at a bounded number of times.
  const sequence = (from: number, to: number): number => {
    let n = 1;
    for (let i = from; i < to; i++) {
      const c = pattern.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x7b && close[i]! !== -1 && close[i]! < to) {
        n = Math.min(cap, n * group(i + 1, close[i]!));
        i = close[i]!;
      }
    }
    return n;
  };
  const group = (from: number, to: number): number => {
    const commas: number[] = [];
    for (let i = from; i < to; i++) {
      const c = pattern.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x7b && close[i]! !== -1 && close[i]! < to) i = close[i]!;
      else if (c === 0x2c) commas.push(i);
    }
    if (commas.length === 0) {
      const range = to - from <= 64 ? RANGE.exec(pattern.slice(from, to)) : null;
      return range ? Math.min(cap, rangeSize(range)) : sequence(from, to);
    }
    let n = 0;
    let start = from;
    for (const end of [...commas, to]) {
      n = Math.min(cap, n + sequence(start, end));
      start = end + 1;
    }
    return n;
  };
  return sequence(0, pattern.length);
}

/**
 * Refuses, with a usage error naming the pattern, a command line whose
 * patterns are too long, nest braces too deep, or whose braces make, together,
 * more than MAX_PATTERN_EXPANSION paths (a pattern without braces is not counted).
 */
export function limitPatterns(patterns: readonly string[]): void {
  let total = 0;
  for (const pattern of patterns) {
    if (pattern.length > MAX_PATTERN_LENGTH)
      throw new UsageError(`${shown(pattern)} is ${pattern.length} characters long; a path or glob may have ${MAX_PATTERN_LENGTH} at most`);
    if (braceNesting(pattern) > MAX_BRACE_NESTING) throw new UsageError(`${shown(pattern)} nests braces more than ${MAX_BRACE_NESTING} deep`);
    const n = braceExpansions(pattern, MAX_PATTERN_EXPANSION + 1);
    // Only what braces make counts: any number of plain paths may be given (`git diff --name-only | xargs eventwire validate`).
    if (n > 1) total = Math.min(MAX_PATTERN_EXPANSION + 1, total + n);
    if (total > MAX_PATTERN_EXPANSION)
      throw new UsageError(
        n > MAX_PATTERN_EXPANSION
          ? `${shown(pattern)} expands to more than ${MAX_PATTERN_EXPANSION} paths (each {a,b} or {1..9} multiplies them), the most a command line may give: use a wildcard (*) or a folder instead`
          : `the braces of the paths and globs given expand to more than ${MAX_PATTERN_EXPANSION} paths (each {a,b} or {1..9} multiplies them), the most a command line may give: use a wildcard (*) or a folder instead`,
      );
  }
}

/**
 * What a glob's failure means for the command line: a name longer than the
 * system's 255 characters (or a path longer than its 4096), as given or as
 * braces make it, is a usage error naming the patterns (no such file can
 * be); any other failure is thrown as it is.
 */
export function globFailure(patterns: readonly string[], error: unknown): never {
  if ((error as NodeJS.ErrnoException | undefined)?.code === "ENAMETOOLONG")
    throw new UsageError(`no file can match ${patterns.map(shown).join(", ")}: a name in it is longer than the system allows`);
  throw error;
}
