import type { Event } from "../../../schema/index.ts";
import { didYouMean } from "../../core/suggest.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const actorKnown: RecordRule = {
  id: "actor-known",
  family: "record",
  severity: "error",
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  description: "Every `actors[].actor` id is an actor in data/actors/.",
  help: "Correct the id, or add the actor as data/actors/<id>.yaml in the same pull request.",
  check: ({ record, registries }) => {
    const issues: RuleIssue[] = [];
    (record as Event).actors.forEach((a, i) => {
      if (registries.actors.has(a.actor)) return;
      const broken = registries.broken?.actors.get(a.actor);
      if (broken !== undefined)
        issues.push({ pointer: `/actors/${i}/actor`, message: `\`${a.actor}\` is an entry of data/actors/ (\`${broken}\`), but a broken one: fix that file (see its own findings).`, hint: `Fix ${broken}; this record is fine as it is.` });
      // A folder of actors that could not be listed is reported once, as itself; no id is judged missing meanwhile.
      else if (registries.unlisted?.actors === undefined)
        issues.push({ pointer: `/actors/${i}/actor`, message: `\`${a.actor}\` is not an actor in data/actors/.${didYouMean(a.actor, registries.actors.keys())}` });
    });
    return issues;
  },
};
