import type { Event } from "../../../schema/index.ts";
import { LineIndex } from "../../dataset/lines.ts";
import { quotedText } from "../../dataset/texts.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { closestPassage } from "./approximate.ts";

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

/**
 * The near-passage search of one record is limited to this many cells: the
 * length of the kept text times that of the quote, summed over the quotes not
 * found exactly (the bit-parallel scan does 32 cells at a step, fewer still
 * far from any near passage). About 3 seconds at worst on a busy machine:
 * 0.15 to 0.3 s a billion cells measured. 2,000 quotes of 400 characters
 * against the 5.5 KB DW page are 4.4 billion; one of them against a 16 MiB
 * page (the largest kept text read) is 6.7 billion. A quote past the limit is
 * still reported as not found exactly, with no suggestion, and the finding
 * says that it was not searched and why.
 */
export const NEAR_SEARCH_BUDGET = 10_000_000_000;

/** A quote near enough to be the same quote drifted: at most a fifth of its length away (and 2 edits at least). */
const maxEdits = (quote: string) => Math.max(2, Math.floor(quote.length / 5));

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
    "A quote has no white space at either end; where the quoted source's text is kept (data/texts/), each quote occurs in it exactly, once (or once with its prefix and suffix), at its `position` if one is given. A quote that nearly matches (at most a fifth of its characters edited) is reported as drifted, with the closest passage; the search for near passages is limited to 10 billion cells (characters of kept text times characters of quote) per record, and a quote past that is reported as not searched.",
  help: "Copy the quote from the kept text, character for character (non-breaking spaces included); add a `prefix` or `suffix` when it occurs more than once; correct or remove `position`.",
  check: ({ record, texts }) => {
    const event = record as Event;
    const issues: RuleIssue[] = [];
    // Cells (text length times quote length) searched so far for near passages, by this record's quotes.
    let searched = 0;
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
        const cells = text.length * exact.length;
        if (searched + cells > NEAR_SEARCH_BUDGET) {
          const n = (x: number) => x.toLocaleString("en-US");
          issues.push({
            pointer: `${at}/quote/exact`,
            message: `The quote is not in ${kept.file} exactly; it was not searched for a near passage: the search of one record is limited to ${n(NEAR_SEARCH_BUDGET)} cells (characters of kept text times characters of quote), this record's earlier quotes used ${n(searched)}, and this one needs ${n(cells)} (${n(text.length)} times ${n(exact.length)}).`,
            hint: "Copy the passage from the kept text exactly (non-breaking spaces included), or correct the quote; correcting the record's other drifted quotes leaves the search enough for this one.",
          });
          return;
        }
        searched += cells;
        const near = closestPassage(text, exact, maxEdits(exact));
        const passage = near && text.slice(near.index, near.end);
        issues.push({
          pointer: `${at}/quote/exact`,
          message: near
            ? `The quote has drifted from ${kept.file}: it is not there exactly; the closest passage (${near.edits} edit${near.edits === 1 ? "" : "s"} away, ${lineColumn(text, near.index)}) reads ${show(passage!)}.`
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
