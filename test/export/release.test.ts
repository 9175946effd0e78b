/** `eventwire release`, read back with independent readers: csv-parse, ajv, sha256; deterministic and atomic. */
import { Ajv2020 } from "ajv/dist/2020.js";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse as parseCsv } from "csv-parse/sync";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse as parseYaml, stringify } from "yaml";
import * as tar from "tar";
import { LATEST_VERSION } from "../../schema/versions.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { discover } from "../../scripts/dataset/discover.ts";
import { buildRelease } from "../../scripts/export/release.ts";
import { CSV_OPTIONS, FormulaCellsError } from "../../scripts/export/output.ts";
import { stringify as stringifyCsv } from "csv-stringify/sync";
import { ACTORS, EVENT_ACTORS, EVENT_EVIDENCE, EVENT_LOCATIONS, EVENT_SOURCES, EVENTS, OUTLETS, JOIN } from "../../scripts/export/tables.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";
import { syntheticDataset } from "../helpers/synthetic-dataset.ts";
import { main } from "../../scripts/cli.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const addFormats7 = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[] };
}
interface Resource {
  name: string;
  path: string;
  type?: string;
  format?: string;
  bytes: number;
  hash: string;
  dialect?: unknown;
  schema?: { fields: Field[]; primaryKey: string[]; foreignKeys?: { fields: string[]; reference: { resource?: string; fields: string[] } }[] };
}
interface Descriptor {
  created?: string;
  version: string;
  resources: Resource[];
}

const read = (folder: string, file: string) => readFileSync(path.join(folder, file), "utf8");
const csv = (folder: string, file: string) => parseCsv(read(folder, file), { columns: true, bom: false, relax_quotes: false }) as Record<string, string>[];


/** The release folder of a version in the set <out>/eventwire-<v>/ (the archive is beside it: `${folder}.tar.gz`). */
function releaseFolder(...parts: string[]): string {
  const version = parts.pop()!;
  return path.join(...parts, `eventwire-${version}`, `eventwire-${version}`);
}

function releaseOfRepo(): string {
  const out = mkdtempSync(path.join(tmpdir(), "eventwire-release-"));
  return out;
}

