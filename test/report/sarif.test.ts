/**
 * `validate --format sarif` end to end: the report passes the SARIF 2.1.0
 * JSON Schema (vendored: test/fixtures/sarif/README.md), has the rule metadata
 * and locations GitHub code scanning reads, and fingerprints that do not move
 * with line numbers. Also `-o/--output-file`, for every format.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import type { Ajv as AjvType } from "ajv";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type * as Sarif from "sarif";
import { RULES } from "../../scripts/rules/index.ts";
import { FINGERPRINT_KEY, formatSarif } from "../../scripts/report/sarif.ts";
import { summarize } from "../../scripts/report/summary.ts";
import type { Finding } from "../../scripts/core/finding.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { assertGolden } from "../helpers/golden.ts";
import { run } from "../helpers/run.ts";

const require = createRequire(import.meta.url);
const BROKEN = path.join(import.meta.dirname, "..", "fixtures", "datasets", "broken");
const SCHEMA_DIR = path.join(import.meta.dirname, "..", "fixtures", "sarif");

/**
 * Two schemas (test/fixtures/sarif/README.md), and a report must pass both:
 * - `sarif-2.1.0.json`, the final SARIF 2.1.0 schema as the SARIF SDK ships it
 *   (JSON Schema 2020-12: ajv's Ajv2020);
 * - `sarif-2.1.0-rtm.5.json`, the form SchemaStore publishes (and editors
 *   use), in draft-04, which ajv 8 reads as draft-07 once its id is spelt
 *   `$id` (it uses no keyword whose meaning changed between the two). One of
 *   its patterns (a language tag, with a stray `]`) is no valid regular
 *   expression with the `u` flag, hence unicodeRegExp: false.
 */
function sarifValidator() {
  const addFormats = require("ajv-formats") as (ajv: AjvType) => AjvType;
  const final = JSON.parse(readFileSync(path.join(SCHEMA_DIR, "sarif-2.1.0.json"), "utf8"));
  assert.is(final.$schema, "https://json-schema.org/draft/2020-12/schema");
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const ajv2020 = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv2020 as unknown as AjvType);
  const checkFinal = ajv2020.compile(final);
  const rtm5 = JSON.parse(readFileSync(path.join(SCHEMA_DIR, "sarif-2.1.0-rtm.5.json"), "utf8"));
  assert.is(rtm5.$schema, "http://json-schema.org/draft-04/schema#");
  delete rtm5.$schema;
  rtm5.$id = rtm5.id;
  delete rtm5.id;
  // ajv's default export: draft-07 (not Ajv2020).
  const { Ajv } = require("ajv") as typeof import("ajv");
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const checkRtm5 = ajv.compile(rtm5);
  const check = (log: unknown): boolean => {
    const a = checkFinal(log);
    const b = checkRtm5(log);
    check.errors = [...(a ? [] : (checkFinal.errors ?? []).map((e: object) => ({ schema: "sarif-2.1.0.json", ...e }))), ...(b ? [] : (checkRtm5.errors ?? []).map((e) => ({ schema: "rtm.5", ...e })))];
    return a && b;
  };
  check.errors = [] as unknown[];
  return check;
}

const validate = sarifValidator();

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors.slice(0, 5), null, 2));
}

test("sarif: the broken fixture's report passes the SARIF 2.1.0 schema, holds every finding, exits 1 (golden)", async () => {
  const r = await run(["validate", "--root", BROKEN, "--format", "sarif"]);
  assert.is(r.code, 1);
  assert.is(r.stderr, "");
  const log: Sarif.Log = JSON.parse(r.stdout);
  assertValid(log);
  const json = JSON.parse((await run(["validate", "--root", BROKEN, "--format", "json"])).stdout);
  const results = log.runs[0]!.results!;
  assert.is(results.length, json.findings.length);
  assert.equal(
    results.map((x) => `${x.ruleId}|${x.level}|${x.locations![0]!.physicalLocation!.artifactLocation!.uri}:${x.locations![0]!.physicalLocation!.region!.startLine}`),
    // The fixture is a folder of the toolkit's repository: its files are named from the repository's top, as code scanning reads them.
    json.findings.map((f: { rule: string; severity: string; file: string; line: number }) => `${f.rule}|${f.severity === "info" ? "note" : f.severity}|test/fixtures/datasets/broken/${f.file}:${f.line}`),
  );
  assertGolden("validate-broken.sarif", r.stdout);
});

