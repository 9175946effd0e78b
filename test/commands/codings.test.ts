/**
 * Second codings (data/codings/<coder>/YYYY/MM/<id>): event records that every record rule checks, that no rule
 * across events compares with the events (but id-unique), that `validate --changed` checks when they change, that
 * `format` rewrites, and that a release leaves out.
 */
import { readFileSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { git } from "../helpers/git.ts";
import { run } from "../helpers/run.ts";

const CODING = "data/codings/coder-b/2023/02/ev-dwgqbce2.yaml";
/** The example event coded again by coder B: every field alike, its own id. */
const CODING_YAML = editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2", editEvent("coded_by: [eventwire]", "coded_by: [coder-b]"));

const findings = (stdout: string) => (JSON.parse(stdout).findings as { file: string; rule: string; severity: string }[]).map((f) => `${f.file}|${f.rule}`);

async function withDataset(files: Record<string, string>, body: (root: string) => Promise<void>): Promise<void> {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, ...files });
  try {
    await body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test("an event and its second coding, alike in every field: clean (no probable-duplicate), exit 0", async () => {
  await withDataset({ [CODING]: CODING_YAML }, async (root) => {
    const r = await run(["validate", "--format", "json"], { cwd: root });
    assert.is(r.code, 0, r.stdout);
    assert.equal(findings(r.stdout).filter((f) => !f.endsWith("|evidence-event-type")), []);
    assert.is(JSON.parse(r.stdout).summary.records, 7, "the coding is a record checked");
  });
});

test("every record rule applies to a coding: its place (file-name), its actors (actor-known), its dates; a stray in data/codings/ is unexpected; exit 1", async () => {
  const misplaced = "data/codings/coder-b/2023/03/ev-dwgqbce2.yaml";
  const unknownActor = editEvent("id: ev-dwgqbce2", "id: ev-pdg3x4ax", editEvent("actor: kazakhstan", "actor: kazakstan", CODING_YAML));
  await withDataset({ [misplaced]: CODING_YAML, "data/codings/coder-c/2023/02/ev-pdg3x4ax.yaml": unknownActor, "data/codings/ev-2eqrxyd2.yaml": CODING_YAML.replace("ev-dwgqbce2", "ev-2eqrxyd2") }, async (root) => {
    const r = await run(["validate", "--format", "json"], { cwd: root });
    assert.is(r.code, 1, r.stdout);
    const found = findings(r.stdout);
    assert.ok(found.includes(`${misplaced}|file-name`), found.join("\n"));
    assert.ok(found.includes("data/codings/coder-c/2023/02/ev-pdg3x4ax.yaml|actor-known"), found.join("\n"));
    assert.ok(found.includes("data/codings/ev-2eqrxyd2.yaml|file-unexpected"), found.join("\n"));
    assert.not.ok(found.some((f) => f.endsWith("|probable-duplicate")), found.join("\n"));
  });
});

test("a coding with an event's id: id-unique, over both", async () => {
  await withDataset({ "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml": EVENT_YAML }, async (root) => {
    const r = await run(["validate", "--format", "json"], { cwd: root });
    assert.is(r.code, 1);
    assert.equal(findings(r.stdout).filter((f) => f.endsWith("|id-unique")).sort(), [`data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml|id-unique`, `${EVENT_PATH}|id-unique`]);
  });
});

test("validate --changed: a coding added or changed is checked (id-unique against an unchanged event too); a coding removed is no deleted event; a registry change rechecks the codings", async () => {
  await withDataset({ [CODING]: CODING_YAML }, async (root) => {
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "base");
    git(root, "checkout", "-q", "-b", "feature");
    // A changed coding that names an actor no registry holds.
    writeFileSync(path.join(root, CODING), editEvent("actor: kazakhstan", "actor: kazakstan", CODING_YAML));
    let r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 1, r.stderr);
    assert.equal([...new Set(findings(r.stdout).filter((f) => !f.endsWith("|evidence-event-type")))], [`${CODING}|actor-known`]);
    // A new event with the id of the unchanged coding, and the coding back as it was.
    writeFileSync(path.join(root, CODING), CODING_YAML);
    const copy = "data/events/2023/02/ev-dwgqbce2.yaml";
    writeFileSync(path.join(root, copy), editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2", editEvent("event_type: CONSULT", "event_type: APPEAL", EVENT_YAML)));
    r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 1, r.stderr);
    assert.ok(findings(r.stdout).includes(`${copy}|id-unique`), r.stdout);
    unlinkSync(path.join(root, copy));
    // The coding removed: no record-deleted.
    git(root, "rm", "-q", CODING);
    git(root, "commit", "-q", "-m", "drop the coding");
    r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 0, r.stdout + r.stderr);
    git(root, "checkout", "-q", "main", "--", CODING);
    git(root, "commit", "-q", "-m", "the coding again");
    // A registry entry the coding names, removed: the coding is checked again (as every event is).
    git(root, "rm", "-q", "data/actors/kazakhstan.yaml");
    git(root, "commit", "-q", "-m", "drop an actor");
    r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 1);
    const found = findings(r.stdout);
    assert.ok(found.includes(`${CODING}|actor-known`), found.join("\n"));
    assert.ok(found.includes(`${EVENT_PATH}|actor-known`), found.join("\n"));
  });
});

