import { pointerToPath } from "../../core/pointer.ts";
import { doubleText, hasSuspectNumber } from "../../dataset/exact.ts";
import { inexactValues } from "../../dataset/parse.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const numberExact: RecordRule = {
  meta: {
    id: "number-exact",
    family: "record",
    severity: "error",
    description:
      "A number survives reading exactly: read to a double (what JSON readers, the schema and the release use) and written back as the shortest decimal that reads to the same double, it is the same decimal value as written. `1.50` and `15e-1` are 1.5 and pass; `180.00000000000001` (read as 180), `9007199254740993` (an integer beyond 2^53, read as ...992), `1e-400` (read as 0), `1e400`, `.inf` and `.nan` fail. Any number of at most 15 significant digits between 1e-300 and 1e300 in size passes.",
    help: "Write the number as a double holds it (at most 15 significant digits: `180` or `179.99999999999999` is not a longitude anyone measured); an id or code that is not a quantity belongs in a string.",
    messages: {
      inexact: "`{{path}}` is written `{{written}}`, which a reader takes as {{value}}: the value does not survive exactly.",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ doc }) => {
    // Any number outside what SUSPECT_NUMBER matches round-trips: most records are not looked at further.
    if (!hasSuspectNumber(doc.text)) return [];
    // One pass over the source's nodes (not a lookup a number: a record of many numbers stays linear).
    return inexactValues(doc.text, { numbers: true, texts: false }).map(
      (v): RuleIssue => ({
        pointer: v.pointer,
        position: doc.lines.range(v.start, v.end),
        messageId: "inexact",
        data: { path: pointerToPath(v.pointer), written: v.written, value: doubleText(v.value as number) },
      }),
    );
  },
};
