/** `eventwire validate`: checks records and reports findings. */
import { appendFileSync } from "node:fs";
import { existsOrLink } from "../core/regular-file.ts";
import { isUnderData, refuseUnderData } from "../core/outside-data.ts";
import { readLocalTexts, type TextManifest } from "../dataset/texts.ts";
import path from "node:path";
import { parseArgs } from "node:util";
import { displayText, inlineValue, visible } from "../core/escape.ts";
import { isCalendarDate, todayUtc } from "../core/dates.ts";
import type { Finding, Severity } from "../core/finding.ts";
import type { Replacement } from "../check/fix.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { poolOptionsFromEnv } from "../check/pool.ts";
import { checkDataset, prepareCheck, type CheckResult, type PreparedCheck } from "../check/run.ts";
import { applyConfig, loadConfig, locatorWithoutIgnored, printedConfig, withoutIgnored, type LoadedConfig } from "../check/config.ts";
import { compareFindings } from "../core/finding.ts";
import { cacheOptions } from "../check/cache.ts";
import { load } from "../check/load.ts";
import { changesSince, configDependency, filesMentioning, isCommit, isToolkitRoot, shallowHint, widening, type Changes } from "../dataset/changes.ts";
import { colorFlag, progressLine, useColor } from "../core/terminal.ts";
import { Timings } from "../core/timing.ts";
import { byPath, coderOf, discover, entriesAt, idFromPath, kindOf, RECORD_FOLDERS, listData, listDataWithoutEvents, locatorOfPaths, pathSelector, type DatasetFile, type EventLocator } from "../dataset/discover.ts";
import type { Files } from "../dataset/listing.ts";
import { RULES, ruleById } from "../rules/index.ts";
import { formatGithub, formatStepSummary } from "../report/github.ts";
import { formatJson } from "../report/json.ts";
import { formatSarif } from "../report/sarif.ts";
import { temporaryFolder, writeOutputFile } from "../core/write.ts";
import { toolkitVersion } from "../core/paths.ts";
import { formatPretty, writePretty } from "../report/pretty.ts";
import type { DisplayOptions } from "../report/select.ts";
import type { ValidateDefaults } from "../rules/config/read.ts";
import { plural } from "../core/plural.ts";
import { fixLines, summarize, type FixSummary, type Summary } from "../report/summary.ts";
import { applySuppressions, checkSuppressRule, SUPPRESSIONS_FILE, type SuppressionResult, type SuppressMode } from "../check/suppress.ts";
import { indexOfPath } from "../dataset/listing.ts";
import { datasetRoot, pathInWorkTree } from "../dataset/root.ts";

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
                           change a rule's severity (repeatable; wins over
                           the configuration, for every file)
  --config <path>          the configuration to use instead of
                           eventwire.config.yaml at the dataset's root (a path
                           from the current folder; missing: exit 2); under
                           --changed, a change to it checks all of data/
  --print-config <file>    print the settings that apply to <file> (every
                           rule's severity, validate's defaults, whether it
                           is ignored) as JSON and exit 0; a configuration
                           with findings prints them and exits 2
  --fix                    apply the fixes rules computed (a did-you-mean id
                           when one entry alone is close, a bare YAML version
                           quoted, an evidence position) to the files checked,
                           editing only the values fixed (comments and the
                           rest kept byte for byte; atomic writes), then check
                           them again (up to 10 times); the report shows what
                           remains and how many were fixed. A fix that is not
                           sure, or a file changed since it was read, is left
                           and named. Suggestions are listed, never applied.
                           With record-layout on (off by default: --rule
                           record-layout=warn), files are also written in the
                           canonical layout, as eventwire format writes them
  --fix-dry-run            print the fixes as a unified diff (git's a/ and b/
                           paths; ESLint prints JSON here) and write nothing;
                           the report follows the diff (a json, github or
                           sarif report needs -o); not with --suppress-all,
                           --suppress-rule or --prune-suppressions, which write
  --max-warnings <N>       fail (exit 1) when there are more than N warnings
                           (counted with --quiet too, as ESLint does)
  --verbose                list infos in full (by default, one line per rule
                           with a count); with github, annotate them too
  --quiet                  report errors only (warnings and infos are counted
                           in the totals, not printed)
  --max-diagnostics <N>    print at most N findings in full, errors first;
                           the rest are counted per rule (the JSON report
                           always holds every finding)
  --suppress-all           record the errors and warnings of the files checked
                           in eventwire-suppressions.json (per file and rule,
                           with counts): later runs hide them, and only them
  --suppress-rule <id>     record that rule's findings the same way (repeatable)
  --prune-suppressions     lower the counts of eventwire-suppressions.json to
                           what the files checked still have (drop entries gone)
  --suppressions-location <path>
                           the suppressions file (default:
                           eventwire-suppressions.json at the dataset's root;
                           not under data/, links resolved)
  --cache                  keep each file's outcome, and check only the files
                           changed since the last run (rules across records
                           still see every record); the cache is dropped when
                           the rule settings, schemas, registries, kept texts,
                           the date or the toolkit change
  --cache-location <path>  the cache file (default: .eventwire-cache at the
                           dataset's root); a path ending in / or naming a
                           folder is a folder, which gets a file of its own
                           for each dataset; not under data/, links resolved
  --cache-strategy metadata|content
                           how a file counts as unchanged: the same size,
                           time of modification, inode and mode (metadata,
                           the default), or the same bytes (content: for CI,
                           where a fresh checkout changes every time)
  --texts <dir>            also check evidence quotes and summaries against the
                           texts of a folder you keep outside the repository
                           (pages whose words are not the project's to
                           publish), listed in its manifest.json as
                           data/texts/manifest.json lists them (eventwire new
                           text --texts <dir> adds one); for this run only,
                           and for the URLs data/texts/ does not keep (data/
                           texts/ wins; a URL both keep with other bytes is
                           said on stderr). What is wrong in the folder is a
                           text-manifest finding at its files. Links in it
                           are never followed; one folder a run. Under
                           --changed, only the changed records are checked
                           against it (a change in the folder widens
                           nothing); --cache counts its texts. A release
                           never uses such a folder
  --root <dir>             the dataset's repository (default: current folder)
  --color, --no-color      colour the pretty report or not, whatever the
                           environment says (default: colour on a terminal;
                           NO_COLOR turns it off, FORCE_COLOR on, FORCE_COLOR=0
                           off; a file given to -o only with --color)
  -h, --help               show this help

Configuration: eventwire.config.yaml at the dataset's root sets rule
severities (rules:), severities for some files (overrides: files: globs,
rules:; the last that matches wins), files to leave out (ignores: globs;
not listed, checked, compared or released) and the defaults of --format,
--max-warnings, --max-diagnostics, --verbose and --quiet (validate:); a flag
given wins. Its JSON Schema is schema/eventwire.config.schema.json; what is
wrong in it is a finding (config-* rules) and is not applied.

Suppressions: up to the count recorded for a file and rule in
eventwire-suppressions.json, findings are not reported; with more, all of
them are and the run fails (exit 1, warnings and infos too), with fewer the
report says so (--prune-suppressions writes the lower counts). Only the
files checked are compared or written. In
a YAML record, a comment line # eventwire-disable-next-line <id>[, <id>] --
<reason> settles those rules' findings on the next line; # eventwire-disable
<id> -- <reason> among the first comment lines, in the whole file. Every
report counts what was suppressed; exit codes count only the rest.

Environment: EVENTWIRE_TODAY=YYYY-MM-DD sets the date that later dates count
as "in the future" (default: today, UTC). EVENTWIRE_THREADS=N sets the threads
(default: one a core, for large jobs only; never more than the cores nor the
files). EVENTWIRE_TIMING=1 prints the time of each stage and the peak memory
on stderr. On a terminal, a run longer than a second shows how many files
are checked (and how fast) on stderr, erased at the end; never in CI (CI
set), nor when stderr is no terminal, nor while a json, github or sarif report goes
to the terminal.

Exit codes: 0 no errors, 1 error-level findings (or too many warnings, or
more findings than the suppressions file records), 2 usage or internal error.`;

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
      "suppress-all": { type: "boolean" },
      "suppress-rule": { type: "string", multiple: true },
      "prune-suppressions": { type: "boolean" },
      "suppressions-location": { type: "string" },
      fix: { type: "boolean" },
      "fix-dry-run": { type: "boolean" },
      root: { type: "string" },
      config: { type: "string" },
      "print-config": { type: "string" },
      cache: { type: "boolean" },
      "cache-location": { type: "string" },
      "cache-strategy": { type: "string" },
      texts: { type: "string", multiple: true },
      color: { type: "boolean" },
      "no-color": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(VALIDATE_USAGE + "\n");
    return EXIT.ok;
  }
  if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got \`${values.format}\``);
  if (values["output-file"] === "") throw new UsageError("--output-file needs a file name");
  if (values["max-warnings"] !== undefined && !/^\d+$/.test(values["max-warnings"])) throw new UsageError("--max-warnings expects a whole number");
  displayOptions(values, {});
  const cliSettings = new Map((values.rule ?? []).map(parseRuleSetting));
  const root = datasetRoot(io.cwd, values.root);
  // eventwire.config.yaml (or --config): its defaults under the flags given, its severities under --rule (check/config.ts).
  const config = loadConfig(root, io.cwd, values.config, cliSettings);
  if (values["print-config"] !== undefined) return printConfig(values["print-config"], config, root, io, values);
  const defaults = config.validate;
  const format = values.format ?? defaults.format ?? "pretty";
  const fixMode = fixModeOf(values, format);
  const maxWarnings = values["max-warnings"] !== undefined ? Number(values["max-warnings"]) : defaults["max-warnings"] ?? Infinity;
  const display = displayOptions(values, defaults);
  const settings = config.workerSettings;
  const suppressing = suppressionOptions(values, root, io.cwd);
  // A dry run writes nothing: a mode that writes the suppressions file cannot join it.
  if (fixMode === "dry-run" && suppressing.mode) {
    const flag = suppressing.mode.kind === "all" ? "--suppress-all" : suppressing.mode.kind === "rules" ? "--suppress-rule" : "--prune-suppressions";
    throw new UsageError(`--fix-dry-run writes nothing, and ${flag} writes ${suppressing.name}: they cannot be used together (run ${flag} on its own, or with --fix)`);
  }
  const cache = cacheOptions(values, root, io);
  const localTexts = localTextsOption(values.texts, root, io.cwd);
  const localFiles = new Set(localTexts?.problems.map((p) => p.file));
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
  // What the configuration's `ignores` leaves out is not listed: not checked, not compared.
  // Nothing is left out without a word: how many files of the targets it leaves out is said on stderr.
  let ignoredTargets = 0;
  const whole = !changed && positionals.length === 0 ? listData(root) : undefined;
  let listing: Files | undefined = changed ? withoutIgnored(listDataWithoutEvents(root), config) : whole ? withoutIgnored(whole, config) : undefined;
  if (whole) ignoredTargets = whole.length - listing!.length;
  // Paths given are listed as they would be without --changed: a path that matches nothing is a usage error either way.
  let files: Files = positionals.length > 0 ? await discover(root, positionals, io.cwd) : changed ? [] : listing!;
  if (positionals.length > 0 && files.length > 0 && config.ignores) {
    const given = files.length;
    files = withoutIgnored(files, config);
    ignoredTargets = given - files.length;
    // As ESLint: paths given that match only ignored files are a usage error, not a clean run of nothing.
    if (files.length === 0) throw new UsageError(`every file that ${positionals.map(inlineValue).join(", ")} match is ignored by ${config.file} (\`ignores\`)`);
  }
  if (positionals.length > 0 && files.length === 0) {
    const list = positionals.map(inlineValue).join(", ");
    // The word after --changed may have been meant as a ref that this clone lacks (HEAD~5 past a shallow clone's depth).
    if (notARef !== undefined) {
      const hint = shallowHint(root);
      throw new UsageError(`no files match ${list}, and ${inlineValue(notARef)} is no commit in this repository either.${hint ? " " + hint : ""}`);
    }
    throw new UsageError(`no files match ${list}`);
  }
  // (Under --changed, what is left out is counted among the changed files, below.)
  if (ignoredTargets > 0 && !changed) io.stderr.write(`Leaving out ${plural(ignoredTargets, "file")} that ${visible(config.file ?? "")} ignores (\`ignores\`).\n`);
  timings.mark("list files");
  let deleted: string[] = [];
  let events: EventLocator | undefined;
  let prepared: PreparedCheck | undefined;
  let scope: string | undefined;
  if (changed) {
    // The registries and kept texts are read while git works (in processes of its own).
    prepared = prepareCheck(root, listing!, settings, today ?? todayUtc(), localTexts);
    timings.mark("registries");
    const selector = positionals.length > 0 ? pathSelector(root, positionals, io.cwd) : undefined;
    const { changes, left } = withoutIgnoredChanges(await pendingChanges!, config, selector);
    // Nothing is left out without a word, as on a full run: the changed (or deleted) files under data/ that `ignores` leaves out.
    if (left > 0) io.stderr.write(`Leaving out ${plural(left, "changed file")} that ${visible(config.file ?? "")} ignores (\`ignores\`).\n`);
    const scoped = await changedTargets(root, changes, selector, values.config !== undefined ? config.file : undefined);
    files = config.ignores ? scoped.files.filter((f) => !config.ignored(f.path)) : scoped.files;
    deleted = scoped.deleted;
    if (scoped.listing) listing = withoutIgnored(scoped.listing, config);
    else events = locatorWithoutIgnored(locatorOfPaths(root, changes.eventPaths), config);
    scope = scoped.note;
    io.stderr.write(`Checking ${visible(scoped.note)}.\n`);
    timings.mark("git: changed files");
  }
  // A report for machines shown on the terminal gets no progress line beside it (a file or a pipe can have one on stderr).
  // What the suppressions need (check/suppress.ts). Only the files checked are compared, recorded or pruned: the whole
  // listing but what `ignores` leaves out, or under --changed and paths what was checked.
  const everything = positionals.length === 0 && !changed;
  const settleOptions = (directives: CheckResult["directives"], mode: SuppressMode | undefined) => ({
    location: suppressing.location,
    name: suppressing.name,
    ...(mode ? { mode } : {}),
    directives,
    severity: (rule: string, file: string) => config.severityFor(rule, file),
    // The files of a folder of --texts are no files of the dataset: never recorded in the suppressions file (it is the repository's).
    checked: (file: string) => !localFiles.has(file) && ((everything && !(config.ignores && config.ignored(file))) || indexOfPath(files, file) >= 0 || deleted.includes(file)),
  });
  const progressOf = () => format === "pretty" || values["output-file"] !== undefined || !io.stdout.isTTY ? progressLine(io.stderr, io.env, { text: (done, total) => `validate: ${done} of ${total} files checked`, unit: "files" }) : undefined;
  let progress = progressOf();
  // --fix checks again after fixing (check/fix.ts), with a progress line of its own; the registries are read again then, as a fix may have changed one.
  // What a check gives is what --fix fixes: the steps between the check and --fix (per-file severities, suppressions) belong in this function.
  const check = (pass: number) => checkDataset(root, files, {
    progress: progress && ((done, total) => progress?.update(done, total)),
    stage: progress && ((what) => progress?.stage(what)),
    listing,
    events,
    prepared: pass === 1 ? prepared : undefined,
    timings,
    settings,
    today,
    deleted,
    partial: Boolean(changed),
    ...(cache ? { cache } : {}),
    ...(localTexts ? { localTexts } : {}),
    // An explicit thread count is used even for small jobs (tests rely on it).
    ...pool,
  }).finally(() => {
    progress?.end();
    progress = progressOf();
  }).then((checked) => {
    // The configuration's severity for each finding's file (off: dropped), and its own findings (check/config.ts).
    const configured = applyConfig(checked.findings, config);
    if (config.findings.length > 0) configured.sort(compareFindings);
    // --fix fixes what inline directives and the suppressions file leave: the file is only read here (a mode writes it once, below, after the fixes).
    const settledHere = fixMode ? applySuppressions(configured, settleOptions(checked.directives, undefined)) : undefined;
    return { ...checked, findings: settledHere ? settledHere.findings : configured, configured, settledHere };
  });
  const { result, fixes, replacements: planned } = fixMode ? await fixAndCheck(root, check, fixMode, io, values["output-file"] === undefined) : { result: await check(1), fixes: undefined, replacements: undefined };
  if (result.shadowed.length > 0)
    io.stderr.write(
      `Note: data/texts/ keeps ${plural(result.shadowed.length, "URL")} that ${visible(values.texts![0]!)} keeps too, with other bytes; data/texts/'s text is used: ${result.shadowed.slice(0, 5).map(visible).join(", ")}${result.shadowed.length > 5 ? ", ..." : ""}.\n`,
    );
  const sources = config.lines && config.file !== undefined ? new Map([...result.sources, [config.file, config.lines]]) : result.sources;
  // Inline directives, then the suppressions file (written first under --suppress-all, --suppress-rule, --prune-suppressions;
  // after --fix, with what the fixes leave, as ESLint's --fix --suppress-all suppresses what cannot be fixed).
  // Under --fix without a mode, the last check settled them already (the same input): not read and applied twice.
  const settled = !suppressing.mode && result.settledHere ? result.settledHere : applySuppressions(result.configured, settleOptions(result.directives, suppressing.mode));
  if (settled.wrote) io.stderr.write(`${visible(settled.wrote)}\n`);
  const findings = settled.findings;
  const summary = {
    ...summarize(findings, result.files, result.records, result.evidence),
    ...(scope ? { scope } : {}),
    ...suppressionSummary(settled, suppressing.name),
    ...(fixes ? { fixes } : {}),
  };
  // -o: the report is gathered and written at once, atomically (a reader never sees half of one).
  const outputFile = values["output-file"];
  const chunks: string[] = [];
  const out = outputFile === undefined ? (chunk: string) => void io.stdout.write(chunk) : (chunk: string) => void chunks.push(chunk);
  // SARIF's `fixes` are the edits --fix would make: the files with fixes are read for them.
  if (format === "sarif") {
    // --fix-dry-run planned them already, on the same findings (a dry run takes no suppressions mode).
    const replacements = planned ?? (findings.some((f) => f.fix) ? (await import("../check/fix.ts")).planFixes(root, findings).replacements : undefined);
    out(formatSarif(findings, summary, toolkitVersion(), pathInWorkTree(root), settled.suppressed, (f) => replacements?.get(f)));
  } else if (format === "json") out(formatJson(findings, summary, settled.suppressed));
  else if (format === "github") {
    out(formatGithub(findings, summary, display));
    const target = io.env.GITHUB_STEP_SUMMARY;
    if (target) {
      try {
        appendFileSync(target, formatStepSummary(findings, summary, undefined, display));
      } catch (error) {
        io.stderr.write(`could not write the job summary to ${visible(target)}: ${visible((error as Error).message)}\n`);
      }
    }
  } else
    writePretty(
      findings,
      summary,
      {
        // A file (-o) gets colour only when --color asks for it: FORCE_COLOR is for what a terminal or a log shows.
        color: outputFile === undefined ? useColor(io.stdout, io.env, colorFlag(rest)) : colorFlag(rest) === true,
        display,
        source: (file) => sources.get(file),
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
  // The pretty report says what --fix did; beside the other formats, stderr does.
  if (format !== "pretty") for (const line of fixLines(summary)) io.stderr.write(displayText(line) + "\n");
  io.stderr.write(timings.report());
  if (summary.errors > 0) return EXIT.findings;
  // A count of the suppressions file that went up fails the run, whatever the findings' severity (issue 18: "fail when it went up").
  if (settled.more.length > 0) return EXIT.findings;
  if (summary.warnings > maxWarnings) {
    io.stderr.write(`${summary.warnings} warnings exceed --max-warnings ${maxWarnings}.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/**
 * `--texts <dir>`: the folder's texts, read once (readLocalTexts); a folder that is not there is a usage error. The path
 * is the user's (as --config's): it may be outside the repository, but not under data/, which is the dataset's (its
 * texts are data/texts/). Its files are named in reports from the current folder.
 */
function localTextsOption(given: string[] | undefined, root: string, cwd: string): TextManifest | undefined {
  if (given === undefined) return undefined;
  if (given.length > 1) throw new UsageError("--texts takes one folder a run: keep the pages you check against in one folder");
  const folder = given[0]!;
  if (folder === "") throw new UsageError("--texts needs a folder");
  const absolute = path.resolve(cwd, folder);
  if (isUnderData(root, absolute))
    throw new UsageError(`--texts: ${inlineValue(folder)} is under data/; the repository's texts are kept in data/texts/, which every run reads: give a folder outside data/`);
  const shown = path.relative(cwd, absolute).split(path.sep).join("/") || ".";
  return readLocalTexts(absolute, shown);
}

/** --fix or --fix-dry-run, if either: not both, and a dry run's diff is stdout's (a report for machines then needs -o). */
function fixModeOf(values: { fix?: boolean; "fix-dry-run"?: boolean; "output-file"?: string }, format: string): "fix" | "dry-run" | undefined {
  if (values.fix && values["fix-dry-run"]) throw new UsageError("--fix and --fix-dry-run cannot be used together");
  if (values["fix-dry-run"] && format !== "pretty" && values["output-file"] === undefined)
    throw new UsageError(`--fix-dry-run prints the diff on stdout: write the ${format} report to a file with -o <path>`);
  return values.fix ? "fix" : values["fix-dry-run"] ? "dry-run" : undefined;
}

/** The check with --fix (fixes written, then checked again) or --fix-dry-run (the diff printed first); see check/fix.ts. */
async function fixAndCheck<R extends CheckResult>(root: string, check: (pass: number) => Promise<R>, mode: "fix" | "dry-run", io: CommandIO, reportFollows: boolean): Promise<{ result: R; fixes: FixSummary; replacements?: Map<Finding, Replacement[]> }> {
  // Loaded only here: the edits need the `yaml` package and the diff its own, which a plain run never loads.
  const [{ checkAndFix }, { formatFixDiff }] = await Promise.all([import("../check/fix.ts"), import("../report/diff.ts")]);
  // The folder of temporary files is made on the first write: a run with nothing to fix writes nothing at all.
  let temp: ReturnType<typeof temporaryFolder> | undefined;
  try {
    const { result, fixes } = await checkAndFix(root, check, { dryRun: mode === "dry-run", tempFolder: () => (temp ??= temporaryFolder(root)).folder });
    // The report follows the diff on stdout (after a blank line), unless -o takes it.
    if (mode === "dry-run" && fixes.files.length > 0) io.stdout.write(formatFixDiff(fixes.files) + (reportFollows ? "\n" : ""));
    return { result, fixes: { dryRun: fixes.dryRun, applied: fixes.applied, files: fixes.files.length, passes: fixes.passes, notApplied: fixes.skipped }, ...(fixes.replacements ? { replacements: fixes.replacements } : {}) };
  } finally {
    temp?.done();
  }
}

/** --suppress-all, --suppress-rule, --prune-suppressions (one at a time, as ESLint) and --suppressions-location. */
function suppressionOptions(
  values: { "suppress-all"?: boolean; "suppress-rule"?: string[]; "prune-suppressions"?: boolean; "suppressions-location"?: string },
  root: string,
  cwd: string,
): { location: string; name: string; mode?: SuppressMode } {
  const given = values["suppressions-location"];
  if (given === "") throw new UsageError("--suppressions-location needs a file name");
  const location = given === undefined ? path.join(root, SUPPRESSIONS_FILE) : path.resolve(cwd, given);
  // Not under data/ (on real paths), where validate would check it as a file of the dataset; as --cache-location.
  if (given !== undefined) refuseUnderData(root, location, "--suppressions-location", "the suppressions file");
  // Named as given, or by its name alone (at the dataset's root): the same in every report wherever validate runs.
  const name = given ?? SUPPRESSIONS_FILE;
  const modes = [values["suppress-all"] && "--suppress-all", values["suppress-rule"] && "--suppress-rule", values["prune-suppressions"] && "--prune-suppressions"].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(" and ")} cannot be used together`);
  if (values["suppress-all"]) return { location, name, mode: { kind: "all" } };
  if (values["suppress-rule"]) return { location, name, mode: { kind: "rules", rules: values["suppress-rule"].map(checkSuppressRule) } };
  if (values["prune-suppressions"]) return { location, name, mode: { kind: "prune" } };
  return { location, name };
}

/** The summary's counts of what was suppressed and what the suppressions file says that no longer holds (nothing when neither). */
function suppressionSummary(settled: SuppressionResult, name: string): Pick<Summary, "suppressed" | "suppressions" | "suppressionsFile"> {
  const { inline, file } = settled.counts;
  return {
    ...(inline + file > 0 ? { suppressed: { inline, file }, suppressionsFile: name } : {}),
    ...(settled.fewer.length + settled.more.length > 0 ? { suppressions: { file: name, fewer: settled.fewer, more: settled.more } } : {}),
  };
}

/**
 * --verbose, --quiet and --max-diagnostics: what the pretty and github reports print in full (report/select.ts).
 * `defaults`: the configuration's; --verbose or --quiet given decides both (a flag wins over the file).
 */
function displayOptions(values: { verbose?: boolean; quiet?: boolean; "max-diagnostics"?: string }, defaults: ValidateDefaults): DisplayOptions {
  const text = values["max-diagnostics"];
  if (text !== undefined && !/^\d+$/.test(text)) throw new UsageError(`--max-diagnostics expects a whole number, got ${inlineValue(text)}`);
  if (values.verbose && values.quiet) throw new UsageError("--verbose and --quiet cannot be used together");
  const flagged = values.verbose !== undefined || values.quiet !== undefined;
  const verbose = flagged ? Boolean(values.verbose) : Boolean(defaults.verbose);
  const quiet = flagged ? Boolean(values.quiet) : Boolean(defaults.quiet);
  return { verbose, quiet, maxDiagnostics: text !== undefined ? Number(text) : defaults["max-diagnostics"] ?? Infinity };
}

/**
 * `--print-config <file>` (ESLint's): the settings that apply to a file (a path from the current folder, in the
 * dataset's repository; it need not exist), with the flags given, as JSON on stdout, exit 0. A configuration with
 * findings of its own is no settings to print: they go to stderr, exit 2.
 */
function printConfig(given: string, config: LoadedConfig, root: string, io: CommandIO, values: { format?: string; "max-warnings"?: string; "max-diagnostics"?: string; verbose?: boolean; quiet?: boolean }): number {
  if (given === "") throw new UsageError("--print-config needs a file name");
  const rel = path.relative(root, path.resolve(io.cwd, given)).split(path.sep).join("/");
  if (rel === "" || rel === ".." || rel.startsWith("../") || path.isAbsolute(rel)) throw new UsageError(`--print-config: ${inlineValue(given)} is not a file in the dataset's repository (${visible(root)})`);
  if (config.findings.length > 0) {
    io.stderr.write(formatPretty(config.findings, summarize(config.findings, 0, 0), { color: false, source: () => config.lines }));
    io.stderr.write(`--print-config: ${visible(config.file ?? "the configuration")} has the findings above; fix them first.\n`);
    return EXIT.usage;
  }
  const flags: ValidateDefaults = {};
  if (values.format !== undefined) flags.format = values.format as ValidateDefaults["format"];
  if (values["max-warnings"] !== undefined) flags["max-warnings"] = Number(values["max-warnings"]);
  if (values["max-diagnostics"] !== undefined) flags["max-diagnostics"] = Number(values["max-diagnostics"]);
  if (values.verbose !== undefined || values.quiet !== undefined) {
    flags.verbose = Boolean(values.verbose);
    flags.quiet = Boolean(values.quiet);
  }
  io.stdout.write(printedConfig({ ...config, validate: { ...config.validate, ...flags } }, rel, RULES.map((r) => r.meta.id)));
  return EXIT.ok;
}

/**
 * The changes of --changed without what the configuration's `ignores` leaves out, and how many changed or deleted
 * files under data/ (of those the paths given select, if any) that is: the targets a run without `ignores` would check.
 */
function withoutIgnoredChanges(changes: Changes, config: LoadedConfig, selected: ((rel: string) => boolean) | undefined): { changes: Changes; left: number } {
  if (!config.ignores) return { changes, left: 0 };
  const keep = (paths: readonly string[]) => paths.filter((p) => !config.ignored(p));
  const left = new Set([...changes.changed, ...changes.deleted].filter((p) => p.startsWith("data/") && config.ignored(p) && (!selected || selected(p)))).size;
  return { changes: { ...changes, changed: keep(changes.changed), deleted: keep(changes.deleted), eventPaths: keep(changes.eventPaths) }, left };
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
  configFile: string | undefined,
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
  // The file --config names (when in the dataset's repository) counts as eventwire.config.yaml does.
  const wide = widening([...changes.changed, ...changes.deleted], isToolkitRoot(root), configDependency(configFile));
  if (!wide) return { files, deleted, note };
  // data/ is listed whole after all.
  const listing = await discover(root);
  for (const f of dependents) known.add(f.path);
  // Second codings (data/codings/<coder>/) are event records, that depend on what events depend on: "every event" holds them too.
  const widened = (p: string) => wide.folders.some((w) => p.startsWith(w) || (w === `${RECORD_FOLDERS.event}/` && coderOf(p) !== undefined));
  const more = listing.filter((f) => !known.has(f.path) && widened(f.path) && (!allowed || allowed.has(f.path)));
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

