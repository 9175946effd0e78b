/**
 * Schema 1.3.0, an addition, for records that `eventwire import` writes from
 * other datasets (PLOVER, GDELT, ACLED, UCDP GED): an event's `locations` may
 * be left out; an event's provenance, an actor and an outlet may name their
 * `origin` in a source dataset; an outlet's `country` and `domains` may be
 * left out (an import knows an outlet by its name alone).
 */
import { z } from "zod";
import { RegistryId, Text } from "../v1.0.0/common.ts";

export const SCHEMA_VERSION = "1.3.0";

/** Where an imported entry comes from: one definition for events, actors and outlets. */
export const Origin = z
  .object({
    dataset: RegistryId.describe("Kebab-case id of the source dataset, e.g. `plover-gsr`, `gdelt`, `acled`, `ucdp-ged`."),
    version: Text(1, 100).describe("The source dataset's version or export date."),
    id: Text(1, 200).describe(
      "The entry's id in the source dataset: for an event, the record's id (or its row number where it has none); for an actor or outlet, the source's code or name for it.",
    ),
  })
  .strict();

export type Origin = z.infer<typeof Origin>;
