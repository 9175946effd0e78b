/** file-unexpected: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { fileUnexpected } from "../../scripts/rules/file/file-unexpected.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(fileUnexpected, {
  valid: [
    { name: "a record in its folder", code: EVENT_YAML },
    { name: "a second coding in a coder's folder", code: EVENT_YAML, file: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml" },
  ],
  invalid: [
    {
      name: "a text file under data/",
      code: "x\n", file: "data/notes.txt",
      errors: [
        { messageId: "notRecord", message: "This file is not a record: only .yaml, .yml and .json files belong under data/.", line: 1, column: 1 },
      ],
    },
    {
      name: "a record right in data/codings/, in no coder's folder",
      code: EVENT_YAML, file: "data/codings/ev-p6w7bxbz.yaml",
      errors: [
        { messageId: "notInCoderFolder", message: "This file is not in a coder's folder: a second coding goes in data/codings/<coder>/YYYY/MM/.", line: 1, column: 1 },
      ],
    },
    {
      name: "a text file in a coder's folder",
      code: "x\n", file: "data/codings/coder-b/notes.txt",
      errors: [
        { messageId: "notRecord", message: "This file is not a record: only .yaml, .yml and .json files belong under data/.", line: 1, column: 1 },
      ],
    },
    {
      name: "a YAML file outside the record folders",
      code: "a: 1\n", file: "data/misc/x.yaml",
      errors: [
        { messageId: "notInFolder", message: "This file is not in a record folder.", line: 1, column: 1 },
      ],
    },
  ],
});
