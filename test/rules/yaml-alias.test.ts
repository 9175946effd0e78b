/** yaml-alias: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { yamlAlias } from "../../scripts/rules/parse/yaml-alias.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(yamlAlias, {
  valid: [
    { name: "no aliases", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "an alias bomb",
      code: 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      errors: [
        { messageId: "alias", data: {problem: "Excessive alias count indicates a resource exhaustion attack"}, message: "Alias problem: Excessive alias count indicates a resource exhaustion attack.", line: 1, column: 1 },
      ],
    },
  ],
});
