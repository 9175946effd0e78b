/**
 * Inline directives in YAML records, as ESLint's `eslint-disable` comments:
 *
 *   # eventwire-disable-next-line <rule-id>[, <rule-id>] -- <reason>
 *   # eventwire-disable <rule-id>[, <rule-id>] -- <reason>     (among the first comment lines, before any content)
 *
 * A directive is a comment line of its own (not a comment after a value), and
 * only a real comment counts: a `# ...` line inside a block scalar is text
 * (a line scan judges the usual layout, the `yaml` package's syntax tree the
 * rest). Found only in a text that holds `eventwire-disable` (a cheap test
 * first); JSON has no comments, its findings are settled in the suppressions
 * file instead.
 */
import { yaml } from "../../dataset/parse.ts";
import { LineIndex } from "../../dataset/lines.ts";
import { isConfigRuleId, knownRuleIds } from "../config/known.ts";

export const DIRECTIVE_MARK = "eventwire-disable";

/** A rule id as a directive names it, with its place on the directive's line. */
export interface DirectiveRule {
  id: string;
  column: number;
  endColumn: number;
  /** The rule reads kept texts and this run lacks the text of a source of the record: whether it suppresses anything cannot be told. */
  unjudged?: true;
}

/** A directive, as plain data (it goes from a worker to the main thread in FileOutcome). */
export interface Directive {
  /** `next-line`: findings on the line after it; `file`: findings anywhere in the file. */
  kind: "next-line" | "file";
  /** Where the comment (its `#`) is, and where it ends. */
  line: number;
  column: number;
  endColumn: number;
  /** The directive's word as written (`eventwire-disable-next-line`). */
  word: string;
  rules: DirectiveRule[];
  /** What follows ` -- `; "" when there is none. */
  reason: string;
  /** A file-level directive after the record's first content: it applies to nothing. */
  misplaced?: true;
}

/** A comment that starts like a directive but names none (`eventwire-disable-line`). */
export interface UnknownDirective {
  word: string;
  line: number;
  column: number;
  endColumn: number;
}

export interface Directives {
  directives: Directive[];
  unknown: UnknownDirective[];
}

const NONE: Directives = { directives: [], unknown: [] };

/** The last text read and what it holds: three rules and the check stage ask for the same text in a row. */
let last: { text: string; found: Directives } | undefined;

/** The directives of a YAML text (none when it does not hold `eventwire-disable`). */
export function directivesIn(text: string): Directives {
  if (!text.includes(DIRECTIVE_MARK)) return NONE;
  if (last?.text === text) return last.found;
  const found = parseDirectives(text);
  last = { text, found };
  return found;
}

/**
 * The comments of the text that may be directives: whole-line comments holding the mark, each with its offset
 * and source. A line scan decides in the plain layout records are written in (block mappings and sequences,
 * one-line scalars, `|` and `>` block scalars, whose lines are text however they start); anything it is not
 * sure of (a quoted scalar over several lines, a tag or anchor before a block scalar, an explicit indentation,
 * tabs) goes to the `yaml` package's syntax tree, the authority, which costs a millisecond a file.
 */
function comments(text: string): { offset: number; source: string }[] {
  return scanComments(text) ?? treeComments(text);
}

function isWholeLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*$/.test(text.slice(start, offset));
}

