/** summary-copy names the source whose headline is repeated, whatever sources without a title come before it. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { normalize, sharedRun, summaryCopy } from "../../scripts/rules/text/summary-copy.ts";
import type { RecordContext } from "../../scripts/rules/types.ts";
import { messageOf } from "../../scripts/check/file.ts";
import { editEvent, EVENT_YAML, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const HEADLINE = "Top US diplomat visits Central Asia with eye on Russia";

function messages(yaml: string): string[] {
  const record = parse(yaml) as Record<string, unknown>;
  return summaryCopy.check({ record, texts: new Map() } as unknown as RecordContext).map((i) => `${i.pointer} ${messageOf(summaryCopy, i)}`);
}

test("a headline repeated as the summary", () => {
  assert.equal(messages(editEvent("summary: Antony Blinken met the foreign ministers of the five Central Asian states.", `summary: ${HEADLINE}.`)), [
    "/summary `summary` repeats the headline of `sources[0]`.",
  ]);
});

test("the index counts a source without a title", () => {
  const twoSources = editEvent("sources:\n", "sources:\n  - outlet: afp\n    url: https://www.afp.com/x\n    language: en\n");
  assert.equal(messages(editEvent("title: Blinken meets the five Central Asian foreign ministers", `title: ${HEADLINE}`, twoSources)), [
    "/title `title` repeats the headline of `sources[1]`.",
  ]);
});

test("own words, and a headline whose first word is nowhere in them", () => {
  assert.equal(messages(EVENT_YAML), []);
  assert.equal(messages(editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: Diplomat visits Central Asia with eye on Russia")), []);
});

const words = (s: string) => normalize(s).split(" ").filter(Boolean);

test("sharedRun: the longest run of 8 words or more, case and punctuation aside; 7 is not one", () => {
  const page = words("On Tuesday, Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia in Astana.");
  assert.equal(sharedRun(words("Blinken met with foreign ministers from the five former Soviet states."), page), words("blinken met with foreign ministers from the five former soviet"));
  assert.is(sharedRun(words("He met with foreign ministers from the five capitals."), page), undefined);
  assert.equal(sharedRun(words("x MET with foreign ministers, from the five former y"), page)?.length, 8);
  // A word repeated in the own text: every window is tried, the longest run kept.
  assert.equal(sharedRun(words("the the five former Soviet republics of Central Asia in x"), page)?.join(" "), "the five former soviet republics of central asia in");
  assert.is(sharedRun([], page), undefined);
  // A possessive is one word, as a reader counts it: 7 words with "Jordan's" are not a run of 8.
  const jordan = words("Jordan's former crown prince Hamzah bin Hussein said on Saturday");
  assert.is(sharedRun(words("The army said Jordan's former crown prince Hamzah bin Hussein was"), jordan), undefined);
  assert.equal(sharedRun(words("As Jordan's former crown prince Hamzah bin Hussein said, x"), jordan)?.length, 8);
});

test.run();

// The rule's valid and invalid cases (test/helpers/rule-tester.ts).
const PAGE = "Top US diplomat visits Central Asia\n\nOn Tuesday, Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia in Astana.\n";

ruleTester(summaryCopy, {
  valid: [
    { name: "own words beside a kept text (7 words in a row at most)", code: editEvent("summary: Antony Blinken met the foreign ministers of the five Central Asian states.", "summary: Blinken met ministers of the five former Soviet republics in the region."), texts: { "https://p.dw.com/p/4O4UG": PAGE } },
    { name: "a copied sentence from a page that is not kept: nothing to compare", code: editEvent("summary: Antony Blinken met the foreign ministers of the five Central Asian states.", "summary: Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia.") },
    { name: "a title that is no string (the schema's finding), headlines that are none", failsSchema: true, code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: 5", editEvent("sources:\n", "sources:\n  - null\n  - title: 7\n")) },
    { name: "own words", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a summary sharing 11 words in a row with the kept text of the source it cites",
      code: editEvent(
        "summary: Antony Blinken met the foreign ministers of the five Central Asian states.",
        "summary: Blinken met with foreign ministers from the five former Soviet republics, DW reported.",
      ),
      texts: { "https://p.dw.com/p/4O4UG": PAGE },
      errors: [
        {
          messageId: "sharedRun",
          data: { field: "summary", index: 0, count: 11, run: "blinken met with foreign ministers from the five former soviet republics" },
          message: '`summary` shares 11 words in a row with the kept text of `sources[0]`: "blinken met with foreign ministers from the five former soviet republics".',
          line: 5,
          column: 10,
        },
      ],
    },
    {
      name: "the headline as title in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: Top US diplomat visits Central Asia with eye on Russia")),
      errors: [{ messageId: "headline", data: { field: "title", index: 0 }, line: 4, column: 8 }],
    },
    {
      name: "the headline as title",
      code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: Top US diplomat visits Central Asia with eye on Russia"),
      errors: [
        { messageId: "headline", data: {field: "title",index: 0}, message: "`title` repeats the headline of `sources[0]`.", line: 4, column: 8 },
      ],
    },
  ],
});
