/** file-unreadable: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { fileUnreadable } from "../../scripts/rules/file/file-unreadable.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(fileUnreadable, {
  valid: [
    { name: "a readable file", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a file that cannot be read",
      code: "", read: { ok: false, problem: "unreadable", detail: "permission denied" },
      errors: [
        { messageId: "file", data: {detail: "permission denied"}, message: "The file cannot be read (permission denied); it was not checked.", line: 1, column: 1 },
      ],
    },
    {
      name: "a folder that could not be listed",
      code: "", file: "data/events/2023", read: { ok: false, problem: "unreadable", detail: "the folder cannot be listed (permission denied)" },
      errors: [
        { messageId: "folder", data: {detail: "the folder cannot be listed (permission denied)"}, message: "This folder was not checked: the folder cannot be listed (permission denied); what it holds is unknown.", line: 1, column: 1 },
      ],
    },
  ],
});
