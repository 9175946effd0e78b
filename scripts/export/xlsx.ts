/**
 * eventwire.xlsx: the tables of a release as one spreadsheet, a sheet per
 * table (the sheet named as the table), written with exceljs's streaming
 * WorkbookWriter. Cells are typed from the column definitions (tables.ts):
 * text for strings (ids stay text: a GeoNames id "2950159" is not a number),
 * numbers for integer and number columns, real dates (yyyy-mm-dd) for date
 * columns, and a list as its joined text, as in the CSV cell. The header row
 * holds the column names and is frozen.
 *
 * The release hands the rows of its tables interleaved (an event's row, then
 * its actors', locations'...), but a zip holds one sheet after another: each
 * table's rows are spooled to a file of their own in the release's staging
 * folder (one JSON array a line) and the sheets are written one at a time
 * when the tables end, so memory stays flat as rows grow. The spool files
 * are removed (they are never listed or archived).
 *
 * The same data gives the same bytes: no shared strings, the workbook's
 * created/modified times and every zip entry's time are the release's
 * `created` (never the clock).
 *
 * Size: Excel holds 1,048,576 rows a sheet, and exceljs writes some 10-45k
 * rows a second (as busy as the machine is), so the spreadsheet is written only for releases of at most
 * XLSX_MAX_EVENTS events whose tables each fit in a sheet; above that it is
 * skipped and the dataset card says so (spreadsheetSection).
 */
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { textLines } from "./changes.ts";
import { OpenFiles, OutputFile } from "./output.ts";
import type { TableDefinition } from "./tables.ts";

export const XLSX_FILE = "eventwire.xlsx";

/** Rows a sheet holds in Excel (and LibreOffice), the header row included. */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * The largest release (in events) the spreadsheet is written for. A release
 * of 10,000 bench events has 89,176 table rows: exceljs took 8.9 s for them
 * on 2 shared cores (load 8; about 44k rows a second on a quieter machine, so
 * 2-3 s), where the rest of that release took 14 s. Releases above it get no
 * eventwire.xlsx (the card says so), and a 100k release pays nothing for it.
 * EVENTWIRE_XLSX_MAX_EVENTS sets another limit (for tests; or to accept the
 * time on a bigger release).
 */
export const XLSX_MAX_EVENTS = 10_000;

export interface XlsxOptions {
  /** The release's `created` (ISO 8601): the workbook's times and the zip entries'. */
  created?: string;
  /** The tables, in sheet order (every one gets a sheet, empty ones a header only). */
  tables: readonly TableDefinition<never>[];
  /** Rows a sheet may hold, the header included (tests set a small one). */
  maxRows?: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date cell's value: the day at 00:00 UTC (exceljs turns it into the serial number Excel keeps), or the text as it is if it is not a day. */
function dateCell(value: string): Date | string {
  const m = DATE.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? value : date;
}

/** The width of a column, in characters: its name's, within bounds (fixed, so no cell is measured). */
function columnWidth(name: string, type: string): number {
  if (type === "date") return 12;
  return Math.min(40, Math.max(10, name.length + 2));
}

/** A TableSink (table-sinks.ts, which lists it in releaseSinks: it is not imported here, so that the two make no cycle). */
export class XlsxSink {
  private readonly open = new OpenFiles();
  private readonly spools = new Map<string, { file: string; out: OutputFile | undefined; rows: number }>();
  private readonly maxRows: number;
  /** Why the spreadsheet is not written, once a table is too long for a sheet. */
  skipped: string | undefined;

  constructor(
    private readonly folder: string,
    private readonly options: XlsxOptions,
  ) {
    this.maxRows = options.maxRows ?? EXCEL_MAX_ROWS;
    for (const table of options.tables) this.spools.set(table.name, { file: path.join(folder, `.${XLSX_FILE}.${table.name}.rows`), out: undefined, rows: 0 });
  }

  row<R>(table: TableDefinition<R>, record: R): void {
    if (this.skipped !== undefined) return;
    const spool = this.spools.get(table.name);
    if (spool === undefined) return;
    if (spool.rows + 2 > this.maxRows) {
      this.skipped = `${table.name} has more than ${this.maxRows - 1} rows, more than a sheet holds`;
      this.removeSpools();
      return;
    }
    spool.out ??= new OutputFile(spool.file, this.open, false);
    const cells = table.columns.map((c) => c.value(record, spool.rows));
    spool.out.write(JSON.stringify(cells) + "\n");
    spool.rows++;
  }

  async close(): Promise<string[]> {
    if (this.skipped !== undefined) return [];
    for (const spool of this.spools.values()) spool.out?.close();
    const file = path.join(this.folder, XLSX_FILE);
    try {
      await this.writeWorkbook(file);
      fixZipTimes(file, new Date(this.options.created ?? 0));
    } finally {
      this.removeSpools();
    }
    return [XLSX_FILE];
  }

  abandon(): void {
    this.removeSpools();
  }

  private removeSpools(): void {
    this.open.closeAll();
    for (const spool of this.spools.values()) {
      spool.out = undefined;
      rmSync(spool.file, { force: true });
    }
  }

