import type { Event } from "../../../schema/index.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { unknownIdIssue } from "./unknown-id.ts";

export const actorKnown: RecordRule = {
  meta: {
    id: "actor-known",
    family: "record",
    severity: "error",
    fixable: true,
    description: "Every `actors[].actor` id is an actor in data/actors/.",
    help: "Correct the id, or add the actor as data/actors/<id>.yaml in the same pull request.",
    messages: {
      broken: "`{{id}}` is an entry of data/actors/ (`{{file}}`), but a broken one: fix that file (see its own findings).",
      fixBroken: "Fix {{file}}; this record is fine as it is.",
      unknown: "`{{id}}` is not an actor in data/actors/.",
      unknownDidYouMean: "`{{id}}` is not an actor in data/actors/. Did you mean `{{suggestion}}`?",
    },
  },
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  check: ({ record, registries }) => {
    const issues: RuleIssue[] = [];
    (record as Event).actors.forEach((a, i) => {
      if (registries.actors.has(a.actor)) return;
      const broken = registries.broken?.actors.get(a.actor);
      if (broken !== undefined)
        issues.push({ pointer: `/actors/${i}/actor`, messageId: "broken", data: { id: a.actor, file: broken }, helpId: "fixBroken" });
      // A folder of actors that could not be listed is reported once, as itself; no id is judged missing meanwhile.
      else if (registries.unlisted?.actors === undefined)
        issues.push(unknownIdIssue(`/actors/${i}/actor`, a.actor, registries.actors.keys()));
    });
    return issues;
  },
};
