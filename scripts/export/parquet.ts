/**
 * The release's tables as Parquet (a TableSink, table-sinks.ts):
 *
 *     parquet/<table>.parquet                      one file per table of tables.ts
 *     parquet/events/year=<YYYY>/part-0.parquet    the events again, by the year of date_start (hive partitioning)
 *
 * Written by DuckDB (@duckdb/node-api, in process) from the CSV files the
 * release has just written, when the tables end (close()): DuckDB's CSV reader
 * and Parquet writer run natively, several times faster than encoding the rows
 * in JavaScript (see the commit that chose it). Every column is read as text
 * and cast as its definition in tables.ts says: string -> STRING, integer ->
 * INT64 (every integer column: the Data Package's `integer` has no bound, and
 * pandas, R and DuckDB read INT64 as their default integer), number -> DOUBLE,
 * date -> DATE, boolean -> BOOLEAN, a list column (joined with `|` in its CSV
 * cell) -> LIST<STRING>, its items in order. An empty cell is a null (an empty
 * list too). DuckDB writes every column as nullable (OPTIONAL): the required
 * columns are declared in datapackage.json, and never null (tested).
 *
 * Zstd, row groups of ROW_GROUP rows, one thread (the same rows give the same
 * bytes: no clock, rows in the CSV's order, DuckDB's created_by names the
 * pinned version). Memory stays flat: DuckDB streams each CSV into its file.
 */
// Only its types here: the native module is loaded when the Parquet files are written (parquet.ts is reached from the
// dataset card, which each validate thread of a release loads; DuckDB in every thread cost some 100 MB of memory each).
import type { DuckDBConnection } from "@duckdb/node-api";
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ACTOR_TABLES, CHANGES, EVENT_TABLES, EVENTS, JOIN, OUTLETS, type Column, type TableDefinition } from "./tables.ts";

/** Rows in a row group (the last one of a file holds the rest; a multiple of DuckDB's vector of 2048). */
export const ROW_GROUP = 16384;
/** DuckDB's memory while it writes (measured: a release's peak at 1M events 500 MB with it, 694 MB without; 361 MB at 100k either way). */
export const MEMORY_LIMIT = "256MB";
export const PARQUET_FOLDER = "parquet";
export const PARQUET_MEDIATYPE = "application/vnd.apache.parquet";

/** Every table of a release, in the order datapackage.json lists them. */
export const PARQUET_TABLES: readonly TableDefinition<never>[] = [...EVENT_TABLES, ...ACTOR_TABLES, OUTLETS, CHANGES] as unknown as TableDefinition<never>[];

/** The Parquet file of a table, in the release folder. */
export const parquetPath = (table: { name: string }) => `${PARQUET_FOLDER}/${table.name}.parquet`;
/** Where the events' files by year are. */
export const PARTITION_PREFIX = `${PARQUET_FOLDER}/${EVENTS.name}/year=`;
/** The file of the events of one year (hive partitioning: the year is in the path, not in the file). */
export const partitionPath = (year: string) => `${PARTITION_PREFIX}${year}/part-0.parquet`;

/** A text as an SQL string literal. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
/** A name as an SQL identifier. */
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The SQL that turns a column's CSV cell (text; empty is null) into its Parquet value. */
export function castOf(column: Column<never>): string {
  const cell = `NULLIF(${ident(column.name)}, '')`;
  if (column.list) return `string_split(${cell}, ${literal(JOIN)})`;
  switch (column.type) {
    case "string":
      return cell;
    case "integer":
      return `CAST(${cell} AS BIGINT)`;
    case "number":
      return `CAST(${cell} AS DOUBLE)`;
    case "date":
      return `CAST(${cell} AS DATE)`;
    case "boolean":
      return `CAST(${cell} AS BOOLEAN)`;
  }
}

