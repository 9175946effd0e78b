/** `eventwire diff <base> [<head>]`: what changed in the dataset between two revisions, and the findings before and after. */
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isCalendarDate, todayUtc } from "../core/dates.ts";
import { displayText, inlineValue, visible } from "../core/escape.ts";
import { compareFindings, type Finding } from "../core/finding.ts";
import { EXIT, isUsageError, UsageError, type CommandIO } from "../core/io.ts";
import { toolkitVersion } from "../core/paths.ts";
import { temporaryFolder, writeOutputFile } from "../core/write.ts";
import { applyConfig, loadConfig, withoutIgnored } from "../check/config.ts";
import { poolOptionsFromEnv, type PoolOptions } from "../check/pool.ts";
import { checkDataset } from "../check/run.ts";
import { applySuppressions, SUPPRESSIONS_FILE } from "../check/suppress.ts";
import { listData } from "../dataset/discover.ts";
import { diffDatasets } from "../dataset/record-diff.ts";
import { commitOf, repositoryOf, writeRevision } from "../dataset/revision.ts";
import { datasetRoot } from "../dataset/root.ts";
import { countSeverities, formatDiffJson, formatDiffMarkdown, formatDiffText, type DatasetDiff } from "../report/dataset-diff.ts";
import { fingerprint } from "../report/sarif.ts";
import { CONFIG_FILE } from "../check/config.ts";

const FORMATS = ["text", "markdown", "json"] as const;
const DEFAULT_MAX_ROWS = 30;
/** The rows a summary file gets at most: some 150 bytes a row keeps it well under a job summary's 1 MiB. */
const SUMMARY_MAX_ROWS = 4000;

export const DIFF_USAGE = `Usage: eventwire diff <base> [<head>] [options]

Says what changed in the dataset from the git revision <base> to <head> (the
working tree, as it is on disk, when <head> is left out): one table of the
events added, changed (which fields), moved, retracted, marked duplicate,
restored or removed, and of the actors, outlets and kept texts added, changed
or removed; then the findings of validate before and after (counts, and the
findings new at <head> and those fixed). Records are matched by id, not path,
and compared by value: a re-layout is no change. Both trees are checked with
this toolkit's rules, each with its own configuration and suppressions.
Revisions are read through a temporary index under .eventwire.tmp/: the index
and the work tree are left as they are.

Options:
  --format text|markdown|json
                           report format (default: text on a terminal,
                           markdown otherwise; markdown's first line is the
                           marker <!-- eventwire-diff --> a workflow finds
                           its pull request comment by)
  --max-rows <N>           show at most N rows of the table and N findings of
                           each list, and count the rest (default: 30; 0
                           shows none; json always holds every one)
  --summary-file <path>    also append the Markdown report to <path> (a job
                           summary: $GITHUB_STEP_SUMMARY), cut at ${SUMMARY_MAX_ROWS} rows
                           only (a job summary holds at most 1 MiB)
  --summary-link <url>     where a reader of a cut Markdown report finds the
                           whole table (an https:// address: the workflow run
                           whose job summary holds it); linked under the table
  -o, --output-file <path> write the report to <path> (atomically) instead of
                           stdout
  --root <dir>             the dataset's root (default: found from the current
                           folder)
  -h, --help               show this help

Exit codes: 0 whatever the findings (a diff is a report, not a verdict:
validate is the check that fails), 2 a usage or internal error (a revision
that names no commit, no git repository).`;


