/** An actor of schema 1.2.0: unchanged since 1.0.0 but for the version it names. */
import { z } from "zod";
import { withConditionals } from "../define.ts";
import { ACTOR_RULES, ActorFields } from "../v1.0.0/actor.ts";
import { SCHEMA_VERSION } from "./common.ts";

export const Actor = withConditionals(
  ActorFields.extend({ schema_version: z.literal(SCHEMA_VERSION).describe("The schema version this record was written against.") }),
  ACTOR_RULES,
).meta({
  $id: `urn:eventwire:schema:${SCHEMA_VERSION}:actor`,
  title: `eventwire actor ${SCHEMA_VERSION}`,
  description: "A person, organization, state or group that events name. One file a record: data/actors/<id>.yaml.",
});

export type Actor = z.infer<typeof Actor>;
