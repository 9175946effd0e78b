/** `eventwire validate`: checks records and reports findings. */
import { appendFileSync } from "node:fs";
import { existsOrLink } from "../core/regular-file.ts";
import path from "node:path";
import { parseArgs } from "node:util";
import { inlineValue, visible } from "../core/escape.ts";
import { isCalendarDate, todayUtc } from "../core/dates.ts";
import type { Severity } from "../core/finding.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { poolOptionsFromEnv } from "../check/pool.ts";
import { checkDataset, prepareCheck, type PreparedCheck } from "../check/run.ts";
import { cacheOptions } from "../check/cache.ts";
import { load } from "../check/load.ts";
import { changesSince, filesMentioning, isCommit, isToolkitRoot, shallowHint, widening, type Changes } from "../dataset/changes.ts";
import { colorFlag, progressLine, useColor } from "../core/terminal.ts";
import { Timings } from "../core/timing.ts";
import { byPath, discover, entriesAt, idFromPath, kindOf, listData, listDataWithoutEvents, locatorOfPaths, pathSelector, type DatasetFile, type EventLocator } from "../dataset/discover.ts";
import type { Files } from "../dataset/listing.ts";
import { ruleById } from "../rules/index.ts";
import { formatGithub, formatStepSummary } from "../report/github.ts";
import { formatJson } from "../report/json.ts";
import { formatSarif } from "../report/sarif.ts";
import { writeOutputFile } from "../core/write.ts";
import { toolkitVersion } from "../core/paths.ts";
import { writePretty } from "../report/pretty.ts";
import type { DisplayOptions } from "../report/select.ts";
import { plural } from "../core/plural.ts";
import { summarize } from "../report/summary.ts";
import { datasetRoot } from "../dataset/root.ts";

export const VALIDATE_USAGE = `Usage: eventwire validate [paths or globs...] [options]

Checks records (all of data/ when no path is given) and reports every finding
at file:line:col with its rule id and how to fix it.

Options:
  --changed [<git-ref>]    check only the files changed against <git-ref>
                           (default: the merge base with the default branch,
                           never HEAD's own branch); rules across records
                           still see the whole dataset, a deleted event file
                           is itself a finding, and a change to what records
                           depend on (registries, kept texts, schemas) checks
                           the records it can break too. A word that is also
                           a path is the path (from the dataset's root only:
                           exit 2, ambiguous): for the ref, write
                           --changed=<ref> or --changed <ref> --
  --format pretty|json|github|sarif
                           report format (default: pretty); github prints
                           workflow commands (annotations on the diff) and,
                           when $GITHUB_STEP_SUMMARY is set, appends a table
                           of every finding to the job summary; sarif is
                           SARIF 2.1.0 for code scanning (every finding,
                           fingerprints without line numbers)
  -o, --output-file <path> write the report to <path> (atomically) instead of
                           stdout; the exit code is the same
  --rule <id>=off|info|warn|error
                           change a rule's severity (repeatable)
  --max-warnings <N>       fail (exit 1) when there are more than N warnings
                           (counted with --quiet too, as ESLint does)
  --verbose                list infos in full (by default, one line per rule
                           with a count); with github, annotate them too
  --quiet                  report errors only (warnings and infos are counted
                           in the totals, not printed)
  --max-diagnostics <N>    print at most N findings in full, errors first;
                           the rest are counted per rule (the JSON report
                           always holds every finding)
  --cache                  keep each file's outcome, and check only the files
                           changed since the last run (rules across records
                           still see every record); the cache is dropped when
                           the rule settings, schemas, registries, kept texts,
                           the date or the toolkit change
  --cache-location <path>  the cache file (default: .eventwire-cache at the
                           dataset's root); a path ending in / or naming a
                           folder is a folder, which gets a file of its own
                           for each dataset
  --cache-strategy metadata|content
                           how a file counts as unchanged: the same size,
                           time of modification, inode and mode (metadata,
                           the default), or the same bytes (content: for CI,
                           where a fresh checkout changes every time)
  --root <dir>             the dataset's repository (default: current folder)
  --color, --no-color      colour the pretty report or not, whatever the
                           environment says (default: colour on a terminal;
                           NO_COLOR turns it off, FORCE_COLOR on, FORCE_COLOR=0
                           off; a file given to -o only with --color)
  -h, --help               show this help

Environment: EVENTWIRE_TODAY=YYYY-MM-DD sets the date that later dates count
as "in the future" (default: today, UTC). EVENTWIRE_THREADS=N sets the threads
(default: one a core, for large jobs only; never more than the cores nor the
files). EVENTWIRE_TIMING=1 prints the time of each stage and the peak memory
on stderr. On a terminal, a run longer than a second shows how many files
are checked (and how fast) on stderr, erased at the end; never in CI (CI
set), nor when stderr is no terminal, nor while a json, github or sarif report goes
to the terminal.

Exit codes: 0 no errors, 1 error-level findings (or too many warnings),
2 usage or internal error.`;

const FORMATS = ["pretty", "json", "github", "sarif"] as const;

