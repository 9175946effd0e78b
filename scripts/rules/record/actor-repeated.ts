import { eachObject, str } from "../fields.ts";
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
  check: ({ record }) => {
    const first = new Map<string, number>();
    const issues: RuleIssue[] = [];
    // Any string counts, well-formed or not: a repeat is a fault of its own, not the schema's.
    eachObject(record.actors, (a, i) => {
      const id = str(a.actor);
      if (id === undefined) return;
      const seen = first.get(id);
      if (seen === undefined) first.set(id, i);
      else issues.push({ pointer: `/actors/${i}/actor`, messageId: "repeated", data: { id, first: seen } });
    });
    return issues;
  },
};
