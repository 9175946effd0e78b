/**
 * A record file rewritten for a later schema version. The migration works on
 * the record's value (schema/migrations/); the change is then carried into
 * the file's own YAML document, node by node, so that comments, key order and
 * styles stay wherever a field survives. JSON has no comments: it is written
 * again with two-space indents, keys in the order the migration leaves them.
 * The result is read back and must equal the migrated value, or nothing is
 * written.
 */
import { isDeepStrictEqual } from "node:util";
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import { migrateRecord, type RecordValue } from "../../schema/migrations/index.ts";
import { SCHEMA_VERSIONS, type RecordKind } from "../../schema/versions.ts";
import { PARSE_OPTIONS, parseForRewrite, STRINGIFY_OPTIONS } from "./canonical.ts";
import { isObject } from "../core/pointer.ts";

export type MigrateTextResult =
  | { ok: true; from: string; text: string; value: RecordValue; changed: boolean }
  | { ok: false; reason: string };


/** Carries `after` into the map node that holds `before`: pairs removed, values changed in place, new pairs after their predecessor. */
function patchMap(doc: Document, node: YAMLMap, before: Record<string, unknown>, after: Record<string, unknown>): void {
  const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
  node.items = node.items.filter((pair) => Object.hasOwn(after, keyOf(pair as Pair)));
  let previous = -1;
  for (const key of Object.keys(after)) {
    const at = node.items.findIndex((pair) => keyOf(pair as Pair) === key);
    if (at === -1) {
      // A new field: right after the key the migration put before it.
      node.items.splice(previous + 1, 0, doc.createPair(key, after[key]) as Pair);
      previous++;
      continue;
    }
    previous = at;
    const pair = node.items[at] as Pair;
    pair.value = patchNode(doc, pair.value as Node | null, before[key], after[key]);
  }
}

/** The node for `after`: the same node patched where the shapes agree, a new node where they do not. */
function patchNode(doc: Document, node: Node | null, before: unknown, after: unknown): Node | null {
  if (isDeepStrictEqual(before, after)) return node;
  if (isMap(node) && isObject(before) && isObject(after)) {
    patchMap(doc, node, before, after);
    return node;
  }
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    node.items = node.items.map((item, i) => patchNode(doc, item as Node | null, before[i], after[i]));
    return node;
  }
  if (isScalar(node) && (after === null || typeof after !== "object")) {
    node.value = after;
    return node;
  }
  return doc.createNode(after) as Node;
}

/**
 * The text of a record file migrated to version `to`. `changed` is false when
 * the record is at `to` already (migrating twice changes nothing more).
 */
/** The editor modeline (`# yaml-language-server: $schema=.../v<from>/<kind>.schema.json`) of a record, pointed at the version it migrates to. */
export function withModelineVersion(text: string, from: string, to: string): string {
  return text.replace(MODELINE, (line) => line.replace(`/v${from}/`, `/v${to}/`));
}

/** The YAML language server's modeline, a comment line of its own (see `eventwire new`). */
const MODELINE = /^# yaml-language-server: \$schema=[^\n]*$/m;

export function migrateText(text: string, format: "yaml" | "json", kind: RecordKind, to: string): MigrateTextResult {
  const bom = text.startsWith("\ufeff") ? "\ufeff" : "";
  const parsed = parseForRewrite(text);
  if (!parsed.ok) return parsed;
  const { doc, value } = parsed;
  const from = value.schema_version;
  if (typeof from !== "string" || !SCHEMA_VERSIONS.includes(from)) return { ok: false, reason: `its \`schema_version\` (${JSON.stringify(from)}) is not a known version` };
  if (SCHEMA_VERSIONS.indexOf(from) > SCHEMA_VERSIONS.indexOf(to)) return { ok: false, reason: `it is written against ${from}, later than ${to}: migrations only go forward` };
  if (from === to) return { ok: true, from, text, value, changed: false };

  const migrated = migrateRecord(value, kind, to);
  let out: string;
  if (format === "json") out = JSON.stringify(migrated, null, 2) + "\n";
  else {
    doc.contents = patchNode(doc, doc.contents as Node | null, value, migrated) as typeof doc.contents;
    out = withModelineVersion(doc.toString(STRINGIFY_OPTIONS), from, to);
  }
  const again = format === "json" ? JSON.parse(out) : parseDocument(out, PARSE_OPTIONS).toJS();
  if (!isDeepStrictEqual(again, migrated)) return { ok: false, reason: "the rewritten file would not hold the migrated record (please report this)" };
  return { ok: true, from, text: bom + out, value: migrated, changed: true };
}
