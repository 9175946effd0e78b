/**
 * What the main thread and the check workers send each other, packed: a
 * batch of two thousand files goes as a few strings and bytes, not as
 * thousands of small objects. Structured cloning those objects, and then
 * collecting them, kept the main thread busy for about a fifth of a run, on
 * cores the workers need.
 */
import type { Finding } from "../core/finding.ts";
import { formatOf, kindOf, toDatasetFile } from "../dataset/discover.ts";
import type { LineExcerpt } from "../dataset/lines.ts";
import type { EventSummary } from "../rules/types.ts";
import type { FileOutcome, FileRole, WorkItem } from "./file.ts";

/** Files of one root and one role, as their paths (the common case); any other items as they are. */
export type ItemBatch = { root: string; role: FileRole; paths: string } | { items: WorkItem[] };

/**
 * Whether an item is its path and role alone: its file is what the listing makes of the path. A link or what the
 * listing found unread (a FIFO, a folder it could not list) goes whole: the worker reads a plain path as a regular file.
 */
function plain(item: WorkItem, root: string, role: FileRole): boolean {
  const { file } = item;
  return item.role === role && !item.needles && file.root === root && !file.symlink && !file.unread && file.kind === kindOf(file.path) && file.format === formatOf(file.path);
}

export function packItems(items: WorkItem[]): ItemBatch {
  const first = items[0];
  if (first && items.every((item) => plain(item, first.file.root, first.role)))
    return { root: first.file.root, role: first.role, paths: JSON.stringify(items.map((item) => item.file.path)) };
  return { items };
}

export function unpackItems(batch: ItemBatch): WorkItem[] {
  if ("items" in batch) return batch.items;
  const { root, role } = batch;
  return (JSON.parse(batch.paths) as string[]).map((path) => ({ file: toDatasetFile(root, path), role }));
}

const RECORD = 1;
const EVENT = 2;

/** The outcomes of a batch, in order. */
export interface OutcomeBatch {
  /** One byte an outcome: RECORD when the file held a record; EVENT when a summary of it is in `events`. */
  flags: Uint8Array;
  /**
   * The summaries, in order, as JSON: id, status, start, profile and
   * duplicate_of (0 for none) of each, in one array. A worker's summaries are
   * never `partial` (the main thread makes those, from file names).
   */
  events: string;
  /** The findings of the outcomes that have any, by their place in the batch. */
  findings: [number, Finding[]][];
  /** Evidence counts (checked, not checked) by place in the batch. */
  evidence: [number, number, number][];
  /** The lines code frames show, of the outcomes with findings, by place in the batch. */
  excerpts: [number, LineExcerpt][];
}

export function packOutcomes(outcomes: readonly FileOutcome[]): OutcomeBatch {
  const flags = new Uint8Array(outcomes.length);
  const events: (string | number | undefined)[] = [];
  const findings: OutcomeBatch["findings"] = [];
  const evidence: OutcomeBatch["evidence"] = [];
  const excerpts: OutcomeBatch["excerpts"] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i]!;
    flags[i] = (o.record ? RECORD : 0) | (o.event ? EVENT : 0);
    if (o.event) {
      const e = o.event;
      events.push(e.id, e.status, e.start, e.profile, e.duplicate_of ?? 0);
    }
    if (o.findings) findings.push([i, o.findings]);
    if (o.evidence) evidence.push([i, o.evidence[0], o.evidence[1]]);
    if (o.excerpt) excerpts.push([i, o.excerpt]);
  }
  return { flags, events: JSON.stringify(events), findings, evidence, excerpts };
}

/**
 * One copy of each of the texts findings repeat (a rule's id and hint, a
 * pointer, a message without data): cloned from a worker, each finding holds
 * copies of its own, and a run with a finding on every file keeps them all.
 */
const interned = new Map<string, string>();
const MAX_INTERNED = 10_000;

function intern(text: string): string {
  const kept = interned.get(text);
  if (kept !== undefined) return kept;
  if (interned.size < MAX_INTERNED) interned.set(text, text);
  return text;
}

/** Calls `each` with every outcome of a batch and its place in it, in order. */
export function unpackOutcomes(batch: OutcomeBatch, each: (index: number, outcome: FileOutcome) => void): void {
  const events = JSON.parse(batch.events) as (string | 0)[];
  const findings = new Map(batch.findings);
  const evidence = new Map(batch.evidence.map(([i, checked, notChecked]) => [i, [checked, notChecked] as [number, number]]));
  const excerpts = new Map(batch.excerpts);
  let e = 0;
  for (let i = 0; i < batch.flags.length; i++) {
    const flags = batch.flags[i]!;
    const outcome: FileOutcome = { record: (flags & RECORD) !== 0 };
    if (flags & EVENT) {
      const event: EventSummary = { id: events[e] as string, status: events[e + 1] as EventSummary["status"], start: events[e + 2] as string, profile: events[e + 3] as string };
      if (events[e + 4] !== 0) event.duplicate_of = events[e + 4] as string;
      outcome.event = event;
      e += 5;
    }
    const found = findings.get(i);
    if (found) {
      for (const f of found) {
        f.rule = intern(f.rule);
        f.message = intern(f.message);
        f.pointer = intern(f.pointer);
        if (f.hint !== undefined) f.hint = intern(f.hint);
      }
      outcome.findings = found;
    }
    const counts = evidence.get(i);
    if (counts) outcome.evidence = counts;
    const excerpt = excerpts.get(i);
    if (excerpt) outcome.excerpt = excerpt;
    each(i, outcome);
  }
}
