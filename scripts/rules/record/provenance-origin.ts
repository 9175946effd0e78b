import { obj, str } from "../fields.ts";
import type { RecordRule } from "../types.ts";

/** Versions before `provenance.origin` existed (schema 1.3.0): their imported records cannot name one. */
const WITHOUT_ORIGIN = new Set(["1.0.0", "1.1.0", "1.2.0"]);

export const provenanceOrigin: RecordRule = {
  meta: {
    id: "provenance-origin",
    family: "record",
    severity: "warning",
    description: "An imported event names where it came from: the source dataset, its version and the record's id there.",
    help: "Add `provenance.origin` with `dataset`, `version` and `id` (what `eventwire import` writes), or, if a person coded the record, set `provenance.method` to `manual` or `assisted`.",
    messages: {
      missing: "This event is `imported` but does not say from where (`provenance.origin`).",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ record }) => {
    // Schema 1.3.0 forbids origin on manual records but cannot require it on imported ones (that would break valid 1.2.0 records): this rule asks for it.
    const version = str(record.schema_version);
    if (version === undefined || WITHOUT_ORIGIN.has(version)) return [];
    const provenance = obj(record.provenance);
    if (!provenance || str(provenance.method) !== "imported" || provenance.origin !== undefined) return [];
    return [{ pointer: "/provenance/method", messageId: "missing" }];
  },
};
