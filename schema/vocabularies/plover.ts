/** Loads the PLOVER vocabulary file; the JSON file is the single source of the codes. */
import vocabulary from "./plover-event-types-1.0.0.json" with { type: "json" };

export interface VocabularyEntry {
  code: string;
  definition: string;
}
export interface EventTypeEntry extends VocabularyEntry {
  modes: VocabularyEntry[];
}

export const PLOVER_VERSION: string = vocabulary.version;
export const EVENT_TYPES: readonly EventTypeEntry[] = vocabulary.event_types;
export const EVENT_TYPE_CODES = EVENT_TYPES.map((e) => e.code) as [string, ...string[]];
