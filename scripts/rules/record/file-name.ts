import { shellQuote } from "../../core/escape.ts";
import path from "node:path";
import { coderOf, eventFolder, RECORD_FOLDERS } from "../../dataset/discover.ts";
import { field, PATTERNS, shaped } from "../fields.ts";
import type { RecordRule } from "../types.ts";

/**
 * Where a record with this content belongs, relative to the dataset root, without extension; undefined when its
 * id or (for an event) its start date is not well formed (the schema rule's finding: a path is not made of it).
 * `coder`: the record is a second coding of that coder (data/codings/<coder>/YYYY/MM/<id>).
 */
export function expectedStem(kind: "event" | "actor" | "outlet", record: Record<string, unknown>, coder?: string): string | undefined {
  const id = shaped(record.id, kind === "event" ? PATTERNS.eventId : PATTERNS.registryId);
  if (id === undefined) return undefined;
  if (kind !== "event") return `${RECORD_FOLDERS[kind]}/${id}`;
  const start = shaped(field(record, "date", "start"), PATTERNS.eventDate);
  return start === undefined ? undefined : `${eventFolder(start, coder)}/${id}`;
}

/** C0 and C1 control characters, DEL. */
const ODD_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

export const fileName: RecordRule = {
  meta: {
    id: "file-name",
    family: "record",
    severity: "error",
    description:
      "A record's path follows from its content: data/events/YYYY/MM/<id> (year and month of `date.start`; January for a year-precision date), a second coding data/codings/<coder>/YYYY/MM/<id> (the same months, in the folder of a coder its `provenance.coded_by` names, named by the coder's handle), data/actors/<id>, data/outlets/<id>; no control character (a newline, a CR...) in it.",
    help: "Rename or move the file to the path the message gives (keep the id; a corrected date moves the file, never changes the id; a second coding stays in its coder's folder).",
    messages: {
      controlCharacter: "The path `{{path}}` holds a control character; name the file after its id.",
      misplaced: "This record belongs at `{{expected}}`, not `{{path}}`.",
      coderHandle: "The second coding `{{path}}` is in the folder `{{coder}}`, which is no coder's handle (as `provenance.coded_by` writes one: letters, digits and hyphens, 39 at most, not starting with a hyphen); name the folder after the coder's handle.",
      coderFolder: "This second coding lies in the folder of `{{coder}}`, but its `provenance.coded_by` names {{codedBy}}: a coding sits in the folder of the coder who made it (the card and `agreement` name the coder by the folder).",
      coder: "Write the coder's handle `{{coder}}` in `provenance.coded_by` if they coded it, or move the file into the folder of the handle that did (data/codings/<handle>/, the same months).",
      move: "Move the file: git mv -- {{from}} {{to}}",
      rename: "Rename the file: git mv -- <its path> <the path its content gives>",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ file, kind, record }) => {
    // An odd name is reported whatever the record holds: a newline or a CR in a path breaks every line-based tool.
    const odd = ODD_CHARACTER.test(file.path);
    // Judged on a record that fails its schema too, by its id and date when they are well formed.
    // A second coding stays in its coder's folder: its months are laid out there as data/events/ lays out the events'.
    const coder = kind === "event" ? coderOf(file.path) : undefined;
    const stem = expectedStem(kind, record, coder);
    const actual = file.path.slice(0, file.path.length - path.extname(file.path).length);
    const expected = stem === undefined ? undefined : `${stem}${path.extname(file.path)}`;
    // The names are shell-quoted for pasting; the reporters show control characters as visible escapes.
    const move = expected === undefined ? undefined : { from: shellQuote(file.path), to: shellQuote(expected) };
    if (odd) return [{ messageId: "controlCharacter", data: { path: file.path, ...move }, helpId: move ? "move" : "rename" }];
    // A coder's folder is named by the coder's handle: the card and reports show it (and a handle has no odd character).
    if (coder !== undefined && !PATTERNS.handle.test(coder)) return [{ messageId: "coderHandle", data: { path: file.path, coder }, helpId: "rename" }];
    // The folder names who coded it: `agreement` and the card take the coder from the folder, so the record must say the same
    // (judged when coded_by is well formed: otherwise the schema's finding says so).
    const codedBy = coder === undefined ? undefined : field(record, "provenance", "coded_by");
    const handles = Array.isArray(codedBy) && codedBy.length > 0 && codedBy.every((h) => typeof h === "string" && PATTERNS.handle.test(h)) ? (codedBy as string[]) : undefined;
    const found: ReturnType<RecordRule["check"]> = [];
    if (coder !== undefined && handles !== undefined && !handles.includes(coder)) {
      found.push({ pointer: "/provenance/coded_by", messageId: "coderFolder", data: { coder, codedBy: handles.map((h) => `\`${h}\``).join(", ") }, helpId: "coder" });
    }
    if (expected === undefined || stem === actual) return found;
    return [{ pointer: "/id", messageId: "misplaced", data: { expected, path: file.path, ...move }, helpId: "move" }, ...found];
  },
};
