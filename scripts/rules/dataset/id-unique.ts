import { RepeatedKeys, withSameKey } from "../../core/group.ts";
import type { DatasetIssue, DatasetRule } from "../types.ts";

/** The issue in `file`, whose id `id` the `others` use too. */
function issue(file: string, id: string, others: readonly string[]): DatasetIssue {
  return {
    file,
    pointer: "/id",
    message: `The id \`${id}\` is also used by ${others.map((o) => `\`${o}\``).join(", ")}.`,
    related: others.map((o) => ({ file: o, pointer: "/id" })),
  };
}

export const idUnique: DatasetRule = {
  id: "id-unique",
  family: "dataset",
  severity: "error",
  scope: "dataset",
  description: "Every id is used by one record only (events, and each registry).",
  fix: "Give the newer record a fresh id (events: `eventwire new` mints one); never change the id of a published record.",
  start: ({ registryFiles, fileAt }) => {
    const ids = new RepeatedKeys<string>();
    return {
      add: ({ event }, order) => ids.add(event.id, order),
      finish: () => {
        const issues: DatasetIssue[] = [];
        for (const [id, orders] of ids.groups()) {
          const files = orders.map(fileAt);
          for (const file of files) issues.push(issue(file, id, files.filter((f) => f !== file)));
        }
        for (const kind of ["actor", "outlet"])
          for (const [p, others] of withSameKey(
            registryFiles.filter((r) => r.kind === kind),
            (r) => r.id,
          ))
            issues.push(issue(p.file, p.id, others.map((o) => o.file)));
        return issues;
      },
    };
  },
};
