/**
 * 1.0.0 -> 1.1.0, an addition: events may carry an `evidence` list. Every
 * 1.0.0 record is a 1.1.0 record once it names the new version; evidence is
 * added by a coder who reads the report, never by a migration.
 */
import type { Migration } from "./types.ts";

export const migration: Migration = {
  from: "1.0.0",
  to: "1.1.0",
  description: "names schema 1.1.0 (which adds the optional `evidence` list on events); nothing else changes",
  migrate: (record) => ({ ...record, schema_version: "1.1.0" }),
};
