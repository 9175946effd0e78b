/**
 * The mapping report of an import, for a terminal (pretty) or a program
 * (JSON). The pretty report accounts for every row in its first lines, then
 * says per field how many values were mapped, defaulted or dropped, lists
 * the codes no table had (with their counts, most frequent first), the
 * actors and outlets created, and the refused rows with their reasons (the
 * first few: `--format json` lists all). Every value from the input is shown
 * with visible escapes, and no line can start a workflow command.
 */
import { displayText } from "../core/escape.ts";
import { plural } from "../core/plural.ts";
import { groupDigits } from "../core/terminal.ts";
import type { ImportReport, RowNote } from "./run.ts";

/** How many rows of each list the pretty report shows; the JSON report has all. */
export const PRETTY_LIMIT = 20;

const n = (count: number) => groupDigits(count);

function notes(title: string, list: readonly RowNote[], out: string[]): void {
  if (list.length === 0) return;
  out.push("", `${title} (${n(list.length)}):`);
  for (const note of list.slice(0, PRETTY_LIMIT)) out.push(`  ${note.file}:${note.line}  ${note.reason}`);
  if (list.length > PRETTY_LIMIT) out.push(`  ... and ${n(list.length - PRETTY_LIMIT)} more (--format json lists every one)`);
}

export function prettyReport(report: ImportReport): string {
  const out: string[] = [];
  const w = report.written;
  const verb = report.dryRun ? "would be " : "";
  out.push(
    `eventwire import ${report.format}: ${plural(report.rows, "row")} read from ${plural(report.files.length, "file")} (${report.dataset.id} ${report.dataset.version})${report.dryRun ? ", dry run: nothing written" : ""}`,
    `  ${n(report.records)} made a record: ${n(w.new)} new, ${n(w.changed)} changed${w.moved > 0 ? ` (${n(w.moved)} moved to another month)` : ""}, ${n(w.unchanged)} unchanged${w.new + w.changed > 0 ? ` (${verb}written to ${report.destination}/events/)` : ""}`,
  );
  if (report.kept.length > 0) out.push(`  ${n(report.kept.length)} left alone: a person took the record over`);
  out.push(`  ${n(report.skipped.length)} skipped (not an event, or a repeated row)`, `  ${n(report.refused.length)} refused`);
  const fields = Object.entries(report.fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (fields.length > 0) {
    out.push("", "Fields of the records made (mapped / defaulted / dropped):");
    const width = Math.max(...fields.map(([f]) => f.length));
    for (const [field, c] of fields) out.push(`  ${field.padEnd(width)}  ${n(c.mapped)} / ${n(c.defaulted)} / ${n(c.dropped)}`);
  }
  const tables = Object.entries(report.unmapped).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (tables.length > 0) {
    out.push("", "Codes no table maps (code: rows):");
    for (const [table, codes] of tables) {
      const list = Object.entries(codes).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
      const shown = list.slice(0, PRETTY_LIMIT).map(([code, count]) => `${code}: ${n(count)}`);
      out.push(`  ${table}: ${shown.join(", ")}${list.length > PRETTY_LIMIT ? `, and ${n(list.length - PRETTY_LIMIT)} more` : ""}`);
    }
  }
  for (const kind of ["actors", "outlets"] as const) {
    const r = report[kind];
    out.push(
      "",
      `${kind === "actors" ? "Actors" : "Outlets"}: ${n(r.matchedDistinct)} found in data/${kind}/ (named ${plural(r.matched, "time")}), ${n(r.created.length)} ${verb}created${r.created.length > 0 ? ` (marked with \`origin\`: check them)` : ""}`,
    );
    if (r.created.length > 0) {
      out.push(`  ${r.created.slice(0, PRETTY_LIMIT).join(", ")}${r.created.length > PRETTY_LIMIT ? `, and ${n(r.created.length - PRETTY_LIMIT)} more` : ""}`);
    }
  }
  notes("Refused", report.refused, out);
  notes("Skipped", report.skipped, out);
  notes("Left alone", report.kept, out);
  if (!report.dryRun && report.written.new + report.written.changed > 0)
    out.push(
      "",
      report.destination === "data"
        ? "Next: eventwire validate -- data/events"
        : `Next: check the records in ${report.destination}/, move its events/, actors/ and outlets/ into data/, then run eventwire validate`,
    );
  return out.map(displayText).join("\n") + "\n";
}

export function jsonReport(report: ImportReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
