import { idFromPath, kindOf } from "../../dataset/discover.ts";
import type { DatasetRule, RuleIssue } from "../types.ts";

export const recordDeleted: DatasetRule = {
  id: "record-deleted",
  family: "dataset",
  severity: "error",
  scope: "dataset",
  description: "An event file is never deleted (checked by `validate --changed`): published events are retracted, so their ids stay valid.",
  fix: "Restore the file and set `status: retracted` with a `retraction_reason`, or `status: duplicate` with `duplicate_of`. Moving a file is fine when the id stays.",
  check: ({ events, deleted }) => {
    if (deleted.length === 0) return [];
    const ids = new Set(events.map((e) => e.event.id));
    const issues: (RuleIssue & { file: string })[] = [];
    for (const file of deleted) {
      if (kindOf(file) !== "event") continue;
      const id = idFromPath(file);
      if (ids.has(id)) continue;
      issues.push({
        file,
        position: { line: 1, column: 1, endLine: 1, endColumn: 1 },
        message: `This event file was deleted, and no event with the id \`${id}\` remains in the dataset.`,
      });
    }
    return issues;
  },
};
