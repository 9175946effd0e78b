import { pointerToPath } from "../../core/pointer.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { stringsOf } from "./walk.ts";

export const textWhitespace: RecordRule = {
  id: "text-whitespace",
  family: "record",
  severity: "error",
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  description: "No text value starts or ends with whitespace, or holds a run of spaces.",
  fix: "Delete the extra spaces (in YAML, a quoted value keeps them: check inside the quotes).",
  check: ({ record }) => {
    const issues: RuleIssue[] = [];
    for (const [pointer, text] of stringsOf(record)) {
      if (text !== text.trim()) issues.push({ pointer, message: `\`${pointerToPath(pointer)}\` starts or ends with whitespace.` });
      else if (/ {2,}/.test(text)) issues.push({ pointer, message: `\`${pointerToPath(pointer)}\` holds two or more spaces in a row.` });
    }
    return issues;
  },
};
