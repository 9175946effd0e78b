/**
 * title-shown: `sources[].title` is the headline the page shows, so where the page's text is kept (data/texts/, or the
 * folder of `validate --texts` at coding time) the title occurs in it. Blind checks found titles that only the page's
 * address spells out ("xi-modi-agree-china-india-not-rivals"), on pages whose text shows no headline: a claim about
 * the page that nothing on it supports.
 *
 * Pages set a headline in other cases and with other punctuation than a coder types it (Title Case, curly quotes, a
 * dash for a colon), so the title and the text are compared as runs of words: letters and digits in lower case,
 * everything else a space. The title's words must occur in the text one after another.
 */
import { str } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { eachKeptSource, perKeptText } from "./kept-sources.ts";

/**
 * A text as the words it is made of: NFKC, lower case, each run of letters, marks and digits one word; a dot between
 * two letters joins them, so that "U.S." is the word "us", as a coder may type it.
 */
export function wordsOf(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().replace(/(?<=\p{L})\.(?=\p{L})/gu, "").match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** A text's words as one run, spaces around: what a title's run is looked for in. */
const wordRun = (text: string): string => ` ${wordsOf(text).join(" ")} `;

/**
 * Whether the words of `title` occur in `text`, one after another (a title of no words is not judged). `run` is the
 * text's word run when the caller has it already.
 */
export function shows(text: string, title: string, run?: string): boolean {
  const words = wordsOf(title);
  if (words.length === 0) return true;
  return (run ?? wordRun(text)).includes(` ${words.join(" ")} `);
}

/** A kept text's word run, made once a text (about 0.12 ms a kilobyte). */
const keptRun = perKeptText(wordRun);

/** Whether the title's words are all the address's (its path spelled as words): a title made from the address. */
export function spelledByAddress(url: string, title: string): boolean {
  const words = wordsOf(title);
  if (words.length < 3) return false;
  let pathPart: string;
  try {
    pathPart = decodeURIComponent(new URL(url).pathname);
  } catch {
    return false;
  }
  return wordRun(pathPart).includes(` ${words.join(" ")} `);
}

export const titleShown: RecordRule = {
  meta: {
    id: "title-shown",
    family: "record",
    severity: "warning",
    description:
      "Where a source's text is kept (data/texts/, or the folder of `validate --texts`), its `title` occurs in it: the title is the headline the page shows. Compared as runs of words (case and punctuation aside).",
    help: "Copy the headline as the page shows it; if the page shows none, leave `title` out (a headline the address spells out is not one the page shows).",
    messages: {
      notShown: "`sources[{{index}}].title` does not occur in the kept text of that page.",
      fromAddress: "`sources[{{index}}].title` does not occur in the kept text of that page; its words are the page's address's.",
    },
  },
  scope: "record",
  readsTexts: true,
  kinds: ["event"],
  check: ({ record, texts }) => {
    const issues: RuleIssue[] = [];
    eachKeptSource(record, texts, (s, i, url, kept) => {
      const title = str(s, "title");
      if (title === undefined || shows(kept.text, title, keptRun(kept))) return;
      issues.push({ pointer: `/sources/${i}/title`, messageId: spelledByAddress(url, title) ? "fromAddress" : "notShown", data: { index: i } });
    });
    return issues;
  },
};
