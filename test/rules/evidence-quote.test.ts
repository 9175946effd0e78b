/**
 * evidence-quote's search for a drifted quote: the bit-parallel search finds
 * what the cell-by-cell table (Sellers) found, and the findings say the same
 * for an exact quote, a near miss, a far miss, and a quote past the limit of
 * one record's search.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { distance } from "fastest-levenshtein";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { closestPassage } from "../../scripts/rules/evidence/approximate.ts";
import { NEAR_SEARCH_BUDGET, evidenceQuote } from "../../scripts/rules/evidence/evidence-quote.ts";
import type { RuleIssue } from "../../scripts/rules/types.ts";
import { messageOf } from "../../scripts/check/file.ts";
import { EVENT_YAML, withSchemaError, editEvent } from "../helpers/dataset.ts";
import { PAGE_URL, TEXTS, withQuote } from "../helpers/rule-cases.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

/** The search evidence-quote made before: Sellers' table, cell by cell, then the start by Levenshtein distance. */
function sellers(text: string, quote: string, maxEdits: number) {
  const m = quote.length;
  let previous = new Uint32Array(m + 1).map((_, i) => i);
  let current = new Uint32Array(m + 1);
  let best = Infinity;
  let bestEnd = -1;
  for (let j = 1; j <= text.length; j++) {
    current[0] = 0;
    const c = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) current[i] = Math.min(previous[i - 1]! + (quote.charCodeAt(i - 1) === c ? 0 : 1), previous[i]! + 1, current[i - 1]! + 1);
    if (current[m]! < best) [best, bestEnd] = [current[m]!, j];
    [previous, current] = [current, previous];
  }
  if (best > maxEdits) return undefined;
  let start = Math.max(0, bestEnd - m);
  let edits = Infinity;
  for (let s = Math.max(0, bestEnd - m - best); s <= Math.min(bestEnd, bestEnd - m + best); s++) {
    const d = distance(text.slice(s, bestEnd), quote);
    if (d < edits) [edits, start] = [d, s];
  }
  return { index: start, end: bestEnd, edits };
}

let seed = 7;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
/** A passage of the text with a few random edits. */
function drift(text: string, length: number, edits: number, alphabet: string): string {
  const at = Math.floor(random() * Math.max(1, text.length - length));
  const chars = text.slice(at, at + length).split("");
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(random() * chars.length);
    const kind = random();
    if (kind < 0.33) chars.splice(i, 1);
    else if (kind < 0.66) chars.splice(i, 0, pick(alphabet, 1));
    else chars[i] = pick(alphabet, 1);
  }
  return chars.join("") || "x";
}

test("the bit-parallel search agrees with Sellers' table: quotes of 1 to 400 units, near and far, in texts of small and large alphabets", () => {
  for (const alphabet of ["ab", "acgt", "abcdefghijklmnopqrstuvwxyz ", "a\u00e9\ud83d\ude00 "]) {
    for (let round = 0; round < 150; round++) {
      const text = pick(alphabet, 20 + Math.floor(random() * 600));
      const length = 1 + Math.floor(random() * (round % 3 === 0 ? 400 : 100));
      const quote = random() < 0.3 ? pick(alphabet, length) : drift(text, length, Math.floor(random() * (length / 4 + 3)), alphabet);
      for (const k of [Math.max(2, Math.floor(quote.length / 5)), Math.floor(random() * 40), quote.length]) {
        assert.equal(closestPassage(text, quote, k), sellers(text, quote, k), `${JSON.stringify(quote)} in ${JSON.stringify(text)}, k ${k}`);
      }
    }
  }
});

const FILE = "dw-2023-02-28-blinken-central-asia.txt";
const PAGE = readFileSync(path.join(TOOLKIT_ROOT, "data/texts", FILE), "utf8");
const URL = "https://p.dw.com/p/4O4UG";
const kept = (file: string, absolute: string, text: string) => new Map([[URL, { file, url: URL, absolute, sha256: createHash("sha256").update(text).digest("hex") }]]);
const check = (quotes: string[], texts = kept(FILE, path.join(TOOLKIT_ROOT, "data/texts", FILE), PAGE)) =>
  (evidenceQuote.check({ record: { sources: [{ outlet: "dw", url: URL }], evidence: quotes.map((exact) => ({ source: 0, claim: "event_type", quote: { exact } })) }, texts } as never) as RuleIssue[]).map(
    (i) => `${i.pointer} ${messageOf(evidenceQuote, i)}`,
  );
const QUOTE = "Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia";

test("an exact quote: no finding", () => {
  assert.equal(check([QUOTE]), []);
});

