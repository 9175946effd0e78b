/**
 * Every rule with a valid and an invalid fixture. Each case writes a small
 * dataset (a few registry entries plus its files) and lists the findings it
 * expects as `file|rule@line:col`; a valid case expects none of its rule.
 */
import { test } from "uvu";
import { parse as parseYaml } from "yaml";
import * as assert from "uvu/assert";
import { RULES } from "../../scripts/rules/index.ts";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { checkDataset } from "../../scripts/check/run.ts";
import { discover } from "../../scripts/dataset/discover.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, findingsFor, writeDataset } from "../helpers/dataset.ts";

interface Case {
  rule: string;
  name: string;
  files: Record<string, string | Buffer>;
  /** Files deleted since the base, as `validate --changed` passes them. */
  deleted?: string[];
  /** Symbolic links to create: path -> target. */
  links?: Record<string, string>;
  /** Makes what files cannot say (a FIFO, a name that is not UTF-8) in the dataset's root. */
  setup?: (root: string) => void;
  /** Expected findings of `rule`, as `file|rule@line:col`; empty for a valid case. */
  expect: string[];
}

const E = EVENT_PATH;

// The DW page as the repository keeps it, with a manifest: evidence in EVENT_YAML quotes it.
const PAGE = readFileSync(path.join(TOOLKIT_ROOT, "data/texts/dw-2023-02-28-blinken-central-asia.txt"));
const manifest = (entries: object[]) => JSON.stringify({ texts: entries }, null, 2) + "\n";
const PAGE_ENTRY = { file: "dw.txt", url: "https://p.dw.com/p/4O4UG", sha256: createHash("sha256").update(PAGE).digest("hex") };
const TEXTS = { "data/texts/dw.txt": PAGE, "data/texts/manifest.json": manifest([PAGE_ENTRY]) };
const QUOTE = "      exact: Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia";
const withQuote = (exact: string, rest = "    position: { start: 558, end: 653 }") => editEvent(`${QUOTE}\n    position: { start: 558, end: 653 }`, `      exact: ${exact}\n${rest}`);
// A kept text of 16.7 million characters (the most a kept text may have: 16 MiB), and an event with two quotes of 400 characters that are not in it.
const BIG_TEXT = Buffer.from("The ministers met. ".repeat(883_000));
const BIG_QUOTES = editEvent(
  `${QUOTE}\n    position: { start: 558, end: 653 }\n`,
  ["Nowhere said, first ", "Nowhere said, second "].map((q) => q.padEnd(400, "wxyz")).map((q, i) => `${i === 0 ? "" : "  - source: 0\n    claim: event_type\n    quote:\n"}      exact: ${q}\n`).join(""),
);
const at = (file: string, rule: string, line: number, column: number) => `${file}|${rule}@${line}:${column}`;
const event = (text: string, file = E) => ({ [file]: text });
const outletWith = (id: string, domains: string) => `schema_version: "1.2.0"\nid: ${id}\nname: ${id.toUpperCase()}\nkind: online\ncountry: DEU\ndomains: ${domains}\n`;

// The event as JSON, and where a piece of its text starts (1-based line and column).
const JSON_E = EVENT_PATH.replace(/\.yaml$/, ".json");
const jsonEvent = JSON.stringify(parseYaml(EVENT_YAML), null, 2) + "\n";
const lineCol = (text: string, piece: string): [number, number] => {
  const before = text.slice(0, text.indexOf(piece)).split("\n");
  return [before.length, before.at(-1)!.length + 1];
};

/** A path under `root` whose last name is raw bytes (not UTF-8). */
const rawName = (root: string, folder: string, name: number[]) => Buffer.concat([Buffer.from(path.join(root, folder) + "/"), Buffer.from(name)]);

