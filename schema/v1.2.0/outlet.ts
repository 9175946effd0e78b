/** An outlet of schema 1.2.0: unchanged since 1.0.0 but for the version it names. */
import type { z } from "zod";
import { outletOfVersion } from "../v1.0.0/outlet.ts";
import { SCHEMA_VERSION } from "./common.ts";

export const Outlet = outletOfVersion(SCHEMA_VERSION);

export type Outlet = z.infer<typeof Outlet>;
