/**
 * The dataset card (README.md of a release) and CITATION.cff: what the
 * release is, its counts, a dictionary of every column (from tables.ts), and
 * how to cite it. Counts are gathered while the events stream past.
 */
import type { Event } from "../../schema/index.ts";
import { stringify } from "yaml";
import { codeSpan, markdownText, markdownWithCode } from "../core/markdown.ts";
import { ABSTRACT, LICENCE, TITLE } from "./about.ts";
import { importedSection, importedSources } from "./imported.ts";
import { reliabilitySection, type ReliabilityData } from "./reliability.ts";
import { frontMatter } from "./card-front-matter.ts";
import { readsSection, tableResources } from "./card-reads.ts";
import { TABLES } from "./datapackage.ts";
import { JOIN, type TableDefinition } from "./tables.ts";
import { continentOf } from "../core/countries.ts";
import { spreadsheetSection } from "./xlsx.ts";

/** The counts as plain data (what a worker thread sends back). */
export interface EventCountsData {
  events: number;
  byStatus: Map<string, number>;
  byType: Map<string, number>;
  byCountry: Map<string, number>;
  byMonth: Map<string, number>;
  byYear: Map<string, number>;
  /** Events (tombstones included: their records are released too) by the language of their sources (BCP 47 tags as written; an event counts once a language). */
  byLanguage: Map<string, number>;
  /** Imported events (tombstones included) by their source dataset (`provenance.origin.dataset`). */
  byOrigin: Map<string, number>;
  /** Active events by how many outlets report them ("1", "2", "3", "4 or more"). */
  byOutlets: Map<string, number>;
  /** Active events by the continent of their places (an event counts once a continent; "no place" for an event with none). */
  byContinent: Map<string, number>;
  /** Active events by outlet id (an event counts once an outlet): how many outlets the dataset cites, and which most. */
  byOutlet: Map<string, number>;
}

const COUNT_MAPS = ["byStatus", "byType", "byCountry", "byYear", "byMonth", "byLanguage", "byOrigin", "byOutlets", "byContinent", "byOutlet"] as const;

/** Counts kept while the events stream past: small maps, whatever the number of events. */
export class EventCounts implements EventCountsData {
  events = 0;
  readonly byStatus = new Map<string, number>();
  readonly byType = new Map<string, number>();
  readonly byCountry = new Map<string, number>();
  readonly byMonth = new Map<string, number>();
  readonly byYear = new Map<string, number>();
  readonly byLanguage = new Map<string, number>();
  readonly byOrigin = new Map<string, number>();
  readonly byOutlets = new Map<string, number>();
  readonly byContinent = new Map<string, number>();
  readonly byOutlet = new Map<string, number>();

  data(): EventCountsData {
    return { events: this.events, byStatus: this.byStatus, byType: this.byType, byCountry: this.byCountry, byMonth: this.byMonth, byYear: this.byYear, byLanguage: this.byLanguage, byOrigin: this.byOrigin, byOutlets: this.byOutlets, byContinent: this.byContinent, byOutlet: this.byOutlet };
  }

  /** Adds the counts of another share of the events. */
  merge(other: EventCountsData): void {
    this.events += other.events;
    for (const name of COUNT_MAPS) for (const [key, n] of other[name]) this[name].set(key, (this[name].get(key) ?? 0) + n);
  }

