/**
 * Reading the input of an import as a stream: lines with their numbers, and
 * CSV records (csv-parse) with the line each begins on. Input files are the
 * user's, named on the command line; a file that cannot be read is a usage
 * error naming it, never a crash.
 */
import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { parse as csvParse } from "csv-parse";
import { UsageError } from "../core/io.ts";
import { describeError } from "../core/regular-file.ts";

/** Checks that an input file is a regular file that can be opened; a usage error (exit 2) names it otherwise. */
export function checkInputFile(file: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${describeError(error)})`);
  }
  if (!stats.isFile()) throw new UsageError(`${file} is not a file`);
}

/** The lines of a file, numbered from 1, without their line ends (LF or CRLF) and without a leading byte order mark. */
export async function* numberedLines(file: string): AsyncIterable<{ line: number; text: string }> {
  checkInputFile(file);
  const input = createReadStream(file, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const text of lines) {
      n++;
      yield { line: n, text: n === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    }
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${describeError(error)})`);
  } finally {
    lines.close();
    input.destroy();
  }
}

/**
 * The records of a CSV file with a header, each as an object by column name,
 * with the line it begins on (a quoted field may hold line breaks). A record
 * with more or fewer fields than the header is given as a problem, not dropped;
 * where the file stops being CSV, the rest of it is one problem (the rows
 * before it stand).
 */
export async function* csvRecords(file: string, delimiter = ","): AsyncIterable<{ line: number; row: number; values: Record<string, string> } | { line: number; row: number; problem: string }> {
  checkInputFile(file);
  const parser = createReadStream(file).pipe(
    csvParse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, max_record_size: 1_000_000 }),
  );
  let header: string[] | undefined;
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is the line the record ends on; a record's first line is where it begins, counted from its own line breaks.
      const line = info.lines - (record.join(",").match(/\n/g)?.length ?? 0);
      if (!header) {
        header = record.map((h) => h.trim());
        continue;
      }
      row++;
      if (record.length !== header.length) {
        // A quote left open runs on into the next lines: say which lines were read as this one row.
        const spans = info.lines > line ? ` (lines ${line}-${info.lines} read as one row: a quote opened there is not closed where the row ends)` : "";
        yield { line, row, problem: `${record.length} fields where the header has ${header.length}${spans}` };
        continue;
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) values[header[i]!] = record[i]!;
      yield { line, row, values };
    }
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    // Not CSV from some line on (a quote never closed, a field over the size limit): the rows before it stand, the rest is one refused row.
    if (typeof e.code === "string" && e.code.startsWith("CSV_")) {
      yield { line: e.lines ?? 0, row: row + 1, problem: `not CSV from here on (${e.message}); the rest of the file is not read` };
      return;
    }
    throw new UsageError(`cannot read ${file} (${describeError(error)})`);
  }
}
