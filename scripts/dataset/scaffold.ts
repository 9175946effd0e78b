/**
 * New records for `eventwire new`: what the contributor gave, in schema order,
 * and every required field they did not give left empty with a comment that
 * says what belongs there. An empty required field is a validate finding at
 * its own line, so the file passes once everything marked is filled in.
 */
import { Document, isMap, isScalar, isSeq, type Node } from "yaml";
import { LATEST_VERSION, type RecordKind } from "../../schema/versions.ts";
import { loadJsonSchema } from "../../schema/published.ts";
import { canonicalText, type SchemaNode } from "./canonical.ts";


/** A value still to be filled in: written as an empty field with a `required:` comment. */
export const MISSING = Symbol("missing");
/** A record being made: plain values, `MISSING` where the contributor still has to write one, undefined to leave a field out. */
type Draft = Record<string, unknown>;

function toPlain(draft: unknown): unknown {
  if (draft === MISSING) return null;
  if (Array.isArray(draft)) return draft.map(toPlain);
  if (draft !== null && typeof draft === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(draft)) if (v !== undefined) out[k] = toPlain(v);
    return out;
  }
  return draft;
}

/** Puts a `required: <what>` comment on each missing field, taken from the schema's description. */
function markMissing(node: Node | null, draft: unknown, schema: SchemaNode | undefined): void {
  if (isMap(node) && draft !== null && typeof draft === "object" && !Array.isArray(draft)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const value = (draft as Record<string, unknown>)[key];
      const sub = schema?.properties?.[key];
      if (value === MISSING && isScalar(pair.value)) pair.value.comment = ` required: ${(sub?.description ?? "fill this in").split("\n")[0]}`;
      else markMissing(pair.value as Node | null, value, sub);
    }
  } else if (isSeq(node) && Array.isArray(draft))
    node.items.forEach((item, i) => {
      if (draft[i] === MISSING && isScalar(item)) item.comment = ` required: ${(schema?.items?.description ?? "fill this in").split("\n")[0]}`;
      else markMissing(item as Node | null, draft[i], schema?.items);
    });
}

/** The YAML text of a new record, canonical layout, with the missing fields marked. */
export function scaffoldText(kind: RecordKind, draft: Draft): string {
  const schema = loadJsonSchema(LATEST_VERSION, kind) as SchemaNode;
  const doc = new Document(toPlain(draft));
  markMissing(doc.contents as Node | null, draft, schema);
  // Fields to fill in are left blank (`title: # required: ...`); the canonical pass keeps a value as written.
  const text = doc.toString({ lineWidth: 0, nullStr: "" });
  const canonical = canonicalText(text, "yaml", kind, LATEST_VERSION);
  return canonical.ok ? canonical.text : text;
}

export type { Draft };