const cases: Case[] = [
  // file
  {
    rule: "file-unreadable",
    name: "a folder and a file whose names are not UTF-8 (no name readdir gives opens them)",
    files: event(EVENT_YAML),
    setup: (root) => {
      mkdirSync(rawName(root, "data/events/2023", [0xff]));
      writeFileSync(Buffer.concat([rawName(root, "data/events/2023", [0xff]), Buffer.from("/ev-aaaaaaaa.yaml")]), EVENT_YAML);
      writeFileSync(rawName(root, "data/events/2023/02", [0xfe, 0x2e, 0x79, 0x61, 0x6d, 0x6c]), EVENT_YAML);
    },
    expect: [at("data/events/2023/02/\ufffd.yaml", "file-unreadable", 1, 1), at("data/events/2023/\ufffd", "file-unreadable", 1, 1)],
  },
  { rule: "file-unreadable", name: "readable files and folders", files: event(EVENT_YAML), expect: [] },
  {
    rule: "file-type",
    name: "a FIFO in place of an event (never opened: reading it would wait for ever)",
    files: event(EVENT_YAML),
    setup: (root) => execFileSync("mkfifo", [path.join(root, "data/events/2023/02/ev-aaaaaaaa.yaml")]),
    expect: [at("data/events/2023/02/ev-aaaaaaaa.yaml", "file-type", 1, 1)],
  },
  { rule: "file-type", name: "regular files", files: event(EVENT_YAML), expect: [] },
  { rule: "file-size", name: "a 1 MiB + 1 byte file", files: event("#".repeat(1024 * 1024 + 1)), expect: [at(E, "file-size", 1, 1)] },
  { rule: "file-size", name: "the example event", files: event(EVENT_YAML), expect: [] },
  { rule: "file-encoding", name: "Latin-1 bytes", files: event(Buffer.from('title: "Caf\xe9"\n', "latin1") as unknown as string), expect: [at(E, "file-encoding", 1, 1)] },
  { rule: "file-encoding", name: "a binary file", files: event(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) as unknown as string), expect: [at(E, "file-encoding", 1, 1)] },
  { rule: "file-encoding", name: "UTF-8 text", files: event(editEvent("title: Blinken", "title: Blinkén")), expect: [] },
  { rule: "file-bom", name: "a UTF-8 BOM", files: event("\ufeff" + EVENT_YAML), expect: [at(E, "file-bom", 1, 1)] },
  { rule: "file-bom", name: "no BOM", files: event(EVENT_YAML), expect: [] },
  { rule: "file-unexpected", name: "a text file under data/", files: { "data/notes.txt": "x\n" }, expect: [at("data/notes.txt", "file-unexpected", 1, 1)] },
  { rule: "file-unexpected", name: "a YAML file outside the record folders", files: { "data/misc/x.yaml": "a: 1\n" }, expect: [at("data/misc/x.yaml", "file-unexpected", 1, 1)] },
  { rule: "file-unexpected", name: "records in record folders", files: event(EVENT_YAML), expect: [] },
  {
    rule: "file-symlink",
    name: "links out of the repository and inside it",
    files: event(EVENT_YAML),
    links: { "data/events/2023/02/ev-aaaaaaaa.yaml": "/etc/passwd", "data/events/2023/02/ev-bbbbbbbb.yaml": "ev-p6w7bxbz.yaml", "data/outside": "/etc" },
    expect: [at("data/events/2023/02/ev-aaaaaaaa.yaml", "file-symlink", 1, 1), at("data/events/2023/02/ev-bbbbbbbb.yaml", "file-symlink", 1, 1), at("data/outside", "file-symlink", 1, 1)],
  },
  { rule: "file-symlink", name: "regular files", files: event(EVENT_YAML), expect: [] },
  // parse
  { rule: "syntax", name: "an unclosed flow list", files: event(editEvent("via: [afp, reuters]", "via: [afp, reuters")), expect: [at(E, "syntax", 23, 5)] },
  { rule: "syntax", name: "two documents", files: event(EVENT_YAML + "---\na: 1\n"), expect: [at(E, "syntax", 37, 1)] },
  { rule: "syntax", name: "JSON with a trailing comma", files: { "data/outlets/x.json": '{\n  "id": "x",\n}\n' }, expect: [at("data/outlets/x.json", "syntax", 3, 1)] },
  { rule: "syntax", name: "JSON with NaN (V8 names no position)", files: { "data/outlets/x.json": '{\n  "id": "x",\n  "n": NaN\n}\n' }, expect: [at("data/outlets/x.json", "syntax", 3, 8)] },
  { rule: "syntax", name: "JSON with a trailing comma in a list", files: { "data/outlets/x.json": '{\n  "id": "x",\n  "n": [\n    1,\n  ]\n}\n' }, expect: [at("data/outlets/x.json", "syntax", 5, 3)] },
  { rule: "syntax", name: "JSON cut short", files: { "data/outlets/x.json": '{\n  "id":\n\n' }, expect: [at("data/outlets/x.json", "syntax", 2, 8)] },
  { rule: "syntax", name: "YAML nested 5000 levels deep", files: event("a: " + "[".repeat(5000) + "]".repeat(5000) + "\n"), expect: [at(E, "syntax", 1, 68)] },
  { rule: "syntax", name: "JSON nested 100000 levels deep", files: { "data/outlets/x.json": '{"a":' + "[".repeat(100000) + "]".repeat(100000) + "}" }, expect: [at("data/outlets/x.json", "syntax", 1, 69)] },
  { rule: "syntax", name: "well-formed YAML", files: event(EVENT_YAML), expect: [] },
  { rule: "duplicate-key", name: "a repeated YAML key", files: event(editEvent("status: active\n", "status: active\nstatus: retracted\n")), expect: [at(E, "duplicate-key", 4, 1)] },
  { rule: "duplicate-key", name: "a repeated JSON key", files: { "data/outlets/x.json": '{"id": "x",\n "id": "y"}\n' }, expect: [at("data/outlets/x.json", "duplicate-key", 2, 2)] },
  { rule: "duplicate-key", name: "distinct keys", files: event(EVENT_YAML), expect: [] },
  { rule: "yaml-tag", name: "a custom tag", files: event(editEvent("title: Blinken", "title: !js/function Blinken")), expect: [at(E, "yaml-tag", 4, 8)] },
  { rule: "yaml-tag", name: "plain values", files: event(EVENT_YAML), expect: [] },
  {
    rule: "yaml-alias",
    name: "an alias bomb",
    files: event('a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n'),
    expect: [at(E, "yaml-alias", 1, 1)],
  },
  { rule: "yaml-alias", name: "no aliases", files: event(EVENT_YAML), expect: [] },
  { rule: "record-shape", name: "an empty file", files: event(""), expect: [at(E, "record-shape", 1, 1)] },
  { rule: "record-shape", name: "a list", files: event("- a\n- b\n"), expect: [at(E, "record-shape", 1, 1)] },
  { rule: "record-shape", name: "a mapping", files: event(EVENT_YAML), expect: [] },
  // schema
  { rule: "schema-version", name: "an unknown version", files: event(editEvent('schema_version: "1.2.0"', 'schema_version: "9.9.9"')), expect: [at(E, "schema-version", 1, 17)] },
  { rule: "schema-version", name: "no version", files: event(editEvent('schema_version: "1.2.0"\n', "")), expect: [at(E, "schema-version", 1, 1)] },
  { rule: "schema-version", name: "a known version", files: event(EVENT_YAML), expect: [] },
  { rule: "schema-outdated", name: "a record on 1.0.0 (valid, checked against 1.0.0)", files: event(editEvent('schema_version: "1.2.0"', 'schema_version: "1.0.0"')), expect: [at(E, "schema-outdated", 1, 17)] },
  { rule: "schema-outdated", name: "a record on the latest version", files: event(EVENT_YAML), expect: [] },
  { rule: "schema", name: "an unknown precision", files: event(editEvent("precision: day", "precision: days")), expect: [at(E, "schema", 8, 14)] },
  { rule: "schema", name: "the example event", files: event(EVENT_YAML), expect: [] },
  {
    rule: "schema",
    name: "`__proto__` keys in YAML and JSON are fields like any other (and pollute nothing)",
    files: {
      ...event(editEvent("status: active", "status: active\n__proto__:\n  polluted: true")),
      "data/outlets/x.json": '{"schema_version": "1.1.0", "__proto__": {"polluted": true}, "id": "x", "name": "X", "kind": "wire_agency", "country": "FRA", "domains": ["x.com"]}',
    },
    expect: [at("data/events/2023/02/ev-p6w7bxbz.yaml", "schema", 4, 1), at("data/outlets/x.json", "schema", 1, 29)],
  },
  // record
  { rule: "file-name", name: "an event in the wrong month folder", files: event(EVENT_YAML, "data/events/2023/03/ev-p6w7bxbz.yaml"), expect: [at("data/events/2023/03/ev-p6w7bxbz.yaml", "file-name", 2, 5)] },
  { rule: "file-name", name: "an outlet file named after another id", files: { "data/outlets/deutsche-welle.yaml": 'schema_version: "1.2.0"\nid: dw2\nname: DW\nkind: broadcaster\ncountry: DEU\ndomains: [dw.com]\n' }, expect: [at("data/outlets/deutsche-welle.yaml", "file-name", 2, 5)] },
  { rule: "file-name", name: "the right place", files: event(EVENT_YAML), expect: [] },
  { rule: "file-name", name: "a name holding a newline", files: event(EVENT_YAML, "data/events/2023/02/ev-p6w7bxbz\n.yaml"), expect: [at("data/events/2023/02/ev-p6w7bxbz\n.yaml", "file-name", 1, 1)] },
  { rule: "file-name", name: "a name holding a CR, in a record that does not pass its schema", files: event("id: 1\n", "data/events/2023/02/ev-p6w7bxbz\r.yaml"), expect: [at("data/events/2023/02/ev-p6w7bxbz\r.yaml", "file-name", 1, 1)] },
  { rule: "date-calendar", name: "30 February", files: event(editEvent('published: "2023-02-28"', 'published: "2023-02-30"')), expect: [at(E, "date-calendar", 25, 16)] },
  { rule: "date-calendar", name: "29 February of a leap year", files: event(editEvent('start: "2023-02-28"', 'start: "2024-02-29"').replace('published: "2023-02-28"', 'published: "2024-02-29"'), "data/events/2024/02/ev-p6w7bxbz.yaml"), expect: [] },
  { rule: "date-order", name: "an end before the start", files: event(editEvent('start: "2023-02-28"\n', 'start: "2023-02-28"\n  end: "2023-02-27"\n')), expect: [at(E, "date-order", 8, 8)] },
  { rule: "date-order", name: "an end after the start", files: event(editEvent('start: "2023-02-28"\n', 'start: "2023-02-28"\n  end: "2023-03-01"\n')), expect: [] },
  { rule: "date-future", name: "a coding date after today", files: event(editEvent('coded_at: "2026-11-27"', 'coded_at: "2026-11-28"')), expect: [at(E, "date-future", 29, 13)] },
  { rule: "date-future", name: "dates up to today", files: event(EVENT_YAML), expect: [] },
  { rule: "published-after-start", name: "a report before the event", files: event(editEvent('published: "2023-02-28"', 'published: "2023-02-27"')), expect: [at(E, "published-after-start", 25, 16)] },
  { rule: "published-after-start", name: "a month-precision event reported that month", files: event(editEvent('start: "2023-02-28"\n  precision: day', 'start: "2023-02"\n  precision: month')), expect: [] },
  { rule: "country-code", name: "a code no country has", files: event(editEvent("country: KAZ", "country: KAX")), expect: [at(E, "country-code", 18, 14)] },
  { rule: "country-code", name: "an assigned code", files: event(EVENT_YAML), expect: [] },
  { rule: "outlet-known", name: "a misspelt via", files: event(editEvent("via: [afp, reuters]", "via: [afp, reuter]")), expect: [at(E, "outlet-known", 22, 16)] },
  { rule: "outlet-known", name: "an unknown outlet", files: event(editEvent("outlet: dw", "outlet: dwx")), expect: [at(E, "outlet-known", 21, 13)] },
  { rule: "outlet-known", name: "registered outlets", files: event(EVENT_YAML), expect: [] },
  { rule: "actor-known", name: "an unknown actor", files: event(editEvent("actor: kazakhstan", "actor: kazakstan")), expect: [at(E, "actor-known", 14, 12)] },
  { rule: "actor-known", name: "registered actors", files: event(EVENT_YAML), expect: [] },
  { rule: "actor-known", name: "an actor whose entry does not parse", files: { ...event(EVENT_YAML), "data/actors/kazakhstan.yaml": "id: [kazakhstan\n" }, expect: [at(E, "actor-known", 14, 12)] },
  { rule: "actor-repeated", name: "the same actor twice", files: event(editEvent("actor: kazakhstan", "actor: antony-blinken")), expect: [at(E, "actor-repeated", 14, 12)] },
  { rule: "actor-repeated", name: "distinct actors", files: event(EVENT_YAML), expect: [] },
  { rule: "url-domain", name: "a URL on another outlet's domain", files: event(editEvent("https://p.dw.com/p/4O4UG", "https://www.reuters.com/world/x")), expect: [at(E, "url-domain", 24, 10)] },
  { rule: "url-domain", name: "a sub-domain of the outlet", files: event(EVENT_YAML), expect: [] },
  { rule: "url-domain", name: "a link shortener", files: event(editEvent("https://p.dw.com/p/4O4UG", "https://bit.ly/abc")), expect: [] },
  {
    rule: "url-domain",
    name: "an outlet domain that is a public suffix matches no address",
    files: { ...event(editEvent("https://p.dw.com/p/4O4UG", "https://evil.co.uk/p/4O4UG")), "data/outlets/dw.yaml": outletWith("dw", "[co.uk, dw.com]") },
    // The public suffix itself is outlet-domain's error, in the outlet's file.
    expect: [at(E, "url-domain", 24, 10)],
  },
  {
    rule: "url-domain",
    name: "another user's site under a private suffix",
    files: { ...event(editEvent("https://p.dw.com/p/4O4UG", "https://other.github.io/x")), "data/outlets/dw.yaml": outletWith("dw", "[dw.com, someone.github.io]") },
    expect: [at(E, "url-domain", 24, 10)],
  },
  {
    rule: "url-domain",
    name: "a URL on a registrable domain under a private suffix",
    files: { ...event(editEvent("https://p.dw.com/p/4O4UG", "https://someone.github.io/x")), "data/outlets/dw.yaml": outletWith("dw", "[dw.com, someone.github.io]") },
    expect: [],
  },
  {
    rule: "outlet-domain",
    name: "a public suffix as an outlet's domain, beside the outlet's own",
    files: { ...event(EVENT_YAML), "data/outlets/dw.yaml": outletWith("dw", "[co.uk, dw.com]") },
    expect: [at("data/outlets/dw.yaml", "outlet-domain", 6, 11)],
  },
  {
    rule: "outlet-domain",
    name: "public suffixes (ICANN and private) and an IP address as outlet domains",
    files: { "data/outlets/pages.yaml": outletWith("pages", "[github.io, gov.uk, s3.amazonaws.com, 192.0.2.1]") },
    expect: [at("data/outlets/pages.yaml", "outlet-domain", 6, 11), at("data/outlets/pages.yaml", "outlet-domain", 6, 22), at("data/outlets/pages.yaml", "outlet-domain", 6, 30), at("data/outlets/pages.yaml", "outlet-domain", 6, 48)],
  },
  {
    rule: "outlet-domain",
    name: "registrable domains and their sub-domains, under ICANN and private suffixes",
    files: {
      ...event(EVENT_YAML),
      "data/outlets/dw.yaml": outletWith("dw", "[dw.com, someone.github.io]"),
      "data/outlets/bbc.yaml": outletWith("bbc", "[bbc.co.uk, www.bbc.co.uk, www.gov.uk, news.example.unknowntld]"),
    },
    expect: [],
  },
  // text
  { rule: "text-whitespace", name: "a trailing space in a quoted value", files: event(editEvent("name: Kazakhstan", 'name: "Kazakhstan "')), expect: [at(E, "text-whitespace", 17, 11)] },
  { rule: "text-whitespace", name: "double spaces", files: event(editEvent("title: Blinken meets", "title: Blinken  meets")), expect: [at(E, "text-whitespace", 4, 8)] },
  { rule: "text-whitespace", name: "clean text", files: event(EVENT_YAML), expect: [] },
  { rule: "text-control", name: "a tab inside a value", files: event(editEvent("title: Blinken meets the five Central Asian foreign ministers", 'title: "Blinken\\tmeets the five Central Asian foreign ministers"')), expect: [at(E, "text-control", 4, 8)] },
  { rule: "text-control", name: "plain text", files: event(EVENT_YAML), expect: [] },
  { rule: "text-formula", name: "a title a spreadsheet would run", files: event(editEvent("title: Blinken meets the five Central Asian foreign ministers", 'title: "=HYPERLINK(\\"http://x\\")"')), expect: [at(E, "text-formula", 4, 8)] },
  { rule: "text-formula", name: "an alias starting with @", files: { "data/actors/x.yaml": 'schema_version: "1.2.0"\nid: x\nname: X\nkind: person\naliases: ["@x"]\n' }, expect: [at("data/actors/x.yaml", "text-formula", 5, 11)] },
  { rule: "text-formula", name: "a minus inside the text", files: event(editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: Blinken meets ministers - all five")), expect: [] },
  { rule: "text-nfc", name: "a decomposed accent", files: event(editEvent("name: Kazakhstan", "name: Kazakhstane\u0301")), expect: [at(E, "text-nfc", 17, 11)] },
  { rule: "text-nfc", name: "a composed accent", files: event(editEvent("name: Kazakhstan", "name: Kazakhstan\u00e9")), expect: [] },
  { rule: "text-unicode", name: "a lone surrogate escape in YAML", files: event(editEvent("title: Blinken meets the five Central Asian foreign ministers", 'title: "Blinken \\ud83d meets the five Central Asian foreign ministers"')), expect: [at(E, "text-unicode", 4, 8)] },
  { rule: "text-unicode", name: "a lone low surrogate in JSON", files: { [JSON_E]: jsonEvent.replace('"title": "Blinken', '"title": "\\udc00Blinken') }, expect: [at(JSON_E, "text-unicode", ...lineCol(jsonEvent, '"Blinken meets'))] },
  { rule: "text-unicode", name: "a lone surrogate as YAML's 8-digit escape", files: event(editEvent("title: Blinken meets the five Central Asian foreign ministers", 'title: "Blinken \\U0000D83D meets the five Central Asian foreign ministers"')), expect: [at(E, "text-unicode", 4, 8)] },
  { rule: "text-unicode", name: "a surrogate pair, escaped, and an emoji", files: event(editEvent("title: Blinken meets the five Central Asian foreign ministers", 'title: "Blinken \\ud83d\\ude00 meets 😀 the five Central Asian foreign ministers"')), expect: [] },
  { rule: "number-exact", name: "more digits than a double holds", files: event(editEvent("    precision: country", "    precision: country\n    lat: 48.5\n    lon: 67.500000000000001")), expect: [at(E, "number-exact", 21, 10)] },
  { rule: "number-exact", name: "an integer beyond 2^53 and an underflow, in JSON", files: { [JSON_E]: jsonEvent.replace('"start": 558', '"start": 9007199254740993').replace('"end": 653', '"end": 1e-400') }, expect: [at(JSON_E, "number-exact", ...lineCol(jsonEvent, "558")), at(JSON_E, "number-exact", ...lineCol(jsonEvent, "653"))] },
  { rule: "number-exact", name: "the same value spelled otherwise: 67.50, 4.85e1, 558.0", files: event(editEvent("    precision: country", "    precision: country\n    lat: 4.85e1\n    lon: 67.50000000000000").replace("start: 558,", "start: 558.0,")), expect: [] },
  { rule: "summary-copy", name: "the headline as title", files: event(editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: Top US diplomat visits Central Asia with eye on Russia")), expect: [at(E, "summary-copy", 4, 8)] },
  { rule: "summary-copy", name: "own words", files: event(EVENT_YAML), expect: [] },
  {
    rule: "coordinates-country",
    name: "Astana inside Kazakhstan",
    files: event(editEvent("    precision: country", "    precision: city\n    lat: 51.13\n    lon: 71.43")),
    expect: [],
  },
  {
    rule: "coordinates-country",
    name: "Astana with lat and lon swapped",
    files: event(editEvent("    precision: country", "    precision: city\n    lat: 71.43\n    lon: 51.13")),
    expect: [at(E, "coordinates-country", 20, 10)],
  },
  {
    rule: "coordinates-country",
    name: "Suva, Fiji, east of the antimeridian",
    files: event(editEvent("    country: KAZ\n    precision: country", "    country: FJI\n    precision: city\n    lat: -18.14\n    lon: 178.44").replace("name: Kazakhstan", "name: Suva")),
    expect: [],
  },
  {
    rule: "coordinates-country",
    name: "Toronto coded as USA (16 km from the border in Lake Ontario)",
    files: event(editEvent("    country: KAZ\n    precision: country", "    country: USA\n    precision: city\n    lat: 43.65\n    lon: -79.38").replace("name: Kazakhstan", "name: Toronto")),
    expect: [at(E, "coordinates-country", 20, 10)],
  },
  {
    rule: "coordinates-country",
    name: "Rhodes coded as TUR (its bounding box used to take it)",
    files: event(editEvent("    country: KAZ\n    precision: country", "    country: TUR\n    precision: city\n    lat: 36.43\n    lon: 28.22").replace("name: Kazakhstan", "name: Rhodes")),
    expect: [at(E, "coordinates-country", 20, 10)],
  },
  {
    rule: "coordinates-country",
    name: "a ship 5 km off Nice, Kehl coded as FRA (1 km across the Rhine), Cayenne (French Guiana) as FRA",
    files: event(
      editEvent(
        "    country: KAZ\n    precision: country",
        "    country: FRA\n    precision: exact\n    lat: 43.65\n    lon: 7.27\n  - name: Kehl\n    country: FRA\n    precision: city\n    lat: 48.57\n    lon: 7.81\n  - name: Cayenne\n    country: FRA\n    precision: city\n    lat: 4.92\n    lon: -52.33",
      ).replace("name: Kazakhstan", "name: Off Nice"),
    ),
    expect: [],
  },
  // evidence
  { rule: "evidence-reference", name: "a quote of the event's source for its event type", files: event(EVENT_YAML), expect: [] },
  {
    rule: "evidence-reference",
    name: "a source that is not there, an actor and a location the event lacks, a mode it does not set, a position backwards",
    files: event(
      editEvent(
        "evidence:\n  - source: 0",
        "evidence:\n  - source: 1\n    claim: actor:kyrgyzstan\n    quote: { exact: x }\n    position: { start: 5, end: 5 }\n  - source: 0\n    claim: location:1\n    quote: { exact: x }\n  - source: 0",
        editEvent("mode: multilateral\n", ""),
      ),
    ),
    expect: [at(E, "evidence-reference", 31, 13), at(E, "evidence-reference", 32, 12), at(E, "evidence-reference", 34, 15), at(E, "evidence-reference", 36, 12)],
  },
  { rule: "evidence-quote", name: "the quote, once in the kept page, at its position", files: { ...event(EVENT_YAML), ...TEXTS }, expect: [] },
  { rule: "evidence-quote", name: "no text kept for the source: not checked (not failed)", files: event(withQuote("Not in any text we keep")), expect: [] },
  { rule: "evidence-quote", name: "white space at a quote's end, even with no text kept", files: event(withQuote('"Not in any text we keep "')), expect: [at(E, "evidence-quote", 35, 14)] },
  { rule: "evidence-quote", name: "a quote with a typo (drifted)", files: { ...event(withQuote("Antony Blinken met with foreign minsters from the five former Soviet republics of Central Asia")), ...TEXTS }, expect: [at(E, "evidence-quote", 35, 14)] },
  { rule: "evidence-quote", name: "a quote far from every passage (not even nearly)", files: { ...event(withQuote("Nothing of the kind was said by anyone at the meeting in Astana")), ...TEXTS }, expect: [at(E, "evidence-quote", 35, 14)] },
  {
    rule: "evidence-quote",
    name: "past the search limit of a record: two quotes of 400 characters not in a 16 MB text (the second is not searched, and said so: evidence-quote.test.ts)",
    files: {
      ...event(BIG_QUOTES),
      "data/texts/big.txt": BIG_TEXT,
      "data/texts/manifest.json": manifest([{ file: "big.txt", url: "https://p.dw.com/p/4O4UG", sha256: createHash("sha256").update(BIG_TEXT).digest("hex") }]),
    },
    expect: [at(E, "evidence-quote", 35, 14), at(E, "evidence-quote", 39, 14)],
  },
  { rule: "evidence-quote", name: "a quote that occurs several times", files: { ...event(withQuote("Blinken", "")), ...TEXTS }, expect: [at(E, "evidence-quote", 35, 14)] },
  { rule: "evidence-quote", name: "a suffix that picks one place", files: { ...event(withQuote("Blinken", "      suffix: \" met with\"")), ...TEXTS }, expect: [] },
  { rule: "evidence-quote", name: "a position that is off", files: { ...event(withQuote("Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia", "    position: { start: 557, end: 652 }")), ...TEXTS }, expect: [at(E, "evidence-quote", 36, 15)] },
  { rule: "evidence-actor-name", name: "an actor claim whose quote names the actor", files: event(editEvent("evidence:\n", "evidence:\n  - source: 0\n    claim: actor:antony-blinken\n    quote: { exact: Antony Blinken met }\n")), expect: [] },
  { rule: "evidence-actor-name", name: "an actor claim whose quote names someone else", files: event(editEvent("evidence:\n", "evidence:\n  - source: 0\n    claim: actor:kazakhstan\n    quote: { exact: Antony Blinken met }\n")), expect: [at(E, "evidence-actor-name", 34, 21)] },
  { rule: "evidence-event-type", name: "evidence for the event type", files: event(EVENT_YAML), expect: [] },
  { rule: "evidence-event-type", name: "no evidence at all", files: event(EVENT_YAML.slice(0, EVENT_YAML.indexOf("evidence:"))), expect: [at(E, "evidence-event-type", 9, 1)] },
  { rule: "text-manifest", name: "a kept text, listed with its hash", files: { ...event(EVENT_YAML), ...TEXTS }, expect: [] },
  {
    rule: "text-manifest",
    name: "a manifest that is a symbolic link (never read)",
    files: { ...event(EVENT_YAML), "data/texts/dw.txt": PAGE },
    links: { "data/texts/manifest.json": "/etc/passwd" },
    expect: [at("data/texts/manifest.json", "text-manifest", 1, 1)],
  },
  {
    rule: "text-manifest",
    name: "a text changed since it was listed, and a text not listed",
    files: { ...event(EVENT_YAML), "data/texts/dw.txt": Buffer.concat([PAGE, Buffer.from("x")]), "data/texts/other.txt": "words", "data/texts/manifest.json": manifest([PAGE_ENTRY]) },
    expect: [at("data/texts/manifest.json", "text-manifest", 6, 17), at("data/texts/other.txt", "text-manifest", 1, 1)],
  },
  // dataset
  { rule: "id-unique", name: "one record an id", files: event(EVENT_YAML), expect: [] },
  {
    rule: "id-unique",
    name: "one id in two files",
    files: { ...event(EVENT_YAML), "data/events/2023/02/copy/ev-p6w7bxbz.yaml": EVENT_YAML },
    expect: [at("data/events/2023/02/copy/ev-p6w7bxbz.yaml", "id-unique", 2, 5), at(E, "id-unique", 2, 5)],
  },
  {
    rule: "duplicate-of",
    name: "a duplicate of a missing event",
    files: event(editEvent("status: active", "status: duplicate\nduplicate_of: ev-aaaaaaaa")),
    expect: [at(E, "duplicate-of", 4, 15)],
  },
  {
    rule: "duplicate-of",
    name: "a duplicate of an active event",
    files: {
      ...event(editEvent("status: active", "status: duplicate\nduplicate_of: ev-dwgqbce2")),
      "data/events/2023/02/ev-dwgqbce2.yaml": editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2", editEvent("mode: multilateral", "mode: visit")),
    },
    expect: [],
  },
  {
    rule: "probable-duplicate",
    name: "two active events alike",
    files: { ...event(EVENT_YAML), "data/events/2023/02/ev-dwgqbce2.yaml": editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2") },
    expect: [at("data/events/2023/02/ev-dwgqbce2.yaml", "probable-duplicate", 9, 13), at(E, "probable-duplicate", 9, 13)],
  },
  {
    rule: "probable-duplicate",
    name: "a tombstone beside its original",
    files: {
      ...event(EVENT_YAML),
      "data/events/2023/02/ev-dwgqbce2.yaml": editEvent("status: active", "status: duplicate\nduplicate_of: ev-p6w7bxbz", editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2")),
    },
    expect: [],
  },
  {
    rule: "record-deleted",
    name: "an event file deleted",
    files: event(EVENT_YAML),
    deleted: ["data/events/2023/02/ev-dwgqbce2.yaml"],
    expect: [at("data/events/2023/02/ev-dwgqbce2.yaml", "record-deleted", 1, 1)],
  },
  {
    rule: "record-deleted",
    name: "an event file moved to the folder of its corrected date, and a registry file deleted",
    files: { "data/events/2023/02/ev-p6w7bxbz.yaml": EVENT_YAML },
    deleted: ["data/events/2023/03/ev-p6w7bxbz.yaml", "data/actors/old-name.yaml"],
    expect: [],
  },
];

for (const c of cases) {
  test(`${c.rule}: ${c.name}`, async () => {
    const all = await findingsFor(c.files, undefined, c.deleted, c.links, c.setup);
    assert.is(({} as Record<string, unknown>).polluted, undefined, "Object.prototype stays clean");
    const mine = all.filter((f) => f.includes(`|${c.rule}@`));
    assert.equal(mine, c.expect, `all findings: ${all.join(", ")}`);
    if (c.expect.length === 0) assert.equal(all, [], "a valid case has no findings at all");
  });
}

test("a reference to a registry entry that is there but broken says so, and the entry is named once, by its own finding", async () => {
  const root = writeDataset({ ...REGISTRY, [E]: editEvent("via: [afp, reuters]", "via: [afp, reuters, ap]"), "data/actors/kazakhstan.yaml": "id: [kazakhstan\n", "data/outlets/reuters.json": "{" });
  try {
    rmSync(path.join(root, "data/outlets/reuters.yaml"));
    const result = await checkDataset(root, await discover(root), { today: "2026-11-27" });
    assert.equal(
      result.findings.filter((f) => f.file === E).map((f) => `${f.rule}@${f.line}:${f.column} ${f.message}`),
      [
        "actor-known@14:12 `kazakhstan` is an entry of data/actors/ (`data/actors/kazakhstan.yaml`), but a broken one: fix that file (see its own findings).",
        "outlet-known@22:16 `reuters` is an entry of data/outlets/ (`data/outlets/reuters.json`), but a broken one: fix that file (see its own findings).",
        "outlet-known@22:25 `ap` is not an outlet in data/outlets/. Did you mean `afp`?",
      ],
    );
    assert.equal(result.findings.filter((f) => f.file !== E).map((f) => `${f.file}|${f.rule}`), ["data/actors/kazakhstan.yaml|syntax", "data/outlets/reuters.json|syntax"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("every rule has a valid and an invalid case here", () => {
  for (const rule of RULES) {
    const mine = cases.filter((c) => c.rule === rule.id);
    assert.ok(mine.some((c) => c.expect.length > 0), `${rule.id} has no invalid case`);
    assert.ok(mine.some((c) => c.expect.length === 0), `${rule.id} has no valid case`);
  }
});

test.run();
