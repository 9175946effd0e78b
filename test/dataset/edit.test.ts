/** Fixes as text edits (dataset/edit.ts): only the values fixed change; a fix that is not sure is left, with why. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { yamlScalarText } from "../../scripts/dataset/canonical.ts";
import { applyFixes } from "../../scripts/dataset/edit.ts";

const YAML = `# a header
schema_version: 1.2   # bare
actors:
  - actor: antony-blinkn  # typo
    role: initiator
  - {actor: 'kazakhstn', role: recipient}
evidence:
  - position: { start: 1, end: 2 }
  - position:
      start: 5 # counted by hand
      end: 9
summary: >-
  folded over
  two lines
`;

test("scalars are replaced where they are written, in the style they are written in; objects value by value", () => {
  const r = applyFixes(YAML, "yaml", [
    { pointer: "/schema_version", value: "1.2.0", old: 1.2 },
    { pointer: "/actors/0/actor", value: "antony-blinken", old: "antony-blinkn" },
    { pointer: "/actors/1/actor", value: "kazakhstan", old: "kazakhstn" },
    { pointer: "/evidence/0/position", value: { start: 3, end: 2 }, old: { start: 1, end: 2 } },
    { pointer: "/evidence/1/position", value: { start: 6, end: 9 }, old: { start: 5, end: 9 } },
  ]);
  assert.equal(r.skipped, []);
  assert.equal(r.applied, [0, 1, 2, 3, 4]);
  assert.is(
    r.text,
    YAML.replace("1.2   # bare", '"1.2.0"   # bare')
      .replace("antony-blinkn  #", "antony-blinken  #")
      .replace("'kazakhstn'", "'kazakhstan'")
      .replace("{ start: 1, end: 2 }", "{ start: 3, end: 2 }")
      .replace("start: 5 # counted", "start: 6 # counted"),
  );
});

test("a fix that is not sure is left, and says why; the others are applied", () => {
  const r = applyFixes(YAML, "yaml", [
    { pointer: "/actors/0/role", value: "recipient", old: "initiatr" },
    { pointer: "/evidence/0/position", value: { start: 3 }, old: { start: 1, end: 2 } },
    { pointer: "/summary", value: "short", old: "folded over two lines" },
    { pointer: "/evidence/1/position/start", value: 6, old: 5 },
    { pointer: "/evidence/1/position", value: { start: 7, end: 9 }, old: { start: 5, end: 9 } },
    { pointer: "/actors/0/actor", value: "antony-blinken", old: "antony-blinkn" },
    { pointer: "/actors/0/actor", value: "antony-blinken", old: "antony-blinkn" },
    { pointer: "/actors", value: "none", old: [{ actor: "antony-blinkn", role: "initiator" }, { actor: "kazakhstn", role: "recipient" }] },
  ]);
  assert.equal(r.skipped, [
    { index: 0, reason: "the value is no longer what the rule saw" },
    { index: 1, reason: "it would add or remove keys or items, which is not done in place" },
    { index: 2, reason: "the value is written over several lines" },
    { index: 3, reason: "another fix changes the same value" },
    { index: 4, reason: "another fix changes the same value" },
    { index: 7, reason: "it would add or remove keys or items, which is not done in place" },
  ]);
  // The same fix twice (two findings, one correction) is one edit.
  assert.equal(r.applied, [5, 6]);
  assert.is(r.text, YAML.replace("antony-blinkn  #", "antony-blinken  #"));
});

test("an edit that would not read back as the fixed record is not made (an anchor's value is an alias's too)", () => {
  const text = "schema_version: \"1.2.0\"\nid: &x ev-aaaaaaaa\ntitle: *x\n";
  const r = applyFixes(text, "yaml", [{ pointer: "/id", value: "ev-bbbbbbbb", old: "ev-aaaaaaaa" }]);
  assert.is(r.text, text);
  assert.equal(r.skipped, [{ index: 0, reason: "the edited text would not read back as the fixed record" }]);
});

test("JSON: the value replaced as JSON.stringify writes it; nothing else moves", () => {
  const text = '{\n    "schema_version": "1.2.0",\n    "actors": [ { "actor": "antony-blinkn", "role": "initiator" } ],\n    "n": 1\n}\n';
  const r = applyFixes(text, "json", [
    { pointer: "/actors/0/actor", value: "antony-blinken", old: "antony-blinkn" },
    { pointer: "/n", value: "a \"quoted\" \u2028 value", old: 1 },
  ]);
  assert.equal(r.skipped, []);
  assert.is(r.text, text.replace('"antony-blinkn"', '"antony-blinken"').replace('"n": 1', '"n": "a \\"quoted\\" \u2028 value"'));
  assert.equal(applyFixes("{ broken", "json", [{ pointer: "/a", value: 1, old: 2 }]).skipped, [{ index: 0, reason: "the file no longer parses" }]);
});

test("yamlScalarText: plain only when no YAML reader can take it for something else; quotes kept", () => {
  assert.is(yamlScalarText("antony-blinken"), "antony-blinken");
  for (const s of ["1.2.0", "2023", "yes", "no", "null", "", " padded", "a: b", "a, b", "[x]", "#x", "- x", "2023-02-28", "a #b", "x\ny"]) {
    const written = yamlScalarText(s)!;
    assert.ok(written.startsWith('"'), `${s} -> ${written}`);
    assert.is(JSON.parse(written), s);
  }
  assert.is(yamlScalarText("it's", "'"), "'it''s'");
  assert.is(yamlScalarText("plain", '"'), '"plain"');
  assert.is(yamlScalarText("\u0085"), '"\\u0085"');
  assert.is(yamlScalarText(558), "558");
  assert.is(yamlScalarText(true), "true");
  assert.is(yamlScalarText(null), "null");
  assert.is(yamlScalarText({ a: 1 }), undefined);
  assert.is(yamlScalarText(Infinity), undefined);
});

test.run();
