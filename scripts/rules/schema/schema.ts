import { pointerToSegments } from "../../core/pointer.ts";
import type { ParsedDocument } from "../../dataset/parse.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { messageOf } from "../format.ts";
import { describeAjvError, SCHEMA_MESSAGES } from "./messages.ts";
import { validatorFor } from "./validators.ts";

export const schema: RecordRule = {
  meta: {
    id: "schema",
    family: "schema",
    severity: "error",
    description: "The record matches the JSON Schema of its kind and of the version it declares.",
    help: "Change the value as the message says; schema/README.md describes every field.",
    messages: SCHEMA_MESSAGES,
    fixable: true,
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ record, version, kind, valid, doc }) => {
    // The check stage already ran the quick validator; only invalid records pay for all errors.
    if (valid || version === undefined) return [];
    const validator = validatorFor(version, kind);
    if (!validator) return [];
    validator.full(record);
    const issues: RuleIssue[] = [];
    const seen = new Set<string>();
    // An empty value (null) where the schema lists the allowed ones: one finding, the list (not also "must be a string").
    const emptyWithChoices = new Set((validator.full.errors ?? []).filter((e) => e.keyword === "enum" && e.data === null).map((e) => e.instancePath));
    for (const error of validator.full.errors ?? []) {
      if (error.keyword === "type" && error.data === null && emptyWithChoices.has(error.instancePath)) continue;
      const issue = describeAjvError(error, validator.schema);
      if (!issue) continue;
      // A conditional may restate a base constraint (e.g. `type`) on the same value: say it once.
      const key = `${issue.pointer}\u0000${messageOf(schema, issue)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(issue.helpId === "quote" ? quoted(issue, doc) : issue);
    }
    // A fix is kept only when the quoted text is what the schema wants there (`event_type: 5` quoted is still no type).
    for (const issue of issues) {
      if (!issue.fix) continue;
      const fixed = withValueAt(record, issue.fix.pointer, issue.fix.value);
      validator.full(fixed);
      if ((validator.full.errors ?? []).some((e) => e.instancePath === issue.fix!.pointer)) delete issue.fix;
    }
    return issues;
  },
};

/**
 * A plain YAML scalar that YAML read as a number or a boolean where the schema
 * wants a string (`start: 2023`, `version: 1.10`, `name: yes`): the fix is
 * the text as written, quoted (1.10 stays 1.10, not the number's 1.1).
 * Only a scalar written plain on one line is fixed; in JSON, a number is
 * one as written, and the help says to write it as a string.
 */
function quoted(issue: RuleIssue, doc: ParsedDocument): RuleIssue {
  if (doc.format !== "yaml") {
    const { helpId: _quote, ...rest } = issue;
    return { ...rest, helpId: "quoteJson" };
  }
  const at = doc.locate(issue.pointer ?? "");
  const line = doc.lines.lineText(at.line);
  const written = at.endLine === at.line && at.endColumn !== undefined ? line.slice(at.column - 1, at.endColumn - 1) : "";
  // Plain: no quote, no comment, no flow or block indicator; what YAML 1.2's core schema reads as a number or a boolean.
  if (!/^[A-Za-z0-9.+_-]+$/.test(written)) return issue;
  return { ...issue, data: { ...issue.data, text: written }, fix: { pointer: issue.pointer ?? "", value: written } };
}

/** A copy of `record` with `value` at `pointer` (which exists). */
function withValueAt(record: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(record);
  const segments = pointerToSegments(pointer);
  let at = copy as Record<string, unknown>;
  for (const s of segments.slice(0, -1)) at = at[s] as Record<string, unknown>;
  at[segments[segments.length - 1]!] = value;
  return copy;
}
