import { discover } from "./scripts/dataset/discover.ts";
import { load } from "./scripts/check/load.ts";
import { RECORD_RULES, FILE_RULES } from "./scripts/rules/index.ts";
import { processFile } from "./scripts/check/file.ts";
import { summarizeEvent } from "./scripts/rules/dataset/summary.ts";
const root = "/tmp/eventwire-bench-100000-20230228-v1/json";
const all = await discover(root);
const reg = all.filter((f) => f.kind !== "event").map(load);
const registries = { actors: new Map(reg.filter((l) => l.file.kind === "actor").map((l) => [String(l.record!.id), l.record as any])), outlets: new Map(reg.filter((l) => l.file.kind === "outlet").map((l) => [String(l.record!.id), l.record as any])) };
const files = all.filter((f) => f.kind === "event").slice(0, 30000);
const ctx = { registries, today: "2026-11-27", settings: new Map() };
for (const f of files.slice(0, 2000)) processFile(f, true, ctx);
let t = performance.now(); const loads = files.map(load); console.log("load", ((performance.now() - t) / files.length * 1000).toFixed(1), "µs");
for (const rule of FILE_RULES) { t = performance.now(); for (const l of loads) rule.check({ file: l.file, read: l.read, parse: l.parse }); console.log(rule.id, ((performance.now() - t) / files.length * 1000).toFixed(2), "µs"); }
for (const rule of RECORD_RULES) {
  t = performance.now(); let n = 0;
  for (const l of loads) n += rule.check({ file: l.file, kind: "event", doc: l.doc!, record: l.record!, version: "1.0.0", valid: true, registries, today: "2026-11-27" }).length;
  console.log(rule.id, ((performance.now() - t) / files.length * 1000).toFixed(2), "µs", n);
}
t = performance.now(); for (const l of loads) summarizeEvent(l.record as any); console.log("summary", ((performance.now() - t) / files.length * 1000).toFixed(2), "µs");
t = performance.now(); for (const f of files) processFile(f, true, ctx); console.log("processFile", ((performance.now() - t) / files.length * 1000).toFixed(1), "µs");
