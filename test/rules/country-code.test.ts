/** country-code: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { countryCode } from "../../scripts/rules/record/country-code.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(countryCode, {
  valid: [
    { name: "an assigned code", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a code far from every code",
      code: editEvent("country: KAZ", "country: QQQ"),
      errors: [
        { messageId: "unknown", data: {code: "QQQ"}, message: "`QQQ` is not an ISO 3166-1 alpha-3 country code.", line: 18, column: 14 },
      ],
    },
    {
      name: "a code no country has, one letter off",
      code: editEvent("country: KAZ", "country: KAX"),
      errors: [
        { messageId: "unknownDidYouMean", data: {code: "KAX",suggestion: "KAZ"}, message: "`KAX` is not an ISO 3166-1 alpha-3 country code. Did you mean `KAZ`?", line: 18, column: 14 },
      ],
    },
  ],
});
