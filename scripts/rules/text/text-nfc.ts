import { pointerToPath } from "../../core/pointer.ts";
import type { RecordRule } from "../types.ts";
import { QUOTE_POINTER, stringIssues } from "./walk.ts";

export const textNfc: RecordRule = {
  meta: {
    id: "text-nfc",
    family: "record",
    severity: "error",
    description: "Text is in Unicode NFC, so that the same name is always the same bytes (search, joins and duplicates depend on it). Evidence quotes are exempt: they copy their source as it is.",
    help: "Retype the accented letters, or convert the file to NFC (most editors: 'normalize Unicode'); `é` must be one character, not `e` and a combining accent.",
    messages: {
      notNfc: "`{{path}}` is not in Unicode NFC (it holds decomposed characters).",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ record }) =>
    stringIssues(record, (text, pointer) =>
      !QUOTE_POINTER.test(pointer) && text.normalize("NFC") !== text ? { messageId: "notNfc", data: { path: pointerToPath(pointer) } } : undefined,
    ),
};
