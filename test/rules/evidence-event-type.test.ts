/** evidence-event-type: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { evidenceEventType } from "../../scripts/rules/evidence/evidence-event-type.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(evidenceEventType, {
  valid: [
    { name: "evidence for the event type", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "no evidence at all",
      code: EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:")),
      errors: [
        { messageId: "noEvidence", data: {eventType: "CONSULT"}, message: "No evidence quotes the report for the event type `CONSULT`.", line: 9, column: 1 },
      ],
    },
  ],
});
