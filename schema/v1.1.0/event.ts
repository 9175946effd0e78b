/**
 * An event of schema 1.1.0: the fields of 1.0.0, and an optional `evidence`
 * list, each item quoting the report that supports one claim of the record.
 * Quotes follow the W3C Web Annotation selectors, so annotation tools read them.
 */
import { z } from "zod";
import { withConditionals } from "../define.ts";
import { EVENT_RULES, EventFields as EventFields_1_0 } from "../v1.0.0/event.ts";
import { SCHEMA_VERSION } from "./common.ts";

/** What an evidence item supports: a field of the record, or one actor or location of it. */
export const CLAIM_PATTERN = "^(event_type|mode|date|actor:[a-z0-9]+(-[a-z0-9]+)*|location:(0|[1-9][0-9]*))$";

export const TextQuote = z
  .object({
    exact: z.string().min(1).max(400).describe("The quoted text, character for character as the report has it."),
    prefix: z.string().min(1).max(64).optional().describe("Text just before the quote, when `exact` alone occurs more than once."),
    suffix: z.string().min(1).max(64).optional().describe("Text just after the quote, when `exact` alone occurs more than once."),
  })
  .strict()
  .describe("A W3C TextQuoteSelector: the quote, and its context where needed to find it.");

export const TextPosition = z
  .object({
    start: z.number().int().min(0).describe("Offset of the quote's first character, in Unicode code points from the start of the text."),
    end: z.number().int().min(1).describe("Offset just after the quote's last character (the quote's length is `end - start`)."),
  })
  .strict()
  .describe("A W3C TextPositionSelector over the source text kept in the repository.");

export const Evidence = z
  .object({
    source: z.number().int().min(0).describe("Which report is quoted: its index in `sources` (0 for the first)."),
    claim: z
      .string()
      .regex(new RegExp(CLAIM_PATTERN))
      .describe("What the quote supports: `event_type`, `mode`, `date`, `actor:<id>` (an actor of the event) or `location:<n>` (its index in `locations`, 0 for the first)."),
    quote: TextQuote,
    position: TextPosition.optional(),
  })
  .strict();

export const EventFields = EventFields_1_0.extend({
  schema_version: z.literal(SCHEMA_VERSION).describe("The schema version this record was written against."),
  evidence: z.array(Evidence).min(1).optional().describe("Quotes from the reports that support the record's claims, one item a claim and quote."),
});

export const Event = withConditionals(EventFields, EVENT_RULES).meta({
  $id: `urn:eventwire:schema:${SCHEMA_VERSION}:event`,
  title: `eventwire event ${SCHEMA_VERSION}`,
  description: "One news event. One file a record: data/events/YYYY/MM/<id>.yaml (or .json).",
});

export type Event = z.infer<typeof Event>;
