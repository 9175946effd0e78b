import type { FileRule, RuleIssue } from "../types.ts";
import { appliesTo, directivesIn, disables, type Directive } from "./directives.ts";

/**
 * A directive that suppresses nothing (ESLint's --report-unused-disable-directives): it would hide a
 * finding that comes back later unseen. Which findings a directive suppressed is known once every
 * rule has run, across records too: the check stage hands them over (FileContext's `findings`);
 * while files are checked, only a file-level directive out of place is said. Never disabled by a
 * directive itself: `--rule directive-unused=off` turns it off.
 */
export const directiveUnused: FileRule = {
  meta: {
    id: "directive-unused",
    family: "directive",
    severity: "warning",
    description: "An inline directive suppresses a finding: each rule it names found something where it applies. A rule that reads kept texts (evidence-quote, summary-copy, via-credited) is judged only in a run that has the text of every page the record cites (data/texts/, or `validate --texts`): without one, its directive may be needed where the page is read.",
    help: "Remove the directive, or the rule id it no longer needs (the finding it was written for is gone, or elsewhere).",
    messages: {
      unused: "No `{{rule}}` finding on line {{line}}: this directive suppresses nothing of it.",
      unusedFile: "No `{{rule}}` finding in this file: this directive suppresses nothing of it.",
      misplaced: "A file-level `eventwire-disable` counts only among the first comment lines, before any content: this one suppresses nothing.",
    },
  },
  scope: "file",
  check: ({ file, read, findings }) => {
    if (file.format !== "yaml" || !read.ok) return [];
    const { directives } = directivesIn(read.text);
    const issues: RuleIssue[] = [];
    for (const d of directives) if (d.misplaced) issues.push({ position: { line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn }, messageId: "misplaced" });
    if (findings) issues.push(...unusedIssues(directives, findings));
    return issues.sort((a, b) => a.position!.line - b.position!.line || a.position!.column - b.position!.column);
  },
};

/** The rule ids of `directives` that disable none of `findings` (the file's, every rule's, before any suppression), each at its id. */
export function unusedIssues(directives: readonly Directive[], findings: readonly { rule: string; line: number }[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const d of directives) {
    if (d.misplaced) continue;
    for (const r of d.rules) {
      // An unknown id or a directive rule is directive-unknown-rule's finding.
      // A rule that could not judge the record in this run (a page's text not kept: RecordRule.readsTexts) may find something in another.
      if (!appliesTo(r.id) || r.unjudged || findings.some((f) => disables(d, f.rule, f.line) && f.rule === r.id)) continue;
      const position = { line: d.line, column: r.column, endLine: d.line, endColumn: r.endColumn };
      issues.push(d.kind === "file" ? { position, messageId: "unusedFile", data: { rule: r.id } } : { position, messageId: "unused", data: { rule: r.id, line: d.line + 1 } });
    }
  }
  return issues;
}
