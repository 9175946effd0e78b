/** duplicate-key: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { duplicateKey } from "../../scripts/rules/parse/duplicate-key.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(duplicateKey, {
  valid: [
    { name: "distinct keys", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a repeated YAML key",
      code: editEvent("status: active\n", "status: active\nstatus: retracted\n"),
      errors: [
        { messageId: "duplicateKey", data: {key: "status"}, message: "`status` appears twice in the same object.", line: 4, column: 1 },
      ],
    },
    {
      name: "a repeated JSON key",
      code: '{"id": "x",\n "id": "y"}\n', file: "data/outlets/x.json",
      errors: [
        { messageId: "duplicateKey", data: {key: "id"}, line: 2, column: 2 },
      ],
    },
    {
      name: "two empty keys (no key text to name)",
      code: 'schema_version: "1.3.0"\nid: x\n: first\n: second\n', file: "data/outlets/x.yaml",
      errors: [
        { messageId: "duplicate", message: "This key appears twice in the same object.", line: 4, column: 1 },
      ],
    },
  ],
});
