/**
 * A worker thread's job: process the batches of its share as they come, and
 * send each batch's outcomes back (the main thread then sends the next), then
 * its end. Building a release, it also writes the share's valid events as
 * release part files.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Event } from "../../schema/index.ts";
import { packOutcomes, unpackItems } from "./batches.ts";
import { processFile } from "./file.ts";
import type { WorkerData, WorkerInput, WorkerMessage } from "./pool.ts";
import { openEventSink } from "./sink.ts";

const { ctx, exportTo } = workerData as WorkerData;
const send = (m: WorkerMessage) => parentPort!.postMessage(m);
// The sink's module (the export layer's) is loaded only for a release (validate never needs it). Messages wait in the port until the listener below.
const parts = exportTo ? await openEventSink(exportTo.sink, exportTo.part) : undefined;
const onEvent = parts && ((event: Event) => parts.add(event));

parentPort!.on("message", (input: WorkerInput) => {
  if (input === null) {
    send({ end: true, ...(parts ? { part: parts.close() } : {}) });
    return;
  }
  try {
    send({ outcomes: packOutcomes(unpackItems(input).map((item) => processFile(item, ctx, onEvent))) });
  } catch (error) {
    parts?.abandon();
    throw error;
  }
});
