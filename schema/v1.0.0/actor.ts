/** An actor: a person, organization, state or group that events name. */
import { z } from "zod";
import { uniqueArray, withConditionals, type Conditional } from "../define.ts";
import { CountryCode, IsoDate, RegistryId, SCHEMA_VERSION, Text, WikidataId } from "./common.ts";

export const ACTOR_KINDS = ["person", "organization", "state", "group"] as const;

export const Office = z
  .object({
    title: Text(2, 200).describe("The office as the sources name it, e.g. `US Secretary of State`."),
    from: IsoDate.optional().describe("First day in office, where certain."),
    to: IsoDate.optional().describe("Last day in office, where certain; absent while in office or unknown."),
  })
  .strict()
  .describe("An office a person held.");

/** The fields of an actor (later versions extend them); `Actor` adds the rule between fields. */
export const ActorFields = z
    .object({
      schema_version: z.literal(SCHEMA_VERSION).describe("The schema version this record was written against."),
      id: RegistryId,
      name: Text(1, 200).describe("The name most English-language sources use."),
      kind: z.enum(ACTOR_KINDS).describe("What the actor is."),
      country: CountryCode.optional().describe("The country the actor belongs to, if any."),
      aliases: uniqueArray(Text(1, 200))
        .optional()
        .describe("Other names and transliterations sources use (e.g. `Tokaev` for `Tokayev`)."),
      wikidata: WikidataId.optional(),
      offices: z.array(Office).min(1).optional().describe("For persons: the offices they held that events refer to."),
    })
    .strict();

export const ACTOR_RULES: readonly Conditional[] = [
  {
    description: "only a person holds offices; `offices` is for actors of kind `person`",
    when: { property: "kind", in: ACTOR_KINDS.filter((k) => k !== "person") },
    forbid: ["offices"],
  },
];

/** The actor schema of a version, from its fields (which name the version): the rule between fields, and its identity. */
export function actorSchema<T extends z.ZodObject>(fields: T, version: string) {
  return withConditionals(fields, ACTOR_RULES).meta({
    $id: `urn:eventwire:schema:${version}:actor`,
    title: `eventwire actor ${version}`,
    description: "A person, organization, state or group that events name. One file a record: data/actors/<id>.yaml.",
  });
}

/**
 * The actor schema of a version whose actors differ from 1.0.0's only in the
 * version they name (1.1.0 and 1.2.0 changed events only).
 */
export function actorOfVersion(version: string) {
  return actorSchema(
    version === SCHEMA_VERSION ? ActorFields : ActorFields.extend({ schema_version: z.literal(version).describe("The schema version this record was written against.") }),
    version,
  );
}

export const Actor = actorOfVersion(SCHEMA_VERSION);

export type Actor = z.infer<typeof Actor>;
