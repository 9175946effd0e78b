/** The dataset root every command checks first: it exists, holds data/, and data/ is a folder, not a link. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { UsageError } from "../../scripts/core/io.ts";
import { datasetRoot } from "../../scripts/dataset/root.ts";

function refusal(cwd: string, option: string | undefined): string {
  try {
    datasetRoot(cwd, option);
  } catch (error) {
    assert.instance(error, UsageError);
    return (error as Error).message;
  }
  throw new Error("accepted");
}

test("a root that does not exist, or is a file, names the path", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-root-"));
  try {
    assert.is(refusal(dir, "nowhere"), `--root \`nowhere\` (${path.join(dir, "nowhere")}) does not exist`);
    writeFileSync(path.join(dir, "file"), "x");
    assert.is(refusal(dir, "file"), `--root \`file\` (${path.join(dir, "file")}) is not a folder`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a root without data/, or whose data/ is a file, is not a dataset", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-root-"));
  try {
    assert.is(refusal(dir, undefined), `the current folder (${dir}) holds no data/ folder: is it the dataset's repository?`);
    writeFileSync(path.join(dir, "data"), "x");
    assert.is(refusal(dir, "."), `${path.join(dir, "data")} is not a folder`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("data/ as a symbolic link is refused, whether it leaves the repository or not", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-root-"));
  const outside = mkdtempSync(path.join(tmpdir(), "eventwire-outside-"));
  try {
    symlinkSync(outside, path.join(dir, "data"));
    assert.match(refusal(dir, undefined), `${path.join(dir, "data")} is a symbolic link (to \`${outside}\`)`);
    rmSync(path.join(dir, "data"));
    mkdirSync(path.join(dir, "real"));
    symlinkSync("real", path.join(dir, "data"));
    assert.match(refusal(dir, undefined), "is a symbolic link (to `real`)");
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test("a repository with data/ is the root, resolved against the working folder", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-root-"));
  try {
    mkdirSync(path.join(dir, "repo/data"), { recursive: true });
    assert.is(datasetRoot(dir, "repo"), path.join(dir, "repo"));
    assert.is(datasetRoot(path.join(dir, "repo"), undefined), path.join(dir, "repo"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
