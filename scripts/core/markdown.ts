/**
 * Markdown for reports and release documents (GitHub Flavored Markdown), one
 * escaper for each context a piece of text lands in:
 *
 * - `markdownText`: data (a path, a value, a finding's message) shown as plain
 *   text, inline or in a table cell. Every character that could open an inline
 *   construct (code, emphasis, link, image, math, HTML, entity, cell border) is
 *   escaped, control characters and line breaks are shown as visible escapes
 *   (core/escape.ts): the text renders as the characters it holds, on one line.
 * - `codeSpan`: data shown as code: a fence of backticks longer than the
 *   longest run inside, so that no backtick closes it early.
 * - `markdownWithCode`: Markdown the toolkit wrote itself whose only markup is
 *   code spans (column descriptions), each part escaped for its context.
 */
import { visible } from "./escape.ts";

// Backslash, code, emphasis, strikethrough, links and images, math, table borders: backslash-escaped (CommonMark allows any ASCII punctuation).
const INLINE = /[\\`*_~[\]$|!#]/g;

/** Data as plain text, inline or in a table cell: it renders as exactly its characters. */
export function markdownText(text: string): string {
  return visible(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(INLINE, (c) => `\\${c}`);
}

/**
 * Data as a code span. The fence is one backtick longer than the longest run
 * of backticks in the text, and a space pads it when the text starts or ends
 * with a backtick or a space (CommonMark strips one). In a table (`inTable`),
 * `|` is written `\|`: GFM splits cells before it reads code spans.
 */
export function codeSpan(text: string, inTable = false): string {
  let shown = visible(text);
  if (inTable) shown = shown.replace(/\|/g, "\\|");
  if (shown === "") return "";
  let longest = 0;
  for (const run of shown.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(shown) ? " " : "";
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/**
 * The toolkit's own Markdown whose only markup is code spans (column
 * descriptions, say), escaped per context: each code span through codeSpan
 * (so `<id>` shows as <id>, and `|` is `\|` in a table), the text between
 * through markdownText (so a `<`, `*` or `|` there is a character, not HTML,
 * emphasis or a cell border). Line breaks become spaces.
 */
export function markdownWithCode(markdown: string, inTable = false): string {
  const parts = markdown.replace(/\r?\n|\r/g, " ").split("`");
  // An unmatched backtick: the rest is text.
  if (parts.length % 2 === 0) parts.push(parts.splice(-2).join("`"));
  return parts.map((part, i) => (i % 2 === 1 ? codeSpan(part, inTable) : markdownText(part))).join("");
}

/** Lines shown as a fenced code block: the fence is longer than any run of backticks inside, so that nothing in them closes it. */
export function codeBlock(language: string, lines: readonly string[]): string[] {
  let longest = 2;
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  return [`${fence}${language}`, ...lines.map((l) => visibleLine(l)), fence];
}

/** A line of a code block: control characters and line breaks shown as visible escapes, tabs kept. */
function visibleLine(line: string): string {
  return line.split("\t").map(visible).join("\t");
}
