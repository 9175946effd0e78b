import type { DatasetRule, RuleIssue } from "../types.ts";

export const duplicateOf: DatasetRule = {
  id: "duplicate-of",
  family: "dataset",
  severity: "error",
  scope: "dataset",
  description: "`duplicate_of` names an existing, active event other than the record itself.",
  fix: "Point `duplicate_of` at the event that stays (its status is `active`); if that one is itself a duplicate, point at the event it duplicates.",
  check: ({ events }) => {
    const duplicates = events.filter((e) => e.event.status === "duplicate" && e.event.duplicate_of !== undefined);
    if (duplicates.length === 0) return [];
    const byId = new Map(events.map((e) => [e.event.id, e]));
    const issues: (RuleIssue & { file: string })[] = [];
    for (const e of duplicates) {
      const target = e.event.duplicate_of!;
      const other = byId.get(target);
      if (other?.event.partial) continue;
      const message =
        target === e.event.id
          ? "An event cannot be a duplicate of itself."
          : !other
            ? `\`duplicate_of\` names \`${target}\`, which is not an event in the dataset.`
            : other.event.status !== "active"
              ? `\`duplicate_of\` names \`${target}\`, which is ${other.event.status}, not active.`
              : undefined;
      if (message)
        issues.push({ file: e.file, pointer: "/duplicate_of", message, related: other ? [{ file: other.file, pointer: "/status" }] : undefined });
    }
    return issues;
  },
};
