/** textLines (how a release reads events.jsonl beside the previous one): every line, whatever the block it starts in. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { textLines } from "../../scripts/export/changes.ts";

function linesOf(content: string | Buffer, blockBytes: number): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-lines-"));
  try {
    const file = path.join(dir, "events.jsonl");
    writeFileSync(file, content);
    return [...textLines(file, blockBytes)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("lines across block ends, CRLF, multi-byte characters and a last line without LF", () => {
  const lines = ['{"id":"ev-a","title":"Café Ōsaka"}', "", '{"id":"ev-b","title":"\u{1F600} and more text than one block holds"}', "x", '{"id":"ev-c"}'];
  const content = lines.slice(0, 4).join("\n") + "\r\n" + lines[4];
  for (const block of [1, 2, 3, 5, 7, 16, 64, 1 << 20]) assert.equal(linesOf(content, block), lines, `block of ${block} bytes`);
});

test("an empty file has no lines; a final LF adds none", () => {
  assert.equal(linesOf("", 4), []);
  assert.equal(linesOf("a\nb\n", 3), ["a", "b"]);
});

test("a line longer than the limit throws, whatever the block it ends in: memory stays bounded", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-lines-"));
  try {
    const file = path.join(dir, "events.jsonl");
    writeFileSync(file, "short\n" + "x".repeat(100) + "\nafter\n");
    for (const block of [7, 64, 4096]) {
      const seen: string[] = [];
      assert.throws(() => {
        for (const line of textLines(file, block, 50, (n) => new Error(`line ${n} too long`))) seen.push(line);
      }, /line 2 too long/);
      assert.equal(seen, ["short"], `block ${block}`);
    }
    assert.equal([...textLines(file, 7, 100)], ["short", "x".repeat(100), "after"], "at the limit: read");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
