/** `eventwire release`: builds the download folder of a version, after a clean validate. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { poolOptionsFromEnv } from "../check/pool.ts";
import { checkDataset } from "../check/run.ts";
import { applyConfig, loadConfig, withoutIgnored } from "../check/config.ts";
import { applySuppressions, SUPPRESSIONS_FILE } from "../check/suppress.ts";
import { displayText, inlineValue } from "../core/escape.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { toolkitVersion } from "../core/paths.ts";
import { progressLine } from "../core/terminal.ts";
import { Timings } from "../core/timing.ts";
import { listData } from "../dataset/discover.ts";
import { eventPartsSink, type EventPartsResult } from "../export/event-parts.ts";
import { FormulaCellsError } from "../export/output.ts";
import { fsUsageError } from "../core/fs-errors.ts";
import { openPrevious, type PreviousRelease } from "../export/previous.ts";
import { xlsxMaxEvents as parseXlsxMaxEvents } from "../export/xlsx.ts";
import { buildRelease, clearLeftovers, lockRelease, RELEASE_STEPS, ReleaseBusyError, releasePaths, type ReleaseStep } from "../export/release.ts";
import { datasetEvents, type Files } from "../dataset/listing.ts";
import { datasetAgreement } from "../agreement/dataset.ts";
import type { ReliabilityData } from "../export/reliability.ts";
import { formatPretty } from "../report/pretty.ts";
import { summarize } from "../report/summary.ts";
import { plural } from "../core/plural.ts";
import { datasetRoot } from "../dataset/root.ts";

export const RELEASE_USAGE = `Usage: eventwire release [options]

Builds dist/eventwire-<version>/, one set that holds the release folder
eventwire-<version>/ and its archive eventwire-<version>.tar.gz, replaced
together (a stopped release leaves the set before it; the next one clears
what it left). One release of a version runs at a time: a second one exits
2 while the first holds its lock (<out>/.eventwire-<version>.lock). The folder holds events.jsonl (every record as the latest
schema version), events.csv, the long tables event_actors.csv,
event_locations.csv, event_sources.csv, event_evidence.csv, the registries
actors.csv (with actor_aliases.csv, actor_offices.csv) and outlets.csv, the JSON Schemas, datapackage.json (Frictionless
Data Package 2.0), CHANGELOG.md and changes.csv, a dataset card (README.md),
CITATION.cff, a landing page (index.html) and SHA256SUMS, and every table as
Parquet in parquet/ (with the events by year: parquet/events/year=<YYYY>/part-0.parquet).
It refuses to build while validate reports
errors (what inline directives and eventwire-suppressions.json settle, as
validate reads them, does not count). The same data gives the same bytes: the one time in it, \`created\`,
comes from SOURCE_DATE_EPOCH or the last commit, never the clock. A release
is made from the repository alone: evidence is checked against data/texts/
only, never against a folder of texts kept outside it (validate --texts),
and there is no --texts here.

Options:
  --version X.Y.Z   the release's version (default: the version in package.json)
  --out <dir>       where the release set goes (default: dist; never inside data/)
  --previous <path> the previous release (its set, folder or .tar.gz): CHANGELOG.md
                    and changes.csv list what changed since (else: all is new);
                    links in it are not followed, an archive is read as a stream
  --root <dir>      the dataset's repository (default: current folder)
  --config <path>   the configuration instead of eventwire.config.yaml at the
                    root: validate's; its severities decide what is an error,
                    and what it ignores is not released
  -h, --help        show this help`;

/** 9999-12-31T23:59:59Z, in seconds since 1970. */
const LAST_EPOCH_SECOND = 253402300799;

/**
 * When the release was made, without the clock: SOURCE_DATE_EPOCH (the
 * reproducible-builds convention) or the time of the last commit; none outside git.
 */
