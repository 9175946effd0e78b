/** The UCDP GED importer: its mapping table, and each awkward case of the fixture by its outcome. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_TYPES } from "../../schema/vocabularies/plover.ts";
import { isCountryCode } from "../../scripts/core/countries.ts";
import { UsageError } from "../../scripts/core/io.ts";
import { format, mondayOf, ucdpMapping, type GedRow } from "../../scripts/import/formats/ucdp-ged.ts";
import type { EventDraft, FieldOutcome, MapContext, MapResult } from "../../scripts/import/types.ts";
import { REGISTRY, snapshot, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const FIXTURE = path.join(import.meta.dirname, "..", "fixtures", "import", "ucdp-ged", "ged-sample.csv");

interface Outcome {
  line: number;
  id?: string;
  problem?: string;
  result?: MapResult;
}

function recorder() {
  const fields: Record<string, Partial<Record<FieldOutcome, number>>> = {};
  const unmapped: Record<string, number> = {};
  const context: MapContext = {
    field: (name, outcome) => {
      const counts = (fields[name] ??= {});
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    },
    unmapped: (table, code) => {
      unmapped[`${table}:${code}`] = (unmapped[`${table}:${code}`] ?? 0) + 1;
    },
  };
  return { fields, unmapped, context };
}

const { fields, unmapped, context } = recorder();
const outcomes: Outcome[] = [];
// The fixture read and mapped once, before the tests (uvu loads test files as CommonJS: no top-level await).
test.before(async () => {
  for await (const row of format.rows(FIXTURE)) {
    if ("problem" in row) outcomes.push({ line: row.line, problem: row.problem });
    else outcomes.push({ line: row.line, id: row.values.id, result: format.map(row.values, row, context) });
  }
});

/** The draft of the first row with this id (it must have made one). */
function draft(id: string): EventDraft {
  const o = outcomes.find((x) => x.id === id);
  assert.ok(o?.result, `no row ${id}`);
  if (!o.result.ok) throw new Error(`row ${id} was refused: ${o.result.reason}`);
  return o.result.draft;
}

function refusal(id: string): string {
  const o = outcomes.find((x) => x.id === id);
  assert.ok(o?.result, `no row ${id}`);
  if (o.result.ok) throw new Error(`row ${id} made a draft`);
  return o.result.reason;
}

const row = (values: Partial<GedRow>): GedRow => {
  const header = Object.keys(ucdpMapping().tables.columns.map);
  const base = Object.fromEntries(header.map((c) => [c, ""]));
  return {
    ...base,
    id: "1",
    type_of_violence: "1",
    side_a: "Government of Somalia",
    side_b: "Al-Shabaab",
    gwnoa: "520",
    source_office: "Reuters News",
    where_prec: "1",
    where_coordinates: "Afgooye town",
    country: "Somalia",
    date_prec: "1",
    date_start: "2021-03-14",
    date_end: "2021-03-14",
    best: "1",
    low: "1",
    high: "1",
    ...values,
  } as GedRow;
};
const mapOne = (values: Partial<GedRow>) => format.map(row(values), { file: "x.csv", line: 2, row: 1 }, recorder().context);

// The mapping table.

test("the mapping table loads, and names the dataset, its version and its licence", () => {
  const { mapping } = ucdpMapping();
  assert.is(mapping.format, "ucdp-ged");
  assert.is(mapping.dataset.id, format.dataset);
  assert.is(format.defaultVersion, mapping.dataset.version);
  assert.match(mapping.dataset.licence, /CC BY 4\.0/);
});

test("columns: the codebook's 49, numbered 1..49 once each", () => {
  const positions = Object.values(ucdpMapping().tables.columns.map).sort((a, b) => a - b);
  assert.equal(
    positions,
    Array.from({ length: 49 }, (_, i) => i + 1),
  );
});

