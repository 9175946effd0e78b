/**
 * A fast reader for the plain layout most records are written in: block
 * mappings and sequences, plain and quoted one-line scalars, `|` and `>`
 * block scalars, one-line flow lists of simple words, comments.
 *
 * Why it exists: the `yaml` package (the authority here, and the source of
 * every position and error message) takes about 1 ms a record, 70 times
 * JSON.parse; no maintained YAML library comes close to JSON speed. This
 * reader takes tens of microseconds, and it is only a shortcut: on anything
 * outside the subset, or anything it is unsure of, it returns `undefined` and
 * the caller parses with `yaml`. Values it returns equal what `yaml` (YAML 1.2,
 * core schema) gives; test/dataset/yaml-subset.test.ts checks that, input by input.
 */

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

function flowList(text: string): unknown[] {
  if (!text.endsWith("]")) bail();
  // Only spaces separate flow items here: other white space (a no-break space) is content to YAML.
  const inner = text.slice(1, -1);
  if (/^ *$/.test(inner)) return [];
  return inner.split(",").map((item) => {
    const word = item.replace(/^ +| +$/g, "");
    if (!FLOW_WORD.test(word)) bail();
    return resolvePlain(word);
  });
}

/** A scalar written on the rest of a line. */
function scalar(text: string): unknown {
  const c = text[0];
  if (c === '"') return doubleQuoted(text);
  if (c === "'") return singleQuoted(text);
  if (c === "[") return text === "[]" ? [] : flowList(text);
  if (text === "{}") return {};
  if (INDICATOR.test(text) && !/^-[0-9.]/.test(text)) bail();
  const hash = text.indexOf(" #");
  // YAML strips spaces (tabs are declined earlier), not every Unicode space as trimEnd() would.
  const plain = (hash === -1 ? text : text.slice(0, hash)).replace(/ +$/, "");
  if (plain.includes(": ") || plain.endsWith(":") || plain.includes(" #")) bail();
  return resolvePlain(plain);
}

interface Line {
  indent: number;
  text: string;
}

/** Block nesting the reader follows; deeper documents go to the full parser. */
const MAX_DEPTH = 64;

class Reader {
  private pos = 0;
  private depth = 0;
  constructor(private readonly lines: string[]) {}

  /** The next line with content (blank lines and comments skipped), not consumed. */
  peek(): Line | undefined {
    for (let p = this.pos; p < this.lines.length; p++) {
      const raw = this.lines[p]!;
      let indent = 0;
      while (raw.charCodeAt(indent) === 32) indent++;
      if (indent === raw.length || raw.charCodeAt(indent) === 35 /* # */) continue;
      this.pos = p;
      return { indent, text: raw.slice(indent) };
    }
    this.pos = this.lines.length;
    return undefined;
  }

  next(): void {
    this.pos++;
  }

  /** The value after `key:` or `-` with nothing on the line: a nested block, or null. */
  nested(parentIndent: number, inMapping: boolean): unknown {
    if (++this.depth > MAX_DEPTH) bail();
    try {
      return this.nestedBlock(parentIndent, inMapping);
    } finally {
      this.depth--;
    }
  }

  private nestedBlock(parentIndent: number, inMapping: boolean): unknown {
    const line = this.peek();
    if (!line) return null;
    const isItem = line.text === "-" || line.text.startsWith("- ");
    if (line.indent > parentIndent) return isItem ? this.sequence(line.indent) : this.mapping(line.indent);
    // A mapping's value may be a sequence at the key's own indentation.
    if (line.indent === parentIndent && inMapping && isItem) return this.sequence(line.indent);
    return null;
  }

  mapping(indent: number, first?: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let text = first;
    for (;;) {
      if (text === undefined) {
        const line = this.peek();
        if (!line || line.indent < indent) return out;
        if (line.indent > indent) bail();
        if (line.text === "-" || line.text.startsWith("- ")) return out;
        text = line.text;
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
      if (rest === undefined || rest === "" || rest.startsWith("#")) out[key] = this.nested(indent, true);
      else if (rest[0] === "|" || rest[0] === ">") out[key] = this.blockScalar(rest, indent);
      else out[key] = scalar(rest);
      text = undefined;
    }
  }

  sequence(indent: number): unknown[] {
    const out: unknown[] = [];
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
      if (KEY.test(rest)) out.push(this.mapping(indent + extra, rest));
      else if (rest.startsWith("- ") || rest[0] === "|" || rest[0] === ">") bail();
      else out.push(scalar(rest));
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
  if (DECLINED_CHARACTERS.test(text)) return undefined;
  try {
    const reader = new Reader(text.split("\n"));
    const first = reader.peek();
    if (!first || first.indent !== 0) return undefined;
    const value = reader.mapping(0);
    return reader.atEnd() ? value : undefined;
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}
