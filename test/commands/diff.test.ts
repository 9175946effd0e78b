/** `eventwire diff <base> [<head>]`: the dataset's changes between two revisions, and the findings before and after. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { git } from "../helpers/git.ts";
import { assertGolden } from "../helpers/golden.ts";
import { run } from "../helpers/run.ts";
import { main } from "../../scripts/cli.ts";
import { DIFF_MARKER } from "../../scripts/report/dataset-diff.ts";

const ENV = { EVENTWIRE_TODAY: "2026-11-27" };

/** The example event under another id, on another day (so that no two are probable duplicates), from a page of its own, with `edits` made. */
function event(id: string, day: string, ...edits: [string, string][]): string {
  let text = editEvent("id: ev-p6w7bxbz\n", `id: ${id}\n`).replace(/2023-02-28/g, `2023-02-${day}`).replace("url: https://p.dw.com/p/4O4UG", `url: https://p.dw.com/p/${id}`);
  for (const [from, to] of edits) text = editEvent(from, to, text);
  return text;
}

function commit(root: string, message: string): void {
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", message);
}

/**
 * A repository with two commits, `base` and `head` (tags), between which every kind of change happens:
 * events added, changed, moved, retracted, marked duplicate, restored, removed, re-laid out only;
 * an actor added, an outlet changed; a finding fixed and one new.
 */
function repository(): string {
  const root = writeDataset({
    ...REGISTRY,
    [EVENT_PATH]: EVENT_YAML,
    "data/events/2023/02/ev-bbbbbbbb.yaml": event("ev-bbbbbbbb", "01"),
    "data/events/2023/02/ev-cccccccc.yaml": event("ev-cccccccc", "04"),
    "data/events/2023/02/ev-dddddddd.yaml": event("ev-dddddddd", "07"),
    "data/events/2023/02/ev-eeeeeeee.yaml": event("ev-eeeeeeee", "10"),
    "data/events/2023/02/ev-ffffffff.yaml": event("ev-ffffffff", "13"),
    "data/events/2023/02/ev-gggggggg.yaml": event("ev-gggggggg", "16", ["status: active\n", "status: retracted\nretraction_reason: The report was withdrawn by its outlet.\n"]),
    // A schema error at base (an unknown status), fixed at head.
    "data/events/2023/02/ev-hhhhhhhh.yaml": event("ev-hhhhhhhh", "19", ["status: active\n", "status: activ\n"]),
  });
  git(root, "init", "-q", "-b", "main");
  commit(root, "base");
  git(root, "tag", "base");
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  write(EVENT_PATH, editEvent("title: Blinken meets the five Central Asian foreign ministers\n", "title: Blinken meets five Central Asian ministers in Astana\n"));
  write("data/events/2023/02/ev-bbbbbbbb.yaml", event("ev-bbbbbbbb", "01", ["status: active\n", "status: retracted\nretraction_reason: The report was withdrawn by its outlet.\n"]));
  write("data/events/2023/02/ev-cccccccc.yaml", event("ev-cccccccc", "04", ["status: active\n", "status: duplicate\nduplicate_of: ev-p6w7bxbz\n"]));
  unlinkSync(path.join(root, "data/events/2023/02/ev-dddddddd.yaml"));
  // Moved to March with its date: the same event (matched by id), its date changed.
  unlinkSync(path.join(root, "data/events/2023/02/ev-eeeeeeee.yaml"));
  write("data/events/2023/03/ev-eeeeeeee.yaml", event("ev-eeeeeeee", "10").replace(/2023-02-10/g, "2023-03-10"));
  // A re-layout only: the keys in another order, a value quoted otherwise, a comment: no change.
  const f = event("ev-ffffffff", "13");
  write("data/events/2023/02/ev-ffffffff.yaml", "# re-laid out\n" + f.replace("status: active\ntitle:", "title:").replace("mode: multilateral\n", "mode: 'multilateral'\nstatus: active\n"));
  write("data/events/2023/02/ev-gggggggg.yaml", event("ev-gggggggg", "16"));
  write("data/events/2023/02/ev-hhhhhhhh.yaml", event("ev-hhhhhhhh", "19"));
  // Added: a hostile title (a cell border, backticks, HTML, a mention, a newline in a quoted scalar), and an unknown outlet (a new error).
  write(
    "data/events/2023/02/ev-jjjjjjjj.yaml",
    event("ev-jjjjjjjj", "22", ["title: Blinken meets the five Central Asian foreign ministers\n", 'title: "a | b `code` <script>alert(1)</script> @someone \\nthen **bold**"\n'], ["  - outlet: dw\n", "  - outlet: dww\n"]),
  );
  write("data/actors/lindsey-graham.yaml", 'schema_version: "1.3.0"\nid: lindsey-graham\nname: Lindsey Graham @senate\nkind: person\ncountry: USA\n');
  write("data/outlets/dw.yaml", REGISTRY["data/outlets/dw.yaml"]!.replace("name: Deutsche Welle", "name: DW"));
  commit(root, "head");
  git(root, "tag", "head");
  return root;
}

