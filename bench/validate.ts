/**
 * `npm run bench`: times `eventwire validate` end to end on synthetic
 * datasets, next to ajv-cli (schema only) on the same files in the same run,
 * and checks the targets of the validate issue:
 *   JSON, every rule          <= 0.6 x ajv-cli
 *   YAML                      <= 2 x JSON
 *   --changed, one file       <= 1 s
 *
 *   JSON, every rule, findings-heavy records (an info on each, a warning in
 *   1 of 10, a probable duplicate in 1 of 100)
 *                             <= 0.8 x ajv-cli (on the same files), peak
 *                             memory <= 1.5 x the clean run's
 *   one record with 100k findings (1 MiB)
 *                             <= 3 s
 *
 *   validate --fix, 10k YAML records with one fix each
 *                             <= 10 s (bench/fix.ts)
 *   --cache (bench/cache.ts)  unchanged: <= 0.15 x ajv-cli (metadata),
 *                             <= 0.35 x (content); 100 files changed:
 *                             <= 0.05 x ajv-cli more
 *
 *   release                   <= 8 s, and peak memory nearly flat from
 *                             --records to --scale records (one release run
 *                             on a JSON-only dataset of that size)
 *
 *   import gdelt (bench/import.ts, opt-in: --import)
 *                             >= 20k rows/s at 100k rows, peak memory
 *                             flat in the rows; then validate of them
 *
 *   npm run bench -- [--records 100000] [--runs 3] [--dir <folder>] [--scale 1000000 | --scale 0] [--import]
 *
 * The datasets are generated once per size and seed (in the temp folder) and
 * reused; each round runs every case once, and the figures are medians.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { LATEST_VERSION, jsonSchemaPath } from "../schema/versions.ts";
import { TOOLKIT_ROOT } from "../scripts/core/paths.ts";
import { RULES } from "../scripts/rules/index.ts";
import { writeManyKeys, writeSynthetic } from "./synthetic.ts";
import { FIX_LIMIT_S, FIX_RECORDS, fixBench } from "./fix.ts";
import { cacheCases, cacheRows } from "./cache.ts";
import { importBench } from "./import.ts";
import { bundleIsFresh } from "../bin/sources-hash.js";

const GENERATOR_VERSION = 5;

/** Unknown keys in the one-record case: each a finding. */
const MANY_KEYS = 100_000;

/** The release case, whose peak memory the larger-scale run is compared with. */
const RELEASE_CASE = "eventwire release (validate + build), JSON";

/** validate with only the rules that do what ajv-cli does; the case's name. */
const FLOOR_RULES = ["syntax", "schema"];
const FLOOR_CASE = "eventwire validate, JSON, syntax and schema rules only";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "100000" },
    runs: { type: "string", default: "3" },
    dir: { type: "string" },
    seed: { type: "string", default: "20230228" },
    // One release at a larger scale, for peak memory: ten times --records unless given (0: none).
    scale: { type: "string" },
    // The import case (bench/import.ts: 10k, 50k, 100k GDELT rows, each imported twice and validated): long, so opt-in.
    import: { type: "boolean" },
  },
});
const records = Number(values.records);
const runs = Number(values.runs);
const seed = Number(values.seed);
const scale = values.scale === undefined ? 10 * records : Number(values.scale);
if (!Number.isInteger(records) || records < 1 || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(scale) || scale < 0) {
  process.stderr.write("usage: npm run bench -- [--records N] [--runs R] [--dir folder] [--seed S] [--scale N (0: none)]\n");
  process.exit(2);
}
// The generator writes records of the latest schema version: a new version means new datasets.
const dir = path.resolve(values.dir ?? path.join(tmpdir(), `eventwire-bench-${records}-${seed}-v${GENERATOR_VERSION}-s${LATEST_VERSION}`));
const stamp = path.join(dir, "complete");

const log = (text: string) => process.stderr.write(text + "\n");

