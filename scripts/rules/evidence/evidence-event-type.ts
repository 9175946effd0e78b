import type { Event } from "../../../schema/index.ts";
import type { RecordRule } from "../types.ts";

export const evidenceEventType: RecordRule = {
  meta: {
    id: "evidence-event-type",
    family: "record",
    severity: "info",
    description: "An event (of a schema version with `evidence`) quotes the report that supports its event type.",
    help: "Add an `evidence` item with `claim: event_type` quoting the words of the report that say what happened.",
    messages: {
      noEvidence: "No evidence quotes the report for the event type `{{eventType}}`.",
    },
  },
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  check: ({ record, version }) => {
    // 1.0.0 has no `evidence`: its records get `schema-outdated` instead.
    if (version === "1.0.0") return [];
    const event = record as Event;
    if ((event.evidence ?? []).some((e) => e.claim === "event_type")) return [];
    return [{ pointer: "/event_type", target: "key", messageId: "noEvidence", data: { eventType: event.event_type } }];
  },
};
