/**
 * Two versions of the toolkit on the same files, in the same run: ajv-cli,
 * then the old checkout's `validate`, then the new one's, interleaved round by
 * round on the bench's clean and findings-heavy datasets (made first by
 * `npm run bench -- --records N`), and the one record with 100k findings (new
 * only). Each checkout needs its bundle built (`npm run build` in it).
 * With --release, each version instead releases the clean dataset (into a
 * folder of its own under the temp folder), interleaved the same way: the
 * release-time target of a new format is measured against the old release.
 *
 *   node bench/versions.mjs <old checkout> <new checkout> [rounds=3] [records=100000] [--release]
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";

const release = process.argv.includes("--release");
const [oldDir, newDir, roundsArg = "3", records = "100000"] = process.argv.slice(2).filter((a) => a !== "--release");
if (!oldDir || !newDir) {
  process.stderr.write("usage: node bench/versions.mjs <old checkout> <new checkout> [rounds] [records]\n");
  process.exit(2);
}
const rounds = Number(roundsArg);
const base = path.join(tmpdir(), `eventwire-bench-${records}-20230228-v5-s1.2.0`);
const AJV = path.resolve(newDir, "node_modules/ajv-cli/dist/index.js");
const SCHEMA = path.resolve(newDir, "schema/v1.2.0/event.schema.json");
const sets = { clean: `${base}/json`, findings: `${base}-findings/json`, keys: path.join(tmpdir(), "eventwire-bench-keys-100000-20230228-v5-s1.2.0/json") };
for (const dir of Object.values(sets)) if (!existsSync(dir)) throw new Error(`${dir} is missing: run npm run bench -- --records ${records} first`);
const cases = [];
if (release)
  for (const [who, dir] of [["old", oldDir], ["new", newDir]])
    cases.push({
      name: `release ${who}`,
      cwd: sets.clean,
      args: [path.resolve(dir, "bin/eventwire.js"), "release", "--version", "1.0.0", "--out", path.join(tmpdir(), `eventwire-versions-release-${who}`)],
    });
else {
  for (const [set, cwd] of Object.entries(sets)) {
    if (set !== "keys") cases.push({ name: `${set} ajv-cli`, cwd, args: [AJV, "validate", "--spec=draft2020", "-c", "ajv-formats", "-s", SCHEMA, "-d", "data/events/**/*.json"] });
    for (const [who, dir] of [["old", oldDir], ["new", newDir]])
      if (!(set === "keys" && who === "old")) cases.push({ name: `${set} ${who}`, cwd, args: [path.resolve(dir, "bin/eventwire.js"), "validate", "--format", "json"] });
  }
}
const times = new Map(cases.map((c) => [c.name, []]));
const peaks = new Map();
for (let r = 0; r < rounds; r++)
  for (const c of cases) {
    const t = performance.now();
    // GNU time's %M: the peak resident memory of the process (its worker threads included).
    const p = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...c.args], { cwd: c.cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", timeout: 600_000 });
    const s = (performance.now() - t) / 1000;
    if (p.status !== 0 && p.status !== 1) throw new Error(`${c.name}: exit ${p.status}\n${p.stderr.slice(0, 2000)}`);
    times.get(c.name).push(s);
    peaks.set(c.name, Math.max(peaks.get(c.name) ?? 0, Number(p.stderr.trim().split("\n").pop()) / 1024));
    process.stderr.write(`${c.name}: ${s.toFixed(2)} s\n`);
  }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
for (const c of cases)
  console.log(`${c.name.padEnd(16)} ${times.get(c.name).map((t) => t.toFixed(2)).join(" / ")}  median ${median(times.get(c.name)).toFixed(2)} s  peak ${peaks.get(c.name).toFixed(0)} MB`);
