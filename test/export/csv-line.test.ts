/** The CSV fast path (rows with nothing to quote, joined by hand) writes exactly what csv-stringify writes. */
import { stringify as stringifyCsv } from "csv-stringify/sync";
import { parse as parseCsv } from "csv-parse/sync";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CSV_OPTIONS, csvLine } from "../../scripts/export/output.ts";

// Characters that matter to CSV or to spreadsheets, and ordinary ones.
const ALPHABET = ['"', ",", "\r", "\n", "\u2028", "\u2029", "\t", " ", "'", "=", "+", "-", "@", ";", "|", "a", "Z", "0", "é", "中", "\u00a0", "\ufeff", "🙂"];

function* rows(seed: number, count: number): Generator<string[]> {
  let x = seed;
  const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let r = 0; r < count; r++) {
    const cells: string[] = [];
    for (let c = 0, n = 1 + Math.floor(rand() * 5); c < n; c++) {
      let cell = "";
      // Most cells plain (the fast path), some with a character to quote.
      const pool = rand() < 0.6 ? ALPHABET.slice(6) : ALPHABET;
      for (let k = 0, len = Math.floor(rand() * 6); k < len; k++) cell += pool[Math.floor(rand() * pool.length)];
      cells.push(cell);
    }
    yield cells;
  }
}

test("csvLine equals csv-stringify on 20 000 random rows, and reads back through csv-parse", () => {
  let plain = 0;
  for (const cells of rows(7, 20000)) {
    const line = csvLine(cells);
    assert.is(line, stringifyCsv([cells], CSV_OPTIONS), JSON.stringify(cells));
    if (!/[",\r\n\u2028\u2029]/.test(cells.join(""))) plain++;
    const back = parseCsv(line, { relax_column_count: true }) as string[][];
    // csv-parse reads one empty cell as no row at all; otherwise the row comes back as it went.
    if (!(cells.length === 1 && cells[0] === "")) assert.equal(back[0], cells);
  }
  assert.ok(plain > 5000, `the fast path was taken (${plain} rows)`);
});

test("csvLine: the edge cases by name", () => {
  assert.is(csvLine(["a", "", "b"]), "a,,b\r\n");
  assert.is(csvLine(["say \"hi\""]), '"say ""hi"""\r\n');
  assert.is(csvLine(["x,y", "z"]), '"x,y",z\r\n');
  assert.is(csvLine(["line\nbreak"]), '"line\nbreak"\r\n');
  assert.is(csvLine(["cr\ronly"]), '"cr\ronly"\r\n');
  assert.is(csvLine(["u\u2028x"]), '"u\u2028x"\r\n');
  assert.is(csvLine(["=1+1", "+972"]), "=1+1,+972\r\n", "csvLine writes cells as they are; the table writer refuses formula-like text cells before (release.test.ts)");
});

test.run();
