/** Generates the published JSON Schema (draft 2020-12) files from the zod schemas. */
import { z } from "zod";
import { RECORD_KINDS, SCHEMAS, jsonSchemaPath } from "./index.ts";

/** JSON Schema of one version and kind, as an object. */
export function toJsonSchema(version: string, kind: (typeof RECORD_KINDS)[number]): Record<string, unknown> {
  const schemas = SCHEMAS[version];
  if (!schemas) throw new Error(`unknown schema version ${version}`);
  const generated = z.toJSONSchema(schemas[kind], {
    target: "draft-2020-12",
    unrepresentable: "throw",
    io: "input",
  }) as Record<string, unknown>;
  // Identity first, so that a reader of the file sees what it is before how it is built.
  const { $schema, $id, title, description, ...rest } = generated;
  return { $schema, $id, title, description, ...rest };
}

/** Every published file: repository-relative path -> exact file text. */
export function generateJsonSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const version of Object.keys(SCHEMAS))
    for (const kind of RECORD_KINDS)
      files.set(jsonSchemaPath(version, kind), JSON.stringify(toJsonSchema(version, kind), null, 2) + "\n");
  return files;
}
