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
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ record, version, kind, valid }) => {
    // The check stage already ran the quick validator; only invalid records pay for all errors.
    if (valid || version === undefined) return [];
    const validator = validatorFor(version, kind);
    if (!validator) return [];
    validator.full(record);
    const issues: RuleIssue[] = [];
    const seen = new Set<string>();
    for (const error of validator.full.errors ?? []) {
      const issue = describeAjvError(error, validator.schema);
      if (!issue) continue;
      // A conditional may restate a base constraint (e.g. `type`) on the same value: say it once.
      const key = `${issue.pointer}\u0000${messageOf(schema, issue)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(issue);
    }
    return issues;
  },
};
