/**
 * The release's `datapackage.json`: a Frictionless Data Package 2.0
 * descriptor, so that frictionless, pandas' readers, R's frictionless package
 * or DuckDB users get each table's types, keys and relations. The Table
 * Schemas come from the same definitions as the CSV files (tables.ts).
 */
import { LATEST_VERSION, RECORD_KINDS } from "../../schema/versions.ts";
import { ABSTRACT, TITLE } from "./about.ts";
import { importedPackageSources, type ImportedSource } from "./imported.ts";
import type { FileFacts } from "./output.ts";
import { PARQUET_MEDIATYPE, PARQUET_TABLES, parquetPath, PARTITION_PREFIX } from "./parquet.ts";
import type { ReliabilityData } from "./reliability.ts";
import { ACTOR_ALIASES, ACTOR_OFFICES, ACTORS, CHANGES, EVENT_ACTORS, EVENT_EVIDENCE, EVENT_LOCATIONS, EVENT_SOURCES, EVENTS, OUTLETS, type TableDefinition } from "./tables.ts";
import { XLSX_FILE, xlsxResource } from "./xlsx.ts";

export const PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";

/** The CSV dialect every table is written in (RFC 4180, CRLF). */
export const DIALECT = {
  $schema: "https://datapackage.org/profiles/2.0/tabledialect.json",
  header: true,
  delimiter: ",",
  lineTerminator: "\r\n",
  quoteChar: '"',
  doubleQuote: true,
};

export const TABLES: readonly TableDefinition<never>[] = [EVENTS, EVENT_ACTORS, EVENT_LOCATIONS, EVENT_SOURCES, EVENT_EVIDENCE, ACTORS, ACTOR_ALIASES, ACTOR_OFFICES, OUTLETS, CHANGES] as unknown as TableDefinition<never>[];

/** A table's or column's description as its Parquet file holds it: lists are lists there, not text joined with `|`. */
export function asParquet(description: string): string {
  return description.replace(/ ?Lists of ids join with `\|`\./g, "").replace(/,? joined with `\|`/g, ", as a list");
}

/**
 * A table's Table Schema, as datapackage.json gives it (the card's typed reads are generated from it too);
 * `lists` "array" types the list columns as the arrays they are in Parquet (in a CSV they are strings joined with `|`).
 */
export function tableSchema(table: TableDefinition<never>, lists: "string" | "array" = "string"): Record<string, unknown> {
  const schema: Record<string, unknown> = {
    $schema: "https://datapackage.org/profiles/2.0/tableschema.json",
    fields: table.columns.map((c) => {
      const constraints: Record<string, unknown> = {};
      if (c.required) constraints.required = true;
      if (c.values) constraints.enum = [...c.values];
      const type = c.list && lists === "array" ? "array" : c.type;
      const description = lists === "array" ? asParquet(c.description) : c.description;
      return { name: c.name, type, description, ...(Object.keys(constraints).length > 0 ? { constraints } : {}) };
    }),
    missingValues: [""],
    primaryKey: table.primaryKey,
  };
  // The Parquet resources refer to each other's rows (a reference without a resource is to its own table).
  if (table.foreignKeys)
    schema.foreignKeys =
      lists === "array" ? table.foreignKeys.map((fk) => ({ ...fk, reference: fk.reference.resource === undefined ? fk.reference : { ...fk.reference, resource: `${fk.reference.resource}-parquet` } })) : table.foreignKeys;
  return schema;
}

