/** Counts shared by every report format. */
import type { Finding } from "../core/finding.ts";
import { plural } from "../core/plural.ts";

export interface Summary {
  files: number;
  records: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Evidence quotes checked against a kept source text, and those not checked because no text is kept for their source. */
  evidence: { checked: number; notChecked: number };
  /** What was checked when not the whole dataset (`validate --changed`): which changes, and how far and why the check was widened. */
  scope?: string;
}

export function summarize(findings: readonly Finding[], files: number, records: number, evidence = { checked: 0, notChecked: 0 }): Summary {
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  return { files, records, errors: count("error"), warnings: count("warning"), infos: count("info"), evidence };
}

/** What became of the evidence quotes, in words ("" when there were none): not checked is never reported as passed. */
export function evidenceLine(summary: Summary): string {
  const { checked, notChecked } = summary.evidence;
  if (checked + notChecked === 0) return "";
  const parts = [`${plural(checked, "quote")} checked against kept source texts`];
  if (notChecked > 0) parts.push(`${notChecked} not checked (no text of their source is kept in data/texts/, or evidence-quote is off)`);
  return `Evidence: ${parts.join("; ")}.`;
}

/** The scope of a partial check, in words ("" for a check of the whole dataset). */
export function scopeLine(summary: Summary): string {
  return summary.scope ? `Scope: ${summary.scope}.` : "";
}
