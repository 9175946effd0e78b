/** `import plover`: the PLOVER gold standard's records mapped through schema/mappings/plover.yaml, case by case, and the table checked against the vocabulary. */
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadMapping } from "../../schema/mappings.ts";
import { EVENT_TYPES } from "../../schema/vocabularies/plover.ts";
import { format, mapPlover, type PloverRecord } from "../../scripts/import/formats/plover.ts";
import type { FieldOutcome, MapContext, SourceRow } from "../../scripts/import/types.ts";

const GSR = "test/fixtures/import/plover/PLOVER_GSR_CAMEO.txt";

function context() {
  const fields: Record<string, Record<FieldOutcome, number>> = {};
  const unmapped: Record<string, Record<string, number>> = {};
  const c: MapContext = {
    field: (name, outcome) => void ((fields[name] ??= { mapped: 0, defaulted: 0, dropped: 0 })[outcome]++),
    unmapped: (t, code) => void ((unmapped[t] ??= {})[code] = ((unmapped[t] ??= {})[code] ?? 0) + 1),
  };
  return { c, fields, unmapped };
}

const BASE: PloverRecord = {
  id: "T-1",
  date: "2000-01-01",
  source: [{ actorText: "Hungarian", code: "HUN", sector: "GOV" }],
  target: [{ actorText: "Romanian", code: "ROU", sector: "GOV" }],
  event: "AGREE",
  eventText: "agreed cooperate",
  context: "refugees",
  text: "Senior Hungarian and Romanian officials agreed on Wednesday that their countries should cooperate.",
  language: "en",
  publication: "OEDA team from CAMEO 1.1b3 manual",
};

function draftOf(record: PloverRecord) {
  const { c, fields, unmapped } = context();
  const result = mapPlover(record, c);
  return { result, fields, unmapped };
}

test("a record becomes a draft: state actors by country code, the sentence as evidence, context as tag, the placeholder date tagged", () => {
  const { result, fields } = draftOf(BASE);
  assert.ok(result.ok);
  if (!result.ok) return;
  const d = result.draft;
  assert.is(d.originId, "T-1");
  assert.equal(d.date, { start: "2000-01-01", precision: "day" });
  assert.is(d.eventType, "AGREE");
  assert.equal(
    d.actors.map((a) => [a.ref.name, a.ref.kind, a.ref.country, a.role]),
    [
      ["Hungary", "state", "HUN", "initiator"],
      ["Romania", "state", "ROU", "recipient"],
    ],
  );
  assert.equal(d.evidence, [{ source: 0, claim: "event_type", exact: BASE.text as string }]);
  assert.equal(d.tags, ["placeholder-date", "refugee"]);
  assert.equal(d.sources, [{ outlet: { name: "OEDA team from CAMEO 1.1b3 manual" }, language: "en" }]);
  assert.is(d.title, "Hungary: agreed cooperate (AGREE)");
  assert.match(d.summary, /^Imported from the PLOVER gold standard, record T-1: Hungary \(AGREE\), towards Romania\./);
  assert.equal(fields.date, { mapped: 0, defaulted: 1, dropped: 0 });
  assert.equal(d.locations, []);
});

test("older categories: DEMAND is REQUEST, DISAPPROVE is ACCUSE/disapprove, INVESTIGATE is ACCUSE/investigate, FIGHT is ASSAULT (counted as defaulted)", () => {
  const cases: [string, string, string | undefined][] = [
    ["DEMAND", "REQUEST", undefined],
    ["DISAPPROVE", "ACCUSE", "disapprove"],
    ["INVESTIGATE", "ACCUSE", "investigate"],
    ["FIGHT", "ASSAULT", undefined],
  ];
  for (const [event, type, mode] of cases) {
    const { result, fields } = draftOf({ ...BASE, event });
    assert.ok(result.ok, event);
    if (!result.ok) continue;
    assert.is(result.draft.eventType, type, event);
    assert.is(result.draft.mode, mode, event);
    assert.equal(fields.event_type, { mapped: 0, defaulted: 1, dropped: 0 }, event);
  }
});

