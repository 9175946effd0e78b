/** `eventwire import gdelt`: the mapping table (every crosswalk code, every FIPS and CAMEO country code), each awkward row of the fixture by its outcome, and the import end to end. */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadMapping } from "../../schema/mappings.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { isCountryCode } from "../../scripts/core/countries.ts";
import { compileMapping, format, lookupCameo, mapRow, type CameoEntry } from "../../scripts/import/formats/gdelt.ts";
import { importedEventId } from "../../scripts/import/ids.ts";
import type { EventDraft, MapContext, MapResult } from "../../scripts/import/types.ts";
import { REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const FIXTURES = path.join(TOOLKIT_ROOT, "test/fixtures/import/gdelt");
/** The PLOVER crosswalk, kept (CC BY-SA 4.0, with its notice) with the PLOVER fixtures. */
const CROSSWALK = path.join(TOOLKIT_ROOT, "test/fixtures/import/plover/CAMEO2PLOVER-2021.txt");
const EXPORT = path.join(FIXTURES, "20250516.export.CSV");
const vocabulary = JSON.parse(readFileSync(path.join(TOOLKIT_ROOT, "schema/vocabularies/plover-event-types-1.0.0.json"), "utf8")) as {
  event_types: { code: string; modes: { code: string }[] }[];
};
const MODES = new Map(vocabulary.event_types.map((t) => [t.code, new Set(t.modes.map((m) => m.code))]));
const mapping = loadMapping("gdelt");
const tables = compileMapping(mapping);

/** The crosswalk as its text says: code -> every line that gives it (type, mode, contexts), blank and comment lines and the trailing `~~~~~` aside. */
function crosswalk(): Map<string, { type: string; mode: string; contexts: string[] }[]> {
  const out = new Map<string, { type: string; mode: string; contexts: string[] }[]>();
  for (const line of readFileSync(CROSSWALK, "utf8").split("\n")) {
    const m = /^(\d{2,4}):\s*([^#]*)/.exec(line);
    if (!m) continue;
    const [type = "", mode = "", context = ""] = m[2]!.split(",").map((p) => p.trim());
    const contexts = context.split(";").map((c) => c.trim()).filter(Boolean);
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), { type, mode, contexts }]);
  }
  return out;
}

function collect(): { context: MapContext; fields: Record<string, Record<string, number>>; unmapped: Record<string, Record<string, number>> } {
  const fields: Record<string, Record<string, number>> = {};
  const unmapped: Record<string, Record<string, number>> = {};
  return {
    fields,
    unmapped,
    context: {
      field(name, outcome) {
        const f = (fields[name] ??= {});
        f[outcome] = (f[outcome] ?? 0) + 1;
      },
      unmapped(table, code) {
        const t = (unmapped[table] ??= {});
        t[code] = (t[code] ?? 0) + 1;
      },
    },
  };
}

/** Every row of the fixture by its line: the draft, the refusal, or the reading problem. */
async function fixtureResults(): Promise<{ byLine: Map<number, MapResult | { problem: string }>; context: ReturnType<typeof collect> }> {
  const c = collect();
  const byLine = new Map<number, MapResult | { problem: string }>();
  for await (const row of format.rows(EXPORT)) {
    if ("problem" in row) byLine.set(row.line, { problem: row.problem });
    else byLine.set(row.line, format.map(row.values, row, c.context));
  }
  return { byLine, context: c };
}
let results: Awaited<ReturnType<typeof fixtureResults>>;
test.before(async () => {
  results = await fixtureResults();
});
const draft = (line: number): EventDraft => {
  const r = results.byLine.get(line);
  if (!r || !("ok" in r) || !r.ok) throw new Error(`line ${line} made no draft: ${JSON.stringify(r)}`);
  return r.draft;
};
const refusal = (line: number): string => {
  const r = results.byLine.get(line);
  if (r && "problem" in r) return r.problem;
  if (!r || r.ok) throw new Error(`line ${line} was not refused: ${JSON.stringify(r)}`);
  return r.reason;
};

