/** evidence-actor-name: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { evidenceActorName } from "../../scripts/rules/evidence/evidence-actor-name.ts";
import { editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(evidenceActorName, {
  valid: [
    {
      name: "a quote that is no object, a claim that is no string, an exact that is no string (the schema's findings): passed over",
      failsSchema: true,
      code: editEvent("evidence:\n", "evidence:\n  - source: 0\n    claim: actor:kazakhstan\n    quote: Antony Blinken met\n  - source: 0\n    claim: 5\n    quote: { exact: Antony Blinken met }\n  - source: 0\n    claim: actor:kazakhstan\n    quote: { exact: 5 }\n  - null\n"),
    },
    { name: "an actor claim whose quote names the actor", code: editEvent("evidence:\n", "evidence:\n  - source: 0\n    claim: actor:antony-blinken\n    quote: { exact: Antony Blinken met }\n") },
  ],
  invalid: [
    {
      name: "an actor claim whose quote names someone else, in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent("evidence:\n", "evidence:\n  - source: 0\n    claim: actor:kazakhstan\n    quote: { exact: Antony Blinken met }\n")),
      errors: [{ messageId: "unnamed", data: { claim: "actor:kazakhstan", names: '"Kazakhstan"' }, line: 34, column: 21 }],
    },
    {
      name: "an actor claim whose quote names someone else",
      code: editEvent("evidence:\n", "evidence:\n  - source: 0\n    claim: actor:kazakhstan\n    quote: { exact: Antony Blinken met }\n"),
      errors: [
        { messageId: "unnamed", data: {claim: "actor:kazakhstan",names: "\"Kazakhstan\""}, message: "The quote for `actor:kazakhstan` does not name the actor (\"Kazakhstan\").", line: 34, column: 21 },
      ],
    },
  ],
});