/** A block scalar's header as a value: `|` or `>`, chomping only (an explicit indentation goes to the tree), a comment at most. */
const BLOCK_HEADER = /^[|>][+-]?(?:[ \t]+#.*)?$/;
const EXPLICIT_INDENT = /^[|>][+-]?[0-9]/;
/** A simple key: a plain word and a colon, then a space or the end of the line. */
const SIMPLE_KEY = /^[A-Za-z0-9_][A-Za-z0-9_ .\/-]*:(?=[ ]|$)/;

/** The whole-line comments holding the mark, by a line scan; undefined when the layout is one the scan does not judge. */
export function scanComments(text: string): { offset: number; source: string }[] | undefined {
  const out: { offset: number; source: string }[] = [];
  // Inside a block scalar: the indentation its lines must exceed (the key's or the dash's column), else -1;
  // and the indentation of its text, set by its first line that is not blank (-1 until then).
  let block = -1;
  let content = -1;
  let offset = 0;
  for (const raw of text.split("\n")) {
    const start = offset;
    offset += raw.length + 1;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    // YAML indents with spaces only; a tab there (or any other white space) goes to the tree.
    const indent = /^ */.exec(line)![0].length;
    const body = line.slice(indent);
    if (/^\s/.test(body)) return undefined;
    if (block >= 0) {
      if (body === "") continue;
      if (content < 0 && indent > block) {
        content = indent;
        continue;
      }
      if (content >= 0 && indent >= content) continue;
      block = -1;
    }
    if (body === "") continue;
    if (body.startsWith("#")) {
      if (body.includes(DIRECTIVE_MARK)) out.push({ offset: start + indent, source: body.trimEnd() });
      continue;
    }
    if (body.startsWith("%") || body.startsWith("---") || body.startsWith("...")) return undefined;
    // The value of the line: after dashes of sequence entries and a simple key.
    let column = indent;
    let rest = body;
    let parent = indent;
    for (;;) {
      if (rest === "-" || rest.startsWith("- ")) {
        parent = column;
        const skip = rest.length - rest.slice(1).trimStart().length;
        column += skip;
        rest = rest.slice(skip);
        continue;
      }
      const key = SIMPLE_KEY.exec(rest);
      if (key) {
        parent = column;
        const after = rest.slice(key[0].length);
        const skip = key[0].length + (after.length - after.trimStart().length);
        column += skip;
        rest = rest.slice(skip);
      }
      break;
    }
    const c = rest[0];
    if (c === undefined || c === "#") continue;
    if (c === "|" || c === ">") {
      if (EXPLICIT_INDENT.test(rest) || !BLOCK_HEADER.test(rest)) return undefined;
      block = parent;
      content = -1;
      continue;
    }
    // A flow collection on its line without quotes or nesting (`via: [afp, reuters]`) is judged; a tag, an anchor,
    // an alias, a complex key, any other flow collection goes to the tree.
    if ((c === "[" || c === "{") && /^(?:\[[^"'#[\]{}]*\]|\{[^"'#[\]{}]*\})[ ]*$/.test(rest)) continue;
    if ("!&*?[{".includes(c)) return undefined;
    if (c === '"' || c === "'") {
      // A quoted scalar that ends on its line, and is no key (`"a b": |` could start a block scalar).
      const quoted = (c === '"' ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^']|'')*'(?!')/).exec(rest);
      if (!quoted || /^[ ]*:/.test(rest.slice(quoted[0].length))) return undefined;
    }
  }
  return out;
}

/** The whole-line comments holding the mark, from the `yaml` package's concrete syntax tree: offset and source (`# ...`). */
export function treeComments(text: string): { offset: number; source: string }[] {
  return allComments(text).filter((c) => c.source.includes(DIRECTIVE_MARK) && isWholeLine(text, c.offset));
}

function allComments(text: string): { offset: number; source: string }[] {
  const out: { offset: number; source: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === "comment" && typeof token.offset === "number" && typeof token.source === "string") out.push({ offset: token.offset, source: token.source });
    for (const value of Object.values(node)) if (value !== null && typeof value === "object") walk(value);
  };
  for (const token of new (yaml().Parser)().parse(text)) walk(token);
  return out.sort((a, b) => a.offset - b.offset);
}

/** The line of the first content (anything but blank lines, comments and a `---`), or Infinity. */
function firstContentLine(lines: LineIndex): number {
  for (let n = 1; n <= lines.lineCount; n++) {
    const t = lines.lineText(n).trim();
    if (t !== "" && !t.startsWith("#") && t !== "---") return n;
  }
  return Infinity;
}

const WORD = /^eventwire-disable\S*/;
/** The separator before the reason: `--` between spaces (or at the end). */
const SEPARATOR = /(?:^|\s)--(?:\s|$)/;

function parseDirectives(text: string): Directives {
  const lines = new LineIndex(text);
  const found: Directives = { directives: [], unknown: [] };
  let content: number | undefined;
  for (const { offset, source } of comments(text)) {
    const body = source.slice(1);
    const lead = body.length - body.trimStart().length;
    const word = WORD.exec(body.slice(lead))?.[0];
    if (word === undefined) continue;
    const at = lines.at(offset);
    const place = { line: at.line, column: at.column, endColumn: at.column + source.trimEnd().length };
    const kind = word === DIRECTIVE_MARK ? "file" : word === `${DIRECTIVE_MARK}-next-line` ? "next-line" : undefined;
    if (kind === undefined) {
      found.unknown.push({ word, ...place });
      continue;
    }
    // Columns of what follows the word: 1 for `#`, then the body's characters.
    const restStart = 1 + lead + word.length;
    const rest = source.slice(restStart);
    const sep = SEPARATOR.exec(rest);
    const idsText = sep ? rest.slice(0, sep.index) : rest;
    const reason = sep ? rest.slice(sep.index + sep[0].length).trim() : "";
    const rules: DirectiveRule[] = [];
    for (const m of idsText.matchAll(/[^\s,]+/g)) {
      const column = at.column + restStart + m.index;
      rules.push({ id: m[0], column, endColumn: column + m[0].length });
    }
    const directive: Directive = { kind, ...place, word, rules, reason };
    if (kind === "file") {
      content ??= firstContentLine(lines);
      if (at.line >= content) directive.misplaced = true;
    }
    found.directives.push(directive);
  }
  return found;
}

/**
 * Rules a directive cannot disable: what is said of directives themselves, and of the configuration file
 * (config-*: their severity comes from the defaults and --rule only).
 */
export function isDirectiveRule(id: string): boolean {
  return id.startsWith("directive-") || isConfigRuleId(id);
}

/** Whether a directive applies to findings of `rule` (a known rule id, not one a directive cannot disable). */
export function appliesTo(id: string): boolean {
  return !isDirectiveRule(id) && knownRuleIds().includes(id);
}

/** Whether a finding of `rule` at `line` is one the directive disables. */
export function disables(d: Directive, rule: string, line: number): boolean {
  if (d.misplaced || isDirectiveRule(rule)) return false;
  if (d.kind === "next-line" && line !== d.line + 1) return false;
  return d.rules.some((r) => r.id === rule);
}
