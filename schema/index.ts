/**
 * Every schema version the toolkit knows, by record kind. A released version
 * never changes; a new version is added beside it with a migration.
 */
import type { z } from "zod";
import * as v1_0_0 from "./v1.0.0/index.ts";
import * as v1_1_0 from "./v1.1.0/index.ts";
import * as v1_2_0 from "./v1.2.0/index.ts";
import * as v1_3_0 from "./v1.3.0/index.ts";
import type { RecordKind } from "./versions.ts";

export { RECORD_KINDS, SCHEMA_VERSIONS, LATEST_VERSION, jsonSchemaPath, type RecordKind } from "./versions.ts";

export const SCHEMAS: Readonly<Record<string, Readonly<Record<RecordKind, z.ZodType>>>> = {
  "1.0.0": { event: v1_0_0.Event, actor: v1_0_0.Actor, outlet: v1_0_0.Outlet },
  "1.1.0": { event: v1_1_0.Event, actor: v1_1_0.Actor, outlet: v1_1_0.Outlet },
  "1.2.0": { event: v1_2_0.Event, actor: v1_2_0.Actor, outlet: v1_2_0.Outlet },
  "1.3.0": { event: v1_3_0.Event, actor: v1_3_0.Actor, outlet: v1_3_0.Outlet },
};

/** The record types of the latest version: what tools write, and what releases hold (older records migrated). */
export type { Event, Actor, Outlet } from "./v1.3.0/index.ts";

/** The value lists of the latest version, for the tools that write records and releases. */
export { STATUSES, DATE_PRECISIONS, ROLES, LOCATION_PRECISIONS, METHODS, ACTOR_KINDS, OUTLET_KINDS } from "./v1.3.0/index.ts";
