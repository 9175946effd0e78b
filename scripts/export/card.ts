/**
 * The dataset card (README.md of a release) and CITATION.cff: what the
 * release is, its counts, a dictionary of every column (from tables.ts), and
 * how to cite it. Counts are gathered while the events stream past.
 */
import type { Event } from "../../schema/index.ts";
import { codeSpan, markdownCell, markdownText } from "../core/markdown.ts";
import { TABLES } from "./datapackage.ts";
import { JOIN } from "./tables.ts";
import { spreadsheetSection } from "./xlsx.ts";

/** The counts as plain data (what a worker thread sends back). */
export interface EventCountsData {
  events: number;
  byStatus: Map<string, number>;
  byType: Map<string, number>;
  byCountry: Map<string, number>;
  byMonth: Map<string, number>;
  byYear: Map<string, number>;
}

const COUNT_MAPS = ["byStatus", "byType", "byCountry", "byYear", "byMonth"] as const;

/** Counts kept while the events stream past: small maps, whatever the number of events. */
export class EventCounts implements EventCountsData {
  events = 0;
  readonly byStatus = new Map<string, number>();
  readonly byType = new Map<string, number>();
  readonly byCountry = new Map<string, number>();
  readonly byMonth = new Map<string, number>();
  readonly byYear = new Map<string, number>();

  data(): EventCountsData {
    return { events: this.events, byStatus: this.byStatus, byType: this.byType, byCountry: this.byCountry, byMonth: this.byMonth, byYear: this.byYear };
  }

  /** Adds the counts of another share of the events. */
  merge(other: EventCountsData): void {
    this.events += other.events;
    for (const name of COUNT_MAPS) for (const [key, n] of other[name]) this[name].set(key, (this[name].get(key) ?? 0) + n);
  }

  add(e: Event): void {
    this.events++;
    bump(this.byStatus, e.status);
    if (e.status !== "active") return;
    bump(this.byType, e.event_type);
    for (const c of new Set(e.locations.map((l) => l.country))) bump(this.byCountry, c);
    bump(this.byYear, e.date.start.slice(0, 4));
    bump(this.byMonth, e.date.start.length >= 7 ? e.date.start.slice(0, 7) : `${e.date.start} (year only)`);
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function countTable(title: string, counts: ReadonlyMap<string, number>, order: "count" | "key"): string[] {
  const rows = [...counts].sort((a, b) => (order === "count" ? b[1] - a[1] || (a[0] < b[0] ? -1 : 1) : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [`| ${title} | events |`, "|---|---:|", ...rows.map(([k, n]) => `| ${markdownText(k)} | ${n} |`), ""];
}


export function datasetCard(
  version: string,
  created: string | undefined,
  counts: EventCounts,
  formats: { xlsx?: boolean; xlsxMaxEvents?: number } = {},
): string {
  const active = counts.byStatus.get("active") ?? 0;
  const lines = [
    `# eventwire ${version}`,
    "",
    "News events (who did what to whom, where and when) coded by hand from public news reports, each citing the outlets",
    "that reported it and the agencies they credit, with registries of actors and outlets. Event types are the 16 PLOVER",
    "categories. Licence: CC BY 4.0.",
    "",
    `${created ? `Built from the repository as of ${created}. ` : ""}${counts.events} events: ${active} active, ${counts.events - active} tombstones (retracted or duplicate; kept so that their ids stay valid).`,
    "",
    "## Files",
    "",
    "| file | what it holds |",
    "|---|---|",
    "| `events.jsonl` | every event as one JSON object a line, in id order, as `schema/event.schema.json` describes |",
    ...TABLES.map((t) => `| ${codeSpan(t.file, true)} | ${markdownCell(t.description)} |`),
    "| `schema/*.schema.json` | the JSON Schemas (draft 2020-12) of the records |",
    "| `datapackage.json` | a Frictionless Data Package 2.0 descriptor: each table's columns, types, keys and relations |",
    "| `SHA256SUMS` | checksums of every file: `sha256sum -c SHA256SUMS` |",
    "| `CITATION.cff` | how to cite this release |",
    "",
    "CSV files are RFC 4180 (comma-separated, double quotes where needed, CRLF line ends), UTF-8 without a byte-order mark.",
    `A cell that lists several ids joins them with \`${JOIN}\`, which no id, code or tag can contain. Ids are text: read`,
    "them as strings. Every cell is exactly the data: nothing is escaped or prefixed for spreadsheets.",
    "",
    ...spreadsheetSection(formats.xlsx === true, formats.xlsxMaxEvents),
    "## Active events by type",
    "",
    ...countTable("event type", counts.byType, "count"),
    "## Active events by country",
    "",
    ...countTable("country (ISO 3166-1 alpha-3)", counts.byCountry, "count"),
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
    lines.push(`### ${table.file}`, "", table.description, "", "| column | type | required | meaning |", "|---|---|---|---|");
    for (const c of table.columns)
      lines.push(`| ${codeSpan(c.name, true)} | ${c.type} | ${c.required ? "yes" : "no"} | ${markdownCell(c.description)}${c.values ? ` One of: ${c.values.map((v) => codeSpan(v, true)).join(", ")}.` : ""} |`);
    lines.push("", `Key: ${table.primaryKey.map((k) => `\`${k}\``).join(", ")}.`, "");
  }
  lines.push(
    "## How to cite",
    "",
    `eventwire contributors (${created ? created.slice(0, 4) : "n.d."}). *eventwire*, version ${version} [dataset]. CC BY 4.0. See \`CITATION.cff\`.`,
    "",
    "When you use an event, the report it cites (`event_sources.csv`) is the source of the facts; cite it too where it matters.",
    "",
  );
  return lines.join("\n");
}

/** CITATION.cff (Citation File Format 1.2.0), read by GitHub, Zenodo and reference managers. */
export function citationFile(version: string, created: string | undefined): string {
  const lines = [
    "cff-version: 1.2.0",
    "message: If you use this dataset, please cite it as below.",
    "type: dataset",
    'title: "eventwire: news events, coded by hand from public reports"',
    `version: "${version}"`,
    ...(created ? [`date-released: "${created.slice(0, 10)}"`] : []),
    "license: CC-BY-4.0",
    "authors:",
    '  - name: "eventwire contributors"',
    "keywords:",
    "  - event data",
    "  - news",
    "  - PLOVER",
  ];
  return lines.join("\n") + "\n";
}
