/** What the main thread and the check workers send each other comes back as it went. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packItems, packOutcomes, unpackItems, unpackOutcomes } from "../../scripts/check/batches.ts";
import type { FileOutcome, WorkItem } from "../../scripts/check/file.ts";
import type { Finding } from "../../scripts/core/finding.ts";
import { toDatasetFile } from "../../scripts/dataset/discover.ts";

const ROOT = "/repo";
const item = (path: string, role: WorkItem["role"] = "target"): WorkItem => ({ file: toDatasetFile(ROOT, path), role });

/** Through structured cloning, as a message between threads is. */
const sent = <T>(value: T): T => structuredClone(value);

test("plain items go as their paths, and come back as the listing makes them", () => {
  const items = [item("data/events/2023/02/ev-aaaaaaaa.yaml"), item("data/events/2023/02/ev-bbbbbbbb.json"), item("data/stray.txt"), item("data/events/2023/02/a\nb \"c\".yaml")];
  const batch = packItems(items);
  assert.ok("paths" in batch, "packed as paths");
  assert.equal(unpackItems(sent(batch)), items);
});

test("items with more than a path (needles, a symbolic link, mixed roles) go as they are", () => {
  const needled: WorkItem = { ...item("data/events/2023/02/ev-aaaaaaaa.yaml", "trusted"), needles: ["2023-02-28"] };
  const link: WorkItem = { file: { ...toDatasetFile(ROOT, "data/events/x.yaml"), symlink: { target: "/etc/passwd", insideRoot: false } }, role: "target" };
  // What the listing found unread (a FIFO) keeps that: a worker opens a plain path as the regular file the listing saw.
  const fifo: WorkItem = { file: { ...toDatasetFile(ROOT, "data/events/y.yaml"), unread: { problem: "not-regular", detail: "a FIFO (named pipe), not a regular file" } }, role: "target" };
  for (const items of [[needled, item("data/events/2023/02/ev-bbbbbbbb.yaml", "trusted")], [item("data/a.yaml"), link], [item("data/a.yaml"), fifo], [item("data/a.yaml"), item("data/b.yaml", "other")]]) {
    const batch = packItems(items);
    assert.ok("items" in batch);
    assert.equal(unpackItems(sent(batch)), items);
  }
  assert.equal(unpackItems(sent(packItems([]))), []);
});

test("outcomes come back in order, with their summaries, findings and evidence counts", () => {
  const finding: Finding = { file: "data/events/x.yaml", line: 3, column: 5, rule: "date-order", severity: "error", message: "m", pointer: "/date/end" };
  const outcomes: FileOutcome[] = [
    { record: true, event: { id: "ev-aaaaaaaa", status: "active", start: "2023-02-28", type: "CONSULT", mode: "visit", countries: ["KAZ"], actors: ["a", "b"] } },
    { record: false },
    { record: true, findings: [finding] },
    {
      record: true,
      findings: [
        { ...finding, endLine: 3, endColumn: 9, hint: "h \u202e", related: [{ file: "data/events/y.yaml", pointer: "/id", line: 2, column: 1 }] },
        { ...finding, line: 7, endLine: undefined, endColumn: undefined, message: "m", hint: undefined, pointer: "" },
        { ...finding, file: "data/events/x.json", rule: "schema", severity: "warning", message: "another" },
      ],
    },
    { record: true },
    { record: true, findings: [{ ...finding, severity: "info", hint: "h \u202e" }] },
    // A fix and suggestions go with their finding (validate --fix applies the fix; suggestions are listed).
    {
      record: true,
      findings: [
        { ...finding, fix: { pointer: "/actors/0/actor", value: "antony-blinken", old: "antony-blinkn", digest: "ab" } },
        { ...finding, line: 9, suggestions: [{ message: "Quote \"x\"", fix: { pointer: "/evidence/0/quote/exact", value: "x" } }] },
        { ...finding, line: 11, fix: { pointer: "/evidence/0/position", value: { start: 1, end: 2 }, old: { start: 0, end: 1 }, digest: "cd" }, suggestions: [] },
      ],
    },
    { record: true, event: { id: "ev-bbbbbbbb", status: "duplicate", start: "2023-02", type: "x\t\"y\"\n|", countries: [], actors: ["a,b", "c"], duplicate_of: "ev-aaaaaaaa" }, evidence: [2, 1] },
    // An event that fails its schema: summarized by its well-typed fields only.
    { record: true, event: { id: "ev-cccccccc", countries: ["KAZ"] } },
    // A second coding, with its sources (source-consistent compares them): every field of a summary goes across.
    {
      record: true,
      event: {
        id: "ev-dddddddd",
        coding: "coder-b",
        sources: [
          { index: 0, url: "https://example.org/a", outlet: "dw", via: ["afp", "reuters"], title: "A \"b\"\n", published: "2023-02-28", language: "en" },
          { index: 2, url: "https://example.org/b", unknown: ["via"] },
        ],
      },
    },
    // Inline directives (with the lines their frames show), applied in the main thread.
    {
      record: true,
      directives: [
        { kind: "next-line", line: 3, column: 1, endColumn: 40, word: "eventwire-disable-next-line", rules: [{ id: "schema", column: 31, endColumn: 37 }], reason: "kept" },
        { kind: "file", line: 9, column: 1, endColumn: 30, word: "eventwire-disable", rules: [], reason: "", misplaced: true },
      ],
      excerpt: { lineCount: 10, numbers: [2, 3, 4], text: "a\nb\nc" },
    },
  ];
  const back: [number, FileOutcome][] = [];
  unpackOutcomes(sent(packOutcomes(outcomes)), (i, o) => back.push([i, o]));
  assert.equal(
    back,
    outcomes.map((o, i) => [i, o]),
  );
});

test.run();
