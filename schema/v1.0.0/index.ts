/** Schema 1.0.0: the record kinds and their zod schemas. */
export { SCHEMA_VERSION } from "./common.ts";
export { Event } from "./event.ts";
export { Actor } from "./actor.ts";
export { Outlet } from "./outlet.ts";
