/**
 * The canonical layout of a record, which `eventwire format` writes: keys in
 * the order of the schema, two-space block style, strings plain unless a YAML
 * parser (1.2, or an older 1.1 one) would read them as something else, long
 * texts folded (`>-`), LF line endings, one final newline. YAML comments stay
 * with the key or item they belong to. Formatting never changes a value: the
 * result is parsed again and compared with the input before it is returned.
 */
import { isDeepStrictEqual } from "node:util";
import type { Document, Node } from "yaml";
import { SCHEMA_VERSIONS, type RecordKind } from "../../schema/versions.ts";
import { loadJsonSchema } from "../../schema/published.ts";
import { doubleText, loneSurrogateAt, hasSuspectNumber, surrogateName } from "./exact.ts";
import { LineIndex } from "./lines.ts";
import { inexactValues, MAX_ALIAS_COUNT, yaml } from "./parse.ts";

/** What the toolkit reads of a JSON Schema node: its properties, items, required keys and description. */
export type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode; required?: string[]; description?: string };

/** Texts longer than this are written folded (`>-`), wrapped at this width. */
export const LINE_WIDTH = 80;

export type CanonicalResult = { ok: true; text: string } | { ok: false; reason: string };

/** Strings that YAML 1.2 core or 1.1 would read as a number, boolean, null or date: these are quoted. */
const NOT_A_STRING_IN_SOME_YAML =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|[-+]?[0-9][0-9_:.eExXoObB+-]*|\d{4}-\d{1,2}-\d{1,2}(?:[Tt ].*)?|)$/;

/** Characters a plain scalar written in place (in block or flow context alike) may hold: anything else is quoted. */
const PLAIN_IN_PLACE = /^[A-Za-z0-9_][A-Za-z0-9_.\/+-]*(?: [A-Za-z0-9_.\/+-]+)*$/;

/**
 * A JSON scalar as one line of YAML for `validate --fix`, which writes it in
 * place of another: a string plain only when no YAML reader (1.2 or 1.1,
 * in block or flow context) could take it for something else (the rule
 * the canonical layout quotes by), else double-quoted (a JSON string is one);
 * `quote` asks for quotes whatever the string (the value replaced was
 * quoted: its style is kept). Undefined for an object or a list.
 */
export function yamlScalarText(value: unknown, quote: "" | '"' | "'" = ""): string | undefined {
  if (value === null) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : undefined;
  if (typeof value === "boolean") return String(value);
  if (typeof value !== "string") return undefined;
  if (quote === "'" && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (quote === "" && PLAIN_IN_PLACE.test(value) && !NOT_A_STRING_IN_SOME_YAML.test(value)) return value;
  // What YAML does not allow raw in a file (DEL, C1 controls), or may take for a line break, as escapes: the same value.
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

/** Each schema node's key ranks, worked out once. */
const ranks = new WeakMap<SchemaNode, Map<string, number>>();
function rankMap(schema: SchemaNode | undefined): Map<string, number> {
  if (!schema) return new Map();
  let map = ranks.get(schema);
  if (!map) {
    map = new Map(Object.keys(schema.properties ?? {}).map((k, i) => [k, i]));
    ranks.set(schema, map);
  }
  return map;
}

/** A copy with object keys in schema order (unknown keys after, in their order); sorting only where needed. */
export function orderValue(value: unknown, schema: SchemaNode | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => orderValue(v, schema?.items));
  if (value === null || typeof value !== "object") return value;
  const order = rankMap(schema);
  const keys = Object.keys(value);
  const rankOf = (k: string) => order.get(k) ?? order.size;
  let sorted = true;
  for (let i = 1; i < keys.length; i++) if (rankOf(keys[i - 1]!) > rankOf(keys[i]!)) sorted = false;
  const list = sorted ? keys : keys.map((k, i) => ({ k, i })).sort((a, b) => rankOf(a.k) - rankOf(b.k) || a.i - b.i).map(({ k }) => k);
  const out: Record<string, unknown> = {};
  for (const k of list) {
    const v = (value as Record<string, unknown>)[k];
    const ordered = v !== null && typeof v === "object" ? orderValue(v, schema?.properties?.[k]) : v;
    // `__proto__` as a key is data, not the prototype: it needs defineProperty.
    if (k === "__proto__") Object.defineProperty(out, k, { value: ordered, enumerable: true, writable: true, configurable: true });
    else out[k] = ordered;
  }
  return out;
}

/** Whether every object's keys are already in schema order (what orderValue would give), without a copy. */
function isOrdered(value: unknown, schema: SchemaNode | undefined): boolean {
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === "object" && !isOrdered(v, schema?.items)) return false;
    return true;
  }
  if (value === null || typeof value !== "object") return true;
  const order = rankMap(schema);
  let last = -1;
  for (const k of Object.keys(value)) {
    const rank = order.get(k) ?? order.size;
    if (rank < last) return false;
    last = rank;
    const v = (value as Record<string, unknown>)[k];
    if (v !== null && typeof v === "object" && !isOrdered(v, schema?.properties?.[k])) return false;
  }
  return true;
}

