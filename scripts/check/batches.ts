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
import type { EventSummary, SourceSummary } from "../rules/types.ts";
import type { Directive } from "../rules/directive/directives.ts";
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
/** The places of a summary in OutcomeBatch's `events`. */
const SUMMARY_SLOTS = 12;

/** The outcomes of a batch, in order. */
export interface OutcomeBatch {
  /** One byte an outcome: RECORD when the file held a record; EVENT when a summary of it is in `events`. */
  flags: Uint8Array;
  /**
   * The summaries, in order, as JSON: id, status, start, type, mode,
   * countries, actors, duplicate_of, coding, sources, pages and described
   * (0 for a field left out) of each, in one array (SUMMARY_SLOTS a summary). A worker's summaries are
   * never `partial` (the main thread makes those, from file names).
   */
  events: string;
  /** The findings of the batch, in columns (see PackedFindings). */
  findings: PackedFindings;
  /** Evidence counts (checked, not checked) by place in the batch. */
  evidence: [number, number, number][];
  /** The lines code frames show, of the outcomes with findings, by place in the batch. */
  excerpts: [number, LineExcerpt][];
  /** Inline directives (few files have any), by place in the batch. */
  directives: [number, Directive[]][];
}

/**
 * Findings as columns, not objects: a finding-heavy batch (a finding on each
 * file) sent as two thousand objects of ten fields was cloned field by field,
 * each copy of a rule's hint and id a string of its own, and the main thread
 * then interned them. Here each distinct text goes once (`texts`), numbers go
 * in typed arrays, and the main thread makes the objects.
 */
export interface PackedFindings {
  /** Each finding's outcome (its place in the batch); an outcome's findings are in a row, in order. */
  outcome: Uint32Array;
  /** line, column, endLine, endColumn of each (0: undefined). */
  numbers: Uint32Array;
  /** file, rule, severity, message, hint, pointer of each: places in `texts` (hint -1: none). */
  refs: Int32Array;
  /** Which optional keys each has: see HAS_*. */
  keys: Uint8Array;
  texts: string[];
  /** The related places of the findings that have any, by the finding's place in the batch. */
  related: [number, NonNullable<Finding["related"]>][];
  /** The fixes and suggestions of the findings that have any (few do), by the finding's place in the batch. */
  fixes: [number, Pick<Finding, "fix" | "suggestions">][];
}

const HAS_END_LINE = 1;
const HAS_END_COLUMN = 2;
const HAS_HINT = 4;

function packFindings(outcomes: readonly FileOutcome[]): PackedFindings {
  let count = 0;
  for (const o of outcomes) if (o.findings) count += o.findings.length;
  const packed: PackedFindings = {
    outcome: new Uint32Array(count),
    numbers: new Uint32Array(count * 4),
    refs: new Int32Array(count * 6),
    keys: new Uint8Array(count),
    texts: [],
    related: [],
    fixes: [],
  };
  const places = new Map<string, number>();
  const ref = (text: string) => {
    let at = places.get(text);
    if (at === undefined) {
      at = packed.texts.push(text) - 1;
      places.set(text, at);
    }
    return at;
  };
  let n = 0;
  for (let i = 0; i < outcomes.length; i++) {
    const found = outcomes[i]!.findings;
    if (!found) continue;
    for (const f of found) {
      packed.outcome[n] = i;
      const { numbers, refs } = packed;
      numbers[n * 4] = f.line;
      numbers[n * 4 + 1] = f.column;
      numbers[n * 4 + 2] = f.endLine ?? 0;
      numbers[n * 4 + 3] = f.endColumn ?? 0;
      refs[n * 6] = ref(f.file);
      refs[n * 6 + 1] = ref(f.rule);
      refs[n * 6 + 2] = ref(f.severity);
      refs[n * 6 + 3] = ref(f.message);
      refs[n * 6 + 4] = f.hint === undefined ? -1 : ref(f.hint);
      refs[n * 6 + 5] = ref(f.pointer);
      packed.keys[n] = ("endLine" in f ? HAS_END_LINE : 0) | ("endColumn" in f ? HAS_END_COLUMN : 0) | ("hint" in f ? HAS_HINT : 0);
      if (f.related) packed.related.push([n, f.related]);
      if (f.fix || f.suggestions) packed.fixes.push([n, f.suggestions ? (f.fix ? { fix: f.fix, suggestions: f.suggestions } : { suggestions: f.suggestions }) : { fix: f.fix }]);
      n++;
    }
  }
  return packed;
}

