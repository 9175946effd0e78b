/** ISO 3166-1 country codes, from the maintained i18n-iso-countries package (not a hand-typed list). */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const codes = require("i18n-iso-countries/codes.json") as [string, string, string][];

const ALPHA3 = new Set(codes.map(([, alpha3]) => alpha3));
const BY_ALPHA2 = new Map(codes.map(([alpha2, alpha3]) => [alpha2, alpha3]));
const ALPHA2_OF = new Map(codes.map(([alpha2, alpha3]) => [alpha3, alpha2]));

export function isCountryCode(alpha3: string): boolean {
  return ALPHA3.has(alpha3);
}

export function countryCodes(): string[] {
  return [...ALPHA3.keys()];
}

/** The English short name of a country code (loads the package's names on first use). */
export function countryName(alpha3: string): string | undefined {
  return namesPackage().getName(alpha3, "en");
}

/**
 * The alpha-3 code of a country's English name as datasets write it
 * ("Bangladesh", "Russia (Soviet Union)": a trailing parenthesis is tried
 * without), through the package's names and aliases; undefined when none
 * matches (the formats' tables give the names it misses, e.g. "Syria").
 */
export function countryCodeOfName(name: string): string | undefined {
  // The package compares a name with every name it holds: 40 µs a call. Imports ask for the same places again and again.
  let code = byName.get(name);
  if (code === undefined && !byName.has(name)) {
    const countries = namesPackage();
    const trimmed = name.trim();
    code = countries.getAlpha3Code(trimmed, "en") ?? countries.getAlpha3Code(trimmed.replace(/\s*\(.*\)\s*$/, ""), "en") ?? undefined;
    if (byName.size >= MAX_REMEMBERED) byName.clear();
    byName.set(name, code);
  }
  return code;
}

const byName = new Map<string, string | undefined>();
/** Names remembered at most: a file of distinct place names keeps memory bounded. */
const MAX_REMEMBERED = 50_000;

type CountryNames = { registerLocale(locale: unknown): void; getAlpha3Code(name: string, lang: string): string | undefined; getName(code: string, lang: string): string | undefined };
let names: CountryNames | undefined;

/** The package with its English names registered, once a process (registering parses the names again each time). */
function namesPackage(): CountryNames {
  if (!names) {
    names = require("i18n-iso-countries") as CountryNames;
    names.registerLocale(require("i18n-iso-countries/langs/en.json"));
  }
  return names;
}

/** The alpha-3 code of an ISO 3166-1 alpha-2 code (`CH` -> `CHE`); undefined for any other value. */
export function countryCodeOfAlpha2(alpha2: string): string | undefined {
  return BY_ALPHA2.get(alpha2.toUpperCase());
}

type ContinentData = { countries: Record<string, { continent?: string }>; continents: Record<string, string> };
let continentData: ContinentData | undefined;

/**
 * The continent of a country code, in English ("Africa", "Asia", "Europe", "North America", "Oceania", "South America",
 * "Antarctica"), from the maintained countries-list package (annexare/Countries): its one continent a country, the
 * first where it spans two (Russia and Türkiye are in Asia). Undefined for a code it does not hold.
 */
export function continentOf(alpha3: string): string | undefined {
  continentData ??= require("countries-list") as ContinentData;
  const alpha2 = ALPHA2_OF.get(alpha3);
  const code = alpha2 === undefined ? undefined : continentData.countries[alpha2]?.continent;
  return code === undefined ? undefined : continentData.continents[code];
}
