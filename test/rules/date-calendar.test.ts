/** date-calendar: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { dateCalendar } from "../../scripts/rules/record/date-calendar.ts";
import { editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(dateCalendar, {
  valid: [
    { name: "a start that is a number (the schema's finding): passed over", failsSchema: true, code: editEvent('start: "2023-02-28"', "start: 2023") },
    { name: "a date of another shape (the schema's finding, not a calendar one): passed over", failsSchema: true, code: editEvent('published: "2023-02-28"', 'published: "2023-02-30 noon"') },
    { name: "a coding date that is a list, sources that are no list", failsSchema: true, code: editEvent('coded_at: "2026-11-27"', "coded_at: [2026]", editEvent("sources:\n", "sources: 5\nx-sources:\n")) },
    { name: "a week given by its Monday", code: editEvent("  precision: day", "  precision: week", editEvent('start: "2023-02-28"', 'start: "2023-02-27"')) },
    { name: "29 February of a leap year", code: editEvent('start: "2023-02-28"', 'start: "2024-02-29"').replace('published: "2023-02-28"', 'published: "2024-02-29"'), file: "data/events/2024/02/ev-p6w7bxbz.yaml" },
  ],
  invalid: [
    {
      name: "30 February in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent('published: "2023-02-28"', 'published: "2023-02-30"')),
      errors: [{ messageId: "notInCalendar", data: { value: "2023-02-30" }, line: 25, column: 16 }],
    },
    {
      name: "a week given by a Wednesday: the Monday is named",
      code: editEvent("  precision: day", "  precision: week", editEvent('start: "2023-02-28"', 'start: "2023-03-01"')),
      errors: [
        { messageId: "weekNotMonday", data: { value: "2023-03-01", weekday: "Wednesday", monday: "2023-02-27" }, message: "`2023-03-01` is a Wednesday; a date of precision `week` is written as the week's Monday, `2023-02-27`.", line: 7, column: 10 },
      ],
    },
    {
      name: "30 February",
      code: editEvent("published: \"2023-02-28\"", "published: \"2023-02-30\""),
      errors: [
        { messageId: "notInCalendar", data: {value: "2023-02-30"}, message: "`2023-02-30` is not a date in the calendar.", line: 25, column: 16 },
      ],
    },
  ],
});
