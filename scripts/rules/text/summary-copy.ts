import { arr, str } from "../fields.ts";
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

/** The first run of letters and digits: the first word of a normalized text. */
const FIRST_WORD = /[\p{L}\p{N}]+/u;

export const summaryCopy: RecordRule = {
  meta: {
    id: "summary-copy",
    family: "record",
    severity: "error",
    description: "`title` and `summary` are the coder's own words, not a source's headline.",
    help: "Write the title and summary yourself; the outlet's headline belongs in `sources[].title` only.",
    messages: {
      headline: "`{{field}}` repeats the headline of `sources[{{index}}]`.",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ record }) => {
    const issues: RuleIssue[] = [];
    // A title or summary that is no string is the schema's finding ("" here matches no headline), as is a headline that is none.
    const texts = [str(record.title) ?? "", str(record.summary) ?? ""];
    const raws = [texts[0]!.toLowerCase(), texts[1]!.toLowerCase()];
    // A quick look first, on the raw texts: a headline can be repeated only if its first word is there.
    // Most titles are far from their sources' headlines, and normalizing every headline costs more than this.
    // One entry a source, "" for one without a title or out of reach, so that an index names its source.
    const headlines = (arr(record.sources) ?? []).map((s) => {
      const title = str(s, "title");
      const first = title === undefined ? undefined : FIRST_WORD.exec(title.toLowerCase())?.[0];
      return first !== undefined && (raws[0]!.includes(first) || raws[1]!.includes(first)) ? normalize(title!) : "";
    });
    if (!headlines.some((h) => h.length > 0)) return issues;
    ["title", "summary"].forEach((field, f) => {
      const raw = raws[f]!;
      if (!headlines.some((h) => h.length > 0 && h.split(" ").every((word) => raw.includes(word)))) return;
      const text = normalize(texts[f]!);
      const i = headlines.findIndex((h) => h.length > 0 && (text === h || (h.split(" ").length >= 5 && text.includes(h))));
      if (i !== -1) issues.push({ pointer: `/${field}`, messageId: "headline", data: { field, index: i } });
    });
    return issues;
  },
};