test("migrate takes a coding of an older schema version to the latest, as any record", async () => {
  await withDataset({ [CODING]: CODING_YAML.replace('schema_version: "1.3.0"', 'schema_version: "1.2.0"') }, async (root) => {
    const r = await run(["migrate"], { cwd: root });
    assert.is(r.code, 0, r.stdout + r.stderr);
    assert.match(readFileSync(path.join(root, CODING), "utf8"), /^schema_version: "1\.3\.0"$/m);
  });
});

test("format rewrites a coding as any record", async () => {
  await withDataset({ [CODING]: CODING_YAML.replace("coded_by: [coder-b]", "coded_by:\n    - coder-b") }, async (root) => {
    const check = await run(["format", "--check"], { cwd: root });
    assert.is(check.code, 1, check.stdout + check.stderr);
    assert.match(check.stdout + check.stderr, /data\/codings\/coder-b\/2023\/02\/ev-dwgqbce2\.yaml/);
    assert.is((await run(["format"], { cwd: root })).code, 0);
    assert.is((await run(["format", "--check"], { cwd: root })).code, 0);
  });
});

test("a release leaves the codings out: events.jsonl and the tables hold the events only; a dataset of codings alone is not released", async () => {
  await withDataset({ [CODING]: CODING_YAML }, async (root) => {
    const r = await run(["release", "--version", "1.0.0", "--out", path.join(root, "dist")], { cwd: root, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    assert.is(r.code, 0, r.stderr);
    const folder = path.join(root, "dist", "eventwire-1.0.0", "eventwire-1.0.0");
    const jsonl = readFileSync(path.join(folder, "events.jsonl"), "utf8");
    assert.equal(jsonl.trim().split("\n").map((l) => JSON.parse(l).id), ["ev-p6w7bxbz"]);
    assert.not.match(readFileSync(path.join(folder, "events.csv"), "utf8"), /ev-dwgqbce2/);
    assert.match(r.stdout, /, 1 events,/);
    assert.match(readFileSync(path.join(folder, "README.md"), "utf8"), /### Coder `coder-b`/);
    const descriptor = JSON.parse(readFileSync(path.join(folder, "datapackage.json"), "utf8"));
    assert.equal(descriptor["eventwire:reliability"].map((c: { coder: string; units: number }) => [c.coder, c.units]), [["coder-b", 1]]);
    assert.equal(descriptor["eventwire:reliability"][0].fields[0], { field: "event_type", metric: "nominal", alpha: null, percentAgreement: 1, units: 1 });
    // Every field alike, but with one value each: alpha undefined (no variation), said as such.
    assert.match(readFileSync(path.join(folder, "index.html"), "utf8"), /<p>Reliability, Krippendorff&#39;s alpha of the events against a blind second coding: coder-b \(1 unit\): event_type undefined, mode undefined, country undefined, date undefined, actors undefined \(README\.md, &quot;Reliability&quot;\)\.<\/p>/);
  });
  const root = writeDataset({ ...REGISTRY, [CODING]: CODING_YAML });
  try {
    mkdirSync(path.join(root, "data/events"), { recursive: true });
    const r = await run(["release", "--version", "1.0.0", "--out", path.join(root, "dist")], { cwd: root });
    assert.is(r.code, 1);
    assert.match(r.stderr, /holds no events/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