test("the real dataset: CSV cells equal the JSONL values; every JSONL line meets the published schema; checksums hold", async () => {
  const out = releaseOfRepo();
  try {
    const r = await run(["release", "--version", "1.2.3", "--out", out], { cwd: TOOLKIT_ROOT });
    assert.is(r.code, 0, r.stderr);
    const folder = releaseFolder(out, "1.2.3");
    const lines = read(folder, "events.jsonl").split("\n");
    assert.is(lines.pop(), "", "a final newline");
    const events = lines.map((l) => JSON.parse(l));
    assert.equal(events.map((e) => e.id), [...events.map((e) => e.id)].sort(), "sorted by id");

    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(read(folder, "schema/event.schema.json")));
    for (const e of events) assert.ok(validate(e), JSON.stringify(validate.errors));

    const rows = csv(folder, "events.csv");
    assert.is(rows.length, events.length);
    rows.forEach((row, i) => {
      const e = events[i];
      for (const column of EVENTS.columns) {
        const expected = column.value(e, 0);
        assert.is(row[column.name], expected === undefined ? "" : String(expected), `${e.id} ${column.name}`);
      }
      assert.equal(row.initiator_ids!.split(JOIN).filter(Boolean), e.actors.filter((a: { role: string }) => a.role === "initiator").map((a: { actor: string }) => a.actor));
    });
    const longTables: [string, (e: Record<string, unknown[]>) => unknown[], typeof EVENT_ACTORS | typeof EVENT_LOCATIONS | typeof EVENT_SOURCES | typeof EVENT_EVIDENCE][] = [
      ["event_actors.csv", (e) => e.actors!, EVENT_ACTORS],
      // Schema 1.3.0: an event the pages do not place has no locations.
      ["event_locations.csv", (e) => e.locations ?? [], EVENT_LOCATIONS],
      ["event_sources.csv", (e) => e.sources!, EVENT_SOURCES],
      ["event_evidence.csv", (e) => e.evidence ?? [], EVENT_EVIDENCE],
    ];
    for (const [file, items, table] of longTables) {
      const expected = events.flatMap((event) =>
        items(event).map((item, i) => Object.fromEntries(table.columns.map((c) => [c.name, String((c.value as (r: unknown) => unknown)({ event, item, position: i + 1 }) ?? "")]))),
      );
      assert.equal(csv(folder, file), expected, file);
    }
    // Evidence, read independently: each quote exactly as in the JSONL, and its source counted from 1.
    const evidenceRows = csv(folder, "event_evidence.csv");
    const quotes = events.flatMap((e) => ((e.evidence ?? []) as { source: number; claim: string; quote: { exact: string } }[]).map((x) => [e.id, x.source + 1, x.claim, x.quote.exact].join("\u0000")));
    assert.ok(quotes.length > 30, "the seed events carry evidence");
    assert.equal(evidenceRows.map((r) => [r.event_id, r.source_position, r.claim, r.exact].join("\u0000")), quotes);
    assert.is(csv(folder, "actors.csv").length, readdirSync(path.join(TOOLKIT_ROOT, "data/actors")).length);
    // The actors' lists, as long tables: the same values, in the same order, as the registry files.
    const registry = readdirSync(path.join(TOOLKIT_ROOT, "data/actors"))
      .sort()
      .map((f) => parseYaml(readFileSync(path.join(TOOLKIT_ROOT, "data/actors", f), "utf8")) as { id: string; aliases?: string[]; offices?: { title: string; from?: string; to?: string }[] })
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.equal(
      csv(folder, "actor_aliases.csv"),
      registry.flatMap((a) => (a.aliases ?? []).map((alias, i) => ({ actor_id: a.id, position: String(i + 1), alias }))),
    );
    assert.equal(
      csv(folder, "actor_offices.csv"),
      registry.flatMap((a) => (a.offices ?? []).map((o, i) => ({ actor_id: a.id, position: String(i + 1), title: o.title, from: o.from ?? "", to: o.to ?? "" }))),
    );
    assert.ok(csv(folder, "actor_aliases.csv").length > 0, "the real registry has aliases");
    assert.equal(Object.keys(csv(folder, "outlets.csv")[0]!), OUTLETS.columns.map((c) => c.name));
    assert.equal(Object.keys(csv(folder, "actors.csv")[0]!), ACTORS.columns.map((c) => c.name));

    // CSV: RFC 4180 line ends, no BOM; ids stay strings (csv-parse reads text, and nothing here is a number but counts).
    const raw = readFileSync(path.join(folder, "events.csv"));
    assert.not.ok(raw[0] === 0xef, "no BOM");
    assert.ok(raw.includes("\r\n"), "CRLF");

    // SHA256SUMS: sorted by path, `sha256sum -c` format, every file but itself.
    const sums = read(folder, "SHA256SUMS").trimEnd().split("\n").map((l) => /^([0-9a-f]{64})  (.+)$/.exec(l)!);
    assert.equal(sums.map((m) => m[2]), [...sums.map((m) => m[2])].sort());
    for (const [, hash, file] of sums) assert.is(createHash("sha256").update(readFileSync(path.join(folder, file!))).digest("hex"), hash, file);
    const all: string[] = [];
    const walk = (rel: string) => {
      for (const e of readdirSync(path.join(folder, rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(child);
        else if (child !== "SHA256SUMS") all.push(child);
      }
    };
    walk("");
    assert.equal(all.sort(), sums.map((m) => m[2]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("datapackage.json follows the Data Package 2.0 profiles; its sizes, hashes, keys and references hold", async () => {
  const out = releaseOfRepo();
  try {
    const r = await run(["release", "--version", "1.2.3", "--out", out], { cwd: TOOLKIT_ROOT, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    assert.is(r.code, 0, r.stderr);
    const folder = releaseFolder(out, "1.2.3");
    const descriptor = JSON.parse(read(folder, "datapackage.json")) as Descriptor;
    assert.is(descriptor.created, "2023-11-14T22:13:20Z", "created from SOURCE_DATE_EPOCH");
    assert.is(descriptor.version, "1.2.3");
    const profiles = path.join(TOOLKIT_ROOT, "test", "fixtures", "profiles", "datapackage-2.0");
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats7(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(profiles, "datapackage.json"), "utf8")));
    const valid = validate(JSON.parse(read(folder, "datapackage.json")));
    assert.ok(valid, JSON.stringify(validate.errors, null, 1));
    const tableSchema = ajv.compile(JSON.parse(readFileSync(path.join(profiles, "tableschema.json"), "utf8")));
    const dialect = ajv.compile(JSON.parse(readFileSync(path.join(profiles, "tabledialect.json"), "utf8")));
    const resource = ajv.compile(JSON.parse(readFileSync(path.join(profiles, "dataresource.json"), "utf8")));
    const listed = read(folder, "SHA256SUMS").trimEnd().split("\n").map((l) => l.slice(66));
    const described = new Set<string>();
    for (const res of descriptor.resources) {
      assert.ok(resource(structuredClone(res)), `${res.name}: ${JSON.stringify(resource.errors)}`);
      // The events by year (Parquet) are one resource of several files: each is in SHA256SUMS (parquet.test.ts checks them).
      if (Array.isArray(res.path)) {
        for (const p of res.path as string[]) described.add(p);
        assert.ok(tableSchema(structuredClone(res.schema)), `${res.name}: ${JSON.stringify(tableSchema.errors)}`);
        continue;
      }
      const bytes = readFileSync(path.join(folder, res.path));
      assert.is(res.bytes, bytes.length, res.path);
      assert.is(res.hash, `sha256:${createHash("sha256").update(bytes).digest("hex")}`, res.path);
      described.add(res.path);
      if (res.type !== "table") continue;
      const schema = res.schema!;
      assert.ok(tableSchema(structuredClone(schema)), `${res.name}: ${JSON.stringify(tableSchema.errors)}`);
      // The Parquet tables are read back with DuckDB in parquet.test.ts.
      if (res.format === "parquet") continue;
      assert.ok(dialect(structuredClone(res.dialect)), `${res.name}: ${JSON.stringify(dialect.errors)}`);
      const rows = csv(folder, res.path);
      assert.equal(Object.keys(rows[0] ?? {}), schema.fields.map((f) => f.name), `${res.path}: columns as described`);
      // Primary keys are unique; foreign keys point at rows that exist (ids joined with | are not keys).
      const key = (row: Record<string, string>, fields: string[]) => fields.map((f) => row[f]).join("\u0000");
      assert.is(new Set(rows.map((row) => key(row, schema.primaryKey))).size, rows.length, `${res.path}: primary key`);
      // A reference with no resource is to the same table; a row whose key fields are all empty refers to nothing.
      for (const fk of schema.foreignKeys ?? []) {
        const target = fk.reference.resource === undefined ? res : descriptor.resources.find((x) => x.name === fk.reference.resource)!;
        const keys = new Set(csv(folder, target.path).map((row) => key(row, fk.reference.fields)));
        for (const row of rows) if (fk.fields.some((f) => row[f] !== "")) assert.ok(keys.has(key(row, fk.fields)), `${res.path} ${fk.fields} -> ${target.name}: ${key(row, fk.fields)}`);
      }
      for (const field of schema.fields)
        for (const row of rows) {
          const cell = row[field.name]!;
          if (cell === "") assert.not.ok(field.constraints?.required, `${res.path} ${field.name}: required`);
          else if (field.type === "integer") assert.match(cell, /^-?\d+$/);
          else if (field.type === "number") assert.ok(Number.isFinite(Number(cell)), cell);
          else if (field.type === "date") assert.match(cell, /^\d{4}-\d{2}-\d{2}$/);
          if (cell !== "" && field.constraints?.enum) assert.ok(field.constraints.enum.includes(cell), `${field.name}: ${cell}`);
        }
    }
    assert.equal([...described].sort(), listed.filter((f) => !["datapackage.json", "README.md", "CITATION.cff", "CHANGELOG.md", "index.html"].includes(f)).sort(), "every data file is a resource");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the dataset card counts the events and describes every column; CITATION.cff names the version", async () => {
  const out = releaseOfRepo();
  try {
    await run(["release", "--version", "1.2.3", "--out", out], { cwd: TOOLKIT_ROOT, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    const folder = releaseFolder(out, "1.2.3");
    const card = read(folder, "README.md");
    const events = read(folder, "events.jsonl").trimEnd().split("\n").map((l) => JSON.parse(l));
    const active = events.filter((e) => e.status === "active");
    assert.match(card, new RegExp(`${events.length} events: ${active.length} active`));
    const types = new Map<string, number>();
    for (const e of active) types.set(e.event_type, (types.get(e.event_type) ?? 0) + 1);
    for (const [type, n] of types) assert.match(card, new RegExp(`\\| ${type} \\| ${n} \\|`));
    for (const table of [EVENTS, EVENT_ACTORS, EVENT_LOCATIONS, EVENT_SOURCES, ACTORS, OUTLETS]) {
      assert.match(card, new RegExp(`### ${table.file.replace(".", "\\.")}`));
      for (const c of table.columns) assert.ok(card.includes(`| \`${c.name}\` | ${c.type} |`), `${table.file} ${c.name}`);
    }
    // The column descriptions are Markdown with code spans: `<` stays `<` inside code (an entity would show as written).
    assert.ok(card.includes("`event_type`, `mode`, `date`, `actor:<id>` or `location:<n>`"), "claim's description");
    assert.not.match(card, /&lt;|&gt;|&amp;/);
    assert.ok(card.includes("joined with `\\|`"), "a pipe in a code span in a table cell is escaped for GFM");
    const cff = parseYaml(read(folder, "CITATION.cff"));
    assert.is(cff["cff-version"], "1.2.0");
    assert.is(cff.version, "1.2.3");
    assert.is(cff["date-released"], "2023-11-14");
    assert.is(cff.license, "CC-BY-4.0");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("--previous: CHANGELOG.md and changes.csv list what was added, modified, retracted", async () => {
  const other = "data/events/2023/02/ev-dwgqbce2.yaml";
  const otherYaml = editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2", editEvent("mode: multilateral", "mode: visit"));
  const third = "data/events/2023/02/ev-kt5t8ctm.yaml";
  const thirdYaml = editEvent("id: ev-p6w7bxbz", "id: ev-kt5t8ctm", editEvent("event_type: CONSULT\nmode: multilateral", "event_type: SUPPORT"));
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, [other]: otherYaml });
  const out = path.join(root, "dist");
  try {
    assert.is((await run(["release", "--version", "1.0.0", "--out", out], { cwd: root })).code, 0);
    const first = releaseFolder(out, "1.0.0");
    assert.equal(csv(first, "changes.csv").map((r) => `${r.event_id}:${r.change}`), ["ev-dwgqbce2:added", "ev-p6w7bxbz:added"]);
    assert.match(read(first, "CHANGELOG.md"), /The first release/);

    writeFileSync(path.join(root, EVENT_PATH), editEvent("status: active", "status: retracted\nretraction_reason: The source withdrew the report."));
    writeFileSync(path.join(root, other), otherYaml.replace("Blinken meets the five", "Blinken meets all five"));
    writeFileSync(path.join(root, third), thirdYaml);
    const r = await run(["release", "--version", "1.1.0", "--out", out, "--previous", first], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const second = releaseFolder(out, "1.1.0");
    assert.equal(csv(second, "changes.csv"), [
      { event_id: "ev-dwgqbce2", change: "modified", previous_status: "active", status: "active" },
      { event_id: "ev-kt5t8ctm", change: "added", previous_status: "", status: "active" },
      { event_id: "ev-p6w7bxbz", change: "retracted", previous_status: "active", status: "retracted" },
    ]);
    const log = read(second, "CHANGELOG.md");
    assert.match(log, /Changes since 1\.0\.0\./);
    assert.match(log, /### added \(1\)\n\n`ev-kt5t8ctm`/);
    assert.match(log, /### retracted \(1\)/);
    assert.not.match(log, /Schema changes/);
    const same = await run(["release", "--version", "1.1.1", "--out", out, "--previous", `${second}.tar.gz`], { cwd: root });
    assert.is(same.code, 0);
    assert.match(read(releaseFolder(out, "1.1.1"), "CHANGELOG.md"), /No event changed\./);
    const bad = await run(["release", "--version", "1.2.0", "--out", out, "--previous", root], { cwd: root });
    assert.is(bad.code, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("CSV cells with line breaks, quotes and commas read back as written", () => {
  const values = ["a\nb", "a\rb", "a\r\nb", "line\u2028sep", 'say "hi", then go', "", "plain"];
  const text = stringifyCsv([values], CSV_OPTIONS);
  assert.equal(parseCsv(text, { columns: false }), [values]);
});

const PLUS_972 = 'schema_version: "1.3.0"\nid: plus-972\nname: "+972 Magazine"\nkind: online\ncountry: ISR\ndomains: [972mag.com]\n';

test("a text cell that starts like a formula: an error in validate, and the release is refused, nothing written", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, "data/outlets/plus-972.yaml": PLUS_972 });
  try {
    const checked = await run(["validate", "--format", "json"], { cwd: root });
    assert.is(checked.code, 1, "an error");
    assert.equal(JSON.parse(checked.stdout).findings.map((f: { rule: string; line: number; column: number }) => [f.rule, f.line, f.column]), [["text-formula", 3, 7]]);
    const r = await run(["release", "--version", "1.0.0", "--out", path.join(root, "dist")], { cwd: root });
    assert.is(r.code, 1, r.stderr);
    assert.match(r.stderr, /data\/outlets\/plus-972\.yaml:3:7 +error +text-formula/);
    assert.not.ok(existsSync(path.join(root, "dist")), "nothing written");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the CSV writer refuses a formula-like text cell from any source, naming file, row and column; numbers stay numbers", async () => {
  const root = writeDataset({
    ...REGISTRY,
    [EVENT_PATH]: editEvent("    precision: country", "    precision: country\n    lat: -12.5\n    lon: -0.25"),
    "data/outlets/plus-972.yaml": PLUS_972,
  });
  const out = path.join(root, "dist");
  try {
    // Past validate (the build alone, as a script would call it): the cell check still holds.
    let refused: unknown;
    await buildRelease({ out, version: "1.0.0", files: await discover(root) }).catch((error: unknown) => (refused = error));
    assert.instance(refused, FormulaCellsError);
    assert.match((refused as Error).message, /^1 text cell would start with/);
    assert.ok((refused as Error).message.includes('outlets.csv, row outlet_id plus-972, column name: "+972 Magazine"'), (refused as Error).message);
    assert.equal(readdirSync(out), [], "no release, no temporary folder");

    // Without it, the release is built; negative numbers are numbers, not text cells.
    rmSync(path.join(root, "data/outlets/plus-972.yaml"));
    assert.is((await run(["release", "--version", "1.0.0", "--out", out], { cwd: root })).code, 0);
    const previous = releaseFolder(out, "1.0.0");
    const located = csv(previous, "event_locations.csv")[0]!;
    assert.is(located.lat, "-12.5");
    assert.is(located.lon, "-0.25");

    // A previous release is data from outside too: an id in it that would start a formula reaches changes.csv, and is refused.
    const line = read(previous, "events.jsonl");
    writeFileSync(path.join(previous, "events.jsonl"), line.replace(/"id":"ev-p6w7bxbz"/, '"id":"=HYPERLINK(1)"').replace(/"status":"active"/, '"status":"@SUM(1)"') + line);
    const r = await run(["release", "--version", "1.1.0", "--out", out, "--previous", previous], { cwd: root });
    assert.is(r.code, 1, r.stderr);
    assert.match(r.stderr, /^release: not built: 2 text cells would start with/);
    assert.ok(r.stderr.includes('changes.csv, row event_id =HYPERLINK(1), column event_id: "=HYPERLINK(1)"'), r.stderr);
    assert.ok(r.stderr.includes('changes.csv, row event_id =HYPERLINK(1), column previous_status: "@SUM(1)"'), r.stderr);
    assert.equal(readdirSync(out).sort(), ["eventwire-1.0.0"], "1.1.0 is not written");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("progress on a terminal: a count redrawn in place, cleared at the end; nothing when not a terminal, nor in CI", async () => {
  const out = releaseOfRepo();
  try {
    let stderr = "";
    // The line waits a second before it is drawn (core/terminal.ts); the test draws it from the start.
    const io = { cwd: TOOLKIT_ROOT, env: { EVENTWIRE_TEST_PROGRESS_AFTER: "0" }, stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t), isTTY: true } };
    assert.is(await main(["release", "--version", "1.0.0", "--out", out], io), 0);
    assert.match(stderr, /\r\u001b\[2Krelease: 0 of \d+ records checked and written/);
    assert.match(stderr, /\r\u001b\[2Krelease: (\d+) of \1 records checked and written, [\d,]+ records\/s/);
    assert.ok(stderr.endsWith("\r\u001b[2K"));
    const quiet = await run(["release", "--version", "1.0.1", "--out", out], { cwd: TOOLKIT_ROOT });
    assert.is(quiet.stderr, "");
    stderr = "";
    assert.is(await main(["release", "--version", "1.0.2", "--out", out], { ...io, env: { ...io.env, CI: "true" } }), 0);
    assert.is(stderr, "", "no progress line in CI");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("workers write the event files as they validate: 1, 2 or 3 threads give the same bytes, archive included", async () => {
  const root = writeDataset(syntheticDataset(300));
  try {
    const builds: string[] = [];
    for (const threads of ["1", "2", "3"]) {
      const out = path.join(root, `dist-${threads}`);
      const r = await run(["release", "--version", "1.0.0", "--out", out], { cwd: root, env: { EVENTWIRE_THREADS: threads, SOURCE_DATE_EPOCH: "1700000000" } });
      assert.is(r.code, 0, r.stderr);
      const folder = releaseFolder(out, "1.0.0");
      assert.equal(readdirSync(folder).filter((f) => f.startsWith(".")), [], "no part file is left");
      builds.push(read(folder, "SHA256SUMS") + createHash("sha256").update(readFileSync(`${folder}.tar.gz`)).digest("hex"));
    }
    assert.is(builds[1], builds[0]);
    assert.is(builds[2], builds[0]);
    const ids = read(releaseFolder(root, "dist-2", "1.0.0"), "events.jsonl").trimEnd().split("\n").map((l) => JSON.parse(l).id as string);
    assert.is(ids.length, 300);
    assert.equal(ids, [...ids].sort(), "the parts join in id order");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("validate errors found by a worker: no release, no part file, no dist/ left behind", async () => {
  const files = syntheticDataset(50);
  const [first] = Object.keys(files).filter((f) => f.startsWith("data/events/"));
  files[first!] = files[first!]!.replace("precision: day", "precision: days");
  const root = writeDataset(files);
  try {
    const r = await run(["release", "--version", "1.0.0", "--out", path.join(root, "dist")], { cwd: root, env: { EVENTWIRE_THREADS: "2" } });
    assert.is(r.code, 1);
    assert.match(r.stderr, /release: not built/);
    assert.not.ok(existsSync(path.join(root, "dist")));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a dataset of 1.0.0 and 1.1.0 records: valid (each record against its own version, old ones noted) and released as 1.1.0", async () => {
  const files = syntheticDataset(40);
  const events = Object.keys(files).filter((f) => f.startsWith("data/events/"));
  // 1.0.0 ancestors: the version line, and no evidence (1.0.0 has none).
  for (const f of events.slice(0, 20)) files[f] = files[f]!.replace(`schema_version: ${LATEST_VERSION}`, "schema_version: 1.0.0").replace(/^evidence:\n[\s\S]*$/m, "");
  const root = writeDataset(files);
  try {
    const validated = await run(["validate", "--format", "json"], { cwd: root });
    assert.is(validated.code, 0, validated.stdout);
    const findings = JSON.parse(validated.stdout).findings as { rule: string; severity: string }[];
    assert.is(findings.filter((f) => f.rule === "schema-outdated").length, 20 + 410, "20 events and the 410 registry records on 1.0.0");
    assert.ok(findings.every((f) => f.severity === "info"));

    const r = await run(["release", "--version", "3.0.0", "--out", path.join(root, "dist")], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const folder = releaseFolder(root, "dist", "3.0.0");
    const lines = read(folder, "events.jsonl").trimEnd().split("\n").map((l) => JSON.parse(l));
    assert.is(lines.length, 40);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(read(folder, "schema/event.schema.json")));
    for (const e of lines) {
      assert.is(e.schema_version, LATEST_VERSION);
      assert.ok(validate(e), JSON.stringify(validate.errors));
    }
    assert.ok(read(folder, "actors.csv").length > 0);
    assert.is(JSON.parse(read(folder, "schema/actor.schema.json")).$id, `urn:eventwire:schema:${LATEST_VERSION}:actor`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** An imported record of schema 1.3.0: no locations, an origin; its outlet known by name alone, its actor created by the import. */
const IMPORTED_PATH = "data/events/2023/02/ev-1mp0rt3d.yaml";
const IMPORTED = `schema_version: "1.3.0"
id: ev-1mp0rt3d
status: active
title: Police disperse a protest in Dhaka
summary: Police dispersed a protest by garment workers, according to the imported record.
date:
  start: "2023-02-27"
  precision: day
event_type: PROTEST
mode: demo
actors:
  - actor: police-bangladesh
    role: recipient
sources:
  - outlet: daily-star
    url: https://www.thedailystar.net/news/x
    language: en
provenance:
  coded_by: [eventwire]
  coded_at: "2026-12-06"
  method: imported
  origin:
    dataset: acled
    version: "2025-06-30"
    id: BGD12345
`;
const DAILY_STAR = 'schema_version: "1.3.0"\nid: daily-star\nname: Daily Star (Bangladesh)\nkind: newspaper\norigin:\n  dataset: acled\n  version: "2025-06-30"\n  id: Daily Star (Bangladesh)\n';
const POLICE = 'schema_version: "1.3.0"\nid: police-bangladesh\nname: Police Forces of Bangladesh\nkind: organization\ncountry: BGD\norigin:\n  dataset: acled\n  version: "2025-06-30"\n  id: Police Forces of Bangladesh (2009-)\n';

test("an imported event without locations, whose outlet has no domains nor country: valid, and released with empty cells where they would be", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, [IMPORTED_PATH]: IMPORTED, "data/outlets/daily-star.yaml": DAILY_STAR, "data/actors/police-bangladesh.yaml": POLICE });
  try {
    const validated = await run(["validate", "--format", "json"], { cwd: root });
    assert.is(validated.code, 0, validated.stdout);
    const findings = JSON.parse(validated.stdout).findings as { rule: string; severity: string; file: string }[];
    assert.equal(findings.filter((f) => f.severity !== "info"), [], "no error or warning (url-domain passes over an outlet without domains)");
    const r = await run(["release", "--version", "1.3.0", "--out", path.join(root, "dist")], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const folder = releaseFolder(root, "dist", "1.3.0");
    const row = csv(folder, "events.csv").find((e) => e.event_id === "ev-1mp0rt3d")!;
    assert.is(row.countries, "");
    assert.is(row.method, "imported");
    assert.equal([row.origin_dataset, row.origin_version, row.origin_id], ["acled", "2025-06-30", "BGD12345"]);
    const manual = csv(folder, "events.csv").find((e) => e.event_id === "ev-p6w7bxbz")!;
    assert.equal([manual.countries, manual.origin_dataset, manual.origin_version, manual.origin_id], ["KAZ", "", "", ""]);
    assert.equal(csv(folder, "event_locations.csv").map((l) => l.event_id), ["ev-p6w7bxbz"], "no location rows for the imported event");
    const outlet = csv(folder, "outlets.csv").find((o) => o.outlet_id === "daily-star")!;
    assert.equal([outlet.country, outlet.domains, outlet.origin_dataset], ["", "", "acled"]);
    assert.is(csv(folder, "outlets.csv").find((o) => o.outlet_id === "dw")!.origin_dataset, "");
    assert.is(csv(folder, "actors.csv").find((a) => a.actor_id === "police-bangladesh")!.origin_dataset, "acled");
    // The Table Schemas no longer require what a 1.3.0 record may leave out.
    const descriptor = JSON.parse(read(folder, "datapackage.json")) as Descriptor;
    const field = (table: string, name: string) => descriptor.resources.find((x) => x.name === table)!.schema!.fields.find((f) => f.name === name)!;
    for (const [table, name] of [["events", "countries"], ["events", "origin_dataset"], ["events", "origin_version"], ["events", "origin_id"], ["outlets", "country"], ["outlets", "domains"], ["outlets", "origin_dataset"], ["actors", "origin_dataset"]] as const)
      assert.not.ok(field(table, name).constraints?.required, `${table}.${name} is not required`);
    // JSONL as written, against the published schema; the other formats are written too.
    const jsonl = read(folder, "events.jsonl").trimEnd().split("\n").map((l) => JSON.parse(l));
    const imported = jsonl.find((e) => e.id === "ev-1mp0rt3d");
    assert.not.ok("locations" in imported);
    assert.equal(imported.provenance.origin, { dataset: "acled", version: "2025-06-30", id: "BGD12345" });
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(read(folder, "schema/event.schema.json")));
    for (const e of jsonl) assert.ok(validate(e), JSON.stringify(validate.errors));
    for (const file of ["parquet/events.parquet", "parquet/event_locations.parquet", "parquet/outlets.parquet", "eventwire.xlsx", "README.md", "index.html"]) assert.ok(existsSync(path.join(folder, file)), file);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("first_published is the earliest instant, offsets included", () => {
  const event = parseYaml(EVENT_YAML);
  event.sources = [
    { ...event.sources[0], published: "2023-02-02T01:00:00Z" },
    { ...event.sources[0], published: "2023-02-01T23:30:00-05:00" },
    { ...event.sources[0], published: "2023-02-01" },
  ];
  const column = EVENTS.columns.find((c) => c.name === "first_published")!;
  assert.is(column.value(event, 0), "2023-02-01");
  event.sources.pop();
  assert.is(column.value(event, 0), "2023-02-02T01:00:00Z");
});

test("--previous must be a release's events.jsonl, in id order", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  const out = path.join(root, "dist");
  try {
    assert.is((await run(["release", "--version", "1.0.0", "--out", out], { cwd: root })).code, 0);
    const previous = releaseFolder(out, "1.0.0");
    const line = read(previous, "events.jsonl");
    writeFileSync(path.join(previous, "events.jsonl"), line + line.replace("ev-p6w7bxbz", "ev-aaaaaaaa"));
    const r = await run(["release", "--version", "1.1.0", "--out", out, "--previous", previous], { cwd: root });
    assert.is(r.code, 2);
    assert.match(r.stderr, /not in increasing id order/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("two builds of the same data are byte-identical", async () => {
  const a = releaseOfRepo();
  const b = releaseOfRepo();
  try {
    await run(["release", "--version", "1.0.0", "--out", a], { cwd: TOOLKIT_ROOT });
    await run(["release", "--version", "1.0.0", "--out", b], { cwd: TOOLKIT_ROOT });
    const fa = releaseFolder(a, "1.0.0");
    const fb = releaseFolder(b, "1.0.0");
    for (const file of read(fa, "SHA256SUMS").trimEnd().split("\n").map((l) => l.slice(66)).concat("SHA256SUMS"))
      assert.ok(readFileSync(path.join(fa, file)).equals(readFileSync(path.join(fb, file))), file);
    assert.ok(readFileSync(`${fa}.tar.gz`).equals(readFileSync(`${fb}.tar.gz`)), "the archives too");
    // The archive holds the folder, every file under eventwire-1.0.0/, and only those.
    const entries: string[] = [];
    await tar.t({ file: `${fa}.tar.gz`, onReadEntry: (e) => void entries.push(e.path) });
    const expected = read(fa, "SHA256SUMS").trimEnd().split("\n").map((l) => `eventwire-1.0.0/${l.slice(66)}`).concat("eventwire-1.0.0/SHA256SUMS").sort();
    assert.equal(entries.sort(), expected);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test("validate errors: no release is built (exit 1)", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: editEvent("precision: day", "precision: days") });
  try {
    const r = await run(["release", "--version", "1.0.0", "--out", path.join(root, "dist")], { cwd: root });
    assert.is(r.code, 1);
    assert.match(r.stderr, /release: not built; fix the errors above first/);
    assert.not.ok(existsSync(releaseFolder(root, "dist", "1.0.0")));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("findings validate settles (an inline directive, the suppressions file) do not stop a release, as they do not fail validate", async () => {
  const early = editEvent('    published: "2023-02-28"', '    published: "2023-02-27"');
  const directive = early.replace('    published: "2023-02-27"', '    # eventwire-disable-next-line published-after-start -- the page is dated in its own time zone\n    published: "2023-02-27"');
  for (const [name, files, settle] of [
    ["directive", { [EVENT_PATH]: directive }, false],
    ["suppressions file", { [EVENT_PATH]: early }, true],
  ] as const) {
    const root = writeDataset({ ...REGISTRY, ...files });
    try {
      if (settle) assert.is((await run(["validate", "--suppress-all"], { cwd: root })).code, 0, name);
      assert.is((await run(["validate"], { cwd: root })).code, 0, name);
      const r = await run(["release", "--version", "1.0.0", "--out", path.join(root, "dist")], { cwd: root });
      assert.is(r.code, 0, `${name}: ${r.stderr}`);
      assert.ok(existsSync(releaseFolder(root, "dist", "1.0.0")), name);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
});

test("a build that fails midway leaves the previous release as it was, and no partial folder", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  const out = path.join(root, "dist");
  try {
    assert.is((await run(["release", "--version", "1.0.0", "--out", out], { cwd: root })).code, 0);
    const before = read(releaseFolder(out, "1.0.0"), "SHA256SUMS");
    // A record that breaks after the check (as a disk error would): the build throws on it.
    writeFileSync(path.join(root, "data/events/2023/02/ev-zzzzzzzz.yaml"), "title: [\n");
    const files = await discover(root);
    let failed = false;
    try {
      await buildRelease({ out, version: "1.0.0", files });
    } catch {
      failed = true;
    }
    assert.ok(failed);
    assert.is(read(releaseFolder(out, "1.0.0"), "SHA256SUMS"), before);
    assert.equal(readdirSync(out).sort(), ["eventwire-1.0.0"]);
    assert.equal(readdirSync(path.join(out, "eventwire-1.0.0")).sort(), ["eventwire-1.0.0", "eventwire-1.0.0.tar.gz"]);
    // Killed between moving the old set aside and the new one in: the next build puts the old one back.
    renameSync(path.join(out, "eventwire-1.0.0"), path.join(out, ".eventwire-1.0.0.old-999999999"));
    await buildRelease({ out, version: "1.0.0", files }).catch(() => undefined);
    assert.is(read(releaseFolder(out, "1.0.0"), "SHA256SUMS"), before, "restored, not deleted");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a build killed midway (SIGKILL) leaves the previous release; the next build clears the leftovers", async () => {
  // A dataset big enough for the build to take a while.
  const root = writeDataset(syntheticDataset(500));
  const out = path.join(root, "dist");
  const bin = path.join(TOOLKIT_ROOT, "bin", "eventwire.js");
  const build = () => new Promise<number>((resolve) => spawn(process.execPath, [bin, "release", "--version", "2.0.0", "--out", out], { cwd: root, stdio: "ignore" }).once("exit", (c) => resolve(c ?? -1)));
  try {
    assert.is(await build(), 0);
    const before = read(releaseFolder(out, "2.0.0"), "SHA256SUMS");
    const archiveBefore = readFileSync(`${releaseFolder(out, "2.0.0")}.tar.gz`);
    const child = spawn(process.execPath, [bin, "release", "--version", "2.0.0", "--out", out], { cwd: root, stdio: "ignore" });
    // Kill it once its temporary folder exists, that is midway through writing.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (readdirSync(out).some((e) => e.includes(".tmp-"))) {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.once("exit", resolve));
    assert.is(read(releaseFolder(out, "2.0.0"), "SHA256SUMS"), before, "the previous release is whole");
    assert.ok(readFileSync(`${releaseFolder(out, "2.0.0")}.tar.gz`).equals(archiveBefore), "the previous archive is whole");
    assert.equal(readdirSync(out).filter((e) => !e.startsWith(".")).sort(), ["eventwire-2.0.0"], "no partial release beside it");
    assert.is(await build(), 0);
    assert.equal(readdirSync(out).sort(), ["eventwire-2.0.0"], "the leftovers of the killed build are gone");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
