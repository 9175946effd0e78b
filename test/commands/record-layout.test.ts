/**
 * record-layout end to end: off unless --rule or eventwire.config.yaml turns it on; on, its finding and
 * its fix (the whole canonical text): --fix writes what `eventwire format` writes, comments kept, after a
 * file's value fixes (a pass later); --fix-dry-run's diff; SARIF's fix of the whole text.
 */
import { cpSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type * as Sarif from "sarif";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const test = suite("record-layout");
const ENV = { EVENTWIRE_TODAY: "2026-11-27" };
const read = (root: string, file: string) => readFileSync(path.join(root, file), "utf8");

/** The registry in the canonical layout (its domains as block lists). */
const CANONICAL_REGISTRY = Object.fromEntries(Object.entries(REGISTRY).map(([file, text]) => [file, text.replace(/^domains: \[(.*)\]\n/m, "domains:\n  - $1\n")]));

/** A dataset of the registry, the kept DW text and `files` (the example event by default: valid, not in the canonical layout). */
function dataset(files: Record<string, string> = { [EVENT_PATH]: EVENT_YAML }): string {
  const root = writeDataset({ ...CANONICAL_REGISTRY, ...files });
  cpSync(path.join(TOOLKIT_ROOT, "data/texts"), path.join(root, "data/texts"), { recursive: true });
  return root;
}

/** What `eventwire format` makes of `files` (the same dataset written again, then formatted). */
async function formatted(files: Record<string, string>, file: string): Promise<string> {
  const root = dataset(files);
  try {
    const r = await run(["format", file], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    return read(root, file);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

interface Finding {
  rule: string;
  severity: string;
  line: number;
  column: number;
  message: string;
  fix?: { pointer: string; text?: string };
}

async function findings(root: string, ...args: string[]): Promise<{ code: number; findings: Finding[] }> {
  const r = await run(["validate", "--root", root, "--format", "json", ...args], { env: ENV });
  assert.ok(r.stdout.startsWith("{"), `${r.code}: ${r.stderr}${r.stdout}`);
  return { code: r.code, findings: JSON.parse(r.stdout).findings };
}

/** The example event with comments: a header, one after a value, one above a key. */
const COMMENTED = editEvent("status: active\n", "status: active   # live\n# the title as the source has it\n", "# coded by hand\n" + EVENT_YAML);

test("off by default: a record out of the canonical layout gets no finding; --print-config says off", async () => {
  const root = dataset();
  try {
    const r = await findings(root);
    assert.is(r.code, 0);
    assert.equal(r.findings, []);
    const p = await run(["validate", "--print-config", EVENT_PATH], { cwd: root, env: ENV });
    assert.is(JSON.parse(p.stdout).rules["record-layout"], "off");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("on with --rule at the level it names: the first line that differs, and its fix", async () => {
  const root = dataset();
  try {
    const warn = await findings(root, "--rule", "record-layout=warn");
    assert.is(warn.code, 0);
    assert.equal(
      warn.findings.map((f) => `${f.rule} ${f.severity} ${f.line}:${f.column} ${f.message}`),
      ["record-layout warning 5:10 Not in the canonical layout: line 5 would read `summary: >-`."],
    );
    assert.is(warn.findings[0]!.fix!.text, await formatted({ [EVENT_PATH]: EVENT_YAML }, EVENT_PATH));
    const error = await findings(root, "--rule", "record-layout=error");
    assert.is(error.code, 1);
    assert.is(error.findings[0]!.severity, "error");
    const pretty = await run(["validate", "--root", root, "--rule", "record-layout=error", "--no-color"], { env: ENV });
    assert.match(pretty.stdout, /fix: write the file in the canonical layout \(validate --fix does\)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("on with eventwire.config.yaml: `rules:`, and an override for some files only; --print-config says so", async () => {
  const canonical = await formatted({ [EVENT_PATH]: EVENT_YAML }, EVENT_PATH);
  const other = "data/events/2023/03/ev-q7x8c9d0.yaml";
  // Another event out of the layout (two spaces after a key), in the folder the override names.
  const otherText = canonical.replace("id: ev-p6w7bxbz", "id: ev-q7x8c9d0").replace("title:", "title:  ");
  const root = dataset({ [EVENT_PATH]: EVENT_YAML, "eventwire.config.yaml": "rules:\n  record-layout: error\n" });
  try {
    const r = await findings(root);
    assert.is(r.code, 1);
    assert.equal(r.findings.map((f) => `${f.rule}@${f.line}:${f.column}`), ["record-layout@5:10"]);
    const p = await run(["validate", "--print-config", EVENT_PATH], { cwd: root, env: ENV });
    assert.is(JSON.parse(p.stdout).rules["record-layout"], "error");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const overridden = dataset({
    [EVENT_PATH]: EVENT_YAML,
    [other]: otherText,
    "eventwire.config.yaml": "overrides:\n  - files: [data/events/2023/03/**]\n    rules:\n      record-layout: warn\n",
  });
  try {
    const r = await run(["validate", "--root", overridden, "--format", "json"], { env: ENV });
    const list = (JSON.parse(r.stdout).findings as (Finding & { file: string })[]).filter((f) => f.rule === "record-layout");
    assert.equal(list.map((f) => `${f.file} ${f.severity}`), [`${other} warning`]);
  } finally {
    rmSync(overridden, { recursive: true, force: true });
  }
});

test("--fix writes exactly what `eventwire format` writes, comments kept; nothing is left: exit 0", async () => {
  const expected = await formatted({ [EVENT_PATH]: COMMENTED }, EVENT_PATH);
  assert.ok(expected.includes("# coded by hand\n") && expected.includes("# live") && expected.includes("# the title as the source has it"));
  const root = dataset({ [EVENT_PATH]: COMMENTED });
  try {
    const r = await run(["validate", "--root", root, "--rule", "record-layout=error", "--fix"], { env: ENV });
    assert.is(r.code, 0, r.stdout);
    assert.is(read(root, EVENT_PATH), expected);
    assert.match(r.stdout, /\nFixes: 1 problem in 1 file fixed, then checked again \(2 checks in all\)/);
    // Without the rule, --fix leaves the layout alone.
    const plain = dataset({ [EVENT_PATH]: COMMENTED });
    try {
      assert.is((await run(["validate", "--root", plain, "--fix"], { env: ENV })).code, 0);
      assert.is(read(plain, EVENT_PATH), COMMENTED);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a BOM: alone it is file-bom's finding, not this rule's; with the layout out of place --fix writes what format writes (no BOM)", async () => {
  const canonical = await formatted({ [EVENT_PATH]: EVENT_YAML }, EVENT_PATH);
  const root = dataset({ [EVENT_PATH]: "\ufeff" + canonical });
  try {
    const r = await findings(root, "--rule", "record-layout=error");
    assert.equal(r.findings.map((f) => `${f.rule}@${f.line}:${f.column}`), ["file-bom@1:1"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const withBom = dataset({ [EVENT_PATH]: "\ufeff" + COMMENTED });
  try {
    const r = await run(["validate", "--root", withBom, "--rule", "record-layout=error", "--fix"], { env: ENV });
    assert.is(r.code, 0, r.stdout);
    assert.is(read(withBom, EVENT_PATH), await formatted({ [EVENT_PATH]: "\ufeff" + COMMENTED }, EVENT_PATH));
    assert.not.ok(read(withBom, EVENT_PATH).startsWith("\ufeff"));
  } finally {
    rmSync(withBom, { recursive: true, force: true });
  }
});

test("--fix on a record with value fixes and a layout out of place: the values first, then the layout (a pass later); it ends fixed and canonical", async () => {
  const broken = editEvent("  - actor: antony-blinken\n", "  - actor: antony-blinkn   # a typo\n", editEvent('schema_version: "1.3.0"', "schema_version: 1.3", COMMENTED));
  const fixedValues = editEvent("  - actor: antony-blinken\n", "  - actor: antony-blinken   # a typo\n", COMMENTED);
  const expected = await formatted({ [EVENT_PATH]: fixedValues }, EVENT_PATH);
  const root = dataset({ [EVENT_PATH]: broken });
  try {
    const r = await run(["validate", "--root", root, "--rule", "record-layout=error", "--fix"], { env: ENV });
    assert.is(r.code, 0, r.stdout);
    assert.is(read(root, EVENT_PATH), expected);
    assert.match(r.stdout, /\nFixes: 3 problems in 1 file fixed, then checked again \(3 checks in all\)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--fix-dry-run shows the layout's fix as a diff and writes nothing; a JSON record too", async () => {
  const jsonPath = "data/events/2023/02/ev-p6w7bxbz.json";
  const json = JSON.stringify({ id: "ev-p6w7bxbz", ...(await import("yaml")).parse(EVENT_YAML) });
  const root = dataset({ [jsonPath]: json });
  try {
    const r = await run(["validate", "--root", root, "--rule", "record-layout=warn", "--fix-dry-run", "--no-color"], { env: ENV });
    assert.is(r.code, 0, r.stdout);
    assert.is(read(root, jsonPath), json);
    assert.ok(r.stdout.startsWith(`diff --git a/${jsonPath} b/${jsonPath}\n--- a/${jsonPath}\n+++ b/${jsonPath}\n@@ -1,1 +1,70 @@\n-{"id":"ev-p6w7bxbz","schema_version":"1.3.0",`), r.stdout.slice(0, 300));
    assert.match(r.stdout, /\n\+{\n\+  "schema_version": "1\.3\.0",\n\+  "id": "ev-p6w7bxbz",\n/);
    assert.match(r.stdout, /\nFixes: 1 problem in 1 file would be fixed \(--fix-dry-run: the diff above, nothing written\)\.\n/);
    const f = await run(["validate", "--root", root, "--rule", "record-layout=warn", "--fix"], { env: ENV });
    assert.is(f.code, 0);
    assert.is(read(root, jsonPath), await formatted({ [jsonPath]: json }, jsonPath));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("sarif: the layout's fix is one replacement of the whole text; the rule is described as not enabled by default", async () => {
  const root = dataset();
  try {
    const r = await run(["validate", "--root", root, "--rule", "record-layout=warn", "--format", "sarif"], { env: ENV });
    assert.is(r.code, 0);
    const log: Sarif.Log = JSON.parse(r.stdout);
    const run0 = log.runs[0]!;
    const rule = run0.tool.driver.rules!.find((d) => d.id === "record-layout")!;
    assert.equal(rule.defaultConfiguration, { enabled: false, level: "warning" });
    const [result] = run0.results!;
    assert.is(result!.ruleId, "record-layout");
    const lines = EVENT_YAML.split("\n").length;
    assert.equal(result!.fixes![0]!.artifactChanges[0]!.replacements, [
      { deletedRegion: { startLine: 1, startColumn: 1, endLine: lines, endColumn: 1 }, insertedContent: { text: await formatted({ [EVENT_PATH]: EVENT_YAML }, EVENT_PATH) } },
    ]);
    assert.is(result!.fixes![0]!.description!.text, "Write the file in the canonical layout (eventwire validate --fix, or eventwire format).");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
