/** Text rules look at every string value of a record. */
import type { RuleIssue } from "../types.ts";

/**
 * Printable ASCII with single spaces inside: such a string passes every text
 * rule (whitespace, control characters, NFC), so only the others are looked at.
 */
const PLAIN = /^[\x21-\x7e](?:[\x21-\x7e]| (?=[\x21-\x7e]))*$/;

const escapeSegment = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Strings that are not plain, with their JSON Pointers; computed once a record, shared by the text rules. */
const cache = new WeakMap<object, [string, string][]>();

function collect(value: unknown, path: (string | number)[], out: [string, string][]): void {
  if (typeof value === "string") {
    if (value === "" || !PLAIN.test(value)) out.push([path.map((s) => `/${typeof s === "number" ? s : escapeSegment(s)}`).join(""), value]);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      collect(value[i], path, out);
      path.pop();
    }
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      path.push(key);
      collect((value as Record<string, unknown>)[key], path, out);
      path.pop();
    }
  }
}

/** The string values of a record that a text rule may object to, as [pointer, text]. */
export function unusualStrings(record: object): [string, string][] {
  let found = cache.get(record);
  if (!found) {
    found = [];
    collect(record, [], found);
    cache.set(record, found);
  }
  return found;
}

/** One issue for each string value that `problem` finds fault with (it returns the message, or undefined). */
export function stringIssues(record: object, problem: (text: string, pointer: string) => string | undefined): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [pointer, text] of unusualStrings(record)) {
    const message = problem(text, pointer);
    if (message !== undefined) issues.push({ pointer, message });
  }
  return issues;
}
