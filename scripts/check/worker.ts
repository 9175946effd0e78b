/**
 * A worker thread's job: process its share of the files and send the
 * outcomes back in batches (the main thread takes each in while the next is
 * worked on), then its end. Building a release, it also writes the share's
 * valid events as release part files.
 */
import { parentPort, workerData } from "node:worker_threads";
import { EventParts } from "../export/event-parts.ts";
import { processFile, type FileOutcome } from "./file.ts";
import type { WorkerData, WorkerMessage } from "./pool.ts";

export const BATCH = 2000;

const { items, ctx, exportTo } = workerData as WorkerData;
const send = (m: WorkerMessage) => parentPort!.postMessage(m);
const parts = exportTo ? new EventParts(exportTo.folder, exportTo.part) : undefined;
const onEvent = parts && ((event: Parameters<EventParts["add"]>[0]) => parts.add(event));
let batch: FileOutcome[] = [];
try {
  for (const i of items) {
    batch.push(processFile(i, ctx, onEvent));
    if (batch.length === BATCH) {
      send(batch);
      batch = [];
    }
  }
} catch (error) {
  parts?.abandon();
  throw error;
}
send(batch);
send({ end: true, ...(parts ? { part: parts.close() } : {}) });
