import { distance } from "fastest-levenshtein";
import type { Event } from "../../../schema/index.ts";
import { LineIndex } from "../../dataset/lines.ts";
import { quotedText } from "../../dataset/texts.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/** Every place `part` occurs in `text` (UTF-16 offsets, overlapping ones included). */
function occurrences(text: string, part: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + 1)) out.push(i);
  return out;
}

/** Code points in `text` before UTF-16 offset `index` (W3C selectors count code points). */
function codePointOffset(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < index) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const codePoints = (s: string) => codePointOffset(s, s.length);

/** Above this many cells (text length times quote length) the search for a drifted quote is not attempted. */
const NEAR_SEARCH_LIMIT = 20_000_000;

/**
 * The passage of `text` closest to `quote` by edit distance (Sellers'
 * approximate substring search), when it is near enough to be the same
 * quote drifted: at most a fifth of the quote's length (and 2 edits at least).
 */
function nearest(text: string, quote: string): { index: number; passage: string; edits: number } | undefined {
  const m = quote.length;
  if (m === 0 || text.length * m > NEAR_SEARCH_LIMIT) return undefined;
  let previous = new Uint32Array(m + 1).map((_, i) => i);
  let current = new Uint32Array(m + 1);
  let best = Infinity;
  let bestEnd = -1;
  for (let j = 1; j <= text.length; j++) {
    current[0] = 0;
    const c = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const cost = quote.charCodeAt(i - 1) === c ? 0 : 1;
      current[i] = Math.min(previous[i - 1]! + cost, previous[i]! + 1, current[i - 1]! + 1);
    }
    if (current[m]! < best) {
      best = current[m]!;
      bestEnd = j;
    }
    [previous, current] = [current, previous];
  }
  if (best > Math.max(2, Math.floor(m / 5))) return undefined;
  // The start: of the passages ending there, the one closest to the quote.
  let start = Math.max(0, bestEnd - m);
  let edits = Infinity;
  for (let s = Math.max(0, bestEnd - m - best); s <= Math.min(bestEnd, bestEnd - m + best); s++) {
    const d = distance(text.slice(s, bestEnd), quote);
    if (d < edits) [edits, start] = [d, s];
  }
  return { index: start, passage: text.slice(start, bestEnd), edits };
}

/** 1-based line and column of a UTF-16 offset, for a message a coder can follow in the text file. */
function lineColumn(text: string, index: number): string {
  const { line, column } = new LineIndex(text).at(index);
  return `line ${line}, column ${column}`;
}

const show = (s: string) => JSON.stringify(s.length > 120 ? `${s.slice(0, 117)}...` : s);

export const evidenceQuote: RecordRule = {
  id: "evidence-quote",
  family: "record",
  severity: "error",
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  checksQuotes: true,
  description:
    "A quote has no white space at either end; where the quoted source's text is kept (data/texts/), each quote occurs in it exactly, once (or once with its prefix and suffix), at its `position` if one is given. A quote that nearly matches is reported as drifted, with the closest passage.",
  fix: "Copy the quote from the kept text, character for character (non-breaking spaces included); add a `prefix` or `suffix` when it occurs more than once; correct or remove `position`.",
  check: ({ record, texts }) => {
    const event = record as Event;
    const issues: RuleIssue[] = [];
    (event.evidence ?? []).forEach((item, i) => {
      const at = `/evidence/${i}`;
      const { exact, prefix, suffix } = item.quote;
      // Needs no text: checked on every quote.
      if (exact.trim() !== exact) issues.push({ pointer: `${at}/quote/exact`, message: "The quote starts or ends with white space; quote from the first character of the words to the last." });
      // No kept text: not checked against it (validate counts these as "not checked", never as passed).
      const quoted = quotedText(event, item, texts);
      if (!quoted) return;
      const { kept, text } = quoted;
      const found = occurrences(text, exact);
      if (found.length === 0) {
        const near = nearest(text, exact);
        issues.push({
          pointer: `${at}/quote/exact`,
          message: near
            ? `The quote has drifted from ${kept.file}: it is not there exactly; the closest passage (${near.edits} edit${near.edits === 1 ? "" : "s"} away, ${lineColumn(text, near.index)}) reads ${show(near.passage)}.`
            : `The quote is not in ${kept.file}, not even nearly.`,
          hint: near ? "Copy the passage from the kept text exactly (non-breaking spaces included), or correct the quote." : undefined,
        });
        return;
      }
      const selected = found.filter((o) => (prefix === undefined || text.slice(Math.max(0, o - prefix.length), o) === prefix) && (suffix === undefined || text.startsWith(suffix, o + exact.length)));
      if (selected.length === 0) {
        issues.push({
          pointer: `${at}/quote/${prefix !== undefined ? "prefix" : "suffix"}`,
          message: `The quote occurs ${found.length === 1 ? "once" : `${found.length} times`} in ${kept.file}, but never with this ${prefix !== undefined && suffix !== undefined ? "prefix and suffix" : prefix !== undefined ? "prefix" : "suffix"}.`,
          hint: "Copy the characters just before (prefix) or after (suffix) the quote from the kept text.",
        });
        return;
      }
      if (selected.length > 1) {
        issues.push({
          pointer: `${at}/quote/exact`,
          message: `The quote occurs ${selected.length} times in ${kept.file}${prefix !== undefined || suffix !== undefined ? ", even with its prefix and suffix" : ""}: it does not say which place it means.`,
          hint: "Add a `prefix` or `suffix`: a few characters just before or after the place meant, copied from the kept text.",
        });
        return;
      }
      if (item.position) {
        const start = codePointOffset(text, selected[0]!);
        const end = start + codePoints(exact);
        if (item.position.start !== start || item.position.end !== end)
          issues.push({
            pointer: `${at}/position`,
            message: `\`position\` is ${item.position.start}-${item.position.end}, but the quote is at ${start}-${end} in ${kept.file} (code points from the start of the file).`,
            hint: `Set \`position: { start: ${start}, end: ${end} }\`, or leave \`position\` out.`,
          });
      }
    });
    return issues;
  },
};