/** The value in schema order: itself when it is already (records in canonical files are), else an ordered copy. */
export function inSchemaOrder(value: unknown, schema: SchemaNode | undefined): unknown {
  return isOrdered(value, schema) ? value : orderValue(value, schema);
}

/**
 * Reorders the pairs of every mapping (their comments move with them) and sets
 * the canonical styles. `column` is where the node's text starts, and
 * `lead` how many characters its line holds before it (a key and `: `, or
 * `- `): a string whose line would pass the width is folded (`>-`), never left
 * for the writer to wrap as a multi-line plain scalar.
 */
function layoutNode(node: Node | null, schema: SchemaNode | undefined, column: number, lead = 0): void {
  if (yaml().isMap(node)) {
    node.flow = false;
    const order = Object.keys(schema?.properties ?? {});
    const keyOf = (p: unknown) => (yaml().isPair(p) && yaml().isScalar(p.key) ? String(p.key.value) : "");
    const items = node.items.map((p, i) => ({ p, i }));
    items.sort((a, b) => rank(order, keyOf(a.p)) - rank(order, keyOf(b.p)) || a.i - b.i);
    node.items = items.map(({ p }) => p);
    for (const pair of node.items) {
      if (yaml().isScalar(pair.key)) pair.key.type = yaml().Scalar.PLAIN;
      const value = pair.value as Node | null;
      // A scalar stays on its key's line; a mapping or sequence starts on the next, indented.
      if (yaml().isScalar(value)) layoutNode(value, undefined, column, keyOf(pair).length + 2);
      else layoutNode(value, schema?.properties?.[keyOf(pair)], column + 2);
    }
  } else if (yaml().isSeq(node)) {
    node.flow = false;
    for (const item of node.items) layoutNode(item as Node | null, schema?.items, column + 2);
  } else if (yaml().isScalar(node) && typeof node.value === "string") {
    const text = node.value;
    const long = text.length > LINE_WIDTH || column + lead + text.length > LINE_WIDTH;
    // A line break, a tab or another control character, or white space at an end, cannot stay plain; nor can a long
    // text fold (`>-`) when folding would change it (two spaces in a row). These are one double-quoted line, as JSON
    // writes it (STRINGIFY_OPTIONS): no string is wrapped over lines as a plain or quoted scalar, which the fast
    // reader (yaml-subset.ts) declines.
    if (NOT_A_STRING_IN_SOME_YAML.test(text) || /^\s|\s$|[\u0000-\u001f]/.test(text) || (long && /\s\s/.test(text))) node.type = yaml().Scalar.QUOTE_DOUBLE;
    else if (long) node.type = yaml().Scalar.BLOCK_FOLDED;
    else node.type = yaml().Scalar.PLAIN;
  }
}

/** How records are parsed and written as YAML documents (the formatter's and `migrate`'s). */
export const PARSE_OPTIONS = { version: "1.2", schema: "core", uniqueKeys: true, strict: true, merge: false } as const;
export const STRINGIFY_OPTIONS = { lineWidth: LINE_WIDTH, minContentWidth: 20, indent: 2, indentSeq: true, flowCollectionPadding: false, doubleQuotedAsJSON: true } as const;

/**
 * A record file's text parsed for a command that rewrites it (`format`,
 * `migrate`), a BOM left out: its YAML document (JSON is YAML 1.2) and its
 * value; or why it cannot be rewritten. Repeated keys refuse, as in validate
 * (JSON.parse would keep the last of two silently).
 */
