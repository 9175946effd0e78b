/**
 * Dataset rules see events one at a time, in any order: what they report
 * does not depend on that order, and a match of hashes is confirmed from the
 * records themselves.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { confirmedGroups, HashedKeys, RepeatedKeys } from "../../scripts/core/group.ts";
import { hash53 } from "../../scripts/core/hash.ts";
import { duplicateOf } from "../../scripts/rules/dataset/duplicate-of.ts";
import { idUnique } from "../../scripts/rules/dataset/id-unique.ts";
import { probableDuplicate } from "../../scripts/rules/dataset/probable-duplicate.ts";
import { recordDeleted } from "../../scripts/rules/dataset/record-deleted.ts";
import type { DatasetContext, DatasetIssue, DatasetRule, EventSummary } from "../../scripts/rules/types.ts";
import { messageOf } from "../../scripts/check/file.ts";

const active = (id: string, start = "2023-02-28", profile = "CONSULT|KAZ|a,b"): EventSummary => ({ id, status: "active", start, profile });

/** Runs a rule over events added in the order given by `sequence` (places in `events`). */
function run(rule: DatasetRule, events: EventSummary[], sequence = events.map((_, i) => i), extra: Partial<DatasetContext> = {}): DatasetIssue[] {
  const fileAt = (order: number) => `data/events/${order}.yaml`;
  const pass = rule.start({ registryFiles: [], deleted: [], textProblems: [], fileAt, summaryAt: (order) => events[order], ...extra });
  for (const order of sequence) pass.add?.(events[order]!, order);
  return pass.finish();
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

test("confirmedGroups: candidates are split by their keys read again, and unreadable ones drop out", () => {
  const keys = ["a", "b", "a", undefined, "b", "c"];
  assert.equal(confirmedGroups([[0, 2, 3], [1, 4, 5]], (order) => keys[order]), [["a", [0, 2]], ["b", [1, 4]]]);
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
  assert.equal(
    run(idUnique, events).map((i) => [i.file, i.related?.map((r) => r.file)]),
    [
      ["data/events/0.yaml", ["data/events/2.yaml"]],
      ["data/events/2.yaml", ["data/events/0.yaml"]],
    ],
  );
});

test("probable-duplicate: a match of hashes counts only if the records read again still match", () => {
  const events = [active("ev-aaaaaaaa"), active("ev-bbbbbbbb"), active("ev-cccccccc")];
  assert.is(run(probableDuplicate, events).length, 3);
  // Read again, the second event differs: only the first and the third are reported, naming each other.
  const reread = [events[0]!, active("ev-bbbbbbbb", "2023-02-28", "OTHER|KAZ|a,b"), events[2]!];
  const issues = run(probableDuplicate, events, undefined, { summaryAt: (order) => reread[order] });
  assert.equal(
    issues.map((i) => [i.file, i.related?.map((r) => r.file)]),
    [
      ["data/events/0.yaml", ["data/events/2.yaml"]],
      ["data/events/2.yaml", ["data/events/0.yaml"]],
    ],
  );
});

test("duplicate-of: the status of the named event decides, whichever arrives first", () => {
  const events = [{ ...active("ev-aaaaaaaa"), status: "duplicate" as const, duplicate_of: "ev-bbbbbbbb" }, { ...active("ev-bbbbbbbb"), status: "retracted" as const }];
  for (const sequence of [
    [0, 1],
    [1, 0],
  ])
    assert.equal(
      run(duplicateOf, events, sequence).map((i) => messageOf(duplicateOf, i)),
      ["`duplicate_of` names `ev-bbbbbbbb`, which is retracted, not active."],
    );
  const partial = [events[0]!, { id: "ev-bbbbbbbb", partial: true as const }];
  assert.equal(run(duplicateOf, partial), [], "an event known only by its id is not judged");
});

test("id-unique: a match of hashes counts only if the ids read again still match; a stand-in keeps its id", () => {
  const events = [active("ev-aaaaaaaa"), active("ev-aaaaaaaa"), active("ev-aaaaaaaa")];
  const reread = [events[0]!, active("ev-bbbbbbbb"), events[2]!];
  assert.equal(
    run(idUnique, events, undefined, { summaryAt: (order) => reread[order] }).map((i) => [i.file, i.related?.map((r) => r.file)]),
    [
      ["data/events/0.yaml", ["data/events/2.yaml"]],
      ["data/events/2.yaml", ["data/events/0.yaml"]],
    ],
  );
  const standIn = [active("ev-aaaaaaaa"), { id: "ev-aaaaaaaa", partial: true as const }];
  assert.equal(run(idUnique, standIn, undefined, { summaryAt: (order) => (order === 0 ? standIn[0] : undefined) }).length, 2);
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

test("record-deleted: a deleted event file is reported unless its id remains", () => {
  const deleted = ["data/events/2023/02/ev-aaaaaaaa.yaml", "data/events/2023/02/ev-bbbbbbbb.yaml", "data/actors/x.yaml"];
  assert.equal(
    run(recordDeleted, [active("ev-aaaaaaaa")], undefined, { deleted }).map((i) => i.file),
    ["data/events/2023/02/ev-bbbbbbbb.yaml"],
  );
});

test.run();
