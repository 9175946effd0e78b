/**
 * Spreads the per-file work over the machine's cores: the files are split
 * into contiguous shares (neighbouring files share folders, and the page
 * cache), one worker thread a share. The main thread only waits: measured
 * on 100k records and 2 cores, two workers took 10.5 s where the main thread
 * and one worker took 12 s (its heap already holds the listing and the
 * registries). Small jobs stay in the main thread: a worker costs a start-up.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "../core/io.ts";
import { RUNNING_FROM_BUNDLE, TOOLKIT_ROOT } from "../core/paths.ts";
import type { DatasetFile } from "../dataset/discover.ts";
import { packItems, unpackOutcomes, type ItemBatch, type OutcomeBatch } from "./batches.ts";
import { processFile, type FileCheckContext, type FileOutcome, type WorkItem } from "./file.ts";
import { openEventSink, type EventSinkSpec } from "./sink.ts";

/** Below this many files a share, another thread does not pay for its start-up. */
/** How often a run in one thread counts the files it has checked, for the progress line. */
const PROGRESS_STEP = 50;

export const MIN_FILES_PER_THREAD = 4000;

export interface PoolOptions {
  /** Threads to use, the main one included; default: the cores available. */
  threads?: number;
  /** Files a thread must have before another is started (tests set 1). */
  minFilesPerThread?: number;
  /** Building a release: where valid events are also written, as each share's part files (the export layer's sink, see sink.ts). */
  exportTo?: EventSinkSpec;
  /** Told how many items are done, now and then. */
  progress?: (done: number, total: number) => void;
}

/**
 * EVENTWIRE_THREADS=N: up to N threads, whatever the number of files (for
 * measuring, and tests), but never more than the cores (`cores`, default
 * os.availableParallelism()): a thread more than the cores only adds a
 * worker's start-up and heap (1000 asked for 158 files took 1.2 GB). The
 * work caps it too: a thread has one file at least. Set but empty is unset
 * (what a CI variable that is not defined gives: `${{ vars.X }}` in GitHub
 * Actions). Anything else but a whole number of 1 or more (0, -1, 1.5, 1e3,
 * 0x10, " ", "many") is a usage error.
 */
export function poolOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, cores = availableParallelism()): PoolOptions {
  const threads = env.EVENTWIRE_THREADS;
  if (threads === undefined || threads === "") return {};
  if (!/^[1-9]\d*$/.test(threads))
    throw new UsageError(`EVENTWIRE_THREADS must be a whole number of threads (1 or more), got \`${threads.length > 40 ? `${threads.slice(0, 40)}...` : threads}\``);
  return { threads: Math.max(1, Math.min(Number(threads), cores)), minFilesPerThread: 1 };
}

/** The threads a run of `items` files uses (the main one included): the threads asked for or the cores, one a share of `minFilesPerThread` files at least. */
export function threadsFor(items: number, options: Pick<PoolOptions, "threads" | "minFilesPerThread"> = {}): number {
  const min = options.minFilesPerThread ?? MIN_FILES_PER_THREAD;
  return Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.floor(items / Math.max(1, min))));
}

function workerUrl(): URL {
  return RUNNING_FROM_BUNDLE ? pathToFileURL(path.join(TOOLKIT_ROOT, "build", "worker.mjs")) : new URL("./worker-from-source.js", import.meta.url);
}

/** What a worker is given at its start: what checking needs, and the sink of its part of the release files (if a release is being built). */
export interface WorkerData {
  ctx: FileCheckContext;
  exportTo?: { sink: EventSinkSpec; part: number };
}

/** What the main thread sends a worker: the next batch of its share, in order, or `null` at the end of the share. */
export type WorkerInput = ItemBatch | null;

/** What a worker sends back: each batch's outcomes, in order, then its end (with its release part's report). */
export type WorkerMessage = { outcomes: OutcomeBatch } | { end: true; part?: unknown };

/** The items of a run: an array, or made one at a time when asked for (a million objects are never held at once). */
export interface WorkItems {
  readonly length: number;
  at(index: number): WorkItem | undefined;
}

/** Told each item's outcome, with the item's place in the list, as it comes (not in order across threads). */
export type OutcomeSink = (index: number, outcome: FileOutcome) => void;

export interface PoolResult {
  /** Under `exportTo`: each share's report of its release parts (what its sink's `close` returned), in share order. */
  parts: unknown[];
}

