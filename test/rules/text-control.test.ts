/** text-control: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { textControl } from "../../scripts/rules/text/text-control.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(textControl, {
  valid: [
    { name: "plain text", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a tab inside a value",
      code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: \"Blinken\\tmeets the five Central Asian foreign ministers\""),
      errors: [
        { messageId: "control", data: {path: "title",code: "0009",at: 8}, message: "`title` holds the control character U+0009 at character 8.", line: 4, column: 8 },
      ],
    },
  ],
});
