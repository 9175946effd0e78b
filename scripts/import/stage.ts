/**
 * The files of an import, written to the temporary folder by a worker thread
 * while the main thread goes on mapping rows: creating a file is the largest
 * cost of an import (open, write, close: 60-80 µs a file on the 2-core
 * machine), and it overlaps with the mapping this way. The worker is a few
 * lines of plain JavaScript (it runs the same from the sources and from the
 * bundle). Batches are bounded, so memory stays flat in the number of rows;
 * the first error (a full disk, a file that exists) is raised by `finish()`.
 */
import { Worker } from "node:worker_threads";

const WORKER = `
const { parentPort } = require("node:worker_threads");
const { openSync, writeSync, closeSync } = require("node:fs");
let failed;
parentPort.on("message", (batch) => {
  if (batch === "done") { parentPort.postMessage({ done: true, error: failed }); return; }
  if (!failed) {
    for (const [file, text] of batch) {
      try {
        const fd = openSync(file, "wx");
        try { writeSync(fd, text); } finally { closeSync(fd); }
      } catch (error) { failed = { message: error.message, code: error.code, path: file }; break; }
    }
  }
  parentPort.postMessage({ written: batch.length });
});
`;

/** Files in a batch sent to the worker; batches in flight before the main thread waits. */
const BATCH = 256;
const IN_FLIGHT = 8;

export class StagedFiles {
  private worker: Worker | undefined;
  private batch: [string, string][] = [];
  private inFlight = 0;
  private wake: (() => void) | undefined;
  private finished: ((error: { message: string; code?: string; path: string } | undefined) => void) | undefined;

  private start(): Worker {
    const worker = new Worker(WORKER, { eval: true });
    worker.on("message", (m: { written?: number; done?: boolean; error?: { message: string; code?: string; path: string } }) => {
      if (m.done) this.finished?.(m.error);
      else {
        this.inFlight--;
        this.wake?.();
        this.wake = undefined;
      }
    });
    worker.on("error", (error) => this.finished?.({ message: error.message, path: "" }));
    return worker;
  }

  /** Queues a file; resolves at once, or when the worker has caught up with enough of the queue. */
  async write(file: string, text: string): Promise<void> {
    this.batch.push([file, text]);
    if (this.batch.length < BATCH) return;
    this.flush();
    while (this.inFlight > IN_FLIGHT) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.worker ??= this.start();
    this.worker.postMessage(this.batch);
    this.inFlight++;
    this.batch = [];
  }

  /** Waits until every file queued is written; throws the first error, with the file's path and code. */
  async finish(): Promise<void> {
    this.flush();
    if (!this.worker) return;
    const worker = this.worker;
    const error = await new Promise<{ message: string; code?: string; path: string } | undefined>((resolve) => {
      this.finished = resolve;
      worker.postMessage("done");
    });
    await worker.terminate();
    this.worker = undefined;
    if (error) throw Object.assign(new Error(error.message), { code: error.code, path: error.path });
  }

  /** Stops the worker without waiting (after an error elsewhere). */
  async abort(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
