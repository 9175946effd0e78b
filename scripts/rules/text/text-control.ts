import { pointerToPath } from "../../core/pointer.ts";
import type { RecordRule } from "../types.ts";
import { stringIssues } from "./walk.ts";

// C0 controls (tab and line breaks included), DEL, C1 controls, and the invisible
// direction overrides that can disguise text (U+202A-U+202E, U+2066-U+2069).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export const textControl: RecordRule = {
  meta: {
    id: "text-control",
    family: "record",
    severity: "error",
    description: "Text values hold no control characters (tabs, line breaks, bidirectional overrides): a value is one line of text.",
    help: "Retype the value on one line; in YAML use `>-` for a long text so that line breaks fold into spaces.",
    messages: {
      control: "`{{path}}` holds the control character U+{{code}} at character {{at}}.",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ record }) =>
    stringIssues(record, (text, pointer) => {
      const m = CONTROL.exec(text);
      if (!m) return undefined;
      const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      return { messageId: "control", data: { path: pointerToPath(pointer), code, at: m.index + 1 } };
    }),
};
