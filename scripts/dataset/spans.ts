/**
 * Where each value of a record is written: one map from JSON Pointer to the
 * offsets of the value and of its key, made in one pass over a parse's own
 * data (jsonc-parser's scanner for JSON, the `yaml` package's nodes for
 * YAML), so that placing a finding is a map lookup, not a walk through the
 * document (a linear search of each mapping's keys, quadratic for a record
 * with many findings), nor a second parse of a JSON text by the YAML parser.
 */
import { createRequire } from "node:module";
import type { Document, Node } from "yaml";
import { pointerToSegments } from "../core/pointer.ts";
import { escapeSegment } from "../core/pointer.ts";

/** Offsets of a value and, for a mapping's value, of its key (-1 when it has none: the root, a list item). */
export interface Span {
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
}

export type Spans = Map<string, Span>;


interface JsoncVisitor {
  onObjectBegin?: (offset: number) => void;
  onObjectProperty?: (property: string, offset: number, length: number) => void;
  onObjectEnd?: (offset: number, length: number) => void;
  onArrayBegin?: (offset: number) => void;
  onArrayEnd?: (offset: number, length: number) => void;
  onLiteralValue?: (value: unknown, offset: number, length: number) => void;
}
interface JsoncParser {
  visit(text: string, visitor: JsoncVisitor, options: { disallowComments: boolean; allowTrailingComma: boolean; allowEmptyContent: boolean }): unknown;
}
/** Loaded on first use: a run without a finding never needs it. */
let jsonc: JsoncParser | undefined;
const jsoncParser = () => (jsonc ??= createRequire(import.meta.url)("jsonc-parser") as JsoncParser);

/**
 * The spans of a JSON text that JSON.parse accepts without repeated keys (the
 * fast path's texts): jsonc-parser's scanner, no tree.
 */
