/** report/dataset-diff.ts: the comment's escaping and its cut. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Finding } from "../../scripts/core/finding.ts";
import { commentText, DIFF_MARKER, formatDiffJson, formatDiffMarkdown, type DatasetDiff } from "../../scripts/report/dataset-diff.ts";

const NONE = { errors: 0, warnings: 0, infos: 0 };

function diffOf(over: Partial<DatasetDiff> = {}): DatasetDiff {
  return { base: "main", head: "topic", toolkitVersion: "1.0.0", changes: [], findings: { before: NONE, after: NONE, added: [], fixed: [] }, settingsChanged: [], ...over };
}

const finding = (severity: Finding["severity"], message: string): Finding => ({ file: "data/events/2023/02/ev-aaaaaaaa.yaml", line: 1, column: 1, rule: "schema", severity, message, pointer: "" });

test("commentText: no mention, team mention or HTML survives; a raw word joiner in the data is shown, not kept", () => {
  assert.is(commentText("@octocat and @org/team"), "@\u2060octocat and @\u2060org/team");
  assert.is(commentText("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
  // Shown as the six characters \u2060 (escaped backslash first): no name character follows the @, so no mention.
  assert.is(commentText("@\u2060x"), "@\\\\u2060x");
  assert.is(commentText("line\nbreak | cell"), "line\\\\nbreak \\| cell");
});

test("markdown: the marker first; a hostile id in a code span, its backticks kept inside; revision names in code spans", () => {
  const md = formatDiffMarkdown(diffOf({ base: "a`b", changes: [{ kind: "event", id: "ev-`x|y", change: "added", fields: [], title: "t" }] }));
  assert.ok(md.startsWith(`${DIFF_MARKER}\n`));
  assert.match(md, /From ``a`b`` to `topic`/);
  assert.match(md, /\| ``ev-`x\\\|y`` \| added \|  \| t \|/);
});

test("markdown: the table and each list of findings are cut at maxRows; infos are counted, not listed", () => {
  const changes = Array.from({ length: 5 }, (_, i) => ({ kind: "event" as const, id: `ev-${i}`, change: "added" as const, fields: [], title: "" }));
  const added = [finding("info", "i1"), finding("warning", "w1"), finding("error", "e1"), finding("error", "e2")];
  const md = formatDiffMarkdown(diffOf({ changes, findings: { before: NONE, after: { errors: 2, warnings: 1, infos: 1 }, added, fixed: [] } }), { maxRows: 2, whereFull: "see the summary" });
  assert.is(md.split("\n").filter((l) => l.startsWith("| `ev-")).length, 2);
  assert.match(md, /\nAnd 3 more; see the summary\.\n/);
  assert.match(md, /- error `schema` in `data\/events\/2023\/02\/ev-aaaaaaaa\.yaml`: e1\n- error `schema` in `[^`]+`: e2\n- and 1 more\n- 1 info \(counted, not listed\)/);
  assert.not.match(md, /JSON report/);
  assert.match(md, /0 \/ 0 \/ 0 before, 2 \/ 1 \/ 1 after; 4 new findings, 0 fixed/);
});

test("json: every change and finding, hidden characters escaped", () => {
  const json = formatDiffJson(diffOf({ changes: [{ kind: "actor", id: "x", change: "added", fields: [], title: "a\u202eb" }] }));
  assert.match(json, /"title": "a\\u202eb"/);
  assert.is(JSON.parse(json).changes[0].title, "a\u202eb");
  assert.is(JSON.parse(formatDiffJson(diffOf({ head: undefined }))).head, null);
});

test("a cut table keeps the records added, retracted, marked duplicate and removed before those only changed", () => {
  const kinds = ["changed", "changed", "removed", "changed", "added", "duplicate", "retracted"] as const;
  const changes = kinds.map((change, i) => ({ kind: "event" as const, id: `ev-${i}`, change, fields: change === "changed" ? ["title"] : [], title: "" }));
  const md = formatDiffMarkdown(diffOf({ changes }), { maxRows: 4 });
  const ids = md.split("\n").filter((l) => l.startsWith("| `ev-")).map((l) => /`(ev-\d)`/.exec(l)![1]);
  assert.equal(ids, ["ev-4", "ev-6", "ev-5", "ev-2"]);
  // Uncut, the table keeps its own order.
  const all = formatDiffMarkdown(diffOf({ changes })).split("\n").filter((l) => l.startsWith("| `ev-")).map((l) => /`(ev-\d)`/.exec(l)![1]);
  assert.equal(all, changes.map((c) => c.id));
});

test.run();
