/** evidence-quote-length: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts); the word count. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import fs from "node:fs";
import fg from "fast-glob";
import { parse } from "yaml";
import { atMostWords, evidenceQuoteLength, wordCount } from "../../scripts/rules/evidence/evidence-quote-length.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const DATE_QUOTE = "Antony Blinken on Tuesday was visiting Kazakhstan";
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i + 1}`).join(" ");
const withDateQuote = (quote: string) => editEvent(`exact: ${DATE_QUOTE}`, `exact: ${JSON.stringify(quote)}`);

test("words as Unicode text segmentation counts them", () => {
  assert.is(wordCount("Antony Blinken on Tuesday was visiting Kazakhstan"), 7);
  assert.is(wordCount("since 2017, Russia's “exclave” — N’DJAMENA"), 5, "punctuation and dashes are no words; an apostrophe stays inside one");
  assert.is(wordCount("Moscow-allied Belarus"), 3, "a hyphen joins two words");
  assert.is(wordCount("日本政府は木曜日に中国大使を呼び出して抗議した。"), 12, "a script without spaces is counted by its words");
  assert.is(wordCount(""), 0);
});
test("the fast bound agrees with the segmenter: crafted texts, and every quote of the dataset at 30, 20 and 10 words", () => {
  const texts = [
    words(30), words(31), `${words(29)} Moscow-allied`, `${words(28)} Russia's U.S. 2,017`, "中国".repeat(15), "中国".repeat(16),
    `${words(25)} 日本政府は木曜日`, "ภาษาไทย".repeat(8), `${words(30)} —`, `— ${words(31)} “”`, "é\u0301".repeat(40), "a1b2 ".repeat(31),
  ];
  for (const file of fg.sync("data/events/**/*.yaml"))
    for (const item of (parse(fs.readFileSync(file, "utf8")) as { evidence?: { quote: { exact: string } }[] }).evidence ?? []) texts.push(item.quote.exact);
  assert.ok(texts.length > 1000, "the dataset's quotes are read");
  for (const text of texts) for (const max of [30, 20, 10]) assert.is(atMostWords(text, max), wordCount(text) <= max, `${max}: ${text}`);
});
test.run();

ruleTester(evidenceQuoteLength, {
  valid: [
    { name: "the example event's short quotes", code: EVENT_YAML },
    { name: "a quote of exactly 30 words", code: withDateQuote(words(30)) },
    { name: "30 words with punctuation, dashes and quotation marks between them", code: withDateQuote(`${words(15)} — “${words(14)}”, w30.`) },
    { name: "a quote that is no text (the schema's finding): passed over", failsSchema: true, code: editEvent(`exact: ${DATE_QUOTE}`, "exact: [a, b]") },
    {
      name: "an imported record (its source dataset's evidence, a whole sentence) and a tombstone: not judged",
      code: withDateQuote(words(45)).replace("  method: manual\n", "  method: imported\n  origin:\n    dataset: gdelt\n    version: \"2.0\"\n    id: \"1234567890\"\n"),
    },
    { name: "a retracted event keeps its quotes as they were", code: withDateQuote(words(45)).replace("status: active\n", "status: retracted\nretraction_reason: Not an event.\n") },
  ],
  invalid: [
    {
      name: "a quote of 31 words",
      code: withDateQuote(words(31)),
      errors: [{ messageId: "tooLong", data: { words: 31, max: 30 }, message: "The quote has 31 words; an evidence quote has at most 30.", line: 40, column: 14 }],
    },
    {
      name: "16 runs between spaces that hyphens make 32 words",
      code: withDateQuote(Array.from({ length: 16 }, (_, i) => `a${i}-b${i}`).join(" ")),
      errors: [{ messageId: "tooLong", data: { words: 32, max: 30 }, line: 40, column: 14 }],
    },
    {
      name: "a Chinese quote of 31 words, with no space at all",
      code: withDateQuote("中国".repeat(31)),
      errors: [{ messageId: "tooLong", data: { words: 31, max: 30 }, line: 40, column: 14 }],
    },
    {
      name: "two long quotes: each its own finding, at its own quote",
      code: editEvent(
        "exact: Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia",
        `exact: ${words(40)}`,
        withDateQuote(words(33)),
      ),
      errors: [
        { messageId: "tooLong", data: { words: 40, max: 30 }, line: 35, column: 14 },
        { messageId: "tooLong", data: { words: 33, max: 30 }, line: 40, column: 14 },
      ],
    },
  ],
});