export function datapackageDescriptor(
  version: string,
  created: string | undefined,
  facts: ReadonlyMap<string, FileFacts>,
  imported: readonly ImportedSource[] = [],
  reliability?: ReliabilityData,
): Record<string, unknown> {
  const fileFacts = (file: string) => {
    const f = facts.get(file);
    if (!f) throw new Error(`${file} is not in the release`);
    return { bytes: f.bytes, hash: `sha256:${f.sha256}` };
  };
  const resources: Record<string, unknown>[] = TABLES.map((table) => ({
    name: table.name,
    type: "table",
    path: table.file,
    description: table.description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    ...fileFacts(table.file),
    dialect: DIALECT,
    schema: tableSchema(table),
  }));
  // The same tables as Parquet (parquet.ts): typed, the list columns as lists of strings.
  for (const table of PARQUET_TABLES)
    resources.push({
      name: `${table.name}-parquet`,
      type: "table",
      path: parquetPath(table),
      description: `${asParquet(table.description)} As Parquet: typed columns; list columns are lists of strings.`,
      format: "parquet",
      mediatype: PARQUET_MEDIATYPE,
      ...fileFacts(parquetPath(table)),
      schema: tableSchema(table, "array"),
    });
  const years = [...facts.keys()].filter((f) => f.startsWith(PARTITION_PREFIX)).sort();
  if (years.length > 0)
    resources.push({
      name: "events-parquet-by-year",
      type: "table",
      path: years,
      description:
        "The events table as Parquet, one file per year of date_start (hive partitioning: the year is in each file's path, year=YYYY, not in the file). " +
        "Read them as one table with DuckDB's read_parquet('parquet/events/*/*.parquet', hive_partitioning = true) or pyarrow's dataset; a filter on year reads only that year's file. Each file's size and SHA-256 are in SHA256SUMS.",
      format: "parquet",
      mediatype: PARQUET_MEDIATYPE,
      schema: tableSchema(EVENTS as unknown as TableDefinition<never>, "array"),
    });
  resources.push({
    name: "events-jsonl",
    path: "events.jsonl",
    description: `Every event as a JSON object on its own line (JSON Lines), in id order, as the event JSON Schema ${LATEST_VERSION} describes (schema/event.schema.json).`,
    format: "jsonl",
    mediatype: "application/jsonl",
    encoding: "utf-8",
    ...fileFacts("events.jsonl"),
  });
  // The spreadsheet (xlsx.ts), where the release has one.
  if (facts.has(XLSX_FILE)) resources.push(xlsxResource(fileFacts(XLSX_FILE)));
  for (const kind of RECORD_KINDS)
    resources.push({
      name: `${kind}-json-schema`,
      path: `schema/${kind}.schema.json`,
      description: `JSON Schema (draft 2020-12) of ${kind} records, version ${LATEST_VERSION}.`,
      format: "json",
      mediatype: "application/schema+json",
      encoding: "utf-8",
      ...fileFacts(`schema/${kind}.schema.json`),
    });
  return {
    $schema: PROFILE,
    name: "eventwire",
    title: TITLE,
    description: ABSTRACT,
    version,
    ...(created ? { created } : {}),
    licenses: [{ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 International" }],
    sources: [{ title: "The news reports cited in each event's sources (events.csv outlet_ids, event_sources.csv)" }, ...importedPackageSources(imported)],
    contributors: [{ title: "eventwire contributors (the coders are named in each event's coded_by)", roles: ["author"] }],
    keywords: ["events", "news", "PLOVER", "event data"],
    // A property of this package's own (Data Package 2.0 allows them): the card's Reliability figures, when measured.
    ...(reliability && reliability.coders.length > 0 ? { "eventwire:reliability": reliabilityProperty(reliability) } : {}),
    resources,
  };
}

/** The agreement with each second coding as data: Krippendorff's alpha (null when undefined), percent agreement and units by field. */
function reliabilityProperty(data: ReliabilityData): Record<string, unknown>[] {
  return data.coders.map((c) => ({
    coder: c.coder,
    articles: c.articles,
    units: c.units,
    unmatched: c.unmatched,
    fields: c.fields.map((f) => ({ field: f.field, metric: f.metric, alpha: f.alpha ?? null, percentAgreement: f.percent ?? null, units: f.units })),
  }));
}
