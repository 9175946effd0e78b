/** Migrations: one step between each pair of versions, pure, valid in and out; files rewritten with comments kept, idempotently. */
import fg from "fast-glob";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { MIGRATIONS, migrateRecord, migrationsBetween, type RecordValue } from "../../schema/migrations/index.ts";
import { LATEST_VERSION, SCHEMA_VERSIONS, type RecordKind } from "../../schema/versions.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { kindOf } from "../../scripts/dataset/discover.ts";
import { migrateText } from "../../scripts/dataset/migrate-text.ts";
import { validatorFor } from "../../scripts/rules/schema/validators.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { validActor, validEvent, validOutlet } from "../helpers/records.ts";
import { run } from "../helpers/run.ts";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A record of the latest version as its 1.0.0 ancestor: the version it names, without what 1.0.0 does not have. */
function asV1_0_0(record: RecordValue): RecordValue {
  const { evidence: _evidence, ...rest } = record;
  return { ...rest, schema_version: "1.0.0" };
}

const FIXTURES: [RecordKind, RecordValue][] = [
  ["event", validEvent()],
  ["actor", validActor()],
  ["outlet", validOutlet()],
  ...fg
    .sync("data/**/*.{yaml,json}", { cwd: TOOLKIT_ROOT })
    .filter((rel) => kindOf(rel) !== null)
    .map((rel) => [kindOf(rel)!, parse(readFileSync(path.join(TOOLKIT_ROOT, rel), "utf8"))] as [RecordKind, RecordValue]),
];

test("one migration between each pair of consecutive versions, and none else", () => {
  assert.equal(
    MIGRATIONS.map((m) => [m.from, m.to]),
    SCHEMA_VERSIONS.slice(1).map((v, i) => [SCHEMA_VERSIONS[i], v]),
  );
  assert.equal(migrationsBetween(LATEST_VERSION, LATEST_VERSION), []);
  assert.throws(() => migrationsBetween(LATEST_VERSION, "1.0.0"), /only go forward/);
  assert.throws(() => migrationsBetween("0.1.0", LATEST_VERSION), /unknown schema version/);
});

test("each step takes every valid fixture of its `from` version to a valid record of its `to`, leaving its argument alone", () => {
  // The records whose 1.0.0 ancestor is a valid 1.0.0 record (those that use no later addition, such as a source without a date).
  const ancestors = FIXTURES.filter(([kind, latest]) => validatorFor("1.0.0", kind)!.quick(asV1_0_0(latest)));
  assert.ok(ancestors.length > 30, `${ancestors.length} fixtures`);
  for (const [kind, latest] of ancestors) {
    const old = deepFreeze(asV1_0_0(latest));
    const migrated = migrateRecord(old, kind);
    assert.is(migrated.schema_version, LATEST_VERSION);
    assert.ok(validatorFor(LATEST_VERSION, kind)!.quick(migrated), `${kind} ${String(old.id)} migrated`);
    assert.equal(Object.keys(migrated), Object.keys(old), "keys keep their order");
    assert.equal(migrated, { ...old, schema_version: LATEST_VERSION }, "each step so far changes the version only");
    assert.ok(migrateRecord(migrated, kind) === migrated, "a record at the target is returned as it is");
  }
});

test("migrateText: YAML comments, key order and styles stay; only the version line changes; a second run changes nothing", () => {
  const text = `# coded from the DW page
schema_version: "1.0.0" # the version it was written for
id: ev-p6w7bxbz
status: active # still active
${EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:")).split("\n").slice(3).join("\n")}`;
  const once = migrateText(text, "yaml", "event", LATEST_VERSION);
  assert.ok(once.ok && once.changed);
  if (!once.ok) return;
  assert.is(once.from, "1.0.0");
  assert.is(once.text, text.replace('schema_version: "1.0.0"', `schema_version: "${LATEST_VERSION}"`));
  const twice = migrateText(once.text, "yaml", "event", LATEST_VERSION);
  assert.ok(twice.ok && !twice.changed && twice.text === once.text);
});

test("migrateText: JSON keeps its key order; a BOM stays; a later version, or a broken file, is refused with the reason", () => {
  const json = JSON.stringify(asV1_0_0(validEvent()), null, 2) + "\n";
  const r = migrateText("\ufeff" + json, "json", "event", LATEST_VERSION);
  assert.ok(r.ok && r.changed);
  if (r.ok) assert.is(r.text, "\ufeff" + json.replace('"schema_version": "1.0.0"', `"schema_version": "${LATEST_VERSION}"`));
  const back = migrateText(JSON.stringify(validEvent()), "json", "event", "1.0.0");
  assert.ok(!back.ok && /later than 1\.0\.0: migrations only go forward/.test(back.reason));
  const broken = migrateText("title: [\n", "yaml", "event", LATEST_VERSION);
  assert.ok(!broken.ok && /does not parse/.test(broken.reason));
});

