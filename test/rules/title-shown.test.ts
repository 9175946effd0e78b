/** title-shown: valid and invalid cases, one rule on a record in memory with kept texts (test/helpers/rule-tester.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { shows, spelledByAddress, titleShown, wordsOf } from "../../scripts/rules/text/title-shown.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const URL = "https://p.dw.com/p/4O4UG";
const page = (headline: string, url = URL) => ({ [url]: `${headline}\nAntony Blinken met the five foreign ministers in Astana. (AFP, Reuters)\n` });
const SLUG_URL = "https://www.dw.com/en/top-us-diplomat-visits-central-asia/a-64846000";

test("words: letters, marks and digits in lower case, NFKC, U.S. as us; a title shows when its words run on in the text", () => {
  assert.equal(wordsOf("U.S. envoy’s “visit” – Day 2. Then"), ["us", "envoy", "s", "visit", "day", "2", "then"]);
  assert.equal(wordsOf("Ｔｏｋｙｏ café"), ["tokyo", "café"]);
  assert.ok(shows("TOP US DIPLOMAT VISITS CENTRAL ASIA — with an eye on Russia", "Top US diplomat visits Central Asia"), "case and punctuation aside");
  assert.ok(!shows("Top US diplomats visit Central Asia", "Top US diplomat visits Central Asia"), "other words");
  assert.ok(!shows("Top US diplomat, who visits Central Asia", "Top US diplomat visits Central Asia"), "words between");
  assert.ok(!shows("Stop US diplomat visits", "top US diplomat visits"), "whole words only");
  assert.ok(shows("anything", "— !"), "a title of no words is not judged");
  assert.ok(spelledByAddress(SLUG_URL, "Top US diplomat visits Central Asia"));
  assert.ok(!spelledByAddress(URL, "Top US diplomat visits Central Asia"));
  assert.ok(!spelledByAddress(SLUG_URL, "Top US"), "two words say nothing of where a title came from");
  assert.ok(!spelledByAddress("not a url", "Top US diplomat visits"));
});

test.run();

ruleTester(titleShown, {
  valid: [
    { name: "no kept text: nothing to look in", code: EVENT_YAML },
    { name: "the headline as the page shows it", code: EVENT_YAML, texts: page("Top US diplomat visits Central Asia with eye on Russia") },
    { name: "in other case and punctuation", code: EVENT_YAML, texts: page("TOP U.S. DIPLOMAT VISITS CENTRAL ASIA — WITH EYE ON RUSSIA") },
    { name: "no title: nothing to judge", code: editEvent("    title: Top US diplomat visits Central Asia with eye on Russia\n", ""), texts: page("A page with no headline") },
    { name: "a page whose text is not kept is not judged", code: EVENT_YAML, texts: page("Another page", "https://example.com/other") },
    { name: "a title of another type (the schema's finding): passed over", failsSchema: true, code: editEvent("    title: Top US diplomat visits Central Asia with eye on Russia", "    title: 42"), texts: page("No headline") },
  ],
  invalid: [
    {
      name: "a title the kept page does not show",
      code: EVENT_YAML,
      texts: page("Blinken in Astana"),
      errors: [
        {
          messageId: "notShown",
          data: { index: 0 },
          message: "`sources[0].title` does not occur in the kept text of that page.",
          help: "Copy the headline as the page shows it; if the page shows none, leave `title` out (a headline the address spells out is not one the page shows).",
          line: 23,
          column: 12,
        },
      ],
    },
    {
      name: "a title only the address spells out",
      code: editEvent("    title: Top US diplomat visits Central Asia with eye on Russia\n    url: https://p.dw.com/p/4O4UG", `    title: Top US diplomat visits Central Asia\n    url: ${SLUG_URL}`),
      texts: page("DW, 28 February 2023", SLUG_URL),
      errors: [{ messageId: "fromAddress", data: { index: 0 }, message: "`sources[0].title` does not occur in the kept text of that page; its words are the page's address's.", line: 23, column: 12 }],
    },
  ],
});
