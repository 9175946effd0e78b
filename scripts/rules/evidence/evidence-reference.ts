import { arr, eachObject, index, PATTERNS, shaped, str } from "../fields.ts";
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
      locationNone: "The claim names `location:{{location}}`, but the event has no `locations`.",
      mode: "The claim is `mode`, but the event sets no `mode`.",
      positionOrder: "`position.end` ({{end}}) must be after `position.start` ({{start}}).",
    },
  },
  scope: "record",
  kinds: ["event"],
  // What the schema rejects (a claim of another shape, a source that is no whole number, an ill-typed
  // position) is its finding; a list the event lacks or mistypes (sources, locations, actors) is not counted.
  check: ({ record }) => {
    const issues: RuleIssue[] = [];
    const sources = arr(record.sources);
    const locations = arr(record.locations);
    const actorList = arr(record.actors);
    const actors = new Set<string>();
    eachObject(actorList, (a) => {
      const id = str(a.actor);
      if (id !== undefined) actors.add(id);
    });
    eachObject(record.evidence, (item, i) => {
      const at = `/evidence/${i}`;
      const source = index(item.source);
      if (source !== undefined && sources !== undefined && source >= sources.length)
        issues.push({ pointer: `${at}/source`, messageId: sources.length === 1 ? "sourceOne" : "source", data: { source, count: sources.length } });
      const claim = shaped(item.claim, PATTERNS.claim);
      if (claim !== undefined) {
        const [kind, rest] = claim.split(":") as [string, string | undefined];
        if (kind === "actor" && actorList !== undefined && !actors.has(rest!))
          issues.push({ pointer: `${at}/claim`, messageId: "actor", data: { actor: rest!, actors: [...actors].join(", ") } });
        // No `locations` at all (schema 1.3.0 allows it): a claim on one points at nothing.
        if (kind === "location" && record.locations === undefined) issues.push({ pointer: `${at}/claim`, messageId: "locationNone", data: { location: rest! } });
        if (kind === "location" && locations !== undefined && Number(rest) >= locations.length)
          issues.push({ pointer: `${at}/claim`, messageId: locations.length === 1 ? "locationOne" : "location", data: { location: rest!, count: locations.length } });
        if (kind === "mode" && record.mode === undefined) issues.push({ pointer: `${at}/claim`, messageId: "mode" });
      }
      const start = index(item.position, "start");
      const end = index(item.position, "end");
      if (start !== undefined && end !== undefined && end <= start)
        issues.push({ pointer: `${at}/position`, messageId: "positionOrder", data: { end, start } });
    });
    return issues;
  },
};
