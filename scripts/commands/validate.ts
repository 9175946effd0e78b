/** `eventwire validate`: checks records and reports findings. */
import { appendFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isCalendarDate, todayUtc } from "../core/dates.ts";
import { SEVERITIES, type Severity } from "../core/finding.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { poolOptionsFromEnv } from "../check/pool.ts";
import { checkDataset, prepareCheck, type PreparedCheck } from "../check/run.ts";
import { load } from "../check/load.ts";
import { changesSince, filesMentioning, isCommit, type Changes } from "../dataset/changes.ts";
import { Timings } from "../core/timing.ts";
import { byPath, discover, entriesAt, idFromPath, kindOf, listData, listDataWithoutEvents, locatorOfPaths, pathSelector, type DatasetFile, type EventLocator } from "../dataset/discover.ts";
import type { Files } from "../dataset/listing.ts";
import { ruleById } from "../rules/index.ts";
import { formatGithub, formatStepSummary } from "../report/github.ts";
import { formatJson } from "../report/json.ts";
import { formatPretty } from "../report/pretty.ts";
import { plural, summarize } from "../report/summary.ts";
import { datasetRoot } from "../dataset/root.ts";

export const VALIDATE_USAGE = `Usage: eventwire validate [paths or globs...] [options]

Checks records (all of data/ when no path is given) and reports every finding
at file:line:col with its rule id and how to fix it.

Options:
  --changed [<git-ref>]    check only the files changed against <git-ref>
                           (default: the merge base with the default branch);
                           rules across records still see the whole dataset,
                           and a deleted event file is itself a finding
  --format pretty|json|github
                           report format (default: pretty); github prints
                           workflow commands (annotations on the diff) and,
                           when $GITHUB_STEP_SUMMARY is set, appends a table
                           of every finding to the job summary
  --rule <id>=off|warn|error
                           change a rule's severity (repeatable)
  --max-warnings <N>       fail (exit 1) when there are more than N warnings
  --root <dir>             the dataset's repository (default: current folder)
  -h, --help               show this help

Environment: EVENTWIRE_TODAY=YYYY-MM-DD sets the date that later dates count
as "in the future" (default: today, UTC). EVENTWIRE_THREADS=N sets the threads
(default: one a core, for large jobs only). EVENTWIRE_TIMING=1 prints the time
of each stage and the peak memory on stderr.

Exit codes: 0 no errors, 1 error-level findings (or too many warnings),
2 usage or internal error.`;

const FORMATS = ["pretty", "json", "github"] as const;

function parseRuleSetting(text: string): [string, Severity | "off"] {
  const m = /^([a-z0-9-]+)=(off|warn|warning|error|info)$/.exec(text);
  if (!m) throw new UsageError(`--rule expects <id>=off|warn|error, got \`${text}\``);
  const id = m[1]!;
  if (!ruleById(id)) throw new UsageError(`--rule: there is no rule \`${id}\` (docs/rules.md lists them)`);
  const level = m[2] === "warn" ? "warning" : (m[2] as Severity | "off");
  if (level !== "off" && !SEVERITIES.includes(level)) throw new UsageError(`--rule: unknown level in \`${text}\``);
  return [id, level];
}

/**
 * `--changed` takes an optional value: `--changed=<ref>`, or `--changed <ref>`
 * when the next word names a commit. Which it is can only be told once
 * `--root` is known, so the next word is kept aside as a candidate.
 */
function takeChanged(argv: string[]): { rest: string[]; changed: false | { ref?: string; candidate?: string } } {
  const rest: string[] = [];
  let changed: false | { ref?: string; candidate?: string } = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith("--changed=")) {
      const ref = arg.slice("--changed=".length);
      if (!ref) throw new UsageError("--changed= needs a git ref after the `=`");
      changed = { ref };
    } else if (arg === "--changed") {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith("-")) {
        changed = { candidate: next };
        i++;
      } else changed = {};
    } else rest.push(arg);
  }
  return { rest, changed };
}

