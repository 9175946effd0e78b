/**
 * The writers a release is made with: a file that keeps its size and SHA-256
 * as it is written, and CSV rows written a batch at a time. Writes are
 * synchronous: a release is one long sequential job (in a worker thread, or
 * in the main thread once the workers are done), and a file descriptor needs
 * no backpressure. Every descriptor is closed on a failure (see OpenFiles).
 */
import { stringify as stringifySync } from "csv-stringify/sync";
import { createHash, type Hash } from "node:crypto";
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { FORMULA_START } from "../rules/text/text-formula.ts";
import type { RowVisitor, TableDefinition } from "./tables.ts";

/** The size and SHA-256 of a file of the release. */
export interface FileFacts {
  bytes: number;
  sha256: string;
}

/** The size and SHA-256 of a file written otherwise (by a library), read back a block at a time. */
export function factsOfFile(file: string): FileFacts {
  const hash = createHash("sha256");
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let bytes = 0;
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
      hash.update(buffer.subarray(0, n));
      bytes += n;
    }
    return { bytes, sha256: hash.digest("hex") };
  } finally {
    closeSync(fd);
  }
}

/** CSV options: RFC 4180 quoting, CRLF line ends (UTF-8 without BOM is the stream's). */
// csv-stringify quotes a CRLF but not a lone CR or LF under CRLF records: quote every line break.
export const CSV_OPTIONS = { record_delimiter: "windows", quoted_string: false, eof: true, quoted_match: /[\r\n\u2028\u2029]/ } as const;

/** Bytes gathered before a write: few system calls, little memory. */
const BUFFER_BYTES = 1 << 20;

/** The descriptors a build has open: on a failure they are closed before its temporary folder goes. */
export class OpenFiles {
  private readonly fds = new Set<number>();

  open(file: string): number {
    const fd = openSync(file, "w");
    this.fds.add(fd);
    return fd;
  }

  close(fd: number): void {
    if (this.fds.delete(fd)) closeSync(fd);
  }

  closeAll(): void {
    for (const fd of this.fds) {
      try {
        closeSync(fd);
      } catch {
        // Already gone: nothing more to release.
      }
    }
    this.fds.clear();
  }
}

/**
 * A file written as text comes, optionally hashed on the way. Text is encoded
 * straight into one buffer a file and written when it is full: no array of
 * pieces, no joined string (at a million events those were megabytes of
 * garbage a flush).
 */
export class OutputFile {
  private readonly fd: number;
  private readonly hash: Hash | undefined;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private bytes = 0;

  constructor(
    readonly file: string,
    private readonly files: OpenFiles,
    hashed = true,
  ) {
    this.fd = files.open(file);
    this.hash = hashed ? createHash("sha256") : undefined;
  }

