/** `eventwire agreement`: how far independent codings of the same articles agree, field by field. */
import { displayText, inlineValue } from "../core/escape.ts";
import fg from "fast-glob";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { agreementReport } from "../agreement/fields.ts";
import { datasetAgreement, loadEvents } from "../agreement/dataset.ts";
import { formatAgreementJson, formatAgreementMarkdown, formatAgreementPretty, formatDatasetAgreementJson } from "../agreement/report.ts";
import { matchUnits, type Coding } from "../agreement/units.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { CODINGS_FOLDER, formatOf, listData, type DatasetFile } from "../dataset/discover.ts";
import { globFailure, limitPatterns } from "../dataset/patterns.ts";
import { datasetRoot } from "../dataset/root.ts";

export const AGREEMENT_USAGE = `Usage: eventwire agreement <codingA> <codingB> [<codingC> ...] [options]
       eventwire agreement --dataset [options]

Compares independent codings of the same articles. Each coding is a folder
(or a glob) of event records. Events are grouped by the article they cite,
matched across coders by the best assignment (a pair shares an actor, and the
event type or date), and compared field by field: Krippendorff's alpha
(nominal for event_type, mode ("(no mode)" when none), country and date, the
date at the coarser precision of the coders; MASI distance for the set of
actors), percent agreement, the number of units, and every unit where the
coders differ. Each figure comes twice: over all units, where an event only
some coders have counts as disagreement, and over the events every coder
found. The match looks at type, date and actors, so the first lean low and
the second high. Alpha is "undefined" (never 1) when all values are the same.

With --dataset, the dataset's events are compared with each second coding
kept in it: data/codings/<coder>/ holds the records a coder coded blind from
the pages that events cite. For each coder, the active events of data/events/
that cite an article the coder coded (under each such article) are
compared with the coder's records, one report a coder, in coder order
(--format json: {"version", "comparisons": [one report a coder]}). Without
second codings there is nothing to compare (exit 0, said so).

Options:
  --dataset               compare data/events/ with each coder of data/codings/
  --format pretty|markdown|json   (default: pretty)
  --root <dir>            the dataset's repository, for --dataset (default: current folder)
  -h, --help              show this help

Exit codes: 0 report written, 1 a record could not be read as an event,
2 usage or internal error.`;

/** The files of a coding (a folder or a glob, anywhere), read as event records. */
function codingFiles(arg: string, cwd: string): DatasetFile[] {
  const absolute = path.resolve(cwd, arg);
  const patterns = existsSync(absolute) && statSync(absolute).isDirectory() ? [`${fg.convertPathToPattern(absolute)}/**/*.{yaml,yml,json}`] : [fg.isDynamicPattern(arg) ? arg : fg.escapePath(arg)];
  let found: string[];
  try {
    found = fg.sync(patterns, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: false }).sort();
  } catch (error) {
    globFailure([arg], error);
  }
  return found
    .filter((f) => formatOf(f) !== null)
    .map((f) => ({ path: path.relative(cwd, f) || f, root: cwd, kind: "event" as const, format: formatOf(f) }));
}

export async function agreementCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { dataset: { type: "boolean" }, format: { type: "string", default: "pretty" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(AGREEMENT_USAGE + "\n");
    return EXIT.ok;
  }
  const format = values.format!;
  if (!["pretty", "markdown", "json"].includes(format)) throw new UsageError(`--format expects pretty, markdown or json, got \`${format}\``);
  if (values.dataset) {
    if (positionals.length > 0) throw new UsageError("--dataset compares the dataset's own records: give no codings with it");
    const root = datasetRoot(io.cwd, values.root);
    const { comparisons, problems } = datasetAgreement(listData(root));
    for (const p of problems) io.stderr.write(`${displayText(p)}\n`);
    const reports = comparisons.map((c) => c.report);
    if (reports.length === 0) {
      const note = `No second codings in ${CODINGS_FOLDER}/ (a folder a coder: ${CODINGS_FOLDER}/<coder>/YYYY/MM/<id>.yaml): nothing to compare.\n`;
      // --format json stays JSON: the note goes to stderr, and the report of no comparisons to stdout.
      if (format === "json") io.stderr.write(note);
      else io.stdout.write(note);
    }
    if (format === "json") io.stdout.write(formatDatasetAgreementJson(reports));
    else io.stdout.write(reports.map(format === "markdown" ? formatAgreementMarkdown : formatAgreementPretty).join("\n"));
    return problems.length > 0 ? EXIT.findings : EXIT.ok;
  }
  if (values.root !== undefined) throw new UsageError("--root is for --dataset: codings are folders or globs, relative to the current folder");
  if (positionals.length < 2) throw new UsageError(`give two codings or more (folders or globs of event records), or --dataset\n\n${AGREEMENT_USAGE}`);
  limitPatterns(positionals);
  const problems: string[] = [];
  const codings: Coding[] = positionals.map((arg) => {
    const files = codingFiles(arg, io.cwd);
    if (files.length === 0) throw new UsageError(`${inlineValue(arg)} holds no .yaml or .json records`);
    const loaded = loadEvents(files);
    problems.push(...loaded.problems);
    return { label: arg, events: loaded.events };
  });
  for (const p of problems) io.stderr.write(`${p}\n`);
  const report = agreementReport(codings, matchUnits(codings));
  io.stdout.write(format === "json" ? formatAgreementJson(report) : format === "markdown" ? formatAgreementMarkdown(report) : formatAgreementPretty(report));
  return problems.length > 0 ? EXIT.findings : EXIT.ok;
}