test("sarif: the schema check is not vacuous (a level SARIF does not know fails it)", async () => {
  const log = JSON.parse((await run(["validate", "--root", BROKEN, "--format", "sarif"])).stdout);
  log.runs[0].results[0].level = "info";
  assert.not.ok(validate(log));
  // Each schema on its own: the final one knows a GUID's format (rtm.5 a pattern), and both know the version.
  for (const bad of [{ guid: "not-a-guid" }, { correlationGuid: "1234" }]) {
    const copy = JSON.parse(JSON.stringify(log));
    copy.runs[0].results[0].level = "note";
    Object.assign(copy.runs[0].results[0], bad);
    assert.not.ok(validate(copy));
    assert.ok(validate.errors.some((e) => (e as { schema: string }).schema === "sarif-2.1.0.json"), JSON.stringify(validate.errors));
  }
});

test("sarif: rule metadata as code scanning reads it; ruleIndex points at the result's rule", async () => {
  const log: Sarif.Log = JSON.parse((await run(["validate", "--root", BROKEN, "--format", "sarif"])).stdout);
  const run0 = log.runs[0]!;
  const rules = run0.tool.driver.rules!;
  assert.equal(
    rules.map((r) => r.id),
    RULES.map((r) => r.meta.id),
  );
  for (const rule of rules) {
    assert.ok(rule.shortDescription?.text, rule.id);
    assert.ok(rule.fullDescription?.text, rule.id);
    assert.ok(rule.help?.text && rule.help.markdown, rule.id);
    assert.ok(["error", "warning", "note"].includes(rule.defaultConfiguration!.level!), rule.id);
  }
  assert.is(run0.columnKind, "utf16CodeUnits");
  for (const result of run0.results!) {
    assert.is(rules[result.ruleIndex!]!.id, result.ruleId);
    const loc = result.locations![0]!.physicalLocation!;
    assert.is(loc.artifactLocation!.uriBaseId, "%SRCROOT%");
    assert.ok(!loc.artifactLocation!.uri!.startsWith("/"), "relative to the repository");
    assert.ok(loc.region!.startLine! >= 1 && loc.region!.startColumn! >= 1);
    assert.match(result.partialFingerprints![FINGERPRINT_KEY]!, /^[0-9a-f]{32}:\d+$/);
  }
});

