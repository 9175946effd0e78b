/** An event: who did what to whom, where and when, according to which outlets. */
import { z } from "zod";
import { together, uniqueArray, withConditionals, type Conditional } from "../define.ts";
import { EVENT_TYPES, EVENT_TYPE_CODES } from "../vocabularies/plover.ts";
import { CountryCode, DAY_PATTERN, EventId, IsoDate, RegistryId, SCHEMA_VERSION, Text } from "./common.ts";

export const STATUSES = ["active", "retracted", "duplicate"] as const;
export const DATE_PRECISIONS = ["day", "week", "month", "year"] as const;
export const ROLES = ["initiator", "recipient", "participant"] as const;
export const LOCATION_PRECISIONS = ["exact", "city", "admin2", "admin1", "country"] as const;
export const METHODS = ["manual", "assisted", "imported"] as const;

/** How a date of each precision is written. `week` gives the first day of the week. */
export const DATE_PATTERNS: Record<(typeof DATE_PRECISIONS)[number], string> = {
  day: DAY_PATTERN,
  week: DAY_PATTERN,
  month: "^[0-9]{4}-(0[1-9]|1[0-2])$",
  year: "^[0-9]{4}$",
};

const DateValue = z
  .string()
  .regex(/^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/)
  .describe("`YYYY-MM-DD`, `YYYY-MM` or `YYYY` (quoted in YAML), as the precision says.");

export const EventDate = withConditionals(
  z
    .object({
      start: DateValue.describe("When the event happened, or began. Not the publication date of a source."),
      end: DateValue.optional().describe("When an event of several days ended; on or after `start`."),
      precision: z.enum(DATE_PRECISIONS).describe("How precisely the sources date the event."),
    })
    .strict(),
  DATE_PRECISIONS.map(
    (precision): Conditional => ({
      description: `a date of precision \`${precision}\` is written ${
        { day: "YYYY-MM-DD", week: "YYYY-MM-DD (the first day of the week)", month: "YYYY-MM", year: "YYYY" }[precision]
      }`,
      when: { property: "precision", in: [precision] },
      patterns: { start: DATE_PATTERNS[precision], end: DATE_PATTERNS[precision] },
    }),
  ),
).describe("When the event took place.");

export const EventActor = z
  .object({
    actor: RegistryId.describe("Id of an actor in data/actors/."),
    role: z.enum(ROLES).describe("`initiator` acts, `recipient` is acted upon, `participant` takes part without a direction."),
  })
  .strict();

export const EventLocation = together(
  z
    .object({
      name: Text(1, 200).describe("The place as the sources name it."),
      country: CountryCode,
      admin1: Text(1, 200).optional().describe("First-level administrative division (province, region, state)."),
      geonames_id: z.number().int().min(1).optional().describe("GeoNames id of the place, only where certain."),
      lat: z.number().min(-90).max(90).optional().describe("Latitude, WGS84 decimal degrees."),
      lon: z.number().min(-180).max(180).optional().describe("Longitude, WGS84 decimal degrees."),
      precision: z.enum(LOCATION_PRECISIONS).describe("The finest level the sources place the event at."),
    })
    .strict(),
  ["lat", "lon"],
  "`lat` and `lon` come together: give both or neither",
);

export const HttpUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s/?#]+([/?#][^\s]*)?$/)
  .describe("An `http` or `https` address without spaces.");

export const EventSource = z
  .object({
    outlet: RegistryId.describe("Id of the outlet in data/outlets/ that published the report."),
    via: uniqueArray(RegistryId)
      .optional()
      .describe("Ids of the wire services the report credits, e.g. `[afp, reuters]`."),
    title: Text(1, 300).describe("The report's headline, as published."),
    url: HttpUrl.optional().describe("The report's address, exactly as published; leave out when unknown."),
    published: z
      .string()
      .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$/)
      .describe("When the report was published: `YYYY-MM-DD`, or a date-time with offset."),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/)
      .describe("Language of the report as a BCP 47 tag, e.g. `en`, `de`, `pt-BR`."),
  })
  .strict();

export const Provenance = z
  .object({
    coded_by: uniqueArray(
      z
        .string()
        .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/)
        .describe("A coder's handle (GitHub user name)."),
    )
      .min(1)
      .describe("Who coded the record."),
    coded_at: IsoDate.describe("When the record was coded."),
    method: z.enum(METHODS).describe("`manual` by a person, `assisted` by a person with a tool's suggestion, `imported` from another dataset."),
  })
  .strict();

const statusRules: Conditional[] = [
  {
    description: "an event with status `duplicate` names the event it duplicates in `duplicate_of`",
    when: { property: "status", in: ["duplicate"] },
    require: ["duplicate_of"],
    forbid: ["retraction_reason"],
  },
  {
    description: "a retracted event says why in `retraction_reason`",
    when: { property: "status", in: ["retracted"] },
    require: ["retraction_reason"],
    forbid: ["duplicate_of"],
  },
  {
    description: "an active event has neither `duplicate_of` nor `retraction_reason`",
    when: { property: "status", in: ["active"] },
    forbid: ["duplicate_of", "retraction_reason"],
  },
];

const modeRules: Conditional[] = EVENT_TYPES.map((type) =>
  type.modes.length > 0
    ? {
        description: `the mode of a ${type.code} event is one of ${type.modes.map((m) => m.code).join(", ")}`,
        when: { property: "event_type", in: [type.code] },
        allowed: { mode: type.modes.map((m) => m.code) },
      }
    : {
        description: `PLOVER defines no modes for ${type.code}; leave \`mode\` out`,
        when: { property: "event_type", in: [type.code] },
        forbid: ["mode"],
      },
);

/** The fields of an event (later versions extend them); `Event` adds the rules between fields. */
export const EventFields = z
    .object({
      schema_version: z.literal(SCHEMA_VERSION).describe("The schema version this record was written against."),
      id: EventId,
      status: z.enum(STATUSES).describe("`active`; or a tombstone: `retracted` or `duplicate`. Records are never deleted."),
      duplicate_of: EventId.optional().describe("For `duplicate`: the id of the event this one duplicates."),
      retraction_reason: Text(10, 500).optional().describe("For `retracted`: why the event was withdrawn."),
      title: Text(5, 120).describe("A short headline in the coder's own words."),
      summary: Text(20, 600).describe("One to three sentences in the coder's own words, not copied from a source."),
      date: EventDate,
      event_type: z.enum(EVENT_TYPE_CODES).describe("The PLOVER category (schema/vocabularies/)."),
      mode: z.string().optional().describe("A PLOVER mode of the event type, where one fits."),
      actors: z.array(EventActor).min(1).describe("Who took part, with the direction of the event."),
      locations: z.array(EventLocation).min(1).describe("Where the event took place."),
      sources: z.array(EventSource).min(1).describe("The reports the event is coded from."),
      tags: uniqueArray(
        z
          .string()
          .max(64)
          .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
      )
        .optional()
        .describe("Free kebab-case labels, e.g. `c5-plus-1`."),
      provenance: Provenance.describe("Who coded the record, when and how."),
    })
    .strict();

/** The rules between an event's fields: status and tombstones, and the PLOVER mode of each event type. */
export const EVENT_RULES: readonly Conditional[] = [...statusRules, ...modeRules];

export const Event = withConditionals(EventFields, EVENT_RULES).meta({
  $id: `urn:eventwire:schema:${SCHEMA_VERSION}:event`,
  title: `eventwire event ${SCHEMA_VERSION}`,
  description: "One news event. One file a record: data/events/YYYY/MM/<id>.yaml (or .json).",
});

export type Event = z.infer<typeof Event>;
