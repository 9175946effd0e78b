/** published-shown: valid and invalid cases, one rule on a record in memory with kept texts (test/helpers/rule-tester.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { givesDate, ownDate, pageDates } from "../../scripts/rules/text/page-dates.ts";
import { publishedShown } from "../../scripts/rules/text/published-shown.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const URL = "https://p.dw.com/p/4O4UG";
const page = (top: string, url = URL) => ({ [url]: `${top}\nAntony Blinken met the five foreign ministers in Astana. (AFP, Reuters)\n` });
const NO_PUBLISHED = editEvent('    published: "2023-02-28"\n', "");

test("page dates: written out, in figures, in other languages, without the year", () => {
  const one = (text: string) => pageDates(text);
  assert.equal(one(" date 2023-02-28   1. Skip to content"), [{ year: 2023, month: 2, day: 28 }]);
  assert.equal(one("Published 28 February 2023"), [{ year: 2023, month: 2, day: 28 }]);
  assert.equal(one("February 28, 2023 / 8:51 AM"), [{ year: 2023, month: 2, day: 28 }]);
  assert.equal(one("Sept. 5, 2021"), [{ year: 2021, month: 9, day: 5 }]);
  assert.equal(one("28 de febrero de 2023"), [{ year: 2023, month: 2, day: 28 }]);
  assert.equal(one("the 28th of February 2023"), [{ year: 2023, month: 2, day: 28 }]);
  assert.equal(one("le 6 avril 2023"), [{ year: 2023, month: 4, day: 6 }]);
  assert.equal(one("6 апреля 2023"), [{ year: 2023, month: 4, day: 6 }]);
  assert.equal(one("TUNIS, April 6 (Reuters)"), [{ year: undefined, month: 4, day: 6 }]);
  assert.equal(one("28.02.2023"), [{ year: 2023, month: 2, day: 28 }], "day first; 2 as a day of month 28 is no date");
  assert.equal(one("03/04/2023"), [{ year: 2023, month: 4, day: 3 }, { year: 2023, month: 3, day: 4 }], "figures that read both ways");
  assert.equal(one("in 2023, 40 of 31 states; room 12 may 3"), [], "numbers that are no date");
  assert.equal(one("MUSCAT, May 13 (KUNA)"), [{ year: undefined, month: 5, day: 13 }], "May as a name, capitalised");
});

test("gives the date: a full date, or day and month with the year of the archive or the address", () => {
  assert.ok(givesDate("TUNIS, April 6 (Reuters)", "https://example.com/2023/04/a", "2023-04-06"));
  assert.ok(givesDate(" date 2023-04-07 TUNIS, April 6 (Reuters)", "https://example.com/a", "2023-04-06"), "the archive's year");
  assert.not.ok(givesDate("TUNIS, April 6 (Reuters)", "https://example.com/a", "2023-04-06"), "no year from the archive or the address");
  assert.not.ok(givesDate("TUNIS, April 6 (Reuters) ... in 2023", "https://example.com/a", "2023-04-06"), "a year in the text is not the dateline's");
  assert.not.ok(givesDate("6 April 2022", "https://example.com/a", "2023-04-06"), "another year");
  assert.ok(givesDate("anything", "https://example.com/a", "2023-04"), "not a day: not judged");
});

test("the page's own date: the archive's line first, else a dated wire dateline near the top", () => {
  assert.equal(ownDate(" date 2023-02-28 TUNIS, April 6 (Reuters)"), { kind: "archive", words: "2023-02-28" });
  assert.equal(ownDate("Headline\nWELLINGTON, July 27, 2023 (BSS/AFP) - text"), { kind: "dateline", words: "WELLINGTON, July 27" });
  assert.equal(ownDate("Headline\nPort Moresby, JAN 12 (AAP)"), { kind: "dateline", words: "Port Moresby, JAN 12" });
  assert.equal(ownDate("In a statement on Friday, April 6 the minister"), undefined, "a sentence is no dateline");
  assert.equal(ownDate("No date at all"), undefined);
});

test.run();

ruleTester(publishedShown, {
  valid: [
    { name: "no kept text: nothing to look in", code: EVENT_YAML },
    { name: "the archive's date line gives it", code: EVENT_YAML, texts: page(" date 2023-02-28   Top US diplomat visits Central Asia") },
    { name: "the page's date line gives it, written out", code: EVENT_YAML, texts: page("Top US diplomat visits Central Asia\n28 February 2023") },
    { name: "a wire dateline gives it, the year the archive's (whose own date differs)", code: EVENT_YAML, texts: page(" date 2023-03-01 ASTANA, Feb. 28 (Reuters) - the talks...") },
    { name: "no published, and the page gives no date of its own", code: NO_PUBLISHED, texts: page("Top US diplomat visits Central Asia") },
    { name: "a page whose text is not kept is not judged", code: EVENT_YAML, texts: page("No date", "https://example.com/other") },
    { name: "a published of another type (the schema's finding): passed over", failsSchema: true, code: editEvent('    published: "2023-02-28"', "    published: 42"), texts: page(" date 2023-02-27 x") },
  ],
  invalid: [
    {
      name: "a published date the kept page does not give",
      code: EVENT_YAML,
      texts: page(" date 2023-03-01   Top US diplomat visits Central Asia"),
      errors: [
        {
          messageId: "notShown",
          data: { index: 0, date: "2023-02-28" },
          message: "`sources[0].published` (2023-02-28) is not a date the kept text of that page gives.",
          help: "Give as `published` the date the page shows as its own (its date line, a wire dateline with its date, or the archive's date for the copy you read); leave it out only when the page gives none.",
          line: 25,
          column: 16,
        },
      ],
    },
    {
      name: "no published, though the copy opens with the archive's date",
      code: NO_PUBLISHED,
      texts: page(" date 2023-02-28   Top US diplomat visits Central Asia"),
      errors: [{ messageId: "notGiven", data: { index: 0, given: "the archive's date, 2023-02-28" }, message: "The kept text of `sources[0]`'s page gives its date (the archive's date, 2023-02-28), but `published` is left out.", line: 21, column: 5 }],
    },
    {
      name: "no published, though a wire dateline gives the date",
      code: NO_PUBLISHED,
      texts: page("Top US diplomat visits Central Asia\nASTANA, Feb 28 (Reuters) - Antony Blinken"),
      errors: [{ messageId: "notGiven", data: { index: 0, given: "the dateline “ASTANA, Feb 28”" }, line: 21, column: 5 }],
    },
  ],
});
