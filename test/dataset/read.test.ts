/** The one reading function: no link followed, nothing but a regular file opened, a size limit. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readText } from "../../scripts/dataset/read.ts";

function inTemp(body: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-read-"));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a FIFO is refused at once, not waited on (no writer ever comes)", () => {
  inTemp((dir) => {
    const fifo = path.join(dir, "x.yaml");
    execFileSync("mkfifo", [fifo]);
    const read = readText(fifo);
    assert.equal(read.ok ? "read" : [read.problem, read.detail], ["not-regular", "a FIFO (named pipe), not a regular file"]);
  });
});

test("a character device and a folder are refused before a byte is read", () => {
  const device = readText("/dev/zero");
  assert.equal(device.ok ? "read" : device.problem, "not-regular");
  inTemp((dir) => {
    const folder = readText(dir);
    assert.equal(folder.ok ? "read" : [folder.problem, folder.detail], ["not-regular", "a folder, not a regular file"]);
  });
});

test("a symbolic link is refused, not followed, to a file or to a FIFO", () => {
  inTemp((dir) => {
    writeFileSync(path.join(dir, "secret"), "root:x:0:0\n");
    symlinkSync(path.join(dir, "secret"), path.join(dir, "link.json"));
    execFileSync("mkfifo", [path.join(dir, "fifo")]);
    symlinkSync(path.join(dir, "fifo"), path.join(dir, "fifo-link.json"));
    for (const name of ["link.json", "fifo-link.json"]) {
      const read = readText(path.join(dir, name));
      assert.equal(read.ok ? "read" : read.problem, "symlink", name);
    }
  });
});

test("a file over the limit is refused from its size, unread; one at the limit is read", () => {
  inTemp((dir) => {
    writeFileSync(path.join(dir, "big"), "x".repeat(101));
    writeFileSync(path.join(dir, "fits"), "x".repeat(100));
    const big = readText(path.join(dir, "big"), 100);
    assert.equal(big.ok ? "read" : [big.problem, big.detail], ["too-large", "101 bytes; the limit is 100"]);
    const fits = readText(path.join(dir, "fits"), 100);
    assert.equal(fits.ok && fits.bytes, 100);
  });
});

test("a path the listing found a regular file (no fstat): what was swapped for a FIFO, a folder or a device since is still never waited on nor read past the limit", () => {
  inTemp((dir) => {
    const fifo = path.join(dir, "x.yaml");
    execFileSync("mkfifo", [fifo]);
    // No writer: a non-blocking read meets the end at once, and what reads as empty is looked at.
    const empty = readText(fifo, 100, true);
    assert.equal(empty.ok ? "read" : [empty.problem, empty.detail], ["not-regular", "a FIFO (named pipe), not a regular file"]);
    writeFileSync(path.join(dir, "empty.yaml"), "");
    assert.equal(readText(path.join(dir, "empty.yaml"), 100, true), { ok: true, text: "", bytes: 0, bom: false }, "an empty file is read as empty");
    const folder = readText(dir, 100, true);
    assert.equal(folder.ok ? "read" : [folder.problem, folder.detail], ["unreadable", "EISDIR: it is a folder, not a file"]);
    writeFileSync(path.join(dir, "big"), "x".repeat(101));
    const big = readText(path.join(dir, "big"), 100, true);
    assert.equal(big.ok ? "read" : [big.problem, big.detail], ["too-large", "101 bytes; the limit is 100"]);
  });
  for (const device of ["/dev/zero", "/dev/null"]) {
    const read = readText(device, 100, true);
    assert.equal(read.ok ? "read" : [read.problem, read.detail], ["not-regular", "a character device, not a regular file"], device);
  }
  inTemp((dir) => {
    writeFileSync(path.join(dir, "secret"), "root:x:0:0\n");
    symlinkSync(path.join(dir, "secret"), path.join(dir, "link.json"));
    const link = readText(path.join(dir, "link.json"), 100, true);
    assert.equal(link.ok ? "read" : link.problem, "symlink");
  });
});

test("a file that is not there is unreadable, with the error's code", () => {
  inTemp((dir) => {
    const read = readText(path.join(dir, "gone.yaml"));
    assert.equal(read.ok ? "read" : [read.problem, read.detail], ["unreadable", "ENOENT: no such file or folder"]);
  });
});

test.run();
