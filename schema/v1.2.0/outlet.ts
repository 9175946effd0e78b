/** An outlet of schema 1.2.0: unchanged since 1.0.0 but for the version it names. */
import { z } from "zod";
import { OutletFields } from "../v1.0.0/outlet.ts";
import { SCHEMA_VERSION } from "./common.ts";

export const Outlet = OutletFields.extend({
  schema_version: z.literal(SCHEMA_VERSION).describe("The schema version this record was written against."),
}).meta({
  $id: `urn:eventwire:schema:${SCHEMA_VERSION}:outlet`,
  title: `eventwire outlet ${SCHEMA_VERSION}`,
  description: "A news outlet that sources cite. One file a record: data/outlets/<id>.yaml.",
});

export type Outlet = z.infer<typeof Outlet>;
