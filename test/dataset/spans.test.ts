/** Positions from one pass over a parse's own data: JSON's scanner agrees with the `yaml` nodes it replaces. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as yaml from "yaml";
import { jsonSpanAt, jsonSpans, spanAt, yamlSpans } from "../../scripts/dataset/spans.ts";

const JSON_TEXT = `{
  "id": "ev-p6w7bxbz",
  "a/b~c": { "x": [1, {"y": null}, "z"], "empty": {}, "none": [] },
  "date": { "start": "2023-02-06", "precision": "day" },
  "t\\u00e9xt": "caf\\u00e9",
  "n": -1.5e3,
  "flag": true
}
`;

const POINTERS = ["", "/id", "/a~1b~0c", "/a~1b~0c/x", "/a~1b~0c/x/0", "/a~1b~0c/x/1", "/a~1b~0c/x/1/y", "/a~1b~0c/x/2", "/a~1b~0c/empty", "/a~1b~0c/none", "/date", "/date/start", "/t\u00e9xt", "/n", "/flag"];
const MISSING = ["/a~1b~0c/x/01", "/a~1b~0c/empty/k", "/flag/x", "/nope", "/date/end", "/a~1b~0c/x/7", "/a~1b~0c/x/1/y/deeper", "/id/0", "/a~1b~0c/none/0"];

test("jsonSpans places every value and key where the yaml nodes do, and a missing one at its deepest ancestor", () => {
  const fromJson = jsonSpans(JSON_TEXT);
  const fromYaml = yamlSpans(yaml.parseDocument(JSON_TEXT, { version: "1.2", schema: "core" }), yaml);
  for (const pointer of [...POINTERS, ...MISSING])
    for (const target of ["value", "key"] as const) assert.equal(spanAt(fromJson, pointer, target), spanAt(fromYaml, pointer, target), `${pointer} (${target})`);
  const at = (pointer: string, target?: "key") => JSON_TEXT.slice(...spanAt(fromJson, pointer, target)!);
  assert.is(at("/date/start"), '"2023-02-06"');
  assert.is(at("/date/start", "key"), '"start"');
  assert.is(at("/a~1b~0c/x/1"), '{"y": null}');
  // Missing: the key of the deepest existing value (a list item has none: the item itself).
  assert.is(at("/date/end"), '"date"');
  assert.is(at("/a~1b~0c/x/1/y/deeper"), '"y"');
  assert.is(at("/a~1b~0c/x/7"), '"x"');
  assert.is(at(""), JSON_TEXT.trim());
});

test("jsonSpanAt, a scan along the pointer's path, gives what the spans give", () => {
  for (const text of [JSON_TEXT, JSON.stringify(JSON.parse(JSON_TEXT)), '[1, [2, {"a": [3]}]]', "  7 "]) {
    const spans = jsonSpans(text);
    for (const pointer of [...POINTERS, ...MISSING, "/0", "/1/1/a/0", "/1/1/a/1", "/2"])
      for (const target of ["value", "key"] as const) assert.equal(jsonSpanAt(text, pointer, target), spanAt(spans, pointer, target), `${text}: ${pointer} (${target})`);
  }
});

test("YAML keys of a block mapping; the first of repeated keys counts", () => {
  const text = "a:\n  - 1\nb: two\n";
  const spans = yamlSpans(yaml.parseDocument(text, { version: "1.2", schema: "core" }), yaml);
  assert.is(text.slice(...spanAt(spans, "/b")!), "two");
  assert.is(text.slice(...spanAt(spans, "/b", "key")!), "b");
  assert.is(text.slice(...spanAt(spans, "/a/0")!), "1");
  assert.is(text.slice(...spanAt(spans, "/a/3")!), "a");
  const repeated = '{"k": 1, "k": 2}';
  assert.is(repeated.slice(...spanAt(jsonSpans(repeated), "/k")!), "1");
});

test("100,000 keys: the spans are made in one pass, and looked up in constant time", () => {
  const keys = Array.from({ length: 100_000 }, (_, i) => `"k${i}": ${i}`);
  const text = `{\n${keys.join(",\n")}\n}\n`;
  const t = performance.now();
  const spans = jsonSpans(text);
  for (let i = 0; i < 100_000; i++) spanAt(spans, `/k${i}`, "key");
  assert.ok(performance.now() - t < 2000);
  assert.is(text.slice(...spanAt(spans, "/k99999", "key")!), '"k99999"');
});

test.run();
