/**
 * What a release says of the records `eventwire import` brought in: which
 * source datasets, how many records each, and their terms, from the mapping
 * tables (schema/mappings/). Those records were not coded by hand, and their
 * sources' licences apply to them beside the dataset's own.
 */
import { loadMapping, mappingNames, type MappingFile } from "../../schema/mappings.ts";
import { markdownText } from "../core/markdown.ts";

export interface ImportedSource {
  dataset: string;
  events: number;
  mapping?: MappingFile;
}

/** The source datasets of a release's imported events (counts by `provenance.origin.dataset`), in name order, each with its mapping table when the toolkit has one. */
export function importedSources(byOrigin: ReadonlyMap<string, number>): ImportedSource[] {
  // The tables are read only for a release that has imported events (GDELT's takes a few tenths of a second to read).
  if (byOrigin.size === 0) return [];
  const tables = new Map(mappingNames().map((name) => [loadMapping(name).dataset.id, loadMapping(name)] as const));
  return [...byOrigin]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dataset, events]) => ({ dataset, events, mapping: tables.get(dataset) }));
}

/** The dataset card's section on imported records; none when the release has no imported event. */
export function importedSection(sources: readonly ImportedSource[]): string[] {
  if (sources.length === 0) return [];
  const total = sources.reduce((n, s) => n + s.events, 0);
  return [
    "## Imported records",
    "",
    `${total} events were not coded by hand: \`eventwire import\` brought them in from the datasets below, each record naming its`,
    "source dataset, version and original id in `provenance.origin` (`events.csv`: `origin_dataset`, `origin_version`, `origin_id`).",
    "Their sources' terms apply to them beside this dataset's licence: give the attribution they ask, and where a",
    "licence asks that copies be shared alike, share alike what you take of those records.",
    "",
    "| source dataset | events | licence and terms |",
    "|---|---:|---|",
    ...sources.map((s) => `| ${markdownText(s.mapping ? `${s.mapping.title} (${s.dataset})` : s.dataset)} | ${s.events} | ${markdownText(s.mapping ? s.mapping.dataset.licence : "not known to this toolkit: see the source dataset")} |`),
    "",
  ];
}

/** datapackage.json's `sources` entries for the imported datasets (Frictionless: title, and path where known). */
export function importedPackageSources(sources: readonly ImportedSource[]): Record<string, unknown>[] {
  return sources.map((s) => ({
    title: `${s.mapping ? s.mapping.title : s.dataset}: ${s.events} imported events (provenance.origin.dataset = ${s.dataset}); licence: ${s.mapping ? s.mapping.dataset.licence : "see the source"}`,
    ...(s.mapping?.dataset.url ? { path: s.mapping.dataset.url } : {}),
  }));
}
