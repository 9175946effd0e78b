/**
 * via-agency: `sources[].via` names the agencies a page credits ("(AFP, Reuters)"), so each is an outlet of an agency kind
 * in data/outlets/. A newspaper or a broadcaster there mixes who wrote a text with who carried it: the guide's rule
 * (CONTRIBUTING, Hard cases, "`via` is for agencies only"), found broken in 8 records by a review.
 */
import { eachObject, eachString, PATTERNS } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/** The outlet kinds that are agencies: a wire agency, or a state's news agency. */
export const AGENCY_KINDS: readonly string[] = ["wire_agency", "agency_of_state"];

export const viaAgency: RecordRule = {
  meta: {
    id: "via-agency",
    family: "record",
    severity: "warning",
    description: "Every `sources[].via` id is an agency: an outlet of kind `wire_agency` or `agency_of_state` in data/outlets/ (the agencies a page credits, as in \"(AFP, Reuters)\").",
    help: "Take the outlet out of `via`. If the page republishes a newspaper's or a broadcaster's article, cite that outlet's own page as a source of its own, once you have read it; if the outlet is in fact an agency, correct its `kind` in data/outlets/.",
    messages: {
      notAgency: "`{{id}}` is in `via`, but data/outlets/ has it as a {{kind}}, not an agency: `via` names only the agencies a page credits.",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ record, registries }) => {
    const issues: RuleIssue[] = [];
    eachObject(record.sources, (s, i) => {
      eachString(s.via, (v, j) => {
        // An unknown or ill-formed id is outlet-known's finding or the schema's; an outlet of no known kind, the outlet's own.
        if (!PATTERNS.registryId.test(v)) return;
        const kind = registries.outlets.get(v)?.kind;
        if (typeof kind !== "string" || AGENCY_KINDS.includes(kind)) return;
        issues.push({ pointer: `/sources/${i}/via/${j}`, messageId: "notAgency", data: { id: v, kind: kind.replace(/_/g, " ") } });
      });
    });
    return issues;
  },
};
