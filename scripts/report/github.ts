/**
 * The report for GitHub Actions: one workflow command per error and warning
 * (infos too with --verbose; report/select.ts decides), which GitHub shows as
 * an annotation on the pull request's diff, and for the job summary the
 * counts by rule, then a Markdown table of every finding (GitHub shows only
 * 10 annotations of each kind per step, the summary has them all).
 *
 * Syntax: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Finding, Severity } from "../core/finding.ts";
import { visible } from "../core/escape.ts";
import { codeSpan, markdownText } from "../core/markdown.ts";
import { plural } from "../core/plural.ts";
import { countByRule, countLines, DEFAULT_DISPLAY, RANK, selectFindings, type DisplayOptions } from "./select.ts";
import { evidenceLine, scopeLine, suppressedLine, suppressionLines, type Summary } from "./summary.ts";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** Escapes a command's message as GitHub does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value: as data, plus `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Errors first, then warnings, then notices; the order within each is kept. */
function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * Annotations for errors and warnings; infos only with --verbose (else one
 * plain line per rule with a count), errors only with --quiet, and at most
 * --max-diagnostics of them (report/select.ts).
 */
export function formatGithub(findings: readonly Finding[], summary: Summary, display: DisplayOptions = DEFAULT_DISPLAY): string {
  const out: string[] = [];
  const selection = selectFindings(findings, display);
  for (const f of bySeverity(selection.shown)) {
    const props: [string, string | number | undefined][] = [
      ["file", visible(f.file)],
      ["line", f.line],
      ["endLine", f.endLine],
      ["col", f.column],
      ["endColumn", f.endLine === f.line ? f.endColumn : undefined],
      ["title", f.rule],
    ];
    const head = props
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
      .join(",");
    // Paths and values are shown with visible escapes (core/escape.ts), then escaped as GitHub reads them.
    const body = f.hint ? `${visible(f.message)}\nhelp: ${visible(f.hint)}` : visible(f.message);
    out.push(`::${COMMAND[f.severity]} ${head}::${escapeData(body)}`);
  }
  // Plain lines (a count and a rule id): none can be read as a workflow command.
  out.push(...countLines(selection, display, "annotate").map(visible));
  out.push(totals(summary, selection.hidden));
  const evidence = evidenceLine(summary);
  if (evidence) out.push(evidence);
  // A plain line, never a second one: what starts a line may be read as a workflow command.
  const scope = visible(scopeLine(summary));
  if (scope) out.push(scope);
  // Plain lines too: what was suppressed, and what the suppressions file says that no longer holds.
  const suppressed = suppressedLine(summary);
  if (suppressed) out.push(visible(suppressed));
  for (const l of suppressionLines(summary)) out.push(visible(l));
  return out.join("\n") + "\n";
}

function totals(summary: Summary, hidden: number): string {
  const checked = `${plural(summary.files, "file")}, ${plural(summary.records, "record")} checked`;
  if (summary.errors + summary.warnings + summary.infos === 0) return `eventwire validate: no problems (${checked}).`;
  const quiet = hidden > 0 ? `; ${hidden} not shown (--quiet: errors only)` : "";
  return `eventwire validate: ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${summary.infos} info (${checked})${quiet}.`;
}

/** GitHub refuses a step summary over 1 MiB; the table stops short of that. */
export const MAX_SUMMARY_BYTES = 1000 * 1000;

/**
 * The job summary: counts, a table of rules with their counts, then every
 * finding, errors first (errors only with --quiet; the counts table still
 * names every rule that found something).
 */
export function formatStepSummary(findings: readonly Finding[], summary: Summary, maxBytes = MAX_SUMMARY_BYTES, display: DisplayOptions = DEFAULT_DISPLAY): string {
  const lines = ["## eventwire validate", ""];
  const scope = scopeLine(summary);
  if (scope) lines.push(markdownText(scope), "");
  const evidence = evidenceLine(summary);
  const suppressed = suppressedLine(summary);
  if (suppressed) lines.push(markdownText(suppressed), "");
  const changes = suppressionLines(summary);
  if (changes.length > 0) lines.push(...changes.map((l) => `- ${markdownText(l.trim())}`), "");
  if (findings.length === 0) {
    lines.push(`No problems: ${plural(summary.files, "file")}, ${plural(summary.records, "record")} checked.`, "");
    if (evidence) lines.push(evidence, "");
    return lines.join("\n") + "\n";
  }
  if (evidence) lines.push(evidence, "");
  lines.push(
    `**${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${summary.infos} info** ` +
      `in ${plural(summary.files, "file")} (${plural(summary.records, "record")} checked).`,
    "",
    "| Rule | Severity | Findings |",
    "|---|---|---:|",
    ...countByRule(findings).map((c) => `| ${codeSpan(c.rule, true)} | ${c.severity} | ${c.count} |`),
    "",
  );
  const listed = display.quiet ? findings.filter((f) => f.severity === "error") : findings;
  if (listed.length < findings.length) lines.push(`Only errors are listed (--quiet): ${findings.length - listed.length} warnings and infos are counted above.`, "");
  if (listed.length === 0) return lines.join("\n") + "\n";
  lines.push("| | Location | Rule | Problem | How to fix |", "|---|---|---|---|---|");
  let bytes = Buffer.byteLength(lines.join("\n"));
  const sorted = bySeverity(listed);
  let shown = 0;
  for (const f of sorted) {
    const row = `| ${f.severity} | ${codeSpan(`${f.file}:${f.line}:${f.column}`, true)} | ${codeSpan(f.rule, true)} | ${markdownText(f.message)} | ${markdownText(f.hint ?? "")} |`;
    const size = Buffer.byteLength(row) + 1;
    if (bytes + size > maxBytes - 200) break;
    lines.push(row);
    bytes += size;
    shown++;
  }
  if (shown < sorted.length)
    lines.push("", `${sorted.length - shown} more findings are not shown here (the summary is limited to 1 MB); run \`npm run validate\` locally to see them all.`);
  lines.push("");
  return lines.join("\n") + "\n";
}
