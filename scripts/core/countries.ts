/** ISO 3166-1 country codes, from the maintained i18n-iso-countries package (not a hand-typed list). */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const codes = require("i18n-iso-countries/codes.json") as [string, string, string][];
const english = require("i18n-iso-countries/langs/en.json") as { countries: Record<string, string | string[]> };

const ALPHA3 = new Map(codes.map(([alpha2, alpha3]) => [alpha3, alpha2]));

export function isCountryCode(alpha3: string): boolean {
  return ALPHA3.has(alpha3);
}

export function countryName(alpha3: string): string | undefined {
  const alpha2 = ALPHA3.get(alpha3);
  const name = alpha2 ? english.countries[alpha2] : undefined;
  return Array.isArray(name) ? name[0] : name;
}

export function countryCodes(): string[] {
  return [...ALPHA3.keys()];
}
