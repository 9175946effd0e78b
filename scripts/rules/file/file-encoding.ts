import type { FileRule } from "../types.ts";

export const fileEncoding: FileRule = {
  id: "file-encoding",
  family: "file",
  severity: "error",
  scope: "file",
  description: "A record file is UTF-8 text: no invalid byte sequences, no NUL bytes.",
  help: "Save the file as UTF-8 (without BOM) in your editor; a binary file does not belong under data/.",
  check: ({ read }) => {
    if (read.ok || (read.problem !== "not-utf8" && read.problem !== "binary")) return [];
    const where = read.offset === undefined ? "" : ` (first at byte ${read.offset})`;
    return [{ message: read.problem === "binary" ? `The file is binary, not text${where}.` : `The file is not valid UTF-8${where}.` }];
  },
};
