/** Text rules look at every string value of a record. */
import type { RuleIssue } from "../types.ts";

/** Every string value of a record with its JSON Pointer. */
export function* stringsOf(value: unknown, pointer = ""): Generator<[string, string]> {
  if (typeof value === "string") yield [pointer, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringsOf(value[i], `${pointer}/${i}`);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) yield* stringsOf(v, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
}

/** One issue for each string value that `problem` finds fault with (it returns the message, or undefined). */
export function stringIssues(record: unknown, problem: (text: string, pointer: string) => string | undefined): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [pointer, text] of stringsOf(record)) {
    const message = problem(text, pointer);
    if (message !== undefined) issues.push({ pointer, message });
  }
  return issues;
}
