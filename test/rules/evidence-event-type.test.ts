/** evidence-event-type: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { evidenceEventType } from "../../scripts/rules/evidence/evidence-event-type.ts";
import { EVENT_YAML, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(evidenceEventType, {
  valid: [
    { name: "a schema version the toolkit does not know (schema-version's finding): it may have no evidence", failsSchema: true, code: EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:")).replace('schema_version: "1.3.0"', 'schema_version: "1.3"') },
    { name: "evidence that is no list (the schema's finding): nothing added", failsSchema: true, code: EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:")) + "evidence: event_type\n" },
    { name: "an event type that is no string (the schema's finding): nothing to name", failsSchema: true, code: EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:")).replace("event_type: CONSULT", "event_type: 5") },
    { name: "an item claiming the event type whose quote is ill-typed (the schema's finding) still claims it", failsSchema: true, code: EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:")) + "evidence: [null, { source: 0, claim: event_type, quote: 5 }]\n" },
    { name: "evidence for the event type", code: EVENT_YAML },
    { name: "a tombstone: kept for its id, not a claim to support", failsSchema: true, code: EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:")).replace("status: active", "status: retracted") },
    {
      name: "an imported record without evidence (its source had no sentence, as GDELT and UCDP): not a person's to add",
      code: EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:")).replace("  method: manual\n", "  method: imported\n  origin:\n    dataset: gdelt\n    version: \"2.0\"\n    id: \"1234567890\"\n"),
    },
    {
      name: "a second coding without evidence (data/codings/<coder>/): it measures agreement, the dataset's event carries the evidence",
      file: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml",
      code: EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:")),
    },
  ],
  invalid: [
    {
      name: "no evidence in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:"))),
      errors: [{ messageId: "noEvidence", data: { eventType: "CONSULT" }, line: 9, column: 1 }],
    },
    {
      name: "no evidence at all",
      code: EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:")),
      errors: [
        { messageId: "noEvidence", data: {eventType: "CONSULT"}, message: "No evidence quotes the report for the event type `CONSULT`.", line: 9, column: 1 },
      ],
    },
  ],
});
