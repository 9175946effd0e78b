/** config-syntax: the configuration is not well-formed YAML (test/helpers/rule-tester.ts). */
import { configSyntax } from "../../scripts/rules/config/config-syntax.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const file = "eventwire.config.yaml";

ruleTester(configSyntax, {
  valid: [
    { name: "well-formed", file, code: "rules:\n  file-bom: off\nignores:\n  - data/drafts/**\n" },
    { name: "comments only", file, code: "# nothing set yet\n" },
  ],
  invalid: [
    {
      name: "an unclosed flow list",
      file,
      code: "ignores: [data/drafts/**\nrules:\n  file-bom: off\n",
      errors: [
        {
          messageId: "syntax",
          message: "The configuration is not well-formed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; none of its settings apply.",
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "a key twice",
      file,
      code: "rules:\n  file-bom: off\nrules:\n  file-size: warn\n",
      errors: [{ messageId: "duplicateKey", message: "`rules` appears twice in the same mapping; none of the configuration's settings apply.", line: 3, column: 1 }],
    },
  ],
});
