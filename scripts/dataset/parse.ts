/**
 * Parses YAML and JSON records into plain values, keeping a map from JSON
 * Pointer to source position so that every finding lands on its line.
 */
import { createRequire } from "node:module";
import type { Document } from "yaml";
import { loneSurrogateAt, numberRoundTrips } from "./exact.ts";
import { jsonSyntaxError } from "./json-error.ts";
import { LineIndex, type Position } from "./lines.ts";
import { jsonSpanAt, jsonSpans, spanAt, yamlSpans, type Spans } from "./spans.ts";
import { readYamlSubset, yamlSubsetSpans } from "./yaml-subset.ts";

/**
 * The `yaml` package, loaded on first use: a run where every record takes a
 * fast path (and has no finding to place) never needs it.
 */
let yamlModule: typeof import("yaml") | undefined;
export const yaml = () => (yamlModule ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"));

/** Flow nesting (`[`, `{`) a record may have; deeper input is refused before parsing. */
export const MAX_FLOW_DEPTH = 64;

/**
 * Offset where flow nesting first exceeds the limit, or -1. Quoted strings are
 * skipped; the parser itself exhausts memory or stack on thousands of levels.
 */
function tooDeep(text: string): number {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
    else if (c === "\n") quote = "";
  }
  return -1;
}

/** Aliases a record may expand before it is refused (guards against alias bombs). */
export const MAX_ALIAS_COUNT = 100;

export type Target = "value" | "key";

export interface ParsedDocument {
  format: "yaml" | "json";
  text: string;
  lines: LineIndex;
  value: unknown;
  /** Where the value at `pointer` (or its key) is; the deepest existing ancestor when it is missing. */
  locate(pointer: string, target?: Target): Position;
}

export type ParseProblemKind = "syntax" | "duplicate-key" | "tag" | "alias" | "multiple-documents";

export interface ParseProblem {
  kind: ParseProblemKind;
  /** For `duplicate-key`: the key that repeats. */
  key?: string;
  message: string;
  position: Position;
}

export type ParseResult = { ok: true; doc: ParsedDocument } | { ok: false; problems: ParseProblem[]; lines: LineIndex };

function classify(code: string): ParseProblemKind {
  if (code === "DUPLICATE_KEY") return "duplicate-key";
  if (code === "TAG_RESOLVE_FAILED" || code === "BAD_TAG") return "tag";
  if (code === "BAD_ALIAS") return "alias";
  if (code === "MULTIPLE_DOCS") return "multiple-documents";
  return "syntax";
}

/** Cleans the `yaml` library's message for a contributor: no code frame, no trailing position. */
function plainMessage(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "").trim();
}

const YAML_OPTIONS = {
  version: "1.2",
  schema: "core",
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  merge: false,
  keepSourceTokens: false,
} as const;

function parseYamlDocument(text: string, lines: LineIndex): { doc: Document.Parsed; problems: ParseProblem[] } {
  const doc = yaml().parseDocument(text, YAML_OPTIONS);
  const problems: ParseProblem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const kind = classify(e.code);
    if (kind === "duplicate-key") {
      const key = KEY_TOKEN.exec(text.slice(e.pos[0], e.pos[0] + 1024))?.[0] ?? "";
      return { kind, key: unquote(key), message: plainMessage(e.message), position: lines.range(e.pos[0], e.pos[0] + key.length) };
    }
    return { kind, message: plainMessage(e.message), position: lines.range(e.pos[0], e.pos[1]) };
  });
  return { doc, problems };
}

/** A key as written: quoted (JSON or YAML) or plain up to the colon. */
const KEY_TOKEN = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s:,{}\[\]][^:\n]*?(?=\s*:))/;

function unquote(token: string): string {
  if (token.startsWith('"')) {
    try {
      return JSON.parse(token) as string;
    } catch {
      return token.slice(1, -1);
    }
  }
  return token.startsWith("'") ? token.slice(1, -1).replace(/''/g, "'") : token;
}

/**
 * Places findings by the spans of a document (spans.ts), made on first use;
 * with `scan` (a JSON fast-path text), the first few by a scan along each
 * pointer's path instead, cheaper than all the spans for a record with a
 * finding or two.
 */
function locator(spansOf: () => Spans, lines: LineIndex, scan?: (pointer: string, target: Target) => [number, number] | undefined) {
  let spans: Spans | undefined;
  let scans = 0;
  return (pointer: string, target: Target = "value"): Position => {
    const at = scan && !spans && scans++ < SCANS_BEFORE_SPANS ? scan(pointer, target) : spanAt((spans ??= spansOf()), pointer, target);
    return at ? lines.range(at[0], at[1]) : lines.range(0, 1);
  };
}

/** Findings of a JSON record placed by a scan each before its spans are made. */
const SCANS_BEFORE_SPANS = 16;

/** A value that does not survive exactly (see exact.ts): where it is written, and as what. */
export interface InexactValue {
  kind: "number" | "text";
  /** JSON Pointer of the value (of the pair's value, for a key). */
  pointer: string;
  /** Offsets of the value's source text. */
  start: number;
  end: number;
  /** Its source text, trimmed. */
  written: string;
  value: number | string;
}

/**
 * Numbers that do not round-trip and texts (keys included) that are not
 * well-formed Unicode, in one pass over the YAML nodes of a text (JSON too:
 * it is YAML 1.2), with their source positions; at most `limit`. `numbers`
 * off skips numbers (a text without a suspect number, see exact.ts).
 */
