import type { Event } from "../../../schema/index.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const actorRepeated: RecordRule = {
  meta: {
    id: "actor-repeated",
    family: "record",
    severity: "error",
    description: "An actor appears once per event, with one role.",
    help: "Keep one entry for the actor, with the role that fits; an actor that both acts and is acted upon is a `participant`.",
    messages: {
      repeated: "`{{id}}` is already listed as `actors[{{first}}]`.",
    },
  },
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  check: ({ record }) => {
    const first = new Map<string, number>();
    const issues: RuleIssue[] = [];
    (record as Event).actors.forEach((a, i) => {
      const seen = first.get(a.actor);
      if (seen === undefined) first.set(a.actor, i);
      else issues.push({ pointer: `/actors/${i}/actor`, messageId: "repeated", data: { id: a.actor, first: seen } });
    });
    return issues;
  },
};
