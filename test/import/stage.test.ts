/** StagedFiles: files written by a worker thread, every one of them, and the first failure raised with its path. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { StagedFiles } from "../../scripts/import/stage.ts";

test("more files than a batch and than the batches in flight: all written, with their text", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stage-"));
  try {
    const files = new StagedFiles();
    for (let i = 0; i < 3000; i++) await files.write(path.join(dir, `${i}.tmp`), `file ${i}\n`);
    await files.finish();
    assert.is(readdirSync(dir).length, 3000);
    assert.is(readFileSync(path.join(dir, "2999.tmp"), "utf8"), "file 2999\n");
    // Nothing queued: finish is a no-op.
    await new StagedFiles().finish();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a file that cannot be made (its folder is gone, or it exists) fails finish() with its path and code; later files are not written", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stage-"));
  try {
    const files = new StagedFiles();
    await files.write(path.join(dir, "a.tmp"), "a");
    await files.write(path.join(dir, "missing", "b.tmp"), "b");
    await files.write(path.join(dir, "c.tmp"), "c");
    try {
      await files.finish();
      assert.unreachable("finish should throw");
    } catch (error) {
      assert.is((error as NodeJS.ErrnoException).code, "ENOENT");
      assert.is((error as { path: string }).path, path.join(dir, "missing", "b.tmp"));
    }
    assert.equal(readdirSync(dir).sort(), ["a.tmp"]);
    const again = new StagedFiles();
    await again.write(path.join(dir, "a.tmp"), "x");
    try {
      await again.finish();
      assert.unreachable("finish should throw");
    } catch (error) {
      assert.is((error as NodeJS.ErrnoException).code, "EEXIST");
    }
    assert.is(readFileSync(path.join(dir, "a.tmp"), "utf8"), "a", "never written over");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