  add(e: Event): void {
    this.events++;
    bump(this.byStatus, e.status);
    for (const l of new Set(e.sources.map((s) => s.language))) bump(this.byLanguage, l);
    if (e.provenance.origin) bump(this.byOrigin, e.provenance.origin.dataset);
    if (e.status !== "active") return;
    bump(this.byType, e.event_type);
    const countries = new Set((e.locations ?? []).map((l) => l.country));
    for (const c of countries) bump(this.byCountry, c);
    const continents = new Set([...countries].map((c) => continentOf(c) ?? "unknown"));
    if (continents.size === 0) continents.add("no place");
    for (const c of continents) bump(this.byContinent, c);
    bump(this.byYear, e.date.start.slice(0, 4));
    bump(this.byMonth, e.date.start.length >= 7 ? e.date.start.slice(0, 7) : `${e.date.start} (year only)`);
    const outlets = new Set(e.sources.map((s) => s.outlet));
    for (const o of outlets) bump(this.byOutlet, o);
    bump(this.byOutlets, outlets.size >= 4 ? "4 or more" : String(outlets.size));
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function countTable(title: string, counts: ReadonlyMap<string, number>, order: "count" | "key", max = Infinity): string[] {
  const rows = [...counts].sort((a, b) => (order === "count" ? b[1] - a[1] || (a[0] < b[0] ? -1 : 1) : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [`| ${title} | events |`, "|---|---:|", ...rows.slice(0, max).map(([k, n]) => `| ${markdownText(k)} | ${n} |`), ""];
}

/** The spread of the active events at a glance: places, years and outlets, as one sentence. */
function glanceLine(counts: EventCountsData, active: number): string {
  const years = [...counts.byYear.keys()].sort();
  const span = years.length === 0 ? "" : years.length === 1 ? `, in ${years[0]}` : `, ${years[0]} to ${years[years.length - 1]}`;
  const several = [...counts.byOutlets].filter(([k]) => k !== "1" && k !== "0").reduce((n, [, v]) => n + v, 0);
  return `Active events: ${active} in ${counts.byCountry.size} countries and territories${markdownText(span)}, citing ${counts.byOutlet.size} outlets; ${several} reported by two outlets or more.`;
}


/** The ids of the two kinds of files, side by side: the records' own field names (JSONL) and the tables' columns (CSV, Parquet). */
function idNamesSection(): string[] {
  const rows: [jsonl: string, csv: string][] = [
    ["`id`", "`event_id`"],
    ["`duplicate_of`", "`duplicate_of`"],
    ["`actors[].actor`", "`event_actors.actor_id`"],
    ["`sources[].outlet`", "`event_sources.outlet_id`"],
    ["`sources[].via`", "`event_sources.via_ids`"],
    ["`evidence[].source` (from 0)", "`event_evidence.source_position` (from 1)"],
    ["`locations[].geonames_id` (a number)", "`event_locations.geonames_id` (text)"],
  ];
  return [
    "## Names of ids",
    "",
    "`events.jsonl` keeps each record as the JSON Schema writes it: an event's own id is `id`, and a field that refers",
    "to a registry entry is named after what it refers to (`actor`, `outlet`, `via`). The tables put several ids side by",
    "side (`event_actors.csv` has an event and an actor), so each id column says whose id it holds (`event_id`,",
    "`actor_id`, `outlet_id`), with the same name in every table, the table of the entry itself included: a join is",
    "`USING (event_id)`. A column that lists ids ends in `_ids`. Positions in the tables count from 1; indexes in the",
    "records (`evidence[].source`, a claim's `location:<n>`) from 0, as the schema has them.",
    "",
    "| in `events.jsonl` | in the tables |",
    "|---|---|",
    ...rows.map(([jsonl, csv]) => `| ${markdownWithCode(jsonl, true)} | ${markdownWithCode(csv, true)} |`),
    "",
  ];
}

/** A table's key and its references to other tables (the foreign keys of datapackage.json), one line each. */
function keyLines(table: TableDefinition<never>): string[] {
  const fields = (names: string[]) => names.map((n) => codeSpan(n)).join(", ");
  const lines = [`Key: ${fields(table.primaryKey)}.`];
  for (const fk of table.foreignKeys ?? []) {
    const { resource } = fk.reference;
    const where = resource === undefined ? `another row of ${codeSpan(table.file)}` : codeSpan(TABLES.find((t) => t.name === resource)?.file ?? resource);
    lines.push(`References: ${fields(fk.fields)} → ${fields(fk.reference.fields)} of ${where}${fk.fields.every((f) => table.columns.find((c) => c.name === f)?.required) ? "" : " (where not empty)"}.`);
  }
  return lines.flatMap((l) => [l, ""]);
}

export function datasetCard(
  version: string,
  created: string | undefined,
  counts: EventCounts,
  formats: { xlsx?: boolean; xlsxMaxEvents?: number } = {},
  reliability?: ReliabilityData,
): string {
  const active = counts.byStatus.get("active") ?? 0;
  const resources = tableResources();
  const lines = [
    `# eventwire ${markdownText(version)}`,
    "",
    `${ABSTRACT} Licence: ${LICENCE}${counts.byOrigin.size > 0 ? " (imported records: their sources' terms too, see Imported records)" : ""}.`,
    "",
    `${created ? `Built from the repository as of ${markdownText(created)}. ` : ""}${counts.events} events: ${active} active, ${counts.events - active} tombstones (retracted or duplicate; kept so that their ids stay valid).`,
    "",
    ...(active > 0 ? [glanceLine(counts, active), ""] : []),
    "## Files",
    "",
    "| file | what it holds |",
    "|---|---|",
    "| `events.jsonl` | every event as one JSON object a line, in id order, as `schema/event.schema.json` describes |",
    ...TABLES.map((t) => `| ${codeSpan(t.file, true)} | ${markdownWithCode(t.description, true)} |`),
    "| `parquet/<table>.parquet` | each table above as Parquet (zstd): typed columns (dates as DATE, counts as INT64, ids as text), list columns as lists of strings |",
    "| `parquet/events/year=<YYYY>/part-0.parquet` | the events again, one file per year of `date_start` (hive partitioning: the year is in the path) |",
    "| `schema/*.schema.json` | the JSON Schemas (draft 2020-12) of the records |",
    "| `datapackage.json` | a Frictionless Data Package 2.0 descriptor: each table's columns, types, keys and relations |",
    "| `SHA256SUMS` | checksums of every file: `sha256sum -c SHA256SUMS` |",
    "| `CHANGELOG.md` | what changed since the previous release: counts by kind of change and the first ids (`changes.csv` has them all) |",
    ...(formats.xlsx === true ? ["| `eventwire.xlsx` | every table as a sheet of one spreadsheet, with typed cells (see Spreadsheets below) |"] : []),
    "| `CITATION.cff` | how to cite this release |",
    "| `index.html` | a landing page to open in a browser: counts, charts with tables of their numbers, the latest changes, every file with its size and SHA-256, how to cite (one file; it loads nothing) |",
    "",
    "CSV files are RFC 4180 (comma-separated, double quotes where needed, CRLF line ends), UTF-8 without a byte-order mark.",
    `A cell that lists several ids joins them with \`${JOIN}\`, which no id, code or tag can contain. Ids are text: read`,
    "them as strings. Every cell is exactly the data: nothing is escaped or prefixed for spreadsheets.",
    "",
    ...importedSection(importedSources(counts.byOrigin)),
    ...spreadsheetSection(formats.xlsx === true, formats.xlsxMaxEvents),
    ...readsSection(resources),
    ...idNamesSection(),
    ...reliabilitySection(reliability),
    "## Active events by type",
    "",
    ...countTable("event type", counts.byType, "count"),
    "## Active events by the number of outlets reporting them",
    "",
    ...countTable("outlets", counts.byOutlets, "key"),
    "## Active events by continent",
    "",
    "The continent of each place's country (an event placed on two continents counts on each), as the countries-list package gives it: one continent a country (Russia and Türkiye are in Asia).",
    "",
    ...countTable("continent", counts.byContinent, "count"),
    "## Active events by country",
    "",
    ...countTable("country (ISO 3166-1 alpha-3)", counts.byCountry, "count"),
    `## The ${Math.min(20, counts.byOutlet.size)} outlets cited by most active events`,
    "",
    `Of ${counts.byOutlet.size} outlets in all (\`outlets.csv\` names them; an event counts once an outlet).`,
    "",
    ...countTable("outlet (id)", counts.byOutlet, "count", 20),
    "## Events by the language of their reports",
    "",
    "Every event, tombstones included (an event counts once a language; BCP 47 tags as the records write them).",
    "",
    ...countTable("language", counts.byLanguage, "count"),
    "## Active events by year",
    "",
    ...countTable("year of the start date", counts.byYear, "key"),
    "## Active events by month",
    "",
    ...countTable("month of the start date", counts.byMonth, "key"),
    "## Columns",
    "",
  ];
  for (const table of TABLES) {
    lines.push(`### ${table.file}`, "", markdownWithCode(table.description), "", "| column | type | required | meaning |", "|---|---|---|---|");
    for (const c of table.columns)
      lines.push(`| ${codeSpan(c.name, true)} | ${c.type} | ${c.required ? "yes" : "no"} | ${markdownWithCode(c.description, true)}${c.values ? ` One of: ${c.values.map((v) => codeSpan(v, true)).join(", ")}.` : ""} |`);
    lines.push("", ...keyLines(table));
  }
  lines.push(
    "## How to cite",
    "",
    `eventwire contributors (${created ? created.slice(0, 4) : "n.d."}). *eventwire*, version ${markdownText(version)} [dataset]. CC BY 4.0. See \`CITATION.cff\`.`,
    "",
    "When you use an event, the report it cites (`event_sources.csv`) is the source of the facts; cite it too where it matters.",
    "",
  );
  return frontMatter({ version, events: counts.events, byLanguage: counts.byLanguage, resources }) + lines.join("\n");
}

/** CITATION.cff (Citation File Format 1.2.0), read by GitHub, Zenodo and reference managers. Written with the yaml library: every value quoted where YAML needs it. */
export function citationFile(version: string, created: string | undefined): string {
  const citation = {
    "cff-version": "1.2.0",
    message: "If you use this dataset, please cite it as below.",
    type: "dataset",
    title: TITLE,
    abstract: ABSTRACT,
    version,
    ...(created ? { "date-released": created.slice(0, 10) } : {}),
    license: "CC-BY-4.0",
    authors: [{ name: "eventwire contributors" }],
    keywords: ["event data", "news", "PLOVER"],
  };
  return stringify(citation, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
}
