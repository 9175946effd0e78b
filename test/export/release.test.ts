/** `eventwire release`, read back with independent readers: csv-parse, ajv, sha256; deterministic and atomic. */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse as parseCsv } from "csv-parse/sync";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { stringify } from "yaml";
import { syntheticEvents } from "../../bench/synthetic.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { discover } from "../../scripts/dataset/discover.ts";
import { buildRelease } from "../../scripts/export/release.ts";
import { ACTORS, EVENT_ACTORS, EVENT_LOCATIONS, EVENT_SOURCES, EVENTS, OUTLETS, JOIN } from "../../scripts/export/tables.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const read = (folder: string, file: string) => readFileSync(path.join(folder, file), "utf8");
const csv = (folder: string, file: string) => parseCsv(read(folder, file), { columns: true, bom: false, relax_quotes: false }) as Record<string, string>[];

function releaseOfRepo(): string {
  const out = mkdtempSync(path.join(tmpdir(), "eventwire-release-"));
  return out;
}

test("the real dataset: CSV cells equal the JSONL values; every JSONL line meets the published schema; checksums hold", async () => {
  const out = releaseOfRepo();
  try {
    const r = await run(["release", "--version", "1.2.3", "--out", out], { cwd: TOOLKIT_ROOT });
    assert.is(r.code, 0, r.stderr);
    const folder = path.join(out, "eventwire-1.2.3");
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
    const longTables: [string, (e: Record<string, unknown[]>) => unknown[], typeof EVENT_ACTORS | typeof EVENT_LOCATIONS | typeof EVENT_SOURCES][] = [
      ["event_actors.csv", (e) => e.actors!, EVENT_ACTORS],
      ["event_locations.csv", (e) => e.locations!, EVENT_LOCATIONS],
      ["event_sources.csv", (e) => e.sources!, EVENT_SOURCES],
    ];
    for (const [file, items, table] of longTables) {
      const expected = events.flatMap((event) =>
        items(event).map((item, i) => Object.fromEntries(table.columns.map((c) => [c.name, String((c.value as (r: unknown) => unknown)({ event, item, position: i + 1 }) ?? "")]))),
      );
      assert.equal(csv(folder, file), expected, file);
    }
    assert.is(csv(folder, "actors.csv").length, readdirSync(path.join(TOOLKIT_ROOT, "data/actors")).length);
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

test("two builds of the same data are byte-identical", async () => {
  const a = releaseOfRepo();
  const b = releaseOfRepo();
  try {
    await run(["release", "--version", "1.0.0", "--out", a], { cwd: TOOLKIT_ROOT });
    await run(["release", "--version", "1.0.0", "--out", b], { cwd: TOOLKIT_ROOT });
    const fa = path.join(a, "eventwire-1.0.0");
    const fb = path.join(b, "eventwire-1.0.0");
    for (const file of read(fa, "SHA256SUMS").trimEnd().split("\n").map((l) => l.slice(66)).concat("SHA256SUMS"))
      assert.ok(readFileSync(path.join(fa, file)).equals(readFileSync(path.join(fb, file))), file);
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
    assert.not.ok(existsSync(path.join(root, "dist", "eventwire-1.0.0")));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a build that fails midway leaves the previous release as it was, and no partial folder", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  const out = path.join(root, "dist");
  try {
    assert.is((await run(["release", "--version", "1.0.0", "--out", out], { cwd: root })).code, 0);
    const before = read(path.join(out, "eventwire-1.0.0"), "SHA256SUMS");
    // A record that breaks after the check (as a disk error would): the build throws on it.
    writeFileSync(path.join(root, "data/events/2023/02/ev-zzzzzzzz.yaml"), "title: [\n");
    const files = await discover(root);
    let failed = false;
    try {
      await buildRelease({ root, out, version: "1.0.0", files });
    } catch {
      failed = true;
    }
    assert.ok(failed);
    assert.is(read(path.join(out, "eventwire-1.0.0"), "SHA256SUMS"), before);
    assert.equal(readdirSync(out), ["eventwire-1.0.0"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a build killed midway (SIGKILL) leaves the previous release; the next build clears the leftovers", async () => {
  // A dataset big enough for the build to take a while.
  const files: Record<string, string> = {};
  for (const [stem, record] of syntheticEvents({ records: 500, seed: 3 })) files[`${stem}.yaml`] = stringify(record, { lineWidth: 0 });
  for (let i = 0; i < 400; i++) {
    const id = `actor-${String(i).padStart(4, "0")}`;
    files[`data/actors/${id}.yaml`] = stringify({ schema_version: "1.0.0", id, name: `Actor ${i}`, kind: "organization" });
  }
  for (const id of ["afp", "reuters", "ap", "dpa", "efe", "ansa", "kyodo", "yonhap", "anadolu", "interfax"])
    files[`data/outlets/${id}.yaml`] = stringify({ schema_version: "1.0.0", id, name: id, kind: "wire_agency", country: "FRA", domains: [`${id}.example.com`] });
  const root = writeDataset(files);
  const out = path.join(root, "dist");
  const bin = path.join(TOOLKIT_ROOT, "bin", "eventwire.js");
  const build = () => new Promise<number>((resolve) => spawn(process.execPath, [bin, "release", "--version", "2.0.0", "--out", out], { cwd: root, stdio: "ignore" }).once("exit", (c) => resolve(c ?? -1)));
  try {
    assert.is(await build(), 0);
    const before = read(path.join(out, "eventwire-2.0.0"), "SHA256SUMS");
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
    assert.is(read(path.join(out, "eventwire-2.0.0"), "SHA256SUMS"), before, "the previous release is whole");
    assert.equal(readdirSync(out).filter((e) => !e.startsWith(".")), ["eventwire-2.0.0"], "no partial release beside it");
    assert.is(await build(), 0);
    assert.equal(readdirSync(out), ["eventwire-2.0.0"], "the leftovers of the killed build are gone");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