test("the real dataset written back as 1.0.0 migrates to exactly the files in the repository", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "eventwire-migrate-"));
  try {
    cpSync(path.join(TOOLKIT_ROOT, "data"), path.join(root, "data"), { recursive: true });
    const files = fg.sync("data/**/*.{yaml,json}", { cwd: root }).filter((rel) => kindOf(rel) !== null);
    for (const rel of files) {
      const text = readFileSync(path.join(root, rel), "utf8");
      // The ancestor file: the 1.0.0 version line, and no evidence block (the last key of an event).
      const old = text.replace(`schema_version: "${LATEST_VERSION}"`, 'schema_version: "1.0.0"').replace(/^evidence:\n(?:[ -].*\n)*/m, "");
      writeFileSync(path.join(root, rel), old);
    }
    const dry = await run(["migrate", "--dry-run"], { cwd: root });
    assert.is(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, new RegExp(`Would migrate ${files.length} records to schema ${LATEST_VERSION}`));
    assert.match(dry.stdout, new RegExp(`^-schema_version: "1\\.0\\.0"\n\\+schema_version: "${LATEST_VERSION.replaceAll(".", "\\.")}"$`, "m"));
    assert.is(readFileSync(path.join(root, files[0]!), "utf8").includes('"1.0.0"'), true, "--dry-run changes nothing");
    assert.match(dry.stdout, /^1\.0\.0 -> 1\.1\.0: .+$/m, "the steps are named");

    const r = await run(["migrate"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    for (const rel of files) {
      const repo = readFileSync(path.join(TOOLKIT_ROOT, rel), "utf8").replace(/^evidence:\n(?:[ -].*\n)*/m, "");
      assert.is(readFileSync(path.join(root, rel), "utf8"), repo, rel);
    }
    const again = await run(["migrate"], { cwd: root });
    assert.match(again.stdout, new RegExp(`Migrated 0 records to schema ${LATEST_VERSION} \\(${files.length} are at ${LATEST_VERSION} already\\)`));
    assert.is((await run(["validate"], { cwd: root })).code, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("migrate: usage errors exit 2; a record it cannot migrate exits 1 and is left as it was", async () => {
  const invalid = EVENT_YAML.replace(`schema_version: "${LATEST_VERSION}"`, 'schema_version: "1.0.0"').replace("precision: day", "precision: days");
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: invalid });
  try {
    assert.is((await run(["migrate", "--to", "9.9.9"], { cwd: root })).code, 2);
    assert.is((await run(["migrate", "data/nothing-here"], { cwd: root })).code, 2);
    const r = await run(["migrate"], { cwd: root });
    assert.is(r.code, 1);
    assert.match(r.stderr, new RegExp(`ev-p6w7bxbz\\.yaml: not migrated: the record would not pass schema ${LATEST_VERSION.replaceAll(".", "\\.")}`));
    assert.is(readFileSync(path.join(root, EVENT_PATH), "utf8"), invalid);
    const back = await run(["migrate", "--to", "1.0.0"], { cwd: root });
    assert.is(back.code, 1);
    assert.match(back.stderr, new RegExp(`dw\\.yaml: not migrated: it is written against ${LATEST_VERSION.replaceAll(".", "\\.")}, later than 1\\.0\\.0`));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("migrateText refuses a JSON record with a repeated key, as validate does (it never keeps one of the two silently)", () => {
  const text = '{"schema_version":"1.0.0","id":"a","name":"A","name":"B","kind":"person"}\n';
  const result = migrateText(text, "json", "actor", LATEST_VERSION);
  assert.equal(result, { ok: false, reason: "it does not parse (run `eventwire validate` on it)" });
});

test("migrate never changes a value: a number that does not round-trip or a lone surrogate refuses the file, naming line, column and value", async () => {
  const old = EVENT_YAML.replace(`schema_version: "${LATEST_VERSION}"`, 'schema_version: "1.0.0"').replace(/\nevidence:[\s\S]*$/, "\n");
  const number = old.replace("    precision: country", "    precision: country\n    lat: 48.5\n    lon: 67.500000000000001");
  // The same event as JSON, its title with a lone surrogate (JSON.stringify writes it as the escape `\ud83d`).
  const record = parse(old) as { id: string; title: string };
  const json = JSON.stringify({ ...record, id: "ev-aaaaaaaa", title: "Blinken \ud83d meets" }, null, 2) + "\n";
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: number, "data/events/2023/02/ev-aaaaaaaa.json": json });
  try {
    const r = await run(["migrate"], { cwd: root });
    assert.is(r.code, 1, r.stderr);
    assert.ok(r.stderr.includes(`${EVENT_PATH}: not migrated: line 21, column 10: the number \`67.500000000000001\` would be read as 67.5`), r.stderr);
    assert.match(r.stderr, /ev-aaaaaaaa\.json: not migrated: line 5, column 12: the text "Blinken \\ud83d meets" holds a lone surrogate \(U\+D83D\)/);
    assert.is(readFileSync(path.join(root, EVENT_PATH), "utf8"), number, "the file is left as it was");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("migrate points the editor's modeline at the version it migrates to, and leaves the rest of the header alone", () => {
  const text = '# yaml-language-server: $schema=../../schema/v1.2.0/actor.schema.json\n# checked by hand\n\nschema_version: "1.2.0"\nid: kazakhstan\nname: Kazakhstan\nkind: state\ncountry: KAZ\n';
  const result = migrateText(text, "yaml", "actor", "1.3.0");
  assert.ok(result.ok && result.changed);
  if (!result.ok) return;
  assert.is(result.text.split("\n").slice(0, 4).join("\n"), '# yaml-language-server: $schema=../../schema/v1.3.0/actor.schema.json\n# checked by hand\n\nschema_version: "1.3.0"');
});

test.run();
