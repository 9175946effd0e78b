/** The release's Parquet files (parquet.ts), read back with DuckDB in process: the same rows and values as events.jsonl and the CSV files, the declared types, the events by year (hive), the same bytes twice, every file in SHA256SUMS. */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { parse as parseCsv } from "csv-parse/sync";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { syntheticEvents } from "../../bench/synthetic.ts";
import type { Event } from "../../schema/index.ts";
import { PARQUET_TABLES, ParquetSink, parquetPath, partitionPath } from "../../scripts/export/parquet.ts";
import { OpenFiles, TableWriter } from "../../scripts/export/output.ts";
import { EVENTS, JOIN, visitEventRows, type TableDefinition } from "../../scripts/export/tables.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

/** A second event: another year, a month's precision, a located place with a GeoNames id, tags, no mode, no evidence, text beyond ASCII. */
const SECOND = `schema_version: "1.3.0"
id: ev-2eqrxyd2
status: active
title: Andrés López opens the €5 billion Berlin fund
summary: "Andrés López opened a fund of €5 billion in Berlin; a quote: \\"x|y\\" and a comma, here."
date:
  start: "2022-05"
  precision: month
event_type: COOPERATE
actors:
  - actor: kazakhstan
    role: participant
  - actor: antony-blinken
    role: participant
locations:
  - name: Berlin
    country: DEU
    admin1: Berlin
    geonames_id: 2950159
    lat: 52.52437
    lon: 13.41053
    precision: city
  - name: Astana
    country: KAZ
    precision: city
sources:
  - outlet: afp
    url: https://www.afp.com/en/news/1
    language: en
  - outlet: dw
    title: Fund opens
    url: https://p.dw.com/p/5
    published: "2022-05-03T10:00:00+02:00"
    language: de
tags: [fund, berlin]
provenance:
  coded_by: [eventwire, second-coder]
  coded_at: "2026-11-28"
  method: manual
`;

const ACTOR = 'schema_version: "1.3.0"\nid: antony-blinken\nname: Antony Blinken\nkind: person\ncountry: USA\naliases: [Tony Blinken, Энтони Блинкен]\noffices:\n  - title: US Secretary of State\n    from: "2021-01-26"\n    to: "2025-01-20"\n  - title: Deputy Secretary of State\n';

function fixture(): string {
  return writeDataset({
    ...REGISTRY,
    "data/actors/antony-blinken.yaml": ACTOR,
    [EVENT_PATH]: EVENT_YAML,
    "data/events/2023/03/ev-9rq4wzdd.yaml": editEvent("id: ev-p6w7bxbz", "id: ev-9rq4wzdd", editEvent('start: "2023-02-28"', 'start: "2023-03-02"')).replace("mode: multilateral\n", "mode: visit\n").replace('published: "2023-02-28"', 'published: "2023-03-02"'),
    "data/events/2022/05/ev-2eqrxyd2.yaml": SECOND,
  });
}

const folderOf = (out: string) => path.join(out, "eventwire-1.0.0", "eventwire-1.0.0");

async function release(root: string, out: string): Promise<string> {
  const r = await run(["release", "--version", "1.0.0", "--out", out], { cwd: root, env: { SOURCE_DATE_EPOCH: "1700000000" } });
  assert.is(r.code, 0, r.stderr);
  return folderOf(out);
}

async function duckdb(): Promise<DuckDBConnection> {
  return (await DuckDBInstance.create(":memory:")).connect();
}

const sql = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A DuckDB value as its CSV cell would be: null -> empty, a list joined with `|`, a date as YYYY-MM-DD. */
function asCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join(JOIN);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

const DUCK_TYPES = { string: "VARCHAR", integer: "BIGINT", number: "DOUBLE", date: "DATE", boolean: "BOOLEAN" } as const;

