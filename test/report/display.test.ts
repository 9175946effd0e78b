/** What fits on a screen: infos as counts, --verbose, --quiet, --max-diagnostics, the verdict first (and last when long); golden outputs for each mode. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import type { Finding } from "../../scripts/core/finding.ts";
import { formatPretty, SCREEN_LINES } from "../../scripts/report/pretty.ts";
import { selectFindings } from "../../scripts/report/select.ts";
import { summarize } from "../../scripts/report/summary.ts";
import { assertGolden } from "../helpers/golden.ts";
import { run } from "../helpers/run.ts";
import { EVENT_YAML, REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { parseWorkflowCommand } from "../helpers/workflow-commands.ts";

const BROKEN = path.join(import.meta.dirname, "..", "fixtures", "datasets", "broken");
const VERDICT = "12 errors, 1 warning, 2 info in 6 files (9 files, 6 records checked).";

const finding = (over: Partial<Finding>): Finding => ({ file: "data/a.yaml", line: 1, column: 1, rule: "schema", severity: "error", message: "m", pointer: "", ...over });

test("the shipped dataset: one screen, the verdict first", async () => {
  const r = await run(["validate"], { cwd: TOOLKIT_ROOT });
  assert.is(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.ok(lines.length < 40, r.stdout);
  // Clean (issue 22: every active event quotes its evidence), or warnings and infos counted, never an error.
  assert.match(lines[0]!, /^(No problems \(\d+ files, \d+ records checked\)|0 errors, \d+ warnings?(, \d+ info)? in \d+ files \(\d+ files, \d+ records checked\))\.$/);
});

test("many infos: one line per rule, --verbose lists each, the verdict first and last", async () => {
  // A dataset of 200 events without evidence: an evidence-event-type and an evidence-date info on each.
  const files: Record<string, string> = {};
  for (let i = 0; i < 200; i++) {
    const id = `ev-${String(i).padStart(8, "0").replace(/[0-9]/g, (d) => "abcdefghjk"[Number(d)]!)}`;
    // Three days apart: no two are probable duplicates.
    const day = new Date(Date.UTC(2021, 1, 1 + 3 * i)).toISOString().slice(0, 10);
    files[`data/events/${day.slice(0, 4)}/${day.slice(5, 7)}/${id}.yaml`] = EVENT_YAML.replace(/^id: .*$/m, `id: ${id}`)
      .replaceAll("2023-02-28", day)
      // Each from its own page (a page cited with 200 publication dates would be source-consistent's).
      .replace("url: https://p.dw.com/p/4O4UG", `url: https://p.dw.com/p/${id}`)
      .replace(/^evidence:\n(?:  .*\n)*/m, "");
  }
  const root = writeDataset({ ...REGISTRY, ...files });
  try {
    const r = await run(["validate", "--root", root]);
    const lines = r.stdout.trimEnd().split("\n");
    assert.ok(lines.length < 40, r.stdout);
    assert.match(lines[0]!, /^0 errors, 0 warnings, 400 info in 200 files \(\d+ files, \d+ records checked\)\.$/);
    assert.ok(lines.some((l) => /^200 info: evidence-event-type; --verbose to list$/.test(l)), r.stdout);
    assert.ok(lines.some((l) => /^200 info: evidence-date; --verbose to list$/.test(l)), r.stdout);
    const verbose = await run(["validate", "--root", root, "--verbose"]);
    assert.ok(verbose.stdout.split("\n").length > 150, "--verbose lists every info");
    assert.is(verbose.stdout.split("\n")[0], lines[0], "the verdict leads");
    assert.is(verbose.stdout.trimEnd().split("\n").at(-1), lines[0], "and ends a long report");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("pretty, default: errors and warnings in full, infos counted, the verdict first and last (golden)", async () => {
  const r = await run(["validate", "--root", BROKEN]);
  assert.is(r.code, 1);
  assert.is(r.stderr, "");
  assertGolden("validate-broken.pretty.txt", r.stdout);
  const lines = r.stdout.trimEnd().split("\n");
  assert.is(lines[0], VERDICT);
  assert.is(lines.at(-1), VERDICT);
  assert.ok(lines.length > SCREEN_LINES);
  assert.ok(lines.includes("1 info: schema-outdated; --verbose to list"));
  assert.not.match(r.stdout, /  info  /, "no info in full");
});

test("pretty --verbose lists infos in full (golden)", async () => {
  const r = await run(["validate", "--root", BROKEN, "--verbose"]);
  assert.is(r.code, 1);
  assertGolden("validate-broken.verbose.txt", r.stdout);
  assert.match(r.stdout, /kazakhstan\.yaml:1:17  info  schema-outdated/);
  assert.not.match(r.stdout, /--verbose to list/);
});

test("pretty --quiet: errors only, the rest counted in the verdict (golden)", async () => {
  const r = await run(["validate", "--root", BROKEN, "--quiet"]);
  assert.is(r.code, 1);
  assertGolden("validate-broken.quiet.txt", r.stdout);
  assert.is(r.stdout.split("\n")[0], "12 errors, 1 warning, 2 info in 6 files (9 files, 6 records checked); 3 not shown (--quiet: errors only).");
  assert.not.match(r.stdout, /  (warning|info)  |--verbose/);
});

test("pretty --max-diagnostics: at most n in full, errors first, the rest counted per rule (golden)", async () => {
  const r = await run(["validate", "--root", BROKEN, "--max-diagnostics", "3"]);
  assert.is(r.code, 1);
  assertGolden("validate-broken.max-diagnostics.txt", r.stdout);
  assert.is((r.stdout.match(/^\S+:\d+:\d+  (error|warning|info)  /gm) ?? []).length, 3);
  assert.match(r.stdout, /^10 more not shown \(--max-diagnostics 3\):\n  9 errors: schema\n  1 warning: file-bom\n/m);
  const none = await run(["validate", "--root", BROKEN, "--max-diagnostics", "0"]);
  assert.is(none.stdout.split("\n")[0], VERDICT);
  assert.match(none.stdout, /^13 more not shown \(--max-diagnostics 0\):$/m);
});

test("the cap keeps errors before warnings before infos, each in the order found", () => {
  const list = [
    finding({ file: "a", severity: "info", rule: "i" }),
    finding({ file: "b", severity: "warning", rule: "w" }),
    finding({ file: "c", severity: "error", rule: "e1" }),
    finding({ file: "d", severity: "error", rule: "e2" }),
  ];
  const s = selectFindings(list, { verbose: true, quiet: false, maxDiagnostics: 3 });
  assert.equal(s.shown.map((f) => f.file), ["b", "c", "d"]);
  assert.equal(s.omitted, [{ rule: "i", severity: "info", count: 1 }]);
  const out = formatPretty(list, summarize(list, 4, 4), { color: false, source: () => undefined, display: { verbose: false, quiet: false, maxDiagnostics: 1 } });
  assert.ok(out.startsWith("2 errors, 1 warning, 1 info in 4 files (4 files, 4 records checked).\n\n"), out);
  assert.match(out, /^1 info: i; --verbose to list\n2 more not shown \(--max-diagnostics 1\):\n  1 error: e2\n  1 warning: w\n$/m);
  // Short: the verdict only once.
  assert.is(out.split("2 errors, 1 warning").length, 2, out);
});

test("--quiet: warnings still count toward --max-warnings (ESLint), without being printed", async () => {
  const args = ["validate", "--root", BROKEN, path.join(BROKEN, "data/outlets/afp2.yaml"), "--rule", "schema=warn"];
  const r = await run([...args, "--quiet", "--max-warnings", "0"]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /exceed --max-warnings 0/);
  assert.is(r.stdout, "0 errors, 3 warnings in 1 file (1 file, 1 record checked); 3 not shown (--quiet: errors only).\n");
  assert.is((await run([...args, "--quiet"])).code, 0);
});

test("github: errors and warnings annotated, infos counted unless --verbose, errors only with --quiet (golden)", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-display-"));
  try {
    const kinds = (out: string) => out.split("\n").map(parseWorkflowCommand).filter((c) => c !== undefined).map((c) => c.command);
    const plain = await run(["validate", "--root", BROKEN, "--format", "github"]);
    assert.not.ok(kinds(plain.stdout).includes("notice"));
    assert.match(plain.stdout, /^1 info: schema-outdated; --verbose to annotate$/m);
    const verbose = await run(["validate", "--root", BROKEN, "--format", "github", "--verbose"]);
    assert.is(kinds(verbose.stdout).filter((k) => k === "notice").length, 2);
    assertGolden("validate-broken.github-verbose.txt", verbose.stdout);
    const summaryFile = path.join(dir, "summary.md");
    const quiet = await run(["validate", "--root", BROKEN, "--format", "github", "--quiet", "--max-diagnostics", "2"], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
    assert.equal(kinds(quiet.stdout), ["error", "error"]);
    assertGolden("validate-broken.github-quiet.txt", quiet.stdout);
    const summary = readFileSync(summaryFile, "utf8");
    assertGolden("validate-broken.summary-quiet.md", summary);
    assert.match(summary, /\| `file-bom` \| warning \| 1 \|/, "the counts still name every rule");
    assert.not.match(summary, /^\| warning \|/m, "only errors are listed");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("json holds every finding whatever --quiet, --max-diagnostics or --verbose say", async () => {
  const full = await run(["validate", "--root", BROKEN, "--format", "json"]);
  const narrowed = await run(["validate", "--root", BROKEN, "--format", "json", "--quiet", "--max-diagnostics", "1"]);
  assert.is(narrowed.stdout, full.stdout);
  assert.is(JSON.parse(full.stdout).findings.length, 15);
});

test("usage errors: --max-diagnostics needs a whole number; --verbose and --quiet conflict", async () => {
  for (const argv of [
    ["validate", "--max-diagnostics", "many"],
    ["validate", "--max-diagnostics", "-1"],
    ["validate", "--verbose", "--quiet"],
  ]) {
    const r = await run(argv, { cwd: TOOLKIT_ROOT });
    assert.is(r.code, 2, argv.join(" "));
    assert.match(r.stderr, /--max-diagnostics|--verbose/);
  }
});

test("--help tells of the new options", async () => {
  const r = await run(["validate", "--help"]);
  for (const flag of ["--verbose", "--quiet", "--max-diagnostics <N>"]) assert.ok(r.stdout.includes(flag), flag);
});

test.run();
