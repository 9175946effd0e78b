/**
 * The release's tables as Parquet (a TableSink, table-sinks.ts):
 *
 *     parquet/<table>.parquet                      one file per table of tables.ts
 *     parquet/events/year=<YYYY>/part-0.parquet    the events again, by the year of date_start (hive partitioning)
 *
 * Typed from the column definitions (tables.ts): string -> STRING, integer ->
 * INT64 (every integer column: the Data Package's `integer` has no bound, and
 * pandas, R and DuckDB all read INT64 as their default integer), number ->
 * DOUBLE, date -> DATE, boolean -> BOOLEAN, a list column (joined with `|` in
 * its CSV cell) -> LIST<STRING> with its items in order (an empty list is a
 * null, as its CSV cell is empty). A missing value is a null; a required
 * column is REQUIRED (not nullable).
 *
 * Written with hyparquet-writer (pure JavaScript, Snappy), one row group of
 * ROW_GROUP rows at a time, so memory stays flat as the dataset grows. The
 * bytes depend on the rows alone: no clock, a fixed created_by, the rows in
 * the order of the CSV files.
 */
import { chmodSync, closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { ACTOR_TABLES, CHANGES, EVENT_TABLES, EVENTS, JOIN, OUTLETS, type Column, type RowVisitor, type TableDefinition } from "./tables.ts";

/** Rows in a row group (the last one of a file holds the rest). */
export const ROW_GROUP = 16384;
/** At most this many event rows wait for their year's row group; past it the fullest year writes its rows (memory stays flat however many years). */
export const PARTITION_BUFFER = 65536;
/** The writer named in every file (no version: the bytes stay the same across toolkit versions that write the same). */
export const CREATED_BY = "eventwire (hyparquet-writer)";
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
/** The partition of an event: the year its date_start begins with (YYYY, YYYY-MM or YYYY-MM-DD). */
export const yearOf = (dateStart: unknown) => (typeof dateStart === "string" && /^\d{4}/.test(dateStart) ? dateStart.slice(0, 4) : "__HIVE_DEFAULT_PARTITION__");

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];
type ColumnSource = Parameters<ParquetWriter["write"]>[0]["columnData"][number];
type Cell = string | number | bigint | boolean | string[] | null;

/** The Parquet schema of a table: a root, then each column (a list column as the three-level LIST of the Parquet spec). */
export function parquetSchema(table: TableDefinition<never>): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: "schema", num_children: table.columns.length }];
  for (const c of table.columns) {
    const repetition_type = c.required ? "REQUIRED" : "OPTIONAL";
    if (c.list) {
      schema.push({ name: c.name, repetition_type, converted_type: "LIST", num_children: 1 });
      schema.push({ name: "list", repetition_type: "REPEATED", num_children: 1 });
      schema.push({ name: "element", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" });
      continue;
    }
    switch (c.type) {
      case "string":
        schema.push({ name: c.name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type });
        break;
      case "integer":
        schema.push({ name: c.name, type: "INT64", repetition_type });
        break;
      case "number":
        schema.push({ name: c.name, type: "DOUBLE", repetition_type });
        break;
      case "date":
        schema.push({ name: c.name, type: "INT32", converted_type: "DATE", repetition_type });
        break;
      case "boolean":
        schema.push({ name: c.name, type: "BOOLEAN", repetition_type });
        break;
    }
  }
  return schema;
}

/** A value found where its column's type cannot hold it: the release stops and names it (validate should have). */
export class ParquetValueError extends Error {}

const DAY = 86_400_000;

/** A column's value as Parquet takes it: null when missing, a list split on JOIN, a date as days since 1970, an integer as a bigint. */
export function parquetCell(table: TableDefinition<never>, column: Column<never>, value: string | number | undefined): Cell {
  if (value === undefined || value === "") return null;
  const bad = (why: string) => new ParquetValueError(`${table.name}.${column.name}: ${JSON.stringify(value).slice(0, 80)} ${why}; run validate`);
  if (column.list) return String(value).split(JOIN);
  switch (column.type) {
    case "string":
      return String(value);
    case "integer": {
      const n = typeof value === "number" ? value : Number(value);
      if (!Number.isSafeInteger(n)) throw bad("is not an integer");
      return BigInt(n);
    }
    case "number": {
      const n = typeof value === "number" ? value : Number(value);
      if (!Number.isFinite(n)) throw bad("is not a number");
      return n;
    }
    case "date": {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
      const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
      if (!m || Number.isNaN(ms) || new Date(ms).getUTCDate() !== Number(m[3])) throw bad("is not a date (YYYY-MM-DD)");
      return Math.floor(ms / DAY);
    }
    case "boolean":
      if (value === "true" || value === "false") return value === "true";
      throw bad("is not a boolean");
  }
}

/** Bytes to a file descriptor as they are encoded, a chunk at a time (hyparquet-writer's own file writer reopens the file for each chunk). */
class FileWriter extends ByteWriter {
  constructor(private readonly fd: number) {
    super(1 << 20);
  }
  override ensure(size: number): void {
    if (this.index > 1 << 20) this.flush();
    super.ensure(size);
  }
  flush(): void {
    const bytes = new Uint8Array(this.buffer, 0, this.index);
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done);
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
}

/** One Parquet file being written: rows gather column by column and go out as row groups of ROW_GROUP rows. */
class ParquetFile {
  private readonly fd: number;
  private readonly writer: ParquetWriter;
  private columns: Cell[][];
  private closed = false;
  /** Rows taken so far (the index a column's value is given). */
  rows = 0;

  constructor(
    readonly rel: string,
    private readonly table: TableDefinition<never>,
    folder: string,
    private readonly rowGroup: number,
  ) {
    const file = path.join(folder, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, "wx", 0o644);
    this.writer = new ParquetWriter({ writer: new FileWriter(this.fd), schema: parquetSchema(table), codec: "SNAPPY", createdBy: CREATED_BY });
    this.columns = table.columns.map(() => []);
  }

  get pending(): number {
    return this.columns[0]?.length ?? 0;
  }

  add(cells: readonly Cell[]): void {
    this.rows++;
    for (let i = 0; i < cells.length; i++) this.columns[i]!.push(cells[i]!);
    if (this.pending >= this.rowGroup) this.flush();
  }

  /** Writes the rows gathered as one row group. */
  flush(): void {
    if (this.pending === 0) return;
    const columnData = this.table.columns.map((c, i): ColumnSource => ({ name: c.name, data: this.columns[i]!, nullable: !c.required }));
    this.columns = this.table.columns.map(() => []);
    void this.writer.write({ columnData, rowGroupSize: this.rowGroup });
  }

  close(): void {
    this.flush();
    void this.writer.finish();
    this.closed = true;
    closeSync(this.fd);
  }

  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      // Already closed: nothing to give back.
    }
  }
}

