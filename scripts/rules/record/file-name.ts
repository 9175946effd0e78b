import { shellQuote } from "../../core/escape.ts";
import path from "node:path";
import type { Event } from "../../../schema/index.ts";
import { eventFolder, RECORD_FOLDERS } from "../../dataset/discover.ts";
import type { RecordRule } from "../types.ts";

/** Where a record with this content belongs, relative to the dataset root, without extension. */
export function expectedStem(kind: "event" | "actor" | "outlet", record: Record<string, unknown>): string | undefined {
  const id = record.id;
  if (typeof id !== "string") return undefined;
  if (kind !== "event") return `${RECORD_FOLDERS[kind]}/${id}`;
  const start = (record as Event).date?.start;
  if (typeof start !== "string" || start.length < 4) return undefined;
  return `${eventFolder(start)}/${id}`;
}

export const fileName: RecordRule = {
  id: "file-name",
  family: "record",
  severity: "error",
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  needsValid: true,
  description:
    "A record's path follows from its content: data/events/YYYY/MM/<id> (year and month of `date.start`; January for a year-precision date), data/actors/<id>, data/outlets/<id>.",
  fix: "Rename or move the file to the path the message gives (keep the id; a corrected date moves the file, never changes the id).",
  check: ({ file, kind, record }) => {
    const stem = expectedStem(kind, record);
    const actual = file.path.slice(0, file.path.length - path.extname(file.path).length);
    if (stem === undefined || stem === actual) return [];
    const expected = `${stem}${path.extname(file.path)}`;
    return [{ pointer: "/id", message: `This record belongs at \`${expected}\`, not \`${file.path}\`.`, hint: `Move the file: git mv -- ${shellQuote(file.path)} ${shellQuote(expected)}` }];
  },
};
