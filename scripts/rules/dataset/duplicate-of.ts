import { HashedKeys } from "../../core/group.ts";
import { hash53 } from "../../core/hash.ts";
import type { DatasetIssue, DatasetRule, EventSummary } from "../types.ts";

export const duplicateOf: DatasetRule = {
  meta: {
    id: "duplicate-of",
    family: "dataset",
    severity: "error",
    description: "`duplicate_of` names an existing, active event other than the record itself.",
    help: "Point `duplicate_of` at the event that stays (its status is `active`); if that one is itself a duplicate, point at the event it duplicates.",
    messages: {
      self: "An event cannot be a duplicate of itself.",
      missing: "`duplicate_of` names `{{target}}`, which is not an event in the dataset.",
      notActive: "`duplicate_of` names `{{target}}`, which is {{status}}, not active.",
    },
  },
  scope: "dataset",
  start: ({ fileAt, summaryAt }) => {
    // A hash of each id and its place (numbers, not a map of a million ids): the places of the ids that
    // duplicates name are found at the end (duplicates are few).
    const ids = new HashedKeys();
    // Stand-ins (known by their id alone, never read again) keep their id.
    const partial = new Map<number, string>();
    // The duplicates, which are few.
    const duplicates: { order: number; id: string; target: string }[] = [];
    return {
      add: (event, order) => {
        ids.add(hash53(event.id), order);
        if (event.partial) partial.set(order, event.id);
        if (event.status === "duplicate" && event.duplicate_of !== undefined) duplicates.push({ order, id: event.id, target: event.duplicate_of });
      },
      finish: () => {
        const candidates = ids.ordersOf(new Set(duplicates.map((d) => hash53(d.target))));
        // A named event read again (once, however many duplicates name it): its id confirms the match, its status is judged.
        const reread = new Map<number, EventSummary | undefined>();
        const summaryOf = (order: number) => {
          if (!reread.has(order)) reread.set(order, summaryAt(order));
          return reread.get(order);
        };
        const idAt = (order: number) => (partial.has(order) ? partial.get(order) : summaryOf(order)?.id);
        // The place of the event an id names (the last in the listing, when an id repeats).
        const placeOf = (target: string) => candidates.get(hash53(target))?.findLast((order) => idAt(order) === target);
        const issues: DatasetIssue[] = [];
        for (const { order, id, target } of duplicates.sort((a, b) => a.order - b.order)) {
          const other = placeOf(target);
          if (other !== undefined && partial.has(other)) continue;
          const status = other === undefined ? undefined : summaryOf(other)?.status;
          const messageId = target === id ? "self" : other === undefined ? "missing" : status !== "active" ? "notActive" : undefined;
          if (messageId)
            issues.push({ file: fileAt(order), pointer: "/duplicate_of", messageId, data: { target, status: String(status) }, related: other !== undefined ? [{ file: fileAt(other), pointer: "/status" }] : undefined });
        }
        return issues;
      },
    };
  },
};
