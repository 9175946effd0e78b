/**
 * A fast reader for the plain layout most records are written in: block
 * mappings and sequences, plain and quoted one-line scalars, `|` and `>`
 * block scalars (as values and as list items), one-line flow lists of simple words, comments.
 *
 * Why it exists: the `yaml` package (the authority here, and the source of
 * every position and error message) takes about 1 ms a record, 70 times
 * JSON.parse; no maintained YAML library comes close to JSON speed. This
 * reader takes tens of microseconds, and it is only a shortcut: on anything
 * outside the subset, or anything it is unsure of, it returns `undefined` and
 * the caller parses with `yaml`. Values it returns equal what `yaml` (YAML 1.2,
 * core schema) gives; test/dataset/yaml-subset.test.ts checks that, input by input.
 *
 * Asked for them (yamlSubsetSpans), it also records where each value and key
 * is written, as the offsets `yaml`'s nodes give (spans.ts), so that placing a
 * finding in a YAML record takes no `yaml` parse; the same test compares them
 * with `yaml`'s on every fixture and on generated records.
 */
import type { Span, Spans } from "./spans.ts";
import { escapeSegment } from "../core/pointer.ts";

class OutsideSubset extends Error {}
const bail = (): never => {
  throw new OutsideSubset();
};

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const FLOW_WORD = /^[A-Za-z0-9_][A-Za-z0-9_.\/-]*$/;
/** Characters that start something other than a plain scalar. */
const INDICATOR = /^[-?:,\[\]{}#&*!|>'"%@`]/;

// YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** Resolves a plain scalar as the core schema does. */
export function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Only scalars starting with a digit, sign, dot, tilde or n/N/t/T/f/F can be anything but a string.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70))
    return text;
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (INT.test(text)) return parseInt(text, 10);
  if (OCT.test(text)) return parseInt(text.slice(2), 8);
  if (HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT.test(text)) return parseFloat(text);
  if (INF.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (NAN.test(text)) return NaN;
  return text;
}

/** What may follow a closing quote: nothing, spaces, or spaces and a comment. */
function restIsBlank(rest: string): boolean {
  return /^(?: +(?:#.*)?)?$/.test(rest);
}

function doubleQuoted(text: string): string {
  let i = 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      // Only the escapes YAML and JSON share; YAML's others (\0, \x, \N, ...) go to the full parser.
      if (!'"\\/bfnrtu'.includes(text[i + 1] ?? "")) bail();
      i++;
    } else if (c === '"') break;
  }
  if (i >= text.length || !restIsBlank(text.slice(i + 1))) bail();
  try {
    return JSON.parse(text.slice(0, i + 1)) as string;
  } catch {
    return bail();
  }
}

function singleQuoted(text: string): string {
  let i = 1;
  for (; i < text.length; i++) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i++;
      else break;
    }
  }
  if (i >= text.length || !restIsBlank(text.slice(i + 1))) bail();
  return text.slice(1, i).replace(/''/g, "'");
}

/** Where values are recorded, when they are: the spans, and the pointer of the value being read. */
interface Recording {
  spans: Spans;
}

function flowList(text: string, at: number, pointer: string | undefined, rec: Recording | undefined): unknown[] {
  if (!text.endsWith("]")) bail();
  // Only spaces separate flow items here: other white space (a no-break space) is content to YAML.
  const inner = text.slice(1, -1);
  if (/^ *$/.test(inner)) return [];
  let from = at + 1;
  return inner.split(",").map((item, i) => {
    const word = item.replace(/^ +| +$/g, "");
    if (!FLOW_WORD.test(word)) bail();
    if (rec) {
      const start = from + item.indexOf(word);
      rec.spans.set(`${pointer}/${i}`, span(start, start + word.length));
    }
    from += item.length + 1;
    return resolvePlain(word);
  });
}

const span = (start: number, end: number, keyStart = -1, keyEnd = -1): Span => ({ start, end, keyStart, keyEnd });

/**
 * A scalar written on the rest of a line, starting at offset `at`; with `rec`,
 * its span is recorded at `pointer` (its key's offsets given).
 */
function scalar(text: string, at: number, pointer?: string, rec?: Recording, keyStart = -1, keyEnd = -1): unknown {
  const c = text[0];
  let value: unknown;
  let length: number;
  if (c === '"' || c === "'") {
    value = c === '"' ? doubleQuoted(text) : singleQuoted(text);
    // The closing quote: the first one not escaped (double) or doubled (single), as the readers above found it.
    length = rec ? quotedLength(text) : 0;
  } else if (c === "[") {
    value = text === "[]" ? [] : flowList(text, at, pointer, rec);
    length = text.length;
  } else if (text === "{}") {
    value = {};
    length = 2;
  } else {
    if (INDICATOR.test(text) && !/^-[0-9.]/.test(text)) bail();
    const hash = text.indexOf(" #");
    // YAML strips spaces (tabs are declined earlier), not every Unicode space as trimEnd() would.
    const plain = (hash === -1 ? text : text.slice(0, hash)).replace(/ +$/, "");
    if (plain.includes(": ") || plain.endsWith(":") || plain.includes(" #")) bail();
    value = resolvePlain(plain);
    length = plain.length;
  }
  if (rec) rec.spans.set(pointer!, span(at, at + length, keyStart, keyEnd));
  return value;
}

