/** A worker thread's job: process its share of the files and send the outcomes back. */
import { parentPort, workerData } from "node:worker_threads";
import type { DatasetFile } from "../dataset/discover.ts";
import { processFile, type FileCheckContext, type WorkItem } from "./file.ts";

const { items, ctx } = workerData as { items: WorkItem[]; ctx: FileCheckContext };
parentPort!.postMessage(items.map((i) => processFile(i.file, i.role, ctx, i.needles)));
