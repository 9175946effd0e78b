/** parseRecord: the JSON fast path must find every repeated key the full parser finds. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseRecord } from "../../scripts/dataset/parse.ts";

const kinds = (text: string) => {
  const r = parseRecord(text, "json");
  return r.ok ? "ok" : r.problems.map((p) => `${p.kind}@${p.position.line}:${p.position.column}`).join(",");
};

test("repeated keys in JSON, however they are written", () => {
  assert.is(kinds('{"a": 1, "a": 2}'), "duplicate-key@1:10");
  assert.is(kinds('{"a": 1, "a" : 2}'), "duplicate-key@1:10");
  assert.is(kinds('{\n  "a": 1,\n  "a"\n  : 2\n}'), "duplicate-key@3:3");
  assert.is(kinds('{"x": {"b": 1, "b": 2}}'), "duplicate-key@1:16");
  assert.is(kinds('{"q": "say \\"a\\": 1", "a": 1, "a": 2}'), "duplicate-key@1:31");
});

test("texts that only look like repeated keys", () => {
  assert.is(kinds('{"a": 1, "b": "\\"a\\": 2"}'), "ok");
  assert.is(kinds('{"a": {"a": {"a": 1}}}'), "ok");
  assert.is(kinds('{"a": [{"k": 1}, {"k": 2}]}'), "ok");
  assert.is(kinds('{"__proto__": 1, "b": 2}'), "ok");
});

test("values read by the fast path have positions when asked", () => {
  const r = parseRecord('{\n  "a": 1,\n  "b": [true]\n}\n', "json");
  assert.ok(r.ok);
  if (r.ok) {
    assert.equal(r.doc.value, { a: 1, b: [true] });
    assert.equal(r.doc.locate("/b/0"), { line: 3, column: 9, endLine: 3, endColumn: 13 });
  }
});

test.run();
