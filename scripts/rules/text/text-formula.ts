import { pointerToPath } from "../../core/pointer.ts";
import type { RecordRule } from "../types.ts";
import { stringIssues } from "./walk.ts";

/** What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;

export const textFormula: RecordRule = {
  id: "text-formula",
  family: "record",
  severity: "warning",
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  description:
    "A text value that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet opening the release's CSV files could run as a formula. The release keeps such cells exactly as they are and lists them in its dataset card.",
  fix: "Where your own words start that way (title, summary), reword (\"minus 5\" for \"-5\"); where it is a real name or a headline as published (\"+972 Magazine\"), keep it and say so in the pull request.",
  check: ({ record }) =>
    stringIssues(record, (text, pointer) =>
      FORMULA_START.test(text)
        ? `\`${pointerToPath(pointer)}\` starts with \`${JSON.stringify(text[0]).slice(1, -1)}\`, which a spreadsheet would read as the start of a formula.`
        : undefined,
    ),
};
