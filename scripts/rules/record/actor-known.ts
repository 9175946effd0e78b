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
  fix: "Correct the id, or add the actor as data/actors/<id>.yaml in the same pull request.",
  check: ({ record, registries }) => {
    const issues: RuleIssue[] = [];
    (record as Event).actors.forEach((a, i) => {
      if (!registries.actors.has(a.actor))
        issues.push({ pointer: `/actors/${i}/actor`, message: `\`${a.actor}\` is not an actor in data/actors/.${didYouMean(a.actor, registries.actors.keys())}` });
    });
    return issues;
  },
};
