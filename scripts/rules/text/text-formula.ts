import { pointerToPath } from "../../core/pointer.ts";
import type { RecordRule } from "../types.ts";
import { stringIssues } from "./walk.ts";

/** What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;

export const textFormula: RecordRule = {
  meta: {
    id: "text-formula",
    family: "record",
    severity: "error",
    description:
      "No text value starts with `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet opening the release's CSV files would run as a formula. No field of a record needs a formula (titles, summaries, names, ids, headlines, quotes): the release refuses to write such a cell rather than alter it, so this is an error wherever it is (numbers, negative ones included, are not text).",
    help: "Reword so that the value starts otherwise (\"minus 5\" for \"-5\", \"Plus 972 Magazine\" or the name as the outlet writes it in running text); for a headline as published, leave `title` out or start the quote later; never prefix a `'`.",
    messages: {
      formula: "`{{path}}` starts with `{{first}}`, which a spreadsheet would read as the start of a formula.",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ record }) =>
    stringIssues(record, (text, pointer) =>
      FORMULA_START.test(text)
        ? { messageId: "formula", data: { path: pointerToPath(pointer), first: JSON.stringify(text[0]).slice(1, -1) } }
        : undefined,
    ),
};
