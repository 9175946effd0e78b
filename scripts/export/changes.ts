/**
 * What changed since the previous release: events added, modified, retracted
 * or marked duplicate, and schema changes. Both events.jsonl files are sorted
 * by id, so they are walked side by side, a line at a time: memory stays flat
 * however large the releases.
 */
import { codeSpan, markdownText } from "../core/markdown.ts";
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import { RECORD_KINDS } from "../../schema/versions.ts";

/** What can happen to an event between releases, in the order the changelog lists them. */
export const CHANGE_KINDS = ["added", "modified", "retracted", "duplicate", "restored", "removed"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface Change {
  event_id: string;
  change: ChangeKind;
  previous_status: string;
  status: string;
}

interface Line {
  id: string;
  status: string;
  text: string;
}

/** A canonical events.jsonl line starts with these keys, strings without escapes: read without a full parse. */
const HEAD = /^\{"schema_version":"[^"\\]*","id":"([^"\\]*)","status":"([^"\\]*)"/;

/**
 * The lines of a file, read a large block at a time (LF ends a line; a CR
 * before it is kept out). Each line is decoded on its own: decoding the whole
 * block as one string made two multi-megabyte strings a block, which the
 * garbage collector let pile up (at 1M events the heap grew by 375 MB here).
 * A line is cut at an LF byte, which never falls inside a UTF-8 sequence.
 */
export function* textLines(file: string, blockBytes = 4 << 20): Generator<string> {
  const fd = openSync(file, "r");
  try {
    const block = Buffer.allocUnsafe(blockBytes);
    // The start of a line that runs past the end of the block read before.
    let carry: Buffer | undefined;
    const line = (bytes: Buffer, start: number, end: number) => bytes.toString("utf8", start, end > start && bytes[end - 1] === 13 ? end - 1 : end);
    for (let n; (n = readSync(fd, block, 0, block.length, null)) > 0; ) {
      let at = 0;
      for (let end; (end = block.indexOf(10, at)) !== -1 && end < n; at = end + 1) {
        if (carry) {
          const whole = Buffer.concat([carry, block.subarray(0, end)]);
          carry = undefined;
          yield line(whole, 0, whole.length);
        } else yield line(block, at, end);
      }
      if (at < n) carry = carry ? Buffer.concat([carry, block.subarray(at, n)]) : Buffer.from(block.subarray(at, n));
    }
    if (carry && carry.length > 0) yield line(carry, 0, carry.length);
  } finally {
    closeSync(fd);
  }
}

/** The events of a release, one a line; the walk side by side needs them in id order, so that is checked. */
function* lines(file: string): Generator<Line> {
  let last = "";
  for (const text of textLines(file)) {
    if (text === "") continue;
    const head = HEAD.exec(text);
    const record = head ? { id: head[1]!, status: head[2]! } : (JSON.parse(text) as { id: string; status: string });
    if (typeof record.id !== "string" || record.id <= last) throw new Error(`${file}: events are not in increasing id order at \`${String(record.id)}\`; is it a release's events.jsonl?`);
    last = record.id;
    yield { id: record.id, status: record.status, text };
  }
}

function classify(before: Line | undefined, after: Line | undefined): ChangeKind | undefined {
  if (!before) return "added";
  if (!after) return "removed";
  if (before.text === after.text) return undefined;
  if (before.status !== after.status) {
    if (after.status === "retracted") return "retracted";
    if (after.status === "duplicate") return "duplicate";
    if (after.status === "active") return "restored";
  }
  return "modified";
}

/** Walks the two sorted files together and reports each changed event, in id order. */
export function compareEvents(previous: string | undefined, current: string, report: (c: Change) => void): Map<ChangeKind, number> {
  const counts = new Map<ChangeKind, number>();
  const a = previous ? lines(previous) : undefined;
  const b = lines(current);
  let x = a ? a.next().value : undefined;
  let y = b.next().value;
  while (x || y) {
    let before: Line | undefined;
    let after: Line | undefined;
    if (x && (!y || x.id < y.id)) before = x;
    else if (y && (!x || y.id < x.id)) after = y;
    else {
      before = x;
      after = y;
    }
    const kind = classify(before, after);
    if (kind) {
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      report({ event_id: (after ?? before)!.id, change: kind, previous_status: before?.status ?? "", status: after?.status ?? "" });
    }
    if (before) x = a!.next().value;
    if (after) y = b.next().value;
  }
  return counts;
}

/** Schema files that differ between the releases, as lines for the changelog. */
export function schemaChanges(previousFolder: string | undefined, currentFolder: string): string[] {
  if (!previousFolder) return [];
  const out: string[] = [];
  for (const kind of RECORD_KINDS) {
    const file = path.join("schema", `${kind}.schema.json`);
    const before = existsSync(path.join(previousFolder, file)) ? readFileSync(path.join(previousFolder, file), "utf8") : undefined;
    const after = readFileSync(path.join(currentFolder, file), "utf8");
    if (before === after) continue;
    const idOf = (text: string | undefined) => (text ? String((JSON.parse(text) as { $id?: string }).$id ?? "?") : "none");
    out.push(`- ${kind} records: ${codeSpan(idOf(before))} → ${codeSpan(idOf(after))}`);
  }
  return out;
}

export const LISTED = 50;

/** CHANGELOG.md: schema changes first, then counts, then the ids (the first 50 of each kind; changes.csv has them all). */
export function changelog(version: string, previousVersion: string | undefined, schema: string[], counts: ReadonlyMap<ChangeKind, number>, ids: ReadonlyMap<ChangeKind, string[]>): string {
  const out = [`# eventwire ${version}`, ""];
  // The previous release's version, ids and schema ids are data from outside: escaped as Markdown text and code (core/markdown.ts).
  out.push(previousVersion ? `Changes since ${markdownText(previousVersion)}.` : "The first release: every event is new.", "");
  if (schema.length > 0) out.push("## Schema changes", "", ...schema, "");
  out.push("## Events", "");
  if (!CHANGE_KINDS.some((k) => (counts.get(k) ?? 0) > 0)) out.push("No event changed.", "");
  for (const kind of CHANGE_KINDS) {
    const n = counts.get(kind) ?? 0;
    if (n === 0) continue;
    const listed = ids.get(kind) ?? [];
    out.push(`### ${kind} (${n})`, "", listed.map((id) => codeSpan(id)).join(", ") + (n > listed.length ? `, and ${n - listed.length} more (changes.csv)` : ""), "");
  }
  return out.join("\n");
}

