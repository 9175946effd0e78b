import type { Event } from "../../../schema/index.ts";
import { didYouMean } from "../../core/suggest.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const outletKnown: RecordRule = {
  id: "outlet-known",
  family: "record",
  severity: "error",
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  description: "Every `sources[].outlet` and `sources[].via` id is an outlet in data/outlets/.",
  help: "Correct the id, or add the outlet as data/outlets/<id>.yaml in the same pull request.",
  check: ({ record, registries }) => {
    const issues: RuleIssue[] = [];
    const known = registries.outlets;
    (record as Event).sources.forEach((s, i) => {
      const refs: [string, string][] = [[`/sources/${i}/outlet`, s.outlet], ...(s.via ?? []).map((v, j): [string, string] => [`/sources/${i}/via/${j}`, v])];
      for (const [pointer, id] of refs)
        if (known.has(id)) continue;
        else if (registries.broken?.outlets.has(id)) {
          const broken = registries.broken.outlets.get(id)!;
          issues.push({ pointer, message: `\`${id}\` is an entry of data/outlets/ (\`${broken}\`), but a broken one: fix that file (see its own findings).`, hint: `Fix ${broken}; this record is fine as it is.` });
        }
        // A folder of outlets that could not be listed is reported once, as itself; no id is judged missing meanwhile.
        else if (registries.unlisted?.outlets === undefined)
          issues.push({ pointer, message: `\`${id}\` is not an outlet in data/outlets/.${didYouMean(id, known.keys())}` });
    });
    return issues;
  },
};
