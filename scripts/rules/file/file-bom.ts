import type { FileRule } from "../types.ts";

export const fileBom: FileRule = {
  meta: {
    id: "file-bom",
    family: "file",
    severity: "warning",
    description: "A record file does not start with a UTF-8 byte order mark.",
    help: "Save the file as UTF-8 without BOM (in most editors: the encoding menu in the status bar).",
    messages: {
      bom: "The file starts with a UTF-8 byte order mark (BOM).",
    },
  },
  scope: "file",
  check: ({ read }) =>
    read.ok && read.bom ? [{ position: { line: 1, column: 1, endLine: 1, endColumn: 2 }, messageId: "bom" }] : [],
};
