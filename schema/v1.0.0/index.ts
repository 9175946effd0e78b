/** Schema 1.0.0: the record kinds and their zod schemas. */
export { SCHEMA_VERSION } from "./common.ts";
export { Event, STATUSES, DATE_PRECISIONS, ROLES, LOCATION_PRECISIONS, METHODS } from "./event.ts";
export { Actor, ACTOR_KINDS } from "./actor.ts";
export { Outlet, OUTLET_KINDS } from "./outlet.ts";
