/** `eventwire release` called wrongly, or where it cannot write: a message naming the path, exit 2, nothing written. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const dataset = () => writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });

function usage(r: { code: number; stderr: string }, message: RegExp): void {
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, message, r.stderr);
  assert.not.match(r.stderr, /internal error/);
}

test("--out inside data/ is refused, however it is named (a link to data/ included)", async () => {
  const root = dataset();
  try {
    symlinkSync(path.join(root, "data", "events"), path.join(root, "to-events"));
    for (const out of ["data", "data/events", "data/new/dist", "./data/../data/actors", "to-events/dist"]) {
      usage(await run(["release", "--version", "1.0.0", "--out", out], { cwd: root }), new RegExp(`--out: \`${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\` is inside data/`));
    }
    assert.equal(readdirSync(path.join(root, "data")).sort(), ["actors", "events", "outlets"], "nothing written in data/");
    assert.not.ok(existsSync(path.join(root, "data", "new")));
    // Beside data/, a name that starts like it is fine.
    assert.is((await run(["release", "--version", "1.0.0", "--out", "data-dist"], { cwd: root })).code, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("SOURCE_DATE_EPOCH must be whole seconds up to 9999-12-31T23:59:59Z", async () => {
  const root = dataset();
  try {
    for (const epoch of ["253402300800", "99999999999999999999", "-1", "1.5", "", "1e3"])
      usage(await run(["release", "--version", "1.0.0", "--out", "dist"], { cwd: root, env: { SOURCE_DATE_EPOCH: epoch } }), /SOURCE_DATE_EPOCH must be whole seconds since 1970, from 0 to 253402300799/);
    assert.not.ok(existsSync(path.join(root, "dist")));
    const last = await run(["release", "--version", "1.0.0", "--out", "dist"], { cwd: root, env: { SOURCE_DATE_EPOCH: "253402300799" } });
    assert.is(last.code, 0, last.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--out where a file is: the path named, exit 2 (EEXIST, ENOTDIR)", async () => {
  const root = dataset();
  try {
    writeFileSync(path.join(root, "taken"), "a file");
    usage(await run(["release", "--version", "1.0.0", "--out", "taken"], { cwd: root }), /`.*\/taken`: (a part of the path is not a folder \(ENOTDIR|a file or folder of that name exists already \(EEXIST)/);
    usage(await run(["release", "--version", "1.0.0", "--out", "taken/dist"], { cwd: root }), /`.*\/taken\/dist`: a part of the path is not a folder \(ENOTDIR/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** Mounts a tmpfs with `options` at a new folder, or says why it cannot (not root, no mount). */
function tmpfs(at: string, options: string): string | undefined {
  if (process.getuid?.() !== 0) return "not root";
  mkdirSync(at, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", at], { stdio: "pipe" });
    return undefined;
  } catch (error) {
    return `mount failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
}

test("a full disk (ENOSPC) and a read-only one (EROFS): the path named, exit 2, no staging folder left", async () => {
  const root = dataset();
  const full = path.join(root, "full");
  const readOnly = path.join(root, "ro");
  try {
    const why = tmpfs(full, "size=16k");
    if (why) {
      console.log(`skipped the ENOSPC and EROFS cases: ${why}`);
      return;
    }
    usage(await run(["release", "--version", "1.0.0", "--out", "full/dist"], { cwd: root }), /`.*\/full\/dist\/\.eventwire-1\.0\.0\.tmp-\d+.*`: no space left on the device \(ENOSPC/);
    assert.equal(readdirSync(full), [], "the staging folder is removed, and the --out made for it");
    // Read-only, with dist/ made before: the release's lock is the first thing written.
    const whyRo = tmpfs(readOnly, "size=16k");
    if (whyRo) {
      console.log(`skipped the EROFS case: ${whyRo}`);
      return;
    }
    mkdirSync(path.join(readOnly, "dist"));
    execFileSync("mount", ["-o", "remount,ro", readOnly]);
    usage(await run(["release", "--version", "1.0.0", "--out", "ro/dist"], { cwd: root }), /`.*\/ro\/dist\/\.eventwire-1\.0\.0\.lock-\d+`: the file system is read-only \(EROFS, open\)/);
  } finally {
    for (const at of [full, readOnly])
      try {
        execFileSync("umount", [at], { stdio: "ignore" });
      } catch {
        // Not mounted (skipped): nothing to undo.
      }
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
