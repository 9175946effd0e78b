/** file-symlink: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { fileSymlink } from "../../scripts/rules/file/file-symlink.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(fileSymlink, {
  valid: [
    { name: "a regular file", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a link out of the repository",
      code: "", entry: { symlink: { target: "/etc/passwd", insideRoot: false } }, read: { ok: false, problem: "symlink", detail: "/etc/passwd" },
      errors: [
        { messageId: "symlinkOutside", data: {target: "/etc/passwd"}, message: "This is a symbolic link that leaves the repository (to `/etc/passwd`); it was not read.", line: 1, column: 1 },
      ],
    },
    {
      name: "a link inside it",
      code: "", entry: { symlink: { target: "ev-p6w7bxbz.yaml", insideRoot: true } }, read: { ok: false, problem: "symlink", detail: "ev-p6w7bxbz.yaml" },
      errors: [
        { messageId: "symlinkTo", data: {target: "ev-p6w7bxbz.yaml"}, message: "This is a symbolic link (to `ev-p6w7bxbz.yaml`), not a file; it was not read.", line: 1, column: 1 },
      ],
    },
    {
      name: "a file that became a link after the listing (refused when opened)",
      code: "", read: { ok: false, problem: "symlink", detail: "x" },
      errors: [
        { messageId: "symlink", message: "This is a symbolic link, not a file; it was not read.", line: 1, column: 1 },
      ],
    },
  ],
});
