/**
 * Which findings a report for people prints in full, and what it says in
 * counts instead (pretty output and GitHub annotations; the JSON report and
 * its summary always hold every finding):
 * - infos are one line per rule with a count unless `--verbose`;
 * - `--quiet` prints errors only (ESLint: warnings and infos are not
 *   reported, but warnings still count toward `--max-warnings`);
 * - `--max-diagnostics <n>` (Biome's name) prints at most n findings in
 *   full, errors before warnings before infos, and counts the rest per rule.
 */
import type { Finding, Severity } from "../core/finding.ts";
import { plural } from "../core/plural.ts";

export interface DisplayOptions {
  verbose: boolean;
  quiet: boolean;
  /** At most this many findings printed in full (Infinity: no cap). */
  maxDiagnostics: number;
}

export const DEFAULT_DISPLAY: DisplayOptions = { verbose: false, quiet: false, maxDiagnostics: Infinity };

export interface RuleCount {
  rule: string;
  severity: Severity;
  count: number;
}

export interface Selection {
  /** Printed in full, in the order given. */
  shown: Finding[];
  /** Infos not listed (no --verbose): per rule. */
  folded: RuleCount[];
  /** Left out by --max-diagnostics: per rule and severity. */
  omitted: RuleCount[];
  /** Not reported at all (--quiet): warnings and infos. */
  hidden: number;
}

/** Errors first, then warnings, then infos: the order reports list findings in. */
export const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Counts per rule and severity: errors first, then the largest counts, then by rule id (a stable order, for golden outputs). */
export function countByRule(findings: Iterable<Finding>): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const f of findings) {
    const key = `${f.severity} ${f.rule}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { rule: f.rule, severity: f.severity, count: 1 });
  }
  return [...counts.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

export function selectFindings(findings: readonly Finding[], options: DisplayOptions): Selection {
  const listed: Finding[] = [];
  const foldedFindings: Finding[] = [];
  let hidden = 0;
  const perRank = [0, 0, 0];
  for (const f of findings) {
    if (options.quiet && f.severity !== "error") hidden++;
    else if (f.severity === "info" && !options.verbose) foldedFindings.push(f);
    else {
      listed.push(f);
      perRank[RANK[f.severity]]!++;
    }
  }
  if (listed.length <= options.maxDiagnostics) return { shown: listed, folded: countByRule(foldedFindings), omitted: [], hidden };
  // The cap keeps errors before warnings before infos, each in the order given.
  let left = options.maxDiagnostics;
  const budget = perRank.map((n) => {
    const take = Math.min(n, left);
    left -= take;
    return take;
  });
  const shown: Finding[] = [];
  const omitted: Finding[] = [];
  for (const f of listed) {
    const r = RANK[f.severity];
    if (budget[r]! > 0) {
      budget[r]!--;
      shown.push(f);
    } else omitted.push(f);
  }
  return { shown, folded: countByRule(foldedFindings), omitted: countByRule(omitted), hidden };
}

/** "152 info: evidence-event-type" / "3 errors: schema" */
export function ruleCountText(c: RuleCount): string {
  return `${c.severity === "info" ? `${c.count} info` : plural(c.count, c.severity)}: ${c.rule}`;
}

/** The lines that stand for what is not printed in full (`verb`: "list" for a log, "annotate" for GitHub). */
export function countLines(selection: Selection, options: DisplayOptions, verb: string): string[] {
  const lines = selection.folded.map((c) => `${ruleCountText(c)}; --verbose to ${verb}`);
  const left = selection.omitted.reduce((n, c) => n + c.count, 0);
  if (left > 0) {
    lines.push(`${left} more not shown (--max-diagnostics ${options.maxDiagnostics}):`);
    for (const c of selection.omitted) lines.push(`  ${ruleCountText(c)}`);
  }
  return lines;
}
