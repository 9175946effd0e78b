import { pointerToPath } from "../../core/pointer.ts";
import type { RecordRule } from "../types.ts";
import { stringIssues } from "./walk.ts";

/** What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export const textFormula: RecordRule = {
  id: "text-formula",
  family: "record",
  severity: "error",
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  description:
    "No text value starts with `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet opening the release's CSV files would run as a formula; so the CSV cells stay exactly the data, and safe to open.",
  fix: "Reword so that the text does not begin with that character (for example \"minus 5\" for \"-5\", or move the sign or the handle later in the sentence).",
  check: ({ record }) =>
    stringIssues(record, (text, pointer) =>
      FORMULA_START.test(text)
        ? `\`${pointerToPath(pointer)}\` starts with \`${JSON.stringify(text[0]).slice(1, -1)}\`, which a spreadsheet would read as the start of a formula.`
        : undefined,
    ),
};
