/** file-bom: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { fileBom } from "../../scripts/rules/file/file-bom.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(fileBom, {
  valid: [
    { name: "no BOM", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a UTF-8 BOM",
      code: "\ufeff" + EVENT_YAML,
      errors: [
        { messageId: "bom", message: "The file starts with a UTF-8 byte order mark (BOM).", line: 1, column: 1 },
      ],
    },
  ],
});
