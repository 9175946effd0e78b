import { pointerToPath } from "../../core/pointer.ts";
import { loneSurrogateAt, mayHoldLoneSurrogate, surrogateName } from "../../dataset/exact.ts";
import type { RecordRule } from "../types.ts";
import { stringIssues } from "./walk.ts";

export const textUnicode: RecordRule = {
  meta: {
    id: "text-unicode",
    family: "record",
    severity: "error",
    description:
      "Text is well-formed Unicode: no lone surrogate (a `\\ud83d` escape without its pair, in JSON or a double-quoted YAML string). No UTF-8 file can hold one: strict JSON readers reject it in events.jsonl, and a CSV writer turns it into U+FFFD.",
    help: "Write the whole character (`\\ud83d\\ude00`, or the character itself), or remove the stray escape.",
    messages: {
      loneSurrogate: "`{{path}}` holds a lone surrogate ({{surrogate}}) at character {{at}}: it is not well-formed Unicode.",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ record, doc }) =>
    // Only an escape in the source can make a lone surrogate: most records are not walked.
    !mayHoldLoneSurrogate(doc.text) ? [] : stringIssues(record, (text, pointer) => {
      const at = loneSurrogateAt(text);
      return at === -1 ? undefined : { messageId: "loneSurrogate", data: { path: pointerToPath(pointer), surrogate: surrogateName(text, at), at: at + 1 } };
    }),
};