function createdTime(root: string, env: CommandIO["env"]): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined) {
    // Whole seconds, up to the last second of year 9999: `created` is an ISO 8601 time with a four-digit year (and tar holds it).
    if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_EPOCH_SECOND)
      throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, from 0 to ${LAST_EPOCH_SECOND} (9999-12-31T23:59:59Z), got \`${epoch.slice(0, 40)}\``);
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
    options: { version: { type: "string" }, out: { type: "string" }, previous: { type: "string" }, root: { type: "string" }, config: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(RELEASE_USAGE + "\n");
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`release takes no paths (it releases all of data/), got ${inlineValue(positionals.join(" "))}`);
  // The dataset's release version; by default the toolkit's own (package.json).
  const version = values.version ?? toolkitVersion();
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) throw new UsageError(`--version expects a version such as 1.2.0, got \`${version}\``);
  const root = datasetRoot(io.cwd, values.root);
  const out = path.resolve(io.cwd, values.out ?? "dist");
  const created = createdTime(root, io.env);
  refuseOutInData(root, out, values.out ?? "dist");
  const killAt = io.env.EVENTWIRE_TEST_KILL_AT;
  if (killAt !== undefined && !(RELEASE_STEPS as readonly string[]).includes(killAt)) throw new UsageError(`EVENTWIRE_TEST_KILL_AT: \`${killAt}\` is not a step (${RELEASE_STEPS.join(", ")})`);
  // Tests only: the process kills itself (SIGKILL, as a power cut would) right before a step that puts the set in place.
  const beforeStep = killAt === undefined ? undefined : (step: ReleaseStep) => void (step === killAt && process.kill(process.pid, "SIGKILL"));

  let xlsxMaxEvents: number;
  try {
    xlsxMaxEvents = parseXlsxMaxEvents(io.env.EVENTWIRE_XLSX_MAX_EVENTS);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const pool = poolOptionsFromEnv(io.env);
  const timings = new Timings(Boolean(io.env.EVENTWIRE_TIMING));
  // The configuration validate applies (check/config.ts): what it ignores is not listed (so not released), its severities decide the errors.
  const config = loadConfig(root, io.cwd, values.config, new Map());
  const listed = listData(root);
  const files = withoutIgnored(listed, config);
  if (files.length < listed.length) io.stderr.write(`release: leaving out ${plural(listed.length - files.length, "file")} that ${displayText(config.file ?? "")} ignores (\`ignores\`).\n`);
  timings.mark("list data/");
  // An empty release is never built: exit 1, as for a dataset with errors (the call was right, the data is not releasable).
  if (datasetEvents(files).length === 0) {
    io.stderr.write(`release: not built; ${path.join(root, "data/events")} holds no events.\n`);
    return EXIT.findings;
  }
  const outExisted = existsSync(out);
  // One release of a version at a time; then what earlier runs left (staging folders, an old set moved aside) is cleared, and said.
  let unlock: () => void;
  try {
    mkdirSync(out, { recursive: true });
    unlock = lockRelease(out, version);
    // Given back on a signal too (the build's handler ends the process with process.exit); a killed run's lock is taken over by the next.
    process.once("exit", unlock);
  } catch (error) {
    if (!outExisted && existsSync(out) && readdirSync(out).length === 0) rmSync(out, { recursive: true });
    if (error instanceof ReleaseBusyError) throw new UsageError(error.message);
    throw fsUsageError(error, out) ?? error;
  }
  const scratch = releasePaths(out, version).scratch;
  let previous: PreviousRelease | undefined;
  try {
    try {
      for (const note of clearLeftovers(out)) io.stderr.write(`release: ${note}\n`);
    } catch (error) {
      throw fsUsageError(error, out) ?? error;
    }
    if (values.previous !== undefined) {
      // An archive's entries are written to a scratch folder beside the release (cleared by the next run if this one is killed).
      previous = await openPrevious(values.previous, io.cwd, scratch);
    }
    // On a terminal, after a second, a line that counts the records checked and written (redrawn in place, cleared at the end; core/terminal.ts).
    const line = progressLine(io.stderr, io.env, { text: (done, total) => `release: ${done} of ${total} records checked and written`, unit: "records" });
    const progress = (done: number, total: number) => line.update(done, total);
    // One pass over the records: the validate workers write the event files of the release as they check.
    const writeEvents = async (folder: string) => {
      let result;
      try {
        result = await checkDataset(root, files, { listing: files, settings: config.workerSettings, today: io.env.EVENTWIRE_TODAY, exportTo: eventPartsSink(folder), progress, stage: (what) => line.stage(what), timings, ...pool });
      } finally {
        line.end();
      }
      timings.mark("validate, write events");
      // What validate reports: the configuration's severities, then inline directives and the suppressions file (at the
      // dataset's root) settle what they record; a finding validate settles does not stop a release.
      const configured = applyConfig(result.findings, config);
      const findings = applySuppressions(configured, {
        location: path.join(root, SUPPRESSIONS_FILE),
        name: SUPPRESSIONS_FILE,
        directives: result.directives,
        severity: (rule: string, file: string) => config.severityFor(rule, file),
        checked: (file: string) => !(config.ignores && config.ignored(file)),
      }).findings;
      const summary = summarize(findings, result.files, result.records);
      // Each share's report, as the sink eventPartsSink names made it.
      if (summary.errors === 0) return result.parts as EventPartsResult[];
      const sources = result.sources;
      io.stderr.write(formatPretty(findings.filter((f) => f.severity === "error"), summary, { color: false, source: (f) => (f === config.file ? config.lines : sources.get(f)) }));
      return undefined;
    };
    let built;
    try {
      built = await buildRelease({ out, version, files, created, previous, writeEvents, timings, beforeStep, xlsxMaxEvents, reliability: () => reliabilityOf(files) });
    } catch (error) {
      if (error instanceof FormulaCellsError) {
        // A problem of the data, like a finding: exit 1, nothing written.
        io.stderr.write(`release: not built: ${error.message.split("\n").map(displayText).join("\n")}\n`);
        return EXIT.findings;
      }
      // A write to an open file names no path: the release's staging folder is where it went.
      throw fsUsageError(error, releasePaths(out, version).staging) ?? error;
    }
    if (!built) {
      io.stderr.write("release: not built; fix the errors above first.\n");
      return EXIT.findings;
    }
    io.stderr.write(timings.report());
    const shown = (file: string) => path.relative(io.cwd, file) || file;
    io.stdout.write(`Built ${shown(built.set)}: ${shown(built.folder)} and ${path.basename(built.archive)}, ${built.events} events, ${built.files.length + 1} files.\n`);
    return EXIT.ok;
  } finally {
    previous?.close();
    rmSync(scratch, { recursive: true, force: true });
    process.off("exit", unlock);
    unlock();
    // Made here for the scratch folder, and nothing built: not even an empty --out is left behind.
    if (!outExisted && existsSync(out) && readdirSync(out).length === 0) rmSync(out, { recursive: true });
  }
}

