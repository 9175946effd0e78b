/**
 * Every schema version the toolkit knows, by record kind. A released version
 * never changes; a new version is added beside it with a migration.
 */
import type { z } from "zod";
import * as v1_0_0 from "./v1.0.0/index.ts";

export const RECORD_KINDS = ["event", "actor", "outlet"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SCHEMAS: Readonly<Record<string, Readonly<Record<RecordKind, z.ZodType>>>> = {
  "1.0.0": { event: v1_0_0.Event, actor: v1_0_0.Actor, outlet: v1_0_0.Outlet },
};

export const SCHEMA_VERSIONS = Object.keys(SCHEMAS);
export const LATEST_VERSION = "1.0.0";

/** Path of the published JSON Schema of a version and kind, relative to the repository. */
export function jsonSchemaPath(version: string, kind: RecordKind): string {
  return `schema/v${version}/${kind}.schema.json`;
}

export type { Event, Actor, Outlet } from "./v1.0.0/index.ts";
