import { confirmedGroups, eachWithOthers, HashedKeys } from "../../core/group.ts";
import { hash53 } from "../../core/hash.ts";
import type { DatasetIssue, DatasetRule, EventSummary } from "../types.ts";

/** Events with the same key probably report the same happening. */
export function duplicateKey(e: EventSummary): string {
  return `${e.start}|${e.profile}`;
}

export const probableDuplicate: DatasetRule = {
  meta: {
    id: "probable-duplicate",
    family: "dataset",
    severity: "warning",
    description: "Two active events with the same start date, event type, countries and set of actors are probably one event.",
    help: "If both report the same event, merge their sources into one record and mark the other `status: duplicate` with `duplicate_of`; if they are distinct, make the difference visible (mode, actors, date).",
    messages: {
      probable: "This event has the same date, type, countries and actors as {{others}}.",
    },
  },
  scope: "dataset",
  start: ({ fileAt, summaryAt }) => {
    // A hash of each key, not the key (a number, where a key is some 80 characters): events whose hashes
    // match are read again, and grouped by their keys themselves.
    const hashes = new HashedKeys();
    return {
      add: (event, order) => {
        if (!event.partial && event.status === "active") hashes.add(hash53(duplicateKey(event)), order);
      },
      finish: () => {
        const groups = confirmedGroups(hashes.repeats(), (order) => {
          const event = summaryAt(order);
          return event ? duplicateKey(event) : undefined;
        }).map(([, same]) => same);
        return [...eachWithOthers(groups)].map(
          ([order, others]): DatasetIssue => ({
            file: fileAt(order),
            pointer: "/event_type",
            messageId: "probable",
            data: { others: others.map((o) => `\`${fileAt(o)}\``).join(", ") },
            related: others.map((o) => ({ file: fileAt(o), pointer: "/event_type" })),
          }),
        );
      },
    };
  },
};
