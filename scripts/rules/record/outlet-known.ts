import type { Event } from "../../../schema/index.ts";
import { onlyClose, suggest } from "../../core/suggest.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const outletKnown: RecordRule = {
  id: "outlet-known",
  family: "record",
  severity: "error",
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  fixable: true,
  description: "Every `sources[].outlet` and `sources[].via` id is an outlet in data/outlets/.",
  help: "Correct the id, or add the outlet as data/outlets/<id>.yaml in the same pull request.",
  messages: {
    broken: "`{{id}}` is an entry of data/outlets/ (`{{file}}`), but a broken one: fix that file (see its own findings).",
    fixBroken: "Fix {{file}}; this record is fine as it is.",
    unknown: "`{{id}}` is not an outlet in data/outlets/.",
    unknownDidYouMean: "`{{id}}` is not an outlet in data/outlets/. Did you mean `{{suggestion}}`?",
  },
  check: ({ record, registries }) => {
    const issues: RuleIssue[] = [];
    const known = registries.outlets;
    (record as Event).sources.forEach((s, i) => {
      const refs: [string, string][] = [[`/sources/${i}/outlet`, s.outlet], ...(s.via ?? []).map((v, j): [string, string] => [`/sources/${i}/via/${j}`, v])];
      for (const [pointer, id] of refs)
        if (known.has(id)) continue;
        else if (registries.broken?.outlets.has(id)) {
          const broken = registries.broken.outlets.get(id)!;
          issues.push({ pointer, messageId: "broken", data: { id, file: broken }, helpId: "fixBroken" });
        }
        // A folder of outlets that could not be listed is reported once, as itself; no id is judged missing meanwhile.
        else if (registries.unlisted?.outlets === undefined)
          issues.push(unknownIssue(pointer, id, known.keys()));
    });
    return issues;
  },
};

/** An id that is not in the registry: with a did-you-mean when one entry is close, and that entry as the fix when it is the only one. */
function unknownIssue(pointer: string, id: string, known: Iterable<string>): RuleIssue {
  const ids = [...known];
  const suggestion = suggest(id, ids);
  if (suggestion === undefined) return { pointer, messageId: "unknown", data: { id } };
  // The correction is written only when no other entry is as plausible.
  const only = onlyClose(id, ids);
  return { pointer, messageId: "unknownDidYouMean", data: { id, suggestion }, ...(only === suggestion ? { fix: { pointer, value: only } } : {}) };
}
