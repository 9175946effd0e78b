import { pointerToPath } from "../../core/pointer.ts";
import type { RecordRule } from "../types.ts";
import { QUOTE_POINTER, stringIssues } from "./walk.ts";

export const textWhitespace: RecordRule = {
  meta: {
    id: "text-whitespace",
    family: "record",
    severity: "error",
    description: "No text value starts or ends with whitespace, or holds a run of spaces. Evidence quotes are exempt: they copy their source as it is (evidence-quote checks their ends).",
    help: "Delete the extra spaces (in YAML, a quoted value keeps them: check inside the quotes).",
    messages: {
      ends: "`{{path}}` starts or ends with whitespace.",
      spaces: "`{{path}}` holds two or more spaces in a row.",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ record }) =>
    stringIssues(record, (text, pointer) =>
      QUOTE_POINTER.test(pointer)
        ? undefined
        : text !== text.trim()
        ? { messageId: "ends", data: { path: pointerToPath(pointer) } }
        : / {2,}/.test(text)
          ? { messageId: "spaces", data: { path: pointerToPath(pointer) } }
          : undefined,
    ),
};
