import { HashedKeys } from "../../core/group.ts";
import { hash53 } from "../../core/hash.ts";
import type { DatasetIssue, DatasetRule, EventSummary } from "../types.ts";

export const duplicateOf: DatasetRule = {
  id: "duplicate-of",
  family: "dataset",
  severity: "error",
  scope: "dataset",
  description: "`duplicate_of` names an existing, active event other than the record itself.",
  fix: "Point `duplicate_of` at the event that stays (its status is `active`); if that one is itself a duplicate, point at the event it duplicates.",
  start: ({ fileAt, summaryAt }) => {
    // A hash of each id and its place (numbers, not a map of a million ids): the places of the ids that
    // duplicates name are found at the end (duplicates are few).
    const ids = new HashedKeys();
    // Only the few events that are not active keep their status, and only stand-ins (known by their id alone) are `partial`.
    const notActive = new Map<number, EventSummary["status"]>();
    const partial = new Map<number, string>();
    // The duplicates, which are few.
    const duplicates: { order: number; id: string; target: string }[] = [];
    return {
      add: (event, order) => {
        ids.add(hash53(event.id), order);
        if (event.partial) partial.set(order, event.id);
        else if (event.status !== "active") notActive.set(order, event.status);
        if (event.status === "duplicate" && event.duplicate_of !== undefined) duplicates.push({ order, id: event.id, target: event.duplicate_of });
      },
      finish: () => {
        const candidates = ids.ordersOf(new Set(duplicates.map((d) => hash53(d.target))));
        // The id of an event read again (once, however many duplicates name it), or a stand-in's own.
        const reread = new Map<number, string | undefined>();
        const idAt = (order: number) => {
          if (partial.has(order)) return partial.get(order);
          if (!reread.has(order)) reread.set(order, summaryAt(order)?.id);
          return reread.get(order);
        };
        // The place of the event an id names (the last in the listing, when an id repeats), confirmed by its id read again.
        const placeOf = (target: string) => candidates.get(hash53(target))?.findLast((order) => idAt(order) === target);
        const issues: DatasetIssue[] = [];
        for (const { order, id, target } of duplicates.sort((a, b) => a.order - b.order)) {
          const other = placeOf(target);
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
