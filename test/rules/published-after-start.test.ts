/** published-after-start: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { publishedAfterStart } from "../../scripts/rules/record/published-after-start.ts";
import { editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(publishedAfterStart, {
  valid: [
    { name: "a publication date that is a number (the schema's finding): passed over", failsSchema: true, code: editEvent('published: "2023-02-28"', "published: 20230101") },
    { name: "a publication date of another shape (the schema's finding): passed over", failsSchema: true, code: editEvent('published: "2023-02-28"', 'published: "27 Feb 2023"') },
    { name: "a start that is null (the schema's finding): nothing to compare", failsSchema: true, code: editEvent('start: "2023-02-28"', "start: null", editEvent('published: "2023-02-28"', 'published: "2023-02-27"')) },
    { name: "a month-precision event reported that month", code: editEvent("start: \"2023-02-28\"\n  precision: day", "start: \"2023-02\"\n  precision: month") },
  ],
  invalid: [
    {
      name: "a report before the event in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent('published: "2023-02-28"', 'published: "2023-02-27"')),
      errors: [{ messageId: "beforeStart", data: { index: 0, published: "2023-02-27", start: "2023-02-28" }, line: 25, column: 16 }],
    },
    {
      name: "a report before the event",
      code: editEvent("published: \"2023-02-28\"", "published: \"2023-02-27\""),
      errors: [
        { messageId: "beforeStart", data: {index: 0,published: "2023-02-27",start: "2023-02-28"}, message: "`sources[0].published` (2023-02-27) is before the event's start (2023-02-28).", line: 25, column: 16 },
      ],
    },
  ],
});
