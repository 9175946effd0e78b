/** `eventwire release`: builds the download folder of a version, after a clean validate. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as tar from "tar";
import path from "node:path";
import { parseArgs } from "node:util";
import { poolOptionsFromEnv } from "../check/pool.ts";
import { checkDataset } from "../check/run.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { TOOLKIT_ROOT } from "../core/paths.ts";
import { Timings } from "../core/timing.ts";
import { listData } from "../dataset/discover.ts";
import { filesOfKind } from "../dataset/listing.ts";
import { buildRelease } from "../export/release.ts";
import { formatPretty } from "../report/pretty.ts";
import { summarize } from "../report/summary.ts";
import { datasetRoot } from "../dataset/root.ts";

export const RELEASE_USAGE = `Usage: eventwire release [options]

Builds dist/eventwire-<version>/: events.jsonl (every record as the latest
schema version), events.csv, the long tables event_actors.csv,
event_locations.csv, event_sources.csv, event_evidence.csv, the registries
actors.csv (with actor_aliases.csv, actor_offices.csv) and outlets.csv, the JSON Schemas, datapackage.json (Frictionless
Data Package 2.0), CHANGELOG.md and changes.csv, a dataset card (README.md),
CITATION.cff and SHA256SUMS. It refuses to build while validate reports
errors. The same data gives the same bytes: the one time in it, \`created\`,
comes from SOURCE_DATE_EPOCH or the last commit, never the clock.

Options:
  --version X.Y.Z   the release's version (default: the version in package.json)
  --out <dir>       where the release folder goes (default: dist)
  --previous <path> the previous release (its folder or its .tar.gz): CHANGELOG.md
                    and changes.csv list what changed since (else: all is new)
  --root <dir>      the dataset's repository (default: current folder)
  -h, --help        show this help`;

/**
 * When the release was made, without the clock: SOURCE_DATE_EPOCH (the
 * reproducible-builds convention) or the time of the last commit; none outside git.
 */
function createdTime(root: string, env: CommandIO["env"]): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined) {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got \`${epoch}\``);
    return new Date(Number(epoch) * 1000).toISOString().replace(/\.000Z$/, "Z");
  }
  try {
    const seconds = execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return /^\d+$/.test(seconds) ? new Date(Number(seconds) * 1000).toISOString().replace(/\.000Z$/, "Z") : undefined;
  } catch {
    return undefined;
  }
}

export async function releaseCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { version: { type: "string" }, out: { type: "string" }, previous: { type: "string" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(RELEASE_USAGE + "\n");
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`release takes no paths (it releases all of data/), got \`${positionals.join(" ")}\``);
  const version = values.version ?? (JSON.parse(readFileSync(path.join(TOOLKIT_ROOT, "package.json"), "utf8")) as { version: string }).version;
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) throw new UsageError(`--version expects a version such as 1.2.0, got \`${version}\``);
  const root = datasetRoot(io.cwd, values.root);
  const out = path.resolve(io.cwd, values.out ?? "dist");

  const pool = poolOptionsFromEnv(io.env);
  const timings = new Timings(Boolean(io.env.EVENTWIRE_TIMING));
  const files = listData(root);
  timings.mark("list data/");
  // An empty release is never built: exit 1, as for a dataset with errors (the call was right, the data is not releasable).
  if (filesOfKind(files, "event").length === 0) {
    io.stderr.write(`release: not built; ${path.join(root, "data/events")} holds no events.\n`);
    return EXIT.findings;
  }
  const unpacked = values.previous?.endsWith(".tar.gz") ? mkdtempSync(path.join(tmpdir(), "eventwire-previous-")) : undefined;
  try {
    let previous = values.previous === undefined ? undefined : path.resolve(io.cwd, values.previous);
    if (previous && unpacked) {
      // An archive of a release: unpacked to a temporary folder (its one top folder is the release).
      if (!existsSync(previous)) throw new UsageError(`--previous: \`${values.previous}\` does not exist`);
      await tar.x({ file: previous, cwd: unpacked, strict: true });
      const [top] = readdirSync(unpacked);
      previous = top ? path.join(unpacked, top) : unpacked;
    }
    if (previous !== undefined && !existsSync(path.join(previous, "events.jsonl")))
      throw new UsageError(`--previous: \`${values.previous}\` is not a release folder or archive (it holds no events.jsonl)`);
    // On a terminal, a line that counts the records checked and written (redrawn in place, cleared at the end).
    const progress = io.stderr.isTTY ? (done: number, total: number) => void io.stderr.write(`\rrelease: ${done} of ${total} records checked and written`) : undefined;
    // One pass over the records: the validate workers write the event files of the release as they check.
    const writeEvents = async (folder: string) => {
      const result = await checkDataset(root, files, { listing: files, today: io.env.EVENTWIRE_TODAY, exportTo: folder, progress, timings, ...pool });
      if (progress) io.stderr.write("\r\u001b[2K");
      timings.mark("validate, write events");
      const summary = summarize(result.findings, result.files, result.records);
      if (summary.errors === 0) return result.parts;
      io.stderr.write(formatPretty(result.findings.filter((f) => f.severity === "error"), summary, { color: false, source: (f) => result.sources.get(f) }));
      return undefined;
    };
    const built = await buildRelease({ out, version, files, created: createdTime(root, io.env), previous, writeEvents, timings });
    if (!built) {
      io.stderr.write("release: not built; fix the errors above first.\n");
      return EXIT.findings;
    }
    io.stderr.write(timings.report());
    io.stdout.write(`Built ${path.relative(io.cwd, built.folder) || built.folder} (and .tar.gz): ${built.events} events, ${built.files.length + 1} files.\n`);
    return EXIT.ok;
  } finally {
    if (unpacked) rmSync(unpacked, { recursive: true, force: true });
  }
}
