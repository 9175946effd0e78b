/**
 * eventwire.xlsx, read back by LibreOffice (headless, each sheet converted to
 * CSV) and compared with the release's CSV files cell by cell: every character
 * intact, ids as text, numbers as numbers, dates as dates; two builds give the
 * same bytes; above the limit the spreadsheet is skipped and the card says so.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TABLES } from "../../scripts/export/datapackage.ts";
import { XLSX_FILE, XlsxSink, fixZipTimes } from "../../scripts/export/xlsx.ts";
import { ACTORS, type TableDefinition } from "../../scripts/export/tables.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const ENV = { SOURCE_DATE_EPOCH: "1700000000" };

/** The example event with text in several scripts (André, €, 日本, an emoji, Arabic), a numeric-looking GeoNames id and coordinates. */
const EVENT = editEvent(
  "    country: KAZ\n    precision: country\n",
  '    country: KAZ\n    admin1: "Almaty – Алматы"\n    geonames_id: 2950159\n    lat: 43.25667\n    lon: 76.92861\n    precision: city\n',
  editEvent(
    "title: Blinken meets the five Central Asian foreign ministers\n",
    "title: André pays 5 € in 日本 🎉 — لقاء وزراء الخارجية\n",
    EVENT_YAML,
  ),
);

const BLINKEN =
  'schema_version: "1.3.0"\nid: antony-blinken\nname: Antony Blinken\nkind: person\ncountry: USA\n' +
  'aliases:\n  - أنتوني بلينكن\n  - ブリンケン\noffices:\n  - title: "Secretary of State 🇺🇸"\n    from: "2021-01-26"\n    to: "2025-01-20"\n';

function dataset(): string {
  return writeDataset({ ...REGISTRY, "data/actors/antony-blinken.yaml": BLINKEN, [EVENT_PATH]: EVENT });
}

const folderOf = (out: string, version: string) => path.join(out, `eventwire-${version}`, `eventwire-${version}`);

/** soffice on PATH, or undefined with the reason to print. */
function sofficeMissing(): string | undefined {
  const r = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  return r.error ? `soffice is not installed (${(r.error as NodeJS.ErrnoException).code}); .ci/run installs libreoffice-calc-nogui` : undefined;
}