function parseRuleSetting(text: string): [string, Severity | "off"] {
  const m = /^([a-z0-9-]+)=(off|warn|warning|error|info)$/.exec(text);
  if (!m) throw new UsageError(`--rule expects <id>=off|info|warn|error (warning for warn), got ${inlineValue(text)}`);
  const id = m[1]!;
  if (!ruleById(id)) throw new UsageError(`--rule: there is no rule \`${id}\` (docs/rules.md lists them)`);
  const level = m[2] === "warn" ? "warning" : (m[2] as Severity | "off");
  return [id, level];
}

/**
 * `--changed` takes an optional value: `--changed=<ref>` or `--changed <ref> --`
 * always give a ref; `--changed <word>` reads the word as git reads a word
 * before `--`: a path when it exists as one (a branch called `data` is then
 * still the folder), else a ref when it names a commit, else a path again.
 * Which it is can only be told once `--root` is known, so the next word is
 * kept aside as a candidate.
 */
/**
 * How the word after `--changed` (not `--changed=<word>`, nor one followed by
 * `--`) reads as a path: `path` when it is one from the current folder (as
 * paths on the command line are read: a ref of that name only gets a note);
 * `ambiguous` when it is not, but is one from the dataset's root
 * (`--root <repo> --changed data` from elsewhere): were it a commit too, that
 * is git's "ambiguous argument: both revision and filename", a usage error,
 * never silently the ref; `none` when it is no path at all.
 */
