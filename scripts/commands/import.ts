/** `eventwire import <format> <file...>`: existing event data made into eventwire records, with a mapping report. */
import path from "node:path";
import { parseArgs } from "node:util";
import { isCalendarDate, todayUtc } from "../core/dates.ts";
import { inlineValue } from "../core/escape.ts";
import { shownPath } from "../core/paths.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { didYouMean } from "../core/suggest.ts";
import { datasetRoot } from "../dataset/root.ts";
import { FORMAT_NAMES, isFormatName, loadFormat } from "../import/formats/index.ts";
import { jsonReport, prettyReport } from "../import/report.ts";
import { runImport } from "../import/run.ts";

export const IMPORT_USAGE = `Usage: eventwire import <format> <file...> [options]

Turns rows of another event dataset into eventwire records, one file a
record under data/events/YYYY/MM/, and prints a mapping report: rows read,
records written, rows refused (with the reason and line), per field how many
values were mapped, defaulted or dropped, the codes no table maps, and the
actors and outlets found or created. The mapping is data: schema/mappings/.

Formats:
  plover     PLOVER/POLECAT JSON records (the PLOVER gold standard included)
  gdelt      GDELT 2.0 event export (tab-separated, 61 columns, no header)
  acled      ACLED CSV export (with its header)
  ucdp-ged   UCDP Georeferenced Event Dataset CSV (with its header)

Each record says where it came from (provenance.method: imported, and
provenance.origin: the dataset, its version and the row's own id); its id
derives from that id, so importing a file again changes nothing, and a
corrected file changes only the records whose rows changed. Actors and
outlets not in data/ are created with an \`origin\` mark and only what the
source gives (never an invented Wikidata id, domain or country). A record
whose provenance a person changed from \`imported\` is left alone.

Options:
  --out <dir>               write into <dir> (events/YYYY/MM/, actors/, outlets/)
                            instead of data/; registries of data/ are still matched
  --dry-run                 read, map and report; write nothing
  --format pretty|json      the report's format (default: pretty)
  --dataset-version <v>     the source dataset's version or export date
                            (default: the mapping table's; required for acled,
                            which has no versions: give the export's date)
  --record-format json|yaml how new records are written (default: json)
  --coder <handle>          provenance.coded_by (default: eventwire-import)
  --root <dir>              the dataset's repository (default: current folder)
  -h, --help                show this help

Then run \`eventwire validate\`: what the source got wrong shows up as findings.

Environment: EVENTWIRE_TODAY=YYYY-MM-DD sets provenance.coded_at of the
records written (default: today, UTC).

Exit codes: 0 every row made a record or was skipped by design, 1 some rows
were refused, 2 usage or internal error.`;

const HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export async function importCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string" },
      "dry-run": { type: "boolean" },
      format: { type: "string" },
      "dataset-version": { type: "string" },
      "record-format": { type: "string" },
      coder: { type: "string" },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(IMPORT_USAGE + "\n");
    return EXIT.ok;
  }
  const [name, ...files] = positionals;
  if (name === undefined) throw new UsageError(`say which format to import: ${FORMAT_NAMES.join(", ")}\n\n${IMPORT_USAGE}`);
  if (!isFormatName(name)) throw new UsageError(`unknown format ${inlineValue(name)} (known: ${FORMAT_NAMES.join(", ")}).${didYouMean(name, FORMAT_NAMES)}`);
  if (files.length === 0) throw new UsageError(`name the file(s) to import: eventwire import ${name} <file...>`);
  const reportFormat = values.format ?? "pretty";
  if (reportFormat !== "pretty" && reportFormat !== "json") throw new UsageError(`--format must be pretty or json, got ${inlineValue(reportFormat)}`);
  const recordFormat = values["record-format"] ?? "json";
  if (recordFormat !== "json" && recordFormat !== "yaml") throw new UsageError(`--record-format must be json or yaml, got ${inlineValue(recordFormat)}`);
  const coder = values.coder ?? "eventwire-import";
  if (!HANDLE.test(coder)) throw new UsageError(`--coder must be a handle (letters, digits and -, at most 39), got ${inlineValue(coder)}`);
  const datasetVersion = values["dataset-version"];
  if (datasetVersion !== undefined && (datasetVersion.trim() === "" || datasetVersion.length > 100))
    throw new UsageError(`--dataset-version must be 1 to 100 characters, got ${inlineValue(datasetVersion)}`);
  const today = io.env.EVENTWIRE_TODAY;
  if (today !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(today) && isCalendarDate(today)))
    throw new UsageError(`EVENTWIRE_TODAY must be a date written YYYY-MM-DD, got ${inlineValue(today)}`);
  const root = datasetRoot(io.cwd, values.root);
  if (values.out !== undefined) {
    if (values.out.trim() === "") throw new UsageError("--out needs a folder");
    // Under data/, records would land where validate reads them as the dataset's, outside their layout.
    const rel = path.relative(path.join(root, "data"), path.resolve(io.cwd, values.out));
    if (rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel)))
      throw new UsageError(`--out: ${inlineValue(values.out)} is inside data/: leave --out out to write into data/, or give a folder outside it`);
  }
  if (datasetVersion !== undefined && /[\u0000-\u001f\u007f-\u009f]/.test(datasetVersion)) throw new UsageError(`--dataset-version holds a control character: ${inlineValue(datasetVersion)}`);
  const format = await loadFormat(name);
  if (datasetVersion === undefined && format.defaultVersion === undefined)
    throw new UsageError(`${format.name} data has no version of its own: say which export this is with --dataset-version (its date, e.g. --dataset-version 2025-05-20), so that records name it and a later export can be told apart`);
  // Input files are named as the user gave them (relative to where the command runs).
  const display = (file: string) => shownPath(io.cwd, file);
  const report = await runImport({
    root,
    format,
    files: files.map((f) => path.resolve(io.cwd, f)),
    out: values.out === undefined ? undefined : path.resolve(io.cwd, values.out),
    dryRun: values["dry-run"] === true,
    datasetVersion: (datasetVersion ?? format.defaultVersion)!,
    coder,
    today: today ?? todayUtc(),
    recordFormat,
    display,
  });
  io.stdout.write(reportFormat === "json" ? jsonReport(report) : prettyReport(report));
  return report.refused.length > 0 ? EXIT.findings : EXIT.ok;
}
