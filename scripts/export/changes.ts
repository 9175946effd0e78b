/**
 * What changed since the previous release: events added, modified, retracted
 * or marked duplicate, and schema changes. Both events.jsonl files are sorted
 * by id, so they are walked side by side, a line at a time: memory stays flat
 * however large the releases.
 */
import { codeSpan, markdownText } from "../core/markdown.ts";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import { RECORD_KINDS, type RecordKind } from "../../schema/versions.ts";
import { UsageError } from "../core/io.ts";

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

/** The longest line read (a record of a release is far shorter: the file-size rule caps a record's file). */
export const MAX_LINE_BYTES = 64 << 20;

/**
 * The lines of a file (its path, or a descriptor the caller opened and
 * closes), read a large block at a time (LF ends a line; a CR before it is
 * kept out). Each line is decoded on its own: decoding the whole block as one
 * string made two multi-megabyte strings a block, which the garbage collector
 * let pile up (at 1M events the heap grew by 375 MB here). A line is cut at an
 * LF byte, which never falls inside a UTF-8 sequence. A line longer than
 * `maxLineBytes` throws (`tooLong` makes the error): memory stays bounded
 * whatever the file holds.
 */
export function* textLines(file: string | number, blockBytes = 4 << 20, maxLineBytes = MAX_LINE_BYTES, tooLong?: (line: number) => Error): Generator<string> {
  const fd = typeof file === "number" ? file : openSync(file, "r");
  try {
    const block = Buffer.allocUnsafe(blockBytes);
    // The start of a line that runs past the end of the block read before.
    let carry: Buffer | undefined;
    let lineNumber = 0;
    const line = (bytes: Buffer, start: number, end: number) => {
      lineNumber++;
      if (end - start > maxLineBytes) throw tooLong ? tooLong(lineNumber) : new Error(`${String(file)}: line ${lineNumber} is longer than ${maxLineBytes} bytes`);
      return bytes.toString("utf8", start, end > start && bytes[end - 1] === 13 ? end - 1 : end);
    };
    for (let n; (n = readSync(fd, block, 0, block.length, null)) > 0; ) {
      let at = 0;
      for (let end; (end = block.indexOf(10, at)) !== -1 && end < n; at = end + 1) {
        if (carry) {
          const whole = Buffer.concat([carry, block.subarray(0, end)]);
          carry = undefined;
          yield line(whole, 0, whole.length);
        } else yield line(block, at, end);
      }
      if (at < n) {
        carry = carry ? Buffer.concat([carry, block.subarray(at, n)]) : Buffer.from(block.subarray(at, n));
        if (carry.length > maxLineBytes + 1) line(carry, 0, carry.length);
      }
    }
    if (carry && carry.length > 0) yield line(carry, 0, carry.length);
  } finally {
    if (typeof file !== "number") closeSync(fd);
  }
}

/** An events.jsonl to walk: the path of the one just built, or the previous release's, opened by the caller. */
export type EventsSource = string | { fd: number; name: string };

/**
 * The events of a release, one a line; the walk side by side needs them in id
 * order, so that is checked. A problem in the previous release's file is the
 * caller's input (a UsageError naming file and line); in the file just built, a bug.
 */
function* lines(source: EventsSource): Generator<Line> {
  const name = typeof source === "string" ? source : source.name;
  const fail = (message: string) => (typeof source === "string" ? new Error(`${name}: ${message}`) : new UsageError(`--previous: ${name}: ${message}; is it a release's events.jsonl?`));
  let last = "";
  let n = 0;
  for (const text of textLines(typeof source === "string" ? source : source.fd, undefined, MAX_LINE_BYTES, (at) => fail(`line ${at} is longer than ${MAX_LINE_BYTES} bytes`))) {
    n++;
    if (text === "") continue;
    const head = HEAD.exec(text);
    let record: { id?: unknown; status?: unknown } | null;
    if (head) record = { id: head[1]!, status: head[2]! };
    else
      try {
        record = JSON.parse(text) as { id?: unknown; status?: unknown } | null;
      } catch {
        throw fail(`line ${n} is not JSON`);
      }
    if (record === null || typeof record !== "object" || typeof record.id !== "string" || typeof record.status !== "string")
      throw fail(`line ${n} is not an event with a string \`id\` and \`status\``);
    if (record.id <= last) throw fail(`events are not in increasing id order at \`${record.id.slice(0, 80)}\` (line ${n})`);
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
export function compareEvents(previous: EventsSource | undefined, current: EventsSource, report: (c: Change) => void): Map<ChangeKind, number> {
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

/** A schema's `$id` as the changelog shows it: text from a previous release is cut short and kept to one line of plain characters. */
function schemaIdOf(text: string | undefined): string {
  if (text === undefined) return "none";
  let id: unknown;
  try {
    id = (JSON.parse(text) as { $id?: unknown } | null)?.$id;
  } catch {
    return "not JSON";
  }
  return typeof id === "string" && /^[\x21-\x5f\x61-\x7e]{1,200}$/.test(id) ? id : "?";
}

/** Schema files that differ between the releases, as lines for the changelog: the previous release's texts (read by the caller), by kind. */
export function schemaChanges(previous: Partial<Record<RecordKind, string>> | undefined, currentFolder: string): string[] {
  if (!previous) return [];
  const out: string[] = [];
  for (const kind of RECORD_KINDS) {
    const before = previous[kind];
    const after = readFileSync(path.join(currentFolder, "schema", `${kind}.schema.json`), "utf8");
    if (before === after) continue;
    out.push(`- ${kind} records: ${codeSpan(schemaIdOf(before))} → ${codeSpan(schemaIdOf(after))}`);
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

