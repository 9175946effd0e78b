/** config-rule: a rule id in the configuration that is no rule, with a did-you-mean (test/helpers/rule-tester.ts). */
import { configRule } from "../../scripts/rules/config/config-rule.ts";
import "../../scripts/rules/index.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const file = "eventwire.config.yaml";

ruleTester(configRule, {
  valid: [
    { name: "rules that exist", file, code: "rules:\n  file-bom: off\n  evidence-event-type: warn\noverrides:\n  - files: [data/events/2021/**]\n    rules:\n      date-future: info\n" },
    { name: "a bad severity is config-schema's", file, code: "rules:\n  file-bom: loud\n" },
  ],
  invalid: [
    {
      name: "a typo, with the rule meant",
      file,
      code: "rules:\n  evidence-event-typ: off\n",
      errors: [
        {
          messageId: "unknownSuggest",
          data: { id: "evidence-event-typ", suggestion: "evidence-event-type" },
          message: "There is no rule `evidence-event-typ`; did you mean `evidence-event-type`? Its setting is not applied.",
          line: 2,
          column: 3,
        },
      ],
    },
    {
      name: "an id like no rule, in an override",
      file,
      code: "overrides:\n  - files: [data/events/**]\n    rules:\n      spelling: warn\n",
      errors: [{ messageId: "unknown", message: "There is no rule `spelling`; its setting is not applied.", line: 4, column: 7 }],
    },
    {
      name: "the configuration's own rule",
      file,
      code: "rules:\n  file-bom: off\n  config-rule: off\n",
      errors: [
        {
          messageId: "ownRule",
          message: "`config-rule` judges the configuration itself, which cannot set its severity (a configuration cannot silence what is wrong with it); use --rule.",
          line: 3,
          column: 3,
        },
      ],
    },
  ],
});