test("every table as Parquet: DuckDB reads the CSV's rows and values, with the declared types and nullability", async () => {
  const root = fixture();
  try {
    const folder = await release(root, path.join(root, "dist"));
    const con = await duckdb();
    for (const table of PARQUET_TABLES) {
      const file = path.join(folder, parquetPath(table));
      const described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sql(file)})`)).getRowsJS().map((r) => [r[0], r[1]]);
      assert.equal(described, table.columns.map((c) => [c.name, c.list ? "VARCHAR[]" : DUCK_TYPES[c.type]]), `${table.name}: types`);
      // A required column (datapackage.json says which) is never null; DuckDB marks every column nullable (OPTIONAL).
      for (const c of table.columns.filter((c) => c.required)) {
        const nulls = (await con.runAndReadAll(`SELECT count(*) FROM read_parquet(${sql(file)}) WHERE "${c.name}" IS NULL`)).getRowsJS()[0]![0];
        assert.is(Number(nulls), 0, `${table.name}.${c.name}: required`);
      }
      const rows = (await con.runAndReadAll(`SELECT * FROM read_parquet(${sql(file)})`)).getRowsJS();
      const csv = parseCsv(readFileSync(path.join(folder, table.file), "utf8"), { columns: false, from_line: 2 }) as string[][];
      assert.ok(csv.length > 0, `${table.name} has rows in the fixture`);
      assert.equal(rows.map((r) => r.map(asCell)), csv, `${table.name}: the CSV's rows`);
    }
    const events = (await con.runAndReadAll(`SELECT event_id, countries, tags, source_count, coded_at, mode FROM read_parquet(${sql(path.join(folder, "parquet/events.parquet"))}) ORDER BY event_id`)).getRowsJS();
    assert.equal(events.map((e) => e[0]), ["ev-2eqrxyd2", "ev-9rq4wzdd", "ev-p6w7bxbz"]);
    assert.equal(events[0]!.slice(1, 4), [["DEU", "KAZ"], ["fund", "berlin"], 2n]);
    assert.ok(events[0]![4] instanceof Date && (events[0]![4] as Date).toISOString() === "2026-11-28T00:00:00.000Z", "coded_at is a DATE");
    assert.is(events[1]![2], null, "no tags: null, not an empty list");
    assert.is(events[0]![5], null, "no mode: null");
    const located = (await con.runAndReadAll(`SELECT geonames_id, typeof(geonames_id), lat, admin1 FROM read_parquet(${sql(path.join(folder, "parquet/event_locations.parquet"))}) WHERE event_id = 'ev-2eqrxyd2' ORDER BY position`)).getRowsJS();
    assert.equal(located, [["2950159", "VARCHAR", 52.52437, "Berlin"], [null, "VARCHAR", null, null]]);
    const offices = (await con.runAndReadAll(`SELECT title, "from", "to" FROM read_parquet(${sql(path.join(folder, "parquet/actor_offices.parquet"))}) ORDER BY position`)).getRowsJS();
    assert.equal(offices.map((o) => o.map(asCell)), [["US Secretary of State", "2021-01-26", "2025-01-20"], ["Deputy Secretary of State", "", ""]]);
    const aliases = (await con.runAndReadAll(`SELECT alias FROM read_parquet(${sql(path.join(folder, "parquet/actor_aliases.parquet"))}) ORDER BY position`)).getRowsJS();
    assert.equal(aliases, [["Tony Blinken"], ["Энтони Блинкен"]], "text beyond ASCII, intact");
    // The same values as events.jsonl, read by another path: title and summary (quotes, commas, `|`, €) byte for byte.
    const jsonl = readFileSync(path.join(folder, "events.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Event);
    const texts = (await con.runAndReadAll(`SELECT event_id, title, summary, date_start FROM read_parquet(${sql(path.join(folder, "parquet/events.parquet"))})`)).getRowsJS();
    assert.equal(texts, jsonl.map((e) => [e.id, e.title, e.summary, e.date.start]));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the events by year (hive): DuckDB reads every event with its year from the path, and a filter on year reads only that year's file", async () => {
  const root = fixture();
  try {
    const folder = await release(root, path.join(root, "dist"));
    assert.equal(readdirSync(path.join(folder, "parquet", "events")).sort(), ["year=2022", "year=2023"]);
    const con = await duckdb();
    const glob = sql(path.join(folder, "parquet/events/*/*.parquet"));
    const all = (await con.runAndReadAll(`SELECT year, event_id FROM read_parquet(${glob}, hive_partitioning = true) ORDER BY event_id`)).getRowsJS();
    const jsonl = readFileSync(path.join(folder, "events.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Event);
    assert.equal(all, jsonl.map((e) => [BigInt(e.date.start.slice(0, 4)), e.id]));
    const only = (await con.runAndReadAll(`SELECT event_id, filename FROM read_parquet(${glob}, hive_partitioning = true, filename = true) WHERE year = 2023 ORDER BY event_id`)).getRowsJS();
    assert.equal(only.map((r) => r[0]), ["ev-9rq4wzdd", "ev-p6w7bxbz"]);
    assert.ok(only.every((r) => String(r[1]).endsWith(partitionPath("2023"))));
    // Pruned: the plan reads one file of the two.
    const plan = (await con.runAndReadAll(`EXPLAIN ANALYZE SELECT count(*) FROM read_parquet(${glob}, hive_partitioning = true) WHERE year = 2023`)).getRowsJS().map((r) => r.join("\n")).join("\n");
    assert.match(plan, /Total Files Read: 1\b/);
    // Each year's file holds the events table's columns (the year is in the path only).
    const columns = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sql(path.join(folder, partitionPath("2022")))}, hive_partitioning = false)`)).getRowsJS().map((r) => r[0]);
    assert.equal(columns, EVENTS.columns.map((c) => c.name));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("two builds give the same bytes; SHA256SUMS lists every Parquet file and `sha256sum -c` passes; datapackage.json describes them", async () => {
  const root = fixture();
  try {
    const a = await release(root, path.join(root, "a"));
    const b = await release(root, path.join(root, "b"));
    const parquetFiles = (folder: string): string[] => execFileSync("find", ["parquet", "-type", "f"], { cwd: folder, encoding: "utf8" }).trim().split("\n").sort();
    const files = parquetFiles(a);
    assert.equal(files, [...PARQUET_TABLES.map(parquetPath), partitionPath("2022"), partitionPath("2023")].sort());
    assert.equal(parquetFiles(b), files);
    for (const f of files) assert.ok(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), `${f}: same bytes`);
    assert.is(readFileSync(`${a}.tar.gz`).compare(readFileSync(`${b}.tar.gz`)), 0, "same archive");
    const sums = readFileSync(path.join(a, "SHA256SUMS"), "utf8");
    for (const f of files) assert.ok(sums.includes(`  ${f}\n`), `${f} in SHA256SUMS`);
    execFileSync("sha256sum", ["-c", "--quiet", "--strict", "SHA256SUMS"], { cwd: a });
    for (const f of files) assert.is((statSync(path.join(a, path.dirname(f))).mode & 0o777).toString(8), "755", `${path.dirname(f)}: a release folder's mode`);

    const descriptor = JSON.parse(readFileSync(path.join(a, "datapackage.json"), "utf8")) as { resources: { name: string; path: string | string[]; format?: string; mediatype?: string; bytes?: number; hash?: string; schema?: { fields: { name: string; type: string }[]; foreignKeys?: { reference: { resource?: string } }[] } }[] };
    const parquet = descriptor.resources.filter((r) => r.format === "parquet");
    assert.equal(parquet.map((r) => r.name), [...PARQUET_TABLES.map((t) => `${t.name}-parquet`), "events-parquet-by-year"]);
    const names = new Set(descriptor.resources.map((r) => r.name));
    for (const r of parquet) {
      assert.is(r.mediatype, "application/vnd.apache.parquet");
      // A reference to another table is to its Parquet resource; one without a resource (duplicate_of) is to its own.
      for (const fk of r.schema!.foreignKeys ?? []) assert.ok(fk.reference.resource === undefined || (names.has(fk.reference.resource) && fk.reference.resource.endsWith("-parquet")), `${r.name}: ${fk.reference.resource}`);
      if (Array.isArray(r.path)) {
        assert.equal(r.path, [partitionPath("2022"), partitionPath("2023")]);
        continue;
      }
      const bytes = readFileSync(path.join(a, r.path));
      assert.is(r.bytes, bytes.length);
      assert.is(r.hash, `sha256:${createHash("sha256").update(bytes).digest("hex")}`);
    }
    const events = parquet.find((r) => r.name === "events-parquet")!;
    assert.is(events.schema!.fields.find((f) => f.name === "tags")!.type, "array", "a list column is an array in Parquet");
    assert.is(events.schema!.fields.find((f) => f.name === "coded_at")!.type, "date");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** The CSV files of a release (output.ts's TableWriter) for some events; the other tables with their header only. */
function csvFiles(dir: string, events: Event[]): void {
  const open = new OpenFiles();
  const writers = new Map(PARQUET_TABLES.map((t) => [t.name, new TableWriter(path.join(dir, t.file), t as TableDefinition<unknown>, open)]));
  for (const e of events) visitEventRows(e, { row: (table, record) => writers.get(table.name)!.row(record as never) });
  for (const w of writers.values()) w.close();
}

test("row groups of a fixed size; the events by year each in id order; every row once", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-parquet-"));
  try {
    const events = [...syntheticEvents({ records: 2500, seed: 5 })].map(([, record]) => record as unknown as Event).sort((a, b) => (a.id < b.id ? -1 : 1));
    csvFiles(dir, events);
    const written = await new ParquetSink(dir, { rowGroup: 2048 }).close();
    const years = [...new Set(events.map((e) => e.date.start.slice(0, 4)))].sort();
    assert.ok(years.length >= 3, "the synthetic events span years");
    assert.equal(written, [...PARQUET_TABLES.map(parquetPath), ...years.map(partitionPath)]);
    const con = await duckdb();
    const groups = (await con.runAndReadAll(`SELECT row_group_num_rows FROM parquet_metadata(${sql(path.join(dir, "parquet/events.parquet"))}) WHERE column_id = 0 ORDER BY row_group_id`)).getRowsJS().map((r) => Number(r[0]));
    assert.equal(groups, [2048, 452]);
    for (const year of years) {
      const ids = (await con.runAndReadAll(`SELECT event_id FROM read_parquet(${sql(path.join(dir, partitionPath(year)))}, hive_partitioning = false)`)).getRowsJS().map((r) => r[0]);
      assert.equal(ids, events.filter((e) => e.date.start.startsWith(year)).map((e) => e.id), `${year}: its events, in order`);
    }
    const counts = (await con.runAndReadAll(`SELECT count(*) FROM read_parquet(${sql(path.join(dir, "parquet/event_actors.parquet"))})`)).getRowsJS()[0]![0];
    assert.is(Number(counts), events.reduce((n, e) => n + e.actors.length, 0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a cell its column's type cannot hold stops the release, the file named; no events means no files by year", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-parquet-"));
  try {
    const record = [...syntheticEvents({ records: 1, seed: 5 })][0]![1] as unknown as Event;
    csvFiles(dir, [{ ...record, provenance: { ...record.provenance, coded_at: "2026-02-30" } }]);
      let message = "";
    try {
      await new ParquetSink(path.join(dir)).close();
    } catch (error) {
      message = (error as Error).message;
    }
    assert.match(message, /^parquet\/events\.parquet could not be written: .*2026-02-30.*; run validate$/);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    csvFiles(dir, []);
    const written = await new ParquetSink(dir).close();
    assert.equal(written, PARQUET_TABLES.map(parquetPath));
    assert.not.ok(existsSync(path.join(dir, "parquet", "events")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
