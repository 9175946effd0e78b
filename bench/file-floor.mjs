/**
 * The floor of an import that writes one file a record: creating N files
 * (open, write 1.4 kB, close) in one folder, then renaming each into a
 * data/events/YYYY/MM/ tree, as `eventwire import` stages and moves its set.
 *
 *   node bench/file-floor.mjs [N=100000] [folder=./.eventwire.tmp/file-floor]
 *
 * On the 2-core machine (ext4 on a virtual disk), 100k files took from 3.6 to
 * 29.6 s from one run to the next: create 23 to 272 µs, rename 15 to 25 µs a
 * file, as the disk was still writing back what earlier runs wrote.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";

const n = Number(process.argv[2] ?? 100000);
const base = process.argv[3] ?? ".eventwire.tmp/file-floor";
rmSync(base, { recursive: true, force: true });
mkdirSync(`${base}/tmp`, { recursive: true });
const text = "x".repeat(1400);
let t = performance.now();
for (let i = 0; i < n; i++) {
  const fd = openSync(`${base}/tmp/${i}.tmp`, "wx");
  writeSync(fd, text);
  closeSync(fd);
}
const create = performance.now() - t;
t = performance.now();
const made = new Set();
for (let i = 0; i < n; i++) {
  const dir = `${base}/events/${2000 + (i % 20)}/${String(1 + (i % 12)).padStart(2, "0")}`;
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  renameSync(`${base}/tmp/${i}.tmp`, `${dir}/ev-${i}.json`);
}
const rename = performance.now() - t;
const total = (create + rename) / 1000;
console.log(`${n} files: create ${((create / n) * 1000).toFixed(1)} µs, rename ${((rename / n) * 1000).toFixed(1)} µs a file; ${total.toFixed(2)} s, ${Math.round(n / total)} files/s`);
rmSync(base, { recursive: true, force: true });
