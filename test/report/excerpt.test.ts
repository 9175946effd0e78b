/** The lines the check stage hands the pretty report instead of the text: the same code frames. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Finding } from "../../scripts/core/finding.ts";
import { ExcerptLines, excerptOf, LineIndex } from "../../scripts/dataset/lines.ts";
import { formatPretty } from "../../scripts/report/pretty.ts";
import { summarize } from "../../scripts/report/summary.ts";

const TEXT = "first\n\tsecond\r\nthird\nfourth\nfifth\nsixth\n";

test("an excerpt of the findings' lines gives the code frames the whole text gives", () => {
  const finding = (line: number, column: number, endColumn: number): Finding => ({ file: "data/x.yaml", line, column, endLine: line, endColumn, rule: "r", severity: "error", message: "m", pointer: "" });
  const findings = [finding(1, 1, 3), finding(2, 2, 4), finding(5, 1, 9), finding(7, 1, 1)];
  const summary = summarize(findings, 1, 1);
  const whole = formatPretty(findings, summary, { color: false, source: () => TEXT });
  // Through structured cloning, as a worker sends it.
  const excerpt = structuredClone(excerptOf(new LineIndex(TEXT), findings.map((f) => f.line)));
  assert.is(formatPretty(findings, summary, { color: false, source: () => new ExcerptLines(excerpt) }), whole);
  // Only the lines around the findings: 1-3 and 4-7 (7, the empty last line, counts).
  assert.equal(excerpt.numbers, [1, 2, 3, 4, 5, 6, 7]);
  assert.is(excerptOf(new LineIndex(TEXT), [1]).text, "first\n\tsecond");
});

test.run();
