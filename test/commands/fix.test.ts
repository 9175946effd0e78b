/** `validate --fix` and `--fix-dry-run` end to end: what is edited (and only that), what is not, the diff, exit codes. */
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkAndFix, planFixes } from "../../scripts/check/fix.ts";
import { checkDataset } from "../../scripts/check/run.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { discover } from "../../scripts/dataset/discover.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { assertGolden } from "../helpers/golden.ts";
import { JSON_E, JSON_EVENT, eventPath } from "../helpers/rule-cases.ts";
import { run } from "../helpers/run.ts";
import { git } from "../helpers/git.ts";

const ENV = { EVENTWIRE_TODAY: "2026-11-27" };

/** A dataset of the registry, the kept DW text (evidence-quote checks positions against it) and `files`. */
function dataset(files: Record<string, string | Buffer>): string {
  const root = writeDataset({ ...REGISTRY, ...files });
  cpSync(path.join(TOOLKIT_ROOT, "data/texts"), path.join(root, "data/texts"), { recursive: true });
  return root;
}
const read = (root: string, file: string) => readFileSync(path.join(root, file), "utf8");

/** The example event with a comment on top, a bare YAML version, an actor id and a (quoted) outlet id one letter off and a wrong evidence position, most commented. */
const BROKEN = [
  ['schema_version: "1.3.0"', "# coded from the DW page\nschema_version: 1.3   # as typed"],
  ["  - actor: antony-blinken\n", "  - actor: antony-blinkn   # a typo\n"],
  ["  - outlet: dw\n", "  - outlet: 'dww'\n"],
  ["position: { start: 558, end: 653 }", "position: { start: 550, end: 645 }  # counted by hand"],
].reduce((text, [from, to]) => editEvent(from!, to!, text), EVENT_YAML);

/** BROKEN with only its values fixed: every comment, quote style and space where it was. */
const FIXED = [
  ['schema_version: "1.3.0"', '# coded from the DW page\nschema_version: "1.3.0"   # as typed'],
  ["  - actor: antony-blinken\n", "  - actor: antony-blinken   # a typo\n"],
  ["  - outlet: dw\n", "  - outlet: 'dw'\n"],
  ["position: { start: 558, end: 653 }", "position: { start: 558, end: 653 }  # counted by hand"],
].reduce((text, [from, to]) => editEvent(from!, to!, text), EVENT_YAML);

