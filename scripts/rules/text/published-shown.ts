/**
 * published-shown: `sources[].published` is a date the page gives (its date line, a wire dateline with its date, or
 * the archive's date for the copy read: CONTRIBUTING, Hard cases "Sources"), so where the page's text is kept
 * (data/texts/, or the folder of `validate --texts` at coding time) the text gives that date; and a page whose kept
 * text opens with the archive's date or a dated wire dateline has its `published`. Blind checks 20 and 21 found both
 * slips: a `published` no copy of the page gives, and a dateline's date ("WELLINGTON, July 27, 2023 (BSS/AFP)") left
 * out. The text's dates are read as page-dates.ts reads them, in the forms and languages pages write them.
 */
import { str } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { eachKeptSource, perKeptText } from "./kept-sources.ts";
import { givesDate, ownDate, pageDates } from "./page-dates.ts";

/** A kept text's dates, read once a text (about 0.08 ms a kilobyte: 9 ms for a page of 110 kB). */
const keptDates = perKeptText(pageDates);

export const publishedShown: RecordRule = {
  meta: {
    id: "published-shown",
    family: "record",
    severity: "warning",
    description:
      "Where a source's text is kept (data/texts/, or the folder of `validate --texts`), its `published` is a date the text gives (written out, in figures, or a wire dateline's day and month with the year of the archive's date or of the address), and a text that opens with the archive's date or a dated wire dateline has its `published`.",
    help: "Give as `published` the date the page shows as its own (its date line, a wire dateline with its date, or the archive's date for the copy you read); leave it out only when the page gives none.",
    messages: {
      notShown: "`sources[{{index}}].published` ({{date}}) is not a date the kept text of that page gives.",
      notGiven: "The kept text of `sources[{{index}}]`'s page gives its date ({{given}}), but `published` is left out.",
    },
  },
  scope: "record",
  readsTexts: true,
  kinds: ["event"],
  check: ({ record, texts }) => {
    const issues: RuleIssue[] = [];
    eachKeptSource(record, texts, (s, i, url, kept) => {
      const published = str(s, "published");
      if (published !== undefined) {
        if (!givesDate(kept.text, url, published, keptDates(kept))) issues.push({ pointer: `/sources/${i}/published`, messageId: "notShown", data: { index: i, date: published } });
        return;
      }
      if (s.published !== undefined) return; // not a string: the schema's finding
      const own = ownDate(kept.text);
      if (own === undefined) return;
      const given = own.kind === "archive" ? `the archive's date, ${own.words}` : `the dateline “${own.words}”`;
      issues.push({ pointer: `/sources/${i}`, messageId: "notGiven", data: { index: i, given } });
    });
    return issues;
  },
};
