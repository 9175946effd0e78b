import { eachObject, eachString, PATTERNS, shaped } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { unknownIdIssue } from "./unknown-id.ts";

export const outletKnown: RecordRule = {
  meta: {
    id: "outlet-known",
    family: "record",
    severity: "error",
    fixable: true,
    description: "Every `sources[].outlet` and `sources[].via` id is an outlet in data/outlets/.",
    help: "Correct the id, or add the outlet as data/outlets/<id>.yaml in the same pull request.",
    messages: {
      broken: "`{{id}}` is an entry of data/outlets/ (`{{file}}`), but a broken one: fix that file (see its own findings).",
      fixBroken: "Fix {{file}}; this record is fine as it is.",
      unknown: "`{{id}}` is not an outlet in data/outlets/.",
      unknownDidYouMean: "`{{id}}` is not an outlet in data/outlets/. Did you mean `{{suggestion}}`?",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ record, registries }) => {
    const issues: RuleIssue[] = [];
    const known = registries.outlets;
    eachObject(record.sources, (s, i) => {
      // An id that is no string or not kebab-case is the schema's finding: it is in no registry.
      const refs: [string, string][] = [];
      const outlet = shaped(s.outlet, PATTERNS.registryId);
      if (outlet !== undefined) refs.push([`/sources/${i}/outlet`, outlet]);
      eachString(s.via, (v, j) => {
        if (PATTERNS.registryId.test(v)) refs.push([`/sources/${i}/via/${j}`, v]);
      });
      for (const [pointer, id] of refs)
        if (known.has(id)) continue;
        else if (registries.broken?.outlets.has(id)) {
          const broken = registries.broken.outlets.get(id)!;
          issues.push({ pointer, messageId: "broken", data: { id, file: broken }, helpId: "fixBroken" });
        }
        // A folder of outlets that could not be listed is reported once, as itself; no id is judged missing meanwhile.
        else if (registries.unlisted?.outlets === undefined)
          issues.push(unknownIdIssue(pointer, id, known.keys()));
    });
    return issues;
  },
};