test("violence_types: every code maps to a current PLOVER type, and a mode of that type where given", () => {
  for (const [code, v] of Object.entries(ucdpMapping().tables.violence_types.map)) {
    const type = EVENT_TYPES.find((t) => t.code === v.type);
    assert.ok(type, `type_of_violence ${code}: ${v.type} is not a PLOVER type`);
    if (v.mode) assert.ok(type.modes.some((m) => m.code === v.mode), `type_of_violence ${code}: ${v.mode} is not a mode of ${v.type}`);
  }
  assert.equal(Object.keys(ucdpMapping().tables.violence_types.map).sort(), ["1", "2", "3"]);
});

test("gwno and countries: every value is an ISO 3166-1 alpha-3 code; every unmappable entry says why", () => {
  const { gwno, countries } = ucdpMapping().tables;
  for (const [n, code] of Object.entries(gwno.map)) assert.ok(isCountryCode(code), `gwno ${n}: ${code}`);
  for (const [name, code] of Object.entries(countries.map)) assert.ok(isCountryCode(code), `${name}: ${code}`);
  for (const [n, why] of Object.entries(gwno.unmappable ?? {})) {
    assert.not.ok(n in gwno.map, `gwno ${n} is both mapped and unmappable`);
    assert.ok(why.length > 20);
  }
});

test("where_prec: 1-6 map to a location precision, 7 is unmappable with a reason", () => {
  const { where_prec } = ucdpMapping().tables;
  assert.equal(Object.keys(where_prec.map).sort(), ["1", "2", "3", "4", "5", "6"]);
  assert.equal(Object.keys(where_prec.unmappable ?? {}), ["7"]);
});

test("templates use only the words the importer fills in", () => {
  const known = new Set(["id", "violence", "where", "conflict", "phrase", "when", "best", "low", "high", "place", "country", "start", "end", "side_a", "side_b"]);
  const { templates, violence_types, date_precisions } = ucdpMapping().tables;
  const texts = [...Object.values(templates.map), ...Object.values(violence_types.map).map((v) => v.phrase), ...Object.values(date_precisions.map).flatMap((d) => [d.phrase, d.range])];
  for (const text of texts) for (const [, name] of text.matchAll(/\{([a-z_]+)\}/g)) assert.ok(known.has(name!), `{${name}} in ${text}`);
});

// The fixture, row by row.

test("every row of the fixture is accounted for: 29 rows, one of them malformed", () => {
  assert.is(outcomes.length, 29);
  assert.equal(
    outcomes.filter((o) => o.problem).map((o) => [o.line, o.problem]),
    [[17, "9 fields where the header has 49"]],
  );
  assert.is(outcomes.filter((o) => o.result?.ok).length, 21);
});

