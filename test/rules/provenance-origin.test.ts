/** provenance-origin: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { provenanceOrigin } from "../../scripts/rules/record/provenance-origin.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const MANUAL = "  method: manual\n";

ruleTester(provenanceOrigin, {
  valid: [
    { name: "a manual record", code: EVENT_YAML },
    { name: "an imported record with its origin", code: editEvent(MANUAL, "  method: imported\n  origin:\n    dataset: acled\n    version: 2025-05-20\n    id: SDN1234\n") },
    {
      name: "an imported record of schema 1.2.0, which has no `origin` to give",
      code: editEvent(MANUAL, "  method: imported\n", editEvent('schema_version: "1.3.0"', 'schema_version: "1.2.0"')),
    },
  ],
  invalid: [
    {
      name: "an imported record of schema 1.3.0 without its origin",
      code: editEvent(MANUAL, "  method: imported\n"),
      errors: [{ messageId: "missing", message: "This event is `imported` but does not say from where (`provenance.origin`).", line: 30, column: 11 }],
    },
  ],
});
