import type { FileRule } from "../types.ts";

/** eventwire.config.yaml (or the file --config names) cannot be read: it sets nothing. */
export const configFile: FileRule = {
  meta: {
    id: "config-file",
    family: "config",
    severity: "error",
    description: "The configuration file (eventwire.config.yaml, or the file --config names) can be read: a regular file (a symbolic link is not followed, a FIFO or device never opened) of UTF-8 text, at most 1 MiB.",
    help: "Make it a regular file of UTF-8 text in the dataset's repository; until then none of its settings apply.",
    messages: {
      unreadable: "The configuration cannot be read ({{detail}}); none of its settings apply.",
    },
  },
  scope: "file",
  check: ({ read }) => (read.ok ? [] : [{ messageId: "unreadable", data: { detail: read.detail }, position: { line: 1, column: 1, endLine: 1, endColumn: 1 } }]),
};
