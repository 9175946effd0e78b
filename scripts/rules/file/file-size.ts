import type { FileRule } from "../types.ts";

export const fileSize: FileRule = {
  meta: {
    id: "file-size",
    family: "file",
    severity: "error",
    description: "A record file is at most 1 MiB; larger files are refused without being read.",
    help: "A record is a few kilobytes: split the file, or move what is not a record out of data/.",
    messages: {
      tooLarge: "The file is too large to be a record ({{detail}}).",
    },
  },
  scope: "file",
  check: ({ read }) =>
    !read.ok && read.problem === "too-large" ? [{ messageId: "tooLarge", data: { detail: read.detail } }] : [],
};