if (!existsSync(stamp)) {
  rmSync(dir, { recursive: true, force: true });
  log(`Generating ${records} records as JSON and as YAML in ${dir} ...`);
  const t = performance.now();
  writeSynthetic(dir, { records, seed });
  git(path.join(dir, "json"), "init", "-q", "-b", "main");
  git(path.join(dir, "json"), "add", "-A");
  git(path.join(dir, "json"), "commit", "-q", "-m", "synthetic");
  writeFileSync(stamp, "");
  log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

// The findings-heavy dataset (JSON only) and the one record with many findings, beside the clean ones.
const findingsDir = `${dir}-findings`;
if (!existsSync(path.join(findingsDir, "complete"))) {
  rmSync(findingsDir, { recursive: true, force: true });
  log(`Generating ${records} findings-heavy records as JSON in ${findingsDir} ...`);
  writeSynthetic(findingsDir, { records, seed, findings: true }, ["json"]);
  writeFileSync(path.join(findingsDir, "complete"), "");
}
const manyKeysDir = path.join(tmpdir(), `eventwire-bench-keys-${MANY_KEYS}-${seed}-v${GENERATOR_VERSION}-s${LATEST_VERSION}`);
if (!existsSync(path.join(manyKeysDir, "complete"))) {
  rmSync(manyKeysDir, { recursive: true, force: true });
  writeManyKeys(manyKeysDir, MANY_KEYS, seed);
  writeFileSync(path.join(manyKeysDir, "complete"), "");
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd, stdio: "ignore" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed`);
}

const BIN = path.join(TOOLKIT_ROOT, "bin", "eventwire.js");

// The bench times what `npm ci` installs: the bundle in build/. A bundle older than the sources would make
// bin/eventwire.js run them through tsx instead (slower to start, more memory), so it is built first.
if (!bundleIsFresh(TOOLKIT_ROOT)) {
  log("The bundle in build/ is missing or older than the sources: building it first (npm run build) ...");
  const built = spawnSync("npm", ["run", "build"], { cwd: TOOLKIT_ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (built.status !== 0) {
    log("npm run build failed");
    process.exit(1);
  }
}
if (process.env.EVENTWIRE_FROM_SOURCE) log("EVENTWIRE_FROM_SOURCE is set: the runs below go through tsx, not the bundle.");
const AJV = path.join(TOOLKIT_ROOT, "node_modules", "ajv-cli", "dist", "index.js");
const SCHEMA = path.join(TOOLKIT_ROOT, jsonSchemaPath(LATEST_VERSION, "event"));

interface Case {
  name: string;
  args: string[];
  cwd: string;
  /** Runs before each timed run (not timed). */
  before?: () => void;
  after?: () => void;
  /** The run reports findings: exit 1 is expected too. */
  findings?: boolean;
}

const json = path.join(dir, "json");
const yaml = path.join(dir, "yaml");
const firstEvent = (() => {
  const r = spawnSync("git", ["ls-files", "data/events"], { cwd: json, encoding: "utf8", maxBuffer: 1 << 28 });
  return r.stdout.split("\n")[0]!;
})();
const original = readFileSync(path.join(json, firstEvent), "utf8");

const cases: Case[] = [
  {
    name: "ajv-cli, schema only (JSON events)",
    cwd: json,
    args: [AJV, "validate", "--spec=draft2020", "-c", "ajv-formats", "-s", SCHEMA, "-d", "data/events/**/*.json"],
  },
  { name: "eventwire validate, JSON", cwd: json, args: [BIN, "validate"] },
  {
    name: "ajv-cli, schema only (JSON events, findings-heavy)",
    cwd: path.join(findingsDir, "json"),
    args: [AJV, "validate", "--spec=draft2020", "-c", "ajv-formats", "-s", SCHEMA, "-d", "data/events/**/*.json"],
  },
  { name: "eventwire validate, JSON, findings-heavy", cwd: path.join(findingsDir, "json"), args: [BIN, "validate"], findings: true },
  { name: `eventwire validate, one record with ${MANY_KEYS} findings`, cwd: path.join(manyKeysDir, "json"), args: [BIN, "validate"], findings: true },
  {
    // What ajv-cli does (parse, schema), as validate does it (on the cores, with its reading and decoding): the
    // floor under "every rule", and what the other rules cost on top of it.
    name: FLOOR_CASE,
    cwd: json,
    args: [BIN, "validate", ...RULES.filter((r) => !FLOOR_RULES.includes(r.meta.id)).flatMap((r) => ["--rule", `${r.meta.id}=off`])],
  },
  { name: "eventwire validate, YAML", cwd: yaml, args: [BIN, "validate"] },
  {
    name: RELEASE_CASE,
    cwd: json,
    args: [BIN, "release", "--version", "1.0.0", "--out", path.join(dir, "release-out")],
  },
  {
    name: "eventwire validate --changed, 1 file",
    cwd: json,
    args: [BIN, "validate", "--changed=HEAD"], // the bench repository is on main: the edit is compared with HEAD
    before: () => writeFileSync(path.join(json, firstEvent), original.replace('"title": "', '"title": "Edited: ')),
    after: () => writeFileSync(path.join(json, firstEvent), original),
  },
  ...cacheCases(BIN, json, `${dir}-cache`),
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

const peaks = new Map<string, number>();
/** The report stage's time (EVENTWIRE_TIMING's `report` row), in seconds, by case. */
const reportTimes = new Map<string, number[]>();
/** The dataset stage's time (the sum of EVENTWIRE_TIMING's `dataset rule <id>` rows: the rules across records), in seconds, by case. */
const datasetTimes = new Map<string, number[]>();
const buildTimes: number[] = [];
// Rounds run every case once, in turn, so that no case gets a warmer page cache than another.
const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (let round = 0; round < runs; round++) {
  for (const c of cases) {
    c.before?.();
    const t = performance.now();
    const r = spawnSync(process.execPath, c.args, { cwd: c.cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env: { ...process.env, EVENTWIRE_TIMING: "1" } });
    const elapsed = (performance.now() - t) / 1000;
    c.after?.();
    if (r.status !== 0 && !(c.findings && r.status === 1)) {
      log(`${c.name}: exit ${r.status}\n${r.stderr.slice(0, 2000)}`);
      process.exit(1);
    }
    times.get(c.name)!.push(elapsed);
    const report = /^report\s+(\d+) ms$/m.exec(r.stderr ?? "");
    if (report) reportTimes.set(c.name, [...(reportTimes.get(c.name) ?? []), Number(report[1]) / 1000]);
    const datasetRows = [...(r.stderr ?? "").matchAll(/^dataset rule \S+\s+(\d+) ms$/gm)];
    if (datasetRows.length > 0) datasetTimes.set(c.name, [...(datasetTimes.get(c.name) ?? []), datasetRows.reduce((sum, m) => sum + Number(m[1]), 0) / 1000]);
    const peak = /^peak memory\s+(\d+) MB$/m.exec(r.stderr ?? "");
    if (peak) peaks.set(c.name, Math.max(peaks.get(c.name) ?? 0, Number(peak[1])));
    // The build step: the stages a release times after its one pass over the records.
    const stages = [...(r.stderr ?? "").matchAll(/^(.+?)\s+(\d+) ms$/gm)].map((m) => [m[1]!, Number(m[2])] as const);
    const pass = stages.findIndex(([stage]) => stage === "validate, write events");
    if (pass !== -1) buildTimes.push(stages.slice(pass + 1).filter(([stage]) => stage !== "total").reduce((sum, [, ms]) => sum + ms, 0) / 1000);
  }
}
const results = new Map<string, number>();
for (const c of cases) {
  results.set(c.name, median(times.get(c.name)!));
  log(`${c.name}: ${times.get(c.name)!.map((t) => t.toFixed(2)).join(" / ")} s`);
}

/**
 * Peak memory at a larger scale: one release of a JSON-only dataset of
 * `scale` records (generated once, as the others; no git, so no \`created\`).
 */
function scaleRun(): { seconds: number; peak: number } | undefined {
  if (scale === 0) return undefined;
  const scaleDir = path.join(tmpdir(), `eventwire-bench-${scale}-${seed}-v${GENERATOR_VERSION}-s${LATEST_VERSION}-json`);
  if (!existsSync(path.join(scaleDir, "complete"))) {
    rmSync(scaleDir, { recursive: true, force: true });
    log(`Generating ${scale} records as JSON in ${scaleDir} ...`);
    writeSynthetic(scaleDir, { records: scale, seed }, ["json"]);
    writeFileSync(path.join(scaleDir, "complete"), "");
  }
  const out = path.join(scaleDir, "release-out");
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, "release", "--version", "1.0.0", "--out", out], { cwd: path.join(scaleDir, "json"), stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env: { ...process.env, EVENTWIRE_TIMING: "1" } });
  const seconds = (performance.now() - t) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) {
    log(`release of ${scale} records: exit ${r.status}\n${r.stderr.slice(0, 2000)}`);
    process.exit(1);
  }
  const peak = /^peak memory\s+(\d+) MB$/m.exec(r.stderr ?? "");
  return { seconds, peak: peak ? Number(peak[1]) : NaN };
}
const scaled = scaleRun();
// validate --fix on records with one fix each (bench/fix.ts): 10k, or --records when fewer, with a limit in proportion.
const fix = { records: Math.min(records, FIX_RECORDS), ...fixBench({ bin: BIN, seed, runs, records: Math.min(records, FIX_RECORDS), log }) };
const imported = values.import ? importBench({ bin: BIN, log }) : undefined;

const [ajv, jsonTime, ajvFindings, findingsTime, manyKeys, floor, yamlTime, release, changed] = cases.map((c) => results.get(c.name)!);
const peakRatio = (peaks.get("eventwire validate, JSON, findings-heavy") ?? NaN) / (peaks.get("eventwire validate, JSON") ?? NaN);
const rows: [string, string, string, boolean][] = [
  ["JSON, every rule / ajv-cli", (jsonTime! / ajv!).toFixed(2), "<= 0.60", jsonTime! <= 0.6 * ajv!],
  ["JSON, every rule, findings-heavy / ajv-cli", (findingsTime! / ajvFindings!).toFixed(2), "<= 0.80", findingsTime! <= 0.8 * ajvFindings!],
  ["findings-heavy peak memory / clean", peakRatio.toFixed(2), "<= 1.50", peakRatio <= 1.5],
  [`one record, ${MANY_KEYS} findings (s)`, manyKeys!.toFixed(2), "<= 3.00", manyKeys! <= 3],
  ["YAML / JSON", (yamlTime! / jsonTime!).toFixed(2), "<= 2.00", yamlTime! <= 2 * jsonTime!],
  ["--changed, 1 file (s)", changed!.toFixed(2), "<= 1.00", changed! <= 1],
  ["release, 100k-scale (s)", release!.toFixed(2), "<= 8.00", release! <= 8],
  [`--fix, ${fix.records} records, one fix each (s)`, fix.seconds.toFixed(2), `<= ${((FIX_LIMIT_S * fix.records) / FIX_RECORDS).toFixed(2)}`, fix.seconds <= (FIX_LIMIT_S * fix.records) / FIX_RECORDS],
  ...cacheRows(results, ajv!),
];
const out = [
  `# eventwire bench: ${records} records, ${cpus().length} cores, Node ${process.version}, median of ${runs}`,
  "",
  "| run | seconds | records/s | dataset stage (s) | report stage (s) | peak memory (MB) |",
  "|---|---:|---:|---:|---:|---:|",
  ...cases.map((c) => {
    const t = results.get(c.name)!;
    const perRecord = c.name.includes("--changed") || c.name.includes("one record") ? "" : Math.round(records / t);
    const report = reportTimes.has(c.name) ? median(reportTimes.get(c.name)!).toFixed(2) : "";
    const dataset = datasetTimes.has(c.name) ? median(datasetTimes.get(c.name)!).toFixed(2) : "";
    return `| ${c.name} | ${t.toFixed(2)} | ${perRecord} | ${dataset} | ${report} | ${peaks.get(c.name) ?? ""} |`;
  }),
  "",
  `validate, JSON: with only the syntax and schema rules on, ${floor!.toFixed(2)} s (${(floor! / ajv!).toFixed(2)} x ajv-cli); the other ${RULES.filter((r) => r.meta.family !== "config").length - FLOOR_RULES.length} rules (of data/; the config-* rules judge eventwire.config.yaml) add ${(jsonTime! - floor!).toFixed(2)} s.`,
  "",
  `release: the build step alone (after validate) took ${buildTimes.length > 0 ? median(buildTimes).toFixed(2) : "?"} s (median).`,
  "",
  ...(scaled
    ? [
        `release of ${scale} records (JSON, one run): ${scaled.seconds.toFixed(1)} s, peak memory ${scaled.peak} MB`,
        `(${(scaled.peak / (peaks.get(RELEASE_CASE) ?? NaN)).toFixed(2)} x the peak at ${records} records, for ${(scale / records).toFixed(0)} x the records).`,
        "",
      ]
    : []),
  "| target | measured | wanted | met |",
  "|---|---:|---:|---|",
  ...rows.map(([name, got, want, ok]) => `| ${name} | ${got} | ${want} | ${ok ? "yes" : "no"} |`),
  "",
  ...(imported ? imported.lines : []),
];
process.stdout.write(out.join("\n"));
