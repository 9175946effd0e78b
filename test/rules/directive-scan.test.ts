/**
 * Where directives are found (rules/directive/directives.ts): the line scan
 * agrees with the `yaml` package's syntax tree on every comment line it
 * judges, and leaves the rest to the tree. Directives are put on every line
 * of the fixtures' records, with each indentation, inside block scalars too.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { scanComments, treeComments } from "../../scripts/rules/directive/directives.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";

const DIRECTIVE = "# eventwire-disable-next-line schema -- x";

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (name.endsWith(".yaml")) out.push(p);
  }
  return out;
}

/** The text with a directive before line `at`, indented by `indent` spaces. */
function withDirective(text: string, at: number, indent: number): string {
  const lines = text.split("\n");
  lines.splice(at, 0, " ".repeat(indent) + DIRECTIVE);
  return lines.join("\n");
}

test("the scan finds what the syntax tree finds, wherever a directive line is put (in block scalars too)", () => {
  const texts = [
    EVENT_YAML,
    "summary: >-\n  one\n\n  two\nlist:\n  - |\n    a\n   # less indented than the text: a comment\n  - b\n",
    "a: |+\n  text\n\nb: 'it''s'\nc: \"q \\\" # not\"\n",
    // Records of the dataset with evidence (block scalars in lists): a few are enough, the tree takes a millisecond a text.
    ...yamlFiles(path.join(TOOLKIT_ROOT, "data", "events", "2023", "02"))
      .sort()
      .slice(0, 3)
      .map((f) => readFileSync(f, "utf8")),
  ];
  let judged = 0;
  let compared = 0;
  for (const text of texts) {
    const count = text.split("\n").length;
    for (let at = 0; at <= count; at++)
      for (const indent of [0, 2, 4, 6]) {
        const t = withDirective(text, at, indent);
        const tree = treeComments(t);
        const scan = scanComments(t);
        compared++;
        if (scan === undefined) continue;
        judged++;
        assert.equal(scan, tree, `line ${at + 1}, indent ${indent}:\n${t}`);
      }
  }
  // The scan judges the usual layout itself.
  assert.ok(judged > compared * 0.9, `${judged} of ${compared}`);
});

test("what the scan does not judge goes to the tree: a quoted scalar over lines, an explicit indentation, a tag, tabs", () => {
  for (const text of [`title: "a\n  ${DIRECTIVE}\n  b"\n`, `a: |2\n  ${DIRECTIVE}\n`, `a: !!str |\n  ${DIRECTIVE}\n`, `a:\n\t- b\n${DIRECTIVE}\n`, `"a b": |\n  ${DIRECTIVE}\n`])
    assert.is(scanComments(text), undefined, text);
  // The tree: the line in a quoted scalar or a block scalar is text.
  assert.equal(treeComments(`title: "a\n  ${DIRECTIVE}\n  b"\n`), []);
  assert.equal(treeComments(`a: |2\n  ${DIRECTIVE}\n`), []);
});

test.run();
