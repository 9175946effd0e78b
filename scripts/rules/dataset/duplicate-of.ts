import type { DatasetIssue, DatasetRule, EventSummary } from "../types.ts";

export const duplicateOf: DatasetRule = {
  id: "duplicate-of",
  family: "dataset",
  severity: "error",
  scope: "dataset",
  description: "`duplicate_of` names an existing, active event other than the record itself.",
  fix: "Point `duplicate_of` at the event that stays (its status is `active`); if that one is itself a duplicate, point at the event it duplicates.",
  start: ({ fileAt }) => {
    // The place of each id's event (the last in the listing, when an id repeats). Only the few events
    // that are not active keep their status, and only stand-ins (known by their id alone) are `partial`.
    const byId = new Map<string, number>();
    const notActive = new Map<number, EventSummary["status"]>();
    const partial = new Set<number>();
    // The duplicates, which are few.
    const duplicates: { order: number; id: string; target: string }[] = [];
    return {
      add: (event, order) => {
        const known = byId.get(event.id);
        if (known === undefined || known < order) byId.set(event.id, order);
        if (event.partial) partial.add(order);
        else if (event.status !== "active") notActive.set(order, event.status);
        if (event.status === "duplicate" && event.duplicate_of !== undefined) duplicates.push({ order, id: event.id, target: event.duplicate_of });
      },
      finish: () => {
        const issues: DatasetIssue[] = [];
        for (const { order, id, target } of duplicates.sort((a, b) => a.order - b.order)) {
          const other = byId.get(target);
          if (other !== undefined && partial.has(other)) continue;
          const status = other === undefined ? undefined : notActive.has(other) ? notActive.get(other) : "active";
          const message =
            target === id
              ? "An event cannot be a duplicate of itself."
              : other === undefined
                ? `\`duplicate_of\` names \`${target}\`, which is not an event in the dataset.`
                : status !== "active"
                  ? `\`duplicate_of\` names \`${target}\`, which is ${status}, not active.`
                  : undefined;
          if (message) issues.push({ file: fileAt(order), pointer: "/duplicate_of", message, related: other !== undefined ? [{ file: fileAt(other), pointer: "/status" }] : undefined });
        }
        return issues;
      },
    };
  },
};
