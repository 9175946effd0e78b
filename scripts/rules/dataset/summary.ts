/** The summaries dataset rules compare events by. */
import type { Event } from "../../../schema/index.ts";
import { idFromPath } from "../../dataset/discover.ts";
import type { EventSummary } from "../types.ts";

const sortedSet = (values: string[]) => [...new Set(values)].sort();

/** The summary of a valid event (one that passed its schema has the shape a summary needs). */
export function summarizeEvent(e: Event): EventSummary {
  return summarizeUnchecked(e)!;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const strings = (list: unknown, key: string): string[] | undefined => {
  if (!Array.isArray(list)) return undefined;
  const out: string[] = [];
  for (const item of list) {
    if (!isObject(item) || typeof item[key] !== "string") return undefined;
    out.push(item[key] as string);
  }
  return out;
};

/**
 * The summary of a record not checked against its schema (an unchanged file
 * under `validate --changed`), or undefined when it lacks the shape a summary
 * needs: trusted, but never assumed.
 */
export function summarizeUnchecked(value: unknown): EventSummary | undefined {
  if (!isObject(value) || !isObject(value.date)) return undefined;
  const { id, status, event_type, duplicate_of } = value;
  const start = value.date.start;
  const countries = strings(value.locations, "country");
  const actors = strings(value.actors, "actor");
  if (typeof id !== "string" || typeof status !== "string" || typeof start !== "string" || typeof event_type !== "string") return undefined;
  if (!countries || !actors || (duplicate_of !== undefined && typeof duplicate_of !== "string")) return undefined;
  const summary: EventSummary = { id, status: status as EventSummary["status"], start, type: event_type, countries: sortedSet(countries), actors: sortedSet(actors) };
  if (typeof value.mode === "string") summary.mode = value.mode;
  if (duplicate_of !== undefined) summary.duplicate_of = duplicate_of as string;
  return summary;
}

/** An event known only by its file name. */
export function summaryFromPath(file: string): EventSummary {
  return { id: idFromPath(file), partial: true };
}