test("modes: renamed through the table, kept when the type has them, dropped (and counted) otherwise", () => {
  let r = draftOf({ ...BASE, event: "PROTEST", mode: "strike-hun" });
  assert.is(r.result.ok && r.result.draft.mode, "hunger");
  r = draftOf({ ...BASE, event: "FIGHT", mode: "heavy-weapons" });
  assert.is(r.result.ok && r.result.draft.mode, "heavy-weapons");
  r = draftOf({ ...BASE, event: "FIGHT", mode: "assassinate" });
  assert.ok(r.result.ok);
  assert.is(r.result.ok && r.result.draft.mode, undefined);
  assert.equal(r.unmapped.modes, { "ASSAULT/assassinate": 1 });
  assert.equal(r.fields.mode, { mapped: 0, defaulted: 0, dropped: 1 });
});

test("DOCUMENT is skipped; an unknown category, no date, no actor, no publication are refused with the id", () => {
  const doc = draftOf({ id: "D-1", event: "DOCUMENT" }).result;
  assert.equal(doc, { ok: false, skip: true, reason: "D-1: PLOVER's documentation record (it describes the file), not an event: skipped" });
  const unknown = draftOf({ ...BASE, event: "BLOCKADE" });
  assert.equal(unknown.result, { ok: false, reason: "T-1: the category `BLOCKADE` is not in the event_types table" });
  assert.equal(unknown.unmapped.event_types, { BLOCKADE: 1 });
  assert.equal(draftOf({ ...BASE, date: "Jan 2000" }).result, { ok: false, reason: "T-1: the date `Jan 2000` is not a calendar date written YYYY-MM-DD" });
  assert.equal(draftOf({ ...BASE, date: "2025-02-30" }).result, { ok: false, reason: "T-1: the date `2025-02-30` is not a calendar date written YYYY-MM-DD" });
  assert.equal(draftOf({ ...BASE, source: "", target: "" }).result, { ok: false, reason: "T-1: neither `source` nor `target` names an actor" });
  assert.equal(draftOf({ ...BASE, publication: " " }).result, { ok: false, reason: "T-1: no `publication` (the source of the sentence)" });
  assert.equal(draftOf({ ...BASE, id: undefined }).result, { ok: false, reason: "the record has no `id`" });
});

test("actors: a sector names the country's group, IGO is an organization by its text, a code that is no country keeps its text without one", () => {
  const { result, unmapped } = draftOf({
    ...BASE,
    source: [{ actorText: "Serb rebels", code: "SRB", sector: "REBalb" }, { actorText: "APEC", code: "IGO" }],
    target: [{ actorText: "Tokyo", code: "JAP" }, { actorText: "someone", code: "USA", sector: "XYZ" }],
  });
  assert.ok(result.ok);
  if (!result.ok) return;
  assert.equal(
    result.draft.actors.map((a) => [a.ref.name, a.ref.kind, a.ref.country ?? null, a.ref.code]),
    [
      ["Rebels (Serbia, alb)", "group", "SRB", "SRB REBalb"],
      ["APEC", "organization", null, "IGO:APEC"],
      ["Tokyo", "group", null, "JAP:Tokyo"],
      ["someone", "group", "USA", "USA XYZ"],
    ],
  );
  assert.equal(unmapped.codes, { JAP: 1 });
  assert.equal(unmapped.sectors, { XYZ: 1 });
});

test("eventLoc: a country from its alpha-2 code or a name that is a country; without one, the place is dropped", () => {
  const at = (eventLoc: unknown) => {
    const r = draftOf({ ...BASE, eventLoc });
    return r.result.ok ? r.result.draft.locations : "refused";
  };
  assert.equal(at({ name: "Geneva", "country code": "CH" }), [{ name: "Geneva", country: "CHE", precision: "city" }]);
  assert.equal(at({ name: "Britain" }), [{ name: "Britain", country: "GBR", precision: "country" }]);
  assert.equal(at({ name: "Iraq" }), [{ name: "Iraq", country: "IRQ", precision: "country" }]);
  assert.equal(at({ name: "Gorazde" }), []);
});