  write(text: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        this.writeBytes(Buffer.from(text, "utf8"));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  /** Appends a whole file (a part written by a worker), read a large block at a time. */
  append(file: string): void {
    this.flush();
    const fd = openSync(file, "r");
    try {
      const block = Buffer.allocUnsafe(4 << 20);
      for (let n; (n = readSync(fd, block, 0, block.length, null)) > 0; ) this.writeBytes(block.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  }

  private writeBytes(chunk: Buffer): void {
    this.hash?.update(chunk);
    this.bytes += chunk.length;
    for (let done = 0; done < chunk.length; ) done += writeSync(this.fd, chunk, done);
  }

  private flush(): void {
    if (this.used === 0) return;
    const chunk = this.buffer.subarray(0, this.used);
    this.used = 0;
    this.writeBytes(chunk);
  }

  close(): FileFacts {
    this.flush();
    this.files.close(this.fd);
    return { bytes: this.bytes, sha256: this.hash?.digest("hex") ?? "" };
  }
}

/** A text cell that starts like a formula: the file, its row (the key's columns and values), the column and the value. */
export interface FormulaCell {
  file: string;
  key: string;
  column: string;
  value: string;
}

/**
 * Text cells that start like a formula (`=`, `+`, `-`, `@`, tab, CR: OWASP's
 * list for CSV injection), gathered as the tables are written: the first 50
 * and a count. The release refuses to finish when there is one (see
 * FormulaCellsError), so no released CSV holds such a cell; the data is never
 * prefixed or altered to make it safe.
 */
export class FormulaCells {
  count = 0;
  readonly listed: FormulaCell[] = [];

  add(cell: FormulaCell): void {
    this.count++;
    if (this.listed.length < 50) this.listed.push(cell);
  }

  /** Takes in the cells another thread found (plain data: what a worker sends), after those held. */
  merge(other: { count: number; listed: readonly FormulaCell[] }): void {
    this.count += other.count;
    for (const cell of other.listed) if (this.listed.length < 50) this.listed.push(cell);
  }
}

/** The cells of a table's row, as text; formula-like text cells are noted in `formulas`. One pass over the columns: it runs for every row of every table. */
function rowCells<R>(table: TableDefinition<R>, record: R, index: number, formulas?: FormulaCells): string[] {
  const columns = table.columns;
  const cells = new Array<string>(columns.length);
  let formulaAt = -1;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const v = column.value(record, index);
    const cell = v === undefined ? "" : typeof v === "number" ? String(v) : v;
    cells[i] = cell;
    if (formulas && formulaAt === -1 && column.type === "string" && cell !== "" && FORMULA_START.test(cell)) formulaAt = i;
  }
  // Rare: the formula-like cells are noted (with the row's key) once the row is complete.
  if (formulas && formulaAt !== -1)
    for (let i = formulaAt; i < columns.length; i++) {
      const c = columns[i]!;
      if (c.type === "string" && FORMULA_START.test(cells[i]!))
        formulas.add({ file: table.file, key: table.primaryKey.map((k) => `${k} ${cells[columns.findIndex((x) => x.name === k)]}`).join(", "), column: c.name, value: cells[i]! });
    }
  return cells;
}

/** A release that would hold text cells a spreadsheet runs as formulas: refused, each cell named (exit 1). */
export class FormulaCellsError extends Error {
  constructor(readonly cells: { count: number; listed: readonly FormulaCell[] }) {
    const lines = cells.listed.map((c) => `  ${c.file}, row ${c.key}, column ${c.column}: ${JSON.stringify(c.value)}`);
    if (cells.count > cells.listed.length) lines.push(`  and ${cells.count - cells.listed.length} more`);
    super(
      `${cells.count} text ${cells.count === 1 ? "cell" : "cells"} would start with \`=\`, \`+\`, \`-\`, \`@\`, a tab or a carriage return, ` +
        `which a spreadsheet opening the CSV files runs as a formula:\n${lines.join("\n")}\n` +
        "Reword the values (validate's text-formula rule names the records and fields); the release keeps data exactly and never prefixes a cell.",
    );
  }
}

/** The header line of a table's CSV file. */
export function csvHeader(table: TableDefinition<unknown>): string {
  return stringifySync([table.columns.map((c) => c.name)], CSV_OPTIONS);
}

/** A cell with any of these characters is quoted (RFC 4180, and CSV_OPTIONS' `quoted_match`). */
const NEEDS_QUOTES = /[",\r\n\u2028\u2029]/;

/**
 * A row as CSV text. A row with no cell to quote is its cells joined with
 * commas, which is what csv-stringify writes for it (test/export/csv-line.test.ts
 * holds the two together); any other row goes through csv-stringify.
 */
export function csvLine(cells: readonly string[]): string {
  for (const cell of cells) if (NEEDS_QUOTES.test(cell)) return stringifySync([cells as string[]], CSV_OPTIONS);
  return cells.join(",") + "\r\n";
}

/**
 * CSV rows written as they come. With `header`, the file starts with the
 * column names; a part file has none.
 */
export class TableWriter<R> {
  private readonly out: OutputFile;

  constructor(
    file: string,
    private readonly table: TableDefinition<R>,
    files: OpenFiles,
    private readonly formulas?: FormulaCells,
    options: { header?: boolean; hashed?: boolean } = {},
  ) {
    this.out = new OutputFile(file, files, options.hashed ?? true);
    if (options.header ?? true) this.out.write(csvHeader(table as TableDefinition<unknown>));
  }

  row(record: R, index = 0): void {
    this.out.write(csvLine(rowCells(this.table, record, index, this.formulas)));
  }

  close(): FileFacts {
    return this.out.close();
  }
}

/** A CSV writer for each of some tables, taking their rows as a RowVisitor (tables.ts visitEventRows, visitActorRows). */
export class TableWriters implements RowVisitor {
  private readonly writers = new Map<TableDefinition<never>, TableWriter<never>>();

  /** `fileOf`: where a table is written. A failure half-way closes what was opened (through `files`). */
  constructor(
    tables: readonly TableDefinition<never>[],
    fileOf: (table: TableDefinition<never>) => string,
    files: OpenFiles,
    formulas?: FormulaCells,
    options: { header?: boolean; hashed?: boolean } = {},
  ) {
    for (const table of tables) this.writers.set(table, new TableWriter(fileOf(table), table, files, formulas, options));
  }

  row<R>(table: TableDefinition<R>, record: R): void {
    const writer = this.writers.get(table as TableDefinition<never>) as TableWriter<R> | undefined;
    if (!writer) throw new Error(`no writer for the table ${table.name}`);
    writer.row(record);
  }

  /** Closes every writer; each table's file facts, in the tables' order. */
  close(): [TableDefinition<never>, FileFacts][] {
    return [...this.writers].map(([table, writer]) => [table, writer.close()]);
  }
}
