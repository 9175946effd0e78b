/** summary-copy names the source whose headline is repeated, whatever sources without a title come before it. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { summaryCopy } from "../../scripts/rules/text/summary-copy.ts";
import type { RecordContext } from "../../scripts/rules/types.ts";
import { messageOf } from "../../scripts/check/file.ts";
import { editEvent, EVENT_YAML, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const HEADLINE = "Top US diplomat visits Central Asia with eye on Russia";

function messages(yaml: string): string[] {
  const record = parse(yaml) as Record<string, unknown>;
  return summaryCopy.check({ record } as unknown as RecordContext).map((i) => `${i.pointer} ${messageOf(summaryCopy, i)}`);
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

test.run();

// The rule's valid and invalid cases (test/helpers/rule-tester.ts).
ruleTester(summaryCopy, {
  valid: [
    { name: "a title that is no string (the schema's finding), headlines that are none", failsSchema: true, code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: 5", editEvent("sources:\n", "sources:\n  - null\n  - title: 7\n")) },
    { name: "own words", code: EVENT_YAML },
  ],
  invalid: [
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
