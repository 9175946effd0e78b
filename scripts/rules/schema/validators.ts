/**
 * ajv validators for every schema version and record kind, compiled once from
 * the published JSON Schema files (the contract other languages use too).
 *
 * Compiling the event schema takes a few hundred milliseconds, so `npm run
 * build` also writes each quick validator as ajv standalone code under
 * build/validators/. One is used only when it was compiled from exactly the
 * schema file on disk (same SHA-256); otherwise the schema is compiled here.
 */
import type { Ajv2020, ValidateFunction } from "ajv/dist/2020.js";
import { sha256 } from "../../../schema/lock.ts";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { publishedSchemaText } from "../../../schema/published.ts";
import { SCHEMA_VERSIONS, type RecordKind } from "../../../schema/versions.ts";
import { TOOLKIT_ROOT } from "../../core/paths.ts";

// ajv is loaded only to compile: with current standalone validators, a clean run never needs it.
const require = createRequire(import.meta.url);

export interface KindValidator {
  schema: Record<string, unknown>;
  /** Stops at the first error: the fast path for the many valid records. */
  quick: ValidateFunction;
  /** All errors, with the failing sub-schema: for the few invalid records (compiled on first use). */
  readonly full: ValidateFunction;
}

const cache = new Map<string, KindValidator>();

/** The options every validator is compiled with; `source` keeps the code for standalone output. */
export function newAjv(allErrors: boolean, source = false): Ajv2020 {
  const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = require("ajv-formats") as (ajv: Ajv2020) => Ajv2020;
  const ajv = new Ajv({ strict: true, allErrors, verbose: allErrors, code: { source } });
  addFormats(ajv);
  return ajv;
}


/** Where the build puts the standalone quick validator of a schema. */
export function standalonePath(version: string, kind: RecordKind): string {
  return path.join(TOOLKIT_ROOT, "build", "validators", version, `${kind}.cjs`);
}

/** The quick validator of a schema as a CommonJS module (ajv standalone code) that names the schema's SHA-256. */
export function standaloneSource(version: string, kind: RecordKind): string {
  const text = publishedSchemaText(version, kind);
  const ajv = newAjv(false, true);
  const validate = ajv.compile(JSON.parse(text) as Record<string, unknown>);
  const standaloneCode = require("ajv/dist/standalone/index.js") as (ajv: Ajv2020, validate: ValidateFunction) => string;
  return withQuickLength(standaloneCode(ajv, validate)) + `\nmodule.exports.schemaSha256 = ${JSON.stringify(sha256(text))};\n`;
}

const UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';

/**
 * JSON Schema counts a string's length in code points; ajv's runtime helper
 * walks every character to find surrogate pairs, for every `minLength` and
 * `maxLength`. A string without a surrogate has as many code points as UTF-16
 * units: a regular-expression scan tells that, faster, and the helper runs
 * only for the strings that have one. Same lengths, always (a test compares).
 */
export function withQuickLength(code: string): string {
  return code.replace(UCS2LENGTH, `((ucs2length, surrogate) => (s) => (surrogate.test(s) ? ucs2length(s) : s.length))(${UCS2LENGTH}, /[\\uD800-\\uDFFF]/)`);
}

/** The standalone validator in `file`, if it was compiled from a schema with this hash. */
export function precompiled(hash: string, file: string): ValidateFunction | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const mod = require(file) as ValidateFunction & { schemaSha256?: string };
    return mod.schemaSha256 === hash ? mod : undefined;
  } catch {
    return undefined;
  }
}

export function validatorFor(version: string, kind: RecordKind): KindValidator | undefined {
  if (!SCHEMA_VERSIONS.includes(version)) return undefined;
  const key = `${version}:${kind}`;
  let v = cache.get(key);
  if (!v) {
    const text = publishedSchemaText(version, kind);
    const schema = JSON.parse(text) as Record<string, unknown>;
    let full: ValidateFunction | undefined;
    v = {
      schema,
      quick: precompiled(sha256(text), standalonePath(version, kind)) ?? newAjv(false).compile(schema),
      get full() {
        return (full ??= newAjv(true).compile(schema));
      },
    };
    cache.set(key, v);
  }
  return v;
}
