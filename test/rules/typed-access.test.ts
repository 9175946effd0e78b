/**
 * Every record rule runs on every record, valid or not (scripts/rules/fields.ts):
 * none throws on any JSON value in any field, and the patterns the rules judge
 * values by are the schema's own.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse as parseYaml } from "yaml";
import type { Actor, Outlet, RecordKind } from "../../schema/index.ts";
import { SCHEMA_VERSIONS } from "../../schema/versions.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { formatOf, kindOf, type DatasetFile } from "../../scripts/dataset/discover.ts";
import { parseRecord } from "../../scripts/dataset/parse.ts";
import type { KeptText } from "../../scripts/dataset/texts.ts";
import { eachObject, field, index, num, PATTERNS, str } from "../../scripts/rules/fields.ts";
import { formatMessage } from "../../scripts/rules/format.ts";
import { RECORD_RULES } from "../../scripts/rules/index.ts";
import type { Registries } from "../../scripts/rules/types.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY } from "../helpers/dataset.ts";

/** The values each field is replaced by, and `undefined`: the field left out. */
const JUNK: unknown[] = [null, 0, "", [], {}, [null], "x", undefined, -1, 1.5, true, ["x", 0, {}, [null]], { start: {} }];

const PAGE_FILE = "data/texts/dw-2023-02-28-blinken-central-asia.txt";
const PAGE = readFileSync(path.join(TOOLKIT_ROOT, PAGE_FILE), "utf8");
const TEXTS = new Map<string, KeptText>([
  ["https://p.dw.com/p/4O4UG", { file: PAGE_FILE, url: "https://p.dw.com/p/4O4UG", absolute: path.join(TOOLKIT_ROOT, PAGE_FILE), sha256: createHash("sha256").update(PAGE).digest("hex") }],
]);

const registry = <T>(kind: string) =>
  new Map(Object.entries(REGISTRY).flatMap(([file, text]) => (file.startsWith(`data/${kind}/`) ? [[path.basename(file, ".yaml"), parseYaml(text) as T]] : [])));
const REGISTRIES: Registries = { actors: registry<Actor>("actors"), outlets: registry<Outlet>("outlets") };

// Records that set every field the rules read: an event with coordinates, an end date, a quote with context and position,
// an actor claim, a location claim, a mode claim; an actor with offices; an outlet.
const EVENT = parseYaml(EVENT_YAML) as Record<string, unknown>;
Object.assign(EVENT, { date: { start: "2023-02-28", end: "2023-03-01", precision: "day" } });
Object.assign((EVENT.locations as object[])[0]!, { lat: 51.1, lon: 71.4, precision: "city" });
(EVENT.evidence as object[]).push(
  { source: 0, claim: "actor:antony-blinken", quote: { exact: "Antony Blinken", prefix: "US Secretary of State ", suffix: " met" }, position: { start: 1, end: 2 } },
  { source: 0, claim: "location:0", quote: { exact: "Kazakhstan" } },
  { source: 0, claim: "mode", quote: { exact: "foreign ministers" } },
);
const RECORDS: [string, Record<string, unknown>][] = [
  [EVENT_PATH.replace(/\.yaml$/, ".json"), EVENT],
  ["data/actors/antony-blinken.json", { schema_version: "1.3.0", id: "antony-blinken", name: "Antony Blinken", kind: "person", country: "USA", offices: [{ title: "US Secretary of State", from: "2021-01-26", to: "2025-01-20" }] }],
  ["data/outlets/dw.json", { schema_version: "1.3.0", id: "dw", name: "Deutsche Welle", kind: "broadcaster", country: "DEU", domains: ["dw.com", "co.uk"] }],
];

