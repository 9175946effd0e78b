/** Text rules look at every string value of a record. */
import type { RuleIssue } from "../types.ts";
import { escapeSegment } from "../../core/pointer.ts";

/**
 * Printable ASCII with single spaces inside (or empty), not starting with a
 * character a spreadsheet reads as a formula: such a string passes every text
 * rule (whitespace, control characters, NFC, formulas), so only the others
 * are looked at. A loop, not a regex: it runs on every string of every record.
 */
function isPlain(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 61 /* = */ || first === 43 /* + */ || first === 45 /* - */ || first === 64 /* @ */) return false;
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return false;
    } else if (c < 33 || c > 126) return false;
  }
  return true;
}

/** Whether every string in a value is plain; stops at the first that is not. */
function allPlain(value: unknown): boolean {
  if (typeof value === "string") return isPlain(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!allPlain(value[i])) return false;
    return true;
  }
  if (value !== null && typeof value === "object") for (const key in value) if (!allPlain((value as Record<string, unknown>)[key])) return false;
  return true;
}


/** Strings that are not plain, with their JSON Pointers; computed once a record, shared by the text rules. */
const cache = new WeakMap<object, [string, string][]>();

function collect(value: unknown, path: (string | number)[], out: [string, string][]): void {
  if (typeof value === "string") {
    if (!isPlain(value)) out.push([path.map((s) => `/${typeof s === "number" ? s : escapeSegment(s)}`).join(""), value]);
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
    // Most records hold only plain strings: one quick pass, and the walk with pointers only when needed.
    if (!allPlain(record)) collect(record, [], found);
    cache.set(record, found);
  }
  return found;
}

/** Evidence quotes (`exact`, `prefix`, `suffix`) are copies of a source's text, white space and all: evidence-quote checks them against it. */
export const QUOTE_POINTER = /^\/evidence\/\d+\/quote\//;

/** What a text rule finds wrong with one string: its message id and data. */
export type StringProblem = Pick<RuleIssue, "messageId" | "data">;

/** One issue for each string value that `problem` finds fault with (it returns the message id and data, or undefined). */
export function stringIssues(record: object, problem: (text: string, pointer: string) => StringProblem | undefined): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [pointer, text] of unusualStrings(record)) {
    const found = problem(text, pointer);
    if (found !== undefined) issues.push({ pointer, ...found });
  }
  return issues;
}
