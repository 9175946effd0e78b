/** directive-unknown-rule: a directive names rules that exist, and is a directive. */
import "../../scripts/rules/index.ts";
import { directiveUnknownRule } from "../../scripts/rules/directive/directive-unknown-rule.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const before = (line: string) => EVENT_YAML.replace("mode: multilateral\n", `${line}\nmode: multilateral\n`);

ruleTester(directiveUnknownRule, {
  valid: [
    { name: "no directive", code: EVENT_YAML },
    { name: "two known rules", code: before("# eventwire-disable-next-line schema, url-domain -- accepted") },
    { name: "a comment that mentions a directive in passing", code: before("# see eventwire-disable-next-line in README") },
    { name: "a comment after a value is no directive (a directive is a comment line of its own)", code: "id: ev-p6w7bxbz # eventwire-disable-line schema -- x\n" },
  ],
  invalid: [
    {
      name: "a misspelt rule id, with the rule it was meant to be",
      code: before("# eventwire-disable-next-line schema, url-domian -- accepted"),
      errors: [
        {
          messageId: "unknownDidYouMean",
          data: { id: "url-domian", suggestion: "url-domain" },
          message: "`url-domian` is no rule of eventwire. Did you mean `url-domain`?",
          line: 10,
          column: 39,
          endColumn: 49,
        },
      ],
    },
    {
      name: "an id close to no rule",
      code: "# eventwire-disable everything -- legacy\n" + EVENT_YAML,
      errors: [{ messageId: "unknown", data: { id: "everything" }, message: "`everything` is no rule of eventwire: this directive disables nothing of it.", line: 1, column: 21 }],
    },
    {
      name: "a directive that names no rule",
      code: before("# eventwire-disable-next-line -- whatever it is"),
      errors: [{ messageId: "none", data: { directive: "eventwire-disable-next-line" }, message: "This `eventwire-disable-next-line` names no rule: list the rule ids it disables, separated by commas.", line: 10, column: 1 }],
    },
    {
      name: "a directive rule named in a directive",
      code: before("# eventwire-disable-next-line directive-unused -- noisy"),
      errors: [{ messageId: "directiveRule", data: { id: "directive-unused" }, message: "`directive-unused` cannot be disabled by a directive: turn it off with `--rule directive-unused=off`.", line: 10, column: 31 }],
    },
    {
      name: "a word that is no directive (ESLint's disable-line has no counterpart here)",
      code: "id: ev-p6w7bxbz\n  # eventwire-disable-line schema -- x\n",
      errors: [
        { messageId: "word", data: { word: "eventwire-disable-line", suggestion: "eventwire-disable-next-line" }, message: "`eventwire-disable-line` is no directive. Did you mean `eventwire-disable-next-line`?", line: 2, column: 3 },
      ],
    },
    {
      name: "a word that is no directive, closest to the file-level one",
      code: "# eventwire-disabled schema -- x\n" + EVENT_YAML,
      errors: [{ messageId: "word", data: { word: "eventwire-disabled", suggestion: "eventwire-disable" }, line: 1, column: 1 }],
    },
  ],
});
