/**
 * An event of schema 1.2.0: as 1.1.0, but a source's headline (`title`) and
 * publication date (`published`) are optional: many captured pages show
 * neither, and the coding rules forbid guessing them. Every 1.1.0 record is
 * a 1.2.0 record once it names the new version.
 */
import { z } from "zod";
import { withConditionals } from "../define.ts";
import { EVENT_RULES, EventSource as EventSource_1_0 } from "../v1.0.0/event.ts";
import { EventFields as EventFields_1_1 } from "../v1.1.0/event.ts";
import { SCHEMA_VERSION } from "./common.ts";

export const EventSource = EventSource_1_0.extend({
  title: EventSource_1_0.shape.title.optional().describe("The report's headline, as published; leave out when the page does not show it."),
  published: EventSource_1_0.shape.published
    .optional()
    .describe("When the report was published: `YYYY-MM-DD`, or a date-time with offset; leave out when the page does not say (never guess it)."),
});

export const EventFields = EventFields_1_1.extend({
  schema_version: z.literal(SCHEMA_VERSION).describe("The schema version this record was written against."),
  sources: z.array(EventSource).min(1).describe("The reports the event is coded from."),
});

export const Event = withConditionals(EventFields, EVENT_RULES).meta({
  $id: `urn:eventwire:schema:${SCHEMA_VERSION}:event`,
  title: `eventwire event ${SCHEMA_VERSION}`,
  description: "One news event. One file a record: data/events/YYYY/MM/<id>.yaml (or .json).",
});

export type Event = z.infer<typeof Event>;
