import type { FileRule } from "../types.ts";

export const recordShape: FileRule = {
  meta: {
    id: "record-shape",
    family: "parse",
    severity: "error",
    description: "A record file holds one object of fields (a YAML mapping or a JSON object), not a list, a scalar or nothing.",
    help: "Write the record as `key: value` lines (YAML) or one `{ ... }` object (JSON); see schema/README.md.",
    messages: {
      notRecord: "The file holds {{what}}, not a record.",
    },
  },
  scope: "file",
  check: ({ file, parse }) => {
    if (file.kind === null || !parse?.ok) return [];
    const value = parse.doc.value;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return [];
    const what =
      value === null || value === undefined
        ? "nothing (the file is empty)"
        : Array.isArray(value)
          ? "a list"
          : `a single ${typeof value}`;
    return [{ pointer: "", messageId: "notRecord", data: { what } }];
  },
};
