import { field, str } from "../fields.ts";
import { claimed, evidenceAsked } from "./asked.ts";
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
    // No start to name: the schema's finding. Who is asked at all (no tombstone, import or second coding): evidenceAsked.
    const start = str(field(record, "date"), "start");
    if (start === undefined) return [];
    if (!evidenceAsked(file, record, version) || claimed(record, "date")) return [];
    return [{ pointer: "/date", target: "key", messageId: "noEvidence", data: { date: start } }];
  },
};
