/** schema-outdated: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { schemaOutdated } from "../../scripts/rules/schema/schema-outdated.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(schemaOutdated, {
  valid: [
    { name: "a record on the latest version", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a record on 1.0.0",
      code: editEvent("schema_version: \"1.3.0\"", "schema_version: \"1.0.0\""),
      errors: [
        { messageId: "outdated", data: {version: "1.0.0",latest: "1.3.0"}, message: "This record is written against schema 1.0.0; the latest is 1.3.0. It is still checked against 1.0.0.", line: 1, column: 17 },
      ],
    },
  ],
});
