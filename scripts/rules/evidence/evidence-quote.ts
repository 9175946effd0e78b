import { LineIndex } from "../../dataset/lines.ts";
import { quotedText } from "../../dataset/texts.ts";
import { eachObject, index } from "../fields.ts";
import { quotedUrl, quoteOf } from "./quoted.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { closestPassage } from "./approximate.ts";
import { groupDigits } from "../../core/terminal.ts";

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
function lineColumn(text: string, index: number): { line: number; column: number } {
  // The line index of the last text asked about is kept: a record's drifted quotes are mostly of one text (up to 16 MiB).
  if (lastIndexed?.text !== text) lastIndexed = { text, lines: new LineIndex(text) };
  const { line, column } = lastIndexed.lines.at(index);
  return { line, column };
}

let lastIndexed: { text: string; lines: LineIndex } | undefined;

const show = (s: string) => JSON.stringify(s.length > 120 ? `${s.slice(0, 117)}...` : s);

export const evidenceQuote: RecordRule = {
  meta: {
    id: "evidence-quote",
    family: "record",
    severity: "error",
    fixable: true,
    description:
      "A quote has no white space at either end; where the quoted source's text is kept (data/texts/), each quote occurs in it exactly, once (or once with its prefix and suffix), at its `position` if one is given. A quote that nearly matches (at most a fifth of its characters edited) is reported as drifted, with the closest passage; the search for near passages is limited to 10 billion cells (characters of kept text times characters of quote) per record, and a quote past that is reported as not searched.",
    help: "Copy the quote from the kept text, character for character (non-breaking spaces included); add a `prefix` or `suffix` when it occurs more than once; correct or remove `position`.",
    messages: {
      whitespace: "The quote starts or ends with white space; quote from the first character of the words to the last.",
      notSearched: "The quote is not in {{file}} exactly; it was not searched for a near passage: the search of one record is limited to {{budget}} cells (characters of kept text times characters of quote), this record's earlier quotes used {{searched}}, and this one needs {{cells}} ({{textLength}} times {{quoteLength}}).",
      copyExactSearch: "Copy the passage from the kept text exactly (non-breaking spaces included), or correct the quote; correcting the record's other drifted quotes leaves the search enough for this one.",
      driftedOneEdit: "The quote has drifted from {{file}}: it is not there exactly; the closest passage (1 edit away, line {{line}}, column {{column}}) reads {{passage}}.",
      drifted: "The quote has drifted from {{file}}: it is not there exactly; the closest passage ({{edits}} edits away, line {{line}}, column {{column}}) reads {{passage}}.",
      copyExact: "Copy the passage from the kept text exactly (non-breaking spaces included), or correct the quote.",
      useClosest: "Quote the closest passage instead: {{passage}}.",
      notFound: "The quote is not in {{file}}, not even nearly.",
      contextOnce: "The quote occurs once in {{file}}, but never with this {{context}}.",
      contextTimes: "The quote occurs {{count}} times in {{file}}, but never with this {{context}}.",
      copyContext: "Copy the characters just before (prefix) or after (suffix) the quote from the kept text.",
      ambiguous: "The quote occurs {{count}} times in {{file}}: it does not say which place it means.",
      ambiguousWithContext: "The quote occurs {{count}} times in {{file}}, even with its prefix and suffix: it does not say which place it means.",
      addContext: "Add a `prefix` or `suffix`: a few characters just before or after the place meant, copied from the kept text.",
      position: "`position` is {{givenStart}}-{{givenEnd}}, but the quote is at {{start}}-{{end}} in {{file}} (code points from the start of the file).",
      setPosition: "Set `position: { start: {{start}}, end: {{end}} }`, or leave `position` out.",
    },
  },
  scope: "record",
  readsTexts: true,
  kinds: ["event"],
  checksQuotes: true,
  check: ({ record, texts }) => {
    const issues: RuleIssue[] = [];
    // Cells (text length times quote length) searched so far for near passages, by this record's quotes.
    let searched = 0;
    // An item whose `exact` is no string is the schema's finding; so is an ill-typed prefix, suffix or position (not used).
    eachObject(record.evidence, (item, i) => {
      const at = `/evidence/${i}`;
      const quote = quoteOf(item);
      if (quote === undefined) return;
      const { exact, prefix, suffix } = quote;
      // Needs no text: checked on every quote.
      if (exact.trim() !== exact) issues.push({ pointer: `${at}/quote/exact`, messageId: "whitespace" });
      // No kept text: not checked against it (validate counts these as "not checked", never as passed).
      const quoted = quotedText(quotedUrl(record, item), texts);
      if (!quoted) return;
      const { kept, text } = quoted;
      const found = occurrences(text, exact);
      if (found.length === 0) {
        const cells = text.length * exact.length;
        if (searched + cells > NEAR_SEARCH_BUDGET) {
          const n = groupDigits;
          issues.push({
            pointer: `${at}/quote/exact`,
            messageId: "notSearched",
            data: { file: kept.file, budget: n(NEAR_SEARCH_BUDGET), searched: n(searched), cells: n(cells), textLength: n(text.length), quoteLength: n(exact.length) },
            helpId: "copyExactSearch",
          });
          return;
        }
        searched += cells;
        const near = closestPassage(text, exact, maxEdits(exact));
        const passage = near && text.slice(near.index, near.end);
        const pointer = `${at}/quote/exact`;
        issues.push(
          near
            ? {
                pointer,
                messageId: near.edits === 1 ? "driftedOneEdit" : "drifted",
                data: { file: kept.file, edits: near.edits, ...lineColumn(text, near.index), passage: show(passage!) },
                helpId: "copyExact",
                suggestions: [{ messageId: "useClosest", data: { passage: show(passage!) }, fix: { pointer, value: passage } }],
              }
            : { pointer, messageId: "notFound", data: { file: kept.file } },
        );
        return;
      }
      const selected = found.filter((o) => (prefix === undefined || text.slice(Math.max(0, o - prefix.length), o) === prefix) && (suffix === undefined || text.startsWith(suffix, o + exact.length)));
      if (selected.length === 0) {
        issues.push({
          pointer: `${at}/quote/${prefix !== undefined ? "prefix" : "suffix"}`,
          messageId: found.length === 1 ? "contextOnce" : "contextTimes",
          data: { count: found.length, file: kept.file, context: prefix !== undefined && suffix !== undefined ? "prefix and suffix" : prefix !== undefined ? "prefix" : "suffix" },
          helpId: "copyContext",
        });
        return;
      }
      if (selected.length > 1) {
        issues.push({
          pointer: `${at}/quote/exact`,
          messageId: prefix !== undefined || suffix !== undefined ? "ambiguousWithContext" : "ambiguous",
          data: { count: selected.length, file: kept.file },
          helpId: "addContext",
        });
        return;
      }
      const givenStart = index(item.position, "start");
      const givenEnd = index(item.position, "end");
      if (givenStart !== undefined && givenEnd !== undefined) {
        const start = codePointOffset(text, selected[0]!);
        const end = start + codePoints(exact);
        if (givenStart !== start || givenEnd !== end)
          issues.push({
            pointer: `${at}/position`,
            messageId: "position",
            data: { givenStart, givenEnd, start, end, file: kept.file },
            helpId: "setPosition",
            fix: { pointer: `${at}/position`, value: { start, end } },
          });
      }
    });
    return issues;
  },
};
