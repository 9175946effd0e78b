/** The summaries dataset rules compare events by. */
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

/** The id a record's file name gives (`data/events/YYYY/MM/<id>.yaml` -> `<id>`). */
export function idFromPath(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** An event known only by its file name. */
export function summaryFromPath(file: string): EventSummary {
  return { id: idFromPath(file), partial: true };
}