test("diff: every kind of change, in one table by id; the findings fixed and new; golden Markdown and JSON", async () => {
  const root = repository();
  try {
    const md = await run(["diff", "base", "head"], { cwd: root, env: ENV });
    assert.is(md.stderr, "");
    assert.is(md.code, 0, "a diff is a report: 0 even with a new error");
    assertGolden("diff.md", md.stdout);
    assert.ok(md.stdout.startsWith(`${DIFF_MARKER}\n`));
    const json = await run(["diff", "base", "head", "--format", "json"], { cwd: root, env: ENV });
    assert.is(json.code, 0);
    assertGolden("diff.json", json.stdout);
    const report = JSON.parse(json.stdout);
    const rows = Object.fromEntries(report.changes.map((c: { id: string; change: string; fields: string[] }) => [c.id, `${c.change}:${c.fields.join(",")}`]));
    assert.equal(rows, {
      "ev-bbbbbbbb": "retracted:",
      "ev-cccccccc": "duplicate:",
      "ev-dddddddd": "removed:",
      "ev-eeeeeeee": "changed:date,sources",
      "ev-gggggggg": "restored:",
      "ev-hhhhhhhh": "changed:status",
      "ev-jjjjjjjj": "added:",
      "ev-p6w7bxbz": "changed:title",
      "lindsey-graham": "added:",
      dw: "changed:name",
    });
    assert.ok(!("ev-ffffffff" in rows), "a re-layout is no change");
    assert.is(report.changes.find((c: { id: string }) => c.id === "ev-cccccccc").duplicateOf, "ev-p6w7bxbz");
    assert.ok(report.findings.new.some((f: { rule: string; file: string }) => f.rule === "outlet-known" && f.file === "data/events/2023/02/ev-jjjjjjjj.yaml"));
    assert.ok(report.findings.fixed.some((f: { file: string; severity: string }) => f.file === "data/events/2023/02/ev-hhhhhhhh.yaml" && f.severity === "error"));
    const text = await run(["diff", "base", "head", "--format", "text"], { cwd: root, env: ENV });
    assert.is(text.code, 0);
    assertGolden("diff.txt", text.stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("diff: hostile values are text in the comment: no cell border, code, HTML or mention of theirs", async () => {
  const root = repository();
  try {
    const { stdout } = await run(["diff", "base", "head"], { cwd: root, env: ENV });
    const row = stdout.split("\n").find((l) => l.includes("ev-jjjjjjjj"))!;
    // Four cells: the title's `|` is escaped.
    assert.is(row.replace(/\\\|/g, "").split("|").length, 6, row);
    assert.not.match(row, /<script>/);
    assert.match(row, /&lt;script&gt;/);
    assert.match(row, /\\`code\\`/);
    assert.match(row, /\\\*\\\*bold\\\*\\\*/);
    // The newline is shown, not made: the row stays one line.
    assert.match(row, /\\nthen/);
    // No `@` outside a code span is followed by a word character: GitHub mentions no one.
    const outsideCode = stdout.replace(/`[^`\n]*`/g, "");
    assert.not.match(outsideCode, /@\w/);
    assert.match(outsideCode, /@\u2060someone/);
    assert.match(outsideCode, /Lindsey Graham @\u2060senate/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("diff: a long diff is cut at --max-rows, the whole table goes to --summary-file", async () => {
  const root = repository();
  try {
    const summary = path.join(root, "summary.md");
    writeFileSync(summary, "earlier step\n");
    const r = await run(["diff", "base", "head", "--max-rows", "3", "--summary-file", "summary.md"], { cwd: root, env: ENV });
    assert.is(r.code, 0);
    const rows = r.stdout.split("\n").filter((l) => l.startsWith("| `"));
    assert.is(rows.length, 3);
    assert.match(r.stdout, /\nAnd 7 more; the full table is in the job summary of the workflow run that wrote this\.\n/);
    // With the run's address, a link the reader can follow; never a JSON report the reader does not have.
    const linked = await run(["diff", "base", "head", "--max-rows", "3", "--summary-link", "https://github.com/o/r/actions/runs/42"], { cwd: root, env: ENV });
    assert.is(linked.code, 0, linked.stderr);
    assert.match(linked.stdout, /\nAnd 7 more; the full table is in \[the job summary of the validate run\]\(<https:\/\/github\.com\/o\/r\/actions\/runs\/42>\)\.\n/);
    assert.not.match(linked.stdout, /JSON report/);
    for (const bad of ["javascript:alert(1)", "https://x.example/a b", "https://x.example/>[x](y)"]) {
      const refused = await run(["diff", "base", "head", "--summary-link", bad], { cwd: root, env: ENV });
      assert.is(refused.code, 2, bad);
      assert.match(refused.stderr, /--summary-link expects an https:\/\/ address/);
    }
    const full = readFileSync(summary, "utf8");
    assert.ok(full.startsWith("earlier step\n" + DIFF_MARKER), "appended, as a job summary is");
    assert.is(full.split("\n").filter((l) => l.startsWith("| `")).length, 10);
    assert.not.match(full, /And \d+ more/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("diff: head left out is the working tree (untracked files too); the index and work tree are left as they were", async () => {
  const root = repository();
  try {
    git(root, "checkout", "-q", "base");
    writeFileSync(path.join(root, "data/events/2023/02/ev-kkkkkkkk.yaml"), event("ev-kkkkkkkk", "25"));
    writeFileSync(path.join(root, "data/actors/kazakhstan.yaml"), REGISTRY["data/actors/kazakhstan.yaml"]!.replace("name: Kazakhstan", "name: Republic of Kazakhstan"));
    git(root, "add", "data/actors/kazakhstan.yaml");
    const status = git(root, "status", "--porcelain=v2");
    const index = readFileSync(path.join(root, ".git/index"));
    const r = await run(["diff", "head", "--format", "json"], { cwd: root, env: ENV });
    assert.is(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.is(report.head, null);
    const rows = Object.fromEntries(report.changes.map((c: { id: string; change: string }) => [c.id, c.change]));
    assert.is(rows["ev-kkkkkkkk"], "added");
    assert.is(rows["kazakhstan"], "changed");
    assert.is(rows["ev-jjjjjjjj"], "removed");
    assert.is(rows["ev-gggggggg"], "retracted");
    assert.is(git(root, "status", "--porcelain=v2"), status);
    assert.equal(readFileSync(path.join(root, ".git/index")), index, "the index is not written");
    assert.not.ok(existsSync(path.join(root, ".eventwire.tmp")), "the temporary trees are removed");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("diff: a bad revision, no revision, too many: exit 2, naming it; nothing left behind", async () => {
  const root = repository();
  try {
    for (const [args, message] of [
      [["diff", "no-such-branch"], /`no-such-branch` is not a commit in this repository/],
      [["diff", "base", "nope~3"], /`nope~3` is not a commit/],
      [["diff", "--", "--output=x"], /`--output=x` is not a revision/],
      [["diff"], /needs the base revision/],
      [["diff", "a", "b", "c"], /takes a base and a head revision/],
      [["diff", "base", "--format", "html"], /--format must be one of text, markdown, json/],
      [["diff", "base", "--max-rows", "-1"], /--max-rows expects a whole number|option/],
    ] as const) {
      const r = await run([...args], { cwd: root, env: ENV });
      assert.is(r.code, 2, args.join(" "));
      assert.match(r.stderr, message);
      assert.is(r.stdout, "");
    }
    assert.not.ok(existsSync(path.join(root, ".eventwire.tmp")));
    assert.not.ok(existsSync(path.join(root, "x")));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("diff: outside a git repository: exit 2", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    const r = await run(["diff", "HEAD"], { cwd: root, env: { ...ENV, GIT_CEILING_DIRECTORIES: path.dirname(root) } });
    assert.is(r.code, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("diff: a dataset in a subfolder of its repository; -o writes the report atomically", async () => {
  const top = writeDataset({});
  try {
    const root = path.join(top, "dataset");
    mkdirSync(root);
    for (const [rel, text] of Object.entries({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML })) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    git(top, "init", "-q", "-b", "main");
    commit(top, "base");
    renameSync(path.join(root, EVENT_PATH), path.join(root, "data/events/2023/02/ev-p6w7bxbz.yaml.moved"));
    const r = await run(["diff", "HEAD", "-o", "report.md"], { cwd: root, env: ENV });
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stdout, "");
    const report = readFileSync(path.join(root, "report.md"), "utf8");
    assert.match(report, /\| `ev-p6w7bxbz` \| removed \|/);
    assert.ok(statSync(path.join(root, "report.md")).isFile());
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
});

test("diff: a move alone is a row of its own, a kept text added is one too; no change says so", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  try {
    git(root, "init", "-q", "-b", "main");
    commit(root, "base");
    mkdirSync(path.join(root, "data/events/2023/03"), { recursive: true });
    renameSync(path.join(root, EVENT_PATH), path.join(root, "data/events/2023/03/ev-p6w7bxbz.yaml"));
    mkdirSync(path.join(root, "data/texts"));
    writeFileSync(path.join(root, "data/texts/report.txt"), "A report.\n");
    const r = await run(["diff", "HEAD"], { cwd: root, env: ENV });
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /\| `ev-p6w7bxbz` \| moved \|  \| Blinken meets the five Central Asian foreign ministers \|/);
    assert.match(r.stdout, /\| `report.txt` \| kept text added \|/);
    // A second coding (data/codings/<coder>/) is said as one, not as an event.
    mkdirSync(path.join(root, "data/codings/coder-b/2023/02"), { recursive: true });
    writeFileSync(path.join(root, "data/codings/coder-b/2023/02/ev-dwgqbce2.yaml"), EVENT_YAML.replace("id: ev-p6w7bxbz", "id: ev-dwgqbce2"));
    const withCoding = await run(["diff", "HEAD"], { cwd: root, env: ENV });
    assert.match(withCoding.stdout, /\| `ev-dwgqbce2` \| second coding added \|/);
    assert.match(withCoding.stdout, /1 second coding added/);
    const same = await run(["diff", "HEAD", "HEAD"], { cwd: root, env: ENV });
    assert.match(same.stdout, /From `HEAD` to `HEAD`: no record changed\./);
    assert.not.match(same.stdout, /\| id \|/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("diff: what cannot be checked at a revision is a usage error naming it, and the temporary trees are removed", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, "eventwire-suppressions.json": "not a suppressions file" });
  try {
    git(root, "init", "-q", "-b", "main");
    commit(root, "base");
    git(root, "rm", "-q", "eventwire-suppressions.json");
    commit(root, "head");
    const r = await run(["diff", "HEAD~1", "HEAD"], { cwd: root, env: ENV });
    assert.is(r.code, 2);
    assert.match(r.stderr, /at `HEAD~1`: /);
    assert.not.ok(existsSync(path.join(root, ".eventwire.tmp")));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("diff: on a terminal, text by default (values with visible escapes); Markdown when written to a file or a pipe", async () => {
  const root = repository();
  try {
    let stdout = "";
    const code = await main(["diff", "base", "head"], { cwd: root, env: ENV, stdout: { write: (t: string) => (stdout += t), isTTY: true }, stderr: { write: () => true, isTTY: true } });
    assert.is(code, 0);
    assert.ok(stdout.startsWith("From base to head: "), stdout.slice(0, 80));
    const row = stdout.split("\n").find((l) => l.startsWith("ev-jjjjjjjj"))!;
    assert.match(row, /a \| b `code` <script>alert\(1\)<\/script> @someone \\nthen \*\*bold\*\*$/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
