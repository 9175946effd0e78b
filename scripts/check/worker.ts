/**
 * A worker thread's job: process its share of the files and send the
 * outcomes back in batches (the main thread takes each in while the next is
 * worked on), then `null` to say it is done.
 */
import { parentPort, workerData } from "node:worker_threads";
import { processFile, type FileCheckContext, type FileOutcome, type WorkItem } from "./file.ts";

export const BATCH = 2000;

const { items, ctx } = workerData as { items: WorkItem[]; ctx: FileCheckContext };
let batch: FileOutcome[] = [];
for (const i of items) {
  batch.push(processFile(i, ctx));
  if (batch.length === BATCH) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
parentPort!.postMessage(batch);
parentPort!.postMessage(null);