/** The length of a quoted scalar that the readers above accepted, closing quote included. */
function quotedLength(text: string): number {
  const q = text[0];
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (q === '"' && c === "\\") i++;
    else if (c === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

interface Line {
  indent: number;
  text: string;
  /** The offset of `text` in the document. */
  at: number;
}


/** Block nesting the reader follows; deeper documents go to the full parser. */
const MAX_DEPTH = 64;

class Reader {
  private pos = 0;
  private depth = 0;
  /** Where each line starts in the document (only when spans are recorded). */
  private readonly starts: number[] | undefined;
  /** The end of the last line consumed, its line break included (only when spans are recorded). */
  private consumedEnd = 0;
  /** The end of the text: the last line has no line break to include. */
  private textEnd = 0;
  constructor(
    private readonly lines: string[],
    private readonly rec?: Recording,
  ) {
    if (rec) {
      this.starts = new Array<number>(lines.length);
      let offset = 0;
      for (let i = 0; i < lines.length; i++) {
        this.starts[i] = offset;
        offset += lines[i]!.length + 1;
      }
      this.textEnd = Math.max(0, offset - 1);
    }
  }

  /** The end of line `p` with its line break (the text's end for the last line). */
  private endOfLine(p: number): number {
    return Math.min(this.starts![p]! + this.lines[p]!.length + 1, this.textEnd);
  }

  /** The next line with content (blank lines and comments skipped), not consumed. */
  peek(): Line | undefined {
    for (let p = this.pos; p < this.lines.length; p++) {
      const raw = this.lines[p]!;
      let indent = 0;
      while (raw.charCodeAt(indent) === 32) indent++;
      if (indent === raw.length || raw.charCodeAt(indent) === 35 /* # */) continue;
      this.pos = p;
      return { indent, text: raw.slice(indent), at: this.starts ? this.starts[p]! + indent : 0 };
    }
    this.pos = this.lines.length;
    return undefined;
  }

  next(): void {
    if (this.starts) this.consumedEnd = this.endOfLine(this.pos);
    this.pos++;
  }

  /** The value after `key:` or `-` with nothing on the line: a nested block, or null (`empty` is where yaml puts that null). */
  nested(parentIndent: number, inMapping: boolean, pointer: string | undefined, keyStart: number, keyEnd: number, empty: number): unknown {
    if (++this.depth > MAX_DEPTH) bail();
    try {
      return this.nestedBlock(parentIndent, inMapping, pointer, keyStart, keyEnd, empty);
    } finally {
      this.depth--;
    }
  }

  private nestedBlock(parentIndent: number, inMapping: boolean, pointer: string | undefined, keyStart: number, keyEnd: number, empty: number): unknown {
    const line = this.peek();
    const isItem = line !== undefined && (line.text === "-" || line.text.startsWith("- "));
    let value: unknown = null;
    if (line && line.indent > parentIndent) value = isItem ? this.sequence(line.indent, pointer) : this.mapping(line.indent, pointer);
    // A mapping's value may be a sequence at the key's own indentation.
    else if (line && line.indent === parentIndent && inMapping && isItem) value = this.sequence(line.indent, pointer);
    if (this.rec) this.rec.spans.set(pointer!, value === null ? span(empty, empty, keyStart, keyEnd) : span(line!.at, this.consumedEnd, keyStart, keyEnd));
    return value;
  }

  /** A block mapping at `indent`; `first`, the text of its first pair when it starts on a list item's line (at offset `firstAt`). */
  mapping(indent: number, pointer: string | undefined, first?: string, firstAt = 0): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const rec = this.rec;
    let text = first;
    let at = firstAt;
    for (;;) {
      if (text === undefined) {
        const line = this.peek();
        if (!line || line.indent < indent) return out;
        if (line.indent > indent) bail();
        if (line.text === "-" || line.text.startsWith("- ")) return out;
        text = line.text;
        at = line.at;
        this.next();
      }
      const m = KEY.exec(text);
      if (!m) bail();
      const key = m![1]!;
      // yaml refuses implicit keys over 1024 characters.
      if (key.length > 1024) bail();
      // Keys the core schema would read as null or a boolean, and `__proto__`, go to the full parser.
      if (key === "__proto__" || NULL.test(key) || TRUE.test(key) || FALSE.test(key) || Object.prototype.hasOwnProperty.call(out, key)) bail();
      const rest = m![2];
      const here = rec ? `${pointer}/${escapeSegment(key)}` : undefined;
      const keyEnd = at + key.length;
      // The value's offset: the rest of the line after the colon and its spaces.
      const restAt = rest === undefined ? keyEnd + 1 : at + text.length - rest.length;
      if (rest === undefined || rest === "" || rest.startsWith("#")) out[key] = this.nested(indent, true, here, at, keyEnd, restAt);
      else if (rest[0] === "|" || rest[0] === ">") {
        out[key] = this.blockScalar(rest, indent);
        if (rec) rec.spans.set(here!, span(restAt, this.consumedEnd, at, keyEnd));
      } else out[key] = scalar(rest, restAt, here, rec, at, keyEnd);
      text = undefined;
    }
  }

  sequence(indent: number, pointer: string | undefined): unknown[] {
    const out: unknown[] = [];
    const rec = this.rec;
    for (;;) {
      const line = this.peek();
      if (!line || line.indent < indent) return out;
      if (line.indent > indent) bail();
      if (!line.text.startsWith("- ")) {
        if (line.text === "-") bail();
        return out;
      }
      this.next();
      let extra = 2;
      while (line.text.charCodeAt(extra) === 32) extra++;
      const rest = line.text.slice(extra);
      if (rest === "" || rest.startsWith("#")) bail();
      const here = rec ? `${pointer}/${out.length}` : undefined;
      if (KEY.test(rest)) {
        out.push(this.mapping(indent + extra, here, rest, line.at + extra));
        if (rec) rec.spans.set(here!, span(line.at + extra, this.consumedEnd));
      } else if (rest[0] === "|" || rest[0] === ">") {
        // `- >-`: a folded or literal item (format writes a long tag or quote so), its text indented past the dash.
        out.push(this.blockScalar(rest, indent));
        if (rec) rec.spans.set(here!, span(line.at + extra, this.consumedEnd));
      } else if (rest.startsWith("- ")) bail();
      else out.push(scalar(rest, line.at + extra, here, rec));
    }
  }

  /** `|`, `|-`, `>`, `>-` with every content line at one indentation. */
  blockScalar(header: string, parentIndent: number): string {
    const m = /^([|>])(-?)(?: +#.*)?$/.exec(header);
    if (!m) bail();
    const folded = m![1] === ">";
    const strip = m![2] === "-";
    const parts: string[] = [];
    let contentIndent = -1;
    let p = this.pos;
    for (; p < this.lines.length; p++) {
      const raw = this.lines[p]!;
      let indent = 0;
      while (raw.charCodeAt(indent) === 32) indent++;
      if (indent === raw.length) {
        if (contentIndent === -1 || indent > contentIndent) bail();
        parts.push("");
        continue;
      }
      if (contentIndent === -1) {
        if (indent <= parentIndent) bail();
        contentIndent = indent;
      }
      if (indent < contentIndent) break;
      if (indent > contentIndent) bail();
      parts.push(raw.slice(indent));
    }
    if (contentIndent === -1) bail();
    // Blank lines after the text belong to whatever follows.
    while (parts.length > 0 && parts[parts.length - 1] === "") {
      parts.pop();
      p--;
    }
    this.pos = p;
    if (this.starts) this.consumedEnd = this.endOfLine(p - 1);
    let out: string;
    if (!folded) out = parts.join("\n");
    else {
      out = parts[0]!;
      let breaks = 0;
      for (let i = 1; i < parts.length; i++) {
        if (parts[i] === "") breaks++;
        else {
          out += breaks > 0 ? "\n".repeat(breaks) : " ";
          out += parts[i];
          breaks = 0;
        }
      }
    }
    return strip ? out : out + "\n";
  }

  atEnd(): boolean {
    return this.peek() === undefined;
  }
}

/** The record's value, or `undefined` when the text is outside the subset. */
/** Tabs, carriage returns and other control characters: left to the full parser (and the text rules). */
const DECLINED_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

export function readYamlSubset(text: string): Record<string, unknown> | undefined {
  return read(text);
}

/**
 * Where each value of a text the subset reads is written (see spans.ts), as
 * `yamlSpans` gives them from `yaml`'s nodes: a scalar from its first
 * character to its last (a quote included, a comment not); a block scalar
 * from its `|` or `>`; a mapping or list from its first key or `-` to the end
 * of its last line. Undefined when the text is outside the subset.
 */
export function yamlSubsetSpans(text: string): Spans | undefined {
  return readYamlSubsetWithSpans(text)?.spans;
}

/** The value and the spans of a text the subset reads, in one pass (validate --fix edits at the spans); undefined outside the subset. */
export function readYamlSubsetWithSpans(text: string): { value: Record<string, unknown>; spans: Spans } | undefined {
  const rec: Recording = { spans: new Map() };
  const value = read(text, rec);
  return value === undefined ? undefined : { value, spans: rec.spans };
}

function read(text: string, rec?: Recording): Record<string, unknown> | undefined {
  if (DECLINED_CHARACTERS.test(text)) return undefined;
  try {
    const reader = new Reader(text.split("\n"), rec);
    const first = reader.peek();
    if (!first || first.indent !== 0) return undefined;
    const value = reader.mapping(0, rec ? "" : undefined);
    if (rec) rec.spans.set("", span(first.at, text.length));
    return reader.atEnd() ? value : undefined;
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}
