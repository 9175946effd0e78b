/**
 * A message built from parts, so that a value from the user (an actor's name, an id) is never spliced into
 * text as raw backticks: each part is escaped for where the message lands. A code part is a code span in
 * Markdown (codeSpan: a fence longer than any backtick run inside) and a backticked, visible value on a
 * terminal; a text part is plain text (markdownText in Markdown).
 */
import { visible } from "./escape.ts";
import { codeSpan, markdownText } from "./markdown.ts";

export type Part = string | { code: string };

/** A value shown as code. */
export const code = (text: string): Part => ({ code: text });

/** The message as Markdown: text escaped as text, values as code spans. */
export function partsMarkdown(parts: readonly Part[]): string {
  return parts.map((p) => (typeof p === "string" ? markdownText(p) : codeSpan(p.code))).join("");
}

/** The message as plain text (a terminal or a log): values in backticks, hidden characters shown as escapes. */
export function partsPlain(parts: readonly Part[]): string {
  return parts.map((p) => (typeof p === "string" ? p : `\`${visible(p.code)}\``)).join("");
}
