/**
 * The floor of a `validate --cache --cache-strategy metadata` run: how long
 * listing a dataset's data/ and taking the metadata of every file takes on
 * this machine, in one thread (lstatSync), through libuv's pool
 * (fs.promises.lstat, 8 in flight), and in two threads (a worker thread
 * started for it and this one, half each, as a --cache run takes them). A
 * cached run cannot be faster than its share of these, and Node's start
 * (`node -e ""`, timed once here).
 *
 *   node bench/stat-floor.mjs <dataset root> [rounds=2]
 */
import { spawnSync } from "node:child_process";
import { lstatSync, promises as fsp, readdirSync } from "node:fs";
import { Worker } from "node:worker_threads";
import path from "node:path";

const [root, roundsArg = "2"] = process.argv.slice(2);
if (!root) {
  process.stderr.write("usage: node bench/stat-floor.mjs <dataset root> [rounds]\n");
  process.exit(2);
}
const data = path.join(root, "data");
const s0 = performance.now();
spawnSync(process.execPath, ["-e", ""]);
process.stdout.write(`node's start: ${(performance.now() - s0).toFixed(0)} ms\n`);
for (let round = 1; round <= Number(roundsArg); round++) {
  const t0 = performance.now();
  const files = readdirSync(data, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath ?? d.path, d.name));
  const t1 = performance.now();
  for (const f of files) lstatSync(f);
  const t2 = performance.now();
  let next = 0;
  const one = async () => {
    while (next < files.length) await fsp.lstat(files[next++]);
  };
  await Promise.all(Array.from({ length: 8 }, one));
  const t3 = performance.now();
  const half = Math.ceil(files.length / 2);
  const worker = new Promise((resolve) => {
    const w = new Worker(`const { parentPort, workerData } = require("node:worker_threads"); const { lstatSync } = require("node:fs"); for (const f of workerData.split("\\0")) lstatSync(f); parentPort.postMessage(0);`, {
      eval: true,
      workerData: files.slice(0, half).join("\0"),
    });
    w.once("message", () => void w.terminate().then(resolve));
  });
  for (let i = half; i < files.length; i++) lstatSync(files[i]);
  await worker;
  const t4 = performance.now();
  const ms = (a, b) => `${(b - a).toFixed(0)} ms`;
  process.stdout.write(
    `${files.length} files: list ${ms(t0, t1)}, lstatSync ${ms(t1, t2)} (${(((t2 - t1) * 1000) / files.length).toFixed(1)} µs each), fs.promises.lstat x8 ${ms(t2, t3)}, a worker and this thread ${ms(t3, t4)}\n`,
  );
}
