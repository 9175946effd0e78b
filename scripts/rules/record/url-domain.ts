import { eachObject, PATTERNS, shaped, str } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { outletDomainProblem, within } from "./outlet-domain.ts";

/** Link shorteners whose links may stand for any outlet's address. */
export const SHORT_LINK_HOSTS = ["bit.ly", "t.co", "ow.ly", "tinyurl.com", "buff.ly", "trib.al", "dlvr.it"] as const;

/** An http(s) address whose host is plain lower-case ASCII: its host needs no URL parser. */
// The last label starts with a letter: a numeric one would make the URL parser read an IPv4 address.
const SIMPLE_URL = /^https?:\/\/((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z](?:[a-z0-9-]*[a-z0-9])?)(?:[/?#]|$)/;

/** The host of an address as the WHATWG URL parser gives it, lower case, without a final dot. */
export function hostOf(url: string): string | undefined {
  const simple = SIMPLE_URL.exec(url);
  // Punycode labels (xn--) need the parser's check of their encoding.
  if (simple && !simple[1]!.includes("xn--")) return simple[1];
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return undefined;
  }
}

export const urlDomain: RecordRule = {
  meta: {
    id: "url-domain",
    family: "record",
    severity: "warning",
    description:
      "A source's `url` is on one of its outlet's `domains` (sub-domains included) or on a known link shortener (an outlet without `domains` is not judged); an outlet domain that is not registrable (a public suffix such as `co.uk`: outlet-domain's error) matches no address.",
    help: "Check that `outlet` names the outlet that published the page; if the outlet publishes on another domain too, add it to the outlet's `domains`.",
    messages: {
      notAddress: "`sources[{{index}}].url` is not a valid address.",
      otherDomain: "`{{host}}` is not a domain of `{{outlet}}` ({{domains}}).",
      otherDomainSuffix: "`{{host}}` is not a domain of `{{outlet}}` ({{domains}}): {{suffixes}} is not a domain an outlet can own.",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ record, registries }) => {
    const issues: RuleIssue[] = [];
    eachObject(record.sources, (s, i) => {
      // An address the schema rejects (not a string, no http(s), spaces) is its finding; the registry's outlets are valid.
      const id = str(s.outlet);
      const url = shaped(s.url, PATTERNS.httpUrl);
      if (id === undefined || url === undefined) return;
      // An outlet known by its name alone (schema 1.3.0: an import never invents its domains) has no domain to hold the address to.
      const domains = registries.outlets.get(id)?.domains;
      if (domains === undefined) return;
      const host = hostOf(url);
      if (host === undefined) {
        issues.push({ pointer: `/sources/${i}/url`, messageId: "notAddress", data: { index: i } });
        return;
      }
      // A public suffix among the outlet's domains (outlet-domain's error, in the outlet's file) matches no address.
      if (domains.some((d) => within(host, d) && outletDomainProblem(d) === undefined) || SHORT_LINK_HOSTS.some((d) => within(host, d))) return;
      const suffixes = domains.filter((d) => within(host, d));
      issues.push({
        pointer: `/sources/${i}/url`,
        messageId: suffixes.length > 0 ? "otherDomainSuffix" : "otherDomain",
        data: { host, outlet: id, domains: domains.join(", "), suffixes: suffixes.map((d) => `\`${d}\``).join(", ") },
      });
    });
    return issues;
  },
};
