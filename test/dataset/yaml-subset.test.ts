/**
 * The fast YAML reader against the `yaml` package, which stays the authority:
 * whenever the reader returns a value, `yaml` must read the same text without
 * an error or a warning and give an equal value. The reader may decline
 * (undefined) anything; it must accept the layouts records are written in.
 */
import fg from "fast-glob";
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as yaml from "yaml";
import { parseDocument, stringify } from "yaml";
import { syntheticEvents } from "../../bench/synthetic.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { LineIndex } from "../../scripts/dataset/lines.ts";
import { yamlSpans, type Span } from "../../scripts/dataset/spans.ts";
import { readYamlSubset, yamlSubsetSpans } from "../../scripts/dataset/yaml-subset.ts";

/** What `yaml` makes of a text, as the validator configures it; undefined when it reports anything. */
function authority(text: string): { value: unknown; doc: yaml.Document.Parsed } | undefined {
  const doc = parseDocument(text, { version: "1.2", schema: "core", uniqueKeys: true, strict: true, merge: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return { value: doc.toJS({ maxAliasCount: 100 }), doc };
}

/** The property: declining is allowed, disagreeing is not (on the value, nor on where any value or key is: see samePlaces). */
function agrees(text: string): boolean {
  const fast = readYamlSubset(text);
  if (fast === undefined) return yamlSubsetSpans(text) === undefined;
  const slow = authority(text);
  return slow !== undefined && isDeepStrictEqual(fast, slow.value) && samePlaces(text, slow.doc) === "";
}

/**
 * Where the subset's spans and `yaml`'s (spans.ts's yamlSpans, from its nodes) differ, as text ("" when nowhere): the
 * same pointers; for each, the same start offsets of the value and of its key, the same key end, and the same
 * position a finding gets (a line and the columns, on the start line: the end of a mapping or a list, past
 * its first line, is cut there alike).
 */
function samePlaces(text: string, doc = authority(text)!.doc): string {
  const fast = yamlSubsetSpans(text)!;
  const slow = yamlSpans(doc, yaml);
  const lines = new LineIndex(text);
  const place = (s: Span | undefined) =>
    s && JSON.stringify([s.start, s.keyStart, s.keyEnd, lines.range(s.start, s.end), s.keyStart >= 0 ? lines.range(s.keyStart, s.keyEnd) : null]);
  const differences: string[] = [];
  for (const pointer of new Set([...fast.keys(), ...slow.keys()]))
    if (place(fast.get(pointer)) !== place(slow.get(pointer))) differences.push(`${pointer}: subset ${place(fast.get(pointer))}, yaml ${place(slow.get(pointer))}`);
  return differences.join("\n");
}

test("every YAML file of the dataset and the fixtures: read, and read alike", () => {
  const files = fg.sync(["data/**/*.{yaml,yml}", "test/fixtures/**/*.{yaml,yml}"], { cwd: TOOLKIT_ROOT, absolute: true });
  assert.ok(files.length > 30);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    assert.ok(agrees(text), file);
    if (file.includes("/data/") && !file.includes("/fixtures/")) assert.ok(readYamlSubset(text) !== undefined, `the fast path declines ${file}`);
  }
});

const ACCEPTED: [string, unknown][] = [
  ["a: 1\nb: -2.5\nc: 1e3\nd: 0x1F\ne: 0o17\nf: +12\n", { a: 1, b: -2.5, c: 1000, d: 31, e: 15, f: 12 }],
  ["a: ~\nb: null\nc:\nd: True\ne: FALSE\nf: .inf\ng: -.Inf\n", { a: null, b: null, c: null, d: true, e: false, f: Infinity, g: -Infinity }],
  ["v: 1.0.0\nd: 2023-02-28\nu: https://p.dw.com/p/4O4UG\ns: C# and a#b\n", { v: "1.0.0", d: "2023-02-28", u: "https://p.dw.com/p/4O4UG", s: "C# and a#b" }],
  ['q: "a \\"b\\" \\u00e9\\n\\/"\nr: \'it\'\'s\' # note\n', { q: 'a "b" é\n/', r: "it's" }],
  ["t: plain text # a comment\n# whole line\n\nn: 1\n", { t: "plain text", n: 1 }],
  ["l: [afp, reuters, dw.com, 2]\ne: []\nm: {}\n", { l: ["afp", "reuters", "dw.com", 2], e: [], m: {} }],
  ["s: >-\n  one\n  two\n\n  three\nn: 1\n", { s: "one two\nthree", n: 1 }],
  ["s: >\n  one\n  two\n\n\nn: 1\n", { s: "one two\n", n: 1 }],
  ["s: |\n  one\n  two\nt: |-\n  x\n\n  y\n", { s: "one\ntwo\n", t: "x\n\ny" }],
  ["a:\n- x: 1\n  y: 2\n- z\nb: 2\n", { a: [{ x: 1, y: 2 }, "z"], b: 2 }],
  ["a:\n  - x: 1\n    y:\n      - p\n      - q\n  -   w: 3\n", { a: [{ x: 1, y: ["p", "q"] }, { w: 3 }] }],
  ["a:\n  b:\n    c: d\n  e: f\n", { a: { b: { c: "d" }, e: "f" } }],
  // List items folded or literal, as format writes a long tag: the text indented past the dash.
  ["t:\n  - >-\n    one\n    two\n  - x\n  - |\n    lit\n  - >\n    end\nn: 1\n", { t: ["one two", "x", "lit\n", "end\n"], n: 1 }],
];

test("the layouts records use are read, to the values yaml gives", () => {
  for (const [text, expected] of ACCEPTED) {
    assert.equal(readYamlSubset(text), expected, text);
    assert.ok(agrees(text), text);
  }
});

test("the subset's spans are yaml's: comments, empty values, quotes, flow lists, block scalars, lists of mappings, no final line break", () => {
  const texts = [
    "# lead\n\nid: x # c\nempty:   # note\nafter: 1\n",
    "a: 1",
    "a: 1   ",
    "a:\n  b: 1 # c",
    "a:\n- x\n- 'q''s' # c\n-   \"d\\\"q\"   \nb: [ p ,q,  r ]\nc: []\n",
    "t:   \nu: 1\n",
    "t: # c\n  - 1\n  -   2   # d\n",
    "a: 'x' # c\nb: \"y\"  \n",
    "s: |\n  one\n  two",
    "s: >-  # c\n  one\n\n  two\n\n\nt:\n",
    "t:",
    "a:\n  b:\n\n# c\n  e: f\nz: 'x'",
    "x: {}\ny: -1.5\nz: ~\n",
    "l:\n- a: 1\n  b:\n  - c\n- d\n",
    "l:\n  -   a: 1\n      b: 2\n",
    "k: \u00e9t\u00e9 \ud83d\ude00 x\nn: 1\n",
    "t:\n  - >-  # c\n    one\n\n    two\n\n  - x\nl:\n- |\n  y",
  ];
  for (const text of texts) {
    assert.ok(yamlSubsetSpans(text) !== undefined, JSON.stringify(text));
    assert.is(samePlaces(text), "", JSON.stringify(text));
  }
  // A finding on a key, on a scalar and on a missing value lands where yaml's spans put it (spot checks, by hand).
  const spans = yamlSubsetSpans("id: x # c\nlist:\n  - 'a'\n  -   b\n")!;
  assert.equal(spans.get("/id"), { start: 4, end: 5, keyStart: 0, keyEnd: 2 });
  assert.equal(spans.get("/list/0"), { start: 20, end: 23, keyStart: -1, keyEnd: -1 });
  assert.equal(spans.get("/list/1"), { start: 30, end: 31, keyStart: -1, keyEnd: -1 });
  // A block's end is yaml's, its last line break included where there is one, never past the text.
  for (const [text, pointer] of [["a: 1\nb:\n  c: x", "/b"], ["a: 1\nb:\n  c: x\n", "/b"], ["a: |\n  x\n  y", "/a"], ["l:\n- a: 1\n  b: 2", "/l"]] as const) {
    const node = parseDocument(text).getIn(pointer.slice(1).split("/"), true) as { range: [number, number, number] };
    assert.is(yamlSubsetSpans(text)!.get(pointer)!.end, node.range[1], JSON.stringify(text));
  }
});

const DECLINED = [
  "a: &x 1\nb: *x\n", // anchors and aliases
  "a: !!str 1\n", // tags
  "a: 1\na: 2\n", // duplicate keys
  "--- \na: 1\n", // document markers
  "a: b: c\n", // a colon in a plain scalar
  "a: text\n  continued\n", // multi-line plain scalars
  'a: "open\n  quote"\n', // multi-line quoted scalars
  "a: [x, [y]]\n", // nested flow
  "a: {x: 1}\n", // flow mappings
  "a:\r\n  b: 1\r\n", // CRLF
  "a:\t1\n", // tabs
  "a: |\n    deep\n  shallow\n", // inconsistent block indentation
  "a: |+\n  keep\n\n", // keep chomping
  "a: >\n  x\n    more indented\n", // more-indented folded lines
  "- a\n- b\n", // a top-level sequence
  "  a: 1\n", // an indented document
  'a: "\\x41"\n', // YAML-only escapes
  "True: 1\n", // keys the core schema would resolve
  "__proto__: 1\n",
  "a:\n  - \n", // an empty item
  "a:\n  - >-\n  x\n", // a list item's text not indented past its dash
  "k".repeat(1025) + ": 1\n", // a key longer than yaml allows
  "a: x\u000c\n", // a form feed
  "a: 1\n b: 2\n", // bad indentation
];

test("white space other than spaces is content, as in YAML", () => {
  for (const text of ["a: x\u00a0\n", "a: 1\u00a0\n", "a: [\u00a0]\n", "a: x\u00a0 #c\n", "a:\n  - x\u00a0\n", "a: x\u3000\n"]) assert.ok(agrees(text), JSON.stringify(text));
  assert.equal(readYamlSubset("a: x\u00a0\n"), { a: "x\u00a0" });
});

test("anything outside the subset is declined, not guessed", () => {
  for (const text of DECLINED) assert.is(readYamlSubset(text), undefined, JSON.stringify(text));
});

test("synthetic records written by yaml.stringify in several styles", () => {
  const plain = { lineWidth: 0, defaultKeyType: "PLAIN" as const };
  // Styles the reader must take (the layouts of hand-written and formatted records) ...
  const taken = [plain, { ...plain, indentSeq: false }, { ...plain, defaultStringType: "QUOTE_DOUBLE" as const }, { ...plain, defaultStringType: "QUOTE_SINGLE" as const }, { ...plain, blockQuote: "folded" as const }];
  // ... and styles it may decline (long lines folded into multi-line plain scalars, flow style).
  const others = [{}, { lineWidth: 30 }, { collectionStyle: "flow" as const }];
  for (const [, record] of syntheticEvents({ records: 60, seed: 7 })) {
    for (const style of taken) {
      const text = stringify(record, style);
      assert.ok(readYamlSubset(text) !== undefined, text);
      assert.ok(agrees(text), text);
    }
    for (const style of others) assert.ok(agrees(stringify(record, style)));
  }
});

test("mutated records: whatever the reader accepts, yaml accepts and reads alike", () => {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const base = readFileSync(`${TOOLKIT_ROOT}/data/events/2023/02/ev-p6w7bxbz.yaml`, "utf8");
  const pieces = [":", " ", "#", "-", "'", '"', "\n", "[", "]", "{", "}", "|", ">", "&", "*", "!", "%", "@", "\\", "  ", "- ", ": ", " #", "0", "~", "\u00e9"];
  for (let i = 0; i < 3000; i++) {
    let text = base;
    for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
      const at = Math.floor(rand() * text.length);
      const op = rand();
      if (op < 0.5) text = text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(at);
      else if (op < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 3));
      else text = text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(at + 1);
    }
    assert.ok(agrees(text), JSON.stringify(text));
  }
});

test.run();
