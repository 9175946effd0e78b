import { eachWithOthers, RepeatedKeys } from "../../core/group.ts";
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
      add: (event, order) => ids.add(event.id, order),
      finish: () => {
        const issues: DatasetIssue[] = [];
        for (const [id, orders] of ids.groups())
          for (const [order, others] of eachWithOthers([orders])) issues.push(issue(fileAt(order), id, others.map(fileAt)));
        for (const kind of ["actor", "outlet"]) {
          const entries = registryFiles.filter((r) => r.kind === kind);
          const registryIds = new RepeatedKeys<string>();
          entries.forEach((r, i) => registryIds.add(r.id, i));
          for (const [id, places] of registryIds.groups())
            for (const [place, others] of eachWithOthers([places])) issues.push(issue(entries[place]!.file, id, others.map((o) => entries[o]!.file)));
        }
        return issues;
      },
    };
  },
};
