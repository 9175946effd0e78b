/** Value types shared by the record kinds of schema 1.0.0. */
import { z } from "zod";

export const SCHEMA_VERSION = "1.0.0";

/** Crockford base32 in lower case: digits and letters without i, l, o, u. */
export const ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export const EventId = z
  .string()
  .regex(new RegExp(`^ev-[${ID_ALPHABET}]{8}$`))
  .describe("Event id minted by `eventwire new`: `ev-` and 8 characters of lower-case Crockford base32. Never changes.");

export const RegistryId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .describe("Registry id in kebab-case (lower-case letters, digits, single hyphens); equals the file name.");

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe("ISO 3166-1 alpha-3 country code, upper case (e.g. `KAZ`).");

export const WikidataId = z
  .string()
  .regex(/^Q[1-9][0-9]*$/)
  .describe("Wikidata item id (e.g. `Q42`). Only where certain; leave it out otherwise.");

/** A calendar date `YYYY-MM-DD` (the calendar check is a validator rule). */
export const DAY_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

export const IsoDate = z.string().regex(new RegExp(DAY_PATTERN)).describe("A date written `YYYY-MM-DD`.");

export const Text = (min: number, max: number) => z.string().min(min).max(max);
