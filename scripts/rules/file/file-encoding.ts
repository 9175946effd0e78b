import type { FileRule } from "../types.ts";

export const fileEncoding: FileRule = {
  meta: {
    id: "file-encoding",
    family: "file",
    severity: "error",
    description: "A record file is UTF-8 text: no invalid byte sequences, no NUL bytes.",
    help: "Save the file as UTF-8 (without BOM) in your editor; a binary file does not belong under data/.",
    messages: {
      binary: "The file is binary, not text.",
      binaryAt: "The file is binary, not text (first at byte {{offset}}).",
      notUtf8: "The file is not valid UTF-8.",
      notUtf8At: "The file is not valid UTF-8 (first at byte {{offset}}).",
    },
  },
  scope: "file",
  check: ({ read }) => {
    if (read.ok || (read.problem !== "not-utf8" && read.problem !== "binary")) return [];
    const messageId = read.problem === "binary" ? "binary" : "notUtf8";
    return [read.offset === undefined ? { messageId } : { messageId: `${messageId}At`, data: { offset: read.offset } }];
  },
};
