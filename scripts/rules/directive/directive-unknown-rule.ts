import { closest } from "../../core/suggest.ts";
import type { FileRule, RuleIssue } from "../types.ts";
import { knownRuleIds } from "../config/known.ts";
import { directivesIn, isDirectiveRule } from "./directives.ts";

/** A directive names rules that exist and that a directive may disable; a misspelt directive is said, never ignored. */
export const directiveUnknownRule: FileRule = {
  meta: {
    id: "directive-unknown-rule",
    family: "directive",
    severity: "error",
    description: "An inline directive is `eventwire-disable-next-line` or `eventwire-disable`, and names rules that exist.",
    help: "Write `# eventwire-disable-next-line <rule-id>[, <rule-id>] -- <reason>` (or `# eventwire-disable` for the whole file) with ids from docs/rules.md.",
    messages: {
      unknown: "`{{id}}` is no rule of eventwire: this directive disables nothing of it.",
      unknownDidYouMean: "`{{id}}` is no rule of eventwire. Did you mean `{{suggestion}}`?",
      none: "This `{{directive}}` names no rule: list the rule ids it disables, separated by commas.",
      directiveRule: "`{{id}}` cannot be disabled by a directive: turn it off with `--rule {{id}}=off`.",
      word: "`{{word}}` is no directive. Did you mean `{{suggestion}}`?",
    },
  },
  scope: "file",
  check: ({ file, read }) => {
    if (file.format !== "yaml" || !read.ok) return [];
    const { directives, unknown } = directivesIn(read.text);
    const issues: RuleIssue[] = [];
    for (const u of unknown) {
      const suggestion = u.word.includes("next") || u.word.includes("line") ? "eventwire-disable-next-line" : "eventwire-disable";
      issues.push({ position: { line: u.line, column: u.column, endLine: u.line, endColumn: u.endColumn }, messageId: "word", data: { word: u.word, suggestion } });
    }
    const ids = knownRuleIds();
    for (const d of directives) {
      if (d.rules.length === 0) issues.push({ position: { line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn }, messageId: "none", data: { directive: d.word } });
      for (const r of d.rules) {
        const position = { line: d.line, column: r.column, endLine: d.line, endColumn: r.endColumn };
        if (ids.includes(r.id)) {
          if (isDirectiveRule(r.id)) issues.push({ position, messageId: "directiveRule", data: { id: r.id } });
          continue;
        }
        const { best } = closest(r.id, ids.filter((id) => !isDirectiveRule(id)));
        issues.push(best === undefined ? { position, messageId: "unknown", data: { id: r.id } } : { position, messageId: "unknownDidYouMean", data: { id: r.id, suggestion: best } });
      }
    }
    return issues.sort((a, b) => a.position!.line - b.position!.line || a.position!.column - b.position!.column);
  },
};