/**
 * The card's Reliability figures: the events compared with each second coding (data/codings/<coder>/), as
 * `agreement --dataset` compares them (the records passed validate: none is left out as unreadable).
 */
function reliabilityOf(files: Files): ReliabilityData {
  return {
    coders: datasetAgreement(files).comparisons.map(({ coder, records, report }) => ({
      coder,
      records,
      articles: report.articles,
      units: report.units,
      unmatched: report.unmatched,
      fields: report.fields.map((f) => ({
        field: f.field,
        metric: f.metric,
        alpha: f.alpha.alpha,
        ...(f.alpha.reason ? { undefinedBecause: f.alpha.reason } : {}),
        percent: f.percent,
        units: f.alpha.units,
        matched: { alpha: f.matched.alpha.alpha, percent: f.matched.percent, units: f.matched.units },
      })),
    })),
  };
}

/** The real path of `file`, or of its nearest existing parent with the rest joined on (the folder may not exist yet). */
function realPathOf(file: string): string {
  const rest: string[] = [];
  for (let at = file; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return file;
      rest.push(path.basename(at));
    }
  }
}

/**
 * A release inside data/ would be records' neighbours: the next validate
 * fails on every file of it. Refused, however it is named (links resolved).
 */
function refuseOutInData(root: string, out: string, given: string): void {
  const data = realPathOf(path.join(root, "data"));
  const target = realPathOf(out);
  const rel = path.relative(data, target);
  if (rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)))
    throw new UsageError(`--out: \`${given}\` is inside data/ (${data}); a release goes outside the records, such as dist/`);
}
