import type { FileRule } from "../types.ts";

export const fileUnreadable: FileRule = {
  meta: {
    id: "file-unreadable",
    family: "file",
    severity: "error",
    description: "Every file and folder under data/ can be listed and read: nothing is skipped without a word (a release refuses while one cannot).",
    help: "Give the files and folders under data/ read permission for whoever runs the check (folders also need execute: `chmod -R u+rwX,go+rX data`), or remove what does not belong there.",
    messages: {
      folder: "This folder was not checked: {{detail}}; what it holds is unknown.",
      file: "The file cannot be read ({{detail}}); it was not checked.",
    },
  },
  scope: "file",
  reportsUnread: "unreadable",
  check: ({ read }) =>
    !read.ok && read.problem === "unreadable"
      ? [{ messageId: /^the folder/.test(read.detail) ? "folder" : "file", data: { detail: read.detail } }]
      : [],
};
