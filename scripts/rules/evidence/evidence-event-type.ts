import { str } from "../fields.ts";
import { claimed, evidenceAsked } from "./asked.ts";
import type { RecordRule } from "../types.ts";

export const evidenceEventType: RecordRule = {
  meta: {
    id: "evidence-event-type",
    family: "record",
    severity: "info",
    description: "An active event (of a schema version with `evidence`) coded by a person quotes the report that supports its event type; a tombstone, an imported record and a second coding (data/codings/) are not asked for one.",
    help: "Add an `evidence` item with `claim: event_type` quoting the words of the report that say what happened.",
    messages: {
      noEvidence: "No evidence quotes the report for the event type `{{eventType}}`.",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ file, record, version }) => {
    // No event type to name (none, or not a string): the schema's finding, nothing to add.
    const eventType = str(record.event_type);
    if (eventType === undefined || !evidenceAsked(file, record, version) || claimed(record, "event_type")) return [];
    return [{ pointer: "/event_type", target: "key", messageId: "noEvidence", data: { eventType } }];
  },
};
