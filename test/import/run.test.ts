/** `eventwire import` end to end (PLOVER JSON Lines as the input): what is written, what a second import does, and what the report and exit code say. */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { canonicalText } from "../../scripts/dataset/canonical.ts";
import { importedEventId } from "../../scripts/import/ids.ts";
import { REGISTRY, snapshot, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const ENV = { EVENTWIRE_TODAY: "2026-12-06" };

const row = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  date: "2023-02-28",
  source: [{ actorText: "Kazakh officials", code: "KAZ", sector: "GOV" }],
  target: [{ actorText: "Antony Blinken", code: "USA", sector: "GOV" }],
  event: "CONSULT",
  mode: "visit",
  eventText: "met",
  eventLoc: { name: "Astana", "country code": "KZ" },
  text: "Kazakh officials met Antony Blinken in Astana on Tuesday.",
  language: "en",
  publication: "Deutsche Welle",
  ...extra,
});

const jsonl = (...rows: object[]) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";


function withDataset(fn: (root: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const root = writeDataset({ ...REGISTRY });
    try {
      await fn(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
}

test(
  "an import writes one canonical JSON record a row, named by the id derived from the row's id; registries matched; the report accounts for every row",
  withDataset(async (root) => {
    writeFileSync(path.join(root, "in.jsonl"), jsonl(row("K-1"), row("K-2", { date: "2023-03-01", target: [{ actorText: "Vienna Group", code: "IGO" }] })));
    const r = await run(["import", "plover", "in.jsonl", "--format", "json"], { cwd: root, env: ENV });
    assert.is(r.code, 0, r.stdout + r.stderr);
    const report = JSON.parse(r.stdout);
    assert.is(report.rows, 2);
    assert.equal(report.written, { new: 2, changed: 0, unchanged: 0, moved: 0 });
    // Kazakhstan is in data/actors/ (the state of KAZ); the United States and the Vienna Group are created.
    assert.equal(report.actors.created, ["united-states-of-america", "vienna-group"]);
    assert.is(report.actors.matchedDistinct, 1);
    assert.equal(report.outlets, { matched: 2, matchedDistinct: 1, created: [] });
    const id = importedEventId("plover-gsr", "K-1");
    const file = path.join(root, "data/events/2023/02", `${id}.json`);
    const text = readFileSync(file, "utf8");
    const canonical = canonicalText(text, "json", "event");
    assert.ok(canonical.ok && canonical.text === text, "written in the canonical layout");
    const record = JSON.parse(text);
    assert.equal(record.provenance, { coded_by: ["eventwire-import"], coded_at: "2026-12-06", method: "imported", origin: { dataset: "plover-gsr", version: "5e0c24fba623", id: "K-1" } });
    assert.equal(record.actors, [
      { actor: "kazakhstan", role: "initiator" },
      { actor: record.actors[1].actor, role: "recipient" },
    ]);
    assert.equal(record.locations, [{ name: "Astana", country: "KAZ", precision: "city" }]);
    assert.is(record.sources[0].outlet, "dw");
    assert.equal(record.evidence, [{ source: 0, claim: "event_type", quote: { exact: "Kazakh officials met Antony Blinken in Astana on Tuesday." } }]);
    // The imported records pass validate (warnings aside).
    const v = await run(["validate", "--format", "json"], { cwd: root, env: ENV });
    assert.is(v.code, 0, v.stdout);
  }),
);

test(
  "a second import of the same file changes nothing, not even a date; a corrected row is a change, a moved date moves the file",
  withDataset(async (root) => {
    writeFileSync(path.join(root, "in.jsonl"), jsonl(row("K-1"), row("K-2")));
    assert.is((await run(["import", "plover", "in.jsonl"], { cwd: root, env: ENV })).code, 0);
    const before = snapshot(root);
    const again = await run(["import", "plover", "in.jsonl", "--format", "json"], { cwd: root, env: { EVENTWIRE_TODAY: "2026-12-07" } });
    assert.equal(JSON.parse(again.stdout).written, { new: 0, changed: 0, unchanged: 2, moved: 0 });
    assert.equal(JSON.parse(again.stdout).actors.created, []);
    assert.equal(snapshot(root), before);

    writeFileSync(path.join(root, "in.jsonl"), jsonl(row("K-1", { eventText: "hosted" }), row("K-2", { date: "2023-04-02" })));
    const fixed = await run(["import", "plover", "in.jsonl", "--format", "json"], { cwd: root, env: { EVENTWIRE_TODAY: "2026-12-07" } });
    assert.equal(JSON.parse(fixed.stdout).written, { new: 0, changed: 2, unchanged: 0, moved: 1 });
    const id2 = importedEventId("plover-gsr", "K-2");
    assert.not.ok(existsSync(path.join(root, `data/events/2023/02/${id2}.json`)));
    assert.is(JSON.parse(readFileSync(path.join(root, `data/events/2023/04/${id2}.json`), "utf8")).provenance.coded_at, "2026-12-07");
    assert.match(JSON.parse(readFileSync(path.join(root, `data/events/2023/02/${importedEventId("plover-gsr", "K-1")}.json`), "utf8")).title, /hosted/);
  }),
);

test(
  "a record a person took over is left alone; a file of another origin under the same id refuses the row",
  withDataset(async (root) => {
    writeFileSync(path.join(root, "in.jsonl"), jsonl(row("K-1"), row("K-2")));
    await run(["import", "plover", "in.jsonl"], { cwd: root, env: ENV });
    const taken = path.join(root, `data/events/2023/02/${importedEventId("plover-gsr", "K-1")}.json`);
    const record = JSON.parse(readFileSync(taken, "utf8"));
    record.provenance = { coded_by: ["someone"], coded_at: "2026-12-06", method: "manual" };
    record.title = "Kazakh officials meet Blinken";
    writeFileSync(taken, JSON.stringify(record, null, 2) + "\n");
    const other = path.join(root, `data/events/2023/02/${importedEventId("plover-gsr", "K-2")}.json`);
    const second = JSON.parse(readFileSync(other, "utf8"));
    second.provenance.origin.id = "K-99";
    writeFileSync(other, JSON.stringify(second, null, 2) + "\n");
    const before = snapshot(root);
    const r = await run(["import", "plover", "in.jsonl", "--format", "json"], { cwd: root, env: ENV });
    assert.is(r.code, 1);
    const report = JSON.parse(r.stdout);
    assert.is(report.kept.length, 1);
    assert.match(report.kept[0].reason, /is coded `manual`, not imported \(a person took it over\): the import leaves it alone/);
    assert.is(report.refused.length, 1);
    assert.match(report.refused[0].reason, /is taken by data\/events\/2023\/02\/ev-.*\.json, imported from plover-gsr K-99/);
    assert.equal(snapshot(root), before);
  }),
);

test(
  "repeated rows: the same values are skipped, the same id with other values refused (exit 1); a row that is not JSON is refused at its line",
  withDataset(async (root) => {
    writeFileSync(path.join(root, "in.jsonl"), jsonl(row("K-1"), row("K-1"), row("K-1", { eventText: "other" })) + "{broken\n");
    const r = await run(["import", "plover", "in.jsonl", "--format", "json"], { cwd: root, env: ENV });
    assert.is(r.code, 1);
    const report = JSON.parse(r.stdout);
    assert.equal(report.skipped.map((n: { line: number; reason: string }) => [n.line, n.reason]), [[2, "the same row as in.jsonl:1 (id K-1)"]]);
    assert.equal(
      report.refused.map((n: { line: number; reason: string }) => [n.line, n.reason.split(":")[0]]),
      [
        [3, "the id K-1 was given to in.jsonl"],
        [4, "not JSON"],
      ],
    );
    assert.is(report.records, 1);
  }),
);

test(
  "--dry-run writes nothing and says what would be; --out writes into another folder and still matches data/'s registries",
  withDataset(async (root) => {
    writeFileSync(path.join(root, "in.jsonl"), jsonl(row("K-1")));
    const before = snapshot(root);
    const dry = await run(["import", "plover", "in.jsonl", "--dry-run"], { cwd: root, env: ENV });
    assert.is(dry.code, 0);
    assert.match(dry.stdout, /dry run: nothing written/);
    assert.match(dry.stdout, /1 made a record: 1 new, 0 changed, 0 unchanged \(would be written to data\/events\/\)/);
    assert.equal(snapshot(root), before);
    const out = await run(["import", "plover", "in.jsonl", "--out", "imported", "--format", "json"], { cwd: root, env: ENV });
    assert.is(out.code, 0, out.stderr);
    assert.is(JSON.parse(out.stdout).destination, "imported");
    assert.ok(existsSync(path.join(root, `imported/events/2023/02/${importedEventId("plover-gsr", "K-1")}.json`)));
    assert.ok(!existsSync(path.join(root, "imported/.eventwire.tmp")));
    assert.equal(snapshot(root), before);
    // Again into the same folder: nothing new.
    const again = await run(["import", "plover", "in.jsonl", "--out", "imported", "--format", "json"], { cwd: root, env: ENV });
    assert.equal(JSON.parse(again.stdout).written.unchanged, 1);
    assert.equal(JSON.parse(again.stdout).actors.created, []);
  }),
);

test(
  "what a run cut short left staged (its tree in .eventwire.tmp/, named by its process) is cleared by the next import, and never reaches data/",
  withDataset(async (root) => {
    const { mkdirSync } = await import("node:fs");
    // A pid no process has (above Linux's pid_max).
    mkdirSync(path.join(root, ".eventwire.tmp/99999999.0.tmp/events/2023/02"), { recursive: true });
    writeFileSync(path.join(root, ".eventwire.tmp/99999999.0.tmp/events/2023/02/ev-00000000.json"), "{");
    writeFileSync(path.join(root, "in.jsonl"), jsonl(row("K-1")));
    const r = await run(["import", "plover", "in.jsonl"], { cwd: root, env: ENV });
    assert.is(r.code, 0, r.stdout);
    assert.not.ok(existsSync(path.join(root, ".eventwire.tmp")), "cleared, and removed once empty");
    assert.not.ok(existsSync(path.join(root, "data/events/2023/02/ev-00000000.json")));
    assert.ok(existsSync(path.join(root, `data/events/2023/02/${importedEventId("plover-gsr", "K-1")}.json`)));
  }),
);

test(
  "--record-format yaml writes canonical YAML; created registry entries carry origin and only what the source gave",
  withDataset(async (root) => {
    writeFileSync(path.join(root, "in.jsonl"), jsonl(row("K-1", { target: [{ actorText: "Vienna Group", code: "IGO" }] })));
    const r = await run(["import", "plover", "in.jsonl", "--record-format", "yaml"], { cwd: root, env: ENV });
    assert.is(r.code, 0, r.stdout);
    const file = path.join(root, `data/events/2023/02/${importedEventId("plover-gsr", "K-1")}.yaml`);
    const text = readFileSync(file, "utf8");
    const canonical = canonicalText(text, "yaml", "event");
    assert.ok(canonical.ok && canonical.text === text);
    assert.is(
      readFileSync(path.join(root, "data/actors/vienna-group.yaml"), "utf8"),
      'schema_version: "1.3.0"\nid: vienna-group\nname: Vienna Group\nkind: organization\norigin:\n  dataset: plover-gsr\n  version: 5e0c24fba623\n  id: IGO:Vienna Group\n',
    );
    assert.ok(statSync(file).isFile());
  }),
);

test(
  "the pretty report shows input values with visible escapes and no line can start a workflow command",
  withDataset(async (root) => {
    writeFileSync(path.join(root, "in.jsonl"), jsonl(row("K-\u001b[31m1", { event: "::error::X" })));
    const r = await run(["import", "plover", "in.jsonl"], { cwd: root, env: ENV });
    assert.is(r.code, 1);
    assert.not.match(r.stdout, /\u001b/);
    assert.match(r.stdout, /K-\\x1b\[31m1: the category `\\x3a:error::X`|K-\\x1b\[31m1: the category `::error::X`/);
    for (const line of r.stdout.split("\n")) assert.not.match(line, /^\s*::/);
  }),
);

test(
  "a row whose record or created entry would hold a control character, bytes that were not UTF-8, or a name too long is refused, and its entries never written",
  withDataset(async (root) => {
    writeFileSync(
      path.join(root, "in.jsonl"),
      jsonl(
        row("C-1", { target: [{ actorText: "Vienna\u001bGroup", code: "IGO" }] }),
        row("C-2", { target: [{ actorText: "Caf\ufffd Group", code: "IGO" }] }),
        row("C-3", { target: [{ actorText: "x".repeat(300), code: "IGO" }] }),
        row("C-4", { eventText: "met\u202e" }),
      ),
    );
    const r = await run(["import", "plover", "in.jsonl", "--format", "json"], { cwd: root, env: ENV });
    assert.is(r.code, 1);
    const report = JSON.parse(r.stdout);
    assert.equal(
      report.refused.map((n: { line: number; reason: string }) => [n.line, n.reason]),
      [
        [1, "the actor it names would hold U+001B in /name (a control character)"],
        [2, "the actor it names would hold U+FFFD in /name (bytes that are not UTF-8: save the file as UTF-8)"],
        [3, "the actor it names would not pass schema 1.3.0: /name must NOT have more than 200 characters"],
        [4, "the record would hold U+202E in /title (a control character: validate's text-control refuses it)"],
      ],
    );
    assert.equal(report.actors.created, []);
    assert.equal(readdirSync(path.join(root, "data/actors")).sort(), ["antony-blinken.yaml", "kazakhstan.yaml"]);
  }),
);

test(
  "usage errors exit 2 with the reason: unknown format (with a suggestion), no file, a file that is not there, a bad option value",
  withDataset(async (root) => {
    const cases: [string[], RegExp][] = [
      [["import", "plovr", "x"], /unknown format `plovr` \(known: plover, gdelt, acled, ucdp-ged\)\. Did you mean `plover`\?/],
      [["import", "plover"], /name the file\(s\) to import/],
      [["import", "plover", "missing.json"], /cannot read .*missing\.json/],
      [["import", "plover", "x", "--format", "csv"], /--format must be pretty or json/],
      [["import", "plover", "x", "--record-format", "toml"], /--record-format must be json or yaml/],
      [["import", "plover", "x", "--coder", "a b"], /--coder must be a handle/],
      [["import"], /say which format to import/],
      [["import", "plover", "x", "--out", "data/imported"], /--out: `data\/imported` is inside data\//],
      [["import", "plover", "x", "--out", "data"], /--out: `data` is inside data\//],
      [["import", "plover", "x", "--out", ""], /--out needs a folder/],
      [["import", "acled", "x.csv"], /acled data has no version of its own: say which export this is with --dataset-version/],
      [["import", "plover", "x", "--dataset-version", "a\u001bb"], /--dataset-version holds a control character/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv, { cwd: root, env: ENV });
      assert.is(r.code, 2, argv.join(" "));
      assert.match(r.stderr, message, argv.join(" "));
    }
    const help = await run(["import", "--help"], { cwd: root });
    assert.is(help.code, 0);
    assert.match(help.stdout, /^Usage: eventwire import <format> <file\.\.\.> \[options\]/);
  }),
);

test.run();
