/** `validate --changed`: only the files changed against a git base, with the whole dataset behind them. */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, renameSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { git } from "../helpers/git.ts";
import { run } from "../helpers/run.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";



/** A repository whose main branch holds the registry, the example event and one old problem. */
function repo(): string {
  const root = writeDataset({
    ...REGISTRY,
    [EVENT_PATH]: EVENT_YAML,
    // Already on main, and wrong: --changed must not report it.
    "data/events/2023/01/ev-old00000.yaml": "title: [unclosed\n",
  });
  git(root, "init", "-q", "-b", "main");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "base");
  git(root, "checkout", "-q", "-b", "feature");
  return root;
}

/**
 * The CLI as a user runs it, in a process of its own: its exit code and its
 * message, which in-process runs under the test loader may prefix with
 * "internal error" (two copies of the modules, so UsageError is not one class).
 */
function eventwire(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(TOOLKIT_ROOT, "bin", "eventwire.js"), ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files = (stdout: string) => [...new Set(JSON.parse(stdout).findings.map((f: { file: string; rule: string }) => `${f.file}|${f.rule}`))];

test("only changed files are reported; cross-record rules still see unchanged files", async () => {
  const root = repo();
  try {
    // A new file reusing the id of an event already on main: only the whole dataset reveals it.
    writeFileSync(path.join(root, "data/events/2023/02/copy.yaml"), EVENT_YAML);
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "copy");
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 1);
    assert.match(r.stderr, /Checking 1 changed and 0 deleted files under data\/ since [0-9a-f]{12} \(merge base with main\)/);
    assert.equal(files(r.stdout), ["data/events/2023/02/copy.yaml|file-name", "data/events/2023/02/copy.yaml|id-unique", "data/events/2023/02/copy.yaml|probable-duplicate"]);
    assert.is(JSON.parse(r.stdout).summary.files, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a probable duplicate a day apart in the month before is found: the days around a changed event's date are read", async () => {
  const root = repo();
  try {
    // The example event (2023-02-28, on main, unchanged) reported again under another id, dated the next day: in 2023/03.
    const next = editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2").replace('start: "2023-02-28"', 'start: "2023-03-01"');
    mkdirSync(path.join(root, "data/events/2023/03"), { recursive: true });
    writeFileSync(path.join(root, "data/events/2023/03/ev-dwgqbce2.yaml"), next);
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    const report = JSON.parse(r.stdout);
    assert.equal(
      report.findings.filter((f: { rule: string }) => f.rule === "probable-duplicate").map((f: { file: string; rule: string; line: number; column: number; message: string }) => `${f.file}|${f.rule}@${f.line}:${f.column} ${f.message}`),
      [
        "data/events/2023/03/ev-dwgqbce2.yaml|probable-duplicate@9:13 This event is probably the same as `data/events/2023/02/ev-p6w7bxbz.yaml`: same type and mode, start dates a day apart, countries in common: KAZ; 2 of 2 actors shared.",
      ],
    );
    assert.equal(report.findings.find((f: { rule: string }) => f.rule === "probable-duplicate").related, [{ file: "data/events/2023/02/ev-p6w7bxbz.yaml", pointer: "/event_type", line: 9, column: 13 }]);
    // Its other finding: a source published the day before the event started.
    assert.equal(files(r.stdout), ["data/events/2023/03/ev-dwgqbce2.yaml|published-after-start", "data/events/2023/03/ev-dwgqbce2.yaml|probable-duplicate"].sort());
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("source-consistent: a changed event is compared with the events read beside it (the days around its date), never with what is not read", async () => {
  const root = repo();
  try {
    // The example's DW page, cited without its `published` by protests (no probable duplicate) on the 10th and on the 28th.
    const cite = (id: string, start: string) =>
      editEvent("id: ev-p6w7bxbz", `id: ${id}`).replace('start: "2023-02-28"', `start: "${start}"`).replace("event_type: CONSULT\nmode: multilateral\n", "event_type: PROTEST\n").replace('    published: "2023-02-28"\n', "");
    const consistent = async (args: string[]) =>
      JSON.parse((await run(["validate", ...args, "--format", "json"], { cwd: root })).stdout)
        .findings.filter((f: { rule: string }) => f.rule === "source-consistent")
        .map((f: { file: string; line: number; column: number; message: string; related: { file: string; pointer: string }[] }) => `${f.file}@${f.line}:${f.column} ${f.message} ${f.related.map((r) => `${r.file}#${r.pointer}`).join(",")}`);
    const tenth = "data/events/2023/02/ev-src11111.yaml";
    writeFileSync(path.join(root, tenth), cite("ev-src11111", "2023-02-10"));
    // The unchanged example (2023-02-28) is not read for an event of the 10th: not compared.
    assert.equal(await consistent(["--changed"]), []);
    // The whole dataset compares every event that cites the page: both are told.
    assert.equal(await consistent([]), [
      "data/events/2023/02/ev-p6w7bxbz.yaml@25:16 This event describes `https://p.dw.com/p/4O4UG` otherwise than `data/events/2023/02/ev-src11111.yaml` does: published left out there, \"2023-02-28\" here. data/events/2023/02/ev-src11111.yaml#/sources/0/url",
      `${tenth}@23:10 This event describes \`https://p.dw.com/p/4O4UG\` otherwise than \`data/events/2023/02/ev-p6w7bxbz.yaml\` does: published \"2023-02-28\" there, left out here. data/events/2023/02/ev-p6w7bxbz.yaml#/sources/0/published`,
    ]);
    // A changed event of the 28th has the example read: the changed events are compared with it, and its own finding (no target) is not reported.
    writeFileSync(path.join(root, "data/events/2023/02/ev-src00000.yaml"), cite("ev-src00000", "2023-02-28"));
    assert.equal(await consistent(["--changed"]), [
      "data/events/2023/02/ev-src00000.yaml@23:10 This event describes `https://p.dw.com/p/4O4UG` otherwise than `data/events/2023/02/ev-p6w7bxbz.yaml` does: published \"2023-02-28\" there, left out here. data/events/2023/02/ev-p6w7bxbz.yaml#/sources/0/published",
      `${tenth}@23:10 This event describes \`https://p.dw.com/p/4O4UG\` otherwise than \`data/events/2023/02/ev-p6w7bxbz.yaml\` does: published \"2023-02-28\" there, left out here. data/events/2023/02/ev-p6w7bxbz.yaml#/sources/0/published`,
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("an id reused in another month is found without listing every event", async () => {
  const root = repo();
  try {
    // Untracked, and in a month of its own: the event it collides with (2023/02) is outside the months read.
    const moved = editEvent('start: "2023-02-28"', 'start: "2024-05-01"').replace('published: "2023-02-28"', 'published: "2024-05-01"');
    mkdirSync(path.join(root, "data/events/2024/05"), { recursive: true });
    writeFileSync(path.join(root, "data/events/2024/05/ev-p6w7bxbz.yaml"), moved);
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 1);
    assert.equal(files(r.stdout), ["data/events/2024/05/ev-p6w7bxbz.yaml|id-unique"]);
    const finding = JSON.parse(r.stdout).findings[0];
    assert.match(finding.message, /data\/events\/2023\/02\/ev-p6w7bxbz\.yaml/);
    // The other file's place is given too (line 2 holds its id).
    assert.equal(finding.related, [{ file: "data/events/2023/02/ev-p6w7bxbz.yaml", pointer: "/id", line: 2, column: 5 }]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("uncommitted and untracked changes count; a clean branch has nothing to check", async () => {
  const root = repo();
  try {
    const clean = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(clean.code, 0);
    assert.is(JSON.parse(clean.stdout).summary.files, 0);
    assert.match(JSON.parse(clean.stdout).summary.scope, /^0 changed and 0 deleted files under data\/ since [0-9a-f]{12} \(merge base with main\)$/);
    writeFileSync(path.join(root, EVENT_PATH), editEvent("precision: day", "precision: days"));
    writeFileSync(path.join(root, "data/notes.txt"), "untracked\n");
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 1);
    assert.equal(files(r.stdout), ["data/events/2023/02/ev-p6w7bxbz.yaml|schema", "data/notes.txt|file-unexpected"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a new symbolic link is reported, never followed", async () => {
  const root = repo();
  try {
    symlinkSync("/etc/passwd", path.join(root, "data/events/2023/02/ev-zzzzzzzz.yaml"));
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 1);
    assert.equal(files(r.stdout), ["data/events/2023/02/ev-zzzzzzzz.yaml|file-symlink"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a tracked record replaced by a FIFO is a finding, never opened (opening it would wait for ever)", async () => {
  const root = repo();
  try {
    unlinkSync(path.join(root, EVENT_PATH));
    execFileSync("mkfifo", [path.join(root, EVENT_PATH)]);
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 1);
    assert.equal(files(r.stdout), [`${EVENT_PATH}|file-type`]);
    assert.match(JSON.parse(r.stdout).findings[0].message, "a FIFO (named pipe), not a regular file; it was not read");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("with paths as well, a deleted file under them is still a finding", async () => {
  const root = repo();
  try {
    unlinkSync(path.join(root, "data/events/2023/01/ev-old00000.yaml"));
    const inside = await run(["validate", "--changed", "--format", "json", "data/events"], { cwd: root });
    assert.is(inside.code, 1);
    assert.equal(files(inside.stdout), ["data/events/2023/01/ev-old00000.yaml|record-deleted"]);
    const glob = await run(["validate", "--changed", "--format", "json", "data/events/2023/*/*.yaml"], { cwd: root });
    assert.equal(files(glob.stdout), ["data/events/2023/01/ev-old00000.yaml|record-deleted"]);
    const elsewhere = await run(["validate", "--changed", "--format", "json", "data/actors"], { cwd: root });
    assert.is(elsewhere.code, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("an unchanged symbolic link in the month of a changed event is not read either", async () => {
  const root = repo();
  const outside = mkdtempSync(path.join(tmpdir(), "eventwire-outside-"));
  try {
    // Outside the repository: a copy of the example event under another id, which a read would reveal as a duplicate.
    writeFileSync(path.join(outside, "e.yaml"), editEvent("id: ev-p6w7bxbz", "id: ev-yyyyyyyy"));
    git(root, "checkout", "-q", "main");
    symlinkSync(path.join(outside, "e.yaml"), path.join(root, "data/events/2023/02/ev-yyyyyyyy.yaml"));
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "link");
    git(root, "checkout", "-q", "feature");
    git(root, "merge", "-q", "main");
    writeFileSync(path.join(root, EVENT_PATH), editEvent("title: Blinken meets", "title: Blinken talks with"));
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 0, r.stdout);
    assert.equal(files(r.stdout), [], "nothing read through the link");
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test("a month folder that is a symbolic link is not read through", async () => {
  const root = repo();
  const outside = mkdtempSync(path.join(tmpdir(), "eventwire-outside-"));
  try {
    // Outside the repository: an event with the changed event's id and date, which a read through the link would reveal.
    const moved = editEvent('start: "2023-02-28"', 'start: "2024-05-01"').replace('published: "2023-02-28"', 'published: "2024-05-01"');
    writeFileSync(path.join(outside, "ev-p6w7bxbz.yaml"), moved);
    git(root, "checkout", "-q", "main");
    mkdirSync(path.join(root, "data/events/2024"), { recursive: true });
    symlinkSync(outside, path.join(root, "data/events/2024/05"));
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "linked month");
    git(root, "checkout", "-q", "feature");
    git(root, "merge", "-q", "main");
    // A changed event of that month, in its own (real) folder: the file-name rule objects, nothing else may.
    mkdirSync(path.join(root, "data/events/2024/06"), { recursive: true });
    writeFileSync(path.join(root, "data/events/2024/06/ev-qqqqqqqq.yaml"), moved.replace("id: ev-p6w7bxbz", "id: ev-qqqqqqqq"));
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.equal(files(r.stdout), ["data/events/2024/06/ev-qqqqqqqq.yaml|file-name"], "nothing read through the link");
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test("a path given with --changed that matches nothing is a usage error", async () => {
  const root = repo();
  try {
    // `mian` is no commit: it is taken as a path, as without --changed.
    const r = await run(["validate", "--changed", "mian"], { cwd: root });
    assert.is(r.code, 2);
    assert.match(r.stderr, /no files match `mian`/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("retracting an event rechecks the events that name it as their original", async () => {
  const root = repo();
  try {
    const other = "data/events/2021/05/ev-dddddddd.yaml";
    git(root, "checkout", "-q", "main");
    mkdirSync(path.join(root, "data/events/2021/05"), { recursive: true });
    const duplicate = editEvent("status: active", "status: duplicate\nduplicate_of: ev-p6w7bxbz", editEvent("id: ev-p6w7bxbz", "id: ev-dddddddd"))
      .replaceAll("2023-02-28", "2021-05-03")
      // Its source is the original's page, described alike (source-consistent).
      .replace('published: "2021-05-03"', 'published: "2023-02-28"');
    writeFileSync(path.join(root, other), duplicate);
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "duplicate");
    git(root, "checkout", "-q", "feature");
    git(root, "merge", "-q", "main");
    writeFileSync(path.join(root, EVENT_PATH), editEvent("status: active", "status: retracted\nretraction_reason: The source withdrew the report."));
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 1, r.stdout);
    assert.equal(files(r.stdout), [`${other}|duplicate-of`]);
    assert.match(r.stderr, /and 1 event naming an event no longer active/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a deleted event file is a finding; a moved one is not", async () => {
  const root = repo();
  try {
    unlinkSync(path.join(root, "data/events/2023/01/ev-old00000.yaml"));
    mkdirSync(path.join(root, "data/events/2023/03"));
    renameSync(path.join(root, EVENT_PATH), path.join(root, "data/events/2023/03/ev-p6w7bxbz.yaml"));
    const r = await run(["validate", "--changed=main", "--format", "json"], { cwd: root });
    assert.is(r.code, 1);
    assert.equal(files(r.stdout), ["data/events/2023/01/ev-old00000.yaml|record-deleted", "data/events/2023/03/ev-p6w7bxbz.yaml|file-name"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a changed registry entry rechecks every event that may refer to it", async () => {
  const root = repo();
  try {
    unlinkSync(path.join(root, "data/actors/kazakhstan.yaml"));
    const r = await run(["validate", "--changed", "main", "--format", "json"], { cwd: root });
    assert.is(r.code, 1);
    assert.match(r.stderr, /and every event \(2 more files\), because registry entries changed \(data\/actors\/kazakhstan\.yaml\)\./);
    const found = files(r.stdout);
    assert.ok(found.includes(`${EVENT_PATH}|actor-known`), found.join(", "));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("usage errors: no repository, an unknown ref, a shallow clone without the base (exit 2)", async () => {
  const plain = writeDataset({ ...REGISTRY });
  const root = repo();
  const shallow = mkdtempSync(path.join(tmpdir(), "eventwire-shallow-"));
  try {
    const noRepo = await run(["validate", "--changed"], { cwd: plain, env: { GIT_CEILING_DIRECTORIES: path.dirname(plain) } });
    assert.is(noRepo.code, 2);
    assert.match(noRepo.stderr, /needs a git repository/);
    const unknown = await run(["validate", "--changed=no-such-branch"], { cwd: root });
    assert.is(unknown.code, 2);
    assert.match(unknown.stderr, /`no-such-branch` is not a commit/);
    writeFileSync(path.join(root, "data/events/2023/02/ev-aaaaaaaa.yaml"), EVENT_YAML);
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "one");
    writeFileSync(path.join(root, "data/events/2023/02/ev-bbbbbbbb.yaml"), EVENT_YAML);
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "two");
    git(root, "checkout", "-q", "main");
    git(tmpdir(), "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "feature", `file://${root}`, path.join(shallow, "c"));
    const r = await run(["validate", "--changed"], { cwd: path.join(shallow, "c") });
    assert.is(r.code, 2);
    assert.match(r.stderr, /no common commit in this clone\. This clone is shallow\. In GitHub Actions give actions\/checkout `fetch-depth: 0`/);
    assert.not.match(r.stderr, /\n\s+at /);
  } finally {
    for (const d of [plain, root, shallow]) rmSync(d, { recursive: true, force: true });
  }
});

// The DW page the example event quotes, and another text: the manifest says which is the page's.
const PAGE = readFileSync(path.join(TOOLKIT_ROOT, "data/texts/dw-2023-02-28-blinken-central-asia.txt"));
const OTHER = Buffer.from("Another page altogether.\n");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const manifest = (pageFile: string, otherFile: string) =>
  JSON.stringify(
    {
      texts: [
        { file: pageFile, url: "https://p.dw.com/p/4O4UG", sha256: sha(pageFile === "dw.txt" ? PAGE : OTHER) },
        { file: otherFile, url: "https://example.org/other", sha256: sha(otherFile === "dw.txt" ? PAGE : OTHER) },
      ],
    },
    null,
    2,
  ) + "\n";

test("a change to the kept texts alone rechecks every event and every kept text", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, "data/texts/dw.txt": PAGE, "data/texts/other.txt": OTHER, "data/texts/manifest.json": manifest("dw.txt", "other.txt") });
  try {
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "base");
    git(root, "checkout", "-q", "-b", "feature");
    const before = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(before.code, 0, before.stdout);
    assert.equal(JSON.parse(before.stdout).summary.evidence, { checked: 0, notChecked: 0 });
    // The manifest alone: the page's URL now leads to the other text, where the event's quote is not.
    writeFileSync(path.join(root, "data/texts/manifest.json"), manifest("other.txt", "dw.txt"));
    const swapped = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(swapped.code, 1, swapped.stdout);
    // The other text has neither the quote, nor the agencies the record's via names, nor its headline, nor its date.
    assert.equal(files(swapped.stdout).sort(), [`${EVENT_PATH}|evidence-quote`, `${EVENT_PATH}|published-shown`, `${EVENT_PATH}|title-shown`, `${EVENT_PATH}|via-credited`]);
    assert.match(swapped.stderr, /Checking 1 changed and 0 deleted files under data\/ since [0-9a-f]{12} \(merge base with main\), and every event and every kept text \(3 more files\), because kept texts changed \(data\/texts\/manifest\.json\)\./);
    // The report says it too: the JSON summary's scope, and the pretty report's summary at its top, after the verdict.
    assert.match(JSON.parse(swapped.stdout).summary.scope, /^1 changed and 0 deleted files .* because kept texts changed \(data\/texts\/manifest\.json\)$/);
    const pretty = await run(["validate", "--changed"], { cwd: root });
    assert.match(pretty.stdout, /^[^\n]+\n(?:Evidence: [^\n]+\n)?Scope: 1 changed and 0 deleted files under data\/ since [0-9a-f]{12} \(merge base with main\), and every event and every kept text \(3 more files\), because kept texts changed \(data\/texts\/manifest\.json\)\.\n/);
    // A kept text alone, changed under its hash: the manifest reports it, the evidence counts as not checked.
    git(root, "checkout", "-q", "--", "data/texts/manifest.json");
    writeFileSync(path.join(root, "data/texts/dw.txt"), Buffer.concat([PAGE, Buffer.from("x")]));
    const edited = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(edited.code, 1, edited.stdout);
    assert.equal(files(edited.stdout), ["data/texts/manifest.json|text-manifest"]);
    assert.equal(JSON.parse(edited.stdout).summary.evidence, { checked: 0, notChecked: 2 });
    assert.match(edited.stderr, /because kept texts changed \(data\/texts\/dw\.txt\)/);
    // A kept text deleted: the same.
    git(root, "checkout", "-q", "--", "data/texts/dw.txt");
    unlinkSync(path.join(root, "data/texts/dw.txt"));
    const gone = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(gone.code, 1, gone.stdout);
    assert.equal(files(gone.stdout), ["data/texts/manifest.json|text-manifest"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a change to the configuration rechecks every file under data/; schema/ outside the toolkit's repository is not the schemas", async () => {
  const root = repo();
  try {
    mkdirSync(path.join(root, "schema"));
    writeFileSync(path.join(root, "schema/notes.yaml"), "not the toolkit's\n");
    const schema = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(schema.code, 0, schema.stdout);
    assert.is(JSON.parse(schema.stdout).summary.files, 0);
    writeFileSync(path.join(root, "eventwire.config.yaml"), "rules: {}\n");
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(r.code, 1, r.stdout);
    // The old problem on main is found: the whole dataset was checked.
    assert.equal(files(r.stdout), ["data/events/2023/01/ev-old00000.yaml|syntax"]);
    assert.is(JSON.parse(r.stdout).summary.files, 7);
    assert.match(r.stderr, /and every file under data\/ \(7 more files\), because the configuration changed \(eventwire\.config\.yaml\)/);
    // With paths given, the widened set stays inside them.
    const some = await run(["validate", "--changed", "--format", "json", "data/actors"], { cwd: root });
    assert.is(some.code, 0, some.stdout);
    assert.is(JSON.parse(some.stdout).summary.files, 2);
    assert.match(some.stderr, /and every file under data\/ under the paths given \(2 more files\)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--config <path>: a change to the file it names rechecks every file under data/, as one to eventwire.config.yaml does", async () => {
  const root = repo();
  try {
    mkdirSync(path.join(root, "conf"));
    writeFileSync(path.join(root, "conf/strict.yaml"), "rules: {}\n");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "config");
    // The configuration is on the base too: nothing changed yet.
    git(root, "branch", "-f", "main", "HEAD");
    const before = await run(["validate", "--changed", "--config", "conf/strict.yaml", "--format", "json"], { cwd: root });
    assert.is(before.code, 0, before.stdout + before.stderr);
    assert.is(JSON.parse(before.stdout).summary.files, 0);
    writeFileSync(path.join(root, "conf/strict.yaml"), "rules:\n  file-bom: warn\n");
    const r = await run(["validate", "--changed", "--config", "conf/strict.yaml", "--format", "json"], { cwd: root });
    assert.is(r.code, 1, r.stdout);
    assert.equal(files(r.stdout), ["data/events/2023/01/ev-old00000.yaml|syntax"]);
    assert.is(JSON.parse(r.stdout).summary.files, 7);
    assert.match(r.stderr, /and every file under data\/ \(7 more files\), because the configuration changed \(conf\/strict\.yaml\)/);
    // Named from a folder below the root, the same file.
    const below = await run(["validate", "--root", "..", "--changed", "--config", "strict.yaml", "--format", "json"], { cwd: path.join(root, "conf") });
    assert.is(JSON.parse(below.stdout).summary.files, 7, below.stderr);
    // Without --config, that file is no configuration: it widens nothing.
    const plain = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(JSON.parse(plain.stdout).summary.files, 0, plain.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("origin/HEAD pointing at the current branch: the base is another branch, or none (exit 2)", async () => {
  const root = repo();
  const clones = mkdtempSync(path.join(tmpdir(), "eventwire-clones-"));
  try {
    // A broken record, committed on feature; the upstream's HEAD is feature, so the clone's origin/HEAD is origin/feature.
    writeFileSync(path.join(root, EVENT_PATH), editEvent("precision: day", "precision: days"));
    git(root, "commit", "-q", "-am", "broken");
    git(tmpdir(), "clone", "-q", `file://${root}`, path.join(clones, "all"));
    const all = path.join(clones, "all");
    assert.is(git(all, "symbolic-ref", "refs/remotes/origin/HEAD").trim(), "refs/remotes/origin/feature");
    const r = await run(["validate", "--changed", "--format", "json"], { cwd: all });
    assert.is(r.code, 1, r.stdout);
    assert.equal(files(r.stdout), [`${EVENT_PATH}|schema`]);
    assert.match(r.stderr, /\(merge base with origin\/main\)/);
    // A branch made from origin/main has it as its upstream: that is the base it is compared with, not its own branch.
    git(all, "remote", "set-head", "origin", "main");
    git(all, "checkout", "-q", "-b", "topic", "--track", "origin/main");
    writeFileSync(path.join(all, EVENT_PATH), editEvent("precision: day", "precision: weeks"));
    git(all, "commit", "-q", "-am", "topic");
    const topic = await run(["validate", "--changed", "--format", "json"], { cwd: all });
    assert.is(topic.code, 1, topic.stdout);
    assert.equal(files(topic.stdout), [`${EVENT_PATH}|schema`]);
    assert.match(topic.stderr, /\(merge base with origin\/main\)/);
    // Only the branch itself was fetched: there is no base to compare with.
    git(tmpdir(), "clone", "-q", "--single-branch", "--branch", "feature", `file://${root}`, path.join(clones, "one"));
    const one = path.join(clones, "one");
    git(one, "remote", "set-head", "origin", "feature");
    const none = eventwire(["validate", "--changed"], one);
    assert.is(none.code, 2, none.stdout);
    assert.match(none.stderr, /HEAD is on `feature`, and the default branch found \(origin\/feature\) is that branch itself, so there is nothing to compare with\. Name the base yourself: `--changed=<ref>`/);
    assert.not.match(none.stderr, /internal error|\n\s+at /);
    // The same on main itself, with no remote at all.
    git(root, "checkout", "-q", "main");
    const onMain = await run(["validate", "--changed"], { cwd: root });
    assert.is(onMain.code, 2);
    assert.match(onMain.stderr, /HEAD is on `main`, and the default branch found \(main\) is that branch itself/);
    // A detached HEAD has no branch of its own: main is a base like any other.
    git(root, "checkout", "-q", "--detach", "feature");
    const detached = await run(["validate", "--changed", "--format", "json"], { cwd: root });
    assert.is(detached.code, 1);
    assert.match(detached.stderr, /\(merge base with main\)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(clones, { recursive: true, force: true });
  }
});

test("a shallow clone: a ref past its depth says the clone is shallow and what to fetch", async () => {
  const root = repo();
  const shallow = mkdtempSync(path.join(tmpdir(), "eventwire-shallow-"));
  try {
    writeFileSync(path.join(root, EVENT_PATH), editEvent("precision: day", "precision: days"));
    git(root, "commit", "-q", "-am", "broken");
    git(tmpdir(), "clone", "-q", "--depth", "1", `file://${root}`, path.join(shallow, "c"));
    const c = path.join(shallow, "c");
    for (const argv of [["--changed", "HEAD~1"], ["--changed=HEAD~1"], ["--changed", "HEAD~1", "--"]]) {
      const r = eventwire(["validate", ...argv], c);
      assert.is(r.code, 2, argv.join(" "));
      assert.match(r.stderr, /`HEAD~1` is no(t a)? commit in this repository.*This clone is shallow\. In GitHub Actions give actions\/checkout `fetch-depth: 0`; elsewhere run `git fetch --unshallow`/, argv.join(" "));
      assert.not.match(r.stderr, /internal error|\n\s+at /);
    }
    const word = await run(["validate", "--changed", "HEAD~1"], { cwd: c });
    assert.match(word.stderr, /: no files match `HEAD~1`, and `HEAD~1` is no commit in this repository either\. This clone is shallow/);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(shallow, { recursive: true, force: true });
  }
});

test("a branch called data: `--changed data` is the folder, `--changed=data` and `--changed data --` the branch", async () => {
  const root = repo();
  try {
    writeFileSync(path.join(root, EVENT_PATH), editEvent("precision: day", "precision: days"));
    git(root, "commit", "-q", "-am", "broken");
    // The branch `data` is where feature is: compared with it, nothing changed.
    git(root, "branch", "data");
    const folder = await run(["validate", "--changed", "data", "--format", "json"], { cwd: root });
    assert.is(folder.code, 1, folder.stdout);
    assert.equal(files(folder.stdout), [`${EVENT_PATH}|schema`]);
    assert.match(folder.stderr, /`data` is read as a path \(it is one\), not as the git ref of that name: for the ref, write --changed=data\./);
    assert.match(folder.stderr, /\(merge base with main\)/);
    // Options come before `--`: what follows it are paths.
    for (const argv of [["--format", "json", "--changed=data"], ["--format", "json", "--changed", "data", "--"], ["--format", "json", "--changed", "data", "--", "data/events"]]) {
      const r = await run(["validate", ...argv], { cwd: root });
      assert.is(r.code, 0, `${argv.join(" ")}: ${r.stdout}${r.stderr}`);
      assert.is(JSON.parse(r.stdout).summary.files, 0, argv.join(" "));
      assert.match(r.stderr, /since [0-9a-f]{12} \(data\)/, argv.join(" "));
      assert.not.match(r.stderr, /read as a path/);
    }
    // A word that is no path but a commit is still the ref.
    const ref = await run(["validate", "--changed", "main", "--format", "json"], { cwd: root });
    assert.is(ref.code, 1);
    assert.match(ref.stderr, /since [0-9a-f]{12} \(main\)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a branch called data, from a folder without data/ (--root): `--changed data` is ambiguous (exit 2), never silently the branch", async () => {
  const root = repo();
  const elsewhere = mkdtempSync(path.join(tmpdir(), "eventwire-elsewhere-"));
  try {
    writeFileSync(path.join(root, EVENT_PATH), editEvent("precision: day", "precision: days"));
    git(root, "commit", "-q", "-am", "broken");
    git(root, "branch", "data");
    // From a folder with no `data` in it, and from a folder of the dataset below its root: `data` is a path of the dataset and a branch.
    for (const [cwd, args] of [
      [elsewhere, ["validate", "--root", root, "--changed", "data"]],
      [elsewhere, ["validate", "--root", root, "--changed", "data", "--format", "json", "data/events"]],
      [path.join(root, "data", "events"), ["validate", "--root", root, "--changed", "data"]],
    ] as const) {
      const r = eventwire([...args], cwd);
      assert.is(r.code, 2, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^eventwire validate: ambiguous argument `data` after --changed: both a git ref and a path in the dataset \(.*\/data\), not in the current folder; for the ref, write --changed=data \(or --changed data --\); for the path, give it from the current folder \(/, r.stderr);
      assert.is(r.stdout, "");
    }
    // Written as a ref: the branch, from anywhere.
    for (const argv of [["--changed=data"], ["--changed", "data", "--"]]) {
      const r = eventwire(["validate", "--root", root, "--format", "json", ...argv], elsewhere);
      assert.is(r.code, 0, `${argv.join(" ")}: ${r.stdout}${r.stderr}`);
      assert.is(JSON.parse(r.stdout).summary.files, 0, argv.join(" "));
      assert.match(r.stderr, /since [0-9a-f]{12} \(data\)/);
    }
    // A commit that is no path from either folder is the ref, as before; a path from the root that is no commit is a path as before (from here, outside the dataset).
    const ref = eventwire(["validate", "--root", root, "--format", "json", "--changed", "main"], elsewhere);
    assert.is(ref.code, 1, ref.stderr);
    assert.match(ref.stderr, /since [0-9a-f]{12} \(main\)/);
    const notRef = eventwire(["validate", "--root", root, "--changed", "data/events"], elsewhere);
    assert.is(notRef.code, 2, notRef.stderr);
    assert.match(notRef.stderr, /`data\/events` is outside the dataset/);
    assert.not.match(notRef.stderr, /ambiguous/);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test.run();
