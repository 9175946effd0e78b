/** date-weekday: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { dateWeekday } from "../../scripts/rules/evidence/date-weekday.ts";
import { addressDate, hasAnchor, namesDate, weekdayWords } from "../../scripts/rules/evidence/date-words.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

/** The sample event with no `published` date on its source: its date quote, "on Tuesday", moves up a line (line 39). */
const UNDATED = editEvent('    published: "2023-02-28"\n', "");
/** The sample event (undated by default) with its date quote replaced. */
const dateQuote = (exact: string, base = UNDATED) => editEvent("exact: Antony Blinken on Tuesday was visiting Kazakhstan", `exact: ${exact}`, base);
/** Another date quote, after the sample's. */
const anotherDateQuote = (exact: string) => `  - source: 0\n    claim: date\n    quote:\n      exact: ${exact}\n`;
/** The sample event (undated) citing another address. */
const cited = (url: string, base = UNDATED) => editEvent("    url: https://p.dw.com/p/4O4UG\n", `    url: ${url}\n`, base);
/** A second source, with or without `published`. */
const secondSource = (published?: string) =>
  editEvent("    language: en\n", `    language: en\n  - outlet: reuters\n    url: https://www.reuters.com/world/blinken-astana\n${published ? `    published: "${published}"\n` : ""}    language: en\n`, UNDATED);

const HELP =
  'Give `published` where a cited page or the archive you read it from shows a date, quote words that name the date ("on 13 September"), or code `week` or `month` precision (CONTRIBUTING, Hard cases: "A weekday counts from the page\'s own date").';

test("words: weekdays whole and as written; a date is a digit or a month name; a date in an address", () => {
  assert.equal(weekdayWords("met on Wednesday evening, then Sat, and am Dienstagabend"), ["Wednesday", "Sat", "Dienstagabend"]);
  assert.equal(weekdayWords("the sun rose; they sat down; a Tuesdayish mood"), [], "lower-case common words, and letters around, are no weekday");
  assert.equal(weekdayWords("в среду и в пятницу"), ["среду", "пятницу"]);
  assert.ok(hasAnchor("late on Tue") && !namesDate("late on Tue"), "a weekday anchors the day but names no date");
  assert.ok(namesDate("on 16/9") && namesDate("in May") && namesDate("le 3 mars"));
  assert.ok(!namesDate("it may sign the deal on Monday"), "a lower-case modal is no month");
  assert.ok(addressDate("https://gazeta.uz/ru/2023/03/02/blinken/"));
  assert.ok(addressDate("https://www.middleeastmonitor.com/20230831-qatar-announces-fuel/"));
  assert.ok(addressDate("https://www.newindianexpress.com/nation/2024/Dec/23/india-declines"));
  assert.ok(addressDate("https://nation.com.pk/12-Jan-2024/papua-new-guinea-pm"));
  assert.ok(!addressDate("https://tribune.com.pk/story/2541974/nsc-meets"), "an id is no date");
  assert.ok(!addressDate("https://x.example/a/120230831999"), "digits inside a longer number are no date");
  assert.ok(!addressDate("https://x.example/2023/13/02/"), "no 13th month");
});

test.run();

ruleTester(dateWeekday, {
  valid: [
    { name: "the weekday's source has `published`", code: EVENT_YAML },
    { name: "another cited source has `published` (it reports the event as done)", code: secondSource("2023-02-28") },
    { name: "the weekday's address carries a date that fixes the week", code: cited("https://gazeta.uz/ru/2023/02/28/blinken/") },
    { name: "a date quote names the date beside the weekday", code: UNDATED + anotherDateQuote("Blinken arrived in Astana on 28 February") },
    { name: "a digit in the weekday quote", code: dateQuote("on Tuesday (28/2) Blinken was visiting") },
    { name: "`week` precision: not coded to the day", code: editEvent("  precision: day\n", "  precision: week\n", UNDATED) },
    { name: "a tombstone: kept for its id, not a claim to support", failsSchema: true, code: editEvent("status: active", "status: retracted", UNDATED) },
    {
      name: "a second coding (data/codings/<coder>/)",
      file: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml",
      code: editEvent("coded_by: [eventwire]", "coded_by: [coder-b]", UNDATED),
    },
    { name: "no weekday and no date: \"yesterday\" is date-relative's", code: dateQuote("announced an agreement yesterday") },
    { name: "a weekday in a quote for another claim", code: editEvent("exact: Antony Blinken met with", "exact: On Tuesday Antony Blinken met with", dateQuote("Blinken was visiting Kazakhstan")) },
  ],
  invalid: [
    {
      name: "en: \"on Tuesday\" and no date anywhere",
      code: UNDATED,
      errors: [
        {
          messageId: "weekdayOnly",
          data: { words: '"Tuesday"' },
          message: 'The date quotes give the day only as "Tuesday", and no cited page gives a date to count it from.',
          help: HELP,
          pointer: "/evidence/1/quote/exact",
          line: 39,
          column: 14,
        },
      ],
    },
    { name: "fr: \"mercredi soir\"", code: dateQuote("a annoncé, mercredi soir"), errors: [{ messageId: "weekdayOnly", data: { words: '"mercredi"' }, line: 39, column: 14 }] },
    { name: "de: a compound, \"Dienstagabend\"", code: dateQuote("teilte am Dienstagabend mit"), errors: [{ messageId: "weekdayOnly", data: { words: '"Dienstagabend"' }, line: 39, column: 14 }] },
    { name: "an address with an id, no date", code: cited("https://tribune.com.pk/story/2541974/nsc-meets"), errors: [{ messageId: "weekdayOnly", data: { words: '"Tuesday"' }, line: 39, column: 14 }] },
    { name: "a second source without `published` either", code: secondSource(), errors: [{ messageId: "weekdayOnly", data: { words: '"Tuesday"' }, line: 42, column: 14 }] },
    {
      name: "two weekday quotes: one finding, at the first, naming both",
      code: UNDATED + anotherDateQuote("talks went on into Wednesday"),
      errors: [{ messageId: "weekdayOnly", data: { words: '"Tuesday", "Wednesday"' }, line: 39, column: 14 }],
    },
    { name: "a lower-case \"may\" is no month", code: dateQuote("said on Tuesday that it may sign"), errors: [{ messageId: "weekdayOnly", data: { words: '"Tuesday"' }, line: 39, column: 14 }] },
  ],
});

test.run();
