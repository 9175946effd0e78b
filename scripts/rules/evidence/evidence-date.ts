import { coderOf } from "../../dataset/listing.ts";
import { eachObject, field, str } from "../fields.ts";
import type { RecordRule } from "../types.ts";

/**
 * evidence-date: as evidence-event-type for the type, an event coded by a person quotes the words that date it ("on
 * Tuesday", "on 13 September"). A review sweep once dropped a record's only date quote (a publication stamp) and nothing
 * said so: the coding guidelines ask for one on every active event.
 */
export const evidenceDate: RecordRule = {
  meta: {
    id: "evidence-date",
    family: "record",
    severity: "info",
    description: "An active event (of a schema version with `evidence`) coded by a person quotes the report that supports its date; a tombstone, an imported record and a second coding (data/codings/) are not asked for one.",
    help: "Add an `evidence` item with `claim: date` quoting the words of the report that give the day (\"on Tuesday\", \"on 13 September\"): not a publication stamp, a byline or a dateline.",
    messages: {
      noEvidence: "No evidence quotes the report for the date `{{date}}`.",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ file, record, version }) => {
    // 1.0.0 has no `evidence` (schema-outdated says so); a version the toolkit does not know may have none either.
    if (version === "1.0.0" || version === undefined) return [];
    const start = str(field(record, "date"), "start");
    if (start === undefined || (record.evidence !== undefined && !Array.isArray(record.evidence))) return [];
    // A tombstone (retracted, duplicate) is kept for its id, not as a claim to support.
    if (record.status !== undefined && record.status !== "active") return [];
    if (str(record.provenance, "method") === "imported") return [];
    if (coderOf(file.path) !== undefined) return [];
    let quoted = false;
    eachObject(record.evidence, (e) => {
      if (e.claim === "date") quoted = true;
    });
    if (quoted) return [];
    return [{ pointer: "/date", target: "key", messageId: "noEvidence", data: { date: start } }];
  },
};
