/**
 * What changed in a dataset between two trees, record by record, for
 * `eventwire diff`. Records are matched by id, not path (an event moved to
 * another YYYY/MM folder is the same event), and compared by their parsed
 * values, not their text: a re-layout (order of keys, quoting, comments) is
 * no change. Kept texts under data/texts/ are compared by path and content
 * (their manifest is not a row: it changes with them).
 */
import path from "node:path";
import { textDigest } from "../core/hash.ts";
import { readText } from "./read.ts";
import { parseRecord } from "./parse.ts";
import { absolutePath, coderOf, idFromPath, listData } from "./discover.ts";
import type { DatasetFile } from "./listing.ts";

export type ChangeKind = "added" | "changed" | "moved" | "retracted" | "duplicate" | "restored" | "removed";
/** `coding`: a second coding (data/codings/<coder>/), an event record that is no event of the dataset. */
export type EntryKind = "event" | "actor" | "outlet" | "coding" | "text";

export interface RecordChange {
  kind: EntryKind;
  /** The record's id (a kept text: its path under data/texts/). */
  id: string;
  change: ChangeKind;
  /** Top-level fields whose values differ (sorted); none for added and removed. */
  fields: string[];
  /** An event's title, an entry's name (at head; at base for a removed one); "" when it has none. */
  title: string;
  /** Under `duplicate`: the id it duplicates. */
  duplicateOf?: string;
  /** Where it is at base and at head (one of them for added and removed). */
  basePath?: string;
  headPath?: string;
}

interface Entry {
  kind: EntryKind;
  id: string;
  path: string;
  /** The text's digest (undefined when it cannot be read): the text itself is read again only when it must be parsed. */
  digest?: string;
  /** The parsed record, once asked for (valueOf). */
  value?: Record<string, unknown> | null;
  root: string;
  format: DatasetFile["format"];
}

const TEXT_FOLDER = "data/texts/";
const TEXT_MANIFEST = "data/texts/manifest.json";

/**
 * The entries of a dataset: records by kind and id, kept texts by path. A record's id is its file's name,
 * which validate holds to the record's `id` (file-name): so a file is only read here, never parsed, and a
 * million unchanged records cost a read each. A second file of one id (a copy in another folder) is an
 * entry of its own, by its path.
 */
function entriesOf(root: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const file of listData(root)) {
    const kind: EntryKind | null = file.kind === "event" && coderOf(file.path) !== undefined ? "coding" : file.kind ?? (file.path.startsWith(TEXT_FOLDER) ? "text" : null);
    // The manifest of the kept texts changes with them: the texts are the rows.
    if (kind === null || file.symlink || file.unread || file.path === TEXT_MANIFEST) continue;
    const read = readText(absolutePath(file));
    const digest = read.ok ? textDigest(read.text) : undefined;
    const id = kind === "text" ? file.path.slice(TEXT_FOLDER.length) : idFromPath(file.path);
    const key = out.has(`${kind}\0${id}`) ? `${kind}\0${id}\0${file.path}` : `${kind}\0${id}`;
    out.set(key, { kind, id, path: file.path, ...(digest !== undefined ? { digest } : {}), root, format: file.format });
  }
  return out;
}

/** An entry's record, parsed on first use (null when it cannot be read or parsed, or is no mapping). */
function valueOf(entry: Entry): Record<string, unknown> | null {
  if (entry.value !== undefined) return entry.value;
  entry.value = null;
  if (!entry.format) return null;
  const read = readText(path.join(entry.root, entry.path));
  const parsed = read.ok ? parseRecord(read.text, entry.format) : undefined;
  const value = parsed?.ok ? parsed.doc.value : undefined;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) entry.value = value as Record<string, unknown>;
  return entry.value;
}

/** A value as JSON with the keys of every object sorted: equal for equal values, whatever their order. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function titleOf(entry: Entry): string {
  const v = valueOf(entry);
  if (!v) return "";
  const t = entry.kind === "event" || entry.kind === "coding" ? v.title : v.name;
  return typeof t === "string" ? t : "";
}

function statusOf(entry: Entry): string | undefined {
  const s = valueOf(entry)?.status;
  return typeof s === "string" ? s : undefined;
}

/** The top-level fields whose values differ; a file that does not parse counts as its text (`(file)` when it differs). */
function changedFields(base: Entry, head: Entry): string[] {
  const [b, h] = [valueOf(base), valueOf(head)];
  if (!b || !h) return base.digest === head.digest ? [] : ["(file)"];
  const keys = new Set([...Object.keys(b), ...Object.keys(h)]);
  return [...keys].filter((k) => stable(b[k]) !== stable(h[k])).sort();
}

/** The fields a change of status sets or clears: said by the change itself. */
const TOMBSTONE_FIELDS = new Set(["status", "duplicate_of", "retraction_reason"]);

const KIND_ORDER: Record<EntryKind, number> = { event: 0, actor: 1, outlet: 2, coding: 3, text: 4 };

/** The changes from the dataset at `baseRoot` to the one at `headRoot`, by kind (events, actors, outlets, second codings, kept texts), then id. */
export function diffDatasets(baseRoot: string, headRoot: string): RecordChange[] {
  const base = entriesOf(baseRoot);
  const head = entriesOf(headRoot);
  const out: RecordChange[] = [];
  for (const key of new Set([...base.keys(), ...head.keys()])) {
    const b = base.get(key);
    const h = head.get(key);
    if (!b) {
      out.push({ kind: h!.kind, id: h!.id, change: "added", fields: [], title: titleOf(h!), headPath: h!.path });
      continue;
    }
    if (!h) {
      out.push({ kind: b.kind, id: b.id, change: "removed", fields: [], title: titleOf(b), basePath: b.path });
      continue;
    }
    const moved = b.path !== h.path;
    if (b.kind === "text") {
      if (b.digest !== h.digest) out.push({ kind: "text", id: h.id, change: "changed", fields: [], title: "", basePath: b.path, headPath: h.path });
      continue;
    }
    // The same text at the same path: the same record (not parsed twice for nothing).
    if (!moved && b.digest === h.digest) continue;
    let fields = changedFields(b, h);
    const before = statusOf(b);
    const after = statusOf(h);
    let change: ChangeKind = fields.length > 0 ? "changed" : "moved";
    let duplicateOf: string | undefined;
    if (b.kind === "event" && before !== after) {
      if (after === "retracted") change = "retracted";
      else if (after === "duplicate") {
        change = "duplicate";
        const of = valueOf(h)?.duplicate_of;
        if (typeof of === "string") duplicateOf = of;
      } else if (after === "active" && (before === "retracted" || before === "duplicate")) change = "restored";
      // What the new status says is the change: its own fields are not listed again.
      if (change !== "changed") fields = fields.filter((f) => !TOMBSTONE_FIELDS.has(f));
    }
    if (change === "moved" && !moved) continue; // a re-layout only
    out.push({ kind: h.kind, id: h.id, change, fields, title: titleOf(h), ...(duplicateOf !== undefined ? { duplicateOf } : {}), basePath: b.path, headPath: h.path });
  }
  return out.sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
