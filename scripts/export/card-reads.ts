/**
 * The dataset card's "read it with its types" section: for each table, the
 * one-line read that keeps the declared types in pandas, R (readr), DuckDB
 * and Excel (Power Query), generated from the table's Table Schema as
 * datapackage.json gives it (tableSchema), never written per column. Default
 * readers guess: an empty optional column comes in as float64 (pandas) or
 * logical (R), a partly filled numeric-looking id as `2950159.0`. These reads
 * say every column's type, and only an empty cell is missing.
 */
import { codeBlock, codeSpan } from "../core/markdown.ts";
import { TABLES, tableSchema } from "./datapackage.ts";
import type { FieldType } from "./tables.ts";

/** What the reads need of a Data Package table resource. */
export interface TableResource {
  name: string;
  path: string;
  schema: { fields: { name: string; type: FieldType }[] };
}

/** Every table of a release as a Data Package resource (the same Table Schemas as datapackage.json). */
export function tableResources(): TableResource[] {
  return TABLES.map((t) => ({ name: t.name, path: t.file, schema: tableSchema(t) as unknown as TableResource["schema"] }));
}

/** Where the Parquet files of a table are (part of the release's agreed names). */
export const parquetPath = (table: string) => `parquet/${table}.parquet`;

/** A string literal in Python, R, JavaScript and Power Query alike for the names here (JSON's double-quoted string). */
const quoted = (s: string) => JSON.stringify(s);
/** A string literal in SQL. */
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

const PANDAS: Record<Exclude<FieldType, "date">, string> = { string: "string", integer: "Int64", number: "float64", boolean: "boolean" };
const READR: Record<FieldType, string> = { string: "c", integer: "i", number: "d", date: "D", boolean: "l" };
const DUCKDB: Record<FieldType, string> = { string: "VARCHAR", integer: "BIGINT", number: "DOUBLE", date: "DATE", boolean: "BOOLEAN" };
const POWER_QUERY: Record<FieldType, string> = { string: "type text", integer: "Int64.Type", number: "type number", date: "type date", boolean: "type logical" };

/** pandas: strings (ids included) as "string", integers as nullable "Int64", dates parsed; only an empty cell is missing. */
export function pandasRead(r: TableResource): string {
  const dtype = r.schema.fields.filter((f) => f.type !== "date").map((f) => `${quoted(f.name)}: ${quoted(PANDAS[f.type as Exclude<FieldType, "date">])}`);
  const dates = r.schema.fields.filter((f) => f.type === "date").map((f) => quoted(f.name));
  return `${r.name} = pd.read_csv(${quoted(r.path)}, dtype={${dtype.join(", ")}}, keep_default_na=False, na_values=[""]${dates.length > 0 ? `, parse_dates=[${dates.join(", ")}]` : ""})`;
}

const R_RESERVED = new Set(["if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE", "NULL", "Inf", "NaN", "NA", "in"]);
const rName = (name: string) => (/^[A-Za-z][A-Za-z0-9._]*$/.test(name) && !R_RESERVED.has(name) ? name : `\`${name.replace(/[`\\]/g, "\\$&")}\``);

/** R (readr): every column's type given, only an empty cell is NA (not the text "NA"). */
export function readrRead(r: TableResource): string {
  const types = r.schema.fields.map((f) => `${rName(f.name)} = ${quoted(READR[f.type])}`);
  return `${r.name} <- readr::read_csv(${quoted(r.path)}, col_types = readr::cols(${types.join(", ")}), na = "")`;
}

/** DuckDB: the dialect and every column's type given (nothing sniffed); an empty cell is NULL. */
export function duckdbRead(r: TableResource): string {
  const columns = r.schema.fields.map((f) => `${sqlString(f.name)}: ${sqlString(DUCKDB[f.type])}`);
  return `CREATE TABLE ${r.name} AS SELECT * FROM read_csv(${sqlString(r.path)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${columns.join(", ")}});`;
}

/** Excel (Power Query M, Data > Get Data > Blank Query > Advanced Editor): read as UTF-8 (code page 65001), the types set column by column. */
export function powerQueryRead(r: TableResource): string {
  const types = r.schema.fields.map((f) => `{${quoted(f.name)}, ${POWER_QUERY[f.type]}}`);
  return `let Folder = "C:\\eventwire\\", Source = Csv.Document(File.Contents(Folder & ${quoted(r.path)}), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]), Headers = Table.PromoteHeaders(Source, [PromoteAllScalars = false]), Typed = Table.TransformColumnTypes(Headers, {${types.join(", ")}}) in Typed`;
}

/** The card's section: Parquet first, then the typed CSV reads of every table, one block a reader. */
export function readsSection(resources: readonly TableResource[] = tableResources()): string[] {
  const events = resources.find((r) => r.name === "events") ?? resources[0]!;
  return [
    "## Reading the tables with their types",
    "",
    `Read the Parquet files first: ${codeSpan("parquet/<table>.parquet")} holds each table with its types (dates as dates, counts as`,
    "integers, ids as text, lists as lists), and every reader keeps them (pandas reads Parquet through pyarrow or",
    "fastparquet, R through the arrow package: install one, or read the CSV files as below):",
    "",
    ...codeBlock("python", ["import pandas as pd", `${events.name} = pd.read_parquet(${quoted(parquetPath(events.name))})`]),
    "",
    ...codeBlock("r", [`${events.name} <- arrow::read_parquet(${quoted(parquetPath(events.name))})`]),
    "",
    ...codeBlock("sql", [
      `SELECT * FROM read_parquet(${sqlString(parquetPath(events.name))});`,
      `-- events by year of date_start, one folder a year (hive partitioning): only the years asked for are read`,
      `SELECT * FROM read_parquet('parquet/events/*/*.parquet', hive_partitioning = true) WHERE year = 2023;`,
    ]),
    "",
    "The CSV files, read with default settings, lose types: an empty optional column comes in as numbers (float64 in",
    "pandas, logical in R), and a partly filled id that looks like a number (`geonames_id` 2950159) as `2950159.0`.",
    "The reads below, generated from the Table Schemas of `datapackage.json`, give every column its declared type and",
    "take only an empty cell as missing (a text such as `NA` stays text). Lists stay text joined with `|`: split them",
    "where needed. `date_start`, `date_end`, `first_published` and `published` are text on purpose: their precision",
    "varies (`2023`, `2023-02`, `2023-02-28`, or a date-time with its offset).",
    "",
    "pandas (the dtype names need pandas 1.0 or later):",
    "",
    ...codeBlock("python", ["import pandas as pd", ...resources.map(pandasRead)]),
    "",
    "R, with readr:",
    "",
    ...codeBlock("r", resources.map(readrRead)),
    "",
    "DuckDB (run in the release folder):",
    "",
    ...codeBlock("sql", resources.map(duckdbRead)),
    "",
    "Excel: Data > Get Data > From Other Sources > Blank Query > Advanced Editor, paste a table's query and set `Folder` to",
    "the release folder (with its final `\\`). Code page 65001 reads the file as UTF-8, and the types keep ids as text. By",
    "hand instead: Data > From Text/CSV, File Origin \"65001: Unicode (UTF-8)\", Transform Data, and give each column the",
    "type above.",
    "",
    ...codeBlock("powerquery", resources.map(powerQueryRead)),
    "",
  ];
}
