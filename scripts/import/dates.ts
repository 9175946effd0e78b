/**
 * Dates as the source datasets write them: `YYYYMMDD` (GDELT), `YYYY-MM-DD`
 * (UCDP, ACLED's API), `16 May 2025` or `16-May-2025` (ACLED's export), and
 * `YYYY-MM-DD hh:mm:ss` (UCDP). Read to `YYYY-MM-DD`, checked against the
 * calendar; anything else is undefined, and the row is refused with the value.
 */
import { isCalendarDate } from "../core/dates.ts";

const FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTHS = FULL_MONTHS.map((m) => m.slice(0, 3));

export function sourceDate(value: string): string | undefined {
  const text = value.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return isCalendarDate(day) ? day : undefined;
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{4})$/.exec(text);
  if (m) {
    const name = m[2]!.toLowerCase();
    const month = MONTHS.indexOf(name.slice(0, 3));
    // A longer name is a prefix of the month's full name ("Sept", "September"), never another word.
    if (month < 0 || (name.length > 3 && !FULL_MONTHS[month]!.startsWith(name))) return undefined;
    const day = `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
    return isCalendarDate(day) ? day : undefined;
  }
  return undefined;
}
