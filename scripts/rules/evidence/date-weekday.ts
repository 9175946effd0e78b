import { arr, str } from "../fields.ts";
import { dateWordsIssue, dayCodedAndAsked, scanDateQuotes } from "./date-quotes.ts";
import { addressDate, namesDate, weekdayWords } from "./date-words.ts";
import type { RecordRule } from "../types.ts";

/**
 * date-weekday: "on Wednesday" names a day of some week, and the week comes from a date. The coding guidelines
 * (CONTRIBUTING, Hard cases, "A weekday counts from the page's own date") count a weekday from the page's date line,
 * the archive's date for it or its address (which fixes the week), or from another cited page that reports the event
 * as done (the last such weekday on or before its `published` date). Blind check 21 graded minor two records coded to
 * the day whose only date quotes were weekdays on pages that give no date: nothing in the record fixed the week.
 *
 * So an event coded to the day (and asked for evidence, as evidence-date asks) is warned of when its date quotes name
 * no date (no digit, no month name: scripts/rules/evidence/date-words.ts), one names a weekday, no cited source has
 * `published`, and no address of a source a weekday is quoted from carries a date. A "yesterday" with no date is
 * date-relative's finding.
 */
export const dateWeekday: RecordRule = {
  meta: {
    id: "date-weekday",
    family: "record",
    severity: "warning",
    description:
      "An active event coded to the day (and asked for evidence, as evidence-date asks) does not rest on a weekday alone: when no date quote names the date (a digit or a month name) and one names a weekday (\"on Wednesday\", \"mercredi\"), a cited source has `published`, or the address of the page the weekday is quoted from carries a date that fixes its week.",
    help: "Give `published` where a cited page or the archive you read it from shows a date, quote words that name the date (\"on 13 September\"), or code `week` or `month` precision (CONTRIBUTING, Hard cases: \"A weekday counts from the page's own date\").",
    messages: {
      weekdayOnly: "The date quotes give the day only as {{words}}, and no cited page gives a date to count it from.",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: (ctx) => {
    if (!dayCodedAndAsked(ctx)) return [];
    const { record } = ctx;
    const sources = arr(record.sources);
    // Another cited page that reports the event as done fixes the weekday by its `published` date.
    if (sources?.some((s) => str(s, "published") !== undefined)) return [];
    let dated = false;
    const scan = scanDateQuotes(record, weekdayWords, (exact, source, found) => {
      if (namesDate(exact)) dated = true;
      const url = found.length > 0 && source !== undefined ? str(sources?.[source], "url") : undefined;
      if (url !== undefined && addressDate(url)) dated = true;
    });
    return dated ? [] : dateWordsIssue(scan, "weekdayOnly");
  },
};
