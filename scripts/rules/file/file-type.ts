import type { FileRule } from "../types.ts";

export const fileType: FileRule = {
  meta: {
    id: "file-type",
    family: "file",
    severity: "error",
    description: "Everything under data/ is a regular file or a folder: a FIFO, a device or a socket is never opened (reading one can block for ever or never end).",
    help: "Remove it and put the record file itself in its place (`git checkout -- <path>` restores a tracked one).",
    messages: {
      notRegular: "This is {{what}}; it was not read.",
    },
  },
  scope: "file",
  reportsUnread: "not-regular",
  check: ({ read }) => (!read.ok && read.problem === "not-regular" ? [{ messageId: "notRegular", data: { what: read.detail } }] : []),
};