function changedWord(word: string, cwd: string, root: string): "path" | "ambiguous" | "none" {
  if (existsOrLink(path.resolve(cwd, word))) return "path";
  return existsOrLink(path.resolve(root, word)) ? "ambiguous" : "none";
}

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
        // Followed by `--`, the word can only be the ref: what comes after `--` are the paths.
        changed = argv[i + 2] === "--" ? { ref: next } : { candidate: next };
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
      "output-file": { type: "string", short: "o" },
      rule: { type: "string", multiple: true },
      "max-warnings": { type: "string" },
      verbose: { type: "boolean" },
      quiet: { type: "boolean" },
      "max-diagnostics": { type: "string" },
      root: { type: "string" },
      cache: { type: "boolean" },
      "cache-location": { type: "string" },
      "cache-strategy": { type: "string" },
      color: { type: "boolean" },
      "no-color": { type: "boolean" },
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
  if (values["output-file"] === "") throw new UsageError("--output-file needs a file name");
  let maxWarnings = Infinity;
  if (values["max-warnings"] !== undefined) {
    if (!/^\d+$/.test(values["max-warnings"])) throw new UsageError("--max-warnings expects a whole number");
    maxWarnings = Number(values["max-warnings"]);
  }
  const display = displayOptions(values);
  const settings = new Map((values.rule ?? []).map(parseRuleSetting));
  const root = datasetRoot(io.cwd, values.root);
  const cache = cacheOptions(values, root, io);
  // `--changed <word>`: a path if one is there, else a ref if it names a commit, else a path like any other.
  // Never silently a ref when it is also a path, from the current folder or from the dataset's root (as git: see changedWord).
  let notARef: string | undefined;
  if (changed && changed.candidate !== undefined) {
    const word = changed.candidate;
    const reading = changedWord(word, io.cwd, root);
    if (reading === "path") {
      positionals.push(word);
      if (isCommit(root, word))
        io.stderr.write(`Note: ${inlineValue(word)} is read as a path (it is one), not as the git ref of that name: for the ref, write --changed=${visible(word)}.\n`);
    } else if (reading === "ambiguous") {
      if (isCommit(root, word))
        throw new UsageError(
          `ambiguous argument \`${word}\` after --changed: both a git ref and a path in the dataset (${path.join(root, word)}), not in the current folder; ` +
            `for the ref, write --changed=${word} (or --changed ${word} --); for the path, give it from the current folder (${path.relative(io.cwd, path.join(root, word)) || "."})`,
        );
      positionals.push(word);
      notARef = word;
    } else if (isCommit(root, word)) changed.ref = word;
    else {
      positionals.push(word);
      notARef = word;
    }
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
  if (positionals.length > 0 && files.length === 0) {
    const list = positionals.map(inlineValue).join(", ");
    // The word after --changed may have been meant as a ref that this clone lacks (HEAD~5 past a shallow clone's depth).
    if (notARef !== undefined) {
      const hint = shallowHint(root);
      throw new UsageError(`no files match ${list}, and ${inlineValue(notARef)} is no commit in this repository either.${hint ? " " + hint : ""}`);
    }
    throw new UsageError(`no files match ${list}`);
  }
  timings.mark("list files");
  let deleted: string[] = [];
  let events: EventLocator | undefined;
  let prepared: PreparedCheck | undefined;
  let scope: string | undefined;
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
    scope = scoped.note;
    io.stderr.write(`Checking ${visible(scoped.note)}.\n`);
    timings.mark("git: changed files");
  }
  // A report for machines shown on the terminal gets no progress line beside it (a file or a pipe can have one on stderr).
  const progress = format === "pretty" || values["output-file"] !== undefined || !io.stdout.isTTY ? progressLine(io.stderr, io.env, { text: (done, total) => `validate: ${done} of ${total} files checked`, unit: "files" }) : undefined;
  const result = await checkDataset(root, files, {
    progress: progress && ((done, total) => progress.update(done, total)),
    listing,
    events,
    prepared,
    timings,
    settings,
    today,
    deleted,
    partial: Boolean(changed),
    ...(cache ? { cache } : {}),
    // An explicit thread count is used even for small jobs (tests rely on it).
    ...pool,
  }).finally(() => progress?.end());
  const summary = { ...summarize(result.findings, result.files, result.records, result.evidence), ...(scope ? { scope } : {}) };
  // -o: the report is gathered and written at once, atomically (a reader never sees half of one).
  const outputFile = values["output-file"];
  const chunks: string[] = [];
  const out = outputFile === undefined ? (chunk: string) => void io.stdout.write(chunk) : (chunk: string) => void chunks.push(chunk);
  if (format === "sarif") out(formatSarif(result.findings, summary, toolkitVersion()));
  else if (format === "json") out(formatJson(result.findings, summary));
  else if (format === "github") {
    out(formatGithub(result.findings, summary, display));
    const target = io.env.GITHUB_STEP_SUMMARY;
    if (target) {
      try {
        appendFileSync(target, formatStepSummary(result.findings, summary, undefined, display));
      } catch (error) {
        io.stderr.write(`could not write the job summary to ${visible(target)}: ${visible((error as Error).message)}\n`);
      }
    }
  } else
    writePretty(
      result.findings,
      summary,
      {
        // A file (-o) gets colour only when --color asks for it: FORCE_COLOR is for what a terminal or a log shows.
        color: outputFile === undefined ? useColor(io.stdout, io.env, colorFlag(rest)) : colorFlag(rest) === true,
        display,
        source: (file) => result.sources.get(file),
      },
      out,
    );
  if (outputFile !== undefined) {
    const target = path.resolve(io.cwd, outputFile);
    try {
      writeOutputFile(target, chunks.join(""));
    } catch (error) {
      io.stderr.write(`could not write the report to ${visible(target)}: ${visible((error as Error).message)}\n`);
      return EXIT.usage;
    }
  }
  timings.mark("report");
  io.stderr.write(timings.report());
  if (summary.errors > 0) return EXIT.findings;
  if (summary.warnings > maxWarnings) {
    io.stderr.write(`${summary.warnings} warnings exceed --max-warnings ${maxWarnings}.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** --verbose, --quiet and --max-diagnostics: what the pretty and github reports print in full (report/select.ts). */
function displayOptions(values: { verbose?: boolean; quiet?: boolean; "max-diagnostics"?: string }): DisplayOptions {
  const text = values["max-diagnostics"];
  if (text !== undefined && !/^\d+$/.test(text)) throw new UsageError(`--max-diagnostics expects a whole number, got ${inlineValue(text)}`);
  if (values.verbose && values.quiet) throw new UsageError("--verbose and --quiet cannot be used together");
  return { verbose: Boolean(values.verbose), quiet: Boolean(values.quiet), maxDiagnostics: text === undefined ? Infinity : Number(text) };
}

/**
 * The files `--changed` checks: those changed under data/ (and selected by
 * the paths given, if any: deleted files are matched by the paths too). A change to what records depend on
 * (DEPENDENCIES in dataset/changes.ts: registries, kept texts, schemas, configuration) widens the check to the
 * records it can break, and the summary line says why and to what.
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
  const short = changes.base.slice(0, 12);
  let note = `${files.length - dependents.length} changed and ${deleted.length} deleted files under data/ since ${short} (${changes.describe})`;
  if (dependents.length > 0) note += `, and ${plural(dependents.length, "event")} naming an event no longer active`;
  // A change to what records depend on (registries, kept texts, schemas, configuration) widens the check,
  // whether or not the paths given select it: the records it can break are checked, as far as the paths select them.
  const wide = widening([...changes.changed, ...changes.deleted], isToolkitRoot(root));
  if (!wide) return { files, deleted, note };
  // data/ is listed whole after all.
  const listing = await discover(root);
  for (const f of dependents) known.add(f.path);
  const more = listing.filter((f) => !known.has(f.path) && wide.folders.some((w) => f.path.startsWith(w)) && (!allowed || allowed.has(f.path)));
  files = [...files, ...more].sort(byPath);
  note += `, and ${wide.folders.map(widenedName).join(" and ")}${selected ? " under the paths given" : ""} (${plural(more.length, "more file")}), because ${wide.because.join(" and ")}`;
  return { files, deleted, note, listing };
}

/** A folder the check widens to, in words. */
function widenedName(folder: string): string {
  if (folder === "data/events/") return "every event";
  if (folder === "data/texts/") return "every kept text";
  if (folder === "data/") return "every file under data/";
  return `every file under ${folder}`;
}

