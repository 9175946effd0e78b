import { checkDataset } from "./scripts/check/run.ts";
import { discover } from "./scripts/dataset/discover.ts";
import { processFile } from "./scripts/check/file.ts";
import { load } from "./scripts/check/load.ts";
const root = "/tmp/eventwire-bench-100000-20230228-v2/json";
const all = await discover(root);
let t = performance.now();
const r = await checkDataset(root, all, { threads: 1, listing: all });
console.log("checkDataset", ((performance.now() - t) / 1000).toFixed(2), "s", r.findings.length);
const reg = all.filter((f) => f.kind !== "event").map(load);
const registries = { actors: new Map(reg.filter((l) => l.file.kind === "actor").map((l) => [String(l.record!.id), l.record as any])), outlets: new Map(reg.filter((l) => l.file.kind === "outlet").map((l) => [String(l.record!.id), l.record as any])) };
const ctx = { registries, today: "2026-11-27", settings: new Map() };
t = performance.now();
let n = 0; for (const f of all) { const o = processFile(f, "target", ctx); n += o.findings.length; }
console.log("processFile loop", ((performance.now() - t) / 1000).toFixed(2), "s", n);
t = performance.now();
for (const f of all) load(f);
console.log("load loop", ((performance.now() - t) / 1000).toFixed(2), "s");