  private async writeWorkbook(file: string): Promise<void> {
    const time = new Date(this.options.created ?? 0);
    // Loaded here, not with the module: the dataset card (and so the validate workers) import this file.
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    workbook.creator = "eventwire contributors";
    workbook.lastModifiedBy = "eventwire contributors";
    workbook.created = time;
    workbook.modified = time;
    for (const table of this.options.tables) {
      const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = table.columns.map((c) => ({
        header: c.name,
        key: c.name,
        width: columnWidth(c.name, c.type),
        ...(c.type === "date" ? { style: { numFmt: "yyyy-mm-dd" } } : {}),
      }));
      const dates = table.columns.flatMap((c, i) => (c.type === "date" ? [i] : []));
      const spool = this.spools.get(table.name)!;
      if (spool.rows > 0) {
        let n = 0;
        for (const line of textLines(spool.file)) {
          if (line === "") continue;
          const cells = JSON.parse(line) as (string | number | null)[];
          for (const i of dates) if (typeof cells[i] === "string") cells[i] = dateCell(cells[i] as string) as unknown as string;
          sheet.addRow(cells).commit();
          // The zip takes the sheet's XML as it comes: a turn of the event loop now and then lets it (memory stays flat).
          if (++n % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      }
      sheet.commit();
    }
    await workbook.commit();
  }
}

/**
 * Sets the time of every entry of a zip file (local headers and central
 * directory) to `date` (UTC, as MS-DOS time: from 1980 on, 2-second steps):
 * the zip library stamps each entry with the clock.
 */
export function fixZipTimes(file: string, date: Date): void {
  const year = date.getUTCFullYear();
  const dosTime = year < 1980 ? 0 : ((date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)) & 0xffff;
  const dosDate = year < 1980 ? (1 << 5) | 1 : year > 2107 ? (127 << 9) | (12 << 5) | 31 : (((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()) & 0xffff;
  const fd = openSync(file, "r+");
  try {
    const size = fstatSync(fd).size;
    // The end of central directory record: within the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw new Error(`${file}: no end of central directory record`);
    let entries = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
      // Zip64: the zip64 end of central directory record, through its locator (20 bytes before the record).
      const locator = eocd - 20;
      if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50) throw new Error(`${file}: zip64 without its locator`);
      const record = Buffer.alloc(56);
      readSync(fd, record, 0, 56, Number(tail.readBigUInt64LE(locator + 8)));
      entries = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    const stamp = Buffer.alloc(4);
    stamp.writeUInt16LE(dosTime, 0);
    stamp.writeUInt16LE(dosDate, 2);
    for (let at = 0, n = 0; n < entries; n++) {
      if (cd.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: central directory entry ${n} is not one`);
      stamp.copy(cd, at + 12);
      let local = cd.readUInt32LE(at + 42);
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      if (local === 0xffffffff) {
        // The offset is in the entry's zip64 extra field, after the sizes that are also too large for 32 bits.
        let x = at + 46 + nameLength;
        const end = x + extraLength;
        while (x + 4 <= end) {
          const id = cd.readUInt16LE(x);
          const length = cd.readUInt16LE(x + 2);
          if (id === 0x0001) {
            let field = x + 4;
            if (cd.readUInt32LE(at + 24) === 0xffffffff) field += 8;
            if (cd.readUInt32LE(at + 20) === 0xffffffff) field += 8;
            local = Number(cd.readBigUInt64LE(field));
            break;
          }
          x += 4 + length;
        }
      }
      writeSync(fd, stamp, 0, 4, local + 10);
      at += 46 + nameLength + extraLength + cd.readUInt16LE(at + 32);
    }
    writeSync(fd, cd, 0, cdSize, cdOffset);
  } finally {
    closeSync(fd);
  }
}

/** The spreadsheet's resource in datapackage.json (not a table resource: its tables are the CSV files'). */
export function xlsxResource(facts: { bytes: number; hash: string }): Record<string, unknown> {
  return {
    name: "eventwire-xlsx",
    path: XLSX_FILE,
    description: "The tables as one spreadsheet (Office Open XML): a sheet per table, named as the table, with the CSV files' rows and typed cells (ids as text, numbers, dates).",
    format: "xlsx",
    mediatype: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ...facts,
  };
}

/** The largest release (in events) the spreadsheet is written for: EVENTWIRE_XLSX_MAX_EVENTS (a count of events, 0 or more), or XLSX_MAX_EVENTS. */
export function xlsxMaxEvents(value: string | undefined): number {
  if (value === undefined || value === "") return XLSX_MAX_EVENTS;
  if (!/^\d+$/.test(value)) throw new Error(`EVENTWIRE_XLSX_MAX_EVENTS expects a number of events (0 or more), got \`${value}\``);
  return Number(value);
}

/**
 * The dataset card's section on spreadsheets: which file to open (the .xlsx)
 * and why, how to open the UTF-8 CSVs without mojibake, and, when the
 * spreadsheet was not written, the limit that left it out.
 */
export function spreadsheetSection(xlsxWritten: boolean, maxEvents = XLSX_MAX_EVENTS): string[] {
  return [
    "## Spreadsheets",
    "",
    xlsxWritten
      ? "Open `eventwire.xlsx` in a spreadsheet: one sheet per table (named as the table), with typed cells: ids are text (a"
      : `This release has no \`eventwire.xlsx\`: it is written only for releases of at most ${maxEvents} events whose tables each fit`,
    xlsxWritten
      ? "numeric-looking id keeps its digits as written), counts and coordinates are numbers, dates are dates, and every"
      : "in a sheet (Excel holds 1,048,576 rows a sheet); open the CSV files as below, or read them with a data tool.",
    ...(xlsxWritten ? ["character is intact. A list of ids is its text joined with `|`, as in the CSV cell.", ""] : [""]),
    "The CSV files are UTF-8 (every script and emoji, one encoding). A spreadsheet that guesses another character set shows",
    "mojibake (`AndrÃ©` for `André`): in LibreOffice, choose Character set \"Unicode (UTF-8)\" in the Text Import dialog;",
    "in Excel, use Data > From Text/CSV and File origin \"65001: Unicode (UTF-8)\" rather than opening the file directly.",
    "No text cell starts with `=`, `+`, `-`, `@`, a tab or a carriage return (the release refuses to write one), so the",
    "CSV files open in spreadsheets without running anything; numbers, negative ones included, are numbers.",
    "",
  ];
}
