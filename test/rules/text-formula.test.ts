/** text-formula: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { textFormula } from "../../scripts/rules/text/text-formula.ts";
import { editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(textFormula, {
  valid: [
    { name: "a minus inside the text", code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: Blinken meets ministers - all five") },
  ],
  invalid: [
    {
      name: "a title a spreadsheet would run",
      code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: \"=HYPERLINK(\\\"http://x\\\")\""),
      errors: [
        { messageId: "formula", data: {path: "title",first: "="}, message: "`title` starts with `=`, which a spreadsheet would read as the start of a formula.", line: 4, column: 8 },
      ],
    },
    {
      name: "an alias starting with @",
      code: 'schema_version: "1.3.0"\nid: x\nname: X\nkind: person\naliases: ["@x"]\n', file: "data/actors/x.yaml",
      errors: [
        { messageId: "formula", data: {path: "aliases[0]",first: "@"}, line: 5, column: 11 },
      ],
    },
  ],
});
