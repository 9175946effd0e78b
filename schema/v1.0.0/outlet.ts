/** An outlet: a news agency, broadcaster or publication that sources cite. */
import { z } from "zod";
import { uniqueArray } from "../define.ts";
import { CountryCode, RegistryId, SCHEMA_VERSION, Text, WikidataId } from "./common.ts";

export const OUTLET_KINDS = ["wire_agency", "broadcaster", "newspaper", "online", "agency_of_state", "other"] as const;

export const Hostname = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/)
  .describe("A host name in lower case without scheme or path, e.g. `dw.com`; sub-domains match too.");

/** The fields of an outlet (later versions extend them). */
export const OutletFields = z
  .object({
    schema_version: z.literal(SCHEMA_VERSION).describe("The schema version this record was written against."),
    id: RegistryId,
    name: Text(1, 200).describe("The outlet's own name."),
    kind: z.enum(OUTLET_KINDS).describe("What kind of outlet it is."),
    country: CountryCode.describe("The country the outlet is based in."),
    domains: uniqueArray(Hostname).min(1).describe("The web domains the outlet publishes under."),
    wikidata: WikidataId.optional(),
  })
  .strict();

/** The outlet schema of a version, from its fields (which name the version): its identity. */
export function outletSchema<T extends z.ZodObject>(fields: T, version: string) {
  return fields.meta({
    $id: `urn:eventwire:schema:${version}:outlet`,
    title: `eventwire outlet ${version}`,
    description: "A news outlet that sources cite. One file a record: data/outlets/<id>.yaml.",
  });
}

/**
 * The outlet schema of a version whose outlets differ from 1.0.0's only in the
 * version they name (1.1.0 and 1.2.0 changed events only).
 */
export function outletOfVersion(version: string) {
  return outletSchema(
    version === SCHEMA_VERSION ? OutletFields : OutletFields.extend({ schema_version: z.literal(version).describe("The schema version this record was written against.") }),
    version,
  );
}

export const Outlet = outletOfVersion(SCHEMA_VERSION);

export type Outlet = z.infer<typeof Outlet>;
