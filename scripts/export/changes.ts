/**
 * What changed since the previous release: events added, modified, retracted
 * or marked duplicate, and schema changes. Both events.jsonl files are sorted
 * by id, so they are walked side by side, a line at a time: memory stays flat
 * however large the releases.
 */
import { createReadStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
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

/** The events of a release, one a line; the walk side by side needs them in id order, so that is checked. */
async function* lines(file: string): AsyncGenerator<Line> {
  const rl = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let last = "";
  for await (const text of rl) {
    if (text === "") continue;
    const record = JSON.parse(text) as { id: string; status: string };
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
export async function compareEvents(previous: string | undefined, current: string, report: (c: Change) => Promise<void> | void): Promise<Map<ChangeKind, number>> {
  const counts = new Map<ChangeKind, number>();
  const a = previous ? lines(previous) : undefined;
  const b = lines(current);
  let x = a ? (await a.next()).value : undefined;
  let y = (await b.next()).value;
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
      await report({ event_id: (after ?? before)!.id, change: kind, previous_status: before?.status ?? "", status: after?.status ?? "" });
    }
    if (before) x = (await a!.next()).value;
    if (after) y = (await b.next()).value;
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
    out.push(`- ${kind} records: \`${idOf(before)}\` → \`${idOf(after)}\``);
  }
  return out;
}

export const LISTED = 50;

/** CHANGELOG.md: schema changes first, then counts, then the ids (the first 50 of each kind; changes.csv has them all). */
export function changelog(version: string, previousVersion: string | undefined, schema: string[], counts: ReadonlyMap<ChangeKind, number>, ids: ReadonlyMap<ChangeKind, string[]>): string {
  const out = [`# eventwire ${version}`, ""];
  out.push(previousVersion ? `Changes since ${previousVersion}.` : "The first release: every event is new.", "");
  if (schema.length > 0) out.push("## Schema changes", "", ...schema, "");
  out.push("## Events", "");
  if (!CHANGE_KINDS.some((k) => (counts.get(k) ?? 0) > 0)) out.push("No event changed.", "");
  for (const kind of CHANGE_KINDS) {
    const n = counts.get(kind) ?? 0;
    if (n === 0) continue;
    const listed = ids.get(kind) ?? [];
    out.push(`### ${kind} (${n})`, "", listed.map((id) => `\`${id}\``).join(", ") + (n > listed.length ? `, and ${n - listed.length} more (changes.csv)` : ""), "");
  }
  return out.join("\n");
}