export async function validateCommand(argv: string[], io: CommandIO): Promise<number> {
  const { rest, changed } = takeChanged(argv);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string" },
      rule: { type: "string", multiple: true },
      "max-warnings": { type: "string" },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(VALIDATE_USAGE + "\n");
    return EXIT.ok;
  }
  const format = values.format ?? "pretty";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got \`${format}\``);
  let maxWarnings = Infinity;
  if (values["max-warnings"] !== undefined) {
    if (!/^\d+$/.test(values["max-warnings"])) throw new UsageError("--max-warnings expects a whole number");
    maxWarnings = Number(values["max-warnings"]);
  }
  const settings = new Map((values.rule ?? []).map(parseRuleSetting));
  const root = datasetRoot(io.cwd, values.root);
  // `--changed <word>`: a ref if it names a commit, else a path like any other.
  if (changed && changed.candidate !== undefined) {
    if (isCommit(root, changed.candidate)) changed.ref = changed.candidate;
    else positionals.push(changed.candidate);
  }
  const today = io.env.EVENTWIRE_TODAY;
  if (today !== undefined && (today.length !== 10 || !isCalendarDate(today)))
    throw new UsageError(`EVENTWIRE_TODAY must be a date written YYYY-MM-DD, got \`${today}\``);
  const pool = poolOptionsFromEnv(io.env);
  const timings = new Timings(Boolean(io.env.EVENTWIRE_TIMING));
  // Without paths, the targets are the whole listing of data/, which the check reuses.
  // git runs in its own processes while data/ is listed here.
  const pendingChanges = changed ? changesSince(root, changed.ref, io.env) : undefined;
  pendingChanges?.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
  // Under --changed, data/events/ is not listed whole: git lists its files, and only those a change can collide with are read.
  let listing: Files | undefined = changed ? listDataWithoutEvents(root) : positionals.length === 0 ? listData(root) : undefined;
  // Paths given are listed as they would be without --changed: a path that matches nothing is a usage error either way.
  let files: Files = positionals.length > 0 ? await discover(root, positionals, io.cwd) : changed ? [] : listing!;
  if (positionals.length > 0 && files.length === 0)
    throw new UsageError(`no files match ${positionals.map((p) => `\`${p}\``).join(", ")}`);
  timings.mark("list files");
  let deleted: string[] = [];
  let events: EventLocator | undefined;
  let prepared: PreparedCheck | undefined;
  if (changed) {
    // The registries and kept texts are read while git works (in processes of its own).
    prepared = prepareCheck(root, listing!, settings, today ?? todayUtc());
    timings.mark("registries");
    const changes = await pendingChanges!;
    const scoped = await changedTargets(root, changes, positionals.length > 0 ? pathSelector(root, positionals, io.cwd) : undefined);
    files = scoped.files;
    deleted = scoped.deleted;
    if (scoped.listing) listing = scoped.listing;
    else events = locatorOfPaths(root, changes.eventPaths);
    io.stderr.write(`Checking ${scoped.note}.\n`);
    timings.mark("git: changed files");
  }
  const result = await checkDataset(root, files, {
    listing,
    events,
    prepared,
    timings,
    settings,
    today,
    deleted,
    partial: Boolean(changed),
    // An explicit thread count is used even for small jobs (tests rely on it).
    ...pool,
  });
  const summary = summarize(result.findings, result.files, result.records, result.evidence);
  if (format === "json") io.stdout.write(formatJson(result.findings, summary));
  else if (format === "github") {
    io.stdout.write(formatGithub(result.findings, summary));
    const target = io.env.GITHUB_STEP_SUMMARY;
    if (target) {
      try {
        appendFileSync(target, formatStepSummary(result.findings, summary));
      } catch (error) {
        io.stderr.write(`could not write the job summary to ${target}: ${(error as Error).message}\n`);
      }
    }
  } else
    io.stdout.write(
      formatPretty(result.findings, summary, {
        color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR,
        source: (file) => result.sources.get(file),
      }),
    );
  timings.mark("report");
  io.stderr.write(timings.report());
  if (summary.errors > 0) return EXIT.findings;
  if (summary.warnings > maxWarnings) {
    io.stderr.write(`${summary.warnings} warnings exceed --max-warnings ${maxWarnings}.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/**
 * The files `--changed` checks: those changed under data/ (and selected by
 * the paths given, if any: deleted files are matched by the paths too). A changed or deleted registry entry can break
 * any event that refers to it, so then every event is checked as well.
 */
async function changedTargets(
  root: string,
  changes: Changes,
  selected: ((rel: string) => boolean) | undefined,
): Promise<{ files: DatasetFile[]; deleted: string[]; note: string; listing?: DatasetFile[] }> {
  const inData = (p: string) => p.startsWith("data/");
  const allowed = selected ? { has: selected } : undefined;
  const deleted = changes.deleted.filter((p) => inData(p) && (!allowed || allowed.has(p)));
  // Entries made from the disk keep what a path cannot say: a symbolic link is never followed.
  let files = entriesAt(
    root,
    changes.changed.filter((p) => inData(p) && (!allowed || allowed.has(p))),
  );
  // An event that stops being active (or goes away) breaks the events that name it in duplicate_of:
  // those are checked too, found by git grep for the id.
  const inactive = [
    ...files.filter((f) => f.kind === "event").flatMap((f) => {
      const l = load(f);
      const named = idFromPath(f.path);
      const id = typeof l.record?.id === "string" ? l.record.id : named;
      // A record whose id no longer matches its file name has probably changed id: the old one counts too.
      const ids = id === named ? [id] : [id, named];
      return l.valid && l.record?.status === "active" ? ids.slice(1) : ids;
    }),
    ...deleted.filter((p) => kindOf(p) === "event").map(idFromPath),
  ];
  const known = new Set(files.map((f) => f.path));
  const dependents = entriesAt(
    root,
    (await filesMentioning(root, inactive)).filter((p) => !known.has(p) && (!allowed || allowed.has(p))),
  );
  files = [...files, ...dependents].sort(byPath);
  const registryTouched = [...files.map((f) => f.kind), ...deleted.map(kindOf)].some((k) => k === "actor" || k === "outlet");
  const short = changes.base.slice(0, 12);
  let note = `${files.length - dependents.length} changed and ${deleted.length} deleted files under data/ since ${short} (${changes.describe})`;
  if (dependents.length > 0) note += `, and ${plural(dependents.length, "event")} naming an event no longer active`;
  if (!registryTouched) return { files, deleted, note };
  // Every event is checked again: data/ is listed whole after all.
  const listing = await discover(root);
  for (const f of dependents) known.add(f.path);
  const events = listing.filter((f) => f.kind === "event" && !known.has(f.path));
  files = [...files, ...events].sort(byPath);
  note += `, and every event, because registry entries changed`;
  return { files, deleted, note, listing };
}
