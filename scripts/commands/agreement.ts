/** `eventwire agreement`: how far independent codings of the same articles agree, field by field. */
import { inlineValue } from "../core/escape.ts";
import fg from "fast-glob";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Event } from "../../schema/index.ts";
import { agreementReport } from "../agreement/fields.ts";
import { formatAgreementJson, formatAgreementMarkdown, formatAgreementPretty } from "../agreement/report.ts";
import { matchUnits, type Coding } from "../agreement/units.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { discover, formatOf, type DatasetFile } from "../dataset/discover.ts";
import { globFailure, limitPatterns } from "../dataset/patterns.ts";
import { load } from "../check/load.ts";
import { datasetRoot } from "../dataset/root.ts";

export const AGREEMENT_USAGE = `Usage: eventwire agreement <codingA> <codingB> [<codingC> ...] [options]
       eventwire agreement --dataset [options]

Compares independent codings of the same articles. Each coding is a folder
(or a glob) of event records. Events are grouped by the article they cite,
matched across coders (a shared actor, and the same event type or date), and
compared field by field: Krippendorff's alpha (nominal for event_type,
country and date, at the coarser precision of the coders; MASI distance for
the set of actors), percent agreement, the number of units, and every unit
where the coders differ. An event only some coders have counts as
disagreement. Alpha is "undefined" (never 1) when all values are the same.

With --dataset, the codings are the records of data/events/ that share a
source but differ in \`provenance.coded_by\`.

Options:
  --dataset               compare the dataset's own double-coded records
  --format pretty|markdown|json   (default: pretty)
  --root <dir>            the dataset's repository, for --dataset (default: current folder)
  -h, --help              show this help

Exit codes: 0 report written, 1 a record could not be read as an event,
2 usage or internal error.`;

interface Loaded {
  events: { file: string; event: Event }[];
  problems: string[];
}

/** The valid event records among some files, read and checked as validate does (a file that is not one is reported, never guessed at). */
function loadEvents(files: readonly DatasetFile[]): Loaded {
  const events: Loaded["events"] = [];
  const problems: string[] = [];
  for (const f of files) {
    const loaded = load(f);
    if (!loaded.read.ok) problems.push(`${f.path}: cannot be read (${loaded.read.problem})`);
    else if (!loaded.valid) problems.push(`${f.path}: not a valid event record (run \`eventwire validate\` on it)`);
    else events.push({ file: f.path, event: loaded.record as unknown as Event });
  }
  return { events, problems };
}

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
  let codings: Coding[];
  let problems: string[] = [];
  if (values.dataset) {
    if (positionals.length > 0) throw new UsageError("--dataset compares the dataset's own records: give no codings with it");
    const root = datasetRoot(io.cwd, values.root);
    const files = (await discover(root)).filter((f: DatasetFile) => f.kind === "event" && f.format && !f.symlink);
    const loaded = loadEvents(files);
    problems = loaded.problems;
    const byCoder = new Map<string, Coding>();
    for (const e of loaded.events) {
      const label = [...e.event.provenance.coded_by].sort().join("+");
      const coding = byCoder.get(label) ?? { label, events: [] };
      coding.events.push(e);
      byCoder.set(label, coding);
    }
    codings = [...byCoder.values()].sort((a, b) => (a.label < b.label ? -1 : 1));
  } else {
    if (values.root !== undefined) throw new UsageError("--root is for --dataset: codings are folders or globs, relative to the current folder");
    if (positionals.length < 2) throw new UsageError(`give two codings or more (folders or globs of event records), or --dataset\n\n${AGREEMENT_USAGE}`);
    limitPatterns(positionals);
    codings = positionals.map((arg) => {
      const files = codingFiles(arg, io.cwd);
      if (files.length === 0) throw new UsageError(`${inlineValue(arg)} holds no .yaml or .json records`);
      const loaded = loadEvents(files);
      problems.push(...loaded.problems);
      return { label: arg, events: loaded.events };
    });
  }
  for (const p of problems) io.stderr.write(`${p}\n`);
  if (codings.length < 2) {
    const note = `Fewer than two coders (${codings.map((c) => c.label).join(", ") || "none"}): nothing to compare.\n`;
    // --format json stays JSON: the note goes to stderr, and the report of no units to stdout.
    if (format === "json") {
      io.stderr.write(note);
      io.stdout.write(formatAgreementJson(agreementReport(codings, [])));
    } else io.stdout.write(note);
    return problems.length > 0 ? EXIT.findings : EXIT.ok;
  }
  const report = agreementReport(codings, matchUnits(codings));
  io.stdout.write(format === "json" ? formatAgreementJson(report) : format === "markdown" ? formatAgreementMarkdown(report) : formatAgreementPretty(report));
  return problems.length > 0 ? EXIT.findings : EXIT.ok;
}
