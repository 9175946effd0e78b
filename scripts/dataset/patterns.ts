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

/**
 * How many patterns the range a brace group holds makes (`{x..y}`,
 * `{x..y..step}`), read as the `braces` package (fill-range) reads it, or
 * more: the text of the group without its nested groups, parentheses and
 * quotes (the package leaves those out of a range's ends, and drops U+00A0
 * and U+FEFF), split at `..` into two or three parts. Ends that Number()
 * reads (`1`, `1e9`, `-9e15`, `0x10`, ` `) are a numeric range, whatever
 * fill-range then makes of them; other ends a range of their first
 * characters. Undefined when the group holds no range (no `..`, an empty end).
 */
function rangeSize(text: string): number | undefined {
  const parts = text.split("..");
  if (parts.length !== 2 && parts.length !== 3) return undefined;
  const [from, to, by] = parts as [string, string, string | undefined];
  if (from === "" || to === "") return undefined;
  const step = Math.abs(Number(by ?? 1)) || 1;
  const [a, b] = [Number(from), Number(to)];
  const span = Number.isNaN(a) || Number.isNaN(b) ? Math.abs(to.charCodeAt(0) - from.charCodeAt(0)) : Math.abs(b - a);
  const size = Math.floor(span / step) + 1;
  return Number.isFinite(size) ? size : Number.MAX_SAFE_INTEGER;
}

/**
 * How many patterns brace expansion makes of `pattern` (bash's rules, as the
 * `braces` package follows them): a group with top-level commas is the sum of
 * its alternatives, a range `{x..y[..step]}` its length, one after another
 * multiply; a `{` without its `}`, or a group with neither, is literal; `\`
 * escapes. A range is read as the `braces` package reads it or larger (see
 * rangeSize: `{1..2e3}` is 2,000, as the package counts it before it throws). Never less than the real number (a quoted or repeated alternative
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
    // A comma that ends a range (not one in quotes, brackets or parentheses, which the `braces` package reads as text or as a block of its own).
    let splits = false;
    let quote = 0;
    let brackets = 0;
    let parens = 0;
    // The range's text: the group's own characters, nested groups and parentheses left out, quotes and what the package drops removed.
    let text = "";
    for (let i = from; i < to; i++) {
      const c = pattern.charCodeAt(i);
      if (c === 0x5c) {
        i++;
        if (parens === 0 && i < to) text += pattern[i];
      } else if (c === 0x7b && close[i]! !== -1 && close[i]! < to) i = close[i]!;
      else {
        if (c === 0x2c) {
          commas.push(i);
          if (quote === 0 && brackets === 0 && parens === 0) splits = true;
        } else if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27 || c === 0x60) quote = c;
        else if (c === 0x5b) brackets++;
        else if (c === 0x5d && brackets > 0) brackets--;
        else if (c === 0x28) parens++;
        else if (c === 0x29 && parens > 0) parens--;
        if (parens === 0 && c !== 0x22 && c !== 0x27 && c !== 0x60 && c !== 0x29 && c !== 0xa0 && c !== 0xfeff) text += pattern[i];
      }
    }
    let n = 0;
    if (commas.length === 0) n = sequence(from, to);
    else {
      let start = from;
      for (const end of [...commas, to]) {
        n = Math.min(cap, n + sequence(start, end));
        start = end + 1;
      }
    }
    const range = splits ? undefined : rangeSize(text);
    return range === undefined ? n : Math.min(cap, Math.max(n, range));
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
 * be); so is anything the glob libraries (`braces`, picomatch, fast-glob)
 * throw of their own, without a system error code: a pattern they cannot
 * read (`{(a)` ends in braces' TypeError), or a range past their limit that
 * limitPatterns did not count. A system error (EACCES while walking) is thrown as it is.
 */
export function globFailure(patterns: readonly string[], error: unknown): never {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENAMETOOLONG")
    throw new UsageError(`no file can match ${patterns.map(shown).join(", ")}: a name in it is longer than the system allows`);
  if (error instanceof Error && !(error instanceof UsageError) && code === undefined)
    throw new UsageError(`${patterns.map(shown).join(", ")} cannot be read as a glob (${error.message.split("\n")[0]!.slice(0, 120)}): check its braces, brackets and parentheses, or escape them with a backslash`);
  throw error;
}
