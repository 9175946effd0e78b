import { withSameKey } from "../../core/group.ts";
import type { DatasetRule, EventSummary } from "../types.ts";

/** Events with the same key probably report the same happening. */
export function duplicateKey(e: EventSummary): string {
  return `${e.start}|${e.profile}`;
}

export const probableDuplicate: DatasetRule = {
  id: "probable-duplicate",
  family: "dataset",
  severity: "warning",
  scope: "dataset",
  description: "Two active events with the same start date, event type, countries and set of actors are probably one event.",
  fix: "If both report the same event, merge their sources into one record and mark the other `status: duplicate` with `duplicate_of`; if they are distinct, make the difference visible (mode, actors, date).",
  check: ({ events }) =>
    [...withSameKey(events.filter((e) => !e.event.partial && e.event.status === "active"), (e) => duplicateKey(e.event))].map(([e, others]) => ({
      file: e.file,
      pointer: "/event_type",
      message: `This event has the same date, type, countries and actors as ${others.map((o) => `\`${o.file}\``).join(", ")}.`,
      related: others.map((o) => ({ file: o.file, pointer: "/event_type" })),
    })),
};
