/** config-glob: a glob of the configuration that cannot be one (test/helpers/rule-tester.ts). */
import { configGlob } from "../../scripts/rules/config/config-glob.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const file = "eventwire.config.yaml";

ruleTester(configGlob, {
  valid: [
    { name: "globs from the root", file, code: "ignores:\n  - data/drafts/**\n  - ./data/events/{2021,2022}/*.yaml\n  - data/texts/\noverrides:\n  - files: ['data/events/2023/**']\n" },
  ],
  invalid: [
    {
      name: "an empty glob",
      file,
      code: "ignores:\n  - data/drafts/**\n  - ''\n",
      errors: [{ messageId: "empty", message: "An empty glob matches no file; it is not applied.", line: 3, column: 5 }],
    },
    {
      name: "an absolute path",
      file,
      code: "overrides:\n  - files: [/home/me/data/events/**]\n",
      errors: [
        {
          messageId: "absolute",
          message: "`/home/me/data/events/**` is an absolute path; globs are read from the dataset's root (data/events/**). It is not applied.",
          line: 2,
          column: 13,
        },
      ],
    },
    {
      name: "a glob out of the root",
      file,
      code: "ignores:\n  - data/../../secrets/*\n",
      errors: [{ messageId: "outside", message: "`data/../../secrets/*` goes up out of the dataset's root (`..`), where no checked file is; it is not applied.", line: 2, column: 5 }],
    },
    {
      name: "braces that make too many paths",
      file,
      code: "ignores:\n  - data/events/{1..5000}/**\n",
      errors: [
        {
          messageId: "unreadable",
          message: "`data/events/{1..5000}/**` cannot be read as a glob: its braces expand to more than 1000 paths. It is not applied.",
          line: 2,
          column: 5,
        },
      ],
    },
  ],
});
