/**
 * The engine of dataset rules (check/compare.ts) and what it keeps: events
 * come one at a time, in any order; what a rule reports does not depend on
 * that order; a match of hashes is confirmed from the records read again,
 * each at most once; stand-ins are never read; the fuzzy comparison of
 * probable-duplicate, blocked by key and day, finds what comparing every pair
 * finds. Each rule's own cases are in test/rules/<id>.test.ts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { datasetPass } from "../../scripts/check/compare.ts";
import { HashedKeys, NearKeys, RepeatedKeys } from "../../scripts/core/group.ts";
import { hash53 } from "../../scripts/core/hash.ts";
import { addDays } from "../../scripts/core/dates.ts";
import { duplicateOf } from "../../scripts/rules/dataset/duplicate-of.ts";
import { idUnique } from "../../scripts/rules/dataset/id-unique.ts";
import { likeness, probableDuplicate } from "../../scripts/rules/dataset/probable-duplicate.ts";
import { recordDeleted } from "../../scripts/rules/dataset/record-deleted.ts";
import type { DatasetContext, DatasetIssue, DatasetRule, EventSummary } from "../../scripts/rules/types.ts";
import { messageOf } from "../../scripts/rules/format.ts";

const active = (id: string, start = "2023-02-28", actors = ["a", "b"], countries = ["KAZ"], type = "CONSULT"): EventSummary => ({ id, status: "active", start, type, countries, actors });

/** Runs a rule over events added in the order given by `sequence` (places in `events`). */
function run(rule: DatasetRule, events: EventSummary[], sequence = events.map((_, i) => i), extra: Partial<DatasetContext> = {}): DatasetIssue[] {
  const fileAt = (order: number) => `data/events/${order}.yaml`;
  const pass = datasetPass(rule, { registryFiles: [], deleted: [], textProblems: [], fileAt, summaryAt: (order) => events[order], ...extra });
  for (const order of sequence) pass.add?.(events[order]!, order);
  return pass.finish();
}

/** A deterministic stream of numbers in [0, 1). */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test("RepeatedKeys: groups only the keys that repeat, in the order of the items", () => {
  const keys = new RepeatedKeys<string>();
  for (const [key, order] of [["b", 3], ["a", 2], ["b", 0], ["c", 1], ["b", 5], ["a", 4]] as const) keys.add(key, order);
  assert.equal(keys.groups(), [["b", [0, 3, 5]], ["a", [2, 4]]]);
});

test("HashedKeys: finds the repeated hashes among thousands of items, and the places of given hashes", () => {
  const keys = new HashedKeys();
  // More items than its first arrays hold, added out of order.
  for (let order = 2999; order >= 0; order--) keys.add(order % 1000 === 7 ? 42 : order + 100_000, order);
  keys.add(5 + 100_000, 3000);
  assert.equal(keys.repeats(), [[5, 3000], [7, 1007, 2007]]);
  assert.equal([...keys.ordersOf(new Set([42, 100_001, 9]))], [[42, [7, 1007, 2007]], [100_001, [1]]]);
  assert.equal(new HashedKeys().repeats(), []);
});

test("NearKeys: pairs the items of a bucket at most `days` apart, once each, and no others", () => {
  const keys = new NearKeys();
  // Bucket 1: days 10, 10, 11, 13; bucket 2: day 11 (beside bucket 1's day 10, but another key); more than 1024 lone items.
  for (const [hash, day, order] of [[1, 10, 4], [1, 10, 0], [1, 11, 2], [1, 13, 3], [2, 11, 1]] as const) keys.add(hash53(String(hash)), day, order);
  for (let i = 0; i < 2000; i++) keys.add(hash53(`lone ${i}`), i, 10 + i);
  assert.equal(keys.pairs(1), [[0, 2], [0, 4], [2, 4]]);
  assert.equal(keys.pairs(0), [[0, 4]]);
  assert.equal(keys.pairs(2), [[0, 2], [0, 4], [2, 3], [2, 4]]);
  assert.equal(new NearKeys().pairs(1), []);
});

