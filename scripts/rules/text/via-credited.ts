/**
 * via-credited: an agency in `sources[].via` is one the page credits, so where the page's text is kept (data/texts/, or the
 * folder of `validate --texts` at coding time) it names the agency. A review found `via: [reuters]` on a page that credits
 * no agency: a claim about a source nothing supports.
 *
 * A page credits an agency in many ways ("(AFP)", "Agence France-Presse", "Reuters reported", "— Xinhua"): the rule looks
 * for the forms the registry entry gives: its name, each word of the name of 4 letters or more that is neither a common
 * word nor a country's name, the initials of a name of two words or more (small words left out), its id, and the first
 * label of each of its domains. Each counts as a whole word in any case ("AFP", "(dpa/GNA)", "Efe"), or glued to a
 * byline's "By" ("ByAFP").
 */
import { countryCodeOfName } from "../../core/countries.ts";
import { escapeRegExp } from "../../core/regexp.ts";
import { eachString, PATTERNS } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { eachKeptSource } from "./kept-sources.ts";

/** Words of agency names that say nothing of which agency it is. */
const COMMON = new Set(["news", "agency", "press", "service", "agence", "international", "national", "the", "of", "and", "wire", "media", "global", "world", "presse"]);

/** The forms under which a page may credit an outlet: its name, distinctive words, initials, id, domain labels. */
export function creditForms(id: string, outlet: { name?: unknown; domains?: unknown } | undefined): string[] {
  const forms = new Set<string>([id.replace(/-/g, " ")]);
  const name = typeof outlet?.name === "string" ? outlet.name : undefined;
  if (name !== undefined) {
    forms.add(name);
    const words = name.split(/[\s\-–]+/u).filter(Boolean);
    // A country's name says where an agency is, not which one ("Press Trust of India"): a page names countries anyway.
    for (const w of words) if (w.length >= 4 && !COMMON.has(w.toLowerCase()) && countryCodeOfName(w) === undefined) forms.add(w);
    // Initials leave out the small words: News Agency of Nigeria is NAN, Press Trust of India PTI.
    const initials = words.filter((w) => !["of", "the", "and", "de", "la", "du"].includes(w.toLowerCase()));
    if (initials.length >= 2) forms.add(initials.map((w) => w[0]!).join("").toUpperCase());
  }
  if (Array.isArray(outlet?.domains)) for (const d of outlet!.domains as unknown[]) if (typeof d === "string") forms.add(d.replace(/^www\./, "").split(".")[0]!);
  return [...forms].filter((f) => f.length >= 2);
}

/** Whether the text names one of the forms, as a whole word in any case or right after "By". */
export function credits(text: string, forms: readonly string[]): boolean {
  return forms.some((f) => {
    // A whole word, or glued to a byline's "By" ("ByAFP", "ByREUTERS", as pages run them together).
    return new RegExp(`(?:(?<![\\p{L}\\p{N}])|(?<=By))${escapeRegExp(f)}(?![\\p{L}\\p{N}])`, "iu").test(text);
  });
}

export const viaCredited: RecordRule = {
  meta: {
    id: "via-credited",
    family: "record",
    severity: "warning",
    description:
      "Where a source's text is kept (data/texts/, or the folder of `validate --texts`), each agency of its `via` is named in it: by its name, a distinctive word of the name, its initials, its id or its domain (\"(AFP)\", \"Reuters reported\").",
    help: "Take out of `via` an agency the page does not credit; `via` says who the page credits, not who may have written it.",
    messages: {
      notCredited: "`{{id}}` is in the `via` of `sources[{{index}}]`, but the kept text of that page never names it (looked for: {{forms}}).",
    },
  },
  scope: "record",
  readsTexts: true,
  kinds: ["event"],
  check: ({ record, registries, texts }) => {
    const issues: RuleIssue[] = [];
    eachKeptSource(record, texts, (s, i, _url, kept) => {
      eachString(s.via, (v, j) => {
        if (!PATTERNS.registryId.test(v)) return;
        const forms = creditForms(v, registries.outlets.get(v) as { name?: unknown; domains?: unknown } | undefined);
        if (!credits(kept.text, forms)) issues.push({ pointer: `/sources/${i}/via/${j}`, messageId: "notCredited", data: { id: v, index: i, forms: forms.map((f) => `"${f}"`).join(", ") } });
      });
    });
    return issues;
  },
};