test("a date with a time, date_prec 1: a day; the exact point kept; one source with its headline and date", () => {
  const d = draft("500001");
  assert.equal(d.date, { start: "2021-03-14", precision: "day" });
  assert.is(d.originId, "500001");
  assert.is(d.eventType, "ASSAULT");
  assert.is(d.mode, undefined);
  assert.equal(d.locations, [{ name: "Afgooye town", country: "SOM", admin1: "Lower Shabelle region", precision: "exact", lat: 2.139, lon: 45.121 }]);
  assert.equal(d.sources, [{ outlet: { name: "Reuters News", registry: "reuters" }, title: "Somali troops clash with al Shabaab near Mogadishu", published: "2021-03-15", language: "und" }]);
  assert.equal(d.actors, [
    { ref: { name: "Government of Somalia", code: "113", country: "SOM", kind: "state" }, role: "participant" },
    { ref: { name: "Al-Shabaab", code: "1034", kind: "group" }, role: "participant" },
  ]);
  assert.equal(d.tags, ["state-based"]);
  assert.is(d.title, "State-based armed conflict at Afgooye town, Somalia (UCDP GED 500001)");
  assert.match(d.summary, /^UCDP GED event 500001 records fighting between Government of Somalia and Al-Shabaab \(Somalia: Government\) at Afgooye town, Somalia, on 2021-03-14\. UCDP's best estimate is 8 deaths \(low 8, high 10\)\.$/);
});

test("date_prec 2: the days from start to end, precision day; where_prec 2 is city", () => {
  const d = draft("500002");
  assert.equal(d.date, { start: "2021-03-10", end: "2021-03-13", precision: "day" });
  assert.is(d.locations[0]!.precision, "city");
});

test("date_prec 3: precision week, written as the Mondays of the start's and the end's weeks; where_prec 3 is admin2", () => {
  assert.is(mondayOf("2021-05-05"), "2021-05-03");
  assert.is(mondayOf("2021-05-03"), "2021-05-03");
  assert.is(mondayOf("2021-01-03"), "2020-12-28");
  const d = draft("500003");
  assert.equal(d.date, { start: "2021-05-03", end: "2021-05-10", precision: "week" });
  assert.is(d.locations[0]!.precision, "admin2");
});

test("date_prec 4: the month; where_prec 4 is admin1", () => {
  const d = draft("500004");
  assert.equal(d.date, { start: "2020-07", precision: "month" });
  assert.is(d.locations[0]!.precision, "admin1");
});

test("date_prec 5: the year; where_prec 6: the country, its centroid dropped", () => {
  const d = draft("500005");
  assert.equal(d.date, { start: "2019", precision: "year" });
  assert.equal(d.locations, [{ name: "Somalia", country: "SOM", precision: "country" }]);
  assert.is(d.title, "State-based armed conflict in Somalia (UCDP GED 500005)");
  assert.equal(d.sources[0]!.outlet, { name: "Amnesty International" });
});

test("one-sided violence against Civilians: ASSAULT/targeted, initiator and recipient; clarity 2 tags it unclear", () => {
  const d = draft("500006");
  assert.is(d.eventType, "ASSAULT");
  assert.is(d.mode, "targeted");
  assert.equal(d.actors, [
    { ref: { name: "IS", code: "234", kind: "group" }, role: "initiator" },
    { ref: { name: "Civilians", code: "1", kind: "group" }, role: "recipient" },
  ]);
  assert.equal(d.tags, ["one-sided", "unclear"]);
  assert.match(d.summary, /deadly violence by IS against Civilians/);
});

test("non-state conflict: two armed groups, both participants, no country guessed", () => {
  const d = draft("500007");
  assert.equal(
    d.actors.map((a) => [a.ref.name, a.ref.kind, a.ref.country, a.role]),
    [
      ["CJNG", "group", undefined, "participant"],
      ["Sinaloa Cartel", "group", undefined, "participant"],
    ],
  );
  assert.equal(d.tags, ["non-state"]);
});

test("several sources whose counts agree: one source each, headlines and dates aligned", () => {
  assert.equal(
    draft("500008").sources.map((s) => [s.outlet.name, s.title, s.published]),
    [
      ["Reuters News", "Car bomb hits Mogadishu checkpoint", "2021-04-02"],
      ["Agence France Presse", "Deadly blast in Somali capital", "2021-04-03"],
    ],
  );
});

test("several sources whose counts disagree: every office a source, the first headline and date to the first only", () => {
  assert.equal(
    draft("500009").sources.map((s) => [s.outlet.name, s.title, s.published]),
    [
      ["Reuters News", "Shabaab fighters attack army base", "2021-04-08"],
      ["Agence France Presse", undefined, undefined],
      ["Xinhua News Agency", undefined, undefined],
    ],
  );
});

test("coordinates 0,0 are no coordinates: the location stays, without them", () => {
  assert.equal(draft("500010").locations, [{ name: "Jowhar town", country: "SOM", admin1: "Middle Shabelle region", precision: "exact" }]);
});

test("where_prec 7 (international waters or airspace): no location, and the title says where", () => {
  const d = draft("500011");
  assert.equal(d.locations, []);
  assert.is(d.title, "State-based armed conflict at Red Sea (international waters or airspace) (UCDP GED 500011)");
  assert.is(d.actors[0]!.ref.country, "YEM");
});

test("a duplicate row maps to the same draft (the run skips it); the same id with other values maps to another (the run refuses it)", () => {
  const same = outcomes.filter((o) => o.id === "500001").map((o) => (o.result?.ok ? JSON.stringify(o.result.draft) : ""));
  assert.is(same.length, 3);
  assert.is(same[0], same[1]);
  assert.is.not(same[0], same[2]);
});

test("country names the ISO names miss, through the countries table: Syria, DR Congo (Zaire), Myanmar (Burma)", () => {
  assert.is(draft("500013").locations[0]!.country, "SYR");
  assert.is(draft("500013").actors[0]!.ref.country, "SYR");
  assert.is(draft("500014").locations[0]!.country, "COD");
  assert.is(draft("500014").actors[0]!.ref.country, "COD");
  assert.is(draft("500024").locations[0]!.country, "MMR");
});

test("a country neither the table nor the ISO names know: refused, naming it, and counted as unmapped", () => {
  assert.is(refusal("500015"), 'country "Atlantis" is in neither the countries table nor the ISO names');
  assert.is(unmapped["countries:Atlantis"], 1);
});

test("a headline with a comma, quoted, is read whole", () => {
  assert.is(draft("500017").sources[0]!.title, "Somalia: soldiers, militants killed in dawn raid");
});

test("codes not in the tables refuse the row with the code, and are counted", () => {
  assert.is(refusal("500018"), 'type_of_violence "4" is not in the violence_types table');
  assert.is(refusal("500020"), 'date_prec "6" is not in the date_precisions table');
  assert.is(unmapped["violence_types:4"], 1);
  assert.is(unmapped["date_precisions:6"], 1);
});

test("dates that are not, or end before they begin; no source; an id that is not a number: refused with the value", () => {
  assert.is(refusal("500019"), 'date_start "2021-02-30 00:00:00.000" is not a date (YYYY-MM-DD, with or without a time)');
  assert.is(refusal("500023"), "date_end 2021-10-02 is before date_start 2021-10-05");
  assert.is(refusal("500021"), "source_office is empty: the record would have no source");
  assert.is(refusal("n/a"), 'id "n/a" is not a UCDP event id (a whole number)');
});

test("a Gleditsch-Ward number listed as unmappable: the state's country from its name, nothing counted as unmapped", () => {
  assert.equal(draft("500022").actors[0]!.ref, { name: "Government of Serbia (Yugoslavia)", code: "129", country: "SRB", kind: "state" });
  assert.not.ok(Object.keys(unmapped).some((k) => k.startsWith("gwno:")));
});

test("two states: each its country from gwnoa and gwnob", () => {
  assert.equal(
    draft("500025").actors.map((a) => [a.ref.country, a.ref.kind, a.role]),
    [
      ["RUS", "state", "participant"],
      ["UKR", "state", "participant"],
    ],
  );
  assert.equal(
    draft("500025").sources.map((s) => s.outlet.registry),
    ["reuters", "ap"],
  );
});

test("what the source got wrong is imported as given (validate reports it): swapped coordinates, a report before the event", () => {
  assert.equal([draft("500026").locations[0]!.lat, draft("500026").locations[0]!.lon], [45.121, 2.139]);
  assert.is(draft("500027").sources[0]!.published, "2021-12-01");
  assert.is(draft("500027").date.start, "2021-12-05");
});

test("field outcomes are counted for the rows that make a draft only", () => {
  assert.equal(fields.id, { mapped: 21 });
  assert.equal(fields.latitude, { mapped: 18, dropped: 3 });
  assert.equal(fields.source_headline, { mapped: 20, dropped: 1 });
  assert.equal(fields.language, { defaulted: 21 });
  assert.equal(fields.where_prec, { mapped: 20, dropped: 1 });
});

// Beyond the fixture.

test("long names: the title stays within 120 characters and the summary within 600", () => {
  const long = "Coalition of the Very Long Named Armed Movement for the Liberation of Everything ".repeat(8).trim();
  const r = mapOne({ side_b: long, where_coordinates: "A place with a rather long name ".repeat(4).trim(), conflict_name: long });
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.ok(r.draft.title.length >= 5 && r.draft.title.length <= 120, r.draft.title);
  assert.ok(r.draft.summary.length >= 20 && r.draft.summary.length <= 600, r.draft.summary);
  assert.match(r.draft.title, /UCDP GED 1\)$/);
  assert.match(r.draft.summary, /UCDP GED event 1 /);
});

