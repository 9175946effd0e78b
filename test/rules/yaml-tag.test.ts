/** yaml-tag: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { yamlTag } from "../../scripts/rules/parse/yaml-tag.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(yamlTag, {
  valid: [
    { name: "plain values", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a custom tag",
      code: editEvent("title: Blinken", "title: !js/function Blinken"),
      errors: [
        { messageId: "tag", data: {problem: "Unresolved tag: !js/function"}, message: "Tags are not allowed in records: Unresolved tag: !js/function.", line: 4, column: 8 },
      ],
    },
  ],
});
