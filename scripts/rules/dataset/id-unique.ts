import { confirmedGroups, eachWithOthers, HashedKeys, RepeatedKeys } from "../../core/group.ts";
import { hash53 } from "../../core/hash.ts";
import type { DatasetIssue, DatasetRule } from "../types.ts";

/** The issue in `file`, whose id `id` the `others` use too. */
function issue(file: string, id: string, others: readonly string[]): DatasetIssue {
  return {
    file,
    pointer: "/id",
    messageId: "repeated",
    data: { id, others: others.map((o) => `\`${o}\``).join(", ") },
    related: others.map((o) => ({ file: o, pointer: "/id" })),
  };
}

export const idUnique: DatasetRule = {
  meta: {
    id: "id-unique",
    family: "dataset",
    severity: "error",
    description: "Every id is used by one record only (events, and each registry).",
    help: "Give the newer record a fresh id (events: `eventwire new` mints one); never change the id of a published record.",
    messages: {
      repeated: "The id `{{id}}` is also used by {{others}}.",
    },
  },
  scope: "dataset",
  start: ({ registryFiles, fileAt, summaryAt }) => {
    // A hash of each id (a number, not a string and a map entry a million times): the events whose hashes
    // match are read again, and grouped by their ids themselves.
    const ids = new HashedKeys();
    const partial = new Map<number, string>();
    return {
      add: (event, order) => {
        ids.add(hash53(event.id), order);
        // An event known by its id alone (a stand-in) is not read again: its id is kept as it is.
        if (event.partial) partial.set(order, event.id);
      },
      finish: () => {
        const issues: DatasetIssue[] = [];
        for (const [id, orders] of confirmedGroups(ids.repeats(), (order) => partial.get(order) ?? summaryAt(order)?.id))
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
