/** date-future: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { dateFuture } from "../../scripts/rules/record/date-future.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(dateFuture, {
  valid: [
    { name: "dates up to today", code: EVENT_YAML, today: "2026-11-27" },
  ],
  invalid: [
    {
      name: "a coding date after today",
      code: editEvent("coded_at: \"2026-11-27\"", "coded_at: \"2026-11-28\""), today: "2026-11-27",
      errors: [
        { messageId: "future", data: {value: "2026-11-28",today: "2026-11-27"}, message: "`2026-11-28` is in the future (today is 2026-11-27).", line: 29, column: 13 },
      ],
    },
  ],
});
