import type { Event } from "../../../schema/index.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const evidenceReference: RecordRule = {
  id: "evidence-reference",
  family: "record",
  severity: "error",
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  description: "Each evidence item quotes a source of the event and supports a claim the event makes: one of its actors, locations, its mode.",
  help: "Point `source` at the report quoted (0 for the first of `sources`), and name in `claim` an actor of the event, a location it has (0 for the first) or a field it sets.",
  check: ({ record }) => {
    const event = record as Event;
    const issues: RuleIssue[] = [];
    const actors = new Set(event.actors.map((a) => a.actor));
    (event.evidence ?? []).forEach((item, i) => {
      const at = `/evidence/${i}`;
      if (item.source >= event.sources.length)
        issues.push({ pointer: `${at}/source`, message: `\`source\` is ${item.source}, but the event has ${event.sources.length} source${event.sources.length === 1 ? "" : "s"} (counted from 0).` });
      const [kind, rest] = item.claim.split(":") as [string, string | undefined];
      if (kind === "actor" && !actors.has(rest!))
        issues.push({ pointer: `${at}/claim`, message: `The claim names actor \`${rest}\`, which is not among the event's actors (${[...actors].join(", ")}).` });
      if (kind === "location" && Number(rest) >= event.locations.length)
        issues.push({ pointer: `${at}/claim`, message: `The claim names \`location:${rest}\`, but the event has ${event.locations.length} location${event.locations.length === 1 ? "" : "s"} (counted from 0).` });
      if (kind === "mode" && event.mode === undefined) issues.push({ pointer: `${at}/claim`, message: "The claim is `mode`, but the event sets no `mode`." });
      if (item.position && item.position.end <= item.position.start)
        issues.push({ pointer: `${at}/position`, message: `\`position.end\` (${item.position.end}) must be after \`position.start\` (${item.position.start}).` });
    });
    return issues;
  },
};