/** The Parquet files of a release being built in `folder` (the release's staging folder). */
export class ParquetSink implements RowVisitor {
  private readonly files = new Map<string, ParquetFile>();
  private readonly years = new Map<string, ParquetFile>();
  private yearRows = 0;
  private readonly dateStart = EVENTS.columns.findIndex((c) => c.name === "date_start");
  private readonly rowGroup: number;
  private readonly partitionBuffer: number;

  /** `options` for tests: smaller row groups and buffer than a release's. */
  constructor(
    private readonly folder: string,
    options: { rowGroup?: number; partitionBuffer?: number } = {},
  ) {
    this.rowGroup = options.rowGroup ?? ROW_GROUP;
    this.partitionBuffer = options.partitionBuffer ?? PARTITION_BUFFER;
    for (const table of PARQUET_TABLES) this.files.set(table.name, new ParquetFile(parquetPath(table), table, folder, this.rowGroup));
  }

  row<R>(table: TableDefinition<R>, record: R): void {
    const file = this.files.get(table.name);
    if (!file) return;
    const t = table as unknown as TableDefinition<never>;
    const index = file.rows;
    const cells = t.columns.map((c) => parquetCell(t, c, c.value(record as never, index)));
    file.add(cells);
    if (table.name === EVENTS.name) this.partition(cells);
  }

  /** An event's row to its year's file; when too many wait, the year with the most writes its row group. */
  private partition(cells: readonly Cell[]): void {
    const year = yearOf(cells[this.dateStart]);
    let file = this.years.get(year);
    if (!file) {
      file = new ParquetFile(partitionPath(year), EVENTS as unknown as TableDefinition<never>, this.folder, this.rowGroup);
      this.years.set(year, file);
    }
    file.add(cells);
    // A row group just written (add writes one at ROW_GROUP rows) no longer waits.
    this.yearRows += file.pending === 0 ? 1 - this.rowGroup : 1;
    if (this.yearRows > this.partitionBuffer) {
      let fullest = file;
      for (const f of this.years.values()) if (f.pending > fullest.pending) fullest = f;
      this.yearRows -= fullest.pending;
      fullest.flush();
    }
  }

  /** Finishes every file; returns them, the tables' files first, then the years in order. */
  async close(): Promise<string[]> {
    const written: string[] = [];
    for (const file of this.files.values()) {
      file.close();
      written.push(file.rel);
    }
    for (const year of [...this.years.keys()].sort()) {
      this.years.get(year)!.close();
      written.push(partitionPath(year));
    }
    // The folders as the release's own (schema/): the same modes whatever the umask.
    const folders = new Set(written.flatMap((rel) => rel.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
    for (const rel of folders) chmodSync(path.join(this.folder, rel), 0o755);
    return written;
  }

  abandon(): void {
    for (const file of [...this.files.values(), ...this.years.values()]) file.abandon();
  }
}
