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
  /** Findings not reported (nor counted above) because they are settled: by inline directives, and by the suppressions file. Absent when none is. */
  suppressed?: { inline: number; file: number };
  /**
   * The suppressions file (its name) against the files checked: entries with fewer findings than it records
   * (--prune-suppressions lowers them) and with more (all reported). Absent when every entry holds.
   */
  suppressions?: { file: string; fewer: SuppressionChange[]; more: SuppressionChange[] };
  /** The suppressions file's name, as messages give it. */
  suppressionsFile?: string;
  /** `validate --fix` or `--fix-dry-run`: what was fixed (or would be), and the fixes not applied, each with why. */
  fixes?: FixSummary;
}

/** An entry of the suppressions file against a run: `found` findings of `rule` in `file` where it records `recorded`. */
export interface SuppressionChange {
  file: string;
  rule: string;
  recorded: number;
  found: number;
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

/** "12 findings suppressed: 10 by eventwire-suppressions.json, 2 by inline directives." ("" when none is). */
export function suppressedLine(summary: Summary): string {
  const s = summary.suppressed;
  if (!s || s.inline + s.file === 0) return "";
  const parts: string[] = [];
  if (s.file > 0) parts.push(`${s.file} by ${summary.suppressionsFile ?? "the suppressions file"}`);
  if (s.inline > 0) parts.push(`${s.inline} by inline ${s.inline === 1 ? "directive" : "directives"}`);
  return `${plural(s.inline + s.file, "finding")} suppressed: ${parts.join(", ")}.`;
}

/** At most this many entries of each kind are listed by name in a report for people (the JSON report has them all). */
export const MAX_CHANGES_LISTED = 10;

/** What the suppressions file says that no longer holds, in lines: fewer findings (prune), more (all reported, and the run fails). */
export function suppressionLines(summary: Summary): string[] {
  const s = summary.suppressions;
  if (!s) return [];
  const lines: string[] = [];
  const list = (changes: readonly SuppressionChange[]) => {
    for (const c of changes.slice(0, MAX_CHANGES_LISTED)) lines.push(`  ${c.file}: ${c.rule}, ${c.found} found, ${c.recorded} recorded`);
    if (changes.length > MAX_CHANGES_LISTED) lines.push(`  and ${changes.length - MAX_CHANGES_LISTED} more`);
  };
  if (s.more.length > 0) {
    lines.push(`${s.file}: more findings than recorded in ${`${s.more.length} ${s.more.length === 1 ? "entry" : "entries"}`}, all of them reported; the run fails (exit 1), whatever their severity:`);
    list(s.more);
  }
  if (s.fewer.length > 0) {
    lines.push(`${s.file}: fewer findings than recorded in ${`${s.fewer.length} ${s.fewer.length === 1 ? "entry" : "entries"}`}; run with --prune-suppressions to lower the counts:`);
    list(s.fewer);
  }
  return lines;
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
