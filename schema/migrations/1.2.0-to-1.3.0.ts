/**
 * 1.2.0 -> 1.3.0, an addition: an event's `locations`, an outlet's `country`
 * and `domains` become optional, and imported entries may name their
 * `origin`. Every 1.2.0 record is a 1.3.0 record once it names the new version.
 */
import type { Migration } from "./types.ts";

export const migration: Migration = {
  from: "1.2.0",
  to: "1.3.0",
  description: "names schema 1.3.0 (in which an event's `locations` and an outlet's `country` and `domains` are optional, and imported entries name their `origin`); nothing else changes",
  migrate: (record) => ({ ...record, schema_version: "1.3.0" }),
};
