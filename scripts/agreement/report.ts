/** The agreement report as text for a terminal, Markdown (a PR comment or job summary), or JSON. */
import { plural } from "../core/plural.ts";
import { guardLines, visible } from "../core/escape.ts";
import { codeSpan, markdownText as tableCell } from "../core/markdown.ts";
import type { AgreementReport, FieldAgreement } from "./fields.ts";

const alphaText = (f: FieldAgreement) => (f.alpha.alpha === undefined ? "undefined" : f.alpha.alpha.toFixed(3));
const percentText = (f: FieldAgreement) => (f.percent === undefined ? "-" : `${(f.percent * 100).toFixed(1)} %`);
const matchedAlphaText = (f: FieldAgreement) => (f.matched.alpha.alpha === undefined ? "undefined" : f.matched.alpha.alpha.toFixed(3));
const matchedPercentText = (f: FieldAgreement) => (f.matched.percent === undefined ? "-" : `${(f.matched.percent * 100).toFixed(1)} %`);

export const AGREEMENT_JSON_VERSION = 1;

export function formatAgreementJson(report: AgreementReport): string {
  return JSON.stringify({ version: AGREEMENT_JSON_VERSION, ...reportJson(report) }, null, 2) + "\n";
}

/**
 * `agreement --dataset --format json`: the dataset compared with each coder of
 * data/codings/, each comparison as the report of two codings is (its coders:
 * `data/events` and the coder), in coder order.
 */
export function formatDatasetAgreementJson(comparisons: readonly AgreementReport[]): string {
  return JSON.stringify({ version: AGREEMENT_JSON_VERSION, comparisons: comparisons.map(reportJson) }, null, 2) + "\n";
}

function reportJson(report: AgreementReport): Record<string, unknown> {
  return {
    coders: report.coders,
    articles: report.articles,
    units: report.units,
    unmatched: report.unmatched,
    fields: report.fields.map((f) => ({
      field: f.field,
      metric: f.metric,
      alpha: f.alpha.alpha ?? null,
      ...(f.alpha.reason ? { undefinedBecause: f.alpha.reason } : {}),
      percentAgreement: f.percent ?? null,
      units: f.alpha.units,
      values: f.alpha.values,
      // Over the units every coder of the article has an event in (the events all found).
      matched: { alpha: f.matched.alpha.alpha ?? null, ...(f.matched.alpha.reason ? { undefinedBecause: f.matched.alpha.reason } : {}), percentAgreement: f.matched.percent ?? null, units: f.matched.units },
      disagreements: f.disagreements,
    })),
  };
}

export function formatAgreementPretty(report: AgreementReport): string {
  const out = [
    `Agreement between ${report.coders.length} codings: ${report.coders.map(visible).join(", ")}`,
    `${plural(report.articles, "article")}, ${plural(report.units, "matched event")} (units), ${report.unmatched} coded by some coders only (counted as disagreement)`,
    "",
    `${"".padEnd(22)}${"all units".padEnd(29)}events both coded`,
    `${"field".padEnd(12)} ${"metric".padEnd(8)} ${"alpha".padStart(9)} ${"agreement".padStart(10)} ${"units".padStart(6)}  ${"alpha".padStart(9)} ${"agreement".padStart(10)} ${"units".padStart(6)}`,
  ];
  for (const f of report.fields)
    out.push(
      `${f.field.padEnd(12)} ${f.metric.padEnd(8)} ${alphaText(f).padStart(9)} ${percentText(f).padStart(10)} ${String(f.alpha.units).padStart(6)}  ${matchedAlphaText(f).padStart(9)} ${matchedPercentText(f).padStart(10)} ${String(f.matched.units).padStart(6)}`,
    );
  for (const f of report.fields) if (f.alpha.reason) out.push(`  ${f.field}: alpha is undefined: ${f.alpha.reason}.`);
  const rows = report.fields.flatMap((f) => f.disagreements.map((d) => ({ f, d })));
  if (rows.length > 0) {
    out.push("", "Disagreements:");
    // Articles, events and values are the codings' data: shown with visible escapes, no line starting a workflow command (core/escape.ts).
    for (const { f, d } of rows) out.push(`  ${f.field} in ${visible(d.article)} (${d.events.map(visible).join(" / ")}): ${d.values.map(visible).join(" | ")}`);
  }
  return guardLines(out.join("\n") + "\n");
}

export function formatAgreementMarkdown(report: AgreementReport): string {
  const out = [
    "## Coder agreement",
    "",
    `${report.coders.length} codings (${report.coders.map((c) => codeSpan(c)).join(", ")}) of ${plural(report.articles, "article")}: ${plural(report.units, "matched event")}, ${report.unmatched} coded by some coders only (counted as disagreement).`,
    "",
    "All units count an event only some coders found as a disagreement; the events both coded are the units every coder of the article has an event in (what UCDP and ACLED publish).",
    "",
    "| field | metric | alpha, all units | agreement | units | alpha, events both coded | agreement | units |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...report.fields.map(
      (f) =>
        `| \`${f.field}\` | ${f.metric} | ${f.alpha.alpha === undefined ? `undefined: ${tableCell(f.alpha.reason ?? "")}` : alphaText(f)} | ${percentText(f)} | ${f.alpha.units} | ${f.matched.alpha.alpha === undefined ? `undefined: ${tableCell(f.matched.alpha.reason ?? "")}` : matchedAlphaText(f)} | ${matchedPercentText(f)} | ${f.matched.units} |`,
    ),
    "",
  ];
  const rows = report.fields.flatMap((f) => f.disagreements.map((d) => ({ f, d })));
  if (rows.length > 0) {
    out.push("### Disagreements", "", `| field | article | events | ${report.coders.map(tableCell).join(" | ")} |`, `|---|---|---|${report.coders.map(() => "---|").join("")}`);
    for (const { f, d } of rows) out.push(`| \`${f.field}\` | ${tableCell(d.article)} | ${tableCell(d.events.join(" / "))} | ${d.values.map(tableCell).join(" | ")} |`);
    out.push("");
  }
  return out.join("\n");
}
