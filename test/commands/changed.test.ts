/** `validate --changed`: only the files changed against a git base, with the whole dataset behind them. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, renameSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { git } from "../helpers/git.ts";
import { run } from "../helpers/run.ts";



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
      .replaceAll("2023-02-28", "2021-05-03");
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
    assert.match(r.stderr, /and every event, because registry entries changed/);
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

test.run();