/** Files a batch: outcomes come back a batch at a time, and the next batch goes out. */
const BATCH = 2000;

/** Batches a worker holds at once: one in work, one waiting, so that it never idles for the next. */
const IN_FLIGHT = 2;

/**
 * The old-generation heap a worker may use. Left alone, V8 lets each
 * worker's heap grow far past what it holds alive (two batches of items and
 * outcomes, and the file in work), and the process's peak memory grows with
 * it. A ceiling makes it collect sooner: measured on 100k records, peak
 * memory 463 MB -> 376 MB at the same speed. It leaves room for the largest
 * file a record may be (1 MiB) parsed with its positions many times over.
 */
const WORKER_HEAP_MB = 192;

/**
 * Runs one share in a worker, fed a batch at a time (the share is never
 * copied whole into the worker: its heap stays the same size, whatever the
 * share's).
 */
function runWorker(items: WorkItems, from: number, to: number, data: WorkerData, onOutcome: OutcomeSink, progress: (n: number) => void, started: Worker[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    started.push(worker);
    // Items sent, and outcomes received (batches come back in the order they went).
    let sent = from;
    let received = from;
    let ended = false;
    const sendNext = () => {
      if (ended) return;
      const input: WorkerInput = sent < to ? packItems(Array.from({ length: Math.min(to, sent + BATCH) - sent }, (_, i) => items.at(sent + i)!)) : null;
      if (input === null) ended = true;
      else sent = Math.min(to, sent + BATCH);
      worker.postMessage(input);
    };
    for (let i = 0; i < IN_FLIGHT; i++) sendNext();
    let end: { part?: unknown } | undefined;
    worker.on("message", (m: WorkerMessage) => {
      if ("outcomes" in m) {
        const at = received;
        try {
          unpackOutcomes(m.outcomes, (i, outcome) => onOutcome(at + i, outcome));
        } catch (error) {
          // A failure here (in a dataset rule) fails the run, as a worker's own does: the other workers stop too.
          reject(error);
          return;
        }
        received += m.outcomes.flags.length;
        progress(m.outcomes.flags.length);
        sendNext();
      } else {
        end = m;
        void worker.terminate();
      }
    });
    worker.once("error", reject);
    worker.once("exit", (code) =>
      end && received === to ? resolve(end.part) : reject(new Error(`a check worker stopped (exit code ${code}) before the end of its share`)),
    );
  });
}

/**
 * Processes the items: in this thread, or spread over worker threads in
 * contiguous shares. With `exportTo`, the valid events of each share are
 * also written as release part files (share k writes part k), so items must
 * come in id order for the parts to join into id-ordered files.
 */
export async function processAll(items: WorkItems, ctx: FileCheckContext, onOutcome: OutcomeSink, options: PoolOptions = {}): Promise<PoolResult> {
  const threads = threadsFor(items.length, options);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.progress?.(done, items.length);
  };
  progress(0);
  if (threads <= 1) {
    // Loaded only for a release: the export modules bring zod, yaml and csv-stringify, which validate never needs.
    const parts = options.exportTo ? await openEventSink(options.exportTo, 0) : undefined;
    try {
      for (let i = 0; i < items.length; i++) {
        onOutcome(i, processFile(items.at(i)!, ctx, parts && ((event) => parts.add(event))));
        // Counted every PROGRESS_STEP files (the progress line redraws at most every 100 ms): a slow run of a few
        // hundred files shows its progress too, as it does through the workers' batches.
        if ((i + 1) % PROGRESS_STEP === 0) progress(PROGRESS_STEP);
      }
      progress(items.length - done);
      return { parts: parts ? [parts.close()] : [] };
    } catch (error) {
      parts?.abandon();
      throw error;
    }
  }
  const size = Math.ceil(items.length / threads);
  const started: Worker[] = [];
  let results;
  try {
    results = await Promise.all(
      Array.from({ length: threads }, (_, part) =>
        runWorker(items, Math.min(items.length, part * size), Math.min(items.length, (part + 1) * size), { ctx, ...(options.exportTo ? { exportTo: { sink: options.exportTo, part } } : {}) }, onOutcome, progress, started),
      ),
    );
  } catch (error) {
    // One worker failed: the others stop too (a release's folder is about to go; their parts with it).
    await Promise.all(started.map((w) => w.terminate()));
    throw error;
  }
  return { parts: results.flatMap((part) => (part ? [part] : [])) };
}
