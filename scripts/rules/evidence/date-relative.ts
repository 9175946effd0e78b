import { arr, str } from "../fields.ts";
import { dateWordsIssue, dayCodedAndAsked, scanDateQuotes } from "./date-quotes.ts";
import { hasAnchor, relativeWords } from "./date-words.ts";
import type { RecordRule } from "../types.ts";

/**
 * date-relative: "yesterday" counts from a date, and when the page gives none the day is not known from it. The coding
 * guidelines (CONTRIBUTING, Hard cases, "Yesterday" in a repost) count such words from the original's date when the
 * page gives it, and ask for `week` precision otherwise; a date in the page's address is not its published date. A
 * blind check found a record coded to the day whose only date quote was "announced an agreement yesterday", on a page
 * that shows no date: nothing in the record fixed the day.
 *
 * So an event coded to the day (and asked for evidence, as evidence-date asks) is warned of when its date quotes name
 * no day themselves (no digit, no weekday or month name: scripts/rules/evidence/date-words.ts), one says "yesterday",
 * "today" or the like, and no source those words are quoted from has `published` to count from.
 */
export const dateRelative: RecordRule = {
  meta: {
    id: "date-relative",
    family: "record",
    severity: "warning",
    description:
      "An active event coded to the day (and asked for evidence, as evidence-date asks) does not rest on relative day words alone: when no date quote names the day (a digit, a weekday or month name) and one counts from another date (\"yesterday\", \"today\", \"hier\", \"ayer\", \"вчера\"...), a source such a quote is from has `published`.",
    help: "Give the source's `published` date where the page or the archive you read it from shows one, quote words that name the day (\"on Tuesday\", \"on 13 September\"), or code `week` precision (CONTRIBUTING, Hard cases: \"Yesterday\" in a repost).",
    messages: {
      relativeOnly: "The date quotes give the day only as {{words}}, counted from a date the page does not give.",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: (ctx) => {
    if (!dayCodedAndAsked(ctx)) return [];
    const { record } = ctx;
    const sources = arr(record.sources);
    let anchored = false;
    let dated = false;
    const scan = scanDateQuotes(record, relativeWords, (exact, source, found) => {
      if (hasAnchor(exact)) anchored = true;
      // A quote whose source is not there has no `published` to count from.
      if (found.length > 0 && source !== undefined && str(sources?.[source], "published") !== undefined) dated = true;
    });
    return anchored || dated ? [] : dateWordsIssue(scan, "relativeOnly");
  },
};
