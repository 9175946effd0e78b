/** OutputFile: what is written is the UTF-8 of the text given, with its size and SHA-256, whatever the sizes of the pieces. */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { OpenFiles, OutputFile } from "../../scripts/export/output.ts";

test("small and large pieces, multi-byte characters across buffer ends", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-out-"));
  try {
    const pieces: string[] = [];
    // Enough pieces to fill the buffer several times, some of them multi-byte (é: 2 bytes, ─: 3, 😀: 4).
    for (let i = 0; i < 60_000; i++) pieces.push(`${i},Café ─ \u{1F600},${"x".repeat(i % 50)}\r\n`);
    // A piece larger than the buffer, written on its own.
    pieces.splice(30_000, 0, "é".repeat(700_000));
    const file = path.join(dir, "out.csv");
    const out = new OutputFile(file, new OpenFiles());
    for (const p of pieces) out.write(p);
    const facts = out.close();
    const expected = Buffer.from(pieces.join(""), "utf8");
    const written = readFileSync(file);
    assert.ok(written.equals(expected), "the bytes are the text's UTF-8");
    assert.is(facts.bytes, expected.length);
    assert.is(facts.sha256, createHash("sha256").update(expected).digest("hex"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
