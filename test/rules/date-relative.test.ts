/** date-relative: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { dateRelative } from "../../scripts/rules/evidence/date-relative.ts";
import { hasAnchor, relativeWords } from "../../scripts/rules/evidence/date-words.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

/** The sample event with no `published` date on its source (its date quote moves up a line: line 39). */
const UNDATED = editEvent('    published: "2023-02-28"\n', "");
/** The sample event (undated by default) with its date quote replaced. */
const dateQuote = (exact: string, base = UNDATED) => editEvent("exact: Antony Blinken on Tuesday was visiting Kazakhstan", `exact: ${exact}`, base);
/** Another date quote, after the sample's. */
const anotherDateQuote = (exact: string) => `  - source: 0\n    claim: date\n    quote:\n      exact: ${exact}\n`;
/** The sample event with its evidence cut after the type quote. */
const TYPE_ONLY = UNDATED.slice(0, UNDATED.indexOf("  - source: 0\n    claim: date"));

const HELP =
  'Give the source\'s `published` date where the page or the archive you read it from shows one, quote words that name the day ("on Tuesday", "on 13 September"), or code `week` precision (CONTRIBUTING, Hard cases: "Yesterday" in a repost).';

test("words: relative day words whole, in any case and either apostrophe; anchors: digits, weekday and month names", () => {
  assert.equal(relativeWords("announced an agreement Yesterday, and talks go on today"), ["Yesterday", "today"]);
  assert.equal(relativeWords("a annoncé aujourd’hui et aujourd'hui"), ["aujourd’hui", "aujourd'hui"]);
  assert.equal(relativeWords("Der Minister sagte heute  Morgen"), ["heute Morgen"], "white space as one space");
  assert.equal(relativeWords("la hierarchie, todays, hoyo, Ayerbe"), [], "whole words only");
  assert.equal(relativeWords("Bugün açıkladı; hari ini diumumkan; Сегодня"), ["Bugün", "hari ini", "Сегодня"]);
  assert.ok(hasAnchor("on 16/9"));
  assert.ok(hasAnchor("on Sept. 13") && hasAnchor("late on Tue"));
  assert.ok(hasAnchor("am Dienstagabend") && hasAnchor("в среду") && hasAnchor("el miércoles"));
  assert.ok(hasAnchor("in May"));
  assert.ok(!hasAnchor("it may sign the deal yesterday"), "a lower-case modal is no month");
  assert.ok(!hasAnchor("announced an agreement yesterday"));
});

test.run();

ruleTester(dateRelative, {
  valid: [
    { name: "a date quote that names the day", code: UNDATED },
    { name: "a weekday in another date quote beside \"yesterday\"", code: dateQuote("announced an agreement yesterday") + anotherDateQuote("Blinken arrived in Astana on Monday") },
    { name: "a digit beside \"yesterday\"", code: dateQuote("yesterday (16/9) announced an agreement") },
    { name: "\"yesterday\" quoted from a source with `published`", code: dateQuote("announced an agreement yesterday", EVENT_YAML) },
    { name: "`week` precision: not coded to the day", code: editEvent("  precision: day\n", "  precision: week\n", dateQuote("announced an agreement yesterday")) },
    { name: "a tombstone: kept for its id, not a claim to support", failsSchema: true, code: editEvent("status: active", "status: retracted", dateQuote("announced an agreement yesterday")) },
    {
      name: "a second coding (data/codings/<coder>/)",
      file: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml",
      code: editEvent("coded_by: [eventwire]", "coded_by: [coder-b]", dateQuote("announced an agreement yesterday")),
    },
    { name: "no date quotes (evidence-date's finding)", code: TYPE_ONLY },
    { name: "\"yesterday\" in a quote for another claim", code: editEvent("exact: Antony Blinken met with", "exact: Yesterday Antony Blinken met with", dateQuote("announced an agreement")) },
    { name: "fr: \"hier\" with the weekday", code: dateQuote("a indiqué hier, mercredi") },
    { name: "letters around a relative word: no whole word", code: dateQuote("the hierarchy was announced") },
  ],
  invalid: [
    {
      name: "en: \"yesterday\" and no `published`",
      code: dateQuote("announced an agreement yesterday"),
      errors: [
        {
          messageId: "relativeOnly",
          data: { words: '"yesterday"' },
          message: 'The date quotes give the day only as "yesterday", counted from a date the page does not give.',
          help: HELP,
          pointer: "/evidence/1/quote/exact",
          line: 39,
          column: 14,
        },
      ],
    },
    { name: "es: \"ayer\"", code: dateQuote("El Gobierno anunció ayer un acuerdo"), errors: [{ messageId: "relativeOnly", data: { words: '"ayer"' }, line: 39, column: 14 }] },
    { name: "fr: \"aujourd’hui\" (curly apostrophe)", code: dateQuote("a annoncé aujourd’hui un accord"), errors: [{ messageId: "relativeOnly", data: { words: '"aujourd’hui"' }, line: 39, column: 14 }] },
    { name: "ru: \"вчера\"", code: dateQuote("Министерство вчера объявило о соглашении"), errors: [{ messageId: "relativeOnly", data: { words: '"вчера"' }, line: 39, column: 14 }] },
    { name: "de: \"heute Morgen\", two words", code: dateQuote("Das Ministerium teilte heute Morgen mit"), errors: [{ messageId: "relativeOnly", data: { words: '"heute Morgen"' }, line: 39, column: 14 }] },
    { name: "a lower-case \"may\" is no month", code: dateQuote("said yesterday that it may sign"), errors: [{ messageId: "relativeOnly", data: { words: '"yesterday"' }, line: 39, column: 14 }] },
    {
      name: "two relative quotes: one finding, at the first, naming both words",
      code: dateQuote("announced an agreement yesterday") + anotherDateQuote("talks went on today"),
      errors: [{ messageId: "relativeOnly", data: { words: '"yesterday", "today"' }, message: 'The date quotes give the day only as "yesterday", "today", counted from a date the page does not give.', line: 39, column: 14 }],
    },
    {
      name: "the relative quote's source has no `published`, another source has",
      code: editEvent(
        "    language: en\n",
        '    language: en\n  - outlet: reuters\n    url: https://www.reuters.com/world/blinken-astana\n    published: "2023-02-28"\n    language: en\n',
        dateQuote("announced an agreement yesterday"),
      ),
      errors: [{ messageId: "relativeOnly", data: { words: '"yesterday"' }, line: 43, column: 14 }],
    },
  ],
});

test.run();
