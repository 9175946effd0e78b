/** record-shape: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { recordShape } from "../../scripts/rules/parse/record-shape.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(recordShape, {
  valid: [
    { name: "a mapping", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "an empty file",
      code: "",
      errors: [
        { messageId: "notRecord", data: {what: "nothing (the file is empty)"}, message: "The file holds nothing (the file is empty), not a record.", line: 1, column: 1 },
      ],
    },
    {
      name: "a list",
      code: "- a\n- b\n",
      errors: [
        { messageId: "notRecord", data: {what: "a list"}, line: 1, column: 1 },
      ],
    },
  ],
});
