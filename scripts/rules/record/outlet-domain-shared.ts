/**
 * outlet-domain-shared: no two outlets of the registry claim the same domain.
 * url-domain accepts an address on any of its outlet's domains, so a domain
 * two entries hold lets a source name either: one outlet cited under two ids
 * (theSun of Malaysia was, as `the-sun` and `thesun-malaysia`), its reports
 * counted apart in the card and the release. Sub-domains stay free: an
 * outlet may publish on `news.example.com` and another on `example.com`.
 */
import { eachString, PATTERNS } from "../fields.ts";
import type { Outlet } from "../../../schema/index.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/** Each registry's outlets by domain (lower case, as the schema has domains), built once a registry. */
const byDomain = new WeakMap<ReadonlyMap<string, Outlet>, Map<string, string[]>>();

function outletsByDomain(outlets: ReadonlyMap<string, Outlet>): Map<string, string[]> {
  let index = byDomain.get(outlets);
  if (index === undefined) {
    index = new Map();
    for (const [id, outlet] of outlets)
      for (const domain of new Set(Array.isArray(outlet.domains) ? outlet.domains : [])) {
        if (typeof domain !== "string") continue;
        const ids = index.get(domain);
        if (ids) ids.push(id);
        else index.set(domain, [id]);
      }
    for (const ids of index.values()) ids.sort();
    byDomain.set(outlets, index);
  }
  return index;
}

export const outletDomainShared: RecordRule = {
  meta: {
    id: "outlet-domain-shared",
    family: "record",
    severity: "warning",
    description: "No two outlets in data/outlets/ list the same domain: an address on it could be cited under either id, and one outlet counted as two.",
    help: "If the entries are one outlet, keep one, point the events' `sources[].outlet` at it and delete the other; if they are two, give each only the domain (or sub-domain) it alone publishes on.",
    messages: {
      shared: "`{{domain}}` is also a domain of {{others}}: a page on it could be cited under either outlet.",
    },
  },
  scope: "record",
  kinds: ["outlet"],
  check: ({ record, registries }) => {
    const id = typeof record.id === "string" ? record.id : undefined;
    const index = outletsByDomain(registries.outlets);
    const issues: RuleIssue[] = [];
    const seen = new Set<string>();
    eachString(record.domains, (domain, i) => {
      // Another shape is the schema's finding; a domain listed twice in one entry is reported once.
      if (!PATTERNS.hostname.test(domain) || seen.has(domain)) return;
      seen.add(domain);
      const others = (index.get(domain) ?? []).filter((o) => o !== id);
      if (others.length > 0) issues.push({ pointer: `/domains/${i}`, messageId: "shared", data: { domain, others: others.map((o) => `\`${o}\``).join(", ") } });
    });
    return issues;
  },
};
