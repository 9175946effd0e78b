/**
 * Dates as the source datasets write them: `YYYYMMDD` (GDELT), `YYYY-MM-DD`
 * (UCDP, ACLED's API), `16 May 2025` or `16-May-2025` (ACLED's export), and
 * `YYYY-MM-DD hh:mm:ss` (UCDP). Read to `YYYY-MM-DD`, checked against the
 * calendar; anything else is undefined, and the row is refused with the value.
 */
import { isCalendarDate } from "../core/dates.ts";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function sourceDate(value: string): string | undefined {
  const text = value.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return isCalendarDate(day) ? day : undefined;
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (month < 0 || (m[2]!.length > 3 && !new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, month, 1)).toLowerCase().startsWith(m[2]!.toLowerCase()))) return undefined;
    const day = `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
    return isCalendarDate(day) ? day : undefined;
  }
  return undefined;
}
