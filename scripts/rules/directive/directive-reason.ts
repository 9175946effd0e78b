import type { FileRule, RuleIssue } from "../types.ts";
import { directivesIn } from "./directives.ts";

/** A directive must say why its finding is accepted: `-- <reason>` (ESLint's eslint-comments/require-description). */
export const directiveReason: FileRule = {
  meta: {
    id: "directive-reason",
    family: "directive",
    severity: "error",
    description: "An inline `# eventwire-disable` directive gives the reason the finding is accepted.",
    help: "End the directive with ` -- ` and the reason: `# eventwire-disable-next-line <rule-id> -- <reason>`.",
    messages: {
      missing: "This `{{directive}}` gives no reason after ` -- `.",
    },
  },
  scope: "file",
  check: ({ file, read }) => {
    if (file.format !== "yaml" || !read.ok) return [];
    const issues: RuleIssue[] = [];
    for (const d of directivesIn(read.text).directives)
      if (d.reason === "") issues.push({ position: { line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn }, messageId: "missing", data: { directive: d.word } });
    return issues;
  },
};
