/**
 * Migrations between schema versions: one module a step (N -> N+1), composed
 * to reach any later version. No zod here: the release runs them in its
 * workers on every record, and the validator loads nothing it does not use.
 */
import { LATEST_VERSION, SCHEMA_VERSIONS, type RecordKind } from "../versions.ts";
import { migration as v1_0_0_to_v1_1_0 } from "./1.0.0-to-1.1.0.ts";
import { migration as v1_1_0_to_v1_2_0 } from "./1.1.0-to-1.2.0.ts";
import { migration as v1_2_0_to_v1_3_0 } from "./1.2.0-to-1.3.0.ts";
import type { Migration, RecordValue } from "./types.ts";

export type { Migration, RecordValue } from "./types.ts";

/** Every step, oldest first; a test holds them to SCHEMA_VERSIONS (one step between each consecutive pair). */
export const MIGRATIONS: readonly Migration[] = [v1_0_0_to_v1_1_0, v1_1_0_to_v1_2_0, v1_2_0_to_v1_3_0];

/** The steps from one version to a later one (none when they are the same). */
export function migrationsBetween(from: string, to: string): Migration[] {
  const start = SCHEMA_VERSIONS.indexOf(from);
  const end = SCHEMA_VERSIONS.indexOf(to);
  if (start === -1) throw new Error(`unknown schema version \`${from}\``);
  if (end === -1) throw new Error(`unknown schema version \`${to}\``);
  if (end < start) throw new Error(`cannot migrate from ${from} back to ${to}: migrations only go forward`);
  const steps: Migration[] = [];
  for (let i = start; i < end; i++) {
    const step = MIGRATIONS.find((m) => m.from === SCHEMA_VERSIONS[i] && m.to === SCHEMA_VERSIONS[i + 1]);
    if (!step) throw new Error(`no migration from ${SCHEMA_VERSIONS[i]} to ${SCHEMA_VERSIONS[i + 1]}`);
    steps.push(step);
  }
  return steps;
}

/** A record (valid under the version it declares) as a record of `to` (default: the latest version). */
export function migrateRecord<T = RecordValue>(record: RecordValue, kind: RecordKind, to: string = LATEST_VERSION): T {
  let value = record;
  for (const step of migrationsBetween(String(record.schema_version), to)) value = step.migrate(value, kind);
  return value as T;
}
