/** The summaries dataset rules compare events by. */
import path from "node:path";
import type { Event } from "../../../schema/index.ts";
import type { EventSummary } from "../types.ts";

const sortedSet = (values: string[]) => [...new Set(values)].sort();

export function summarizeEvent(e: Event): EventSummary {
  const summary: EventSummary = {
    id: e.id,
    status: e.status,
    start: e.date.start,
    event_type: e.event_type,
    countries: sortedSet(e.locations.map((l) => l.country)),
    actors: sortedSet(e.actors.map((a) => a.actor)),
  };
  if (e.duplicate_of !== undefined) summary.duplicate_of = e.duplicate_of;
  return summary;
}

/** An event known only by its file name (`data/events/YYYY/MM/<id>.yaml`). */
export function summaryFromPath(file: string): EventSummary {
  return { id: path.posix.basename(file).replace(/\.(ya?ml|json)$/i, ""), partial: true };
}
