/**
 * What each record rule costs, alone: every event rule run in this process on
 * the events of a dataset (parsed once, before any timing), the best of 5
 * passes each, most expensive first. The cost of the rules on top of the
 * floor (syntax and schema) that `npm run bench` reports, rule by rule.
 *
 *   npx tsx bench/rules.ts <dataset root, e.g. /tmp/eventwire-bench-20000-...-s1.2.0/json>
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Actor, Outlet } from "../schema/index.ts";
import { formatOf, kindOf, type DatasetFile } from "../scripts/dataset/discover.ts";
import { parseRecord } from "../scripts/dataset/parse.ts";
import { RECORD_RULES } from "../scripts/rules/index.ts";
import type { RecordContext } from "../scripts/rules/types.ts";

const root = process.argv[2];
if (!root) {
  process.stderr.write("usage: npx tsx bench/rules.ts <dataset root>\n");
  process.exit(2);
}
const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const registry = <T>(kind: string) => new Map(filesUnder(path.join(root, "data", kind)).map((f) => { const v = JSON.parse(readFileSync(f, "utf8")) as T & { id: string }; return [v.id, v as T]; }));
const registries = { actors: registry<Actor>("actors"), outlets: registry<Outlet>("outlets") };
const contexts: RecordContext[] = filesUnder(path.join(root, "data", "events")).sort().flatMap((absolute) => {
  const rel = path.relative(root, absolute);
  const file: DatasetFile = { path: rel, root, kind: kindOf(rel), format: formatOf(rel) };
  const parsed = parseRecord(readFileSync(absolute, "utf8"), file.format ?? "json");
  if (!parsed.ok) return [];
  const record = parsed.doc.value as Record<string, unknown>;
  return [{ file, kind: "event", doc: parsed.doc, record, version: String(record.schema_version), valid: true, registries, today: new Date().toISOString().slice(0, 10), texts: new Map() }];
});
const costs = RECORD_RULES.filter((rule) => rule.kinds.includes("event")).map((rule) => {
  let best = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const start = process.hrtime.bigint();
    for (const ctx of contexts) rule.check(ctx);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return [rule.meta.id, best] as const;
});
costs.sort((a, b) => b[1] - a[1]);
console.log(`${contexts.length} events; all record rules ${costs.reduce((sum, [, ms]) => sum + ms, 0).toFixed(0)} ms (best of 5 passes each)`);
for (const [id, ms] of costs) console.log(`${id.padEnd(24)} ${ms.toFixed(1)} ms  ${((ms * 1000) / contexts.length).toFixed(2)} µs a record`);
