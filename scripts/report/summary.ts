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
  /** `validate --fix` or `--fix-dry-run`: what was fixed (or would be), and the fixes not applied, each with why. */
  fixes?: FixSummary;
}

export interface FixSummary {
  dryRun: boolean;
  /** Findings fixed (with --fix-dry-run: that would be, in one pass). */
  applied: number;
  /** Files changed (or that would be). */
  files: number;
  /** Checks run (with --fix, one more than the rounds that fixed something). */
  passes: number;
  notApplied: { file: string; line: number; column: number; rule: string; reason: string }[];
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

/** What --fix did, in words: a line of counts, then one line a fix not applied ([] without --fix). Contributors' text: the caller makes it visible. */
export function fixLines(summary: Summary): string[] {
  const f = summary.fixes;
  if (!f) return [];
  const counts = `${plural(f.applied, "problem")} in ${plural(f.files, "file")}`;
  const head = f.dryRun
    ? `Fixes: ${counts} would be fixed (--fix-dry-run: the diff above, nothing written).`
    : `Fixes: ${counts} fixed${f.passes > 1 ? `, then checked again (${plural(f.passes, "check")} in all): what is reported remains` : ""}.`;
  const skipped = f.notApplied.map((s) => `  ${s.file}:${s.line}:${s.column}  ${s.rule}: fix not applied: ${s.reason}`);
  return skipped.length > 0 ? [head, `${skipped.length} ${skipped.length === 1 ? "fix" : "fixes"} not applied:`, ...skipped] : [head];
}