test("--fix applies each fixable rule's fix to a YAML record, keeping comments and the rest byte for byte; the re-check finds nothing: exit 0", async () => {
  const root = dataset({ [EVENT_PATH]: BROKEN });
  try {
    const before = await run(["validate", "--root", root, "--format", "json"], { env: ENV });
    assert.is(before.code, 1);
    const rules = JSON.parse(before.stdout).findings.map((f: { rule: string; fix?: unknown }) => `${f.rule}:${f.fix ? "fix" : "-"}`);
    assert.equal(rules.sort(), ["actor-known:fix", "evidence-quote:fix", "outlet-known:fix", "schema-version:fix"]);
    const r = await run(["validate", "--root", root, "--fix"], { env: ENV });
    assert.is(r.code, 0, r.stdout);
    assert.is(read(root, EVENT_PATH), FIXED);
    assert.match(r.stdout, /^No problems \(/);
    assert.match(r.stdout, /\nFixes: 4 problems in 1 file fixed, then checked again \(2 checks in all\): what is reported remains\.\n/);
    assert.not.ok(existsSync(path.join(root, ".eventwire.tmp")), "no temporary folder is left");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--fix on a JSON record: the value replaced, its indentation and key order kept; a BOM and CRLF line ends stay", async () => {
  const json = JSON_EVENT.replace('"actor": "kazakhstan"', '"actor": "kazakhstn"').replace(/\n {2}/g, "\n    ");
  const crlf = "\ufeff" + editEvent("  - actor: kazakhstan\n", "  - actor: \"kazakhstn\"\n").replace(/\n/g, "\r\n");
  const other = eventPath("ev-bbbbbbbb", "2023-02-10");
  const root = dataset({ [JSON_E]: json, [other]: editEvent("  start: \"2023-02-28\"", "  start: \"2023-02-10\"", crlf.replace("id: ev-p6w7bxbz", "id: ev-bbbbbbbb")) });
  try {
    const r = await run(["validate", "--root", root, "--fix", "--rule", "file-bom=off", "--rule", "evidence-quote=off"], { env: { ...ENV, EVENTWIRE_THREADS: "2" } });
    assert.is(r.code, 0, r.stdout);
    assert.is(read(root, JSON_E), json.replace('"actor": "kazakhstn"', '"actor": "kazakhstan"'));
    const fixed = read(root, other);
    assert.ok(fixed.startsWith("\ufeff"), "the BOM stays");
    assert.is(fixed, editEvent("  start: \"2023-02-28\"", "  start: \"2023-02-10\"", "\ufeff" + EVENT_YAML.replace("  - actor: kazakhstan\n", '  - actor: "kazakhstan"\n').replace("id: ev-p6w7bxbz", "id: ev-bbbbbbbb").replace(/\n/g, "\r\n")));
    assert.match(r.stdout, /Fixes: 2 problems in 2 files fixed/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--fix-dry-run writes nothing and prints the fixes as a unified diff (golden), then the report; exit by the findings as they are", async () => {
  const root = dataset({ [EVENT_PATH]: BROKEN });
  try {
    const file = path.join(root, EVENT_PATH);
    const mtime = statSync(file).mtimeMs;
    const r = await run(["validate", "--root", root, "--fix-dry-run"], { env: ENV });
    assert.is(r.code, 1);
    assert.is(read(root, EVENT_PATH), BROKEN);
    assert.is(statSync(file).mtimeMs, mtime);
    assert.not.ok(existsSync(path.join(root, ".eventwire.tmp")));
    const diff = r.stdout.slice(0, r.stdout.indexOf("\n4 errors"));
    assertGolden("validate-fix-dry-run.diff", diff);
    assert.match(r.stdout, /\nFixes: 4 problems in 1 file would be fixed \(--fix-dry-run: the diff above, nothing written\)\.\n/);
    // The diff applies as git's would: the file patched is the file --fix writes.
    const patched = applyPatch(BROKEN, diff);
    assert.is(patched, FIXED);
    // A json report goes to a file beside the diff.
    const out = path.join(root, "report.json");
    const j = await run(["validate", "--root", root, "--fix-dry-run", "--format", "json", "-o", out], { env: ENV });
    assert.is(j.code, 1);
    assert.is(j.stdout, diff.replace(/\n$/, "") + "\n");
    const report = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(report.summary.fixes, { dryRun: true, applied: 4, files: 1, passes: 1, notApplied: [] });
    assert.equal(report.findings.find((f: { rule: string }) => f.rule === "actor-known").fix, { pointer: "/actors/0/actor", value: "antony-blinken" });
    assert.is(read(root, EVENT_PATH), BROKEN);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** A unified diff of one file applied to its text (enough for the diff above: its hunks in order). */
function applyPatch(text: string, diff: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let at = 0;
  for (const hunk of diff.split(/^@@ /m).slice(1)) {
    const start = Number(/^-(\d+)/.exec(hunk)![1]) - 1;
    while (at < start) out.push(lines[at++]!);
    for (const line of hunk.split("\n").slice(1)) {
      if (line.startsWith(" ")) out.push(lines[at++]!);
      else if (line.startsWith("-")) at++;
      else if (line.startsWith("+")) out.push(line.slice(1));
    }
  }
  while (at < lines.length) out.push(lines[at++]!);
  return out.join("\n");
}

test("suggestions are listed (pretty and JSON), never applied; what --fix cannot fix stays, and the exit code says so", async () => {
  // A quote one character off: evidence-quote suggests the closest passage; an id with no close entry has no fix.
  const code = editEvent("republics of Central Asia\n", "republics of Central Asja\n", editEvent("  - actor: kazakhstan\n", "  - actor: atlantis\n", BROKEN));
  const root = dataset({ [EVENT_PATH]: code });
  try {
    const r = await run(["validate", "--root", root, "--fix"], { env: ENV });
    assert.is(r.code, 1);
    const text = read(root, EVENT_PATH);
    assert.ok(text.includes("republics of Central Asja"), "the suggestion is not applied");
    assert.ok(text.includes("  - actor: atlantis\n"));
    assert.ok(text.includes("  - actor: antony-blinken   # a typo\n"), "the fix is");
    assert.match(r.stdout, /\n {2}suggestion: Quote the closest passage instead: "Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia"\.\n/);
    assert.match(r.stdout, /^2 errors, 0 warnings in 1 file/);
    assert.match(r.stdout, /Fixes: 3 problems in 1 file fixed/);
    const j = await run(["validate", "--root", root, "--format", "json"], { env: ENV });
    const drifted = JSON.parse(j.stdout).findings.find((f: { rule: string }) => f.rule === "evidence-quote");
    assert.equal(drifted.suggestions, [
      {
        message: 'Quote the closest passage instead: "Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia".',
        fix: { pointer: "/evidence/0/quote/exact", value: "Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia" },
      },
    ]);
    assert.is(drifted.fix, undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--fix with paths fixes only the files given", async () => {
  const other = eventPath("ev-bbbbbbbb", "2023-02-10");
  const second = editEvent("  start: \"2023-02-28\"", "  start: \"2023-02-10\"", BROKEN.replace("id: ev-p6w7bxbz", "id: ev-bbbbbbbb"));
  const root = dataset({ [EVENT_PATH]: BROKEN, [other]: second });
  try {
    const r = await run(["validate", "--root", root, "--fix", path.join(root, EVENT_PATH)], { env: ENV });
    assert.is(r.code, 0, r.stdout);
    assert.is(read(root, EVENT_PATH), FIXED);
    assert.is(read(root, other), second);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--fix with --changed fixes the changed files only, and checks them again", async () => {
  const other = eventPath("ev-bbbbbbbb", "2023-02-10");
  const second = editEvent("  start: \"2023-02-28\"", "  start: \"2023-02-10\"", BROKEN.replace("id: ev-p6w7bxbz", "id: ev-bbbbbbbb"));
  const root = dataset({ [EVENT_PATH]: EVENT_YAML, [other]: second });
  try {
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "base");
    writeFileSync(path.join(root, EVENT_PATH), BROKEN);
    const r = await run(["validate", "--root", root, "--changed=HEAD", "--fix"], { env: ENV });
    assert.is(r.code, 0, r.stdout + r.stderr);
    assert.is(read(root, EVENT_PATH), FIXED);
    assert.is(read(root, other), second, "an unchanged file is not fixed");
    assert.match(r.stdout, /Fixes: 4 problems in 1 file fixed, then checked again/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--fix applies the fixes of what the configuration leaves: a rule off for a file is not fixed there", async () => {
  const other = eventPath("ev-bbbbbbbb", "2023-02-10");
  const second = editEvent("  start: \"2023-02-28\"", "  start: \"2023-02-10\"", BROKEN.replace("id: ev-p6w7bxbz", "id: ev-bbbbbbbb"));
  const config = `overrides:\n  - files: [${other}]\n    rules:\n      actor-known: off\n`;
  const root = dataset({ [EVENT_PATH]: BROKEN, [other]: second, "eventwire.config.yaml": config });
  try {
    const r = await run(["validate", "--root", root, "--fix"], { env: ENV });
    assert.is(r.code, 0, r.stdout + r.stderr);
    assert.is(read(root, EVENT_PATH), FIXED);
    const fixed = read(root, other);
    assert.ok(fixed.includes("  - actor: antony-blinkn   # a typo\n"), "actor-known is off for this file: its fix is not applied");
    assert.ok(fixed.includes('schema_version: "1.3.0"'), "the other fixes are");
    assert.match(r.stdout, /Fixes: 7 problems in 2 files fixed/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--fix fixes what suppressions leave: a finding an inline directive settles keeps its value; with --suppress-all, what the fixes leave is recorded", async () => {
  const code = BROKEN.replace("  - actor: antony-blinkn", "  # eventwire-disable-next-line actor-known -- kept as the source spells it\n  - actor: antony-blinkn");
  const root = dataset({ [EVENT_PATH]: code });
  try {
    const r = await run(["validate", "--root", root, "--fix"], { env: ENV });
    assert.is(r.code, 0, r.stdout + r.stderr);
    const text = read(root, EVENT_PATH);
    assert.ok(text.includes("  - actor: antony-blinkn   # a typo\n"), "the suppressed finding's fix is not applied");
    assert.ok(text.includes('schema_version: "1.3.0"') && text.includes("  - outlet: 'dw'\n"), "the others are");
    assert.match(r.stdout, /Fixes: 3 problems in 1 file fixed/);
    // --suppress-all after --fix: only what cannot be fixed is recorded (here, nothing is left but a finding the directive settles).
    writeFileSync(path.join(root, EVENT_PATH), BROKEN.replace("  - actor: kazakhstan\n", "  - actor: atlantis\n"));
    const all = await run(["validate", "--root", root, "--fix", "--suppress-all"], { env: ENV });
    assert.is(all.code, 0, all.stdout + all.stderr);
    const recorded = JSON.parse(read(root, "eventwire-suppressions.json"));
    assert.equal(Object.keys(recorded), [EVENT_PATH]);
    assert.equal(Object.keys(recorded[EVENT_PATH]), ["actor-known"]);
    assert.is(recorded[EVENT_PATH]["actor-known"].count, 1);
    assert.ok(read(root, EVENT_PATH).includes("  - actor: antony-blinken   # a typo\n"));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a fix is not applied to a file that changed since it was checked, and the run says which and why", async () => {
  const root = dataset({ [EVENT_PATH]: BROKEN });
  try {
    const file = path.join(root, EVENT_PATH);
    const edited = BROKEN.replace("# a typo", "# a typo, edited meanwhile");
    const { result, fixes } = await checkAndFix(
      root,
      async () => {
        const checked = await checkDataset(root, await discover(root), { today: ENV.EVENTWIRE_TODAY });
        // Someone saves the file after the check has read it.
        writeFileSync(file, edited);
        return checked;
      },
      { dryRun: false, tempFolder: () => root },
    );
    assert.is(readFileSync(file, "utf8"), edited);
    assert.is(fixes.applied, 0);
    assert.equal(
      fixes.skipped.map((s) => `${s.rule}@${s.line}: ${s.reason}`),
      ["schema-version@2: the file changed on disk since it was checked", "actor-known@13: the file changed on disk since it was checked", "outlet-known@22: the file changed on disk since it was checked", "evidence-quote@37: the file changed on disk since it was checked"],
    );
    assert.is(result.findings.length, 4);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the pretty report names each fix not applied, with why; the value the rule saw must still be there", async () => {
  const root = dataset({ [EVENT_PATH]: BROKEN });
  try {
    const checked = await checkDataset(root, await discover(root), { today: ENV.EVENTWIRE_TODAY });
    // A finding whose fix was computed from another value (as if the file had been read in between) is left.
    const findings = checked.findings.map((f) => (f.rule === "actor-known" ? { ...f, fix: { ...f.fix!, old: "someone-else" } } : f));
    const plan = planFixes(root, findings);
    assert.equal(plan.skipped.map((s) => `${s.file}:${s.line}:${s.column} ${s.rule}: ${s.reason}`), [`${EVENT_PATH}:13:12 actor-known: the value is no longer what the rule saw`]);
    assert.is(plan.files[0]!.fixes, 3);
    assert.ok(plan.files[0]!.after.includes("antony-blinkn   # a typo"));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--fix with nothing to fix writes nothing, not even its folder of temporary files: a read-only dataset is fine", async () => {
  const root = dataset({ [EVENT_PATH]: EVENT_YAML });
  try {
    const r = await run(["validate", "--root", root, "--fix"], { env: ENV });
    assert.is(r.code, 0, r.stdout);
    assert.match(r.stdout, /\nFixes: 0 problems in 0 files fixed\.\n/);
    assert.not.ok(existsSync(path.join(root, ".eventwire.tmp")));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("usage errors: --fix with --fix-dry-run; --fix-dry-run with a report for machines on stdout", async () => {
  const root = dataset({ [EVENT_PATH]: BROKEN });
  try {
    const both = await run(["validate", "--root", root, "--fix", "--fix-dry-run"], { env: ENV });
    assert.is(both.code, 2);
    assert.match(both.stderr, /--fix and --fix-dry-run cannot be used together/);
    const json = await run(["validate", "--root", root, "--fix-dry-run", "--format", "json"], { env: ENV });
    assert.is(json.code, 2);
    assert.match(json.stderr, /--fix-dry-run prints the diff on stdout: write the json report to a file with -o <path>/);
    assert.is(read(root, EVENT_PATH), BROKEN);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--fix beside a json report: the report holds what remains and summary.fixes; what was fixed is said on stderr too", async () => {
  const root = dataset({ [EVENT_PATH]: editEvent("  - actor: kazakhstan\n", "  - actor: atlantis\n", BROKEN) });
  try {
    const r = await run(["validate", "--root", root, "--fix", "--format", "json"], { env: ENV });
    assert.is(r.code, 1);
    const report = JSON.parse(r.stdout);
    assert.equal(report.summary.fixes, { dryRun: false, applied: 4, files: 1, passes: 2, notApplied: [] });
    assert.equal(report.findings.map((f: { rule: string }) => f.rule), ["actor-known"]);
    assert.match(r.stderr, /^Fixes: 4 problems in 1 file fixed, then checked again/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