test("the mapping table: 61 columns at positions 1..61, the shapes of every table, the defaults and templates", () => {
  assert.is(tables.width, 61);
  const names = Object.keys(mapping.tables.columns!.map);
  assert.equal([names[0], names[1], names[26], names[51], names[59], names[60]], ["GLOBALEVENTID", "SQLDATE", "EventCode", "ActionGeo_Type", "DATEADDED", "SOURCEURL"]);
  assert.equal(mapping.fields.map((f) => f.from), names, "the fields list documents every column, in order");
  assert.is(mapping.dataset.id, format.dataset);
  assert.is(mapping.dataset.version, format.defaultVersion);
  assert.match(mapping.dataset.licence, /CC BY-SA 4\.0/);
  assert.match(readFileSync(path.join(TOOLKIT_ROOT, "schema/mappings/gdelt.yaml"), "utf8").split("\nformat:")[0]!, /CAMEO2PLOVER-2021\.txt[\s\S]*CC BY-SA 4\.0/);
});

test("every code of the crosswalk is in tables.cameo with the same type, mode (or why it is left out) and contexts as tags, or unmappable with why", () => {
  const codes = crosswalk();
  assert.ok(codes.size > 250, `${codes.size} codes read`);
  for (const [code, lines] of codes) {
    const entry = tables.cameo.get(code);
    if (!entry) {
      assert.ok(tables.cameoUnmappable.get(code), `${code} is neither mapped nor unmappable`);
      continue;
    }
    const distinct = new Set(lines.map((l) => JSON.stringify(l)));
    assert.is(distinct.size, 1, `${code} is given twice with different values: it must be unmappable`);
    const l = lines[0]!;
    assert.is(entry.type, l.type, code);
    if (l.mode && entry.mode_replaced) {
      // The table may choose another mode of the same type, saying why (195: aerial for the crosswalk's heavy-weapons).
      assert.is(entry.mode_replaced, l.mode, code);
      assert.ok(MODES.get(l.type)!.has(entry.mode!), `${code}: ${entry.mode}`);
      assert.ok(entry.why && entry.why.includes(l.mode), `${code}: why ${l.mode} is replaced`);
    } else if (l.mode && MODES.get(l.type)!.has(l.mode)) assert.is(entry.mode, l.mode, code);
    else if (l.mode) {
      assert.is(entry.mode, undefined, code);
      assert.is(entry.mode_dropped, l.mode, code);
      assert.ok(entry.why && entry.why.includes(l.mode), `${code}: why ${l.mode} is left out`);
    } else assert.is(entry.mode, undefined, code);
    assert.equal(entry.tags ?? [], l.contexts.map((c) => c.replace(/_/g, "-")), code);
  }
  // The awkward lines: 08 twice with two types, 175 twice the same, trailing spaces in modes, 0813's note, the last line.
  assert.match(tables.cameoUnmappable.get("08")!, /CONCEDE.*RETREAT/);
  assert.equal(codes.get("175")!.length, 2);
  assert.is(tables.cameo.get("175")!.type, "ASSAULT");
  assert.is(tables.cameo.get("0861")!.mode, "access");
  assert.is(tables.cameo.get("1381")!.mode, "restrict");
  assert.equal([...tables.cameo].filter(([, e]) => e.mode_replaced).map(([c, e]) => `${c}:${e.mode_replaced}->${e.mode}`), ["195:heavy-weapons->aerial"]);
  assert.equal(tables.cameo.get("091")!.tags, ["crime", "corruption"]);
  assert.equal(
    [...tables.cameo].filter(([, e]) => e.mode_dropped).map(([c, e]) => `${c}:${e.mode_dropped}`).sort(),
    ["0842:return", "085:ease", "132:ban", "1321:political", "1322:ban", "1712:seize", "1722:ban", "175:pro_autocracy", "185:assassinate", "186:assassinate", "200:massacre", "201:cleansing", "202:massacre", "203:cleansing"].sort(),
  );
  // 01 and 02 are not in the crosswalk: unmappable, saying why.
  assert.match(tables.cameoUnmappable.get("01")!, /public statement/);
  assert.match(tables.cameoUnmappable.get("02")!, /appeal/);
});

test("every entry of tables.cameo has one of the 16 types and, where given, a mode of that type", () => {
  assert.is(MODES.size, 16);
  for (const [code, entry] of tables.cameo as Map<string, CameoEntry>) {
    assert.ok(MODES.has(entry.type), `${code}: ${entry.type}`);
    if (entry.mode) assert.ok(MODES.get(entry.type)!.has(entry.mode), `${code}: ${entry.type} ${entry.mode}`);
  }
});

