/** file-type: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { fileType } from "../../scripts/rules/file/file-type.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(fileType, {
  valid: [
    { name: "a regular file", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a FIFO",
      code: "", read: { ok: false, problem: "not-regular", detail: "a FIFO (named pipe)" },
      errors: [
        { messageId: "notRegular", data: {what: "a FIFO (named pipe)"}, message: "This is a FIFO (named pipe); it was not read.", line: 1, column: 1 },
      ],
    },
  ],
});
