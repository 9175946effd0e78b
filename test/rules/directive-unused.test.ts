/** directive-unused: a directive suppresses a finding of each rule it names (given the file's findings, as the check stage does). */
import "../../scripts/rules/index.ts";
import { directiveUnused } from "../../scripts/rules/directive/directive-unused.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const before = (line: string) => EVENT_YAML.replace("mode: multilateral\n", `${line}\nmode: multilateral\n`);
const NEXT = before("# eventwire-disable-next-line schema, url-domain -- accepted");

ruleTester(directiveUnused, {
  valid: [
    { name: "no directive", code: EVENT_YAML, findings: [] },
    { name: "each rule named found something on the next line", code: NEXT, findings: [{ rule: "schema", line: 11 }, { rule: "url-domain", line: 11 }] },
    { name: "a file-level directive used by a finding anywhere", code: "# a comment first\n\n# eventwire-disable schema -- legacy\n" + EVENT_YAML, findings: [{ rule: "schema", line: 40 }] },
    { name: "while files are checked (no findings yet), only misplacement is judged", code: NEXT },
    { name: "an unknown id is directive-unknown-rule's", code: before("# eventwire-disable-next-line nonsense -- x"), findings: [] },
  ],
  invalid: [
    {
      name: "a rule with no finding on the next line (one found two lines down)",
      code: NEXT,
      findings: [{ rule: "schema", line: 11 }, { rule: "url-domain", line: 12 }],
      errors: [
        {
          messageId: "unused",
          data: { rule: "url-domain", line: 11 },
          message: "No `url-domain` finding on line 11: this directive suppresses nothing of it.",
          line: 10,
          column: 39,
          endColumn: 49,
        },
      ],
    },
    {
      name: "a file-level directive whose rule found nothing",
      code: "# eventwire-disable schema -- legacy\n" + EVENT_YAML,
      findings: [{ rule: "url-domain", line: 5 }],
      errors: [{ messageId: "unusedFile", data: { rule: "schema" }, message: "No `schema` finding in this file: this directive suppresses nothing of it.", line: 1, column: 21 }],
    },
    {
      name: "a file-level directive after the first content",
      code: "id: ev-p6w7bxbz\n# eventwire-disable schema -- legacy\n",
      errors: [
        {
          messageId: "misplaced",
          message: "A file-level `eventwire-disable` counts only among the first comment lines, before any content: this one suppresses nothing.",
          line: 2,
          column: 1,
        },
      ],
    },
  ],
});
