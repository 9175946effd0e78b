/**
 * The diff case (issue 21): `eventwire diff <base> <head>` on a synthetic
 * dataset of N JSON records in a git repository, where the head changes the
 * title of 1 record in 100, retracts 1 in 1,000 and adds 100: what the PR
 * comment workflow runs. Both revisions are written out and validated, so the
 * time is about two validate runs plus two checkouts of the tree; figures are
 * wall time and peak memory (GNU time), one run a size.
 *
 *   npx tsx bench/diff.ts [--records 10000,50000] [--dir <folder>]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { TOOLKIT_ROOT } from "../scripts/core/paths.ts";
import { writeSynthetic } from "./synthetic.ts";

const { values } = parseArgs({ options: { records: { type: "string", default: "10000,50000" }, dir: { type: "string" } } });
const BIN = path.join(TOOLKIT_ROOT, "bin/eventwire.js");
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 }).toString();

function eventFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name)) : out.push(path.join(d, e.name));
  };
  walk(path.join(dir, "data/events"));
  return out.sort();
}

for (const n of values.records!.split(",").map(Number)) {
  const base = path.join(values.dir ?? tmpdir(), `eventwire-bench-diff-${n}`);
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  writeSynthetic(base, { records: n }, ["json"]);
  const repo = path.join(base, "json");
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "base");
  const files = eventFiles(repo);
  files.forEach((f, i) => {
    if (i % 100 === 0 || i % 1000 === 1) {
      const record = JSON.parse(readFileSync(f, "utf8")) as Record<string, unknown>;
      if (i % 100 === 0) record.title = `${String(record.title)} (corrected)`;
      else Object.assign(record, { status: "retracted", retraction_reason: "The report was withdrawn by its outlet." });
      writeFileSync(f, JSON.stringify(record, null, 2) + "\n");
    }
  });
  for (let i = 0; i < 100; i++) {
    const record = JSON.parse(readFileSync(files[i]!, "utf8")) as Record<string, unknown>;
    const id = `ev-zz${String(i).padStart(6, "0").replace(/[01]/g, (d) => (d === "0" ? "a" : "b"))}`;
    const file = path.join(path.dirname(files[i]!), `${id}.json`);
    if (!existsSync(file)) writeFileSync(file, JSON.stringify({ ...record, id }, null, 2) + "\n");
  }
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "head");
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, BIN, "diff", "HEAD~1", "HEAD", "--format", "json"], { cwd: repo, encoding: "utf8", maxBuffer: 1 << 30 });
  const [seconds, kb] = run.stderr.trim().split("\n").at(-1)!.split(" ");
  const report = JSON.parse(run.stdout) as { changes: unknown[] };
  console.log(`${n} records: diff ${seconds} s, peak ${Math.round(Number(kb) / 1024)} MB, ${report.changes.length} rows, exit ${run.status}`);
  rmSync(base, { recursive: true, force: true });
}
