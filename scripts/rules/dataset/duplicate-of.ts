import type { LookupRule } from "../types.ts";

export const duplicateOf: LookupRule = {
  meta: {
    id: "duplicate-of",
    family: "dataset",
    severity: "error",
    description: "`duplicate_of` names an existing, active event other than the record itself (an event of data/events/: a second coding names none and is named by none).",
    help: "Point `duplicate_of` at the event that stays (its status is `active`); if that one is itself a duplicate, point at the event it duplicates.",
    messages: {
      self: "An event cannot be a duplicate of itself.",
      missing: "`duplicate_of` names `{{target}}`, which is not an event in the dataset.",
      notActive: "`duplicate_of` names `{{target}}`, which is {{status}}, not active.",
    },
  },
  scope: "dataset",
  // A duplicate names the event that stays by its id; the last event with that id in the listing is judged.
  // Second codings (data/codings/<coder>/) are no events of the dataset: they name none, and none names them.
  lookup: { names: (e) => (e.status === "duplicate" && e.coding === undefined ? e.duplicate_of : undefined), key: (e) => (e.coding === undefined ? e.id : undefined) },
  report: ({ event, named, target }) => {
    // A stand-in (under --changed, an event known by its id alone) is not judged.
    if (target?.event.partial) return [];
    const status = target?.event.status;
    // A target whose status is ill typed (its schema finding says so) is not judged by it.
    if (target && status === undefined && named !== event.id) return [];
    const messageId = named === event.id ? "self" : target === undefined ? "missing" : status !== "active" ? "notActive" : undefined;
    if (messageId === undefined) return [];
    return [{ pointer: "/duplicate_of", messageId, data: { target: named, status: String(status) }, ...(target ? { related: [{ file: target.file, pointer: "/status" }] } : {}) }];
  },
};
