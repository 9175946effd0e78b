/**
 * ajv validators for every schema version and record kind, compiled once from
 * the published JSON Schema files (the contract other languages use too).
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SCHEMA_VERSIONS, jsonSchemaPath, type RecordKind } from "../../../schema/index.ts";
import { TOOLKIT_ROOT } from "../../core/paths.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface KindValidator {
  schema: Record<string, unknown>;
  /** Stops at the first error: the fast path for the many valid records. */
  quick: ValidateFunction;
  /** All errors, with the failing sub-schema: for the few invalid records. */
  full: ValidateFunction;
}

const cache = new Map<string, KindValidator>();

export function loadJsonSchema(version: string, kind: RecordKind): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(TOOLKIT_ROOT, jsonSchemaPath(version, kind)), "utf8")) as Record<string, unknown>;
}

export function newAjv(allErrors: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors, verbose: allErrors });
  addFormats(ajv);
  return ajv;
}

export function validatorFor(version: string, kind: RecordKind): KindValidator | undefined {
  if (!SCHEMA_VERSIONS.includes(version)) return undefined;
  const key = `${version}:${kind}`;
  let v = cache.get(key);
  if (!v) {
    const schema = loadJsonSchema(version, kind);
    v = { schema, quick: newAjv(false).compile(schema), full: newAjv(true).compile(schema) };
    cache.set(key, v);
  }
  return v;
}
