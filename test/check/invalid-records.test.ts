/**
 * A record that fails its schema gets every other rule in the same run: the
 * record rules read its fields through typed access (scripts/rules/fields.ts),
 * and an event with a string id is compared by the dataset rules by its
 * well-typed fields (check/file.ts), as an unchanged one is under `validate --changed`.
 */
import { rmSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, withSchemaError, writeDataset } from "../helpers/dataset.ts";
import { TEXTS } from "../helpers/rule-cases.ts";
import { run } from "../helpers/run.ts";
import { createHash } from "node:crypto";

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

async function validate(files: Record<string, string>, env: Record<string, string> = {}): Promise<{ code: number; findings: string[]; summary: { evidence: { checked: number; notChecked: number } } }> {
  const root = writeDataset({ ...REGISTRY, ...files });
  try {
    const r = await run(["validate", "--root", root, "--format", "json"], { env: { EVENTWIRE_TODAY: "2026-12-01", ...env } });
    const report = JSON.parse(r.stdout) as { findings: JsonFinding[]; summary: { evidence: { checked: number; notChecked: number } } };
    return { code: r.code, findings: report.findings.map((f) => `${f.file}|${f.rule}@${f.line}:${f.column} ${f.message}`), summary: report.summary };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test("validate: a record with a schema error gets its date-order, outlet-known and text-whitespace findings in the same run", async () => {
  const record = editEvent(
    "title: Blinken meets the five Central Asian foreign ministers\n",
    "",
    editEvent('start: "2023-02-28"\n', 'start: "2023-02-28"\n  end: "2023-02-27"\n', editEvent("outlet: dw", "outlet: dww", editEvent("name: Kazakhstan", 'name: "Kazakhstan "'))),
  );
  const { code, findings } = await validate({ [EVENT_PATH]: record });
  assert.is(code, 1);
  assert.equal(findings, [
    `${EVENT_PATH}|schema@1:1 The record is missing \`title\`.`,
    `${EVENT_PATH}|date-order@7:8 \`date.end\` (2023-02-27) is before \`date.start\` (2023-02-28).`,
    `${EVENT_PATH}|text-whitespace@17:11 \`locations[0].name\` starts or ends with whitespace.`,
    `${EVENT_PATH}|outlet-known@21:13 \`dww\` is not an outlet in data/outlets/. Did you mean \`dw\`?`,
  ]);
});

test("validate: a value the schema rejects is its finding only, not another rule's too", async () => {
  // A start that is a number, a country in lower case, an outlet id in capitals, an address without its scheme.
  const record = editEvent(
    'start: "2023-02-28"',
    "start: 20230228",
    editEvent("country: KAZ", "country: kaz", editEvent("outlet: dw", "outlet: DW", editEvent("url: https://p.dw.com/p/4O4UG", "url: p.dw.com/p/4O4UG"))),
  );
  const { findings } = await validate({ [EVENT_PATH]: record });
  assert.ok(findings.length > 0);
  assert.equal(
    findings.filter((f) => !f.includes("|schema@")),
    [],
  );
});

test("dataset rules: an event that fails its schema still takes its id, and is there for a duplicate that names it", async () => {
  const other = "data/events/2023/02/ev-dwgqbce2.yaml";
  // A copy of the example event's id, in a record that fails its schema: both files are told.
  const { findings } = await validate({ [EVENT_PATH]: EVENT_YAML, "data/events/2023/02/copy/ev-p6w7bxbz.yaml": withSchemaError() });
  assert.equal(
    findings.filter((f) => f.includes("|id-unique@")).map((f) => f.split(" ")[0]),
    ["data/events/2023/02/copy/ev-p6w7bxbz.yaml|id-unique@2:5", `${EVENT_PATH}|id-unique@2:5`],
  );
  // A duplicate of an active event that lacks its title: the event it names is there (not "not an event in the dataset").
  const target = editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2", editEvent("title: Blinken meets the five Central Asian foreign ministers\n", "", editEvent("mode: multilateral", "mode: visit")));
  const duplicate = await validate({ [EVENT_PATH]: editEvent("status: active", "status: duplicate\nduplicate_of: ev-dwgqbce2"), [other]: target });
  assert.equal(duplicate.findings.map((f) => f.split(" ")[0]), [`${other}|schema@1:1`]);
});

test("dataset rules: an event whose date, status or lists are ill typed still takes its id; it is not judged by what is ill typed", async () => {
  // date.start a number, status a list, actors not a list: the id is all that is compared (two files told).
  const junk = editEvent('start: "2023-02-28"', "start: 20230228", editEvent("status: active", "status: [active]", editEvent("actors:", "actors: 5\nformer_actors:")));
  const { findings } = await validate({ [EVENT_PATH]: EVENT_YAML, "data/events/2023/02/copy/ev-p6w7bxbz.yaml": junk });
  assert.equal(
    findings.filter((f) => f.includes("|id-unique@")).map((f) => f.split(" ")[0]),
    ["data/events/2023/02/copy/ev-p6w7bxbz.yaml|id-unique@2:5", `${EVENT_PATH}|id-unique@2:5`],
  );
  // The same through worker threads (the summary crosses threads with the fields it leaves out left out).
  const threaded = await validate({ [EVENT_PATH]: EVENT_YAML, "data/events/2023/02/copy/ev-p6w7bxbz.yaml": junk }, { EVENTWIRE_THREADS: "2" });
  assert.equal(threaded.findings, findings);
  // Nor is it a probable duplicate of the event it copies (its date and actors are unknown), and a duplicate that
  // names it is not told its status is "undefined".
  assert.equal(findings.filter((f) => f.includes("|probable-duplicate@")), []);
  const other = "data/events/2023/02/ev-dwgqbce2.yaml";
  const target = editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2", editEvent("status: active", "status: 5", editEvent("mode: multilateral", "mode: visit")));
  const duplicate = await validate({ [EVENT_PATH]: editEvent("status: active", "status: duplicate\nduplicate_of: ev-dwgqbce2"), [other]: target });
  assert.equal(duplicate.findings.filter((f) => f.includes("|duplicate-of@")), []);
});

test("dataset rules: a registry entry that fails its schema still takes its id", async () => {
  const copy = 'schema_version: "1.3.0"\nid: antony-blinken\nname: Antony Blinken\nkind: 5\ncountry: USA\n';
  const { findings } = await validate({ [EVENT_PATH]: EVENT_YAML, "data/actors/antony-blinken.json.yaml": copy });
  assert.equal(
    findings.filter((f) => f.includes("|id-unique@")).map((f) => f.split(" ")[0]),
    ["data/actors/antony-blinken.json.yaml|id-unique@2:5", "data/actors/antony-blinken.yaml|id-unique@2:5"],
  );
});

test("evidence: an invalid event's quotes are checked against the kept text, and counted", async () => {
  const page = TEXTS["https://p.dw.com/p/4O4UG"]!;
  const manifest = JSON.stringify({ texts: [{ file: "dw.txt", url: "https://p.dw.com/p/4O4UG", sha256: createHash("sha256").update(page).digest("hex") }] });
  const { findings, summary } = await validate({
    [EVENT_PATH]: withSchemaError(editEvent("met with foreign ministers", "met with the foreign ministers")),
    "data/texts/dw.txt": page,
    "data/texts/manifest.json": manifest,
  });
  assert.equal(summary.evidence, { checked: 2, notChecked: 0 });
  assert.equal(
    findings.map((f) => f.split(" ")[0]),
    [`${EVENT_PATH}|schema@3:9`, `${EVENT_PATH}|evidence-quote@35:14`],
  );
});

test.run();
