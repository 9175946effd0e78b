import type { DatasetIssue, DatasetRule } from "../types.ts";

/** The statuses an event's place is packed with (see below); any other is kept aside. */
const STATUSES = ["active", "retracted", "duplicate"];
const PARTIAL = 4;

export const duplicateOf: DatasetRule = {
  id: "duplicate-of",
  family: "dataset",
  severity: "error",
  scope: "dataset",
  description: "`duplicate_of` names an existing, active event other than the record itself.",
  fix: "Point `duplicate_of` at the event that stays (its status is `active`); if that one is itself a duplicate, point at the event it duplicates.",
  start: ({ fileAt }) => {
    // Each id as one number: the place of its event (the last in the listing, when an id repeats) times 8,
    // plus its status (an index in STATUSES; 3 for none) and whether only its id is known (PARTIAL).
    const byId = new Map<string, number>();
    const otherStatus = new Map<number, string>();
    // The duplicates, which are few.
    const duplicates: { order: number; id: string; target: string }[] = [];
    return {
      add: ({ event }, order) => {
        const known = byId.get(event.id);
        if (known === undefined || Math.floor(known / 8) < order) {
          const status = event.status === undefined ? 3 : STATUSES.indexOf(event.status);
          if (status === -1) otherStatus.set(order, event.status!);
          byId.set(event.id, order * 8 + (status === -1 ? 3 : status) + (event.partial ? PARTIAL : 0));
        }
        if (event.status === "duplicate" && event.duplicate_of !== undefined) duplicates.push({ order, id: event.id, target: event.duplicate_of });
      },
      finish: () => {
        const issues: DatasetIssue[] = [];
        for (const { order, id, target } of duplicates.sort((a, b) => a.order - b.order)) {
          const packed = byId.get(target);
          if (packed !== undefined && packed & PARTIAL) continue;
          const other = packed === undefined ? undefined : Math.floor(packed / 8);
          const status = packed === undefined ? undefined : (STATUSES[packed & 3] ?? otherStatus.get(other!));
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
