/** file-unexpected: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { fileUnexpected } from "../../scripts/rules/file/file-unexpected.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(fileUnexpected, {
  valid: [
    { name: "a record in its folder", code: EVENT_YAML },
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
      name: "a YAML file outside the record folders",
      code: "a: 1\n", file: "data/misc/x.yaml",
      errors: [
        { messageId: "notInFolder", message: "This file is not in a record folder.", line: 1, column: 1 },
      ],
    },
  ],
});
