import { countryCodes, isCountryCode } from "../../core/countries.ts";
import { suggest } from "../../core/suggest.ts";
import { eachObject, PATTERNS, shaped } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const countryCode: RecordRule = {
  meta: {
    id: "country-code",
    family: "record",
    severity: "error",
    description: "Country codes are assigned ISO 3166-1 alpha-3 codes (from the i18n-iso-countries package).",
    help: "Use the three-letter ISO code, e.g. `KAZ` for Kazakhstan, `DEU` for Germany.",
    messages: {
      unknown: "`{{code}}` is not an ISO 3166-1 alpha-3 country code.",
      unknownDidYouMean: "`{{code}}` is not an ISO 3166-1 alpha-3 country code. Did you mean `{{suggestion}}`?",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ kind, record }) => {
    // A code that is not three capital letters is the schema's finding: this rule judges the rest.
    const codes: [string, string][] = [];
    if (kind === "event")
      eachObject(record.locations, (l, i) => {
        const code = shaped(l.country, PATTERNS.countryCode);
        if (code !== undefined) codes.push([`/locations/${i}/country`, code]);
      });
    else {
      const code = shaped(record.country, PATTERNS.countryCode);
      if (code !== undefined) codes.push(["/country", code]);
    }
    const issues: RuleIssue[] = [];
    for (const [pointer, code] of codes)
      if (!isCountryCode(code))
        {
        const suggestion = suggest(code, countryCodes());
        issues.push(suggestion === undefined ? { pointer, messageId: "unknown", data: { code } } : { pointer, messageId: "unknownDidYouMean", data: { code, suggestion } });
      }
    return issues;
  },
};
