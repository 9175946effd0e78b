/**
 * The dataset card of a release (README.md) and CITATION.cff, read back as
 * their readers would: the front matter as YAML, the typed reads run by
 * pandas (/usr/bin/python3) and DuckDB (in process), the foreign keys of
 * datapackage.json checked against the tables, the Markdown compared with a
 * golden file.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { parse as parseCsv } from "csv-parse/sync";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse as parseYaml } from "yaml";
import { codeBlock, markdownWithCode } from "../../scripts/core/markdown.ts";
import { ABSTRACT, TITLE } from "../../scripts/export/about.ts";
import { sizeCategory, hubLanguages } from "../../scripts/export/card-front-matter.ts";
import { EventCounts } from "../../scripts/export/card.ts";
import type { Event } from "../../schema/index.ts";
import { TABLES } from "../../scripts/export/datapackage.ts";
import { assertGolden } from "../helpers/golden.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const PYTHON = "/usr/bin/python3";

/**
 * A small dataset with what default readers get wrong: an optional column
 * empty in every row (`admin1`), a numeric-looking id filled in one row of two
 * (`geonames_id` 2950159), dates (`coded_at`, an office's `from` and `to`), and
 * a duplicate tombstone (`duplicate_of`, the self-reference); and a second coding (not released: the card's Reliability).
 */
function fixtureDataset(): string {
  const berlin = editEvent(
    "locations:\n  - name: Kazakhstan\n    country: KAZ\n    precision: country\n",
    "locations:\n  - name: Berlin\n    country: DEU\n    geonames_id: 2950159\n    lat: 52.52437\n    lon: 13.41053\n    precision: city\n  - name: Kazakhstan\n    country: KAZ\n    precision: country\n",
  );
  let duplicate = editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: Blinken trifft die Außenminister Zentralasiens", berlin);
  duplicate = editEvent("language: en", "language: de-DE", duplicate);
  duplicate = editEvent("id: ev-p6w7bxbz", "id: ev-2eqrxyd2", duplicate);
  duplicate = editEvent("status: active\n", "status: duplicate\nduplicate_of: ev-p6w7bxbz\n", duplicate);
  return writeDataset({
    ...REGISTRY,
    "data/actors/antony-blinken.yaml":
      'schema_version: "1.3.0"\nid: antony-blinken\nname: Antony Blinken\nkind: person\ncountry: USA\noffices:\n  - title: Secretary of State\n    from: "2021-01-26"\n    to: "2025-01-20"\n  - title: Deputy Secretary of State\n',
    [EVENT_PATH]: berlin,
    "data/events/2023/02/ev-2eqrxyd2.yaml": duplicate,
    // A second coding of the article (coder B): the meeting alike, and an event the dataset does not have. Not released; the card's Reliability section.
    "data/codings/coder-b/2023/02/ev-dwgqbce2.yaml": editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2", editEvent("coded_by: [eventwire]", "coded_by: [coder-b]", berlin)),
    "data/codings/coder-b/2023/02/ev-kt5t8ctm.yaml": editEvent("id: ev-p6w7bxbz", "id: ev-kt5t8ctm", editEvent("coded_by: [eventwire]", "coded_by: [coder-b]", editEvent("event_type: CONSULT\nmode: multilateral", "event_type: REQUEST", editEvent("evidence:\n  - source: 0\n    claim: event_type", "evidence:\n  - source: 0\n    claim: date", berlin)))),
  });
}

interface Release {
  root: string;
  folder: string;
}

let release: Release | undefined;
async function fixtureRelease(): Promise<Release> {
  if (release) return release;
  const root = fixtureDataset();
  const r = await run(["release", "--version", "2.0.0", "--out", path.join(root, "dist")], { cwd: root, env: { SOURCE_DATE_EPOCH: "1700000000" } });
  assert.is(r.code, 0, r.stderr + r.stdout);
  release = { root, folder: path.join(root, "dist", "eventwire-2.0.0", "eventwire-2.0.0") };
  return release;
}

const read = (folder: string, file: string) => readFileSync(path.join(folder, file), "utf8");

/** The code blocks of a Markdown text that follow a line (the first block after it). */
function blockAfter(markdown: string, line: string, language: string): string[] {
  const lines = markdown.split("\n");
  const at = lines.indexOf(line);
  assert.ok(at >= 0, `the card has the line ${JSON.stringify(line)}`);
  const open = lines.findIndex((l, i) => i > at && l.startsWith("```"));
  assert.is(lines[open], "```" + language);
  const close = lines.findIndex((l, i) => i > open && l === "```");
  return lines.slice(open + 1, close);
}

test("the card of a fixture release, byte for byte (golden)", async () => {
  const { folder } = await fixtureRelease();
  assertGolden("card-fixture.md", read(folder, "README.md"));
});

