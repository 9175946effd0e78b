/**
 * What cannot be read is said, never skipped: a folder or file under data/
 * that the user running the check may not read is a file-unreadable finding
 * at its path, and release refuses. Permissions do not stop root, so the
 * commands run as `nobody` (uid/gid 65534), which needs root to arrange.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { git } from "../helpers/git.ts";

const BIN = path.join(TOOLKIT_ROOT, "bin", "eventwire.js");
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** A dataset every user may read, but for `hidden` (folders or files, root's own, mode 700/600). */
function dataset(hidden: string[]): string {
  // Another event the next day (a visit, not the multilateral meeting: no probable duplicate of the example), from another page.
  const march = editEvent(
    'start: "2023-02-28"',
    'start: "2023-03-01"',
    editEvent('published: "2023-02-28"', 'published: "2023-03-01"', editEvent("id: ev-p6w7bxbz", "id: ev-aaaaaaaa", editEvent("mode: multilateral", "mode: visit", editEvent("url: https://p.dw.com/p/4O4UG", "url: https://p.dw.com/p/4O4UH")))),
  );
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, "data/events/2023/03/ev-aaaaaaaa.yaml": march });
  const open = (p: string) => {
    const stats = statSync(p);
    chmodSync(p, stats.isDirectory() ? 0o755 : 0o644);
    if (stats.isDirectory()) for (const name of readdirSync(p)) open(path.join(p, name));
  };
  open(root);
  // The repository's own folder is nobody's, so that a release can be written there; data/ stays root's.
  chownSync(root, NOBODY, NOBODY);
  for (const h of hidden) chmodSync(path.join(root, h), statSync(path.join(root, h)).isDirectory() ? 0o700 : 0o600);
  return root;
}

/** The CLI as `nobody`, in `cwd`. */
function asNobody(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    uid: NOBODY,
    gid: NOBODY,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", EVENTWIRE_TODAY: "2026-11-27", SOURCE_DATE_EPOCH: "0", EVENTWIRE_THREADS: "1", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const findings = (stdout: string) => (JSON.parse(stdout) as { findings: { file: string; rule: string; line: number; column: number; message: string }[] }).findings;

if (!asRoot) {
  console.log("unreadable.test.ts: skipped, as these tests must run as root (they run the commands as `nobody`)");
} else {
  test("a folder of events that cannot be listed is a finding, and release refuses", () => {
    const root = dataset(["data/events/2023/03"]);
    try {
      const r = asNobody(["validate", "--format", "json"], root);
      assert.is(r.code, 1, r.stderr);
      const mine = findings(r.stdout).filter((f) => f.rule === "file-unreadable");
      assert.equal(mine.map((f) => `${f.file}@${f.line}:${f.column}`), ["data/events/2023/03@1:1"]);
      assert.match(mine[0]!.message, "EACCES: permission denied");
      const release = asNobody(["release", "--version", "1.0.0", "--out", path.join(root, "dist")], root);
      assert.is(release.code, 1, release.stderr);
      assert.match(release.stderr, "data/events/2023/03");
      assert.match(release.stderr, "release: not built");
      assert.not.ok(existsSync(path.join(root, "dist/eventwire-1.0.0")));
      // format and migrate say what they could not do, rather than "all formatted".
      for (const args of [["format", "--check"], ["migrate", "--dry-run"], ["format", "data/events/2023/03/ev-aaaaaaaa.yaml"]]) {
        const r = asNobody(args, root);
        assert.is(r.code, 1, args.join(" "));
        assert.match(r.stderr, args[1]!.startsWith("data/") ? "data/events/2023/03/ev-aaaaaaaa.yaml: not read: EACCES: permission denied" : "data/events/2023/03: not read: the folder cannot be listed (EACCES: permission denied)", args.join(" "));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("the check of one event says which folder of events it could not compare it with, with or without --changed", () => {
    const root = dataset(["data/events/2023/03"]);
    try {
      const r = asNobody(["validate", "--format", "json", EVENT_PATH], root);
      assert.is(r.code, 1, r.stderr);
      assert.equal(findings(r.stdout).map((f) => `${f.file}|${f.rule}`), ["data/events/2023/03|file-unreadable"]);
      // Under --changed, a changed event of March 2023 is compared with the events of that month: the folder is said to be
      // unreadable; and the file git cannot see in it is not taken for deleted (no record-deleted), but said to be out of reach.
      // The repository's folder is nobody's: root's git is told that it is safe.
      for (const args of [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "base"]]) git(root, "-c", "safe.directory=*", ...args);
      execFileSync("chown", ["-R", `${NOBODY}:${NOBODY}`, path.join(root, ".git")]);
      writeFileSync(path.join(root, EVENT_PATH), editEvent('start: "2023-02-28"', 'start: "2023-03-01"', editEvent('published: "2023-02-28"', 'published: "2023-03-01"')));
      const changed = asNobody(["validate", "--changed", "main", "--format", "json"], root, { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "safe.directory", GIT_CONFIG_VALUE_0: "*", GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" });
      assert.is(changed.code, 1, changed.stderr);
      assert.equal(findings(changed.stdout).map((f) => `${f.file}|${f.rule}`), [`${EVENT_PATH}|file-name`, "data/events/2023/03|file-unreadable", "data/events/2023/03/ev-aaaaaaaa.yaml|file-unreadable"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("a registry folder that cannot be listed is one finding, not one unknown actor a reference", () => {
    const root = dataset(["data/actors"]);
    try {
      for (const args of [["validate", "--format", "json"], ["validate", "--format", "json", EVENT_PATH]]) {
        const r = asNobody(args, root);
        assert.is(r.code, 1, r.stderr);
        assert.equal(findings(r.stdout).map((f) => `${f.file}|${f.rule}`), ["data/actors|file-unreadable"], args.join(" "));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("a record file that cannot be read is a finding at its path", () => {
    const root = dataset(["data/events/2023/03/ev-aaaaaaaa.yaml"]);
    try {
      const r = asNobody(["validate", "--format", "json"], root);
      assert.is(r.code, 1, r.stderr);
      const mine = findings(r.stdout).filter((f) => f.file === "data/events/2023/03/ev-aaaaaaaa.yaml");
      assert.equal(mine.map((f) => `${f.rule}@${f.line}:${f.column}`), ["file-unreadable@1:1"]);
      assert.match(mine[0]!.message, "EACCES: permission denied");
      // Checking another event compares it with this one: that it could not be read is said too.
      const one = asNobody(["validate", "--format", "json", EVENT_PATH], root);
      assert.is(one.code, 1, one.stderr);
      assert.equal(findings(one.stdout).map((f) => `${f.file}|${f.rule}`), ["data/events/2023/03/ev-aaaaaaaa.yaml|file-unreadable"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}

test.run();