export function inexactValues(text: string, options: { numbers: boolean; texts: boolean; limit?: number }, parsed?: Document): InexactValue[] {
  const { isPair, isSeq, visit } = yaml();
  // Repeated keys are the syntax rules' business; checking them here would cost a comparison for each pair of keys.
  const doc = parsed ?? yaml().parseDocument(text, { ...YAML_OPTIONS, uniqueKeys: false });
  const limit = options.limit ?? 100;
  const found: InexactValue[] = [];
  visit(doc, {
    Scalar(_key, node, path) {
      const value = node.value;
      const [start, end] = node.range ?? [0, 0];
      let kind: InexactValue["kind"] | undefined;
      if (typeof value === "number" && options.numbers) {
        if (!numberRoundTrips(text.slice(start, end), value)) kind = "number";
      } else if (typeof value === "string" && options.texts && loneSurrogateAt(value) !== -1) kind = "text";
      if (!kind) return undefined;
      // The pointer, from the path (found values are few: an indexOf for each list is cheap).
      let pointer = "";
      for (let i = 0; i < path.length; i++) {
        const step = path[i];
        if (isPair(step)) pointer += `/${String((step.key as { value?: unknown } | null)?.value ?? step.key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
        else if (isSeq(step)) pointer += `/${step.items.indexOf((path[i + 1] ?? node) as never)}`;
      }
      found.push({ kind, pointer, start, end, written: text.slice(start, end).trim(), value: value as number | string });
      return found.length >= limit ? visit.BREAK : undefined;
    },
  });
  return found;
}

/** Keys in a parsed value, or -1 when it nests deeper than the limit. */
function countKeys(value: unknown, depth: number): number {
  if (value === null || typeof value !== "object") return 0;
  if (depth > MAX_FLOW_DEPTH) return -1;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || typeof item !== "object") continue;
      const k = countKeys(item, depth + 1);
      if (k < 0) return -1;
      n += k;
    }
    return n;
  }
  for (const key in value) {
    n++;
    const item = (value as Record<string, unknown>)[key];
    if (item === null || typeof item !== "object") continue;
    const k = countKeys(item, depth + 1);
    if (k < 0) return -1;
    n += k;
  }
  return n;
}

/** A key with space before its colon: then `":` does not count keys (nor does it when the text holds an escaped quote). */
const SPACED_KEY = /"\s+:/;

/** Occurrences of `":` in a text. */
function countKeyEnds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('":'); i !== -1; i = text.indexOf('":', i + 2)) n++;
  return n;
}

/**
 * JSON.parse, when the text is valid JSON without repeated keys and not
 * nested too deep; otherwise undefined. JSON.parse silently keeps the last of
 * two equal keys, so keys are counted in the text too: in valid JSON without
 * an escaped quote (\") and without space before a colon, every `":` ends a
 * key, and more key ends than parsed keys means a key repeats. Texts outside
 * those conditions take the full parser, which finds repeats itself.
 */
function readJsonFast(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Two scans, not one regex with two branches: a plain substring search is about twice as fast.
  if (text.includes('\\"') || SPACED_KEY.test(text)) return undefined;
  const parsed = countKeys(value, 0);
  return parsed >= 0 && countKeyEnds(text) === parsed ? value : undefined;
}

/**
 * A document read by a fast path: the value is known, and positions are found
 * only if a finding needs one: for JSON by jsonc-parser's scanner (no tree),
 * for YAML by the subset reader again, recording spans (yaml-subset.ts). (A class, not an object literal with a getter
 * and closures: one is made for every file.)
 */
class LazyDocument implements ParsedDocument {
  #lines: LineIndex | undefined;
  #locate: ((pointer: string, target?: Target) => Position) | undefined;
  constructor(
    readonly format: "yaml" | "json",
    readonly text: string,
    readonly value: unknown,
  ) {}
  get lines(): LineIndex {
    return (this.#lines ??= new LineIndex(this.text));
  }
  locate(pointer: string, target?: Target): Position {
    this.#locate ??=
      this.format === "json"
        ? locator(() => jsonSpans(this.text), this.lines, (p, t) => jsonSpanAt(this.text, p, t))
        : // The subset reader read this text: read again with its spans, it places findings without a `yaml` parse (~1 ms a record).
          locator(() => yamlSubsetSpans(this.text) ?? yamlSpans(parseYamlDocument(this.text, this.lines).doc, yaml()), this.lines);
    return this.#locate(pointer, target);
  }
}

export function parseRecord(text: string, format: "yaml" | "json"): ParseResult {
  // Fast paths for the common case, a well-formed record; anything else gets the full parser below.
  const fast = format === "json" ? readJsonFast(text) : readYamlSubset(text);
  if (fast !== undefined) return { ok: true, doc: new LazyDocument(format, text, fast) };
  const lines = new LineIndex(text);
  const deep = tooDeep(text);
  if (deep !== -1)
    return {
      ok: false,
      lines,
      problems: [{ kind: "syntax", message: `values are nested more than ${MAX_FLOW_DEPTH} levels deep`, position: lines.range(deep, deep + 1) }],
    };
  if (format === "json") {
    try {
      JSON.parse(text);
    } catch (error) {
      const { message, start, end } = jsonSyntaxError(text, (error as Error).message);
      return { ok: false, lines, problems: [{ kind: "syntax", message, position: lines.range(start, end) }] };
    }
  }
  // JSON is a subset of YAML 1.2: one parser gives positions and duplicate keys for both.
  const { doc, problems } = parseYamlDocument(text, lines);
  if (problems.length > 0) return { ok: false, lines, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      ok: false,
      lines,
      problems: [{ kind: "alias", message: (error as Error).message, position: lines.range(0, 1) }],
    };
  }
  return { ok: true, doc: { format, text, lines, value, locate: locator(() => yamlSpans(doc, yaml()), lines) } };
}