test("the card counts active events by how many outlets report them: 1, 2, 3, 4 or more (tombstones not counted)", () => {
  const counts = new EventCounts();
  const event = (outlets: string[], status = "active") => ({ ...(parseYaml(EVENT_YAML) as Event), status, sources: outlets.map((outlet) => ({ outlet, language: "en" })) }) as Event;
  for (const outlets of [["dw"], ["dw", "dw"], ["dw", "afp"], ["a", "b", "c"], ["a", "b", "c", "d", "e"]]) counts.add(event(outlets));
  counts.add({ ...event(["a", "b"]), status: "retracted", retraction_reason: "x" } as Event);
  assert.equal([...counts.byOutlets].sort(), [["1", 2], ["2", 1], ["3", 1], ["4 or more", 1]]);
});

test("front matter: YAML a dataset hub reads, with licence, size category, languages and one Parquet config per table", async () => {
  const { folder } = await fixtureRelease();
  const card = read(folder, "README.md");
  assert.ok(card.startsWith("---\n"), "front matter first");
  const end = card.indexOf("\n---\n", 4);
  assert.ok(end > 0);
  const meta = parseYaml(card.slice(4, end + 1)) as Record<string, unknown>;
  assert.is(meta.license, "cc-by-4.0");
  assert.is(meta.pretty_name, "eventwire 2.0.0");
  assert.equal(meta.size_categories, ["n<1K"]);
  assert.equal(meta.language, ["de", "en"], "one event each: by code");
  assert.ok(Array.isArray(meta.tags) && meta.tags.length > 0);
  const configs = meta.configs as { config_name: string; data_files: string; default?: boolean }[];
  assert.equal(configs.map((c) => c.config_name).sort(), TABLES.map((t) => t.name).sort());
  for (const c of configs) assert.is(c.data_files, `parquet/${c.config_name}.parquet`);
  assert.equal(configs.filter((c) => c.default).map((c) => c.config_name), ["events"]);
  assert.is(configs[0]!.config_name, "events");
  assert.match(card.slice(end + 5), /^\n# eventwire 2\.0\.0\n/);
});

test("size categories and languages as the hub's buckets and codes", () => {
  assert.is(sizeCategory(0), "n<1K");
  assert.is(sizeCategory(999), "n<1K");
  assert.is(sizeCategory(1000), "1K<n<10K");
  assert.is(sizeCategory(100_000), "100K<n<1M");
  assert.is(sizeCategory(1_000_000), "1M<n<10M");
  assert.equal(hubLanguages(new Map([["de-DE", 1], ["en", 2], ["de", 2], ["x-klingon", 9], ["zh-Hant-TW", 1]])), ["de", "en", "zh"]);
});

/** The keys of CFF 1.2.0 (its schema's top-level properties) and the ones it requires. */
const CFF_KEYS = new Set(["abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers", "keywords", "license", "license-url", "message", "preferred-citation", "references", "repository", "repository-artifact", "repository-code", "title", "type", "url", "version"]);
const CFF_REQUIRED = ["authors", "cff-version", "message", "title"];

test("CITATION.cff: valid CFF 1.2.0 (required keys, known keys only, types), with the release's version and date", async () => {
  const { folder } = await fixtureRelease();
  const cff = parseYaml(read(folder, "CITATION.cff")) as Record<string, unknown>;
  for (const key of CFF_REQUIRED) assert.ok(cff[key] !== undefined && cff[key] !== "", `required ${key}`);
  for (const key of Object.keys(cff)) assert.ok(CFF_KEYS.has(key), `unknown key ${key}`);
  assert.is(cff["cff-version"], "1.2.0");
  assert.is(cff.type, "dataset");
  assert.is(cff.version, "2.0.0");
  assert.is(cff["date-released"], "2023-11-14");
  assert.is(cff.license, "CC-BY-4.0");
  const authors = cff.authors as Record<string, unknown>[];
  assert.ok(Array.isArray(authors) && authors.length > 0);
  for (const a of authors) assert.ok(typeof a.name === "string" || typeof a["family-names"] === "string", JSON.stringify(a));
  assert.ok((cff.keywords as unknown[]).every((k) => typeof k === "string"));
});

test("the card, CITATION.cff, datapackage.json and the landing page say what the dataset is in the same words; Parquet fields are lists, not text joined with |", async () => {
  const { folder } = await fixtureRelease();
  const cff = parseYaml(read(folder, "CITATION.cff")) as Record<string, unknown>;
  const descriptor = JSON.parse(read(folder, "datapackage.json")) as { title: string; description: string; resources: { name: string; format: string; description: string; schema?: { fields: { type: string; description: string }[] } }[] };
  assert.is(cff.title, TITLE);
  assert.is(cff.abstract, ABSTRACT);
  assert.is(descriptor.title, TITLE);
  assert.is(descriptor.description, ABSTRACT);
  assert.ok(read(folder, "README.md").includes(ABSTRACT));
  assert.ok(read(folder, "index.html").includes(ABSTRACT));
  for (const resource of descriptor.resources.filter((r) => r.format === "parquet")) {
    assert.not.match(resource.description, /join(ed)? with/, resource.name);
    for (const field of resource.schema?.fields ?? []) assert.not.match(field.description, /joined with/, `${resource.name}: ${field.description}`);
  }
  // The card's file table names the changelog and the spreadsheet this release has.
  const card = read(folder, "README.md");
  assert.match(card, /^\| `CHANGELOG\.md` \|/m);
  assert.is(/^\| `eventwire\.xlsx` \|/m.test(card), existsSync(path.join(folder, "eventwire.xlsx")));
});

test("a version YAML would read as a number stays a string in CITATION.cff and the front matter", async () => {
  const { citationFile } = await import("../../scripts/export/card.ts");
  assert.is(parseYaml(citationFile("1.0", "2024-01-02T00:00:00Z")).version, "1.0");
  assert.is(parseYaml(citationFile("1.0", undefined))["date-released"], undefined);
});

test("the card's pandas reads, run by pandas: declared dtypes, ids as text (2950159 stays 2950159), empty columns not float64", async () => {
  const probe = spawnSync(PYTHON, ["-c", "import pandas"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    console.log(`  skipped: ${PYTHON} cannot import pandas (${probe.error?.message ?? probe.stderr.trim().split("\n").pop()})`);
    return;
  }
  const { folder } = await fixtureRelease();
  const reads = blockAfter(read(folder, "README.md"), "pandas (the dtype names need pandas 1.0 or later):", "python");
  const names = TABLES.map((t) => t.name);
  const script = [
    ...reads,
    "import json",
    `frames = {${names.map((n) => `${JSON.stringify(n)}: ${n}`).join(", ")}}`,
    "out = {name: {'dtypes': {c: str(t) for c, t in f.dtypes.items()}, 'rows': [[None if pd.isna(v) else str(v) for v in row] for row in f.itertuples(index=False)]} for name, f in frames.items()}",
    // What the reads are for: the same file read with pandas' defaults loses the types.
    "plain = pd.read_csv('event_locations.csv')",
    "out['default read'] = {'dtypes': {c: str(t) for c, t in plain.dtypes.items()}, 'rows': [[None if pd.isna(v) else str(v) for v in row] for row in plain.itertuples(index=False)]}",
    "print(json.dumps(out))",
  ].join("\n");
  const r = spawnSync(PYTHON, ["-c", script], { cwd: folder, encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, { dtypes: Record<string, string>; rows: (string | null)[][] }>;
  // Every column as the Table Schema declares it: never float64 for a string, integer or date column.
  for (const table of TABLES) {
    const dtypes = out[table.name]!.dtypes;
    assert.equal(Object.keys(dtypes), table.columns.map((c) => c.name), table.name);
    for (const c of table.columns) {
      const expected = { string: "string", integer: "Int64", number: "float64", date: "datetime64[ns]", boolean: "boolean" }[c.type];
      assert.is(dtypes[c.name], expected, `${table.name}.${c.name}`);
    }
  }
  const locations = out.event_locations!;
  const column = (t: { dtypes: Record<string, string>; rows: (string | null)[][] }, name: string) => t.rows.map((row) => row[Object.keys(t.dtypes).indexOf(name)]);
  assert.equal(column(locations, "geonames_id"), ["2950159", null, "2950159", null]);
  assert.equal(column(locations, "admin1"), [null, null, null, null], "an empty optional column: all missing, and still text");
  assert.equal(column(out.events!, "event_id"), ["ev-2eqrxyd2", "ev-p6w7bxbz"]);
  assert.equal(column(out.events!, "duplicate_of"), ["ev-p6w7bxbz", null]);
  assert.equal(column(out.events!, "coded_at"), ["2026-11-27 00:00:00", "2026-11-27 00:00:00"]);
  assert.equal(column(out.actor_offices!, "from"), ["2021-01-26 00:00:00", null]);
  assert.equal(column(out.event_locations!, "lat"), ["52.52437", null, "52.52437", null]);
  assert.is(out["default read"]!.dtypes.geonames_id, "float64", "the fixture has what default readers get wrong");
  assert.is(out["default read"]!.dtypes.admin1, "float64");
  assert.equal(column(out["default read"]!, "geonames_id"), ["2950159.0", null, "2950159.0", null]);
});

test("the card's DuckDB reads, run by DuckDB: declared column types, ids as text, empty cells NULL", async () => {
  const { folder } = await fixtureRelease();
  const reads = blockAfter(read(folder, "README.md"), "DuckDB (run in the release folder):", "sql");
  assert.is(reads.length, TABLES.length);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    // The reads name files relative to the release folder, as a user in that folder runs them.
    await connection.run(`SET file_search_path = '${folder.replace(/'/g, "''")}'`);
    for (const line of reads) await connection.run(line);
    const types = { string: "VARCHAR", integer: "BIGINT", number: "DOUBLE", date: "DATE", boolean: "BOOLEAN" };
    for (const table of TABLES) {
      const described = (await connection.runAndReadAll(`DESCRIBE ${table.name}`)).getRowObjectsJson();
      assert.equal(
        described.map((d) => [d.column_name, d.column_type]),
        table.columns.map((c) => [c.name, types[c.type]]),
        table.name,
      );
      const count = (await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table.name}`)).getRowObjectsJson()[0]!.n;
      const csvRows = (parseCsv(read(folder, table.file), { columns: true }) as unknown[]).length;
      assert.is(count, csvRows, `${table.name}: every row`);
    }
    const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowsJson();
    assert.equal(await rows("SELECT geonames_id, admin1 FROM event_locations ORDER BY event_id, position"), [["2950159", null], [null, null], ["2950159", null], [null, null]]);
    assert.equal(await rows("SELECT event_id, duplicate_of, CAST(coded_at AS VARCHAR) FROM events ORDER BY event_id"), [["ev-2eqrxyd2", "ev-p6w7bxbz", "2026-11-27"], ["ev-p6w7bxbz", null, "2026-11-27"]]);
    assert.equal(await rows(`SELECT CAST("from" AS VARCHAR), CAST("to" AS VARCHAR) FROM actor_offices ORDER BY position`), [["2021-01-26", "2025-01-20"], [null, null]]);
    // The two relations of datapackage.json hold in SQL too.
    assert.equal(await rows("SELECT count(*)::INTEGER FROM event_evidence e ANTI JOIN event_sources s ON s.event_id = e.event_id AND s.position = e.source_position"), [[0]]);
    assert.equal(await rows("SELECT count(*)::INTEGER FROM events d ANTI JOIN events e ON e.event_id = d.duplicate_of WHERE d.duplicate_of IS NOT NULL"), [[0]]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});

test("datapackage.json: the two relations declared (evidence -> its source; duplicate_of -> events, a self-reference) and holding", async () => {
  const { folder } = await fixtureRelease();
  const descriptor = JSON.parse(read(folder, "datapackage.json")) as { resources: { name: string; path: string; format?: string; schema?: { foreignKeys?: { fields: string[]; reference: { resource?: string; fields: string[] } }[] } }[] };
  const resource = (name: string) => descriptor.resources.find((r) => r.name === name)!;
  assert.equal(resource("events").schema!.foreignKeys, [{ fields: ["duplicate_of"], reference: { fields: ["event_id"] } }]);
  assert.ok(
    resource("event_evidence").schema!.foreignKeys!.some((fk) => JSON.stringify(fk) === JSON.stringify({ fields: ["event_id", "source_position"], reference: { resource: "event_sources", fields: ["event_id", "position"] } })),
  );
  const csv = (file: string) => parseCsv(read(folder, file), { columns: true }) as Record<string, string>[];
  let checked = 0;
  // The CSV resources' (the Parquet resources declare the same relations among themselves: parquet.test.ts reads them).
  for (const res of descriptor.resources.filter((r) => r.format !== "parquet"))
    for (const fk of res.schema?.foreignKeys ?? []) {
      const target = fk.reference.resource === undefined ? res : resource(fk.reference.resource);
      const keys = new Set(csv(target.path).map((row) => fk.reference.fields.map((f) => row[f]).join("\u0000")));
      for (const row of csv(res.path)) {
        if (fk.fields.every((f) => row[f] === "")) continue;
        assert.ok(keys.has(fk.fields.map((f) => row[f]).join("\u0000")), `${res.name} ${fk.fields} -> ${target.name}`);
        checked++;
      }
    }
  assert.ok(checked > 5);
});

test("Markdown per context: code spans show <id> as written, text has no HTML, a pipe does not split a cell", () => {
  assert.is(markdownWithCode("`actor:<id>` or `location:<n>`"), "`actor:<id>` or `location:<n>`");
  assert.is(markdownWithCode("a <b>bold</b> & *claim*"), "a &lt;b&gt;bold&lt;/b&gt; &amp; \\*claim\\*");
  assert.is(markdownWithCode("joined with `|` or |", true), "joined with `\\|` or \\|");
  assert.is(markdownWithCode("an unmatched ` backtick"), "an unmatched \\` backtick");
  assert.is(markdownWithCode("two\nlines"), "two lines");
  assert.equal(codeBlock("sql", ["SELECT '```'"]), ["````sql", "SELECT '```'", "````"]);
});

test.after(() => {
  if (release) rmSync(release.root, { recursive: true, force: true });
});

test.run();
