/** What date-relative and date-weekday share: a pass over an event's date quotes for words that need a date to count from. */
import { eachObject, field, index, str, type Fields } from "../fields.ts";
import type { RecordContext, RuleIssue } from "../types.ts";
import { evidenceAsked } from "./asked.ts";
import { quoteOf } from "./quoted.ts";

/** Whether the event is coded to the day and asked for evidence (as evidence-date asks): what both rules judge. */
export function dayCodedAndAsked({ file, record, version }: RecordContext): boolean {
  return str(field(record, "date"), "precision") === "day" && evidenceAsked(file, record, version);
}

/** The date quotes' words that `find` picks, as first written (case aside), and the index of the first quote that has one. */
export interface DateWords {
  first: number | undefined;
  words: string[];
}

/**
 * Each date quote of `event` (claim `date`, a well-typed quote) is passed to `visit` with its source's index and the
 * words `find` picks in it. An item whose claim, source or quote is ill-typed is the schema's finding (or
 * evidence-reference's) and is passed over.
 */
export function scanDateQuotes(event: Fields, find: (exact: string) => string[], visit: (exact: string, source: number | undefined, found: readonly string[]) => void): DateWords {
  let first: number | undefined;
  const words: string[] = [];
  eachObject(event.evidence, (item, i) => {
    const quote = item.claim === "date" ? quoteOf(item) : undefined;
    if (quote === undefined) return;
    const found = find(quote.exact);
    visit(quote.exact, index(item.source), found);
    if (found.length === 0) return;
    first ??= i;
    for (const w of found) if (!words.some((x) => x.toLowerCase() === w.toLowerCase())) words.push(w);
  });
  return { first, words };
}

/** The one finding of such a rule: at the first quote with such words, naming them all. */
export function dateWordsIssue(scan: DateWords, messageId: string): RuleIssue[] {
  if (scan.first === undefined) return [];
  return [{ pointer: `/evidence/${scan.first}/quote/exact`, messageId, data: { words: scan.words.map((w) => `"${w}"`).join(", ") } }];
}
