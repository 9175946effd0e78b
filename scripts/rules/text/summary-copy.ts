import type { Event } from "../../../schema/index.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/** Lower case, with every run of characters other than letters and digits made one space, trimmed. */
export function normalize(s: string): string {
  return normalizeAscii(s) ?? s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The same for ASCII text in one loop (about twice as fast); undefined for any other text. */
function normalizeAscii(s: string): string | undefined {
  const lower = s.toLowerCase();
  let out = "";
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start === -1) start = i;
    } else if (c < 128) {
      if (start !== -1) {
        out += (out === "" ? "" : " ") + lower.slice(start, i);
        start = -1;
      }
    } else return undefined;
  }
  if (start !== -1) out += (out === "" ? "" : " ") + lower.slice(start);
  return out;
}

export const summaryCopy: RecordRule = {
  id: "summary-copy",
  family: "record",
  severity: "error",
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  description: "`title` and `summary` are the coder's own words, not a source's headline.",
  fix: "Write the title and summary yourself; the outlet's headline belongs in `sources[].title` only.",
  check: ({ record }) => {
    const event = record as Event;
    const issues: RuleIssue[] = [];
    const headlines = event.sources.flatMap((s) => (s.title ? [normalize(s.title)] : []));
    for (const field of ["title", "summary"] as const) {
      // A quick look first: the normalized text can hold a headline only if the raw text holds each of its words.
      const raw = event[field].toLowerCase();
      if (!headlines.some((h) => h.length > 0 && h.split(" ").every((word) => raw.includes(word)))) continue;
      const text = normalize(event[field]);
      const i = headlines.findIndex((h) => h.length > 0 && (text === h || (h.split(" ").length >= 5 && text.includes(h))));
      if (i !== -1) issues.push({ pointer: `/${field}`, message: `\`${field}\` repeats the headline of \`sources[${i}]\`.` });
    }
    return issues;
  },
};
