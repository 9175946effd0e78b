/**
 * The rules through the whole pipeline: what the rule tester cannot show (the
 * file rules on real files, links, FIFOs and names; dataset rules across
 * files; kept texts and registries read from disk), and a few record rules
 * for the wiring. Each case writes a small dataset (a few registry entries
 * plus its files) and lists the findings it expects as `file|rule@line:col`;
 * a valid case expects none of its rule. Every rule has its own valid and
 * invalid cases in test/rules/<id>.test.ts (test/helpers/rule-tester.ts for
 * file and record rules, test/helpers/dataset-rule-tester.ts for dataset rules).
 */
import { test } from "uvu";
import { parse as parseYaml } from "yaml";
import * as assert from "uvu/assert";
import { RULES } from "../../scripts/rules/index.ts";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const outletWith = (id: string, domains: string) => `schema_version: "1.3.0"\nid: ${id}\nname: ${id.toUpperCase()}\nkind: online\ncountry: DEU\ndomains: ${domains}\n`;

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
  // schema
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
  { rule: "file-name", name: "a name holding a newline", files: event(EVENT_YAML, "data/events/2023/02/ev-p6w7bxbz\n.yaml"), expect: [at("data/events/2023/02/ev-p6w7bxbz\n.yaml", "file-name", 1, 1)] },
  { rule: "actor-known", name: "an actor whose entry does not parse", files: { ...event(EVENT_YAML), "data/actors/kazakhstan.yaml": "id: [kazakhstan\n" }, expect: [at(E, "actor-known", 14, 12)] },
  {
    rule: "url-domain",
    name: "an outlet domain that is a public suffix matches no address",
    files: { ...event(editEvent("https://p.dw.com/p/4O4UG", "https://evil.co.uk/p/4O4UG")), "data/outlets/dw.yaml": outletWith("dw", "[co.uk, dw.com]") },
    // The public suffix itself is outlet-domain's error, in the outlet's file.
    expect: [at(E, "url-domain", 24, 10)],
  },
  // text
  { rule: "text-unicode", name: "a lone low surrogate in JSON", files: { [JSON_E]: jsonEvent.replace('"title": "Blinken', '"title": "\\udc00Blinken') }, expect: [at(JSON_E, "text-unicode", ...lineCol(jsonEvent, '"Blinken meets'))] },
  { rule: "number-exact", name: "an integer beyond 2^53 and an underflow, in JSON", files: { [JSON_E]: jsonEvent.replace('"start": 558', '"start": 9007199254740993').replace('"end": 653', '"end": 1e-400') }, expect: [at(JSON_E, "number-exact", ...lineCol(jsonEvent, "558")), at(JSON_E, "number-exact", ...lineCol(jsonEvent, "653"))] },
  // evidence
  { rule: "evidence-quote", name: "the quote, once in the kept page, at its position", files: { ...event(EVENT_YAML), ...TEXTS }, expect: [] },
  {
    rule: "evidence-quote",
    name: "past the search limit of a record: two quotes of 400 characters not in a 16 MB text (the second is not searched, and said so: evidence-quote.test.ts)",
    files: {
      ...event(BIG_QUOTES),
      "data/texts/big.txt": BIG_TEXT,
      "data/texts/manifest.json": manifest([{ file: "big.txt", url: "https://p.dw.com/p/4O4UG", sha256: createHash("sha256").update(BIG_TEXT).digest("hex") }]),
    },
    // (and the sample's date quote, searched for after them, is not in this text either)
    expect: [at(E, "evidence-quote", 35, 14), at(E, "evidence-quote", 39, 14), at(E, "evidence-quote", 43, 14)],
  },
  {
    rule: "text-manifest",
    name: "a text changed since it was listed, and a text not listed",
    files: { ...event(EVENT_YAML), "data/texts/dw.txt": Buffer.concat([PAGE, Buffer.from("x")]), "data/texts/other.txt": "words", "data/texts/manifest.json": manifest([PAGE_ENTRY]) },
    expect: [at("data/texts/manifest.json", "text-manifest", 6, 17), at("data/texts/other.txt", "text-manifest", 1, 1)],
  },
  // dataset: the wiring (each dataset rule's own cases are in test/rules/<id>.test.ts, through the dataset rule tester)
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
    rule: "probable-duplicate",
    name: "the same event dated a day apart, in the next month's folder",
    files: {
      ...event(EVENT_YAML),
      "data/events/2023/03/ev-dwgqbce2.yaml": editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2", editEvent('start: "2023-02-28"', 'start: "2023-03-01"', editEvent('published: "2023-02-28"', 'published: "2023-03-01"'))),
    },
    expect: [at(E, "probable-duplicate", 9, 13), at("data/events/2023/03/ev-dwgqbce2.yaml", "probable-duplicate", 9, 13)],
  },
  {
    rule: "probable-duplicate",
    name: "two active events alike",
    files: { ...event(EVENT_YAML), "data/events/2023/02/ev-dwgqbce2.yaml": editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2") },
    expect: [at("data/events/2023/02/ev-dwgqbce2.yaml", "probable-duplicate", 9, 13), at(E, "probable-duplicate", 9, 13)],
  },
  {
    rule: "record-deleted",
    name: "an event file deleted",
    files: event(EVENT_YAML),
    deleted: ["data/events/2023/02/ev-dwgqbce2.yaml"],
    expect: [at("data/events/2023/02/ev-dwgqbce2.yaml", "record-deleted", 1, 1)],
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

test("every rule has its own test file with valid and invalid cases, through the rule tester of its kind", () => {
  for (const rule of RULES) {
    // The testers themselves fail a rule with no valid or no invalid case (and a dataset rule with a message no invalid case produces).
    const file = path.join(TOOLKIT_ROOT, "test/rules", `${rule.meta.id}.test.ts`);
    assert.ok(existsSync(file), `${rule.meta.id}: no test/rules/${rule.meta.id}.test.ts`);
    const tester = rule.scope === "dataset" ? /\bdatasetRuleTester\(\w+, \{/ : /\bruleTester\(\w+, \{/;
    assert.match(readFileSync(file, "utf8"), tester, `${rule.meta.id}: its test file does not use the rule tester of its kind`);
  }
});

test.run();
