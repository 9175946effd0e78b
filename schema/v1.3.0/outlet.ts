/**
 * An outlet of schema 1.3.0: `country` and `domains` may be left out (an
 * import knows an outlet by the name its source gives, e.g. ACLED's "Daily
 * Star (Bangladesh)", and never invents a domain, country or id), and an
 * optional `origin` marks the entries `eventwire import` creates.
 */
import { z } from "zod";
import { OutletFields as OutletFields_1_0, outletSchema } from "../v1.0.0/outlet.ts";
import { Origin, SCHEMA_VERSION } from "./common.ts";

export const OutletFields = OutletFields_1_0.extend({
  schema_version: z.literal(SCHEMA_VERSION).describe("The schema version this record was written against."),
  country: OutletFields_1_0.shape.country.optional().describe("The country the outlet is based in; leave out when not known."),
  domains: OutletFields_1_0.shape.domains.optional().describe("The web domains the outlet publishes under; leave out when not known (never guessed)."),
  origin: Origin.optional().describe(
    "Set by `eventwire import` on an entry it created: the source dataset and the source's code or name for the outlet. A person removes it once the entry is checked.",
  ),
});

export const Outlet = outletSchema(OutletFields, SCHEMA_VERSION);

export type Outlet = z.infer<typeof Outlet>;
