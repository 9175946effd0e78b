/**
 * An event of schema 1.3.0: as 1.2.0, but `locations` may be left out (the
 * sentence-level datasets that `eventwire import` reads often do not say
 * where), and an imported record names its source in `provenance.origin`.
 * Every 1.2.0 record is a 1.3.0 record once it names the new version.
 */
import { z } from "zod";
import { withConditionals, type Conditional } from "../define.ts";
import { EVENT_RULES, EventLocation, Provenance as Provenance_1_0 } from "../v1.0.0/event.ts";
import { EventFields as EventFields_1_2 } from "../v1.2.0/event.ts";
import { Origin, SCHEMA_VERSION } from "./common.ts";

/**
 * Only an imported record has an origin. (That an imported record must name
 * one is not a schema rule: a 1.2.0 record with method `imported` and no
 * origin would then fail 1.3.0, a breaking change; `eventwire import` sets it.)
 */
export const PROVENANCE_RULES: readonly Conditional[] = [
  {
    description: "only an imported record names an `origin`: leave it out when the method is `manual` or `assisted`",
    when: { property: "method", in: ["manual", "assisted"] },
    forbid: ["origin"],
  },
];

export const Provenance = withConditionals(
  Provenance_1_0.extend({
    origin: Origin.optional().describe(
      "For method `imported`: the source dataset, its version and the record's id there. Set by `eventwire import`; absent for records coded by a person.",
    ),
  }),
  PROVENANCE_RULES,
).describe("Who coded the record, when and how.");

export const EventFields = EventFields_1_2.extend({
  schema_version: z.literal(SCHEMA_VERSION).describe("The schema version this record was written against."),
  locations: z
    .array(EventLocation)
    .min(1)
    .optional()
    .describe("Where the event took place; leave out when the sources do not say (imported records from sentence-level datasets often cannot)."),
  provenance: Provenance,
});

export const Event = withConditionals(EventFields, EVENT_RULES).meta({
  $id: `urn:eventwire:schema:${SCHEMA_VERSION}:event`,
  title: `eventwire event ${SCHEMA_VERSION}`,
  description: "One news event. One file a record: data/events/YYYY/MM/<id>.yaml (or .json).",
});

export type Event = z.infer<typeof Event>;
