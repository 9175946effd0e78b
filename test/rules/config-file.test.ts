/** config-file: the configuration cannot be read (test/helpers/rule-tester.ts; the end-to-end runs are in test/commands/config.test.ts). */
import { configFile } from "../../scripts/rules/config/config-file.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const file = "eventwire.config.yaml";

ruleTester(configFile, {
  valid: [
    { name: "a configuration that reads", file, code: "rules:\n  file-bom: off\n" },
    { name: "an empty configuration", file, code: "" },
  ],
  invalid: [
    {
      name: "a symbolic link (never followed)",
      file,
      code: "",
      read: { ok: false, problem: "symlink", detail: "a symbolic link, not followed" },
      errors: [{ messageId: "unreadable", message: "The configuration cannot be read (a symbolic link, not followed); none of its settings apply.", line: 1, column: 1 }],
    },
    {
      name: "a FIFO (never opened)",
      file,
      code: "",
      read: { ok: false, problem: "not-regular", detail: "a FIFO (named pipe), not a regular file" },
      errors: [{ messageId: "unreadable", data: { detail: "a FIFO (named pipe), not a regular file" }, line: 1, column: 1 }],
    },
  ],
});
