/**
 * The words date-relative and date-weekday look for in date quotes: relative day words ("yesterday"), which count from
 * a date the quote does not give; weekday names, which name the day within a week the quote does not give; and month
 * names, which with a digit name the date. In the languages of the dataset's sources most often: en, fr, es, pt, de,
 * it, ru, tr, id, nl.
 *
 * A word is matched whole (no letter or mark on either side, so Unicode-aware where \b is not), in any case. In a
 * word list, a space is any run of white space, an apostrophe is a straight or curly one, and a trailing `*` lets
 * letters follow (German and Dutch compounds: "Dienstagabend", "dinsdagavond"). A name that is also a common word
 * in lower case ("may", "march", "sat", "sun") is an anchor only capitalised as a name: see CASED_ANCHORS.
 */

import { escapeRegExp } from "../../core/regexp.ts";

/** A language's words, by ISO 639-1 code. */
export type WordLists = Readonly<Record<string, readonly string[]>>;

/** Words that give the day relative to a date the quote does not name: the report's, or the original's in a repost. */
export const RELATIVE_WORDS: WordLists = {
  en: ["yesterday", "today", "tonight", "last night", "this morning", "this afternoon", "this evening"],
  fr: ["hier", "aujourd'hui", "ce matin", "ce soir"],
  es: ["ayer", "hoy", "anoche", "esta mañana", "esta tarde", "esta noche"],
  pt: ["ontem", "hoje", "esta manhã"],
  de: ["gestern", "heute", "heute Morgen"],
  it: ["ieri", "oggi", "stamattina", "stasera"],
  ru: ["вчера", "сегодня"],
  tr: ["dün", "bugün"],
  id: ["kemarin", "hari ini"],
  nl: ["gisteren", "vandaag"],
};

/** Weekday names (and their common abbreviations) matched in any case: each names a day of a week. */
export const WEEKDAY_WORDS: WordLists = {
  en: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tue", "tues", "thu", "thur", "thurs", "fri"],
  fr: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
  es: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
  pt: ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"],
  de: ["montag*", "dienstag*", "mittwoch*", "donnerstag*", "freitag*", "samstag*", "sonnabend*", "sonntag*"],
  it: ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica"],
  // As named after "в" ("в среду") and in the other cases.
  ru: ["понедельник*", "вторник*", "среда", "среду", "среды", "четверг*", "пятница", "пятницу", "пятницы", "суббота", "субботу", "субботы", "воскресенье", "воскресенья"],
  tr: ["pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"],
  id: ["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"],
  nl: ["maandag*", "dinsdag*", "woensdag*", "donderdag*", "vrijdag*", "zaterdag*", "zondag*"],
};

/**
 * Month names and their common abbreviations, January first, one list a language (en twice: names, abbreviations);
 * a slot may hold several forms ("|"), and may be empty. A name's month is its slot, the same in every language that
 * has it ("marzo", "april"). Each names the date with the day's number (date quotes), and dates a page (page-dates.ts).
 */
