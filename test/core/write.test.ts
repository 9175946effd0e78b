/** writeFileAtomic through a temporary folder: the file whole or untouched, nothing left beside it or in the folder. */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFileAtomic } from "../../scripts/core/write.ts";

test("a replaced file keeps its mode; the temporary file is in the given folder and gone after", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-write-"));
  try {
    const temp = path.join(dir, "tmp");
    mkdirSync(temp);
    mkdirSync(path.join(dir, "data"));
    const file = path.join(dir, "data", "a.yaml");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o640);
    writeFileAtomic(file, "new\n", temp);
    assert.is(readFileSync(file, "utf8"), "new\n");
    assert.is(statSync(file).mode & 0o777, 0o640);
    assert.equal(readdirSync(path.join(dir, "data")), ["a.yaml"]);
    assert.equal(readdirSync(temp), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a rename that fails (a folder at the name) leaves no temporary file anywhere", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-write-"));
  try {
    const temp = path.join(dir, "tmp");
    mkdirSync(temp);
    mkdirSync(path.join(dir, "data", "a.yaml", "inside"), { recursive: true });
    let code: string | undefined;
    try {
      writeFileAtomic(path.join(dir, "data", "a.yaml"), "new\n", temp);
    } catch (error) {
      code = (error as NodeJS.ErrnoException).code;
    }
    assert.ok(code === "EISDIR" || code === "ENOTEMPTY", String(code));
    assert.equal(readdirSync(path.join(dir, "data")), ["a.yaml"]);
    assert.equal(readdirSync(temp), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a file written as pieces holds them in order, whole: more pieces than a batch, empty ones, a large one; its mode kept", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-write-"));
  try {
    const file = path.join(dir, "cache");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o600);
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < 1500; i++) pieces.push(Buffer.from(i % 7 === 0 ? "" : `piece ${i}, é\n`));
    pieces.push(Buffer.alloc(3 * 1024 * 1024, "x"));
    writeFileAtomic(file, pieces);
    assert.ok(readFileSync(file).equals(Buffer.concat(pieces)));
    assert.is(statSync(file).mode & 0o777, 0o600);
    assert.equal(readdirSync(dir), ["cache"]);
    writeFileAtomic(file, []);
    assert.is(readFileSync(file, "utf8"), "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
