/** An actor of schema 1.1.0: unchanged since 1.0.0 but for the version it names. */
import type { z } from "zod";
import { actorOfVersion } from "../v1.0.0/actor.ts";
import { SCHEMA_VERSION } from "./common.ts";

export const Actor = actorOfVersion(SCHEMA_VERSION);

export type Actor = z.infer<typeof Actor>;
