/**
 * The `validate --fix` case of the bench (issue 18: 10k records with one fix
 * each, under 10 s): synthetic YAML events, each with a comment on top and its
 * `schema_version` written as a bare YAML number (`1.2`), which schema-version
 * fixes to the quoted version; `validate --fix` fixes all of them, checks
 * again and must then find nothing (exit 0). Each timed run starts from a
 * fresh copy (not timed). Run alone: `npx tsx bench/fix.ts [--records N] [--runs R]`,
 * or from bench/validate.ts.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { LATEST_VERSION } from "../schema/versions.ts";
import { TOOLKIT_ROOT } from "../scripts/core/paths.ts";
import { writeSynthetic } from "./synthetic.ts";

/** What the issue asks: this many records, each with one fix, fixed in at most this many seconds. */
export const FIX_RECORDS = 10_000;
export const FIX_LIMIT_S = 10;

const BARE = String(Number.parseFloat(LATEST_VERSION));

/**
 * Times `validate --fix` on `records` records with one fix each: the median of `runs`, in seconds; and, for
 * scale on a busy machine, a plain `validate` of the fixed records after each (`check`: its median).
 */
export function fixBench(options: { bin: string; seed: number; runs: number; records?: number; log: (text: string) => void }): { seconds: number; times: number[]; check: number } {
  const records = options.records ?? FIX_RECORDS;
  const dir = path.join(tmpdir(), `eventwire-bench-fix-${records}-${options.seed}-s${LATEST_VERSION}`);
  const pristine = path.join(dir, "yaml");
  if (!existsSync(path.join(dir, "complete"))) {
    rmSync(dir, { recursive: true, force: true });
    options.log(`Generating ${records} YAML records with one fix each in ${dir} ...`);
    writeSynthetic(dir, { records, seed: options.seed }, ["yaml"]);
    const events = path.join(pristine, "data", "events");
    let broken = 0;
    for (const entry of readdirSync(events, { recursive: true, encoding: "utf8" })) {
      if (!entry.endsWith(".yaml")) continue;
      const file = path.join(events, entry);
      const text = readFileSync(file, "utf8");
      const next = text.replace(new RegExp(`^schema_version: "?${LATEST_VERSION.replace(/\./g, "\\.")}"?\n`), `# synthetic: schema_version written as a number\nschema_version: ${BARE}\n`);
      if (next === text) throw new Error(`${file}: no schema_version line to break`);
      writeFileSync(file, next);
      broken++;
    }
    if (broken !== records) throw new Error(`${broken} records broken, ${records} wanted`);
    writeFileSync(path.join(dir, "complete"), "");
  }
  const work = path.join(dir, "work");
  const times: number[] = [];
  const checks: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    rmSync(work, { recursive: true, force: true });
    cpSync(pristine, work, { recursive: true });
    const t = performance.now();
    const r = spawnSync(process.execPath, [options.bin, "validate", "--fix"], { cwd: work, encoding: "utf8", maxBuffer: 1 << 28, env: process.env });
    times.push((performance.now() - t) / 1000);
    const fixed = new RegExp(`Fixes: ${records.toLocaleString("en-US").replace(/,/g, ",?")} problems in \\S+ files fixed`).test(r.stdout);
    if (r.status !== 0 || !fixed) throw new Error(`validate --fix: exit ${r.status}\n${r.stdout.slice(0, 2000)}\n${r.stderr.slice(0, 2000)}`);
    const c = performance.now();
    const again = spawnSync(process.execPath, [options.bin, "validate"], { cwd: work, encoding: "utf8", maxBuffer: 1 << 28, env: process.env });
    checks.push((performance.now() - c) / 1000);
    if (again.status !== 0) throw new Error(`validate after --fix: exit ${again.status}\n${again.stdout.slice(0, 2000)}`);
  }
  rmSync(work, { recursive: true, force: true });
  return { seconds: median(times), times, check: median(checks) };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { records: { type: "string", default: String(FIX_RECORDS) }, runs: { type: "string", default: "3" }, seed: { type: "string", default: "20230228" } } });
  const records = Number(values.records);
  const { seconds, times, check } = fixBench({ bin: path.join(TOOLKIT_ROOT, "bin", "eventwire.js"), seed: Number(values.seed), runs: Number(values.runs), records, log: (t) => process.stderr.write(t + "\n") });
  process.stdout.write(`validate --fix, ${records} YAML records with one fix each: ${times.map((t) => t.toFixed(2)).join(" / ")} s (median ${seconds.toFixed(2)} s; wanted <= ${FIX_LIMIT_S} s at ${FIX_RECORDS}); a plain validate of the same records ${check.toFixed(2)} s (${(seconds / check).toFixed(1)} x)\n`);
}
