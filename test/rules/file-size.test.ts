/** file-size: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { fileSize } from "../../scripts/rules/file/file-size.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(fileSize, {
  valid: [
    { name: "the example event", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a file over 1 MiB (the read stops past the limit)",
      code: "", read: { ok: false, problem: "too-large", detail: "more than 1 MiB" },
      errors: [
        { messageId: "tooLarge", data: {detail: "more than 1 MiB"}, message: "The file is too large to be a record (more than 1 MiB).", line: 1, column: 1 },
      ],
    },
  ],
});
