/** date-future: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { dateFuture } from "../../scripts/rules/record/date-future.ts";
import { EVENT_YAML, editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(dateFuture, {
  valid: [
    { name: "a start that is a number (the schema's finding): passed over", failsSchema: true, code: editEvent('start: "2023-02-28"', "start: 20990101") },
    { name: "a coding date of another shape (the schema's finding): passed over", failsSchema: true, code: editEvent('coded_at: "2026-11-27"', 'coded_at: "2099-1-1"') },
    { name: "dates up to today", code: EVENT_YAML, today: "2026-11-27" },
  ],
  invalid: [
    {
      name: "a coding date after today in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent('coded_at: "2026-11-27"', 'coded_at: "2026-11-28"')),
      today: "2026-11-27",
      errors: [{ messageId: "future", data: { value: "2026-11-28", today: "2026-11-27" }, line: 29, column: 13 }],
    },
    {
      name: "a coding date after today",
      code: editEvent("coded_at: \"2026-11-27\"", "coded_at: \"2026-11-28\""), today: "2026-11-27",
      errors: [
        { messageId: "future", data: {value: "2026-11-28",today: "2026-11-27"}, message: "`2026-11-28` is in the future (today is 2026-11-27).", line: 29, column: 13 },
      ],
    },
  ],
});