export function parseForRewrite(text: string): { ok: true; doc: Document.Parsed; value: Record<string, unknown> } | { ok: false; reason: string } {
  const doc = yaml().parseDocument(text.replace(/^\ufeff/, ""), PARSE_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { ok: false, reason: "it does not parse (run `eventwire validate` on it)" };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return { ok: false, reason: "it uses aliases beyond the limit" };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, reason: "it does not hold a record (an object)" };
  const inexact = inexactValue(doc, text.replace(/^\ufeff/, ""));
  if (inexact) return { ok: false, reason: inexact };
  return { ok: true, doc, value: value as Record<string, unknown> };
}

/**
 * Why a rewrite would change a value, or undefined: a number that does not
 * round-trip through a double, or a text (or key) that is not well-formed
 * Unicode, which no UTF-8 file can hold (see exact.ts). Format and migrate
 * write values back from what they read, so they refuse such a file, naming
 * the line, the column and the value as written.
 */
function inexactValue(doc: Document.Parsed, text: string): string | undefined {
  const [first] = inexactValues(text, { numbers: hasSuspectNumber(text), texts: true, limit: 1 }, doc);
  if (!first) return undefined;
  const { line, column } = new LineIndex(text).at(first.start);
  return first.kind === "number"
    ? `line ${line}, column ${column}: the number \`${first.written}\` would be read as ${doubleText(first.value as number)} and written back so (see the number-exact rule); values are never changed: write it as a double holds it, or as a string`
    : // The text as it is: the command prints it with visible escapes (core/escape.ts), the surrogate as `\ud83d`.
      `line ${line}, column ${column}: the text "${first.value}" holds a lone surrogate (${surrogateName(first.value as string, loneSurrogateAt(first.value as string))}), which is not well-formed Unicode and cannot be written as UTF-8 (see the text-unicode rule); values are never changed: remove it or write the whole character`;
}

/** The canonical text of a record; its key order follows `version`, or else the version the record declares. */
export function canonicalText(text: string, format: "yaml" | "json", kind: RecordKind, version?: string): CanonicalResult {
  const parsed = parseForRewrite(text);
  if (!parsed.ok) return parsed;
  const { doc, value: original } = parsed;
  const declared = original.schema_version;
  const schemaVersion = version ?? (typeof declared === "string" && SCHEMA_VERSIONS.includes(declared) ? declared : undefined);
  const schema = schemaVersion ? (loadJsonSchema(schemaVersion, kind) as SchemaNode) : undefined;

  let out: string;
  if (format === "json") out = JSON.stringify(orderValue(original, schema), null, 2) + "\n";
  else {
    let shared = false;
    yaml().visit(doc, (_key, node) => {
      if (yaml().isAlias(node) || ((yaml().isScalar(node) || yaml().isMap(node) || yaml().isSeq(node)) && node.anchor)) shared = true;
    });
    if (shared) return { ok: false, reason: "it uses YAML anchors or aliases; write the values out in full" };
    // A comment above the first key is the file's header: it stays on top, whatever key comes first.
    const first = yaml().isMap(doc.contents) ? doc.contents.items[0] : undefined;
    if (first && yaml().isScalar(first.key) && first.key.commentBefore) {
      doc.commentBefore = [doc.commentBefore, first.key.commentBefore].filter(Boolean).join("\n");
      first.key.commentBefore = undefined;
    }
    layoutNode(doc.contents as Node | null, schema, 0);
    doc.directives.docStart = null;
    out = doc.toString(STRINGIFY_OPTIONS);
    out = out.replace(/\r\n?/g, "\n");
    if (!out.endsWith("\n")) out += "\n";
    // One layout for the header, whatever yaml made of it (a `---`, blank lines): its comment lines, one blank line, the keys.
    const header = /^(?:[ \t]*(?:#[^\n]*)?\n)*/.exec(out)![0];
    if (header) {
      const comments = header.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("#"));
      out = (comments.length > 0 ? comments.join("\n") + "\n\n" : "") + out.slice(header.length);
    }
  }

  // Never change a value: read the result back and compare.
  const again = format === "json" ? JSON.parse(out) : yaml().parseDocument(out, PARSE_OPTIONS).toJS();
  if (!isDeepStrictEqual(again, original)) return { ok: false, reason: "the canonical layout would change a value (please report this)" };
  return { ok: true, text: out };
}