/** The query that reads a table's CSV file (RFC 4180 as output.ts writes it: header, `"` quotes doubled) with its columns typed. */
export function typedCsv(table: TableDefinition<never>, csvFile: string): string {
  const columns = table.columns.map((c) => `${literal(c.name)}: 'VARCHAR'`).join(", ");
  const select = table.columns.map((c) => `${castOf(c)} AS ${ident(c.name)}`).join(", ");
  return `SELECT ${select} FROM read_csv(${literal(csvFile)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${columns}}, auto_detect = false, strict_mode = true)`;
}

/** A table that could not be written as Parquet (a cell its type cannot hold: validate should have caught it). */
export class ParquetError extends Error {}

/** The Parquet files of a release being built in `folder` (the release's staging folder), written from its CSV files once they are complete. */
export class ParquetSink {
  private readonly rowGroup: number;
  private connection: DuckDBConnection | undefined;
  /** Reads the CSV files: the release need not hand it the events' rows. */
  readonly fromCsv = true as const;

  /** `options` for tests: smaller row groups than a release's. */
  constructor(
    private readonly folder: string,
    options: { rowGroup?: number } = {},
  ) {
    this.rowGroup = options.rowGroup ?? ROW_GROUP;
  }

  /** The rows are read back from the CSV files (their cells are exactly what the CSV holds). */
  row(): void {}

  /** Writes every table's file, then the events by year; returns them, the tables' files first, then the years in order. */
  async close(): Promise<string[]> {
    // One thread: the row groups, and so the bytes, do not depend on scheduling. No extension is fetched (Parquet is built in).
    // Memory capped (MEMORY_LIMIT; what does not fit goes to a folder beside the release folder, in the staging folder, removed here).
    const spill = path.join(this.folder, "..", ".parquet-spill");
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:", {
      threads: "1",
      preserve_insertion_order: "true",
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
      memory_limit: MEMORY_LIMIT,
      temp_directory: spill,
    });
    const connection = await instance.connect();
    this.connection = connection;
    const written: string[] = [];
    try {
      mkdirSync(path.join(this.folder, PARQUET_FOLDER));
      const options = `FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${this.rowGroup}`;
      for (const table of PARQUET_TABLES) {
        const rel = parquetPath(table);
        await this.run(rel, `COPY (${typedCsv(table, path.join(this.folder, table.file))}) TO ${literal(path.join(this.folder, rel))} (${options})`);
        written.push(rel);
      }
      // The events by year, from their Parquet file: the year is the path's (year=YYYY), not a column of the files.
      const byYear = path.join(this.folder, PARQUET_FOLDER, EVENTS.name);
      await this.run(
        `${PARQUET_FOLDER}/${EVENTS.name}/`,
        `COPY (SELECT *, CAST(substr(date_start, 1, 4) AS INTEGER) AS year FROM read_parquet(${literal(path.join(this.folder, parquetPath(EVENTS)))})) ` +
          `TO ${literal(byYear)} (${options}, PARTITION_BY (year), FILENAME_PATTERN 'part-{i}')`,
      );
      if (existsSync(byYear)) {
        const years = readdirSync(byYear).sort();
        for (const dir of years) {
          chmodSync(path.join(byYear, dir), 0o755);
          for (const file of readdirSync(path.join(byYear, dir)).sort()) written.push(`${PARQUET_FOLDER}/${EVENTS.name}/${dir}/${file}`);
        }
        if (years.length === 0) rmSync(byYear, { recursive: true });
        else chmodSync(byYear, 0o755);
      }
      // The folder as the release's own (schema/): the same mode whatever the umask.
      chmodSync(path.join(this.folder, PARQUET_FOLDER), 0o755);
      return written;
    } finally {
      this.connection = undefined;
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    }
  }

  private async run(rel: string, sql: string): Promise<void> {
    try {
      await this.connection!.run(sql);
    } catch (error) {
      throw new ParquetError(`${rel} could not be written: ${(error as Error).message.split("\n")[0]}; run validate`);
    }
  }

  /** The build failed: the release removes its staging folder, files included. */
  abandon(): void {
    try {
      this.connection?.closeSync();
    } catch {
      // Closed already.
    }
  }
}
