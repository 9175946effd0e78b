/**
 * 1.1.0 -> 1.2.0, an addition: a source's `title` and `published` become
 * optional. Every 1.1.0 record is a 1.2.0 record once it names the new version.
 */
import type { Migration } from "./types.ts";

export const migration: Migration = {
  from: "1.1.0",
  to: "1.2.0",
  description: "names schema 1.2.0 (in which a source's `title` and `published` are optional); nothing else changes",
  migrate: (record) => ({ ...record, schema_version: "1.2.0" }),
};
