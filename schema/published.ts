/**
 * The published JSON Schema files (schema/vX.Y.Z/*.schema.json), as the
 * toolkit reads them: the contract that the validators are compiled from, and
 * that canonical key order, scaffolds and the release follow.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { TOOLKIT_ROOT } from "../scripts/core/paths.ts";
import { jsonSchemaPath, type RecordKind } from "./versions.ts";

/** The text of a published JSON Schema file, as it is on disk. */
export function publishedSchemaText(version: string, kind: RecordKind): string {
  return readFileSync(path.join(TOOLKIT_ROOT, jsonSchemaPath(version, kind)), "utf8");
}

const loaded = new Map<string, Record<string, unknown>>();

/** A published JSON Schema, read once a process (callers only read it). */
export function loadJsonSchema(version: string, kind: RecordKind): Record<string, unknown> {
  const key = `${version}:${kind}`;
  let schema = loaded.get(key);
  if (!schema) {
    schema = JSON.parse(publishedSchemaText(version, kind)) as Record<string, unknown>;
    loaded.set(key, schema);
  }
  return schema;
}
