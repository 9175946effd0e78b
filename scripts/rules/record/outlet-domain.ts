/**
 * outlet-domain: an outlet's `domains` are each registrable (a domain a
 * registrant owns) or under one. A public suffix there made every address
 * under it the outlet's (`https://evil.co.uk/` for `co.uk`), and a release
 * shipped `domains: [co.uk]`: an error, not url-domain's warning.
 */
import { createRequire } from "node:module";
import { eachString, PATTERNS } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/** Whether a host is a domain or one of its sub-domains. */
export const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** tldts (the Public Suffix List, shipped in the package: no network), loaded on first use. */
type Tldts = typeof import("tldts");
let tldtsModule: Tldts | undefined;
const tldts = () => (tldtsModule ??= createRequire(import.meta.url)("tldts") as Tldts);

/** What is wrong with a domain as an outlet's: an IP address, or a public suffix of the list's ICANN or private section. */
export type OutletDomainProblem = "ip" | "publicSuffixIcann" | "publicSuffixPrivate";

/** Each domain's problem as an outlet's domain ("" for none), once a domain. */
const problems = new Map<string, OutletDomainProblem | "">();

/**
 * Why `domain` cannot be an outlet's, or undefined when it can: it must be a
 * registrable domain (one a registrant owns: `bbc.co.uk`) or under one
 * (`www.bbc.co.uk`). A public suffix (`co.uk`, `com`) is under every
 * registrant's domain: `https://evil.co.uk/` would count as the outlet's.
 * The list's private section counts too: `github.io` is GitHub's users'
 * suffix, and `someone.github.io` is then a domain of its own, as browsers
 * treat it for cookies. An IP address is no domain.
 */
export function outletDomainProblem(domain: string): OutletDomainProblem | undefined {
  let problem = problems.get(domain);
  if (problem === undefined) {
    const parsed = tldts().parse(domain, { allowPrivateDomains: true });
    if (parsed.isIp) problem = "ip";
    else if (parsed.domain === null || !within(domain, parsed.domain)) problem = parsed.isPrivate ? "publicSuffixPrivate" : "publicSuffixIcann";
    else problem = "";
    problems.set(domain, problem);
  }
  return problem === "" ? undefined : problem;
}

export const OUTLET_HINT = "An outlet's domain is the one it owns, or a sub-domain of it: `bbc.co.uk`, not `co.uk`; `someone.github.io`, not `github.io`.";

export const outletDomain: RecordRule = {
  meta: {
    id: "outlet-domain",
    family: "record",
    severity: "error",
    description:
      "An outlet's `domains` are each a registrable domain or under one, never a public suffix such as `co.uk` or `github.io` (the Public Suffix List, ICANN and private sections, as tldts ships it) nor an IP address.",
    help: OUTLET_HINT,
    messages: {
      ip: "`{{domain}}` is an IP address, not a domain: give the domain the outlet publishes under.",
      publicSuffixIcann:
        "`{{domain}}` is a public suffix (the Public Suffix List, ICANN section), under which anyone can have a domain: it stands for no one outlet; give the domain the outlet owns (`<name>.{{domain}}`).",
      publicSuffixPrivate:
        "`{{domain}}` is a public suffix (the Public Suffix List, private section), under which anyone can have a domain: it stands for no one outlet; give the domain the outlet owns (`<name>.{{domain}}`).",
    },
  },
  scope: "record",
  kinds: ["outlet"],
  check: ({ record }) => {
    const issues: RuleIssue[] = [];
    eachString(record.domains, (d, i) => {
      // A domain of another shape (upper case, a scheme, a path) is the schema's finding.
      if (!PATTERNS.hostname.test(d)) return;
      const problem = outletDomainProblem(d);
      if (problem) issues.push({ pointer: `/domains/${i}`, messageId: problem, data: { domain: d } });
    });
    return issues;
  },
};
