/**
 * Dataset rules across threads: events reach the rules in whatever order the
 * worker threads report them, and a release checks them in id order; the
 * findings (files, positions, messages, related files) are the same whatever
 * the number of threads.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkDataset } from "../../scripts/check/run.ts";
import { discover, listData } from "../../scripts/dataset/discover.ts";
import { eventPartsSink } from "../../scripts/export/event-parts.ts";
import { EVENT_YAML, editEvent, REGISTRY, writeDataset } from "../helpers/dataset.ts";

/** An event of the example's shape with another id and start day (same day: same probable-duplicate key). */
function event(id: string, day: string, edits: [string, string][] = []): string {
  let text = editEvent("id: ev-p6w7bxbz", `id: ${id}`);
  text = editEvent('start: "2023-02-28"', `start: "2023-02-${day}"`, text);
  for (const [from, to] of edits) text = editEvent(from, to, text);
  return text;
}

const FILES: Record<string, string> = {
  ...REGISTRY,
  // Probable duplicates: three active events on the 28th.
  "data/events/2023/02/ev-p6w7bxbz.yaml": EVENT_YAML,
  "data/events/2023/02/ev-zzzzzzz1.yaml": event("ev-zzzzzzz1", "28"),
  "data/events/2023/02/ev-aaaaaaa1.yaml": event("ev-aaaaaaa1", "28"),
  // One id in two files.
  "data/events/2023/02/ev-mmmmmmm1.yaml": event("ev-mmmmmmm1", "10"),
  "data/events/2023/02/old/ev-mmmmmmm1.yaml": event("ev-mmmmmmm1", "11"),
  // A duplicate of a retracted event, and one of an event that does not exist.
  "data/events/2023/02/ev-dddddddd.yaml": event("ev-dddddddd", "12", [["status: active", "status: duplicate\nduplicate_of: ev-rrrrrrrr"]]),
  "data/events/2023/02/ev-rrrrrrrr.yaml": event("ev-rrrrrrrr", "13", [["status: active", "status: retracted\nretraction_reason: The source withdrew its report."]]),
  "data/events/2023/02/ev-eeeeeeee.yaml": event("ev-eeeeeeee", "14", [["status: active", "status: duplicate\nduplicate_of: ev-nnnnnnnn"]]),
  // Events that collide with nothing.
  ...Object.fromEntries(["01", "02", "03", "04", "05", "06"].map((day) => [`data/events/2023/02/ev-qqqqqq${day}.yaml`, event(`ev-qqqqqq${day}`, day)])),
};

test("dataset findings are the same with 1, 2 or 3 threads, and in a release's id order", async () => {
  const root = writeDataset(FILES);
  const exportTo = mkdtempSync(path.join(tmpdir(), "eventwire-parts-"));
  try {
    const files = await discover(root);
    // A release checks the packed listing of data/ as its own targets.
    const packed = listData(root);
    const run = async (threads: number, release = false) =>
      JSON.stringify(
        (await checkDataset(root, release ? packed : files, { today: "2026-11-27", threads, minFilesPerThread: 1, ...(release ? { exportTo: eventPartsSink(exportTo), listing: packed } : {}) })).findings,
      );
    const one = await run(1);
    const rules = new Set((JSON.parse(one) as { rule: string }[]).map((f) => f.rule));
    for (const rule of ["id-unique", "duplicate-of", "probable-duplicate"]) assert.ok(rules.has(rule), `the dataset has a ${rule} finding`);
    for (const threads of [2, 3]) assert.is(await run(threads), one, `${threads} threads`);
    for (const threads of [1, 2]) assert.is(await run(threads, true), one, `release order, ${threads} threads`);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(exportTo, { recursive: true, force: true });
  }
});

test.run();
