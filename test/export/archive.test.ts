/** The release archive: gzip members compressed in parallel, read back as one .tar.gz by independent readers. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as tar from "tar";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeTarGz } from "../../scripts/export/archive.ts";

const MEMBER_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]);

test("many gzip members: tar lists and unpacks it, gunzip gives the plain tar, and the bytes are the same every time", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-archive-"));
  try {
    const src = path.join(dir, "src");
    mkdirSync(path.join(src, "schema"), { recursive: true });
    const files: Record<string, string> = {
      "events.jsonl": Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `ev-${i}`, n: (i * 7919) % 1000 })).join("\n") + "\n",
      "README.md": "# a card\n",
      "schema/event.schema.json": "{}\n",
    };
    for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(src, rel), text);
    const entries = Object.keys(files).sort();
    const write = (file: string) => writeTarGz({ cwd: src, prefix: "eventwire-9.9.9", entries, mtime: new Date(0), file: path.join(dir, file), memberBytes: 4096 });
    await write("a.tar.gz");
    await write("b.tar.gz");
    const archive = readFileSync(path.join(dir, "a.tar.gz"));
    assert.ok(archive.equals(readFileSync(path.join(dir, "b.tar.gz"))), "deterministic");
    assert.ok(archive.indexOf(MEMBER_HEADER, 1) > 0, "more than one gzip member");

    // The whole stream, members joined, is the tar that node-tar writes uncompressed.
    const plain: Buffer[] = [];
    for await (const chunk of tar.c({ portable: true, mtime: new Date(0), cwd: src, prefix: "eventwire-9.9.9", noDirRecurse: true }, entries) as AsyncIterable<Buffer>) plain.push(chunk);
    assert.ok(gunzipSync(archive).equals(Buffer.concat(plain)));

    const out = path.join(dir, "out");
    mkdirSync(out);
    await tar.x({ file: path.join(dir, "a.tar.gz"), cwd: out, strict: true });
    for (const [rel, text] of Object.entries(files)) assert.is(readFileSync(path.join(out, "eventwire-9.9.9", rel), "utf8"), text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a file that cannot be read midway rejects the promise (no crash, no hang)", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-archive-"));
  try {
    const entries: string[] = [];
    for (let i = 0; i < 40; i++) {
      writeFileSync(path.join(dir, `f${String(i).padStart(2, "0")}.txt`), `${i}`.repeat(1 << 18));
      entries.push(`f${String(i).padStart(2, "0")}.txt`);
    }
    entries.push("gone.txt");
    let error: unknown;
    await writeTarGz({ cwd: dir, prefix: "x", entries, mtime: new Date(0), file: path.join(dir, "x.tar.gz"), memberBytes: 1 << 14 }).catch((e) => (error = e));
    assert.is((error as NodeJS.ErrnoException | undefined)?.code, "ENOENT");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
