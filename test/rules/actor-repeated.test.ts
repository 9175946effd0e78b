/** actor-repeated: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { actorRepeated } from "../../scripts/rules/record/actor-repeated.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(actorRepeated, {
  valid: [
    { name: "distinct actors", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "the same actor twice",
      code: editEvent("actor: kazakhstan", "actor: antony-blinken"),
      errors: [
        { messageId: "repeated", data: {id: "antony-blinken",first: 0}, message: "`antony-blinken` is already listed as `actors[0]`.", line: 14, column: 12 },
      ],
    },
  ],
});