test("a record with targets only (the perpetrator unnamed) has its targets as recipients, and its summary names them", () => {
  const { result } = draftOf({ ...BASE, source: undefined, target: [{ actorText: "Iraqi civilians", code: "IRQ", sector: "CVL" }], event: "ASSAULT", eventText: "killed" });
  assert.ok(result.ok);
  if (!result.ok) return;
  assert.equal(result.draft.actors.map((a) => [a.ref.name, a.role]), [["Civilians (Iraq)", "recipient"]]);
  assert.is(result.draft.title, "Civilians (Iraq): killed (ASSAULT)");
});

test("a long sentence is not evidence (at most 400 characters); dead, injured and size are counted as dropped", () => {
  const { result, fields } = draftOf({ ...BASE, text: "x".repeat(401), dead: 3, size: 100 });
  assert.ok(result.ok && result.draft.evidence === undefined);
  assert.equal(fields.evidence, { mapped: 0, defaulted: 0, dropped: 1 });
  assert.equal(fields.dead, { mapped: 0, defaulted: 0, dropped: 1 });
  assert.equal(fields.size, { mapped: 0, defaulted: 0, dropped: 1 });
});

async function all<T>(rows: AsyncIterable<SourceRow<T>>): Promise<SourceRow<T>[]> {
  const out: SourceRow<T>[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

test("the gold standard reads as 323 records with the line each begins on (trailing commas allowed)", async () => {
  const rows = await all(format.rows(GSR));
  assert.is(rows.length, 323);
  assert.ok(rows.every((r) => "values" in r));
  assert.is(rows[0]!.line, 2);
  assert.is(rows[1]!.line, 14);
  const text = readFileSync(GSR, "utf8").split("\n");
  for (const r of rows) assert.is(text[r.line - 1]!.trim(), "{", `line ${r.line}`);
});

test("JSON Lines, and broken records: each row a problem of its own, never a crash", async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(`${tmpdir()}/plover-`);
  try {
    writeFileSync(`${dir}/a.jsonl`, `${JSON.stringify(BASE)}\n\n{"id": "T-2",\n[1]\n`);
    const lines = await all(format.rows(`${dir}/a.jsonl`));
    assert.equal(
      lines.map((r) => ("problem" in r ? [r.line, r.problem.split(":")[0]] : [r.line, "ok"])),
      [
        [1, "ok"],
        [3, "not JSON"],
        [4, "not a PLOVER record (a JSON object)"],
      ],
    );
    writeFileSync(`${dir}/b.json`, `[\n{"id": "A"},\n{"id": "B" "x": 1},\n7,\n{"id": "C"}\n`);
    const array = await all(format.rows(`${dir}/b.json`));
    assert.equal(
      array.map((r) => ("problem" in r ? [r.line, r.problem.split(":")[0]] : [r.line, (r.values as PloverRecord).id])),
      [
        [2, "A"],
        [3, "not JSON"],
        [4, "a number, not a PLOVER record (an object)"],
        [5, "C"],
        [6, "not JSON"],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the mapping table: every category maps to a current type (and a mode of it), every renamed mode is one of its type's, every GSR category is in the table", () => {
  const table = loadMapping("plover").tables;
  const modesOf = (type: string) => EVENT_TYPES.find((t) => t.code === type)?.modes.map((m) => m.code);
  for (const [category, entry] of Object.entries(table.event_types!.map)) {
    const e = entry as { event_type: string; mode?: string };
    assert.ok(modesOf(e.event_type), `${category} -> ${e.event_type} is not a current type`);
    if (e.mode) assert.ok(modesOf(e.event_type)!.includes(e.mode), `${category}: ${e.mode} is not a mode of ${e.event_type}`);
  }
  for (const [key, mode] of Object.entries(table.modes!.map)) {
    const [type] = key.split("/");
    assert.ok(modesOf(type!)?.includes(mode as string), `${key} -> ${String(mode)}`);
  }
  const categories = new Set([...readFileSync(GSR, "utf8").matchAll(/"event": "([A-Z]+)"/g)].map((m) => m[1]!));
  for (const c of categories) assert.ok(table.event_types!.map[c] || table.event_types!.unmappable?.[c], `${c} is in neither map nor unmappable`);
});

test.run();
