/** fsUsageError: a file system error of the environment becomes a message naming the path. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fsUsageError } from "../../scripts/core/fs-errors.ts";

const errno = (code: string, extra: Record<string, string> = {}) => Object.assign(new Error(`${code}: something`), { code, ...extra });

test("each code of the environment in words, with the path and the call; others are left alone", () => {
  assert.is(fsUsageError(errno("ENOSPC", { path: "/d/x", syscall: "write" }))?.message, "`/d/x`: no space left on the device (ENOSPC, write)");
  assert.is(fsUsageError(errno("EROFS", { path: "/ro/dist", syscall: "mkdir" }))?.message, "`/ro/dist`: the file system is read-only (EROFS, mkdir)");
  assert.is(fsUsageError(errno("EEXIST", { path: "a", dest: "b", syscall: "rename" }))?.message, "`a` -> `b`: a file or folder of that name exists already (EEXIST, rename)");
  // A write to a descriptor names no path: the caller gives it.
  assert.is(fsUsageError(errno("ENOSPC", { syscall: "write" }), "/d/.staging")?.message, "`/d/.staging`: no space left on the device (ENOSPC, write)");
  assert.is(fsUsageError(errno("ENOSPC", { syscall: "write" })), undefined, "no path at all: left as it is");
  assert.is(fsUsageError(errno("ERR_SOMETHING", { path: "/x" })), undefined);
  assert.is(fsUsageError(new TypeError("x")), undefined);
  assert.is(fsUsageError(undefined), undefined);
});

test("real errors: a name taken, a file where a folder should be", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-fs-errors-"));
  try {
    const file = path.join(dir, "file");
    writeFileSync(file, "x");
    const caught = (f: () => void) => {
      try {
        f();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    assert.match(fsUsageError(caught(() => mkdirSync(file)))!.message, /`.*\/file`: a file or folder of that name exists already \(EEXIST, mkdir\)/);
    assert.match(fsUsageError(caught(() => writeFileSync(path.join(file, "x"), "")))!.message, /`.*\/file\/x`: a part of the path is not a folder \(ENOTDIR, open\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
