/** The github report: workflow commands that survive GitHub's parser, errors first, and the job summary. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Finding } from "../../scripts/core/finding.ts";
import { formatGithub, formatStepSummary } from "../../scripts/report/github.ts";
import { summarize } from "../../scripts/report/summary.ts";
import { assertGolden } from "../helpers/golden.ts";
import { run } from "../helpers/run.ts";
import { parseWorkflowCommand } from "../helpers/workflow-commands.ts";

const BROKEN = path.join(import.meta.dirname, "..", "fixtures", "datasets", "broken");

const finding = (over: Partial<Finding>): Finding => ({
  file: "data/events/2023/02/ev-aaaaaaaa.yaml",
  line: 3,
  column: 7,
  rule: "schema",
  severity: "error",
  message: "m",
  pointer: "/title",
  ...over,
});

test("every character that means something to GitHub survives the round trip", () => {
  const nasty = "100% sure: a, b\r\nnext line :: %0A %25 ,=";
  const f = finding({ file: "data/a,b:c%.yaml", message: nasty, hint: "fix: it, 50%", rule: "text-control" });
  const [line, total] = formatGithub([f], summarize([f], 1, 1)).split("\n");
  assert.not.match(line!.slice(2), /\r|\n/);
  const parsed = parseWorkflowCommand(line!)!;
  assert.is(parsed.command, "error");
  assert.equal(parsed.properties, { file: "data/a,b:c%.yaml", line: "3", col: "7", title: "text-control" });
  // A line break inside a message is a value's (toolkit messages are one line): shown as `\r\n`; the one before help is real.
  assert.is(parsed.data, `${nasty.replace("\r\n", "\\r\\n")}\nhelp: fix: it, 50%`);
  assert.is(parseWorkflowCommand(total!), undefined);
});

test("hostile paths and values: no forged command, no terminal escape, no breakout of a code span", () => {
  const file = "data/events/ev-x\n::error file=README.md,line=1::FORGED\u001b[2J.yaml";
  const message = "The id `x` is also used by `a`![i](http://evil/x.png)[l](http://evil) $(rm -rf ~) \u202eevil\u0085";
  const f = finding({ file, message, hint: "```\n::warning::x", related: [{ file, pointer: "" }] });
  const out = formatGithub([f], summarize([f], 1, 1));
  const lines = out.trimEnd().split("\n");
  assert.is(lines.length, 2, "one command and the totals line");
  const parsed = parseWorkflowCommand(lines[0]!)!;
  assert.is(parsed.command, "error");
  assert.is(parsed.properties.file, "data/events/ev-x\\n::error file=README.md,line=1::FORGED\\x1b[2J.yaml");
  assert.not.match(out, /[\u001b\u0085\u202e]/);
  const summary = formatStepSummary([f], summarize([f], 1, 1));
  assert.not.match(summary, /[\u001b\u0085\u202e]/);
  const row = summary.split("\n").find((l) => l.startsWith("| error"))!;
  assert.ok(row, summary);
  // The location is one code span; the message renders as text: no code span, link or image can open.
  assert.ok(row.includes("`data/events/ev-x\\n::error file=README.md,line=1::FORGED\\x1b[2J.yaml:3:7`"), row);
  assert.ok(row.includes("The id \\`x\\` is also used by \\`a\\`\\!\\[i\\](http://evil/x.png)\\[l\\](http://evil) \\$(rm -rf \\~)"), row);
  const cells = row.slice(row.indexOf("| `schema` |") + "| `schema` |".length);
  assert.not.match(cells.replace(/\\./g, ""), /[`[\]<]/, "every backtick, bracket and angle bracket of the message and hint is escaped");
  for (const l of summary.split("\n")) assert.not.match(l, /^\s*::/);
});

test("errors come first, then warnings, then notices (with --verbose); end positions are given", () => {
  const list = [
    finding({ file: "a.yaml", severity: "info", rule: "i" }),
    finding({ file: "b.yaml", severity: "warning", rule: "w", endLine: 3, endColumn: 12 }),
    finding({ file: "c.yaml", severity: "error", rule: "e", endLine: 5, endColumn: 2 }),
  ];
  const commands = formatGithub(list, summarize(list, 3, 3), { verbose: true, quiet: false, maxDiagnostics: Infinity })
    .split("\n")
    .map(parseWorkflowCommand)
    .filter((c) => c !== undefined);
  assert.equal(commands.map((c) => c.command), ["error", "warning", "notice"]);
  assert.equal(commands[0]!.properties, { file: "c.yaml", line: "3", endLine: "5", col: "7", title: "e" });
  assert.equal(commands[1]!.properties, { file: "b.yaml", line: "3", endLine: "3", col: "7", endColumn: "12", title: "w" });
});

test("github report on the broken fixture (golden), and the job summary (golden)", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-summary-"));
  try {
    const summaryFile = path.join(dir, "summary.md");
    const r = await run(["validate", "--root", BROKEN, "--format", "github"], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
    assert.is(r.code, 1);
    assert.is(r.stderr, "");
    assertGolden("validate-broken.github.txt", r.stdout);
    const lines = r.stdout.trimEnd().split("\n");
    // Every line is a workflow command but the counts of infos (not annotated without --verbose) and the totals.
    for (const line of lines.slice(0, -1)) assert.ok(parseWorkflowCommand(line) ?? /^\d+ info: [a-z-]+; --verbose to annotate$/.test(line), line);
    assertGolden("validate-broken.summary.md", readFileSync(summaryFile, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the job summary escapes table cells and stops short of GitHub's size limit", () => {
  const f = finding({ message: "a | b\nc <script>", hint: "x|y" });
  const table = formatStepSummary([f], summarize([f], 1, 1));
  assert.ok(table.includes("| a \\| b\\\\nc &lt;script&gt; | x\\|y |"), table);
  const many = Array.from({ length: 500 }, (_, i) => finding({ line: i + 1, message: "long ".repeat(40) }));
  const capped = formatStepSummary(many, summarize(many, 1, 1), 20_000);
  assert.ok(Buffer.byteLength(capped) <= 20_000);
  assert.match(capped, /\d+ more findings are not shown here/);
});

test("a check of part of the dataset says its scope, on one line of its own, in the log and in the job summary", () => {
  const f = finding({});
  const summary = { ...summarize([f], 3, 3), scope: "1 changed file since abc, and every event, because registry entries changed (data/actors/a<b>|c\n::error::x.yaml)" };
  const lines = formatGithub([f], summary).trimEnd().split("\n");
  assert.is(lines.length, 3);
  assert.ok(parseWorkflowCommand(lines[0]!));
  assert.is(lines[2], "Scope: 1 changed file since abc, and every event, because registry entries changed (data/actors/a<b>|c\\n::error::x.yaml).");
  const table = formatStepSummary([f], summary);
  assert.match(table, /^## eventwire validate\n\nScope: 1 changed file since abc, .*\(data\/actors\/a&lt;b&gt;\\\|c\\\\n::error::x\.yaml\)\.\n\n/);
  assert.not.match(formatGithub([f], summarize([f], 3, 3)), /Scope/);
});

test("a clean run writes a short summary and exits 0", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-summary-"));
  try {
    const summaryFile = path.join(dir, "summary.md");
    const r = await run(["validate", "--root", BROKEN, "--format", "github", "data/outlets/dw.yaml"], {
      cwd: BROKEN,
      env: { GITHUB_STEP_SUMMARY: summaryFile },
    });
    assert.is(r.code, 0);
    assert.is(r.stdout, "eventwire validate: no problems (1 file, 1 record checked).\n");
    assert.match(readFileSync(summaryFile, "utf8"), /No problems: 1 file, 1 record checked/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