const MONTH_LISTS: Readonly<Record<string, readonly string[]>> = {
  en: ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
  "en abbreviated": ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep|sept", "oct", "nov", "dec"],
  fr: ["janvier|janv", "février|févr", "mars", "avril|avr", "mai", "juin", "juillet|juil", "août", "septembre", "octobre", "novembre", "décembre|déc"],
  es: ["enero|ene", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre|setiembre", "octubre", "noviembre", "diciembre|dic"],
  pt: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
  de: ["januar|jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober|okt", "november", "dezember|dez"],
  it: ["gennaio|genn", "febbraio|febbr", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre|ott", "novembre", "dicembre|dic"],
  ru: [
    "январь|января|январе", "февраль|февраля|феврале", "март|марта|марте", "апрель|апреля|апреле", "май|мая|мае", "июнь|июня|июне",
    "июль|июля|июле", "август|августа|августе", "сентябрь|сентября|сентябре", "октябрь|октября|октябре", "ноябрь|ноября|ноябре", "декабрь|декабря|декабре",
  ],
  tr: ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"],
  id: ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"],
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
};

/** Every month name and abbreviation of MONTH_LISTS (lower case), with its month (1-12). */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.values(MONTH_LISTS).flatMap((list) => list.flatMap((slot, i) => slot.split("|").filter(Boolean).map((name): [string, number] => [name, i + 1]))),
);

/** Names that are also common words in lower case ("it may", "to march", "sun", "sat"): names only as written here. */
export const CASED_WEEKDAYS: readonly string[] = ["Mon", "Wed", "Sat", "Sun"];
export const CASED_MONTHS: readonly string[] = ["May", "March", "August", "Mar", "Jan"];

/** One word of a list as a pattern: spaces as white space, an apostrophe as either, a trailing `*` as letters. */
function wordPattern(word: string): string {
  const prefix = word.endsWith("*");
  const body = (prefix ? word.slice(0, -1) : word)
    .split(/\s+/)
    .map((part) => escapeRegExp(part).replace(/['’ʼ]/g, "['’ʼ]"))
    .join("\\s+");
  return prefix ? `${body}[\\p{L}\\p{M}]*` : body;
}

/** Whole words only: no letter or mark just before or after (\b is ASCII-only). */
export function wordsRegExp(words: readonly string[], flags: string): RegExp {
  // Longest first, so that "heute Morgen" is found whole rather than "heute".
  const alternatives = [...new Set(words)].sort((a, b) => b.length - a.length).map(wordPattern);
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives.join("|")})(?![\\p{L}\\p{M}])`, flags);
}

const RELATIVE = wordsRegExp(Object.values(RELATIVE_WORDS).flat(), "giu");
const WEEKDAY = wordsRegExp(Object.values(WEEKDAY_WORDS).flat(), "giu");
/** CASED_MONTHS in lower case: month names that name a month only capitalised. */
export const CASED_MONTH_NAMES: ReadonlySet<string> = new Set(CASED_MONTHS.map((m) => m.toLowerCase()));
const MONTH = wordsRegExp([...MONTHS.keys()].filter((m) => !CASED_MONTH_NAMES.has(m)), "iu");
const CASED_WEEKDAY = wordsRegExp(CASED_WEEKDAYS, "gu");
const CASED_MONTH = wordsRegExp(CASED_MONTHS, "u");

/** Whether a quote names the date: a digit ("16/9", "13 September") or a month name. */
export function namesDate(quote: string): boolean {
  const text = quote.normalize("NFC");
  return /\p{Nd}/u.test(text) || MONTH.test(text) || CASED_MONTH.test(text);
}

/** Whether a quote names the day itself: a date (namesDate), or a weekday, which names it within a known week. */
export function hasAnchor(quote: string): boolean {
  return namesDate(quote) || weekdayWords(quote).length > 0;
}

/** The relative day words of a quote, as it writes them, in order. */
export function relativeWords(quote: string): string[] {
  return [...quote.normalize("NFC").matchAll(RELATIVE)].map((m) => m[0].replace(/\s+/g, " "));
}

/** The weekday names of a quote, as it writes them, in order. */
export function weekdayWords(quote: string): string[] {
  const text = quote.normalize("NFC");
  return [...text.matchAll(WEEKDAY), ...text.matchAll(CASED_WEEKDAY)].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).map((m) => m[0]);
}

const MONTH_ABBR = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
const ADDRESS_DATES: readonly RegExp[] = [
  /(?<!\d)20\d\d([/_-]?)(0[1-9]|1[0-2])\1(0[1-9]|[12]\d|3[01])(?!\d)/, // 2023/03/02, 2023-03-02, 20230302
  new RegExp(`(?<![\\p{L}\\d])20\\d\\d[/_-](?:${MONTH_ABBR})[/_-](0?[1-9]|[12]\\d|3[01])(?!\\d)`, "iu"), // 2024/Dec/23
  new RegExp(`(?<!\\d)(0?[1-9]|[12]\\d|3[01])[/_-](?:${MONTH_ABBR})[/_-]20\\d\\d(?!\\d)`, "iu"), // 12-Jan-2024
];

/**
 * Whether a page's address carries a full date (…/2023/03/02/…, …20230831-…, …/2024/Dec/23/…, …/12-Jan-2024/…):
 * the Hard cases let it fix the week a weekday refers to, though it is not the page's `published` date.
 */
export function addressDate(url: string): boolean {
  return ADDRESS_DATES.some((re) => re.test(url));
}
