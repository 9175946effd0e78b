import { pointerToPath } from "../../core/pointer.ts";
import { doubleText, numberRoundTrips, numbersOf, SUSPECT_NUMBER } from "../../dataset/exact.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const numberExact: RecordRule = {
  id: "number-exact",
  family: "record",
  severity: "error",
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  description:
    "A number survives reading exactly: read to a double (what JSON readers, the schema and the release use) and written back as the shortest decimal that reads to the same double, it is the same decimal value as written. `1.50` and `15e-1` are 1.5 and pass; `180.00000000000001` (read as 180), `9007199254740993` (an integer beyond 2^53, read as ...992), `1e-400` (read as 0), `1e400`, `.inf` and `.nan` fail. Any number of at most 15 significant digits between 1e-300 and 1e300 in size passes.",
  fix: "Write the number as a double holds it (at most 15 significant digits: `180` or `179.99999999999999` is not a longitude anyone measured); an id or code that is not a quantity belongs in a string.",
  check: ({ doc }) => {
    // Any number outside what SUSPECT_NUMBER matches round-trips: most records are not looked at further.
    if (!SUSPECT_NUMBER.test(doc.text)) return [];
    const issues: RuleIssue[] = [];
    for (const [pointer, value] of numbersOf(doc.value)) {
      const at = doc.locate(pointer);
      if (at.endLine !== at.line) continue;
      const written = doc.lines.lineText(at.line).slice(at.column - 1, at.endColumn - 1).trim();
      if (written === "" || numberRoundTrips(written, value)) continue;
      issues.push({ pointer, message: `\`${pointerToPath(pointer)}\` is written \`${written}\`, which a reader takes as ${doubleText(value)}: the value does not survive exactly.` });
    }
    return issues;
  },
};