test("country tables: every FIPS code maps to an ISO alpha-3 code or is unmappable with why; CAMEO's exceptions likewise, and none of its unmappable codes is an ISO code", () => {
  const fips = mapping.tables.fips!;
  assert.ok(Object.keys(fips.map).length >= 250);
  for (const [code, iso] of Object.entries(fips.map)) assert.ok(isCountryCode(iso as string), `${code} -> ${String(iso)}`);
  for (const code of Object.keys(fips.unmappable ?? {})) assert.not.ok(code in fips.map, code);
  const countries = mapping.tables.countries!;
  for (const [code, iso] of Object.entries(countries.map)) {
    assert.not.ok(isCountryCode(code), `${code} is an ISO code itself`);
    assert.ok(isCountryCode(iso as string), `${code} -> ${String(iso)}`);
  }
  for (const code of Object.keys(countries.unmappable ?? {})) assert.not.ok(isCountryCode(code), `${code} is an ISO code: it would be kept`);
  assert.is(tables.fips.get("UP"), "UKR");
  assert.is(tables.fips.get("KV"), "XKK");
  assert.is(tables.fips.get("GM"), "DEU");
});

test("CAMEO lookup: exact, through the 3- then 2-digit parent, refused for 01x, 02x, an 08x the table lacks, and a code of no family", () => {
  assert.equal(lookupCameo("1823", tables), { ok: true, entry: tables.cameo.get("1823")! });
  assert.equal(lookupCameo("2043", tables), { ok: true, entry: tables.cameo.get("204")!, via: "204" });
  assert.equal(lookupCameo("1799", tables), { ok: true, entry: tables.cameo.get("17")!, via: "17" });
  assert.equal(lookupCameo("0815", tables), { ok: true, entry: tables.cameo.get("081")!, via: "081" });
  for (const code of ["010", "0193", "02", "0211", "08", "089"]) {
    const r = lookupCameo(code, tables);
    assert.ok(!r.ok && r.reason.startsWith(`CAMEO ${code} has no PLOVER type`), `${code}: ${JSON.stringify(r)}`);
  }
  const none = lookupCameo("2199", tables);
  assert.ok(!none.ok && none.reason === "CAMEO 2199 is not in the crosswalk, nor is its parent");
});

test("fixture: an ordinary row (line 1) becomes a full draft", () => {
  const d = draft(1);
  assert.equal(d, {
    originId: "1240000001",
    date: { start: "2025-05-16", precision: "day" },
    eventType: "CONSULT",
    mode: "visit",
    actors: [
      { ref: { name: "UNITED STATES", code: "USAGOV", kind: "state", country: "USA" }, role: "initiator" },
      { ref: { name: "RUSSIA", code: "RUS", kind: "state", country: "RUS" }, role: "recipient" },
    ],
    locations: [{ name: "Moscow, Moskva, Russia", country: "RUS", precision: "city", admin1: "Moskva", lat: 55.7522, lon: 37.6156 }],
    sources: [{ outlet: { url: "https://www.reuters.com/world/a-report-2025-05-16/" }, url: "https://www.reuters.com/world/a-report-2025-05-16/", language: "en", published: "2025-05-16" }],
    title: "UNITED STATES and RUSSIA: Make a visit (GDELT 1240000001)",
    summary:
      "GDELT 2.0 event 1240000001, coded by machine from a news report: UNITED STATES (initiator) and RUSSIA (recipient), CAMEO 042: Make a visit, on 2025-05-16 in Moscow, Moskva, Russia. Imported as PLOVER CONSULT (visit).",
  });
});

test("fixture: one actor code missing gives one actor with its own role; both missing refuses the row", () => {
  assert.equal(draft(2).actors.map((a) => [a.ref.code, a.role]), [["UKRMIL", "initiator"]]);
  assert.equal(draft(3).actors.map((a) => [a.ref.code, a.role]), [["UKRCVL", "recipient"]]);
  assert.is(draft(3).eventType, "ASSAULT");
  assert.is(refusal(4), "neither Actor1Code nor Actor2Code is given: an event needs an actor");
});

