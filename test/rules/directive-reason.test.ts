/** directive-reason: an inline directive says why its finding is accepted. */
import "../../scripts/rules/index.ts";
import { directiveReason } from "../../scripts/rules/directive/directive-reason.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const JSON_PATH = "data/events/2023/02/ev-p6w7bxbz.json";

ruleTester(directiveReason, {
  valid: [
    { name: "no directive", code: EVENT_YAML },
    { name: "a next-line directive with a reason", code: EVENT_YAML.replace("mode: multilateral\n", "# eventwire-disable-next-line schema -- the DW page says so\nmode: multilateral\n") },
    { name: "a file-level directive with a reason", code: "# eventwire-disable url-domain -- the outlet moved its pages\n" + EVENT_YAML },
    { name: "a `# eventwire-disable` line inside a block scalar is text, not a comment", code: EVENT_YAML.replace("summary: Antony Blinken met the foreign ministers of the five Central Asian states.\n", "summary: |\n  # eventwire-disable schema\n  Antony Blinken met the foreign ministers.\n") },
    { name: "a JSON record has no comments: its text is never read for directives", file: JSON_PATH, code: '{"title": "# eventwire-disable schema"}\n' },
  ],
  invalid: [
    {
      name: "a next-line directive without a reason",
      code: EVENT_YAML.replace("mode: multilateral\n", "  # eventwire-disable-next-line schema\nmode: multilateral\n"),
      errors: [
        { messageId: "missing", data: { directive: "eventwire-disable-next-line" }, message: "This `eventwire-disable-next-line` gives no reason after ` -- `.", line: 10, column: 3, endColumn: 39 },
      ],
    },
    {
      name: "a file-level directive with an empty reason",
      code: "# eventwire-disable schema --\n" + EVENT_YAML,
      errors: [{ messageId: "missing", data: { directive: "eventwire-disable" }, line: 1, column: 1 }],
    },
  ],
});
