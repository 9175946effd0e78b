/**
 * Every field rule of every schema version, with valid and invalid examples. Each
 * example goes through both forms of the schema, the zod type and the
 * published JSON Schema in ajv, and both must reach the expected verdict.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { SCHEMA_VERSIONS, SCHEMAS, type RecordKind } from "../../schema/index.ts";
import { validatorFor } from "../../scripts/rules/schema/validators.ts";
import { setPath, validActor, validEvent, validOutlet } from "../helpers/records.ts";

interface Case {
  kind: RecordKind;
  name: string;
  /** Dotted path and new value (`undefined` deletes the field). */
  changes: [string, unknown][];
  valid: boolean;
  /** The versions the case is checked under (default: every version; the record names each in turn). */
  versions?: readonly string[];
}

const EVIDENCE = { source: 0, claim: "actor:antony-blinken", quote: { exact: "Antony Blinken", suffix: " met" }, position: { start: 10, end: 24 } };

const ORIGIN = { dataset: "acled", version: "2025-06-30", id: "BGD12345" };

const base = { event: validEvent, actor: validActor, outlet: validOutlet };

const cases: Case[] = [
  // event: identity and status
  { kind: "event", name: "the example event", changes: [], valid: true },
  { kind: "event", name: "unknown schema_version", changes: [["schema_version", "0.9.0"]], valid: false },
  { kind: "event", name: "id without prefix", changes: [["id", "p6w7bxbz"]], valid: false },
  { kind: "event", name: "id with excluded letter u", changes: [["id", "ev-p6w7bxbu"]], valid: false },
  { kind: "event", name: "id too short", changes: [["id", "ev-p6w7bxb"]], valid: false },
  { kind: "event", name: "unknown status", changes: [["status", "deleted"]], valid: false },
  { kind: "event", name: "duplicate with duplicate_of", changes: [["status", "duplicate"], ["duplicate_of", "ev-dwgqbce2"]], valid: true },
  { kind: "event", name: "duplicate without duplicate_of", changes: [["status", "duplicate"]], valid: false },
  { kind: "event", name: "retracted with a reason", changes: [["status", "retracted"], ["retraction_reason", "The source corrected its report."]], valid: true },
  { kind: "event", name: "retracted without a reason", changes: [["status", "retracted"]], valid: false },
  { kind: "event", name: "active with duplicate_of", changes: [["duplicate_of", "ev-dwgqbce2"]], valid: false },
  { kind: "event", name: "retracted with duplicate_of too", changes: [["status", "retracted"], ["retraction_reason", "The source corrected its report."], ["duplicate_of", "ev-dwgqbce2"]], valid: false },
  { kind: "event", name: "unknown top-level field", changes: [["headline", "x"]], valid: false },
  // text bounds
  { kind: "event", name: "title too short", changes: [["title", "Meet"]], valid: false },
  { kind: "event", name: "title of 120 characters", changes: [["title", "x".repeat(120)]], valid: true },
  { kind: "event", name: "title of 121 characters", changes: [["title", "x".repeat(121)]], valid: false },
  { kind: "event", name: "summary too short", changes: [["summary", "Too short."]], valid: false },
  { kind: "event", name: "summary too long", changes: [["summary", "y".repeat(601)]], valid: false },
  { kind: "event", name: "missing summary", changes: [["summary", undefined]], valid: false },
  // dates
  { kind: "event", name: "month precision with YYYY-MM", changes: [["date", { start: "2023-02", precision: "month" }]], valid: true },
  { kind: "event", name: "year precision with YYYY", changes: [["date", { start: "2023", precision: "year" }]], valid: true },
  { kind: "event", name: "week precision with a day", changes: [["date", { start: "2023-02-27", precision: "week" }]], valid: true },
  { kind: "event", name: "day precision with an end", changes: [["date", { start: "2023-02-28", end: "2023-03-01", precision: "day" }]], valid: true },
  { kind: "event", name: "day precision written YYYY-MM", changes: [["date", { start: "2023-02", precision: "day" }]], valid: false },
  { kind: "event", name: "month precision written as a day", changes: [["date", { start: "2023-02-28", precision: "month" }]], valid: false },
  { kind: "event", name: "year precision with end written YYYY-MM", changes: [["date", { start: "2023", end: "2024-01", precision: "year" }]], valid: false },
  { kind: "event", name: "year as a number", changes: [["date", { start: 2023, precision: "year" }]], valid: false },
  { kind: "event", name: "month 13", changes: [["date", { start: "2023-13", precision: "month" }]], valid: false },
  { kind: "event", name: "unknown precision", changes: [["date.precision", "days"]], valid: false },
  { kind: "event", name: "missing precision", changes: [["date.precision", undefined]], valid: false },
  { kind: "event", name: "unknown date field", changes: [["date.approx", true]], valid: false },
  // event type and mode
  { kind: "event", name: "ASSAULT without a mode", changes: [["event_type", "ASSAULT"], ["mode", undefined]], valid: true },
  { kind: "event", name: "unknown event type", changes: [["event_type", "MEET"]], valid: false },
  { kind: "event", name: "lower-case event type", changes: [["event_type", "consult"]], valid: false },
  { kind: "event", name: "mode of another type", changes: [["mode", "riot"]], valid: false },
  { kind: "event", name: "mode on a type without modes", changes: [["event_type", "AID"], ["mode", "visit"]], valid: false },
  { kind: "event", name: "PROTEST with mode demo", changes: [["event_type", "PROTEST"], ["mode", "demo"]], valid: true },
  // actors
  { kind: "event", name: "no actors", changes: [["actors", []]], valid: false },
  { kind: "event", name: "unknown role", changes: [["actors.0.role", "host"]], valid: false },
  { kind: "event", name: "actor id not kebab-case", changes: [["actors.0.actor", "Antony_Blinken"]], valid: false },
  // locations
  { kind: "event", name: "no locations", changes: [["locations", []]], valid: false },
  { kind: "event", name: "location with lat and lon", changes: [["locations.0.lat", 51.18], ["locations.0.lon", 71.45]], valid: true },
  { kind: "event", name: "lat without lon", changes: [["locations.0.lat", 51.18]], valid: false },
  { kind: "event", name: "lon without lat", changes: [["locations.0.lon", 71.45]], valid: false },
  { kind: "event", name: "lat out of range", changes: [["locations.0.lat", 91], ["locations.0.lon", 0]], valid: false },
  { kind: "event", name: "lon out of range", changes: [["locations.0.lat", 0], ["locations.0.lon", -180.5]], valid: false },
  { kind: "event", name: "alpha-2 country", changes: [["locations.0.country", "KZ"]], valid: false },
  { kind: "event", name: "lower-case country", changes: [["locations.0.country", "kaz"]], valid: false },
  { kind: "event", name: "geonames id as string", changes: [["locations.0.geonames_id", "1526273"]], valid: false },
  { kind: "event", name: "unknown location precision", changes: [["locations.0.precision", "town"]], valid: false },
  // sources
  { kind: "event", name: "no sources", changes: [["sources", []]], valid: false },
  { kind: "event", name: "source without url", changes: [["sources.0.url", undefined]], valid: true },
  { kind: "event", name: "source without via", changes: [["sources.0.via", undefined]], valid: true },
  { kind: "event", name: "ftp url", changes: [["sources.0.url", "ftp://p.dw.com/p/4O4UG"]], valid: false },
  { kind: "event", name: "url with a space", changes: [["sources.0.url", "https://p.dw.com/p 4O4UG"]], valid: false },
  { kind: "event", name: "published as date-time with offset", changes: [["sources.0.published", "2023-02-28T10:15:00+01:00"]], valid: true },
  { kind: "event", name: "published as date-time in UTC", changes: [["sources.0.published", "2023-02-28T10:15:00Z"]], valid: true },
  { kind: "event", name: "published date-time without zone", changes: [["sources.0.published", "2023-02-28T10:15:00"]], valid: false },
  { kind: "event", name: "published as month", changes: [["sources.0.published", "2023-02"]], valid: false },
  { kind: "event", name: "language with region", changes: [["sources.0.language", "pt-BR"]], valid: true },
  { kind: "event", name: "language with script", changes: [["sources.0.language", "zh-Hant"]], valid: true },
  { kind: "event", name: "language in upper case", changes: [["sources.0.language", "EN"]], valid: false },
  { kind: "event", name: "via repeated", changes: [["sources.0.via", ["afp", "afp"]]], valid: false },
  { kind: "event", name: "empty source title", changes: [["sources.0.title", ""]], valid: false },
  // tags and provenance
  { kind: "event", name: "tag not kebab-case", changes: [["tags", ["Central Asia"]]], valid: false },
  { kind: "event", name: "tag repeated", changes: [["tags", ["a", "a"]]], valid: false },
  { kind: "event", name: "no coder", changes: [["provenance.coded_by", []]], valid: false },
  { kind: "event", name: "unknown method", changes: [["provenance.method", "automatic"]], valid: false },
  { kind: "event", name: "coded_at as date-time", changes: [["provenance.coded_at", "2026-11-27T10:00:00Z"]], valid: false },
  // event: a source without headline or date (1.2.0)
  { kind: "event", name: "a source without its headline", changes: [["sources.0.title", undefined]], valid: false, versions: ["1.0.0", "1.1.0"] },
  { kind: "event", name: "a source without its headline (1.2.0 on)", changes: [["sources.0.title", undefined]], valid: true, versions: ["1.2.0", "1.3.0"] },
  { kind: "event", name: "a source without its date", changes: [["sources.0.published", undefined]], valid: false, versions: ["1.0.0", "1.1.0"] },
  { kind: "event", name: "a source without its date (1.2.0 on)", changes: [["sources.0.published", undefined]], valid: true, versions: ["1.2.0", "1.3.0"] },
  { kind: "event", name: "a source dated by month only", changes: [["sources.0.published", "2023-02"]], valid: false },
  // event: evidence (1.1.0)
  { kind: "event", name: "evidence quoting a source", changes: [["evidence", [EVIDENCE]]], valid: true, versions: ["1.1.0", "1.2.0", "1.3.0"] },
  { kind: "event", name: "evidence in a 1.0.0 record", changes: [["evidence", [EVIDENCE]]], valid: false, versions: ["1.0.0"] },
  { kind: "event", name: "evidence claims of each kind", changes: [["evidence", ["event_type", "mode", "date", "actor:kazakhstan", "location:0", "location:12"].map((claim) => ({ ...EVIDENCE, claim }))]], valid: true, versions: ["1.1.0", "1.2.0", "1.3.0"] },
  { kind: "event", name: "an empty evidence list", changes: [["evidence", []]], valid: false, versions: ["1.1.0", "1.2.0", "1.3.0"] },
  { kind: "event", name: "an unknown claim", changes: [["evidence", [{ ...EVIDENCE, claim: "weather" }]]], valid: false, versions: ["1.1.0", "1.2.0", "1.3.0"] },
  { kind: "event", name: "a location claim with a leading zero", changes: [["evidence", [{ ...EVIDENCE, claim: "location:01" }]]], valid: false, versions: ["1.1.0", "1.2.0", "1.3.0"] },
  { kind: "event", name: "a negative source index", changes: [["evidence", [{ ...EVIDENCE, source: -1 }]]], valid: false, versions: ["1.1.0", "1.2.0", "1.3.0"] },
  { kind: "event", name: "an empty quote", changes: [["evidence", [{ ...EVIDENCE, quote: { exact: "" } }]]], valid: false, versions: ["1.1.0", "1.2.0", "1.3.0"] },
  { kind: "event", name: "a quote of more than 400 characters", changes: [["evidence", [{ ...EVIDENCE, quote: { exact: "a".repeat(401) } }]]], valid: false, versions: ["1.1.0", "1.2.0", "1.3.0"] },
  { kind: "event", name: "a quote with an unknown key", changes: [["evidence", [{ ...EVIDENCE, quote: { exact: "x", type: "TextQuoteSelector" } }]]], valid: false, versions: ["1.1.0", "1.2.0", "1.3.0"] },
  { kind: "event", name: "a position without end", changes: [["evidence", [{ ...EVIDENCE, position: { start: 3 } }]]], valid: false, versions: ["1.1.0", "1.2.0", "1.3.0"] },
  // event: imported records (1.3.0): no locations, provenance.origin
  { kind: "event", name: "no locations at all", changes: [["locations", undefined]], valid: false, versions: ["1.0.0", "1.1.0", "1.2.0"] },
  { kind: "event", name: "no locations at all (1.3.0)", changes: [["locations", undefined]], valid: true, versions: ["1.3.0"] },
  { kind: "event", name: "an imported record with its origin", changes: [["provenance.method", "imported"], ["provenance.origin", ORIGIN]], valid: true, versions: ["1.3.0"] },
  { kind: "event", name: "an origin before 1.3.0", changes: [["provenance.method", "imported"], ["provenance.origin", ORIGIN]], valid: false, versions: ["1.0.0", "1.1.0", "1.2.0"] },
  { kind: "event", name: "an imported record without origin (valid: requiring it would break 1.2.0 records)", changes: [["provenance.method", "imported"]], valid: true },
  { kind: "event", name: "a manual record with an origin", changes: [["provenance.origin", ORIGIN]], valid: false, versions: ["1.3.0"] },
  { kind: "event", name: "an assisted record with an origin", changes: [["provenance.method", "assisted"], ["provenance.origin", ORIGIN]], valid: false, versions: ["1.3.0"] },
  { kind: "event", name: "an origin without its id", changes: [["provenance.method", "imported"], ["provenance.origin", { dataset: "acled", version: "2025-06-30" }]], valid: false, versions: ["1.3.0"] },
  { kind: "event", name: "an origin dataset not kebab-case", changes: [["provenance.method", "imported"], ["provenance.origin", { ...ORIGIN, dataset: "ACLED" }]], valid: false, versions: ["1.3.0"] },
  { kind: "event", name: "an origin version of 101 characters", changes: [["provenance.method", "imported"], ["provenance.origin", { ...ORIGIN, version: "v".repeat(101) }]], valid: false, versions: ["1.3.0"] },
  { kind: "event", name: "an origin id of 200 characters", changes: [["provenance.method", "imported"], ["provenance.origin", { ...ORIGIN, id: "1".repeat(200) }]], valid: true, versions: ["1.3.0"] },
  { kind: "event", name: "an empty origin id", changes: [["provenance.method", "imported"], ["provenance.origin", { ...ORIGIN, id: "" }]], valid: false, versions: ["1.3.0"] },
  { kind: "event", name: "an origin with an unknown key", changes: [["provenance.method", "imported"], ["provenance.origin", { ...ORIGIN, url: "https://acleddata.com" }]], valid: false, versions: ["1.3.0"] },
  // actor registry
  { kind: "actor", name: "the example actor", changes: [], valid: true },
  { kind: "actor", name: "a state without offices", changes: [["kind", "state"], ["offices", undefined]], valid: true },
  { kind: "actor", name: "a state with offices", changes: [["kind", "state"]], valid: false },
  { kind: "actor", name: "unknown kind", changes: [["kind", "country"]], valid: false },
  { kind: "actor", name: "wikidata id", changes: [["wikidata", "Q42"]], valid: true },
  { kind: "actor", name: "wikidata id without Q", changes: [["wikidata", "42"]], valid: false },
  { kind: "actor", name: "repeated alias", changes: [["aliases", ["Tony", "Tony"]]], valid: false },
  { kind: "actor", name: "office without title", changes: [["offices", [{ from: "2021-01-26" }]]], valid: false },
  { kind: "actor", name: "id with underscore", changes: [["id", "antony_blinken"]], valid: false },
  { kind: "actor", name: "an imported entry with its origin", changes: [["origin", { dataset: "acled", version: "2025-06-30", id: "Police Forces of Bangladesh (2009-)" }]], valid: true, versions: ["1.3.0"] },
  { kind: "actor", name: "an origin before 1.3.0", changes: [["origin", ORIGIN]], valid: false, versions: ["1.0.0", "1.1.0", "1.2.0"] },
  { kind: "actor", name: "an origin without its version", changes: [["origin", { dataset: "acled", id: "x" }]], valid: false, versions: ["1.3.0"] },
  // outlet registry
  { kind: "outlet", name: "the example outlet", changes: [], valid: true },
  { kind: "outlet", name: "no domains", changes: [["domains", []]], valid: false },
  { kind: "outlet", name: "domain with scheme", changes: [["domains", ["https://dw.com"]]], valid: false },
  { kind: "outlet", name: "domain in upper case", changes: [["domains", ["DW.com"]]], valid: false },
  { kind: "outlet", name: "unknown kind", changes: [["kind", "tv"]], valid: false },
  { kind: "outlet", name: "missing country", changes: [["country", undefined]], valid: false, versions: ["1.0.0", "1.1.0", "1.2.0"] },
  { kind: "outlet", name: "missing domains", changes: [["domains", undefined]], valid: false, versions: ["1.0.0", "1.1.0", "1.2.0"] },
  { kind: "outlet", name: "an outlet known by its name alone (1.3.0)", changes: [["country", undefined], ["domains", undefined], ["origin", { dataset: "acled", version: "2025-06-30", id: "Daily Star (Bangladesh)" }]], valid: true, versions: ["1.3.0"] },
  { kind: "outlet", name: "an origin before 1.3.0", changes: [["origin", ORIGIN]], valid: false, versions: ["1.0.0", "1.1.0", "1.2.0"] },
  { kind: "outlet", name: "an origin dataset with a space", changes: [["origin", { ...ORIGIN, dataset: "ucdp ged" }]], valid: false, versions: ["1.3.0"] },
];

for (const c of cases) {
  test(`${c.kind}: ${c.name} is ${c.valid ? "valid" : "invalid"} in zod and in the JSON Schema`, () => {
    for (const version of c.versions ?? SCHEMA_VERSIONS) {
      const record = base[c.kind]();
      record.schema_version = version;
      for (const [path, value] of c.changes) setPath(record, path, value);
      const zodResult = SCHEMAS[version]![c.kind].safeParse(record);
      const ajvResult = validatorFor(version, c.kind)!.quick(record);
      assert.is(zodResult.success, c.valid, `zod ${version}: ${JSON.stringify(zodResult.error?.issues ?? [])}`);
      assert.is(ajvResult, c.valid, `ajv ${version}`);
    }
  });
}

test.run();