test("a state whose gwno is unknown: counted as unmapped, the country from the name; several numbers give none from gwno", () => {
  const c = recorder();
  const r = format.map(row({ gwnoa: "999" }), { file: "x.csv", line: 2, row: 1 }, c.context);
  assert.ok(r.ok && r.draft.actors[0]!.ref.country === "SOM");
  assert.is(c.unmapped["gwno:999"], 1);
  const r2 = mapOne({ side_a: "Government of Atlantis", gwnoa: "2, 200" });
  assert.ok(r2.ok);
  if (r2.ok) assert.equal(r2.draft.actors[0]!.ref, { name: "Government of Atlantis", kind: "state" });
});

test("bad input never throws: an empty row, a row of garbage", () => {
  const empty = format.map({}, { file: "x.csv", line: 2, row: 1 }, recorder().context);
  assert.is(empty.ok, false);
  const garbage = mapOne({ latitude: "north", longitude: "", date_end: "", side_b: "", where_prec: "x" });
  assert.is(garbage.ok, false);
  if (!garbage.ok) assert.is(garbage.reason, 'where_prec "x" is not in the where_prec table');
  const r = mapOne({ latitude: "north", longitude: "12" });
  assert.ok(r.ok);
  if (r.ok) assert.equal(r.draft.locations[0], { name: "Afgooye town", country: "SOM", precision: "exact" });
});