test("hash53: the same text gives the same number, an exact integer", () => {
  assert.is(hash53("2023-02-28|CONSULT|KAZ|a,b"), hash53("2023-02-28|CONSULT|KAZ|a,b"));
  assert.is.not(hash53("2023-02-28|CONSULT|KAZ|a,b"), hash53("2023-02-28|CONSULT|KAZ|a,c"));
  assert.ok(Number.isSafeInteger(hash53("x")));
});

test("the order events arrive in does not change what a rule reports", () => {
  const events = [active("ev-aaaaaaaa"), active("ev-bbbbbbbb"), active("ev-aaaaaaaa"), active("ev-cccccccc", "2023-03-01"), { ...active("ev-dddddddd"), status: "duplicate" as const, duplicate_of: "ev-zzzzzzzz" }];
  for (const rule of [idUnique, probableDuplicate, duplicateOf]) {
    const forward = run(rule, events);
    assert.ok(forward.length > 0, rule.meta.id);
    assert.equal(run(rule, events, [4, 2, 0, 3, 1]), forward, rule.meta.id);
  }
});

test("probable-duplicate: among 3,000 events, blocking by type, country and day finds exactly the pairs that comparing every pair finds", () => {
  const rand = prng(17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const events: EventSummary[] = [];
  for (let i = 0; i < 3000; i++) {
    // Few types, countries, days and actors, so that many pairs are candidates and some match; a few month-precision dates.
    const start = rand() < 0.05 ? pick(["2023-02", "2023-03"]) : addDays("2023-02-20", Math.floor(rand() * 20))!;
    const actors = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(["a", "b", "c", "d", "e", "f", "g", "h"])))].sort();
    const countries = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(["KAZ", "UZB", "TJK", "KGZ", "TKM", "AFG"])))].sort();
    const event: EventSummary = active(`ev-${i}`, start, actors, countries, pick(["CONSULT", "PROTEST", "ASSAULT", "COOPERATE", "THREATEN", "DEMAND"]));
    if (rand() < 0.3) event.mode = pick(["visit", "multilateral"]);
    if (rand() < 0.1) event.status = "retracted";
    events.push(event);
  }
  const expected = new Map<number, string[]>();
  for (let a = 0; a < events.length; a++)
    for (let b = 0; b < events.length; b++) {
      if (a === b || events[a]!.status !== "active" || events[b]!.status !== "active") continue;
      const m = likeness(events[a]!, events[b]!);
      if (m) expected.set(a, [...(expected.get(a) ?? []), `${b}:${m.exact ? "exact" : m.days}`]);
    }
  const pairs = [...expected.values()].reduce((sum, list) => sum + list.length, 0);
  assert.ok(pairs > 100, `${pairs} pairs: too few to tell`);
  const found = new Map<number, string[]>();
  for (const issue of run(probableDuplicate, events, [...events.keys()].reverse())) {
    const order = Number(/(\d+)\.yaml$/.exec(issue.file)![1]);
    const others = issue.related!.map((r) => Number(/(\d+)\.yaml$/.exec(r.file)![1]));
    const what = issue.messageId === "probable" ? "exact" : issue.messageId === "dayApart" ? "1" : "0";
    found.set(order, [...(found.get(order) ?? []), ...others.map((o) => `${o}:${what}`)]);
  }
  const sorted = (m: Map<number, string[]>) => [...m].sort((x, y) => x[0] - y[0]).map(([o, list]) => [o, [...list].sort()]);
  assert.equal(sorted(found), sorted(expected));
});