test("fixture: codes absent from the crosswalk read through their parent (defaulted, counted unmapped); 01x, 02x, 089 and a non-code refused with the code", () => {
  assert.equal([draft(5).eventType, draft(5).mode, draft(5).tags], ["ASSAULT", "unconventional", ["cbrn"]]);
  assert.match(draft(5).summary, /CAMEO 2043, read as 204: Use weapons of mass destruction/);
  assert.equal([draft(6).eventType, draft(6).mode], ["COERCE", undefined]);
  assert.is(draft(7).eventType, "CONCEDE");
  assert.is(draft(41).eventType, "MOBILIZE");
  assert.match(refusal(8), /^CAMEO 010 has no PLOVER type \(its parent 01 is unmappable\): CAMEO 01 \(make public statement/);
  assert.match(refusal(9), /^CAMEO 014 has no PLOVER type/);
  assert.match(refusal(10), /^CAMEO 0211 has no PLOVER type \(its parent 02 is unmappable\)/);
  assert.match(refusal(11), /^CAMEO 089 has no PLOVER type \(its parent 08 is unmappable\): the crosswalk gives 08 twice/);
  assert.is(refusal(40), 'EventCode "---" is not a CAMEO event code');
  assert.equal(results.context.unmapped.cameo, { "2043": 1, "176": 1, "0815": 1, "010": 1, "014": 1, "0211": 1, "089": 1, "---": 1, "155": 1 });
  assert.equal(results.context.fields.EventCode, { mapped: 28, defaulted: 4 });
});

test("fixture: places: ActionGeo_Type 0 and an unknown type give no location; 0,0 and out-of-range coordinates are dropped, the place kept; a FIPS code without ISO code drops it; KV is Kosovo", () => {
  assert.equal(draft(12).locations, []);
  assert.equal(draft(43).locations, []);
  assert.equal(draft(13).locations, [{ name: "Nairobi, Nairobi Area, Kenya", country: "KEN", precision: "city", admin1: "Nairobi Area" }]);
  assert.equal(draft(14).locations, [{ name: "Nairobi, Nairobi Area, Kenya", country: "KEN", precision: "city", admin1: "Nairobi Area" }]);
  assert.equal(draft(41).locations, [{ name: "Russia", country: "RUS", precision: "country" }]);
  assert.equal(draft(28).locations, []);
  assert.equal(draft(29).locations[0]!.country, "XKK");
  assert.equal(draft(36).locations, [{ name: "Oregon, United States", country: "USA", precision: "admin1", admin1: "Oregon", lat: 44.5672, lon: -122.126 }]);
  assert.equal(draft(23).locations[0]!.precision, "admin1");
  assert.equal(draft(6).locations[0]!.precision, "country");
  assert.equal(results.context.unmapped.fips, { PG: 1 });
  assert.equal(results.context.unmapped.geo_types, { "9": 1 });
  assert.equal(results.context.fields["ActionGeo_Lat"], { mapped: 26, dropped: 3 });
});

test("fixture: repeated GLOBALEVENTIDs map alike (the run skips the same row, refuses other values); 60 and 58 fields are reading problems", () => {
  assert.equal(draft(17), draft(18));
  assert.equal(draft(19).originId, draft(17).originId);
  assert.is.not(draft(19).title, draft(17).title);
  assert.is(refusal(20), "60 fields where a GDELT 2.0 export line has 61");
  assert.match(refusal(22), /^58 fields where a GDELT 2\.0 export line has 61 \(a GDELT 1\.0 daily file has 57 or 58/);
  assert.not.ok(results.byLine.has(21), "the blank line is not a row");
});

test("fixture: actors: non-ASCII names kept, CAMEO country codes (ROM, KSV) to ISO, a region dropped, sectors to kinds, an unknown sector counted, GOV without a country an organization", () => {
  assert.equal(draft(23).actors.map((a) => a.ref), [
    { name: "MÉDECINS SANS FRONTIÈRES", code: "NGOMSF", kind: "organization" },
    // A group of a country is named with it (Kenya's and the USA's POLICE are two actors whatever the order).
    { name: "RÉFUGIÉS (Sudan)", code: "SDNREF", kind: "group", country: "SDN" },
  ]);
  assert.is(draft(25).actors[0]!.ref.name, "北京商会 (People's Republic of China)");
  assert.equal(draft(26).actors.map((a) => a.ref), [
    { name: "AFRICA", code: "AFR", kind: "group" },
    { name: "ROMANIA", code: "ROMGOV", kind: "state", country: "ROU" },
  ]);
  assert.equal(draft(29).actors[1]!.ref, { name: "KOSOVO", code: "KSV", kind: "state", country: "XKK" });
  assert.equal(draft(27).actors[0]!.ref, { name: "UNITED STATES", code: "USAXYZ", kind: "group", country: "USA" });
  assert.equal(results.context.unmapped.countries, { AFR: 1 });
  assert.equal(results.context.unmapped.sectors, { XYZ: 1 });
  assert.equal(draft(16).actors.map((a) => a.ref.kind), ["organization", "organization"]);
  const c = collect();
  const row = readFileSync(EXPORT, "utf8").split("\n")[0]!.split("\t");
  row[tables.at.Actor1CountryCode] = "";
  const r = mapRow(row, tables, c.context);
  assert.ok(r.ok && r.draft.actors[0]!.ref.kind === "organization" && r.draft.actors[0]!.ref.country === undefined);
});

test("fixture: sources: an address is the url and the outlet's; a non-address is the outlet's name; empty refuses; DATEADDED gives published or is dropped", () => {
  assert.equal(draft(30).sources, [{ outlet: { name: "BBC Monitoring" }, language: "en", published: "2025-05-16" }]);
  assert.is(refusal(31), "SOURCEURL is empty: an event needs a source");
  assert.is(draft(33).sources[0]!.published, undefined);
  assert.is(refusal(32), 'SQLDATE "20250231" is not a date (YYYYMMDD)');
  assert.is(draft(34).date.start, "2024-05-16");
  assert.equal(results.context.fields.DATEADDED, { mapped: 31, dropped: 1 });
  assert.equal(results.context.fields.SOURCEURL, { mapped: 31, dropped: 1 });
});

test("fixture: modes the vocabulary lacks are left out; contexts become tags; the same actor on both sides is named once; long names are shortened in the title", () => {
  assert.equal([draft(37).eventType, draft(37).mode], ["ASSAULT", undefined]);
  assert.equal([draft(38).eventType, draft(38).mode, draft(38).tags], ["RETREAT", undefined, ["legal"]]);
  assert.equal(draft(39).tags, ["crime", "corruption"]);
  assert.is(draft(35).title, "UNITED STATES: Express intent to provide economic aid (GDELT 1240000034)");
  assert.match(draft(35).summary, /UNITED STATES \(initiator and recipient\)/);
  const long = draft(42);
  assert.ok(long.title.length <= 120 && long.title.includes("…") && long.title.endsWith("(GDELT 1240000041)"), long.title);
});

test("fixture: every draft's title (5-120) and summary (20-600) name GDELT and the row's id", () => {
  let n = 0;
  for (const r of results.byLine.values()) {
    if (!("ok" in r) || !r.ok) continue;
    n++;
    const { title, summary, originId } = r.draft;
    assert.ok(title.length >= 5 && title.length <= 120, title);
    assert.ok(summary.length >= 20 && summary.length <= 600, summary);
    assert.ok(title.includes(`GDELT ${originId}`) && summary.includes(`GDELT 2.0 event ${originId}`), title);
  }
  assert.is(n, 32);
});

test("bad input never throws: random fields, short lines, odd values", () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pool = ["", "0", "1", "-1", "999999999999", "NaN", "1e400", "20250516", "042", "0874", "01", "USA", "ROM", "AFR", "ÿ", "\u0000", " ", "http://", "https://x", "https://[::1]/a", "GOV", "9", "UP", "0.0"];
  const c = collect();
  for (let i = 0; i < 2000; i++) {
    const row = Array.from({ length: 61 }, () => pool[Math.floor(rand() * pool.length)]!);
    const r = mapRow(row, tables, c.context);
    assert.type(r.ok, "boolean");
  }
});

const ENV = { EVENTWIRE_TODAY: "2026-12-06" };

function listFiles(root: string, rel: string): string[] {
  const out: string[] = [];
  const walk = (r: string) => {
    for (const e of readdirSync(path.join(root, r), { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${r}/${e.name}`);
      else out.push(`${r}/${e.name}`);
    }
  };
  if (existsSync(path.join(root, rel))) walk(rel);
  return out.sort();
}

test("end to end: import the fixture (exit 1: refused rows), the report's figures, a second import changes nothing, validate", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    writeFileSync(path.join(root, "20250516.export.CSV"), readFileSync(EXPORT));
    const r = await run(["import", "gdelt", "20250516.export.CSV", "--format", "json", "--root", root], { cwd: root, env: ENV });
    assert.is(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.is(report.rows, 42);
    assert.is(report.records, 30);
    assert.equal(report.written, { new: 30, changed: 0, unchanged: 0, moved: 0 });
    assert.equal(report.skipped.map((n: { line: number }) => n.line), [18]);
    assert.equal(report.refused.map((n: { line: number }) => n.line), [4, 8, 9, 10, 11, 19, 20, 22, 31, 32, 40]);
    assert.is(report.outlets.matchedDistinct, 1, "reuters.com is the outlet reuters");
    assert.ok(report.outlets.created.includes("nation-africa"), "one outlet for the three nation.africa rows");
    const record = JSON.parse(readFileSync(path.join(root, `data/events/2025/05/${importedEventId("gdelt", "1240000001")}.json`), "utf8"));
    assert.equal(record.provenance.origin, { dataset: "gdelt", version: "2.0", id: "1240000001" });
    assert.equal(record.sources[0].outlet, "reuters");

    const before = listFiles(root, "data").map((f) => [f, readFileSync(path.join(root, f), "utf8")]);
    const again = await run(["import", "gdelt", "20250516.export.CSV", "--format", "json", "--root", root], { cwd: root, env: { EVENTWIRE_TODAY: "2026-12-07" } });
    const second = JSON.parse(again.stdout);
    assert.equal(second.written, { new: 0, changed: 0, unchanged: 30, moved: 0 });
    assert.equal([second.actors.created, second.outlets.created], [[], []]);
    assert.equal(listFiles(root, "data").map((f) => [f, readFileSync(path.join(root, f), "utf8")]), before);

    // validate: no error; the source's own traits show as a warning and infos. GDELT gives one event two ids
    // (lines 1 and 33: the same visit on the same day, from two reports): probable-duplicate; it has no sentence: no evidence.
    const v = await run(["validate", "--format", "json"], { cwd: root, env: ENV });
    assert.is(v.code, 0, v.stdout.slice(0, 3000));
    const findings = JSON.parse(v.stdout).findings as { file: string; rule: string; severity: string }[];
    const pair = [importedEventId("gdelt", "1240000001"), importedEventId("gdelt", "1240000032")].map((id) => `data/events/2025/05/${id}.json`).sort();
    // Line 33's DATEADDED is no date: its source leaves `published` out, where the 8 other events from the same report
    // give it (source-consistent: one finding on it, naming them, and one on each of them).
    const cited = findings.filter((f) => f.rule === "source-consistent").map((f) => f.file);
    assert.is(cited.length, 9);
    assert.equal(cited.filter((file) => file === `data/events/2025/05/${importedEventId("gdelt", "1240000032")}.json`).length, 1);
    assert.equal(
      findings.filter((f) => f.severity !== "info" && f.rule !== "source-consistent").map((f) => `${f.rule} ${f.file}`),
      pair.map((file) => `probable-duplicate ${file}`),
    );
    // No sentence in GDELT, and no finding for it: evidence-event-type asks it of records coded by a person only.
    assert.equal(findings.filter((f) => f.severity === "info" && f.file.startsWith("data/events/2025/")), []);

    // And a release: the imported events with their origin, the card naming GDELT as their source.
    const release = await run(["release", "--version", "1.0.0", "--out", "dist"], { cwd: root, env: { ...ENV, SOURCE_DATE_EPOCH: "1796515200" } });
    assert.is(release.code, 0, release.stderr);
    const folder = path.join(root, "dist/eventwire-1.0.0/eventwire-1.0.0");
    const released = readFileSync(path.join(folder, "events.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    assert.is(released.filter((e) => e.provenance.origin?.dataset === "gdelt").length, 30);
    assert.match(readFileSync(path.join(folder, "README.md"), "utf8"), /\| GDELT [^|]*\(gdelt\) \| 30 \|/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
