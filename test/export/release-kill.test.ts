/**
 * A release killed at each step that puts its set in place (the real CLI,
 * SIGKILL at the step through EVENTWIRE_TEST_KILL_AT), or stopped by a plain
 * kill (SIGTERM): on disk, the old set whole or the new one whole, never a
 * folder of one build beside the archive of another; the next release clears
 * or puts back what was left, and says so.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as tar from "tar";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const BIN = path.join(TOOLKIT_ROOT, "bin", "eventwire.js");
const V = "2.0.0";
const SET = `eventwire-${V}`;
const LOCK = `.${SET}.lock`;

function cli(root: string, out: string, env: Record<string, string> = {}) {
  return spawn(process.execPath, [BIN, "release", "--version", V, "--out", out], { cwd: root, stdio: "ignore", env: { PATH: process.env.PATH ?? "", ...env } });
}

function exited(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/**
 * The set at `set` is whole, one build: each file matches the folder's
 * SHA256SUMS, and the archive beside the folder holds that same SHA256SUMS.
 * Returns the SHA256SUMS text (which build it is).
 */
async function wholeSet(set: string): Promise<string> {
  assert.equal(readdirSync(set).sort(), [SET, `${SET}.tar.gz`], `${set} holds the folder and the archive`);
  const folder = path.join(set, SET);
  const sums = readFileSync(path.join(folder, "SHA256SUMS"), "utf8");
  for (const line of sums.trimEnd().split("\n")) {
    const [hash, file] = [line.slice(0, 64), line.slice(66)];
    assert.is(createHash("sha256").update(readFileSync(path.join(folder, file))).digest("hex"), hash, file);
  }
  let archived = "";
  await tar.t({
    file: path.join(set, `${SET}.tar.gz`),
    onReadEntry: (entry) => {
      if (entry.path !== `${SET}/SHA256SUMS`) return;
      entry.on("data", (chunk: Buffer) => (archived += chunk.toString("utf8")));
    },
  });
  assert.is(archived, sums, "the archive is of the same build as the folder");
  return sums;
}

/** A dataset released once (the old set), then changed (the next build differs). */
async function releasedOnce(): Promise<{ root: string; out: string; oldSums: string }> {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  const out = path.join(root, "dist");
  const first = await run(["release", "--version", V, "--out", out], { cwd: root });
  assert.is(first.code, 0, first.stderr);
  const oldSums = await wholeSet(path.join(out, SET));
  writeFileSync(path.join(root, EVENT_PATH), EVENT_YAML.replace("Blinken meets the five", "Blinken meets all five"));
  return { root, out, oldSums };
}

