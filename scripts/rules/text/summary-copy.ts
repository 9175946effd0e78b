import type { KeptText } from "../../dataset/texts.ts";
import { arr, str } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { eachKeptSource, perKeptText } from "./kept-sources.ts";

/**
 * An apostrophe inside a word ("Jordan's", "N'Djamena"): it joins, it does not part, words. A hyphen still parts them
 * ("search-and-rescue" is three words): joining it would let a copied run pass by hyphenating it.
 */
const INNER_JOINER = /(?<=[\p{L}\p{N}])['\u2019\u02bc](?=[\p{L}\p{N}])/gu;

/**
 * Lower case, with every run of characters other than letters and digits made one space, trimmed; an apostrophe inside
 * a word is dropped, so that words count as a reader counts them ("Jordan's" is one word, not two).
 */
export function normalize(s: string): string {
  const joined = /['\u2019\u02bc]/u.test(s) ? s.replace(INNER_JOINER, "") : s;
  return normalizeAscii(joined) ?? joined.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
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

/**
 * Words in a row that a title or summary may share with a cited page's kept
 * text: 8, as the coding guidelines say (facts are free, sentences are not;
 * a name and its office rarely run to 8 words).
 */
export const SHARED_RUN = 8;

/** The longest shown of a shared run, in words (the rest is cut with "…"). */
const SHOWN_WORDS = 16;

/** A kept text's words, normalized (one text is read by every record citing it: made once a text). */
const wordsOfKept = perKeptText((text) => normalize(text).split(" ").filter(Boolean));

/**
 * The longest run of `SHARED_RUN` or more words in a row that `own` shares
 * with `page` (both normalized word lists), or undefined. Runs of the page
 * are looked for only where a window of `own` starts: a set of its windows,
 * then one pass over the page.
 */
export function sharedRun(own: readonly string[], page: readonly string[], min = SHARED_RUN): string[] | undefined {
  if (own.length < min || page.length < min) return undefined;
  const windows = new Map<string, number[]>();
  for (let i = 0; i + min <= own.length; i++) {
    const key = own.slice(i, i + min).join(" ");
    const at = windows.get(key);
    if (at) at.push(i);
    else windows.set(key, [i]);
  }
  const firsts = new Set(own.slice(0, own.length - min + 1));
  let best: string[] | undefined;
  for (let j = 0; j + min <= page.length; j++) {
    if (!firsts.has(page[j]!)) continue;
    const starts = windows.get(page.slice(j, j + min).join(" "));
    if (!starts) continue;
    for (const i of starts) {
      let n = min;
      while (i + n < own.length && j + n < page.length && own[i + n] === page[j + n]) n++;
      if (!best || n > best.length) best = own.slice(i, i + n) as string[];
    }
  }
  return best;
}

/** The first run of letters and digits: the first word of a normalized text. */
const FIRST_WORD = /[\p{L}\p{N}]+/u;

export const summaryCopy: RecordRule = {
  meta: {
    id: "summary-copy",
    family: "record",
    severity: "error",
    description: `\`title\` and \`summary\` are the coder's own words: not a source's headline, and no run of ${SHARED_RUN} words or more in a row (case and punctuation aside) shared with the kept text (data/texts/, or the folder of \`validate --texts\`) of a source the record cites.`,
    help: "Write the title and summary yourself, from the facts, not the page's sentences; the outlet's headline belongs in `sources[].title` only.",
    messages: {
      headline: "`{{field}}` repeats the headline of `sources[{{index}}]`.",
      sharedRun: "`{{field}}` shares {{count}} words in a row with the kept text of `sources[{{index}}]`: \"{{run}}\".",
    },
  },
  scope: "record",
  readsTexts: true,
  kinds: ["event"],
  check: ({ record, texts: kept }) => {
    const issues: RuleIssue[] = [];
    copiedRuns(record, kept, issues);
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

/** Each of title and summary that shares a run of SHARED_RUN words or more with a kept text it cites: one finding a field and source. */
function copiedRuns(record: Record<string, unknown>, texts: ReadonlyMap<string, KeptText>, issues: RuleIssue[]): void {
  if (texts.size === 0) return;
  const own = ["title", "summary"].map((field) => ({ field, words: normalize(str(record[field]) ?? "").split(" ").filter(Boolean) }));
  if (own.every((o) => o.words.length < SHARED_RUN)) return;
  eachKeptSource(record, texts, (_source, index, _url, kept) => {
    const page = wordsOfKept(kept);
    for (const { field, words } of own) {
      const run = sharedRun(words, page);
      if (run)
        issues.push({
          pointer: `/${field}`,
          messageId: "sharedRun",
          data: { field, index, count: run.length, run: run.length > SHOWN_WORDS ? `${run.slice(0, SHOWN_WORDS).join(" ")} …` : run.join(" ") },
        });
    }
  });
}