/** The findings of a batch as objects, by outcome; each distinct text interned once. */
function unpackFindings(packed: PackedFindings): Map<number, Finding[]> {
  const texts = packed.texts.map(intern);
  const related = new Map(packed.related);
  const fixes = new Map(packed.fixes);
  const byOutcome = new Map<number, Finding[]>();
  const { outcome, numbers, refs, keys } = packed;
  let list: Finding[] | undefined;
  let last = -1;
  for (let n = 0; n < outcome.length; n++) {
    // The keys in the order toFinding makes them (reports do not depend on it; deep equality does).
    const has = keys[n]!;
    const f = { file: texts[refs[n * 6]!]!, line: numbers[n * 4]!, column: numbers[n * 4 + 1]! } as Finding;
    if (has & HAS_END_LINE) f.endLine = numbers[n * 4 + 2] || undefined;
    if (has & HAS_END_COLUMN) f.endColumn = numbers[n * 4 + 3] || undefined;
    f.rule = texts[refs[n * 6 + 1]!]!;
    f.severity = texts[refs[n * 6 + 2]!]! as Finding["severity"];
    f.message = texts[refs[n * 6 + 3]!]!;
    if (has & HAS_HINT) f.hint = refs[n * 6 + 4]! >= 0 ? texts[refs[n * 6 + 4]!] : undefined;
    f.pointer = texts[refs[n * 6 + 5]!]!;
    const places = related.get(n);
    if (places) f.related = places;
    const fixed = fixes.get(n);
    if (fixed?.fix) f.fix = fixed.fix;
    if (fixed?.suggestions) f.suggestions = fixed.suggestions;
    if (outcome[n] !== last) {
      last = outcome[n]!;
      byOutcome.set(last, (list = []));
    }
    list!.push(f);
  }
  return byOutcome;
}

export function packOutcomes(outcomes: readonly FileOutcome[]): OutcomeBatch {
  const flags = new Uint8Array(outcomes.length);
  const events: (string | number | readonly string[] | readonly number[] | readonly SourceSummary[])[] = [];
  const evidence: OutcomeBatch["evidence"] = [];
  const excerpts: OutcomeBatch["excerpts"] = [];
  const directives: OutcomeBatch["directives"] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i]!;
    flags[i] = (o.record ? RECORD : 0) | (o.event ? EVENT : 0);
    if (o.event) {
      const e = o.event;
      // A field left out (an event that fails its schema is summarized by its well-typed fields) goes as 0.
      events.push(e.id, e.status ?? 0, e.start ?? 0, e.type ?? 0, e.mode ?? 0, e.countries ?? 0, e.actors ?? 0, e.duplicate_of ?? 0, e.coding ?? 0, e.sources ?? 0, e.pages ?? 0, e.described ?? 0);
    }
    if (o.evidence) evidence.push([i, o.evidence[0], o.evidence[1]]);
    if (o.excerpt) excerpts.push([i, o.excerpt]);
    if (o.directives) directives.push([i, o.directives]);
  }
  return { flags, events: JSON.stringify(events), findings: packFindings(outcomes), evidence, excerpts, directives };
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
  const events = JSON.parse(batch.events) as (string | string[] | number[] | SourceSummary[] | 0)[];
  const findings = unpackFindings(batch.findings);
  const evidence = new Map(batch.evidence.map(([i, checked, notChecked]) => [i, [checked, notChecked] as [number, number]]));
  const excerpts = new Map(batch.excerpts);
  const directives = new Map(batch.directives);
  let e = 0;
  for (let i = 0; i < batch.flags.length; i++) {
    const flags = batch.flags[i]!;
    const outcome: FileOutcome = { record: (flags & RECORD) !== 0 };
    if (flags & EVENT) {
      const event: EventSummary = { id: events[e] as string };
      if (events[e + 1] !== 0) event.status = events[e + 1] as EventSummary["status"];
      if (events[e + 2] !== 0) event.start = events[e + 2] as string;
      if (events[e + 3] !== 0) event.type = events[e + 3] as string;
      if (events[e + 4] !== 0) event.mode = events[e + 4] as string;
      if (events[e + 5] !== 0) event.countries = events[e + 5] as string[];
      if (events[e + 6] !== 0) event.actors = events[e + 6] as string[];
      if (events[e + 7] !== 0) event.duplicate_of = events[e + 7] as string;
      if (events[e + 8] !== 0) event.coding = events[e + 8] as string;
      if (events[e + 9] !== 0) event.sources = events[e + 9] as SourceSummary[];
      if (events[e + 10] !== 0) event.pages = events[e + 10] as string[];
      if (events[e + 11] !== 0) event.described = events[e + 11] as number[];
      outcome.event = event;
      e += SUMMARY_SLOTS;
    }
    const found = findings.get(i);
    if (found) outcome.findings = found;
    const counts = evidence.get(i);
    if (counts) outcome.evidence = counts;
    const excerpt = excerpts.get(i);
    if (excerpt) outcome.excerpt = excerpt;
    const inline = directives.get(i);
    if (inline) outcome.directives = inline;
    each(i, outcome);
  }
}
