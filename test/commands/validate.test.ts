/** `eventwire validate` end to end: exit codes, report formats, options. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { assertGolden } from "../helpers/golden.ts";
import { run } from "../helpers/run.ts";

const BROKEN = path.join(import.meta.dirname, "..", "fixtures", "datasets", "broken");

test("the real dataset validates clean (exit 0): no error, no warning; infos only for events without evidence of their type", async () => {
  const r = await run(["validate", "--format", "json"], { cwd: TOOLKIT_ROOT });
  assert.is(r.code, 0, r.stdout);
  const report = JSON.parse(r.stdout);
  assert.is(report.summary.errors, 0);
  assert.is(report.summary.warnings, 0);
  // Evidence quotes come only from texts the project keeps (the DW page): other events carry none, and say so.
  assert.ok(report.findings.every((f: { rule: string }) => f.rule === "evidence-event-type"), JSON.stringify(report.findings.slice(0, 3)));
  // The quotes citing the kept DW page are checked (their number follows the records, which the review corrects).
  assert.ok(report.summary.evidence.checked > 0);
});

test("with evidence-quote off, no quote is counted as checked", async () => {
  const r = await run(["validate", "--format", "json", "--rule", "evidence-quote=off", "data/events/2023/02"], { cwd: TOOLKIT_ROOT });
  const { evidence } = JSON.parse(r.stdout).summary;
  assert.is(evidence.checked, 0);
  assert.ok(evidence.notChecked > 40);
});

test("a dataset with errors exits 1: pretty report (golden)", async () => {
  const r = await run(["validate", "--root", BROKEN]);
  assert.is(r.code, 1);
  assert.is(r.stderr, "");
  assertGolden("validate-broken.pretty.txt", r.stdout);
});

test("json report (golden) is one parseable object with a summary", async () => {
  const r = await run(["validate", "--root", BROKEN, "--format", "json"]);
  assert.is(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.is(report.version, 1);
  assert.equal(Object.keys(report.summary), ["files", "records", "errors", "warnings", "infos", "evidence"]);
  assert.is(report.summary.errors, report.findings.filter((f: { severity: string }) => f.severity === "error").length);
  for (const f of report.findings) for (const key of ["file", "line", "column", "rule", "severity", "message", "pointer"]) assert.ok(key in f, key);
  assertGolden("validate-broken.json", r.stdout);
});

test("findings land on the line and column of the offending value", async () => {
  const r = await run(["validate", "--format", "json", "data/events/2023/02/ev-p6w7bxbz.yaml"], { cwd: BROKEN });
  const at = (pointer: string) =>
    JSON.parse(r.stdout)
      .findings.filter((f: { pointer: string }) => f.pointer === pointer)
      .map((f: { line: number; column: number; rule: string }) => `${f.rule}@${f.line}:${f.column}`);
  assert.equal(at("/titel"), ["schema@4:1"]);
  assert.equal(at("/date/start"), ["schema@8:10"]);
  assert.equal(at("/date/precision"), ["schema@9:14"]);
  assert.equal(at("/mode"), ["schema@11:7"]);
  assert.equal(at("/actors/1/role"), ["schema@16:11"]);
  assert.equal(at("/locations/0/lat"), ["schema@20:5"]);
  assert.equal(at(""), ["schema@1:1"]);
});

test("a path argument limits the check to that file", async () => {
  const r = await run(["validate", "--format", "json", "data/outlets/dw.yaml"], { cwd: BROKEN });
  assert.is(r.code, 0);
  assert.equal(JSON.parse(r.stdout).summary, { files: 1, records: 1, errors: 0, warnings: 0, infos: 0, evidence: { checked: 0, notChecked: 0 } });
});

test("--rule turns a rule off or down to a warning; --max-warnings then decides", async () => {
  const args = ["validate", "--root", BROKEN, "--format", "json", path.join(BROKEN, "data/outlets/afp2.yaml")];
  const strict = await run(args);
  assert.is(strict.code, 1);
  const lenient = await run([...args, "--rule", "schema=warn"]);
  assert.is(lenient.code, 0);
  assert.ok(JSON.parse(lenient.stdout).summary.warnings >= 2);
  const capped = await run([...args, "--rule", "schema=warn", "--max-warnings", "0"]);
  assert.is(capped.code, 1);
  assert.match(capped.stderr, /exceed --max-warnings 0/);
  const off = await run([...args, "--rule", "schema=off", "--rule", "file-bom=off"]);
  assert.is(off.code, 0);
  assert.is(JSON.parse(off.stdout).findings.length, 0);
});

test("usage errors exit 2 with a message and no stack trace", async () => {
  for (const argv of [
    ["validate", "--format", "xml"],
    ["validate", "--rule", "no-such-rule=off"],
    ["validate", "--rule", "schema"],
    ["validate", "--max-warnings", "many"],
    ["validate", "--no-such-flag"],
    ["validate", "does/not/exist.yaml"],
    ["frobnicate"],
    [],
  ]) {
    const r = await run(argv, { cwd: TOOLKIT_ROOT });
    assert.is(r.code, 2, argv.join(" "));
    assert.ok(r.stderr.length > 0, argv.join(" "));
    assert.not.match(r.stderr, /\n\s+at /, "no stack trace");
  }
});

test("a malformed EVENTWIRE_TODAY is a usage error, a valid one moves the future", async () => {
  for (const today of ["yesterday", "2026-02-30", "2026-11"]) {
    const r = await run(["validate"], { cwd: TOOLKIT_ROOT, env: { EVENTWIRE_TODAY: today } });
    assert.is(r.code, 2, today);
    assert.match(r.stderr, /EVENTWIRE_TODAY must be a date/);
  }
  const past = await run(["validate", "--format", "json"], { cwd: TOOLKIT_ROOT, env: { EVENTWIRE_TODAY: "2023-02-27" } });
  assert.is(past.code, 1);
  const findings = JSON.parse(past.stdout).findings as { rule: string; severity: string }[];
  assert.ok(findings.some((f) => f.rule === "date-future"));
  assert.ok(findings.every((f) => f.rule === "date-future" || f.severity === "info"));
});

test("--help prints the options and exits 0", async () => {
  const r = await run(["validate", "--help"]);
  assert.is(r.code, 0);
  assert.match(r.stdout, /--format pretty\|json/);
});

test("paths through a linked folder are reported as the link, never followed", async () => {
  const outside = mkdtempSync(path.join(tmpdir(), "eventwire-outside-"));
  const root = writeDataset({ ...REGISTRY });
  try {
    writeFileSync(path.join(outside, "ev-aaaaaaaa.yaml"), "secret: do not print me\n");
    mkdirSync(path.join(root, "data/events"), { recursive: true });
    symlinkSync(outside, path.join(root, "data/events/linked"));
    for (const target of ["data/events/linked", "data/events/linked/ev-aaaaaaaa.yaml", "data/events/linked/*.yaml"]) {
      const r = await run(["validate", target], { cwd: root });
      assert.is(r.code, 1, target);
      assert.match(r.stdout, /data\/events\/linked:1:1  error  file-symlink/, target);
      assert.not.match(r.stdout, /secret/, target);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test("a name holding a newline or a CR is listed, and reported, in every mode", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, "data/events/2023/02/ev-aaaaaaaa\n.yaml": "x: 1\n", "data/events/2023/02/ev-bbbbbbbb\r.yaml": "x: 1\n" });
  try {
    const odd = (stdout: string) =>
      (JSON.parse(stdout) as { findings: { file: string; rule: string }[] }).findings.filter((f) => f.rule === "file-name").map((f) => f.file);
    const expected = ["data/events/2023/02/ev-aaaaaaaa\n.yaml", "data/events/2023/02/ev-bbbbbbbb\r.yaml"];
    for (const paths of [[], ["data"], ["data/events"], ["data/events/2023/02"], ["data/events/**"], ["data/events/2023/02/*.yaml"]]) {
      const r = await run(["validate", "--format", "json", ...paths], { cwd: root, env: { EVENTWIRE_TODAY: "2026-11-27" } });
      assert.is(r.code, 1, paths.join(" "));
      assert.equal(odd(r.stdout), expected, paths.join(" "));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("checking one event says which other event it could not be compared with (a FIFO: never opened)", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  try {
    execFileSync("mkfifo", [path.join(root, "data/events/2023/02/ev-aaaaaaaa.yaml")]);
    const r = await run(["validate", "--format", "json", EVENT_PATH], { cwd: root, env: { EVENTWIRE_TODAY: "2026-11-27" } });
    assert.is(r.code, 1);
    const found = (JSON.parse(r.stdout) as { findings: { file: string; rule: string; message: string }[] }).findings;
    assert.equal(found.map((f) => `${f.file}|${f.rule}|${f.message}`), ["data/events/2023/02/ev-aaaaaaaa.yaml|file-type|This is a FIFO (named pipe), not a regular file; it was not read."]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();

test("a path typed with a line break or an escape sequence stays on its line in the usage error, shown escaped", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  try {
    for (const args of [["validate", "nope\n::error::FORGED\u001b[2J"], ["format", "--check", "nope\n::error::FORGED"], ["validate", "../x\n::error::FORGED"]]) {
      const r = await run(args, { cwd: root });
      assert.is(r.code, 2, r.stderr);
      assert.is(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
      assert.ok(r.stderr.includes("\\n::error::FORGED"), r.stderr);
      assert.not.match(r.stderr, /\u001b|internal error/);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
