import { coderOf } from "../../dataset/listing.ts";
import { eachObject, str } from "../fields.ts";
import type { RecordRule } from "../types.ts";

export const evidenceEventType: RecordRule = {
  meta: {
    id: "evidence-event-type",
    family: "record",
    severity: "info",
    description: "An event (of a schema version with `evidence`) coded by a person quotes the report that supports its event type; a second coding (data/codings/), made only to measure agreement, is not asked for one.",
    help: "Add an `evidence` item with `claim: event_type` quoting the words of the report that say what happened.",
    messages: {
      noEvidence: "No evidence quotes the report for the event type `{{eventType}}`.",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ file, record, version }) => {
    // 1.0.0 has no `evidence`: its records get `schema-outdated` instead. A version the toolkit does not
    // know (schema-version's finding) may have none either.
    if (version === "1.0.0" || version === undefined) return [];
    // No event type to name (none, or not a string), or an `evidence` that is no list: the schema's findings, nothing to add.
    const eventType = str(record.event_type);
    if (eventType === undefined || (record.evidence !== undefined && !Array.isArray(record.evidence))) return [];
    // An imported record has the evidence its source had (PLOVER's sentence, ACLED's note; GDELT and UCDP have none):
    // a nudge for a person coding by hand, it would repeat once a record on a whole import and settle nothing.
    if (str(record.provenance, "method") === "imported") return [];
    // A second coding measures agreement with the dataset's events, which carry the evidence.
    if (coderOf(file.path) !== undefined) return [];
    let quoted = false;
    eachObject(record.evidence, (e) => {
      if (e.claim === "event_type") quoted = true;
    });
    if (quoted) return [];
    return [{ pointer: "/event_type", target: "key", messageId: "noEvidence", data: { eventType } }];
  },
};
