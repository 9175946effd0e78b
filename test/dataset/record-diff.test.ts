/** dataset/record-diff.ts: records matched by id and compared by value. */
import { rmSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { diffDatasets } from "../../scripts/dataset/record-diff.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";

function diff(base: Record<string, string>, head: Record<string, string>) {
  const a = writeDataset(base);
  const b = writeDataset(head);
  try {
    return diffDatasets(a, b).map((c) => `${c.kind} ${c.id} ${c.change}${c.fields.length ? ` ${c.fields.join(",")}` : ""}${c.duplicateOf ? ` of ${c.duplicateOf}` : ""}`);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
}

test("record-diff: a re-layout (keys reordered, other quotes, comments, flow style) is no change", () => {
  const relaid = "# a comment\n" + editEvent('  start: "2023-02-28"\n  precision: day\n', "  precision: 'day'\n  start: '2023-02-28'\n").replace("via: [afp, reuters]", "via:\n      - afp\n      - reuters");
  assert.equal(diff({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML }, { ...REGISTRY, [EVENT_PATH]: relaid }), []);
});

test("record-diff: the same record written as JSON at the same id is moved, not removed and added", () => {
  const json = JSON.stringify({ schema_version: "1.3.0", id: "dw", name: "Deutsche Welle", kind: "broadcaster", country: "DEU", domains: ["dw.com"] });
  const { "data/outlets/dw.yaml": _dw, ...rest } = REGISTRY;
  assert.equal(diff(REGISTRY, { ...rest, "data/outlets/dw.json": json }), ["outlet dw moved"]);
});

test("record-diff: a nested change names its top-level field; a status change names the status, not its own fields", () => {
  const head = editEvent("    role: recipient\n", "    role: target\n", editEvent("status: active\n", "status: duplicate\nduplicate_of: ev-aaaaaaaa\n"));
  assert.equal(diff({ [EVENT_PATH]: EVENT_YAML }, { [EVENT_PATH]: head }), ["event ev-p6w7bxbz duplicate actors of ev-aaaaaaaa"]);
});

test("record-diff: a file that does not parse is compared by its text; order is events, actors, outlets, texts, each by id", () => {
  const broken = "title: [unclosed\n";
  assert.equal(
    diff(
      { "data/events/2023/02/ev-zzzzzzzz.yaml": broken, "data/outlets/afp.yaml": REGISTRY["data/outlets/afp.yaml"]!, "data/texts/a.txt": "one" },
      { "data/events/2023/02/ev-zzzzzzzz.yaml": broken + "# more\n", "data/actors/kazakhstan.yaml": REGISTRY["data/actors/kazakhstan.yaml"]!, "data/texts/a.txt": "two", "data/texts/manifest.json": "{}", [EVENT_PATH]: EVENT_YAML },
    ),
    ["event ev-p6w7bxbz added", "event ev-zzzzzzzz changed (file)", "actor kazakhstan added", "outlet afp removed", "text a.txt changed"],
  );
});

test("record-diff: a copy of an event in another folder is a row of its own (added); an id edited in place is a change of `id`", () => {
  assert.equal(diff({ [EVENT_PATH]: EVENT_YAML }, { [EVENT_PATH]: EVENT_YAML, "data/events/2023/03/ev-p6w7bxbz.yaml": EVENT_YAML }), ["event ev-p6w7bxbz added"]);
  assert.equal(diff({ [EVENT_PATH]: EVENT_YAML }, { [EVENT_PATH]: editEvent("id: ev-p6w7bxbz\n", "id: ev-aaaaaaaa\n") }), ["event ev-p6w7bxbz changed id"]);
});

test.run();

test("record-diff: a second coding (data/codings/<coder>/) is a coding, never the event of its id; it changes, moves between coders' months and goes as any record", () => {
  const coding = "data/codings/coder-b/2023/02/ev-dwgqbce2.yaml";
  const text = editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2");
  assert.equal(diff({ [EVENT_PATH]: EVENT_YAML }, { [EVENT_PATH]: EVENT_YAML, [coding]: text }), ["coding ev-dwgqbce2 added"]);
  assert.equal(diff({ [coding]: text }, { [coding]: editEvent("event_type: CONSULT", "event_type: SUPPORT", text) }), ["coding ev-dwgqbce2 changed event_type"]);
  // A coding with the id of an event (id-unique's finding) is no move of the event.
  assert.equal(diff({ [EVENT_PATH]: EVENT_YAML }, { "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml": EVENT_YAML }), ["event ev-p6w7bxbz removed", "coding ev-p6w7bxbz added"]);
});
