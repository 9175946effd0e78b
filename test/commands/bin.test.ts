/** The installed `eventwire` binary, run as a user runs it: a real process and its exit code. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { sourcesHash } from "../../bin/sources-hash.js";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";

const BIN = path.join(TOOLKIT_ROOT, "bin", "eventwire.js");
const BROKEN = path.join(import.meta.dirname, "..", "fixtures", "datasets", "broken");

function eventwire(args: string[], cwd = TOOLKIT_ROOT, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });
}

test("bin: validate exits 0 on the dataset and 1 on a broken one", () => {
  const clean = eventwire(["validate"]);
  assert.is(clean.status, 0, clean.stdout + clean.stderr);
  const broken = eventwire(["validate"], BROKEN);
  assert.is(broken.status, 1);
  assert.match(broken.stdout, /ev-p6w7bxbz\.yaml:9:14  error  schema/);
  assert.not.match(broken.stdout, /\u001b\[/, "no colour when not a terminal");
});

test("bin: a usage error exits 2 without a stack trace", () => {
  const r = eventwire(["validate", "--format", "xml"]);
  assert.is(r.status, 2);
  assert.match(r.stderr, /--format must be one of pretty, json/);
  assert.not.match(r.stderr, /\n\s+at /);
});

test("bin: the bundle (when built and current) and the sources give the same report", () => {
  const fromBundle = eventwire(["validate", "--format", "json"], BROKEN);
  const fromSource = eventwire(["validate", "--format", "json"], BROKEN, { EVENTWIRE_FROM_SOURCE: "1" });
  assert.is(fromBundle.status, 1);
  assert.is(fromSource.status, 1);
  assert.is(fromBundle.stdout, fromSource.stdout);
});

test("bin: worker threads give the same report as one thread", () => {
  const one = eventwire(["validate", "--format", "json"], BROKEN, { EVENTWIRE_THREADS: "1" });
  const two = eventwire(["validate", "--format", "json"], BROKEN, { EVENTWIRE_THREADS: "2" });
  const twoFromSource = eventwire(["validate", "--format", "json"], BROKEN, { EVENTWIRE_THREADS: "2", EVENTWIRE_FROM_SOURCE: "1" });
  assert.is(one.status, 1, one.stderr);
  assert.is(two.stdout, one.stdout, two.stderr);
  assert.is(twoFromSource.stdout, one.stdout, twoFromSource.stderr);
  // More threads than cores and files: capped, the same report.
  const many = eventwire(["validate", "--format", "json"], BROKEN, { EVENTWIRE_THREADS: "1000" });
  assert.is(many.stdout, one.stdout, many.stderr);
  // Set but empty (an undefined CI variable): as unset.
  const empty = eventwire(["validate", "--format", "json"], BROKEN, { EVENTWIRE_THREADS: "" });
  assert.is(empty.status, 1, empty.stderr);
  assert.is(empty.stdout, one.stdout, empty.stderr);
  for (const value of ["many", "0", "-1", "1.5"]) {
    const bad = eventwire(["validate"], BROKEN, { EVENTWIRE_THREADS: value });
    assert.is(bad.status, 2, value);
    assert.match(bad.stderr, /EVENTWIRE_THREADS must be a whole number/);
    assert.not.match(bad.stderr, /internal error/);
  }
});

test("bin: the bundle's fingerprint follows the sources' content, not their times", () => {
  const root = mkdtempSync(path.join(tmpdir(), "eventwire-hash-"));
  try {
    mkdirSync(path.join(root, "scripts", "core"), { recursive: true });
    mkdirSync(path.join(root, "schema"));
    writeFileSync(path.join(root, "scripts", "core", "a.ts"), "export const a = 1;\n");
    writeFileSync(path.join(root, "schema", "b.json"), "{}\n");
    const before = sourcesHash(root);
    utimesSync(path.join(root, "schema", "b.json"), new Date(0), new Date(0));
    assert.is(sourcesHash(root), before, "a time change is not a change");
    writeFileSync(path.join(root, "scripts", "core", "a.ts"), "export const a = 2;\n");
    assert.is.not(sourcesHash(root), before, "a content change is");
    writeFileSync(path.join(root, "scripts", "core", "a.ts"), "export const a = 1;\n");
    renameSync(path.join(root, "schema", "b.json"), path.join(root, "schema", "c.json"));
    assert.is.not(sourcesHash(root), before, "so is a rename");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