test("near misses: the same closest passage, edits and place as Sellers' table gave", () => {
  // The messages as the rule gave them before the bit-parallel search (bench/evidence-search.ts --near).
  assert.equal(check([QUOTE.replace("ministers", "minsters"), QUOTE.replace(" met with", " met"), "Blinkn"]), [
    `/evidence/0/quote/exact The quote has drifted from ${FILE}: it is not there exactly; the closest passage (1 edit away, line 18, column 1) reads "${QUOTE}".`,
    `/evidence/1/quote/exact The quote has drifted from ${FILE}: it is not there exactly; the closest passage (5 edits away, line 18, column 1) reads "${QUOTE}".`,
    `/evidence/2/quote/exact The quote has drifted from ${FILE}: it is not there exactly; the closest passage (1 edit away, line 10, column 30) reads "Blink".`,
  ]);
  const long = PAGE.slice(PAGE.indexOf("Blinken"), PAGE.indexOf("Blinken") + 400);
  assert.equal(check([long.slice(3, 390) + "xyz"]), [
    `/evidence/0/quote/exact The quote has drifted from ${FILE}: it is not there exactly; the closest passage (3 edits away, line 10, column 33) reads "nken, left, shakes hands with Kazakhstan's President Kassym-Jomart Tokayev\\nUS Secretary of State Antony Blinken, left...".`,
  ]);
});

test("a far miss: not even nearly", () => {
  assert.equal(check(["Nothing of the kind was said by anyone at the meeting in Astana"]), [`/evidence/0/quote/exact The quote is not in ${FILE}, not even nearly.`]);
});