export async function diffCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      "max-rows": { type: "string" },
      "summary-file": { type: "string" },
      "summary-link": { type: "string" },
      "output-file": { type: "string", short: "o" },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(DIFF_USAGE + "\n");
    return EXIT.ok;
  }
  // A terminal reads text; a file, a pipe or a workflow gets Markdown (what a comment or a summary shows).
  const format = values.format ?? (io.stdout.isTTY && values["output-file"] === undefined ? "text" : "markdown");
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got ${inlineValue(format)}`);
  const maxRowsText = values["max-rows"];
  if (maxRowsText !== undefined && !/^\d+$/.test(maxRowsText)) throw new UsageError(`--max-rows expects a whole number, got ${inlineValue(maxRowsText)}`);
  const maxRows = maxRowsText === undefined ? DEFAULT_MAX_ROWS : Number(maxRowsText);
  for (const option of ["output-file", "summary-file"] as const) if (values[option] === "") throw new UsageError(`--${option} needs a file name`);
  const summaryLink = values["summary-link"];
  // A link's destination in angle brackets: no space, no angle bracket, no line break can end it early.
  if (summaryLink !== undefined && !/^https:\/\/[^\s<>\\]+$/.test(summaryLink))
    throw new UsageError(`--summary-link expects an https:// address without spaces or angle brackets, got ${inlineValue(summaryLink)}`);
  if (positionals.length === 0) throw new UsageError(`diff needs the base revision to compare with\n\n${DIFF_USAGE}`);
  if (positionals.length > 2) throw new UsageError(`diff takes a base and a head revision, got ${positionals.length} arguments (${positionals.map(inlineValue).join(" ")})`);
  const [baseRev, headRev] = positionals as [string, string | undefined];
  const today = io.env.EVENTWIRE_TODAY ?? todayUtc();
  if (today.length !== 10 || !isCalendarDate(today)) throw new UsageError(`EVENTWIRE_TODAY must be a date written YYYY-MM-DD, got ${inlineValue(today)}`);
  const pool = poolOptionsFromEnv(io.env);
  const root = datasetRoot(io.cwd, values.root);
  const repo = repositoryOf(root);
  const baseCommit = commitOf(repo.top, baseRev);
  const headCommit = headRev === undefined ? undefined : commitOf(repo.top, headRev);

  // The revisions' trees go in a folder of this run under .eventwire.tmp/ (named as temporaryFolder keeps what a live run holds), always removed.
  const temp = temporaryFolder(root);
  const folder = path.join(temp.folder, `${process.pid}.${Date.now()}.tmp`);
  let diff: DatasetDiff;
  try {
    const baseRoot = writeRevision(repo, baseCommit, path.join(folder, "base"));
    const headRoot = headCommit === undefined ? root : writeRevision(repo, headCommit, path.join(folder, "head"));
    const before = await findingsOf(baseRoot, today, pool, baseRev);
    const after = await findingsOf(headRoot, today, pool, headRev ?? "the working tree");
    const changes = diffDatasets(baseRoot, headRoot);
    // A finding of a moved record is matched under the path it had at base: moving a file fixes nothing and breaks nothing.
    const movedFrom = new Map(changes.filter((c) => c.basePath !== undefined && c.headPath !== undefined && c.basePath !== c.headPath).map((c) => [c.headPath!, c.basePath!]));
    const keyedBefore = keyed(before);
    const keyedAfter = keyed(after, (file) => movedFrom.get(file) ?? file);
    const keysBefore = new Set(keyedBefore.map(([k]) => k));
    const keysAfter = new Set(keyedAfter.map(([k]) => k));
    diff = {
      base: baseRev,
      ...(headRev !== undefined ? { head: headRev } : {}),
      toolkitVersion: toolkitVersion(),
      changes,
      findings: {
        before: countSeverities(before),
        after: countSeverities(after),
        added: keyedAfter.filter(([k]) => !keysBefore.has(k)).map(([, f]) => f),
        fixed: keyedBefore.filter(([k]) => !keysAfter.has(k)).map(([, f]) => f),
      },
      settingsChanged: [CONFIG_FILE, SUPPRESSIONS_FILE].filter((name) => textAt(baseRoot, name) !== textAt(headRoot, name)),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    temp.done();
  }

  const summaryFile = values["summary-file"];
  if (summaryFile !== undefined) {
    const target = path.resolve(io.cwd, summaryFile);
    try {
      appendFileSync(target, formatDiffMarkdown(diff, { maxRows: SUMMARY_MAX_ROWS, whereFull: "`eventwire diff --format json` on a clone lists every row" }));
    } catch (error) {
      throw new UsageError(`could not write the summary to ${inlineValue(target)}: ${visible((error as Error).message)}`);
    }
  }
  // Where the whole table is, said so that the reader can get there: a link to the run whose summary holds it.
  const whereFull =
    summaryLink !== undefined
      ? `the full table is in [the job summary of the validate run](<${summaryLink}>)`
      : summaryFile !== undefined
        ? "the full table is in the job summary of the workflow run that wrote this"
        : "`eventwire diff` with `--max-rows` shows them";
  const report = format === "json" ? formatDiffJson(diff) : format === "text" ? formatDiffText(diff, { maxRows }) : formatDiffMarkdown(diff, { maxRows, whereFull });
  const outputFile = values["output-file"];
  if (outputFile === undefined) io.stdout.write(report);
  else {
    const target = path.resolve(io.cwd, outputFile);
    try {
      writeOutputFile(target, report);
    } catch (error) {
      throw new UsageError(`could not write the report to ${inlineValue(target)}: ${visible((error as Error).message)}`);
    }
    io.stderr.write(`${displayText(`Wrote the report to ${target}.`)}\n`);
  }
  return EXIT.ok;
}

/** A file's text at a dataset's root, or undefined when there is none (or it cannot be read). */
function textAt(root: string, name: string): string | undefined {
  try {
    return readFileSync(path.join(root, name), "utf8");
  } catch {
    return undefined;
  }
}

/** Findings with their keys: the fingerprint SARIF reports (of the file as `fileOf` names it), and a rank among identical ones (as SARIF's). */
function keyed(findings: readonly Finding[], fileOf: (file: string) => string = (file) => file): [string, Finding][] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = fingerprint({ ...f, file: fileOf(f.file) });
    const rank = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, rank);
    return [`${hash}:${rank}`, f];
  });
}

/**
 * What validate reports of a whole dataset (no flags): its configuration (`ignores`, severities), the check,
 * then inline directives and the suppressions file, as validate applies them (commands/validate.ts).
 */
async function findingsOf(root: string, today: string, pool: PoolOptions, revision: string): Promise<Finding[]> {
  try {
    return await settledFindings(root, today, pool);
  } catch (error) {
    // What cannot be checked (a suppressions file that is not one, say) is named with its revision.
    if (isUsageError(error)) throw new UsageError(`at ${inlineValue(revision)}: ${error.message}`);
    throw error;
  }
}

async function settledFindings(root: string, today: string, pool: PoolOptions): Promise<Finding[]> {
  const config = loadConfig(root, root, undefined, new Map());
  const listing = withoutIgnored(listData(root), config);
  const result = await checkDataset(root, listing, { listing, settings: config.workerSettings, today, ...pool });
  const configured = applyConfig(result.findings, config);
  if (config.findings.length > 0) configured.sort(compareFindings);
  const settled = applySuppressions(configured, {
    location: path.join(root, SUPPRESSIONS_FILE),
    name: SUPPRESSIONS_FILE,
    directives: result.directives,
    severity: (rule, file) => config.severityFor(rule, file),
    checked: (file) => !(config.ignores && config.ignored(file)),
  });
  return settled.findings;
}
