/**
 * The tables of a release, one definition each: columns with their type and
 * meaning, and how a record fills them. The CSV writer and the Table Schemas
 * of datapackage.json both come from here, so they cannot disagree.
 *
 * Multi-valued cells join their values with `|`, which no id, code or tag can
 * hold (their patterns allow letters, digits and `-` only).
 */
import { CHANGE_KINDS, type Change } from "./changes.ts";
import { ACTOR_KINDS, DATE_PRECISIONS, LOCATION_PRECISIONS, METHODS, OUTLET_KINDS, ROLES, STATUSES, type Actor, type Event, type Outlet } from "../../schema/index.ts";

export type FieldType = "string" | "integer" | "number" | "date" | "boolean";

export interface Column<R> {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  /** Allowed values, for a Table Schema `enum` constraint. */
  values?: readonly string[];
  /** A list of values, joined with JOIN in a CSV cell (a list type where the format has one: Parquet's LIST<STRING>). */
  list?: true;
  value: (record: R, index: number) => string | number | undefined;
}

export interface TableDefinition<R> {
  name: string;
  file: string;
  description: string;
  primaryKey: string[];
  /** References to other tables' keys (Table Schema foreignKeys); a reference with no `resource` is to the same table (a self-reference). */
  foreignKeys?: { fields: string[]; reference: { resource?: string; fields: string[] } }[];
  columns: Column<R>[];
}

export const JOIN = "|";

/** The earliest of some dates or date-times with offsets (by the instant; a tie keeps the first written). */
function earliest(values: string[]): string | undefined {
  let best: string | undefined;
  for (const v of values) if (best === undefined || Date.parse(v) < Date.parse(best)) best = v;
  return best;
}
const joined = (values: readonly string[] | undefined) => (values && values.length > 0 ? values.join(JOIN) : undefined);

export const EVENTS: TableDefinition<Event> = {
  name: "events",
  file: "events.csv",
  description: "One row per event (tombstones included, with their status). Lists of ids join with `|`.",
  primaryKey: ["event_id"],
  foreignKeys: [{ fields: ["duplicate_of"], reference: { fields: ["event_id"] } }],
  columns: [
    { name: "event_id", type: "string", required: true, description: "Event id, stable across releases.", value: (e) => e.id },
    { name: "status", type: "string", required: true, values: STATUSES, description: "`active`, or a tombstone: `retracted`, `duplicate`.", value: (e) => e.status },
    { name: "duplicate_of", type: "string", description: "For a duplicate: the event it duplicates.", value: (e) => e.duplicate_of },
    { name: "retraction_reason", type: "string", description: "For a retracted event: why.", value: (e) => e.retraction_reason },
    { name: "title", type: "string", required: true, description: "A short headline in the coder's words.", value: (e) => e.title },
    { name: "summary", type: "string", required: true, description: "One to three sentences in the coder's words.", value: (e) => e.summary },
    { name: "date_start", type: "string", required: true, description: "When the event happened or began: YYYY, YYYY-MM or YYYY-MM-DD, as `date_precision` says.", value: (e) => e.date.start },
    { name: "date_end", type: "string", description: "When an event of several days ended.", value: (e) => e.date.end },
    { name: "date_precision", type: "string", required: true, values: DATE_PRECISIONS, description: "How precisely the sources date the event.", value: (e) => e.date.precision },
    { name: "event_type", type: "string", required: true, description: "PLOVER event category.", value: (e) => e.event_type },
    { name: "mode", type: "string", description: "PLOVER mode of the category, where one fits.", value: (e) => e.mode },
    { name: "initiator_ids", type: "string", list: true, description: "Actors with role `initiator`, joined with `|` (see event_actors.csv).", value: (e) => joined(e.actors.filter((a) => a.role === "initiator").map((a) => a.actor)) },
    { name: "recipient_ids", type: "string", list: true, description: "Actors with role `recipient`, joined with `|`.", value: (e) => joined(e.actors.filter((a) => a.role === "recipient").map((a) => a.actor)) },
    { name: "participant_ids", type: "string", list: true, description: "Actors with role `participant`, joined with `|`.", value: (e) => joined(e.actors.filter((a) => a.role === "participant").map((a) => a.actor)) },
    { name: "countries", type: "string", list: true, description: "ISO 3166-1 alpha-3 codes of the locations, in order, joined with `|` (see event_locations.csv); empty when the event has no locations (schema 1.3.0: imported records often cannot say where).", value: (e) => joined([...new Set((e.locations ?? []).map((l) => l.country))]) },
    { name: "outlet_ids", type: "string", list: true, required: true, description: "Outlets of the sources, in order, joined with `|` (see event_sources.csv).", value: (e) => joined([...new Set(e.sources.map((s) => s.outlet))]) },
    { name: "source_count", type: "integer", required: true, description: "Number of sources.", value: (e) => e.sources.length },
    { name: "first_published", type: "string", description: "The earliest `published` of the sources (empty when no source gives its date).", value: (e) => earliest(e.sources.flatMap((s) => (s.published ? [s.published] : []))) },
    { name: "tags", type: "string", list: true, description: "Labels, joined with `|`.", value: (e) => joined(e.tags) },
    { name: "coded_by", type: "string", list: true, required: true, description: "Coders' handles, joined with `|`.", value: (e) => joined(e.provenance.coded_by) },
    { name: "coded_at", type: "date", required: true, description: "When the record was coded.", value: (e) => e.provenance.coded_at },
    { name: "method", type: "string", required: true, values: METHODS, description: "How it was coded.", value: (e) => e.provenance.method },
    { name: "origin_dataset", type: "string", description: "For an imported event: the id of the dataset it was imported from (e.g. `acled`, `gdelt`); empty otherwise.", value: (e) => e.provenance.origin?.dataset },
    { name: "origin_version", type: "string", description: "For an imported event: the source dataset's version or export date.", value: (e) => e.provenance.origin?.version },
    { name: "origin_id", type: "string", description: "For an imported event: its id in the source dataset (or its row number there, where it has none).", value: (e) => e.provenance.origin?.id },
  ],
};