test("past the search limit of one record: the quote is reported as not searched, with the limit and what was used", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "eventwire-big-"));
  try {
    const text = "The ministers met. ".repeat(883_000) + "The end."; // 16,777,008 characters: one quote of 400 searched in it, not two
    writeFileSync(path.join(folder, "big.txt"), text);
    const far = (n: number) => `Nowhere said, ${n} `.padEnd(400, "wxyz");
    const found = check([far(1), "The end", far(2)], kept("big.txt", path.join(folder, "big.txt"), text));
    assert.equal(found, [
      "/evidence/0/quote/exact The quote is not in big.txt, not even nearly.",
      // An exact quote needs no search: it passes past the limit too.
      `/evidence/2/quote/exact The quote is not in big.txt exactly; it was not searched for a near passage: the search of one record is limited to ${NEAR_SEARCH_BUDGET.toLocaleString("en-US")} cells (characters of kept text times characters of quote), this record's earlier quotes used 6,710,803,200, and this one needs 6,710,803,200 (16,777,008 times 400).`,
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test.run();

// The rule's valid and invalid cases (test/helpers/rule-tester.ts).
const GOTHIC_QUOTE = "\u{10330}\u{10331}\u{10332}\u{10333}".repeat(100);
const LONG_PAGE = "The ministers met. ".repeat(663_200);
ruleTester(evidenceQuote, {
  valid: [
    { name: "an exact that is no string, a quote that is none (the schema's findings): passed over", failsSchema: true, code: withQuote("5", "  - source: 0\n    claim: event_type\n    quote: null\n  - null"), texts: TEXTS },
    { name: "an empty exact (the schema's finding): passed over, not searched", failsSchema: true, code: withQuote('""', "    position: { start: 0, end: 1 }"), texts: TEXTS },
    { name: "a position that is no pair of numbers (the schema's finding): not compared", failsSchema: true, code: withQuote("Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia", '    position: { start: "558", end: 653 }'), texts: TEXTS },
    { name: "a source that is no number, sources that are no list: no kept text", failsSchema: true, code: editEvent("  - source: 0", '  - source: "0"', withQuote("Not in the page")), texts: TEXTS },
    { name: "the quote, once in the kept page, at its position", code: EVENT_YAML, texts: TEXTS },
    { name: "no text kept for the source: not checked (not failed)", code: withQuote("Not in any text we keep") },
    { name: "a suffix that picks one place", code: withQuote("Blinken", '      suffix: " met with"'), texts: TEXTS },
  ],
  invalid: [
    {
      name: "white space at a quote's end in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(withQuote('"Not in any text we keep "')),
      errors: [{ messageId: "whitespace", message: "The quote starts or ends with white space; quote from the first character of the words to the last.", line: 35, column: 14 }],
    },
    {
      name: "a quote that is not in the kept text, in a record whose prefix is ill-typed (the schema's finding)",
      failsSchema: true,
      code: withQuote("Nowhere in the page at all, not even nearly so", "      prefix: 5\n    position: { start: 558, end: 653 }"),
      texts: TEXTS,
      errors: [{ messageId: "notFound", data: { file: "data/texts/0.txt" }, line: 35, column: 14 }],
    },
    {
      name: "a quote five edits from its passage",
      code: withQuote("Antony Blinken met foreign ministers from the five former Soviet republics of Central Asia"), texts: TEXTS,
      errors: [
        { messageId: "drifted", data: {file: "data/texts/0.txt",edits: 5,line: 18,column: 1,passage: "\"Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia\""}, message: "The quote has drifted from data/texts/0.txt: it is not there exactly; the closest passage (5 edits away, line 18, column 1) reads \"Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia\".", helpId: "copyExact", help: "Copy the passage from the kept text exactly (non-breaking spaces included), or correct the quote.", suggestions: [{messageId: "useClosest",message: "Quote the closest passage instead: \"Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia\".",fix: {pointer: "/evidence/0/quote/exact",value: "Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia"}}], line: 35, column: 14 },
      ],
    },
    {
      name: "a quote found once, but not after its prefix",
      code: withQuote("Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia", '      prefix: "nowhere "'), texts: TEXTS,
      errors: [
        { messageId: "contextOnce", data: {count: 1,file: "data/texts/0.txt",context: "prefix"}, message: "The quote occurs once in data/texts/0.txt, but never with this prefix.", helpId: "copyContext", help: "Copy the characters just before (prefix) or after (suffix) the quote from the kept text.", line: 36, column: 15 },
      ],
    },
    {
      name: "a quote found several times even with its suffix",
      code: withQuote("Blinken", '      suffix: " "'), texts: TEXTS,
      errors: [
        { messageId: "ambiguousWithContext", data: {count: 6,file: "data/texts/0.txt"}, message: "The quote occurs 6 times in data/texts/0.txt, even with its prefix and suffix: it does not say which place it means.", helpId: "addContext", help: "Add a `prefix` or `suffix`: a few characters just before or after the place meant, copied from the kept text.", line: 35, column: 14 },
      ],
    },
    {
      name: "white space at a quote's end, even with no text kept",
      code: withQuote('"Not in any text we keep "'),
      errors: [
        { messageId: "whitespace", message: "The quote starts or ends with white space; quote from the first character of the words to the last.", line: 35, column: 14 },
      ],
    },
    {
      name: "a quote with a typo (drifted): the closest passage as a suggestion",
      code: withQuote("Antony Blinken met with foreign minsters from the five former Soviet republics of Central Asia"), texts: TEXTS,
      errors: [
        { messageId: "driftedOneEdit", data: {file: "data/texts/0.txt",edits: 1,line: 18,column: 1,passage: "\"Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia\""}, message: "The quote has drifted from data/texts/0.txt: it is not there exactly; the closest passage (1 edit away, line 18, column 1) reads \"Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia\".", helpId: "copyExact", suggestions: [{messageId: "useClosest",fix: {pointer: "/evidence/0/quote/exact",value: "Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia"}}], line: 35, column: 14 },
      ],
    },
    {
      name: "a quote far from every passage (not even nearly)",
      code: withQuote("Nothing of the kind was said by anyone at the meeting in Astana"), texts: TEXTS,
      errors: [
        { messageId: "notFound", data: {file: "data/texts/0.txt"}, message: "The quote is not in data/texts/0.txt, not even nearly.", line: 35, column: 14 },
      ],
    },
    {
      name: "a quote that occurs several times",
      code: withQuote("Blinken", ""), texts: TEXTS,
      errors: [
        { messageId: "ambiguous", data: {count: 10,file: "data/texts/0.txt"}, message: "The quote occurs 10 times in data/texts/0.txt: it does not say which place it means.", helpId: "addContext", line: 35, column: 14 },
      ],
    },
    {
      name: "a prefix found nowhere before the quote",
      code: withQuote("Blinken", '      prefix: "nowhere "'), texts: TEXTS,
      errors: [
        { messageId: "contextTimes", data: {count: 10,file: "data/texts/0.txt",context: "prefix"}, message: "The quote occurs 10 times in data/texts/0.txt, but never with this prefix.", helpId: "copyContext", line: 36, column: 15 },
      ],
    },
    {
      name: "a position that is off: the position the quote is at is the fix",
      code: withQuote("Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia", "    position: { start: 557, end: 652 }"), texts: TEXTS,
      errors: [
        { messageId: "position", data: {givenStart: 557,givenEnd: 652,start: 558,end: 653,file: "data/texts/0.txt"}, message: "`position` is 557-652, but the quote is at 558-653 in data/texts/0.txt (code points from the start of the file).", helpId: "setPosition", help: "Set `position: { start: 558, end: 653 }`, or leave `position` out.", line: 36, column: 15 },
      ],
      output: EVENT_YAML,
    },
    {
      // 400 Gothic letters are 800 UTF-16 units: with a kept text of 12.6 million characters, one quote is past the limit on its own.
      name: "a quote past the search limit of its record: not searched, and said so",
      // (the sample's date quote left out: it is not in this page either, and would be searched for in vain)
      code: withQuote(GOTHIC_QUOTE, "").slice(0, withQuote(GOTHIC_QUOTE, "").indexOf("  - source: 0\n    claim: date")), texts: { [PAGE_URL]: LONG_PAGE },
      errors: [
        { messageId: "notSearched", data: {file: "data/texts/0.txt",budget: "10,000,000,000",searched: "0",cells: "10,080,640,000",textLength: "12,600,800",quoteLength: "800"}, message: "The quote is not in data/texts/0.txt exactly; it was not searched for a near passage: the search of one record is limited to 10,000,000,000 cells (characters of kept text times characters of quote), this record's earlier quotes used 0, and this one needs 10,080,640,000 (12,600,800 times 800).", helpId: "copyExactSearch", help: "Copy the passage from the kept text exactly (non-breaking spaces included), or correct the quote; correcting the record's other drifted quotes leaves the search enough for this one.", line: 35, column: 14 },
      ],
    },
  ],
});
