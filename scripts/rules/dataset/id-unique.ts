import type { CompareRule } from "../types.ts";
import { othersOf } from "./others.ts";

export const idUnique: CompareRule = {
  meta: {
    id: "id-unique",
    family: "dataset",
    severity: "error",
    description: "Every id is used by one record only (events and second codings together, and each registry).",
    help: "Give the newer record a fresh id (events: `eventwire new` mints one); never change the id of a published record.",
    messages: {
      repeated: "The id `{{id}}` is also used by {{others}}.",
    },
  },
  scope: "dataset",
  // Every event (a --changed stand-in too, by the id its file name gives) and every registry entry, by its id.
  compare: { key: (e) => e.id, registries: true },
  report: ({ event, others }) => {
    const { text, related } = othersOf(others.map((o) => o.file), "/id");
    return [{ pointer: "/id", messageId: "repeated", data: { id: event.id, others: text }, related }];
  },
};
