/** An actor of schema 1.3.0: as 1.0.0's, with an optional `origin` for the entries `eventwire import` creates. */
import { z } from "zod";
import { ActorFields as ActorFields_1_0, actorSchema } from "../v1.0.0/actor.ts";
import { Origin, SCHEMA_VERSION } from "./common.ts";

export const ActorFields = ActorFields_1_0.extend({
  schema_version: z.literal(SCHEMA_VERSION).describe("The schema version this record was written against."),
  origin: Origin.optional().describe(
    "Set by `eventwire import` on an entry it created: the source dataset and the source's code or name for the actor. A person removes it once the entry is checked.",
  ),
});

export const Actor = actorSchema(ActorFields, SCHEMA_VERSION);

export type Actor = z.infer<typeof Actor>;
