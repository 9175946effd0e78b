import { eachObject, PATTERNS, shaped } from "../fields.ts";
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
  check: ({ record, registries }) => {
    const issues: RuleIssue[] = [];
    eachObject(record.actors, (a, i) => {
      // An id that is no string or not kebab-case is the schema's finding: it is in no registry.
      const id = shaped(a.actor, PATTERNS.registryId);
      if (id === undefined || registries.actors.has(id)) return;
      const broken = registries.broken?.actors.get(id);
      if (broken !== undefined)
        issues.push({ pointer: `/actors/${i}/actor`, messageId: "broken", data: { id, file: broken }, helpId: "fixBroken" });
      // A folder of actors that could not be listed is reported once, as itself; no id is judged missing meanwhile.
      else if (registries.unlisted?.actors === undefined)
        issues.push(unknownIdIssue(`/actors/${i}/actor`, id, registries.actors.keys()));
    });
    return issues;
  },
};
