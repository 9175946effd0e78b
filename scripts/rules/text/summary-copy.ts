import type { Event } from "../../../schema/index.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/** Lower case, with every run of characters other than letters and digits made one space. */
const normalize = (s: string) =>
  // The ASCII pattern gives the same result on ASCII text, several times faster.
  (/^[\x00-\x7f]*$/.test(s) ? s.toLowerCase().replace(/[^a-z0-9]+/g, " ") : s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ")).trim();

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
    const headlines = event.sources.map((s) => normalize(s.title));
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