test("sarif: a dataset in a subfolder of its repository is named from the repository's top; one at the top, or in no repository, as it is", async () => {
  const top = mkdtempSync(path.join(tmpdir(), "eventwire-sarif-top-"));
  try {
    const sub = path.join(top, "my datasets", "news");
    for (const [rel, content] of Object.entries({ ...REGISTRY, [EVENT_PATH]: editEvent('start: "2023-02-28"', 'start: "2023-02-30"') })) {
      execFileSync("mkdir", ["-p", path.dirname(path.join(sub, rel))]);
      writeFileSync(path.join(sub, rel), content);
    }
    const uris = async (cwd: string, root: string) => {
      const log: Sarif.Log = JSON.parse((await run(["validate", "--root", root, "--format", "sarif"], { cwd })).stdout);
      assertValid(log);
      return [...new Set(log.runs[0]!.results!.map((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri))];
    };
    // In no repository: relative to the dataset's root.
    assert.equal(await uris(top, sub), [EVENT_PATH]);
    execFileSync("git", ["init", "-q", top]);
    // From the repository's top, whatever the working folder; each segment percent-encoded.
    assert.equal(await uris(sub, "."), [`my%20datasets/news/${EVENT_PATH}`]);
    assert.equal(await uris(top, sub), [`my%20datasets/news/${EVENT_PATH}`]);
    // A linked work tree or a submodule has a .git file: the dataset at its top is named as it is.
    writeFileSync(path.join(sub, ".git"), "gitdir: ../../.git/modules/news\n");
    assert.equal(await uris(top, sub), [EVENT_PATH]);
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
});

test("sarif: a finding about another file has it as a related location; fingerprints do not move with lines", async () => {
  // The example event again, in another month: id-unique, related to the first.
  const moved = editEvent('start: "2023-02-28"', 'start: "2024-05-01"').replace('published: "2023-02-28"', 'published: "2024-05-01"');
  const other = "data/events/2024/05/ev-p6w7bxbz.yaml";
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, [other]: moved });
  try {
    const first: Sarif.Log = JSON.parse((await run(["validate", "--format", "sarif"], { cwd: root })).stdout);
    assertValid(first);
    const dup = (log: Sarif.Log) => log.runs[0]!.results!.find((x) => x.ruleId === "id-unique" && x.locations![0]!.physicalLocation!.artifactLocation!.uri === other)!;
    const before = dup(first);
    assert.ok(before, "an id-unique finding on the moved copy");
    const related = before.relatedLocations!;
    assert.is(related.length, 1);
    assert.is(related[0]!.physicalLocation!.artifactLocation!.uri, EVENT_PATH);
    assert.equal(related[0]!.physicalLocation!.region, { startLine: 2, startColumn: 5 });
    // Two comment lines on top move the finding two lines down: its fingerprint stays.
    writeFileSync(path.join(root, other), "# copied by hand\n# to be merged\n" + moved);
    const second: Sarif.Log = JSON.parse((await run(["validate", "--format", "sarif"], { cwd: root })).stdout);
    const after = dup(second);
    assert.is(after.locations![0]!.physicalLocation!.region!.startLine, before.locations![0]!.physicalLocation!.region!.startLine! + 2);
    assert.equal(after.partialFingerprints, before.partialFingerprints);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("sarif: fingerprints leave out positions quoted in a message; identical findings are told apart by rank", () => {
  const base: Finding = { file: "data/events/2023/02/ev-p6w7bxbz.yaml", line: 5, column: 3, rule: "evidence-quote", severity: "warning", pointer: "/evidence/0/quote", message: "closest passage (line 12, column 3)" };
  const moved: Finding = { ...base, line: 9, message: "closest passage (line 40, column 7)" };
  const other: Finding = { ...base, pointer: "/evidence/1/quote" };
  const prints = (findings: Finding[]) =>
    (JSON.parse(formatSarif(findings, summarize(findings, 1, 1), "0.0.0")) as Sarif.Log).runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]!);
  const [a] = prints([base]);
  const [b] = prints([moved]);
  assert.is(a, b);
  const [c, d, e] = prints([base, base, other]);
  assert.is(c, a);
  assert.is(d, a!.replace(/:1$/, ":2"));
  assert.is.not(e!.split(":")[0], a!.split(":")[0]);
});

test("sarif: a message is plain text: brackets and backslashes escaped (a value written as [x](1) is no link); a byte offset leaves the fingerprint", () => {
  const finding: Finding = { file: "data/a.yaml", line: 1, column: 1, rule: "file-encoding", severity: "error", pointer: "", message: "got `[x](1)` and `a\\b`, first at byte 40" };
  const log = JSON.parse(formatSarif([finding, { ...finding, message: "got `[x](1)` and `a\\b`, first at byte 7" }], summarize([finding], 1, 1), "0.0.0")) as Sarif.Log;
  const [one, two] = log.runs[0]!.results!;
  assert.is(one!.message.text, "got `\\[x\\](1)` and `a\\\\b`, first at byte 40");
  assert.is(one!.partialFingerprints![FINGERPRINT_KEY]!.split(":")[0], two!.partialFingerprints![FINGERPRINT_KEY]!.split(":")[0]);
});

test("-o/--output-file: every format goes to the file, nothing to stdout, exit code unchanged", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-out-"));
  try {
    for (const format of ["pretty", "json", "github", "sarif"]) {
      const stdout = await run(["validate", "--root", BROKEN, "--format", format]);
      const file = path.join(dir, `report.${format}`);
      const r = await run(["validate", "--root", BROKEN, "--format", format, "-o", file]);
      assert.is(r.code, 1, format);
      assert.is(r.stdout, "", format);
      assert.is(readFileSync(file, "utf8"), stdout.stdout, format);
    }
    // The long name, a relative path (from the current folder), a folder that does not exist yet, a clean run: exit 0.
    const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
    try {
      const r = await run(["validate", "--output-file", "out/report.sarif", "--format", "sarif"], { cwd: root });
      assert.is(r.code, 0, r.stderr);
      assertValid(JSON.parse(readFileSync(path.join(root, "out/report.sarif"), "utf8")));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    // A file that is replaced is replaced whole, and no temporary file is left beside it.
    writeFileSync(path.join(dir, "old.json"), "x".repeat(100000));
    await run(["validate", "--root", BROKEN, "--format", "json", "-o", path.join(dir, "old.json")]);
    JSON.parse(readFileSync(path.join(dir, "old.json"), "utf8"));
    assert.equal(readdirSync(dir).filter((f) => f.endsWith(".tmp")), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("-o/--output-file: through a link the file it names is written (the link stays); a FIFO is written to, not replaced", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-out-"));
  try {
    const expected = (await run(["validate", "--root", BROKEN, "--format", "json"])).stdout;
    writeFileSync(path.join(dir, "target.json"), "old\n");
    symlinkSync("target.json", path.join(dir, "link.json"));
    assert.is((await run(["validate", "--root", BROKEN, "--format", "json", "-o", path.join(dir, "link.json")])).code, 1);
    assert.ok(lstatSync(path.join(dir, "link.json")).isSymbolicLink(), "the link is still a link");
    assert.is(readFileSync(path.join(dir, "target.json"), "utf8"), expected);
    const fifo = path.join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    // A reader on the FIFO (cat) gets the report; the FIFO stays a FIFO.
    const reader = spawn("cat", [fifo], { stdio: ["ignore", "pipe", "ignore"] });
    let got = "";
    reader.stdout!.on("data", (chunk: Buffer) => (got += chunk.toString("utf8")));
    const ended = new Promise((resolve) => reader.once("exit", resolve));
    assert.is((await run(["validate", "--root", BROKEN, "--format", "json", "-o", fifo])).code, 1);
    await ended;
    assert.is(got, expected);
    assert.ok(lstatSync(fifo).isFIFO(), "the FIFO is still a FIFO");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("-o/--output-file: a place that cannot be written is exit 2 with a message; an empty name is a usage error", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-out-"));
  try {
    const r = await run(["validate", "--root", BROKEN, "-o", dir]);
    assert.is(r.code, 2);
    assert.match(r.stderr, /could not write the report to/);
    const empty = await run(["validate", "--root", BROKEN, "--output-file="]);
    assert.is(empty.code, 2);
    assert.match(empty.stderr, /--output-file needs a file name/);
    assert.not.ok(existsSync(path.join(dir, "report")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("sarif: a finding with a fix carries it as SARIF fixes (the edits --fix makes, by line and column); the log still passes the schema", async () => {
  const code = editEvent('schema_version: "1.3.0"', "schema_version: 1.3  # bare", editEvent("  - actor: antony-blinken\n", "  - actor: 'antony-blinkn'\n"));
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: code });
  try {
    const r = await run(["validate", "--root", root, "--format", "sarif"], { env: { EVENTWIRE_TODAY: "2026-11-27" } });
    assert.is(r.code, 1);
    const log: Sarif.Log = JSON.parse(r.stdout);
    assertValid(log);
    const fixes = Object.fromEntries(log.runs[0]!.results!.map((x) => [x.ruleId, x.fixes]));
    assert.equal(fixes["actor-known"], [
      {
        description: { text: 'Write "antony-blinken" at /actors/0/actor (eventwire validate --fix).' },
        artifactChanges: [
          {
            artifactLocation: { uri: EVENT_PATH, uriBaseId: "%SRCROOT%" },
            replacements: [{ deletedRegion: { startLine: 12, startColumn: 12, endLine: 12, endColumn: 27 }, insertedContent: { text: "'antony-blinken'" } }],
          },
        ],
      },
    ]);
    assert.equal(fixes["schema-version"]![0]!.artifactChanges[0]!.replacements![0], { deletedRegion: { startLine: 1, startColumn: 17, endLine: 1, endColumn: 20 }, insertedContent: { text: '"1.3.0"' } });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
