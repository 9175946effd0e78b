/** evidence-date: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { evidenceDate } from "../../scripts/rules/evidence/evidence-date.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

/** The sample event with its evidence cut off. */
const BARE = EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:"));
/** The sample event with its type quote only. */
const TYPE_ONLY = EVENT_YAML.slice(0, EVENT_YAML.indexOf("  - source: 0\n    claim: date"));

ruleTester(evidenceDate, {
  valid: [
    { name: "evidence for the date", code: EVENT_YAML },
    { name: "a schema version the toolkit does not know (schema-version's finding)", failsSchema: true, code: BARE.replace('schema_version: "1.3.0"', 'schema_version: "1.3"') },
    { name: "evidence that is no list (the schema's finding): nothing added", failsSchema: true, code: BARE + "evidence: date\n" },
    { name: "a date without a start (the schema's finding): nothing to name", failsSchema: true, code: BARE.replace('  start: "2023-02-28"\n', "") },
    { name: "a tombstone: kept for its id, not a claim to support", failsSchema: true, code: BARE.replace("status: active", "status: retracted") },
    { name: "an imported record (its source's evidence, if any)", code: BARE.replace("  method: manual\n", "  method: imported\n  origin:\n    dataset: gdelt\n    version: \"2.0\"\n    id: \"1234567890\"\n") },
    { name: "a second coding (data/codings/<coder>/)", file: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml", code: BARE.replace("coded_by: [eventwire]", "coded_by: [coder-b]") },
  ],
  invalid: [
    {
      name: "a type quote but no date quote",
      code: TYPE_ONLY,
      errors: [{ messageId: "noEvidence", data: { date: "2023-02-28" }, message: "No evidence quotes the report for the date `2023-02-28`.", line: 6, column: 1 }],
    },
  ],
});