/** Tables with a row for each item of an event's list: the row's event and the item's position in the list. */
export interface Item<T> {
  event: Event;
  item: T;
  position: number;
}

export const EVENT_ACTORS: TableDefinition<Item<Event["actors"][number]>> = {
  name: "event_actors",
  file: "event_actors.csv",
  description: "One row per actor of an event.",
  primaryKey: ["event_id", "position"],
  foreignKeys: [
    { fields: ["event_id"], reference: { resource: "events", fields: ["event_id"] } },
    { fields: ["actor_id"], reference: { resource: "actors", fields: ["actor_id"] } },
  ],
  columns: [
    { name: "event_id", type: "string", required: true, description: "The event.", value: (r) => r.event.id },
    { name: "position", type: "integer", required: true, description: "Place in the event's list of actors, from 1.", value: (r) => r.position },
    { name: "actor_id", type: "string", required: true, description: "The actor (actors.csv).", value: (r) => r.item.actor },
    { name: "role", type: "string", required: true, values: ROLES, description: "`initiator` acts, `recipient` is acted upon, `participant` takes part.", value: (r) => r.item.role },
  ],
};

export const EVENT_LOCATIONS: TableDefinition<Item<NonNullable<Event["locations"]>[number]>> = {
  name: "event_locations",
  file: "event_locations.csv",
  description: "One row per location of an event (none for an event without locations).",
  primaryKey: ["event_id", "position"],
  foreignKeys: [{ fields: ["event_id"], reference: { resource: "events", fields: ["event_id"] } }],
  columns: [
    { name: "event_id", type: "string", required: true, description: "The event.", value: (r) => r.event.id },
    { name: "position", type: "integer", required: true, description: "Place in the event's list of locations, from 1.", value: (r) => r.position },
    { name: "name", type: "string", required: true, description: "The place as the sources name it.", value: (r) => r.item.name },
    { name: "country", type: "string", required: true, description: "ISO 3166-1 alpha-3 code.", value: (r) => r.item.country },
    { name: "admin1", type: "string", description: "First-level administrative division.", value: (r) => r.item.admin1 },
    { name: "geonames_id", type: "string", description: "GeoNames id, where certain (a string: ids are not quantities).", value: (r) => (r.item.geonames_id === undefined ? undefined : String(r.item.geonames_id)) },
    { name: "lat", type: "number", description: "Latitude, WGS84 decimal degrees.", value: (r) => r.item.lat },
    { name: "lon", type: "number", description: "Longitude, WGS84 decimal degrees.", value: (r) => r.item.lon },
    { name: "precision", type: "string", required: true, values: LOCATION_PRECISIONS, description: "The finest level the sources place the event at.", value: (r) => r.item.precision },
  ],
};

