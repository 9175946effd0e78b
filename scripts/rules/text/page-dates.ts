/**
 * The dates a page's text gives, as published-shown reads them: written out ("28 February 2023", "February 28, 2023",
 * "28 de febrero de 2023", "28th of February 2023"), in figures ("2023-02-28", "28.02.2023", "02/28/2023"), without
 * the year ("TUNIS, April 6 (Reuters)", the wire dateline the Hard cases take as `published`), and the archive's date
 * line that a stored copy opens with (" date 2023-02-28"). Month names are date-words.ts's, in the languages of the dataset's sources most often.
 */
import { CASED_MONTH_NAMES, MONTHS } from "../evidence/date-words.ts";

// Longest first, so that "sept" is not read as "sep" and "t".
const MONTH_NAMES = [...MONTHS.keys()].sort((a, b) => b.length - a.length);
const MONTH = `(${MONTH_NAMES.join("|")})\\.?`;
const B = "(?<![\\p{L}\\p{M}\\p{N}])"; // no letter, mark or digit just before
const E = "(?![\\p{L}\\p{M}\\p{N}])"; // nor just after
const DAY = "(\\d{1,2})(?:st|nd|rd|th|er|º)?";
const YEAR = "((?:19|20)\\d\\d)";

const ISO = new RegExp(`${B}${YEAR}[-/.](\\d{1,2})[-/.](\\d{1,2})${E}`, "gu");
const FIGURES = new RegExp(`${B}(\\d{1,2})[-/.](\\d{1,2})[-/.]${YEAR}${E}`, "gu");
const DAY_MONTH = new RegExp(`${B}${DAY}\\.?\\s+(?:de\\s+|of\\s+)?${MONTH}(?:,?\\s+(?:de\\s+)?${YEAR})?${E}`, "giu");
const MONTH_DAY = new RegExp(`${B}${MONTH}\\s+${DAY}${E}(?:,?\\s+${YEAR}${E})?`, "giu");
const ARCHIVE = /^\s?date ((?:19|20)\d\d-\d\d-\d\d)(?!\d)/u;
// A dateline's place is one to four capitalised words ("TUNIS", "Port Moresby"), so the pattern keeps its case; its
// month is in any case.
const cased = (name: string): string[] => [name, name.charAt(0).toUpperCase() + name.slice(1), name.toUpperCase()];
const MONTH_ANY_CASE = `(${MONTH_NAMES.flatMap(cased).join("|")})\\.?`;
const DATELINE = new RegExp(`(?:^|\\n)[ \\t]*\\p{Lu}[\\p{L}\\p{M}.'’-]*(?: \\p{Lu}[\\p{L}\\p{M}.'’-]*){0,3},[ \\t]+${MONTH_ANY_CASE}[ \\t]+${DAY}${E}`, "u");

/** A date a text gives; `year` undefined where it names only the day and month. */
export interface PageDate {
  readonly year?: number;
  readonly month: number;
  readonly day: number;
}

const valid = (month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/** A month as the text writes it: 0 (none) for a name that is a month only capitalised (CASED_MONTHS) and is not. */
function monthOf(word: string | undefined): number {
  if (word === undefined) return 0;
  const name = word.toLowerCase();
  if (CASED_MONTH_NAMES.has(name) && word.charAt(0) === name.charAt(0)) return 0;
  return MONTHS.get(name) ?? 0;
}

/** Every date the text gives, in the forms above (a date in figures that reads both ways is given both ways). */
export function pageDates(text: string): PageDate[] {
  const t = text.normalize("NFC");
  const dates: PageDate[] = [];
  const add = (year: number | undefined, month: number, day: number): void => {
    if (valid(month, day)) dates.push({ year, month, day });
  };
  for (const m of t.matchAll(ISO)) add(Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of t.matchAll(FIGURES)) {
    add(Number(m[3]), Number(m[2]), Number(m[1])); // 28.02.2023, 28/02/2023
    add(Number(m[3]), Number(m[1]), Number(m[2])); // 02/28/2023
  }
  for (const m of t.matchAll(DAY_MONTH)) add(m[3] === undefined ? undefined : Number(m[3]), monthOf(m[2]), Number(m[1]));
  for (const m of t.matchAll(MONTH_DAY)) add(m[3] === undefined ? undefined : Number(m[3]), monthOf(m[1]), Number(m[2]));
  return dates;
}

/** The years a text names in figures (1900-2099). */
function yearsNamed(text: string): Set<number> {
  return new Set([...text.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/gu)].map((m) => Number(m[1])));
}

/**
 * Whether the text gives `published` (YYYY-MM-DD): as a full date, or as its day and month with the year of the
 * archive's date line or of the page's address (a wire dateline: "TUNIS, April 6 (Reuters)"; the Hard case "A wire
 * dateline with a date" takes the year from those two only). `dates` are the text's pageDates, when the caller has them.
 */
export function givesDate(text: string, url: string, published: string, dates: readonly PageDate[] = pageDates(text)): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (m === null) return true; // not a day (the schema's finding): not judged
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let years: Set<number> | undefined;
  return dates.some((d) => {
    if (d.month !== month || d.day !== day) return false;
    if (d.year !== undefined) return d.year === year;
    years ??= new Set([...yearsNamed(ARCHIVE.exec(text.normalize("NFC"))?.[1] ?? ""), ...yearsNamed(url)]);
    return years.has(year);
  });
}

/**
 * The date a page's text shows as its own, where it shows one: the archive's date line a stored copy opens with, or
 * a wire dateline with its date near the top ("TUNIS, April 6 (Reuters)"), as the words the text has them in.
 */
export function ownDate(text: string): { kind: "archive" | "dateline"; words: string } | undefined {
  const t = text.normalize("NFC");
  const archive = ARCHIVE.exec(t);
  if (archive?.[1] !== undefined) return { kind: "archive", words: archive[1] };
  const dateline = DATELINE.exec(t.slice(0, 2000));
  if (dateline) return { kind: "dateline", words: dateline[0].trim() };
  return undefined;
}
