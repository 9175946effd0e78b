/**
 * The schema versions and record kinds, without the zod sources: what the
 * validator needs at run time (it checks records with the published JSON
 * Schemas), so that it starts without building the zod schemas.
 */
export const RECORD_KINDS = ["event", "actor", "outlet"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Every version the toolkit knows, oldest first; schema/index.ts holds a zod schema for each (a test checks). */
export const SCHEMA_VERSIONS: readonly string[] = ["1.0.0", "1.1.0", "1.2.0", "1.3.0"];
export const LATEST_VERSION = "1.3.0";

/** Path of the published JSON Schema of a version and kind, relative to the repository. */
export function jsonSchemaPath(version: string, kind: RecordKind): string {
  return `schema/v${version}/${kind}.schema.json`;
}