export const EVENT_SOURCES: TableDefinition<Item<Event["sources"][number]>> = {
  name: "event_sources",
  file: "event_sources.csv",
  description: "One row per source (report) of an event.",
  primaryKey: ["event_id", "position"],
  foreignKeys: [
    { fields: ["event_id"], reference: { resource: "events", fields: ["event_id"] } },
    { fields: ["outlet_id"], reference: { resource: "outlets", fields: ["outlet_id"] } },
  ],
  columns: [
    { name: "event_id", type: "string", required: true, description: "The event.", value: (r) => r.event.id },
    { name: "position", type: "integer", required: true, description: "Place in the event's list of sources, from 1.", value: (r) => r.position },
    { name: "outlet_id", type: "string", required: true, description: "The outlet that published the report (outlets.csv).", value: (r) => r.item.outlet },
    { name: "via_ids", type: "string", list: true, description: "Agencies the report credits, joined with `|` (outlets.csv).", value: (r) => joined(r.item.via) },
    { name: "title", type: "string", description: "The report's headline, as published (empty when the page does not show it).", value: (r) => r.item.title },
    { name: "url", type: "string", description: "The report's address, as published.", value: (r) => r.item.url },
    { name: "published", type: "string", description: "When the report was published (YYYY-MM-DD or a date-time with offset; empty when the page does not say).", value: (r) => r.item.published },
    { name: "language", type: "string", required: true, description: "BCP 47 language tag.", value: (r) => r.item.language },
  ],
};

export const EVENT_EVIDENCE: TableDefinition<Item<NonNullable<Event["evidence"]>[number]>> = {
  name: "event_evidence",
  file: "event_evidence.csv",
  description: "One row per evidence item of an event: a quote from one of its sources that supports one claim (schema 1.1.0).",
  primaryKey: ["event_id", "position"],
  foreignKeys: [
    { fields: ["event_id"], reference: { resource: "events", fields: ["event_id"] } },
    { fields: ["event_id", "source_position"], reference: { resource: "event_sources", fields: ["event_id", "position"] } },
  ],
  columns: [
    { name: "event_id", type: "string", required: true, description: "The event.", value: (r) => r.event.id },
    { name: "position", type: "integer", required: true, description: "Place in the event's list of evidence, from 1.", value: (r) => r.position },
    { name: "source_position", type: "integer", required: true, description: "The source quoted: its `position` in event_sources.csv (from 1).", value: (r) => r.item.source + 1 },
    { name: "claim", type: "string", required: true, description: "What the quote supports: `event_type`, `mode`, `date`, `actor:<id>` or `location:<n>` (n counts from 0, as in the records).", value: (r) => r.item.claim },
    { name: "exact", type: "string", required: true, description: "The quote, exactly as the source has it (W3C TextQuoteSelector `exact`).", value: (r) => r.item.quote.exact },
    { name: "prefix", type: "string", description: "Text just before the quote, where needed to find it.", value: (r) => r.item.quote.prefix },
    { name: "suffix", type: "string", description: "Text just after the quote, where needed to find it.", value: (r) => r.item.quote.suffix },
    { name: "start", type: "integer", description: "Offset of the quote in the source's kept text, in code points (W3C TextPositionSelector).", value: (r) => r.item.position?.start },
    { name: "end", type: "integer", description: "Offset just after the quote, in code points.", value: (r) => r.item.position?.end },
  ],
};

export const ACTORS: TableDefinition<Actor> = {
  name: "actors",
  file: "actors.csv",
  description: "The actor registry.",
  primaryKey: ["actor_id"],
  columns: [
    { name: "actor_id", type: "string", required: true, description: "Actor id.", value: (a) => a.id },
    { name: "name", type: "string", required: true, description: "Name.", value: (a) => a.name },
    { name: "kind", type: "string", required: true, values: ACTOR_KINDS, description: "Kind of actor.", value: (a) => a.kind },
    { name: "country", type: "string", description: "ISO 3166-1 alpha-3 code of the actor's country.", value: (a) => a.country },
    { name: "wikidata", type: "string", description: "Wikidata id, where checked.", value: (a) => a.wikidata },
    { name: "origin_dataset", type: "string", description: "For an entry `eventwire import` created and no one has checked yet: the dataset it came from; empty otherwise.", value: (a) => a.origin?.dataset },
  ],
};

export const OUTLETS: TableDefinition<Outlet> = {
  name: "outlets",
  file: "outlets.csv",
  description: "The outlet registry.",
  primaryKey: ["outlet_id"],
  columns: [
    { name: "outlet_id", type: "string", required: true, description: "Outlet id.", value: (o) => o.id },
    { name: "name", type: "string", required: true, description: "Name.", value: (o) => o.name },
    { name: "kind", type: "string", required: true, values: OUTLET_KINDS, description: "Kind of outlet.", value: (o) => o.kind },
    { name: "country", type: "string", description: "ISO 3166-1 alpha-3 code of its home country (empty when not known).", value: (o) => o.country },
    { name: "domains", type: "string", list: true, description: "Web domains it publishes on, joined with `|` (empty when not known).", value: (o) => joined(o.domains) },
    { name: "wikidata", type: "string", description: "Wikidata id, where checked.", value: (o) => o.wikidata },
    { name: "origin_dataset", type: "string", description: "For an entry `eventwire import` created and no one has checked yet: the dataset it came from; empty otherwise.", value: (o) => o.origin?.dataset },
  ],
};

