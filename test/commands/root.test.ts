/**
 * Every command that works on a dataset checks its root first: a root that is
 * not there, or holds no data/, or whose data/ is a link, is a usage error
 * (exit 2) naming the path, never "no problems"; a release of no events refuses.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

/** Each command that takes --root, as it would be called on a dataset. */
const COMMANDS: string[][] = [["validate"], ["release"], ["format"], ["format", "--check"], ["migrate"], ["new", "actor", "--no-input", "--id", "x"], ["agreement", "--dataset"], ["sample"]];

test("--root at a folder that does not exist: exit 2 with the path, for every command", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-root-"));
  try {
    for (const argv of COMMANDS) {
      const r = await run([...argv, "--root", "nowhere"], { cwd: dir });
      assert.is(r.code, 2, argv.join(" "));
      assert.is(r.stderr, `eventwire ${argv[0]}: --root \`nowhere\` (${path.join(dir, "nowhere")}) does not exist\n`, argv.join(" "));
      assert.is(r.stdout, "", argv.join(" "));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a folder without data/ is no dataset: exit 2, not \"no problems\"", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-root-"));
  try {
    for (const argv of COMMANDS) {
      const r = await run(argv, { cwd: dir });
      assert.is(r.code, 2, argv.join(" "));
      assert.match(r.stderr, `the current folder (${dir}) holds no data/ folder`, argv.join(" "));
      assert.not.match(r.stderr, "internal error");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("data/ linked to a folder outside the repository: nothing is read, released or rewritten", async () => {
  const outside = writeDataset({ ...REGISTRY, [EVENT_PATH]: editEvent("title: Blinken meets", "title:   Blinken meets") });
  const root = mkdtempSync(path.join(tmpdir(), "eventwire-root-"));
  try {
    symlinkSync(path.join(outside, "data"), path.join(root, "data"));
    const before = readFileSync(path.join(outside, EVENT_PATH));
    for (const argv of [...COMMANDS, ["release", "--out", path.join(root, "dist")]]) {
      const r = await run(argv, { cwd: root });
      assert.is(r.code, 2, argv.join(" "));
      assert.match(r.stderr, `${path.join(root, "data")} is a symbolic link (to \`${path.join(outside, "data")}\`)`, argv.join(" "));
    }
    assert.equal(readFileSync(path.join(outside, EVENT_PATH)), before, "format rewrote nothing through the link");
    assert.throws(() => readFileSync(path.join(root, "dist")), "no release was built");
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test("new writes no record through a linked folder under data/", async () => {
  const outside = mkdtempSync(path.join(tmpdir(), "eventwire-outside-"));
  const root = writeDataset({ ...REGISTRY });
  try {
    rmSync(path.join(root, "data/actors"), { recursive: true });
    symlinkSync(outside, path.join(root, "data/actors"));
    const r = await run(["new", "actor", "--no-input", "--id", "x", "--name", "X", "--kind", "person", "--country", "KAZ"], { cwd: root });
    assert.is(r.code, 2);
    assert.is(r.stderr, `eventwire new: ${path.join(root, "data/actors")} is a symbolic link: the toolkit writes nothing through a link; make it a folder of the repository\n`);
    assert.equal(readdirSync(outside), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test("release of a dataset with no events refuses: exit 1, nothing built", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    mkdirSync(path.join(root, "data/events"), { recursive: true });
    const r = await run(["release", "--version", "1.0.0"], { cwd: root });
    assert.is(r.code, 1);
    assert.is(r.stderr, `release: not built; ${path.join(root, "data/events")} holds no events.\n`);
    assert.throws(() => readFileSync(path.join(root, "dist")));
    // The same dataset with one event is released.
    const withEvent = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
    try {
      const built = await run(["release", "--version", "1.0.0"], { cwd: withEvent, env: { SOURCE_DATE_EPOCH: "0", EVENTWIRE_TODAY: "2026-11-27" } });
      assert.is(built.code, 0, built.stderr);
    } finally {
      rmSync(withEvent, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