test("probable-duplicate: a candidate is read again once, however many pairs it is in; events that meet none, or only ones the screen rules out, are not read", () => {
  const events = [active("ev-a"), active("ev-b"), active("ev-c", "2023-03-01"), active("ev-d", "2023-06-01"), active("ev-e", "2023-02-28", ["x"])];
  const asked: number[] = [];
  const issues = run(probableDuplicate, events, undefined, { summaryAt: (order) => (asked.push(order), events[order]) });
  assert.equal(issues.map((i) => `${i.file} ${i.messageId}`), [
    "data/events/0.yaml probable",
    "data/events/0.yaml dayApart",
    "data/events/1.yaml probable",
    "data/events/1.yaml dayApart",
    "data/events/2.yaml dayApart",
    "data/events/2.yaml dayApart",
  ]);
  // ev-e meets ev-a and ev-b (same key and day) but shares no actor with them: the screen keeps it from being read; ev-d meets none.
  assert.equal(asked.sort(), [0, 1, 2]);
});

test("duplicate-of: among thousands of events, the named one is found; the last of an id that repeats decides", () => {
  const events: EventSummary[] = Array.from({ length: 3000 }, (_, i) => active(`ev-${String(i).padStart(8, "0")}`));
  events[10] = { ...active("ev-00002000"), status: "retracted" };
  events.push({ ...active("ev-zzzzzzzz"), status: "duplicate", duplicate_of: "ev-00002000" }, { ...active("ev-yyyyyyyy"), status: "duplicate", duplicate_of: "ev-00001000" });
  assert.equal(run(duplicateOf, events), [], "the active ev-00002000 comes after the retracted one");
  events[2000] = { ...active("ev-00002000"), status: "retracted" };
  assert.equal(run(duplicateOf, events).map((i) => [i.file, messageOf(duplicateOf, i), i.related?.[0]?.file]), [
    ["data/events/3000.yaml", "`duplicate_of` names `ev-00002000`, which is retracted, not active.", "data/events/2000.yaml"],
  ]);
});

test("duplicate-of: a match of hashes counts only if the id read again matches; a stand-in is never read again; a named event is read once", () => {
  const events: EventSummary[] = [
    active("ev-bbbbbbbb"),
    { ...active("ev-aaaaaaaa"), status: "duplicate", duplicate_of: "ev-bbbbbbbb" },
    { ...active("ev-cccccccc"), status: "duplicate", duplicate_of: "ev-bbbbbbbb" },
  ];
  const asked: number[] = [];
  // Read again, the named event has another id now: the duplicates name an event that is not there.
  const issues = run(duplicateOf, events, undefined, { summaryAt: (order) => (asked.push(order), order === 0 ? active("ev-b2222222") : events[order]) });
  assert.equal(issues.map((i) => messageOf(duplicateOf, i)), ["`duplicate_of` names `ev-bbbbbbbb`, which is not an event in the dataset.", "`duplicate_of` names `ev-bbbbbbbb`, which is not an event in the dataset."]);
  assert.equal(asked, [0]);
  // The last event with the id is a stand-in (known by its id alone): it is not judged, and not read.
  asked.length = 0;
  const withStandIn: EventSummary[] = [...events, { id: "ev-bbbbbbbb", partial: true }];
  assert.equal(run(duplicateOf, withStandIn, undefined, { summaryAt: (order) => (asked.push(order), withStandIn[order]) }), []);
  assert.equal(asked, []);
});

test("id-unique: a stand-in keeps the id its file name gives, and is never read", () => {
  const standIn = [active("ev-aaaaaaaa"), { id: "ev-aaaaaaaa", partial: true as const }];
  const asked: number[] = [];
  assert.equal(run(idUnique, standIn, undefined, { summaryAt: (order) => (asked.push(order), order === 0 ? standIn[0] : undefined) }).length, 2);
  assert.equal(asked, [0]);
});

test("record-deleted (a pass that compares nothing) runs through the same engine entry", () => {
  const deleted = ["data/events/2023/02/ev-aaaaaaaa.yaml", "data/events/2023/02/ev-bbbbbbbb.yaml", "data/actors/x.yaml"];
  assert.equal(
    run(recordDeleted, [active("ev-aaaaaaaa")], undefined, { deleted }).map((i) => i.file),
    ["data/events/2023/02/ev-bbbbbbbb.yaml"],
  );
});

test.run();
