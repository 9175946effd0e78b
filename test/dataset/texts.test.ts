/** The manifest of kept texts is read as every file is: no link followed, no FIFO opened, a BOM accepted. */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkDataset } from "../../scripts/check/run.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { discover } from "../../scripts/dataset/discover.ts";
import { readTextManifest, TEXT_MANIFEST } from "../../scripts/dataset/texts.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { messageOf } from "../../scripts/rules/format.ts";
import { textManifest } from "../../scripts/rules/dataset/text-manifest.ts";

const PAGE = readFileSync(path.join(TOOLKIT_ROOT, "data/texts/dw-2023-02-28-blinken-central-asia.txt"));
const URL = "https://p.dw.com/p/4O4UG";
const MANIFEST = JSON.stringify({ texts: [{ file: "dw.txt", url: URL, sha256: createHash("sha256").update(PAGE).digest("hex") }] }, null, 2) + "\n";

test("a manifest that starts with a BOM is read: its texts are used, and evidence is checked against them", async () => {
  // The quote mistyped: only a check against the kept text finds it.
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: editEvent("foreign ministers from", "foreign minsters from"), "data/texts/dw.txt": PAGE, [TEXT_MANIFEST]: "\ufeff" + MANIFEST });
  try {
    const listing = await discover(root);
    const manifest = readTextManifest(root, listing);
    assert.equal(manifest.problems, []);
    assert.equal([...manifest.byUrl.keys()], [URL]);
    const result = await checkDataset(root, listing, { today: "2026-11-27" });
    assert.equal(result.findings.map((f) => `${f.file}|${f.rule}`), [`${EVENT_PATH}|evidence-quote`, `${TEXT_MANIFEST}|file-bom`]);
    assert.equal(result.evidence, { checked: 2, notChecked: 0 });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a manifest that is a symbolic link is not read: nothing of what it points to shows", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, "data/texts/dw.txt": PAGE, "secret.json": '{"texts": "root:x:0:0:root:/root:/bin/bash"}' });
  try {
    symlinkSync(path.join(root, "secret.json"), path.join(root, TEXT_MANIFEST));
    const result = await checkDataset(root, await discover(root), { today: "2026-11-27" });
    const messages = result.findings.map((f) => `${f.file}|${f.rule}|${f.message}`);
    assert.equal(messages, [
      `${TEXT_MANIFEST}|file-symlink|This is a symbolic link (to \`${path.join(root, "secret.json")}\`), not a file; it was not read.`,
      `${TEXT_MANIFEST}|text-manifest|The manifest is a symbolic link; it was not read, and no evidence is checked against kept texts.`,
    ]);
    assert.not.match(JSON.stringify(result), "root:x");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a manifest that is a FIFO is not opened", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, "data/texts/dw.txt": PAGE });
  try {
    execFileSync("mkfifo", [path.join(root, TEXT_MANIFEST)]);
    const manifest = readTextManifest(root, await discover(root));
    assert.equal(manifest.problems.map((p) => messageOf(textManifest, { pointer: p.pointer, messageId: p.kind, data: p.data })), ["The manifest is a FIFO (named pipe), not a regular file; it was not read, and no evidence is checked against kept texts."]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a manifest over its size limit is refused unread", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, [TEXT_MANIFEST]: " ".repeat(8 * 1024 * 1024 + 1) });
  try {
    const manifest = readTextManifest(root, await discover(root));
    assert.equal(manifest.problems.map((p) => messageOf(textManifest, { pointer: p.pointer, messageId: p.kind, data: p.data })), [`The manifest cannot be read (${8 * 1024 * 1024 + 1} bytes; the limit is ${8 * 1024 * 1024}); no evidence is checked against kept texts.`]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
