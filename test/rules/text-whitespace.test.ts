/** text-whitespace: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { textWhitespace } from "../../scripts/rules/text/text-whitespace.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(textWhitespace, {
  valid: [
    { name: "clean text", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a trailing space in a quoted value",
      code: editEvent("name: Kazakhstan", "name: \"Kazakhstan \""),
      errors: [
        { messageId: "ends", data: {path: "locations[0].name"}, message: "`locations[0].name` starts or ends with whitespace.", line: 17, column: 11 },
      ],
    },
    {
      name: "double spaces",
      code: editEvent("title: Blinken meets", "title: Blinken  meets"),
      errors: [
        { messageId: "spaces", data: {path: "title"}, message: "`title` holds two or more spaces in a row.", line: 4, column: 8 },
      ],
    },
  ],
});
