/** country-code: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { countryCode } from "../../scripts/rules/record/country-code.ts";
import { EVENT_WITHOUT_LOCATIONS, EVENT_YAML, editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(countryCode, {
  valid: [
    { name: "a code that is no string (the schema's finding): passed over", failsSchema: true, code: editEvent("country: KAZ", "country: 5") },
    { name: "a code in lower case (the schema's finding): passed over", failsSchema: true, code: editEvent("country: KAZ", "country: kaz") },
    { name: "locations that are no list", failsSchema: true, code: editEvent("locations:\n  - name: Kazakhstan\n    country: KAZ\n    precision: country\n", "locations: KAZ\n") },
    { name: "an assigned code", code: EVENT_YAML },
    { name: "an event without locations (schema 1.3.0): no code to judge", code: EVENT_WITHOUT_LOCATIONS },
    { name: "an outlet without country (schema 1.3.0): no code to judge", code: 'schema_version: "1.3.0"\nid: daily-star\nname: Daily Star\nkind: newspaper\n', file: "data/outlets/daily-star.yaml" },
  ],
  invalid: [
    {
      name: "an unknown code in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent("country: KAZ", "country: QQQ")),
      errors: [{ messageId: "unknown", data: { code: "QQQ" }, line: 18, column: 14 }],
    },
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
