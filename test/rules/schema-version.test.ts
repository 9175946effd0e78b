/** schema-version: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { schemaVersion } from "../../scripts/rules/schema/schema-version.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(schemaVersion, {
  valid: [
    { name: "a known version", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "an unknown version",
      code: editEvent("schema_version: \"1.3.0\"", "schema_version: \"9.9.9\""),
      errors: [
        { messageId: "unknown", data: {given: "9.9.9",known: "1.0.0, 1.1.0, 1.2.0, 1.3.0",latest: "1.3.0"}, message: "`schema_version` is `9.9.9`, which is not a known schema version (known: 1.0.0, 1.1.0, 1.2.0, 1.3.0).", line: 1, column: 17 },
      ],
    },
    {
      name: "no version",
      code: editEvent("schema_version: \"1.3.0\"\n", ""),
      errors: [
        { messageId: "missing", message: "The record does not say which schema version it follows (`schema_version`).", line: 1, column: 1 },
      ],
    },
    {
      name: "a version YAML read as a number: the version it stands for is the fix",
      code: editEvent("schema_version: \"1.3.0\"", "schema_version: 1.3"),
      errors: [
        { messageId: "unknown", data: {given: "1.3",known: "1.0.0, 1.1.0, 1.2.0, 1.3.0",latest: "1.3.0"}, helpId: "quote", help: "Write it as a quoted string: schema_version: \"1.3.0\".", line: 1, column: 17 },
      ],
      output: EVENT_YAML,
    },
    {
      name: "a number no version stands for: no fix",
      code: editEvent("schema_version: \"1.3.0\"", "schema_version: 7"),
      errors: [
        { messageId: "unknown", data: {given: "7",known: "1.0.0, 1.1.0, 1.2.0, 1.3.0",latest: "1.3.0"}, helpId: "quote", line: 1, column: 17 },
      ],
    },
  ],
});