export function jsonSpans(text: string): Spans {
  const spans: Spans = new Map();
  // Open objects and arrays: their pointer and span, the next list index, the last key seen.
  interface Frame {
    pointer: string;
    span: Span;
    list: boolean;
    index: number;
    key: string;
    keyStart: number;
    keyEnd: number;
  }
  const stack: Frame[] = [];
  const begin = (offset: number, end: number): [string, Span] => {
    const top = stack[stack.length - 1];
    if (!top) return ["", { start: offset, end, keyStart: -1, keyEnd: -1 }];
    if (top.list) return [`${top.pointer}/${top.index++}`, { start: offset, end, keyStart: -1, keyEnd: -1 }];
    return [`${top.pointer}/${escapeSegment(top.key)}`, { start: offset, end, keyStart: top.keyStart, keyEnd: top.keyEnd }];
  };
  const open = (list: boolean) => (offset: number) => {
    const [pointer, span] = begin(offset, offset + 1);
    if (!spans.has(pointer)) spans.set(pointer, span);
    stack.push({ pointer, span, list, index: 0, key: "", keyStart: -1, keyEnd: -1 });
  };
  const close = (offset: number, length: number) => {
    stack.pop()!.span.end = offset + length;
  };
  jsoncParser().visit(
    text,
    {
      onObjectBegin: open(false),
      onArrayBegin: open(true),
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (property, offset, length) => {
        const top = stack[stack.length - 1]!;
        top.key = property;
        top.keyStart = offset;
        top.keyEnd = offset + length;
      },
      onLiteralValue: (_value, offset, length) => {
        const [pointer, span] = begin(offset, offset + length);
        if (!spans.has(pointer)) spans.set(pointer, span);
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return spans;
}

/** The spans of a parsed YAML (or JSON) document, from its nodes' ranges; the first of repeated keys counts, as it did. */
export function yamlSpans(doc: Document, yaml: typeof import("yaml")): Spans {
  const { isMap, isPair, isScalar, isSeq } = yaml;
  const spans: Spans = new Map();
  const add = (pointer: string, node: Node | null, key: Node | null) => {
    if (spans.has(pointer)) return;
    const keyRange = key?.range;
    // A key without a value (`key:`) stands for its value.
    const range = (node ?? key)?.range;
    if (!range) return;
    spans.set(pointer, { start: range[0], end: range[1], keyStart: keyRange ? keyRange[0] : -1, keyEnd: keyRange ? keyRange[1] : -1 });
    if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) add(`${pointer}/${escapeSegment(String(pair.key.value))}`, pair.value as Node | null, pair.key);
    } else if (isSeq(node)) node.items.forEach((item, i) => add(`${pointer}/${i}`, item as Node, null));
  };
  add("", doc.contents as Node | null, null);
  return spans;
}

/**
 * The offsets where a finding at `pointer` goes: its value, or its key for
 * `target` "key"; when it is missing, the key (else the value) of its deepest
 * existing ancestor. Undefined when the document has no value at all.
 */
export function spanAt(spans: Spans, pointer: string, target: "value" | "key" = "value"): [number, number] | undefined {
  let span = spans.get(pointer);
  let complete = true;
  if (!span) {
    // The deepest ancestor that exists (segments spelled canonically, as the spans are).
    let at = "";
    span = spans.get("");
    const segments = pointerToSegments(pointer);
    let n = 0;
    for (const s of segments) {
      const next = spans.get((at = `${at}/${escapeSegment(s)}`));
      if (!next) break;
      span = next;
      n++;
    }
    complete = n === segments.length;
  }
  if (!span) return undefined;
  return (!complete || target === "key") && span.keyStart >= 0 ? [span.keyStart, span.keyEnd] : [span.start, span.end];
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The end of the value that starts at `i` (a fast-path text: every `"` delimits a string). */
function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return text.indexOf('"', i + 1) + 1;
  if (c === 123 || c === 91) {
    let depth = 0;
    for (;;) {
      const d = text.charCodeAt(i);
      if (d === 34) {
        i = text.indexOf('"', i + 1) + 1;
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if ((d === 125 || d === 93) && --depth === 0) return i + 1;
      i++;
    }
  }
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (d === 44 || d === 125 || d === 93 || isSpace(d)) break;
    i++;
  }
  return i;
}

/**
 * `spanAt(jsonSpans(text), pointer, target)` without the spans: one scan
 * along the pointer's path, skipping the values off it, for a document with a
 * few findings. Only for a text the JSON fast path read (JSON.parse accepted
 * it, no key repeats, and it holds no `\"`: every `"` opens or closes a string).
 */
export function jsonSpanAt(text: string, pointer: string, target: "value" | "key" = "value"): [number, number] | undefined {
  let start = skipSpace(text, 0);
  if (start >= text.length) return undefined;
  let keyStart = -1;
  let keyEnd = -1;
  const segments = pointerToSegments(pointer);
  let n = 0;
  for (; n < segments.length; n++) {
    const segment = segments[n]!;
    const c = text.charCodeAt(start);
    let found = false;
    if (c === 123) {
      let i = skipSpace(text, start + 1);
      while (text.charCodeAt(i) === 34) {
        const end = text.indexOf('"', i + 1) + 1;
        const raw = text.slice(i + 1, end - 1);
        const key = raw.includes("\\") ? (JSON.parse(text.slice(i, end)) as string) : raw;
        const value = skipSpace(text, skipSpace(text, end) + 1);
        if (key === segment) {
          keyStart = i;
          keyEnd = end;
          start = value;
          found = true;
          break;
        }
        i = skipSpace(text, valueEnd(text, value));
        if (text.charCodeAt(i) === 44) i = skipSpace(text, i + 1);
      }
    } else if (c === 91 && /^(?:0|[1-9]\d*)$/.test(segment)) {
      const index = Number(segment);
      let i = skipSpace(text, start + 1);
      for (let k = 0; text.charCodeAt(i) !== 93; k++) {
        if (k === index) {
          keyStart = keyEnd = -1;
          start = i;
          found = true;
          break;
        }
        i = skipSpace(text, valueEnd(text, i));
        if (text.charCodeAt(i) === 44) i = skipSpace(text, i + 1);
      }
    }
    if (!found) break;
  }
  const complete = n === segments.length;
  return (!complete || target === "key") && keyStart >= 0 ? [keyStart, keyEnd] : [start, valueEnd(text, start)];
}
