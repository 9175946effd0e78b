import type { Event } from "../../../schema/index.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const evidenceReference: RecordRule = {
  meta: {
    id: "evidence-reference",
    family: "record",
    severity: "error",
    description: "Each evidence item quotes a source of the event and supports a claim the event makes: one of its actors, locations, its mode.",
    help: "Point `source` at the report quoted (0 for the first of `sources`), and name in `claim` an actor of the event, a location it has (0 for the first) or a field it sets.",
    messages: {
      sourceOne: "`source` is {{source}}, but the event has 1 source (counted from 0).",
      source: "`source` is {{source}}, but the event has {{count}} sources (counted from 0).",
      actor: "The claim names actor `{{actor}}`, which is not among the event's actors ({{actors}}).",
      locationOne: "The claim names `location:{{location}}`, but the event has 1 location (counted from 0).",
      location: "The claim names `location:{{location}}`, but the event has {{count}} locations (counted from 0).",
      mode: "The claim is `mode`, but the event sets no `mode`.",
      positionOrder: "`position.end` ({{end}}) must be after `position.start` ({{start}}).",
    },
  },
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  check: ({ record }) => {
    const event = record as Event;
    const issues: RuleIssue[] = [];
    const actors = new Set(event.actors.map((a) => a.actor));
    (event.evidence ?? []).forEach((item, i) => {
      const at = `/evidence/${i}`;
      if (item.source >= event.sources.length)
        issues.push({ pointer: `${at}/source`, messageId: event.sources.length === 1 ? "sourceOne" : "source", data: { source: item.source, count: event.sources.length } });
      const [kind, rest] = item.claim.split(":") as [string, string | undefined];
      if (kind === "actor" && !actors.has(rest!))
        issues.push({ pointer: `${at}/claim`, messageId: "actor", data: { actor: rest!, actors: [...actors].join(", ") } });
      if (kind === "location" && Number(rest) >= event.locations.length)
        issues.push({ pointer: `${at}/claim`, messageId: event.locations.length === 1 ? "locationOne" : "location", data: { location: rest!, count: event.locations.length } });
      if (kind === "mode" && event.mode === undefined) issues.push({ pointer: `${at}/claim`, messageId: "mode" });
      if (item.position && item.position.end <= item.position.start)
        issues.push({ pointer: `${at}/position`, messageId: "positionOrder", data: { end: item.position.end, start: item.position.start } });
    });
    return issues;
  },
};
