import { createRequire } from "node:module";
import type { Event, Outlet } from "../../../schema/index.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

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

const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** tldts (the Public Suffix List, shipped in the package: no network), loaded on first use. */
type Tldts = typeof import("tldts");
let tldtsModule: Tldts | undefined;
const tldts = () => (tldtsModule ??= createRequire(import.meta.url)("tldts") as Tldts);

/** Each domain's problem as an outlet's domain ("" for none), once a domain. */
const problems = new Map<string, string>();

/**
 * Why `domain` cannot be an outlet's, or undefined when it can: it must be a
 * registrable domain (one a registrant owns: `bbc.co.uk`) or under one
 * (`www.bbc.co.uk`). A public suffix (`co.uk`, `com`) is under every
 * registrant's domain: `https://evil.co.uk/` would count as the outlet's.
 * The list's private section counts too: `github.io` is GitHub's users'
 * suffix, and `someone.github.io` is then a domain of its own, as browsers
 * treat it for cookies. An IP address is no domain.
 */
export function outletDomainProblem(domain: string): string | undefined {
  let problem = problems.get(domain);
  if (problem === undefined) {
    const parsed = tldts().parse(domain, { allowPrivateDomains: true });
    if (parsed.isIp) problem = "is an IP address, not a domain: give the domain the outlet publishes under";
    else if (parsed.domain === null || !within(domain, parsed.domain))
      problem = `is a public suffix (the Public Suffix List, ${parsed.isPrivate ? "private" : "ICANN"} section), under which anyone can have a domain: it stands for no one outlet; give the domain the outlet owns (\`<name>.${domain}\`)`;
    else problem = "";
    problems.set(domain, problem);
  }
  return problem === "" ? undefined : problem;
}

const OUTLET_HINT = "An outlet's domain is the one it owns, or a sub-domain of it: `bbc.co.uk`, not `co.uk`; `someone.github.io`, not `github.io`.";

export const urlDomain: RecordRule = {
  id: "url-domain",
  family: "record",
  severity: "warning",
  scope: "record",
  kinds: ["event", "outlet"],
  needsValid: true,
  description:
    "A source's `url` is on one of its outlet's `domains` (sub-domains included) or on a known link shortener; an outlet's `domains` are each a registrable domain or under one, never a public suffix such as `co.uk` or `github.io` (the Public Suffix List, as tldts ships it).",
  fix: `Check that \`outlet\` names the outlet that published the page; if the outlet publishes on another domain too, add it to the outlet's \`domains\`. ${OUTLET_HINT}`,
  check: ({ kind, record, registries }) => {
    const issues: RuleIssue[] = [];
    if (kind === "outlet") {
      (record as Outlet).domains.forEach((d, i) => {
        const problem = outletDomainProblem(d);
        if (problem) issues.push({ pointer: `/domains/${i}`, message: `\`${d}\` ${problem}.`, hint: OUTLET_HINT });
      });
      return issues;
    }
    (record as Event).sources.forEach((s, i) => {
      const outlet = registries.outlets.get(s.outlet);
      if (!s.url || !outlet) return;
      const host = hostOf(s.url);
      if (host === undefined) {
        issues.push({ pointer: `/sources/${i}/url`, message: `\`sources[${i}].url\` is not a valid address.` });
        return;
      }
      // A public suffix among the outlet's domains (its own finding) matches no address.
      if (outlet.domains.some((d) => within(host, d) && outletDomainProblem(d) === undefined) || SHORT_LINK_HOSTS.some((d) => within(host, d))) return;
      const suffixes = outlet.domains.filter((d) => within(host, d));
      issues.push({
        pointer: `/sources/${i}/url`,
        message: `\`${host}\` is not a domain of \`${s.outlet}\` (${outlet.domains.join(", ")})${suffixes.length > 0 ? `: ${suffixes.map((d) => `\`${d}\``).join(", ")} is not a domain an outlet can own` : ""}.`,
      });
    });
    return issues;
  },
};