/** Every sheet of a workbook as LibreOffice writes it to CSV (UTF-8, text cells quoted, numbers and dates as shown): sheet name -> CSV text. */
function sheetsByLibreOffice(xlsx: string, dir: string): Map<string, string> {
  const profile = mkdtempSync(path.join(tmpdir(), "eventwire-lo-profile-"));
  try {
    // Filter options: comma, double quote, UTF-8 (76), from line 1, ..., quote all text cells (token 7), as shown (token 9), sheet -1: every sheet to <name>-<sheet>.csv.
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,false,true,false,false,-1";
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", dir, xlsx], { encoding: "utf8", timeout: 120_000 });
    assert.is(r.status, 0, `soffice failed: ${r.stderr}${r.stdout}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const stem = path.basename(xlsx, ".xlsx");
  const sheets = new Map<string, string>();
  for (const file of readdirSync(dir)) if (file.startsWith(`${stem}-`) && file.endsWith(".csv")) sheets.set(file.slice(stem.length + 1, -4), readFileSync(path.join(dir, file), "utf8"));
  return sheets;
}

test("eventwire.xlsx opens in LibreOffice with one sheet per table, each equal to its CSV file cell by cell, ids as text, numbers as numbers, dates as dates", async () => {
  const missing = sofficeMissing();
  if (missing) {
    console.log(`skipped: ${missing}`);
    return;
  }
  const root = dataset();
  const out = mkdtempSync(path.join(tmpdir(), "eventwire-xlsx-"));
  const converted = mkdtempSync(path.join(tmpdir(), "eventwire-xlsx-csv-"));
  try {
    const r = await run(["release", "--version", "1.0.0", "--out", out], { cwd: root, env: ENV });
    assert.is(r.code, 0, r.stderr);
    const folder = folderOf(out, "1.0.0");
    assert.ok(existsSync(path.join(folder, XLSX_FILE)));
    // Listed with its checksum; no spool file of the writer left behind.
    assert.match(readFileSync(path.join(folder, "SHA256SUMS"), "utf8"), /^[0-9a-f]{64} {2}eventwire\.xlsx$/m);
    assert.equal(readdirSync(folder).filter((f) => f.startsWith(".")), []);
    const descriptor = JSON.parse(readFileSync(path.join(folder, "datapackage.json"), "utf8")) as { resources: { name: string; path: string; format?: string; bytes: number }[] };
    const resource = descriptor.resources.find((r) => r.path === XLSX_FILE);
    assert.equal([resource?.name, resource?.format, resource?.bytes], ["eventwire-xlsx", "xlsx", readFileSync(path.join(folder, XLSX_FILE)).length], "datapackage.json lists it");
    const sheets = sheetsByLibreOffice(path.join(folder, XLSX_FILE), converted);
    assert.equal([...sheets.keys()].sort(), TABLES.map((t) => t.name).sort(), "one sheet per table, named as the table");
    for (const table of TABLES) {
      const fromCsv = parseCsv(readFileSync(path.join(folder, table.file), "utf8")) as string[][];
      const fromXlsx = parseCsv(sheets.get(table.name)!) as string[][];
      assert.equal(fromXlsx, fromCsv, `${table.name}: the sheet and ${table.file} differ`);
    }
    const events = sheets.get("events")!;
    assert.ok(events.includes('"André pays 5 € in 日本 🎉 — لقاء وزراء الخارجية"'), "every character intact, a text cell");
    // Quoted by LibreOffice: a text cell; bare: a number or a date shown with its format.
    assert.match(events, /,2026-11-27,"manual"/, "coded_at is a date (a number shown yyyy-mm-dd), not text");
    const locations = sheets.get("event_locations")!;
    assert.match(locations, /"Almaty – Алматы","2950159",43\.25667,76\.92861,"city"/, "the GeoNames id is text, the coordinates numbers");
    assert.match(locations, /^"ev-p6w7bxbz",1,/m, "positions are numbers");
    const offices = sheets.get("actor_offices")!;
    assert.match(offices, /"antony-blinken",1,"Secretary of State 🇺🇸",2021-01-26,2025-01-20/, "office dates are dates");
    assert.ok(sheets.get("actor_aliases")!.includes('"أنتوني بلينكن"') && sheets.get("actor_aliases")!.includes('"ブリンケン"'));
    // The card says which file to open and how to open the CSVs.
    const card = readFileSync(path.join(folder, "README.md"), "utf8");
    assert.ok(card.includes("Open `eventwire.xlsx` in a spreadsheet"));
    assert.ok(card.includes('Character set "Unicode (UTF-8)"') && card.includes("65001: Unicode (UTF-8)"));
  } finally {
    for (const dir of [root, out, converted]) rmSync(dir, { recursive: true, force: true });
  }
});

test("two builds of eventwire.xlsx are the same bytes (zip entry times and the workbook's times are the release's created)", async () => {
  const root = dataset();
  const out = mkdtempSync(path.join(tmpdir(), "eventwire-xlsx-"));
  try {
    assert.is((await run(["release", "--version", "1.0.0", "--out", path.join(out, "a")], { cwd: root, env: ENV })).code, 0);
    // A second later at least: a clock in the file would show.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    assert.is((await run(["release", "--version", "1.0.0", "--out", path.join(out, "b")], { cwd: root, env: ENV })).code, 0);
    const a = readFileSync(path.join(folderOf(path.join(out, "a"), "1.0.0"), XLSX_FILE));
    const b = readFileSync(path.join(folderOf(path.join(out, "b"), "1.0.0"), XLSX_FILE));
    assert.ok(a.equals(b), "the two spreadsheets differ");
    // The archive holds it too, and is the same bytes as well.
    const tarA = readFileSync(path.join(out, "a", "eventwire-1.0.0", "eventwire-1.0.0.tar.gz"));
    const tarB = readFileSync(path.join(out, "b", "eventwire-1.0.0", "eventwire-1.0.0.tar.gz"));
    assert.ok(tarA.equals(tarB));
    // docProps/core.xml is stored deflated: the created time is checked through the zip's entry times instead (2023-11-14 22:13:20 UTC).
    const dosDate = ((2023 - 1980) << 9) | (11 << 5) | 14;
    const dosTime = (22 << 11) | (13 << 5) | (20 >> 1);
    for (let at = a.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = a.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      assert.is(a.readUInt16LE(at + 12), dosTime);
      assert.is(a.readUInt16LE(at + 14), dosDate);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

test("above EVENTWIRE_XLSX_MAX_EVENTS (for tests) the spreadsheet is skipped: not written, not listed, and the card says so", async () => {
  const root = dataset();
  const out = mkdtempSync(path.join(tmpdir(), "eventwire-xlsx-"));
  try {
    const r = await run(["release", "--version", "1.0.0", "--out", out], { cwd: root, env: { ...ENV, EVENTWIRE_XLSX_MAX_EVENTS: "0" } });
    assert.is(r.code, 0, r.stderr);
    const folder = folderOf(out, "1.0.0");
    assert.not.ok(existsSync(path.join(folder, XLSX_FILE)));
    assert.not.match(readFileSync(path.join(folder, "SHA256SUMS"), "utf8"), /eventwire\.xlsx/);
    const card = readFileSync(path.join(folder, "README.md"), "utf8");
    assert.ok(card.includes("This release has no `eventwire.xlsx`: it is written only for releases of at most 0 events"), card);
    assert.ok(card.includes('Character set "Unicode (UTF-8)"'));
    // Not a number of events: a usage error (exit 2), nothing built.
    const bad = await run(["release", "--version", "1.0.1", "--out", out], { cwd: root, env: { ...ENV, EVENTWIRE_XLSX_MAX_EVENTS: "many" } });
    assert.is(bad.code, 2);
    assert.match(bad.stderr, /EVENTWIRE_XLSX_MAX_EVENTS expects a number of events/);
    assert.not.ok(existsSync(path.join(out, "eventwire-1.0.1")));
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

test("a table longer than a sheet holds: the spreadsheet is skipped, its spool files removed", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-xlsx-"));
  try {
    const sink = new XlsxSink(dir, { tables: TABLES, maxRows: 3 });
    const actor = { schema_version: "1.3.0", id: "a", name: "A", kind: "person" } as const;
    const rowOf = (table: TableDefinition<unknown>, record: unknown) => sink.row(table, record);
    rowOf(ACTORS as TableDefinition<unknown>, actor);
    rowOf(ACTORS as TableDefinition<unknown>, { ...actor, id: "b" });
    assert.is(sink.skipped, undefined, "a header and two rows fit in three");
    assert.ok(readdirSync(dir).length > 0, "rows spooled");
    rowOf(ACTORS as TableDefinition<unknown>, { ...actor, id: "c" });
    assert.match(sink.skipped ?? "", /actors has more than 2 rows/);
    assert.equal(await sink.close(), []);
    assert.equal(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("fixZipTimes leaves a file that is not a zip alone with an error", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-xlsx-"));
  try {
    const file = path.join(dir, "x.xlsx");
    writeFileSync(file, Buffer.alloc(100));
    assert.throws(() => fixZipTimes(file, new Date(0)), /no end of central directory/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
