/**
 * Other formats of a release's tables (Parquet files, the spreadsheet):
 * each is a sink that takes every table's rows, in the order of the CSV
 * files (tables.ts gives the rows; TableDefinition's columns their values
 * and types), and writes its files when the tables end. The release hands
 * each table's rows to every sink: the event tables from its events.jsonl
 * (read a line at a time, after the parts are joined), the others as it
 * writes their CSV files.
 */
import type { Event } from "../../schema/index.ts";
import { textLines } from "./changes.ts";
import { TABLES } from "./datapackage.ts";
import { ParquetSink } from "./parquet.ts";
import { visitEventRows, type RowVisitor, type TableDefinition } from "./tables.ts";
import { XLSX_MAX_EVENTS, XlsxSink } from "./xlsx.ts";

export interface TableSink extends RowVisitor {
  /** The tables have ended: writes what is left and closes its files. Returns the files it wrote (paths in the release folder, `/`-separated). */
  close(): Promise<string[]>;
  /** The build failed: closes its files without finishing them (the release's staging folder goes). */
  abandon(): void;
  /** Set by a sink that reads the tables from the CSV files when it closes (Parquet): the events need not be read again for it. */
  readonly fromCsv?: true;
}

/** What the sinks know of the release: its `created` time, its number of events, and limits set for it. */
export interface SinkRelease {
  created?: string;
  events: number;
  /** The largest release (in events) eventwire.xlsx is written for (xlsx.ts). */
  xlsxMaxEvents?: number;
}

/** The sinks of a release being built in `folder`: every other format of its tables, in the order their files are listed. */
export function releaseSinks(folder: string, release: SinkRelease): TableSink[] {
  const sinks: TableSink[] = [new ParquetSink(folder)];
  if (release.events <= (release.xlsxMaxEvents ?? XLSX_MAX_EVENTS)) sinks.push(new XlsxSink(folder, { created: release.created, tables: TABLES }));
  return sinks;
}

/** Several sinks as one: each row to each sink, in order. */
export class TableSinks implements RowVisitor {
  constructor(private readonly sinks: readonly TableSink[]) {}

  get length(): number {
    return this.sinks.length;
  }

  /** Whether a sink takes the rows as they come (else the release need not read events.jsonl for them). */
  get takesRows(): boolean {
    return this.sinks.some((s) => !s.fromCsv);
  }

  row<R>(table: TableDefinition<R>, record: R): void {
    for (const sink of this.sinks) sink.row(table, record);
  }

  /** Closes every sink; the files they wrote, in sink order. */
  async close(): Promise<string[]> {
    const files: string[] = [];
    for (const sink of this.sinks) files.push(...(await sink.close()));
    return files;
  }

  abandon(): void {
    for (const sink of this.sinks) sink.abandon();
  }
}

/** Hands the rows of each event of a release's events.jsonl (as the release wrote it: one event a line, latest version) to `visit`. */
export function visitEventsJsonl(file: string, visit: RowVisitor): number {
  let events = 0;
  for (const line of textLines(file)) {
    if (line === "") continue;
    visitEventRows(JSON.parse(line) as Event, visit);
    events++;
  }
  return events;
}