test("a file with a byte order mark and CRLF line ends reads as the same rows", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-ucdp-"));
  try {
    const file = path.join(dir, "crlf.csv");
    writeFileSync(file, "\ufeff" + readFileSync(FIXTURE, "utf8").replace(/\n/g, "\r\n"));
    const seen: string[] = [];
    for await (const r of format.rows(file)) seen.push("problem" in r ? `${r.line} ${r.problem}` : `${r.line} ${JSON.stringify(format.map(r.values, r, recorder().context))}`);
    const expected = outcomes.map((o) => (o.problem ? `${o.line} ${o.problem}` : `${o.line} ${JSON.stringify(o.result)}`));
    assert.equal(seen, expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a header without a column of the codebook is a usage error naming it; so is an empty file", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-ucdp-"));
  try {
    const text = readFileSync(FIXTURE, "utf8");
    const lines = text.split("\n");
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, [lines[0]!.replace(",where_prec,", ",").replace(",gwnob", ""), ...lines.slice(1)].join("\n"));
    const drain = async (file: string) => {
      for await (const _ of format.rows(file)) void _;
    };
    try {
      await drain(bad);
      assert.unreachable("no error");
    } catch (error) {
      assert.instance(error, UsageError);
      assert.match((error as Error).message, /lacks the UCDP GED columns where_prec, gwnob/);
    }
    const empty = path.join(dir, "empty.csv");
    writeFileSync(empty, "");
    try {
      await drain(empty);
      assert.unreachable("no error");
    } catch (error) {
      assert.instance(error, UsageError);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// End to end: the command on the fixture, twice, then validate and release.


test("eventwire import ucdp-ged: 19 records, 1 duplicate skipped, 9 refused (exit 1); a second import changes nothing; validate finds what the source got wrong; release once that is set aside", async () => {
  const root = writeDataset({ ...REGISTRY });
  const env = { EVENTWIRE_TODAY: "2026-12-06" };
  try {
    const first = await run(["import", "ucdp-ged", FIXTURE, "--format", "json", "--root", root], { cwd: root, env });
    assert.is(first.code, 1, first.stderr + first.stdout.slice(0, 2000));
    const report = JSON.parse(first.stdout);
    assert.is(report.rows, 29);
    assert.is(report.records, 19);
    assert.equal(report.written, { new: 19, changed: 0, unchanged: 0, moved: 0 });
    assert.is(report.skipped.length, 1);
    assert.equal(
      report.refused.map((n: { line: number }) => n.line),
      [16, 17, 19, 20, 21, 22, 24, 29, 30],
    );
    assert.match(report.refused.find((n: { line: number }) => n.line === 29).reason, /the id 500001 was given to .*:2 already, with other values/);
    assert.equal(report.unmapped, { countries: { Atlantis: 1 }, violence_types: { "4": 1 }, date_precisions: { "6": 1 } });
    assert.ok(report.actors.created.includes("civilians"));
    assert.ok(report.outlets.created.includes("amnesty-international"));
    assert.not.ok(report.outlets.created.includes("reuters-news"), "Reuters News is the registry's reuters");

    // The record of row 6 (one-sided violence against civilians), as written.
    const files = [...snapshot(root).entries()].filter(([f]) => f.startsWith("data/events/"));
    assert.is(files.length, 19);
    const records = files.map(([, text]) => JSON.parse(text));
    const oneSided = records.find((r) => r.provenance.origin.id === "500006");
    assert.equal(oneSided.provenance.origin, { dataset: "ucdp-ged", version: "24.1", id: "500006" });
    assert.is(oneSided.provenance.method, "imported");
    assert.equal([oneSided.event_type, oneSided.mode], ["ASSAULT", "targeted"]);
    assert.equal(oneSided.actors.map((a: { role: string }) => a.role), ["initiator", "recipient"]);
    assert.is(records.find((r) => r.provenance.origin.id === "500011").locations, undefined);

    // A second import of the same file changes nothing.
    const before = snapshot(root);
    const second = await run(["import", "ucdp-ged", FIXTURE, "--format", "json", "--root", root], { cwd: root, env });
    assert.is(second.code, 1);
    const again = JSON.parse(second.stdout);
    assert.equal(again.written, { new: 0, changed: 0, unchanged: 19, moved: 0 });
    assert.equal(again.actors.created, []);
    assert.equal(again.outlets.created, []);
    assert.equal(snapshot(root), before);

    // validate: the source's errors are findings (swapped coordinates, a report dated before the event).
    const validate = await run(["validate", "--format", "json", "--root", root], { cwd: root, env: { EVENTWIRE_TODAY: "2026-12-06" } });
    const findings = JSON.parse(validate.stdout).findings as { rule: string; file: string; severity: string }[];
    const idOf = (file: string) => records.find((r) => file.endsWith(`${r.id}.json`))?.provenance.origin.id;
    const errors = findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${idOf(f.file)}`);
    assert.equal(errors.sort(), ["published-after-start 500027"], JSON.stringify(findings, null, 1).slice(0, 3000));
    // 500026: latitude and longitude swapped; 500022: a place in Kosovo that UCDP places in Serbia (Yugoslavia), as in 1999.
    const warnings = findings.filter((f) => f.severity === "warning").map((f) => `${f.rule} ${idOf(f.file) ?? f.file}`);
    assert.equal(warnings.sort(), ["coordinates-country 500022", "coordinates-country 500026"]);
    assert.ok(findings.every((f) => f.severity !== "info" || f.rule === "evidence-event-type"), "infos: only events without evidence of their type (GED has headlines, not sentences)");

    // release: refused while the error stands; with the record whose report predates the event set aside, the 18 others are released with their origin.
    const refusedRelease = await run(["release", "--version", "1.0.0", "--out", "dist"], { cwd: root, env: { SOURCE_DATE_EPOCH: "1765000000" } });
    assert.is.not(refusedRelease.code, 0);
    const wrong = files.find(([, text]) => JSON.parse(text).provenance.origin.id === "500027")![0];
    rmSync(path.join(root, wrong));
    const release = await run(["release", "--version", "1.0.0", "--out", "dist"], { cwd: root, env: { SOURCE_DATE_EPOCH: "1765000000" } });
    assert.is(release.code, 0, release.stderr + release.stdout);
    const folder = path.join(root, "dist", "eventwire-1.0.0", "eventwire-1.0.0");
    const released = readFileSync(path.join(folder, "events.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    assert.is(released.length, 18);
    assert.ok(released.every((r) => r.provenance.origin.dataset === "ucdp-ged"));
    assert.match(readFileSync(path.join(folder, "events.csv"), "utf8").split("\n")[0]!, /origin_dataset/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
