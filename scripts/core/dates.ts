/** Event dates of varying precision: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`. */

/** True for a date that exists in the calendar (no 30 February, no month 13). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Why a date written in the right form (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) is not on the calendar
 * ("February 2023 has 28 days", "there is no month 13"); undefined for a calendar date or a wrong form.
 */
export function notOnCalendar(value: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m || isCalendarDate(value)) return undefined;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return `there is no month ${m[2]}`;
  if (Number(m[3]) < 1) return "days are counted from 01";
  const year = Number(m[1]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return `${MONTH_NAMES[month - 1]} ${m[1]} has ${days} days`;
}

/** The first day a partial date can mean: `2023` -> `2023-01-01`. */
export function firstDay(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value.slice(0, 10);
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The day a full date (`YYYY-MM-DD`, years 0000-9999) falls on, counted from
 * 0000-01-01 (Hinnant's days-from-civil, shifted): consecutive days differ by
 * one, and every date fits in 22 bits. Undefined for a partial or impossible date.
 */
export function dayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !isCalendarDate(date)) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const year = Number(m[1]) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  // Day 0 of the formula is 0000-03-01; 0000-01-01 is 60 days before it.
  return era * 146097 + dayOfEra + 60;
}

/** The full date `days` after (or before) `date`; undefined for a partial date or one outside the years 0000-9999. */
export function addDays(date: string, days: number): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !isCalendarDate(date)) return undefined;
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: the latter reads the years 0-99 as 1900-1999.
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  return `${String(year).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}
