/** csvRecords: rows with the line each begins on; a row of the wrong width, and a file that stops being CSV, as problems with their lines. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { csvRecords } from "../../scripts/import/read.ts";

async function rows(text: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "csv-"));
  try {
    writeFileSync(path.join(dir, "x.csv"), text);
    const out: unknown[] = [];
    for await (const r of csvRecords(path.join(dir, "x.csv"))) out.push("problem" in r ? [r.line, r.problem] : [r.line, Object.values(r.values)]);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a quoted field over several lines is one row, begun on its first line; a row of another width names the lines read as one", async () => {
  assert.equal(await rows('a,b,c\n1,"x\ny",3\n4,5,6\n'), [
    [2, ["1", "x\ny", "3"]],
    [4, ["4", "5", "6"]],
  ]);
  assert.equal(await rows('a,b,c\n1,"x,\n2,3",4,5\n6,7,8\n'), [
    [2, "4 fields where the header has 3 (lines 2-3 read as one row: a quote opened there is not closed where the row ends)"],
    [4, ["6", "7", "8"]],
  ]);
});

test("a quote never closed: the rows before it stand, the rest of the file is one problem (never an exception)", async () => {
  assert.equal(await rows('a,b,c\n1,2,3\n4,"5,6\n7,8,9\n'), [
    [2, ["1", "2", "3"]],
    [4, "not CSV from here on (Quote Not Closed: the parsing is finished with an opening quote at line 4); the rest of the file is not read"],
  ]);
});

test.run();
