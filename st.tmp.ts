import { discover } from "./scripts/dataset/discover.ts";
import { readText } from "./scripts/dataset/read.ts";
import { parseRecord } from "./scripts/dataset/parse.ts";
import { validatorFor } from "./scripts/rules/schema/validators.ts";
import { RECORD_RULES, FILE_RULES } from "./scripts/rules/index.ts";
import { processFile } from "./scripts/check/file.ts";
const root = "/tmp/eventwire-bench-100000-20230228-v1/json";
let t = performance.now();
const files = (await discover(root)).filter((f) => f.kind === "event").slice(0, 20000);
console.log("list", (performance.now() - t).toFixed(0));
const v = validatorFor("1.0.0", "event")!;
const texts: string[] = []; const vals: any[] = [];
t = performance.now(); for (const f of files) { const r = readText(f.absolute); texts.push((r as any).text); } console.log("read", ((performance.now() - t) / files.length * 1000).toFixed(1), "µs");
t = performance.now(); for (const x of texts) vals.push((parseRecord(x, "json") as any).doc); console.log("parse", ((performance.now() - t) / files.length * 1000).toFixed(1), "µs");
t = performance.now(); for (const d of vals) v.quick(d.value); console.log("ajv", ((performance.now() - t) / files.length * 1000).toFixed(1), "µs");
const registries = { actors: new Map(), outlets: new Map() };
for (const rule of [...RECORD_RULES]) {
  t = performance.now();
  for (let i = 0; i < vals.length; i++) rule.check({ file: files[i]!, kind: "event", doc: vals[i], record: vals[i].value, version: "1.0.0", valid: true, registries, today: "2026-11-27" } as any);
  console.log(rule.id, ((performance.now() - t) / files.length * 1000).toFixed(1), "µs");
}
t = performance.now(); for (const f of files) processFile(f, true, { registries, today: "2026-11-27", settings: new Map() }); console.log("processFile total", ((performance.now() - t) / files.length * 1000).toFixed(1), "µs");