/** The pointer of every value in `value` (the record itself not included), as key paths. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...at, i], ...paths(v, [...at, i])));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push([...at, k], ...paths(v, [...at, k]));
  return out;
}

/** A copy of `record` with the value at `where` replaced (or removed, for undefined). */
function replaced(record: Record<string, unknown>, where: (string | number)[], junk: unknown): unknown {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  let node = copy;
  for (const step of where.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = where[where.length - 1]!;
  if (junk === undefined) delete node[last];
  else node[last] = structuredClone(junk);
  return copy;
}

test("no record rule throws on any value in any field, and each issue's message formats", () => {
  let runs = 0;
  for (const [file, record] of RECORDS) {
    const kind = kindOf(file) as RecordKind;
    const dataset: DatasetFile = { path: file, root: "/nonexistent", kind, format: formatOf(file) };
    const variants = [...paths(record).flatMap((where) => JUNK.map((junk) => replaced(record, where, junk))), ...JUNK];
    for (const value of variants) {
      const text = JSON.stringify(value ?? null);
      const parse = parseRecord(text, "json");
      assert.ok(parse.ok);
      const doc = parse.doc;
      // The engine runs record rules on objects only (anything else is record-shape's finding).
      if (doc.value === null || typeof doc.value !== "object" || Array.isArray(doc.value)) continue;
      for (const rule of RECORD_RULES) {
        if (!rule.kinds.includes(kind)) continue;
        for (const version of [...SCHEMA_VERSIONS, undefined]) {
          const ctx = { file: dataset, kind, doc, record: doc.value as Record<string, unknown>, version, valid: false, registries: REGISTRIES, today: "2026-12-01", texts: TEXTS };
          let issues;
          try {
            issues = rule.check(ctx);
          } catch (error) {
            assert.unreachable(`${rule.meta.id} threw on ${file} as ${text}: ${(error as Error).stack}`);
          }
          for (const issue of issues!) {
            formatMessage(rule, issue.messageId, issue.data);
            doc.locate(issue.pointer ?? "", issue.target);
          }
          runs++;
        }
      }
    }
  }
  assert.ok(runs > 10_000, `${runs} runs`);
});

test("typed access gives a value of the asked type only", () => {
  const record = { a: "s", n: 3, f: 1.5, neg: -2, inf: Number.POSITIVE_INFINITY, o: { b: "t", c: 4 }, list: [1, { x: 1 }, null, [], { y: 2 }] };
  assert.is(str(record, "a"), "s");
  assert.is(str(record, "n"), undefined);
  assert.is(str(record, "o", "b"), "t");
  assert.is(str(record, "a", "b"), undefined);
  assert.is(str(null, "a"), undefined);
  assert.is(str([], "a"), undefined);
  assert.is(num(record, "n"), 3);
  assert.is(num(record, "inf"), undefined);
  assert.is(num(record, "a"), undefined);
  assert.is(index(record, "n"), 3);
  assert.is(index(record, "f"), undefined);
  assert.is(index(record, "neg"), undefined);
  assert.is(field(record, "o", "c"), 4);
  const seen: [unknown, number][] = [];
  eachObject(record.list, (item, i) => seen.push([item, i]));
  assert.equal(seen, [[{ x: 1 }, 1], [{ y: 2 }, 4]]);
  eachObject("not a list", () => assert.unreachable());
});

test("the patterns rules judge values by are the JSON Schema's, in every version", () => {
  for (const version of SCHEMA_VERSIONS) {
    const schemas = ["event", "actor", "outlet"].map((kind) => readFileSync(path.join(TOOLKIT_ROOT, "schema", `v${version}`, `${kind}.schema.json`), "utf8")).join("\n");
    const patterns = new Set([...schemas.matchAll(/"pattern": ("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string));
    for (const [name, re] of Object.entries(PATTERNS)) {
      // The claim has no pattern in 1.0.0 (no evidence).
      if (name === "claim" && version === "1.0.0") continue;
      assert.ok(
        [...patterns].some((p) => p === re.source || new RegExp(p).source === re.source),
        `${name} (${re.source}) is not a pattern of schema ${version}`,
      );
    }
  }
});

test.run();
