/** The summaries dataset rules compare events by. */
import type { Event } from "../../../schema/index.ts";
import { coderOf, idFromPath } from "../../dataset/discover.ts";
import { hash32 } from "../../core/hash.ts";
import { SOURCE_FIELDS, type EventSummary, type SourceField, type SourceSummary } from "../types.ts";
import { isObject } from "../../core/pointer.ts";

/**
 * The distinct values, sorted (as `[...new Set(values)].sort()`, UTF-16 code unit order). An event's lists hold a
 * few items: sorted in place by insertion, each kept once, without a Set and a copy (they took ~0.1 s a worker on 100k events).
 */
function sortedSet(values: string[]): string[] {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let j = n;
    while (j > 0 && values[j - 1]! > v) j--;
    if (j > 0 && values[j - 1] === v) continue;
    for (let k = n; k > j; k--) values[k] = values[k - 1]!;
    values[j] = v;
    n++;
  }
  values.length = n;
  return values;
}

/**
 * What a summary holds of the sources: `full`, each source's description (`sources`: what a rule compares, and the
 * engine's `summaryAt` gives); `light`, each one's url and a hash of its description (`pages` and `described`: what
 * the summaries that leave the workers and go into the cache carry, a few bytes a source where titles take some 100).
 */
export type SummaryForm = "full" | "light";

/** The summary of a valid event (one that passed its schema has the shape a summary needs); `file`: its path (a second coding's says so). */
export function summarizeEvent(e: Event, file?: string, form: SummaryForm = "full"): EventSummary {
  return summarizeUnchecked(e, file, form)!;
}

/** A source's description as one text (a field left out, or unknown, written otherwise than any value is). */
const description = (s: SourceSummary): string => JSON.stringify(SOURCE_FIELDS.map((f) => (s.unknown?.includes(f) ? { unknown: true } : (s[f] ?? null))));

/** A 32-bit hash of a source's description: equal for two sources that describe their page alike (`described`). */
export const sourceDescribed = (s: SourceSummary): number => hash32(description(s));

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
 * The summary of a record not checked against its schema (an event that
 * fails it, or an unchanged file under `validate --changed`): trusted, but
 * never assumed. It holds the fields that are well typed and leaves out the
 * rest, so an event with a schema error elsewhere is still compared by what
 * it has (its id is still taken); undefined when it has no string `id`.
 * A rule reads a field left out as unknown, never as empty. `form`: what it
 * holds of the sources (SummaryForm).
 */
export function summarizeUnchecked(value: unknown, file?: string, form: SummaryForm = "full"): EventSummary | undefined {
  if (!isObject(value) || typeof value.id !== "string") return undefined;
  const { id, status, event_type, mode, duplicate_of } = value;
  const summary: EventSummary = { id };
  const coder = file === undefined ? undefined : coderOf(file);
  if (coder !== undefined) summary.coding = coder;
  if (typeof status === "string") summary.status = status as EventSummary["status"];
  if (isObject(value.date) && typeof value.date.start === "string") summary.start = value.date.start;
  // The type is the event type with its mode: a mode that is there but no string leaves the type unknown too
  // (read as "no mode", it would make the event alike to one of another mode).
  if (typeof event_type === "string" && (mode === undefined || typeof mode === "string")) {
    summary.type = event_type;
    if (mode !== undefined) summary.mode = mode as string;
  }
  const countries = strings(value.locations, "country");
  if (countries) summary.countries = sortedSet(countries);
  const actors = strings(value.actors, "actor");
  if (actors) summary.actors = sortedSet(actors);
  if (typeof duplicate_of === "string") summary.duplicate_of = duplicate_of;
  const sources = sourcesOf(value.sources);
  if (sources && form === "full") summary.sources = sources;
  else if (sources) {
    summary.pages = sources.map((s) => s.url);
    summary.described = sources.map(sourceDescribed);
  }
  return summary;
}

/**
 * What each source with a string url says of its page (source-consistent): its well-typed fields, `via` as a
 * sorted set; a field there but ill typed is named in `unknown` (never read as left out). Undefined when `sources`
 * is no array; a source that is no object, or whose url is left out or no string, is left out.
 */
function sourcesOf(list: unknown): SourceSummary[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: SourceSummary[] = [];
  list.forEach((item, index) => {
    if (!isObject(item) || typeof item.url !== "string") return;
    const source: SourceSummary = { index, url: item.url };
    const unknown: SourceField[] = [];
    for (const field of ["outlet", "title", "published", "language"] as const) {
      const v = item[field];
      if (typeof v === "string") source[field] = v;
      else if (v !== undefined) unknown.push(field);
    }
    const via = item.via;
    if (Array.isArray(via) && via.every((v) => typeof v === "string")) source.via = sortedSet([...via]);
    else if (via !== undefined) unknown.push("via");
    if (unknown.length > 0) source.unknown = unknown;
    out.push(source);
  });
  return out;
}

/** An event known only by its file name (and a second coding by its folder). */
export function summaryFromPath(file: string): EventSummary {
  const coder = coderOf(file);
  return coder === undefined ? { id: idFromPath(file), partial: true } : { id: idFromPath(file), partial: true, coding: coder };
}
