/**
 * The parts of an import: a format reads its rows and maps each one to a
 * draft (or says why it cannot); the run resolves the draft's actors and
 * outlets against the registries, makes the record, and counts everything
 * for the mapping report. A format is data-driven: its codes and defaults
 * come from its mapping table (schema/mappings/<format>.yaml), not from code.
 */
import type { ACTOR_KINDS, DATE_PRECISIONS, LOCATION_PRECISIONS, ROLES } from "../../schema/index.ts";

export type ActorKind = (typeof ACTOR_KINDS)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];
export type Role = (typeof ROLES)[number];

/** One row of the input, as its format reads it: where it is, and its values (or why it could not be read). */
export type SourceRow<T> = { file: string; line: number; row: number; values: T } | { file: string; line: number; row: number; problem: string };

/** An actor as the source names it; the run finds it in data/actors/ or creates an entry marked as imported. */
export interface ActorRef {
  /** The name the source gives (or the mapping table's name for its code). */
  name: string;
  /** The source's own code for the actor (`HUN GOV`, `IGO`), kept in the created entry's `origin.id`. */
  code?: string;
  /** ISO 3166-1 alpha-3, where the source says (never guessed). */
  country?: string;
  kind: ActorKind;
  /** A registry id the mapping table gives for this code or name: used when data/actors/ has it. */
  registry?: string;
}

/** An outlet as the source names it: by name, by the address of a report, or both. */
export interface OutletRef {
  name?: string;
  url?: string;
  registry?: string;
}

export interface DraftLocation {
  name: string;
  country: string;
  admin1?: string;
  lat?: number;
  lon?: number;
  precision: LocationPrecision;
}

export interface DraftSource {
  outlet: OutletRef;
  url?: string;
  title?: string;
  published?: string;
  language: string;
}

/** What a format makes of one row: an eventwire event still naming its actors and outlets as the source does. */
export interface EventDraft {
  /** The record's id in the source dataset (or its row number where it has none): the event id derives from it. */
  originId: string;
  date: { start: string; end?: string; precision: DatePrecision };
  eventType: string;
  mode?: string;
  actors: { ref: ActorRef; role: Role }[];
  locations: DraftLocation[];
  sources: DraftSource[];
  title: string;
  summary: string;
  /** Sentences of a source that support a claim (`event_type`, ...): the run adds their position where the source's text is kept. */
  evidence?: { source: number; claim: string; exact: string }[];
  tags?: string[];
}

/** What a format makes of a row: a draft, a row that is not an event by design (skipped), or a refusal with its reason. */
export type MapResult = { ok: true; draft: EventDraft } | { ok: false; skip?: boolean; reason: string };

/** How each field of a row fared: taken from the source, given a default, or left out. */
export type FieldOutcome = "mapped" | "defaulted" | "dropped";

/** What a format reports while it maps a row. */
export interface MapContext {
  /** Counts a field's outcome for the report. */
  field(name: string, outcome: FieldOutcome): void;
  /** Counts a code its mapping table does not have (table: which table, e.g. `cameo`). */
  unmapped(table: string, code: string): void;
}

export interface ImportFormat<T = unknown> {
  /** The name on the command line: `plover`, `gdelt`, `acled`, `ucdp-ged`. */
  name: string;
  /** The source dataset's id in `provenance.origin.dataset`. */
  dataset: string;
  /** The source dataset's version when the command line does not give one; undefined for a dataset without versions (the command line must give it). */
  defaultVersion: string | undefined;
  /** What the source is, in a line (the report and `--help` show it). */
  description: string;
  /** The rows of one input file, in order; streaming where the format allows. */
  rows(file: string): AsyncIterable<SourceRow<T>>;
  /** One row's draft, or why not. */
  map(values: T, row: { file: string; line: number; row: number }, context: MapContext): MapResult;
}
