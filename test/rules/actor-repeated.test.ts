/** actor-repeated: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { actorRepeated } from "../../scripts/rules/record/actor-repeated.ts";
import { EVENT_YAML, editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const ACTORS = "actors:\n  - actor: antony-blinken\n    role: initiator\n  - actor: kazakhstan\n    role: recipient\n";

ruleTester(actorRepeated, {
  valid: [
    { name: "ids that are no strings, twice (the schema's findings): passed over", failsSchema: true, code: editEvent(ACTORS, "actors:\n  - actor: 1\n    role: initiator\n  - actor: 1\n    role: recipient\n  - null\n  - null\n") },
    { name: "distinct actors", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "the same actor twice in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent("actor: kazakhstan", "actor: antony-blinken")),
      errors: [{ messageId: "repeated", data: { id: "antony-blinken", first: 0 }, line: 14, column: 12 }],
    },
    {
      name: "an ill-formed id twice: the schema reports its form, this rule the repeat",
      failsSchema: true,
      code: editEvent(ACTORS, "actors:\n  - actor: Antony Blinken\n    role: initiator\n  - actor: Antony Blinken\n    role: recipient\n"),
      errors: [{ messageId: "repeated", data: { id: "Antony Blinken", first: 0 }, line: 14, column: 12 }],
    },
    {
      name: "the same actor twice",
      code: editEvent("actor: kazakhstan", "actor: antony-blinken"),
      errors: [
        { messageId: "repeated", data: {id: "antony-blinken",first: 0}, message: "`antony-blinken` is already listed as `actors[0]`.", line: 14, column: 12 },
      ],
    },
  ],
});