export const CHANGES: TableDefinition<Change> = {
  name: "changes",
  file: "changes.csv",
  description: "Each event that changed since the previous release (all of them in a first release).",
  primaryKey: ["event_id"],
  columns: [
    { name: "event_id", type: "string", required: true, description: "The event.", value: (c) => c.event_id },
    {
      name: "change",
      type: "string",
      required: true,
      values: CHANGE_KINDS,
      description: "What happened to it: new; changed; withdrawn; marked a duplicate; active again; gone (never expected: records are not deleted).",
      value: (c) => c.change,
    },
    { name: "previous_status", type: "string", description: "Its status in the previous release (empty if new).", value: (c) => c.previous_status || undefined },
    { name: "status", type: "string", description: "Its status now (empty if gone).", value: (c) => c.status || undefined },
  ],
};

/** Rows for each item of an actor's list (aliases, offices), with the item's position. */
export interface ActorItem<T> {
  actor: Actor;
  item: T;
  position: number;
}

export const ACTOR_ALIASES: TableDefinition<ActorItem<string>> = {
  name: "actor_aliases",
  file: "actor_aliases.csv",
  description: "One row per other name of an actor (spellings and transliterations sources use).",
  primaryKey: ["actor_id", "position"],
  foreignKeys: [{ fields: ["actor_id"], reference: { resource: "actors", fields: ["actor_id"] } }],
  columns: [
    { name: "actor_id", type: "string", required: true, description: "The actor.", value: (r) => r.actor.id },
    { name: "position", type: "integer", required: true, description: "Place in the actor's list of aliases, from 1.", value: (r) => r.position },
    { name: "alias", type: "string", required: true, description: "The other name, as sources write it.", value: (r) => r.item },
  ],
};

export const ACTOR_OFFICES: TableDefinition<ActorItem<NonNullable<Actor["offices"]>[number]>> = {
  name: "actor_offices",
  file: "actor_offices.csv",
  description: "One row per office a person actor held.",
  primaryKey: ["actor_id", "position"],
  foreignKeys: [{ fields: ["actor_id"], reference: { resource: "actors", fields: ["actor_id"] } }],
  columns: [
    { name: "actor_id", type: "string", required: true, description: "The actor.", value: (r) => r.actor.id },
    { name: "position", type: "integer", required: true, description: "Place in the actor's list of offices, from 1.", value: (r) => r.position },
    { name: "title", type: "string", required: true, description: "The office as the sources name it.", value: (r) => r.item.title },
    { name: "from", type: "date", description: "First day in office, where certain.", value: (r) => r.item.from },
    { name: "to", type: "date", description: "Last day in office, where certain.", value: (r) => r.item.to },
  ],
};

/** The tables drawn from events, in the order a release writes them (after events.jsonl). */
export const EVENT_TABLES = [EVENTS, EVENT_ACTORS, EVENT_LOCATIONS, EVENT_SOURCES, EVENT_EVIDENCE] as const;

/** The tables drawn from the actor registry. */
export const ACTOR_TABLES = [ACTORS, ACTOR_ALIASES, ACTOR_OFFICES] as const;

/** Something that takes a table's rows: the CSV writers, and any other format of the same tables. */
export interface RowVisitor {
  row<R>(table: TableDefinition<R>, record: R): void;
}

/** The rows an event gives each event table (EVENT_TABLES), in order: one of events, then one for each item of its lists. */
export function visitEventRows(event: Event, visit: RowVisitor): void {
  visit.row(EVENTS, event);
  for (let i = 0; i < event.actors.length; i++) visit.row(EVENT_ACTORS, { event, item: event.actors[i]!, position: i + 1 });
  const locations = event.locations ?? [];
  for (let i = 0; i < locations.length; i++) visit.row(EVENT_LOCATIONS, { event, item: locations[i]!, position: i + 1 });
  for (let i = 0; i < event.sources.length; i++) visit.row(EVENT_SOURCES, { event, item: event.sources[i]!, position: i + 1 });
  const evidence = event.evidence ?? [];
  for (let i = 0; i < evidence.length; i++) visit.row(EVENT_EVIDENCE, { event, item: evidence[i]!, position: i + 1 });
}

/** The rows an actor gives each actor table (ACTOR_TABLES), in order. */
export function visitActorRows(actor: Actor, visit: RowVisitor): void {
  visit.row(ACTORS, actor);
  for (const [i, item] of (actor.aliases ?? []).entries()) visit.row(ACTOR_ALIASES, { actor, item, position: i + 1 });
  for (const [i, item] of (actor.offices ?? []).entries()) visit.row(ACTOR_OFFICES, { actor, item, position: i + 1 });
}
