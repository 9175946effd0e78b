/**
 * format and migrate write through temporary files outside data/ (in
 * <root>/.eventwire.tmp/): a kill midway leaves nothing validate would see,
 * and the next run removes what a run now gone left there.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { stringify } from "yaml";
import { syntheticEvents } from "../../bench/synthetic.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const TEMP = ".eventwire.tmp";

/** Every file under `dir`, as paths relative to it. */
function allFiles(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(dir, path.join(rel, e.name)) : [path.join(rel, e.name)]));
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

test("format and migrate remove what runs now gone left in .eventwire.tmp/, keep what a running one writes, and leave no folder", async () => {
  const messy = editEvent('schema_version: "1.3.0"\nid: ev-p6w7bxbz', 'id: ev-p6w7bxbz\nschema_version: "1.3.0"');
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: messy, "data/outlets/old.yaml": 'schema_version: "1.0.0"\nid: old\nname: Old\nkind: wire_agency\ncountry: FRA\ndomains: [old.example.com]\n' });
  const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  try {
    for (const command of [["format"], ["migrate"]]) {
      const dead = await deadPid();
      mkdirSync(path.join(root, TEMP), { recursive: true });
      writeFileSync(path.join(root, TEMP, `${dead}.1.tmp`), "half a record");
      writeFileSync(path.join(root, TEMP, `${sleeper.pid}.1.tmp`), "being written");
      const r = await run(command, { cwd: root });
      assert.is(r.code, 0, r.stderr);
      assert.equal(readdirSync(path.join(root, TEMP)), [`${sleeper.pid}.1.tmp`], `${command[0]}: the dead run's file removed, the running one's kept`);
      rmSync(path.join(root, TEMP, `${sleeper.pid}.1.tmp`));
      const again = await run(command, { cwd: root });
      assert.is(again.code, 0, again.stderr);
      assert.not.ok(existsSync(path.join(root, TEMP)), `${command[0]}: the empty folder is removed`);
    }
    assert.match(readFileSync(path.join(root, EVENT_PATH), "utf8"), /^schema_version: "1\.3\.0"\nid: ev-p6w7bxbz\n/, "formatted");
    assert.match(readFileSync(path.join(root, "data/outlets/old.yaml"), "utf8"), /^schema_version: "1\.3\.0"/, "migrated");
    assert.ok(allFiles(path.join(root, "data")).every((f) => /\.yaml$/.test(f) && !path.basename(f).startsWith(".")), "nothing but records in data/");
  } finally {
    sleeper.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  }
});

test("a temporary folder that is a link or a file is refused, never written through", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  try {
    const elsewhere = path.join(root, "elsewhere");
    mkdirSync(elsewhere);
    for (const make of [() => writeFileSync(path.join(root, TEMP), "a file where the folder goes"), () => symlinkSync(elsewhere, path.join(root, TEMP))]) {
      rmSync(path.join(root, TEMP), { force: true });
      make();
      const r = await run(["format"], { cwd: root });
      assert.is(r.code, 2);
      assert.match(r.stderr, /\.eventwire\.tmp` is not a folder \(a link or a file\)/);
      assert.not.match(r.stderr, /internal error/);
      assert.equal(readdirSync(elsewhere), [], "nothing written through the link");
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("format killed midway (SIGKILL): nothing but records in data/, and the next run leaves no temporary folder", async () => {
  const files: Record<string, string> = { ...REGISTRY };
  // Keys in alphabetical order: every record is rewritten.
  for (const [stem, record] of syntheticEvents({ records: 400, seed: 5 })) files[`${stem}.yaml`] = stringify(record, { lineWidth: 0, sortMapEntries: true });
  const root = writeDataset(files);
  try {
    const before = new Map(Object.entries(files).map(([f, t]) => [f, t]));
    const child = spawn(process.execPath, [path.join(TOOLKIT_ROOT, "bin", "eventwire.js"), "format"], { cwd: root, stdio: "ignore" });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // Killed once it has started writing (a record changed), or left to end if it is faster than the poll.
    let done = false;
    void exited.then(() => (done = true));
    const events = Object.keys(files).filter((f) => f.startsWith("data/events/"));
    while (!done && events.every((f) => readFileSync(path.join(root, f), "utf8") === before.get(f))) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill("SIGKILL");
    await exited;
    const strays = allFiles(path.join(root, "data")).filter((f) => !/\.yaml$/.test(f) || path.basename(f).startsWith("."));
    assert.equal(strays, [], "no temporary file in data/");
    const r = await run(["format"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    assert.not.ok(existsSync(path.join(root, TEMP)), "what the killed run left is gone");
    const check = await run(["format", "--check"], { cwd: root });
    assert.is(check.code, 0, check.stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
