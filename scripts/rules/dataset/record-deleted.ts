import { coderOf, idFromPath, kindOf } from "../../dataset/discover.ts";
import type { DatasetIssue, DatasetRule } from "../types.ts";

export const recordDeleted: DatasetRule = {
  meta: {
    id: "record-deleted",
    family: "dataset",
    severity: "error",
    description: "An event file is never deleted (checked by `validate --changed`): published events are retracted, so their ids stay valid (a second coding under data/codings/ may be removed).",
    help: "Restore the file and set `status: retracted` with a `retraction_reason`, or `status: duplicate` with `duplicate_of`. Moving a file is fine when the id stays.",
    messages: {
      deleted: "This event file was deleted, and no event with the id `{{id}}` remains in the dataset.",
    },
  },
  scope: "dataset",
  start: ({ deleted }) => {
    // Only the ids of deleted event files matter: is each still used by an event?
    // A second coding (data/codings/<coder>/) is never published: removing one is no deletion of an event.
    const gone = new Map(deleted.filter((file) => kindOf(file) === "event" && coderOf(file) === undefined).map((file) => [file, idFromPath(file)]));
    const wanted = new Set(gone.values());
    const remaining = new Set<string>();
    return {
      add: (event) => {
        if (wanted.has(event.id) && event.coding === undefined) remaining.add(event.id);
      },
      finish: () =>
        [...gone]
          .filter(([, id]) => !remaining.has(id))
          .map(
            ([file, id]): DatasetIssue => ({
              file,
              position: { line: 1, column: 1, endLine: 1, endColumn: 1 },
              messageId: "deleted",
              data: { id },
            }),
          ),
    };
  },
};