test("killed before the old set is moved aside: the old set stays whole; the next release removes the staging folder", async () => {
  const { root, out, oldSums } = await releasedOnce();
  try {
    const killed = await exited(cli(root, out, { EVENTWIRE_TEST_KILL_AT: "move-old-aside" }));
    assert.is(killed.signal, "SIGKILL");
    assert.is(await wholeSet(path.join(out, SET)), oldSums, "the old set, whole");
    assert.ok(existsSync(path.join(out, LOCK)), "a killed release leaves its lock (the next takes it over)");
    const left = readdirSync(out).filter((e) => e.startsWith(".") && e !== LOCK);
    assert.is(left.length, 1);
    assert.match(left[0]!, new RegExp(`^\\.${SET}\\.tmp-\\d+$`));
    const next = await run(["release", "--version", V, "--out", out], { cwd: root });
    assert.is(next.code, 0, next.stderr);
    assert.match(next.stderr, new RegExp(`release: .*${left[0]!.replace(/\./g, "\\.")} removed, left by a release that did not finish`));
    assert.equal(readdirSync(out), [SET]);
    assert.is.not(await wholeSet(path.join(out, SET)), oldSums, "the new set");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("killed between the two renames: no set at the name (no mix), the old one whole beside it; the next release puts it back, then replaces it", async () => {
  const { root, out, oldSums } = await releasedOnce();
  try {
    const killed = await exited(cli(root, out, { EVENTWIRE_TEST_KILL_AT: "move-new-in" }));
    assert.is(killed.signal, "SIGKILL");
    assert.not.ok(existsSync(path.join(out, SET)), "nothing at the name: neither a mix nor half a set");
    const old = readdirSync(out).find((e) => e.startsWith(`.${SET}.old-`))!;
    assert.ok(old, "the old set, moved aside");
    assert.is(await wholeSet(path.join(out, old)), oldSums, "the old set is whole where it waits");
    const staging = readdirSync(out).find((e) => e.startsWith(`.${SET}.tmp-`))!;
    assert.ok(staging);
    await wholeSet(path.join(out, staging));
    const next = await run(["release", "--version", V, "--out", out], { cwd: root });
    assert.is(next.code, 0, next.stderr);
    assert.match(next.stderr, new RegExp(`${SET} put back from \\.${SET}\\.old-\\d+`));
    assert.match(next.stderr, new RegExp(`\\.${SET}\\.tmp-\\d+ removed`));
    assert.equal(readdirSync(out), [SET]);
    assert.is.not(await wholeSet(path.join(out, SET)), oldSums);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("killed before the old set is removed: the new set whole at the name; the next release removes the old one", async () => {
  const { root, out, oldSums } = await releasedOnce();
  try {
    const killed = await exited(cli(root, out, { EVENTWIRE_TEST_KILL_AT: "remove-old" }));
    assert.is(killed.signal, "SIGKILL");
    const newSums = await wholeSet(path.join(out, SET));
    assert.is.not(newSums, oldSums, "the new set, whole");
    assert.ok(existsSync(path.join(out, LOCK)), "a killed release leaves its lock (the next takes it over)");
    const left = readdirSync(out).filter((e) => e.startsWith(".") && e !== LOCK);
    assert.is(left.length, 1);
    assert.match(left[0]!, new RegExp(`^\\.${SET}\\.old-\\d+$`));
    const next = await run(["release", "--version", V, "--out", out], { cwd: root });
    assert.is(next.code, 0, next.stderr);
    assert.match(next.stderr, /\.old-\d+ removed, left by a release that did not finish/);
    assert.equal(readdirSync(out), [SET]);
    assert.is(await wholeSet(path.join(out, SET)), newSums);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a plain kill (SIGTERM) midway: the old set whole, nothing left behind", async () => {
  const { root, out, oldSums } = await releasedOnce();
  try {
    const child = cli(root, out);
    let ended = false;
    const done = exited(child).then((end) => ((ended = true), end));
    // Stopped once its staging folder exists, that is midway through the build (a run that ends first fails the test, never hangs it).
    const stopped = await new Promise<boolean>((resolve) => {
      const poll = setInterval(() => {
        if (ended) {
          clearInterval(poll);
          resolve(false);
        } else if (readdirSync(out).some((e) => e.includes(".tmp-"))) {
          clearInterval(poll);
          child.kill("SIGTERM");
          resolve(true);
        }
      }, 2);
    });
    assert.ok(stopped, "the release ended before its staging folder was seen");
    const end = await done;
    assert.is(end.code, 143, "stopped by its own handler, 128 + SIGTERM");
    assert.equal(readdirSync(out), [SET], "no staging folder left");
    assert.is(await wholeSet(path.join(out, SET)), oldSums);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a release of a version that is being released is refused (exit 2, the running one named); a lock whose process is gone is taken over", async () => {
  const { root, out, oldSums } = await releasedOnce();
  // A process that is running (it waits on its stdin), standing for a release in progress.
  const holder = spawn(process.execPath, ["-e", "process.stdin.resume()"], { stdio: ["pipe", "ignore", "ignore"] });
  try {
    writeFileSync(path.join(out, LOCK), `${holder.pid}\n`);
    const busy = await run(["release", "--version", V, "--out", out], { cwd: root });
    assert.is(busy.code, 2, busy.stderr);
    assert.match(busy.stderr, new RegExp(`eventwire release: a release of ${V.replace(/\./g, "\\.")} is already running \\(process ${holder.pid}, lock `));
    assert.is(await wholeSet(path.join(out, SET)), oldSums, "the set is untouched");
    assert.is(readFileSync(path.join(out, LOCK), "utf8"), `${holder.pid}\n`, "the running release's lock is kept");
    assert.equal(readdirSync(out).sort(), [LOCK, SET].sort(), "nothing else written");
    holder.stdin!.end();
    await exited(holder);
    // Its process gone, the lock is stale: the next release takes it over, builds, and gives it back.
    const next = await run(["release", "--version", V, "--out", out], { cwd: root });
    assert.is(next.code, 0, next.stderr);
    assert.equal(readdirSync(out), [SET]);
    // Something that is no lock file at the lock's name (a folder) holds no process: taken over too.
    mkdirSync(path.join(out, LOCK, "inner"), { recursive: true });
    const overFolder = await run(["release", "--version", V, "--out", out], { cwd: root });
    assert.is(overFolder.code, 0, overFolder.stderr);
    assert.equal(readdirSync(out), [SET]);
    assert.is.not(await wholeSet(path.join(out, SET)), oldSums, "the new set");
  } finally {
    holder.kill();
    rmSync(root, { recursive: true, force: true });
  }
});

test("two releases of one version started together: each ends built or refused, never both at the set; the set is whole, no lock left", async () => {
  const { root, out } = await releasedOnce();
  try {
    const started = [0, 1].map(() => {
      const child = spawn(process.execPath, [BIN, "release", "--version", V, "--out", out], { cwd: root, stdio: ["ignore", "ignore", "pipe"], env: { PATH: process.env.PATH ?? "" } });
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      return exited(child).then((end) => ({ ...end, stderr }));
    });
    const ends = await Promise.all(started);
    for (const end of ends) {
      assert.ok(end.code === 0 || end.code === 2, `exit ${end.code}: ${end.stderr}`);
      if (end.code === 2) assert.match(end.stderr, /is already running \(process \d+/);
    }
    assert.ok(ends.some((end) => end.code === 0), "one of them built the set");
    assert.equal(readdirSync(out), [SET], "no lock, staging or old set left");
    await wholeSet(path.join(out, SET));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("EVENTWIRE_TEST_KILL_AT names a step or is a usage error", async () => {
  const r = await run(["release", "--version", V, "--out", path.join(TOOLKIT_ROOT, "dist-never")], { cwd: TOOLKIT_ROOT, env: { EVENTWIRE_TEST_KILL_AT: "later" } });
  assert.is(r.code, 2);
  assert.match(r.stderr, /EVENTWIRE_TEST_KILL_AT: `later` is not a step \(move-old-aside, move-new-in, remove-old\)/);
  assert.not.ok(existsSync(path.join(TOOLKIT_ROOT, "dist-never")));
});

test("leftovers of a release still running are left alone and said; those of any version whose run is gone are removed; the archive of the former layout goes with its set", async () => {
  const { root, out } = await releasedOnce();
  const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  try {
    const gone = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await exited(gone);
    const running = `.eventwire-9.9.9.tmp-${sleeper.pid}`;
    const stale = `.eventwire-0.1.0.tmp-${gone.pid}`;
    const staleArchive = `.eventwire-0.1.0.tar.gz.tmp-${gone.pid}`;
    for (const name of [running, stale]) mkdirSync(path.join(out, name, "eventwire-x"), { recursive: true });
    writeFileSync(path.join(out, staleArchive), "half an archive");
    // A release of the former layout: its folder at the set's name, its archive beside it.
    rmSync(path.join(out, SET), { recursive: true });
    mkdirSync(path.join(out, SET));
    writeFileSync(path.join(out, SET, "events.jsonl"), "");
    writeFileSync(path.join(out, `${SET}.tar.gz`), "the old archive");
    const r = await run(["release", "--version", V, "--out", out], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`${running.replace(/\./g, "\\.")} belongs to a release still running \\(process ${sleeper.pid}\\); left alone`));
    assert.match(r.stderr, new RegExp(`${stale.replace(/\./g, "\\.")} removed`));
    assert.match(r.stderr, new RegExp(`${staleArchive.replace(/\./g, "\\.")} removed`));
    assert.equal(readdirSync(out).sort(), [running, SET].sort());
    await wholeSet(path.join(out, SET));
  } finally {
    sleeper.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
