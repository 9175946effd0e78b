/** Schema 1.3.0: the record kinds and their zod schemas. */
export { SCHEMA_VERSION, Origin } from "./common.ts";
export { Event, Provenance } from "./event.ts";
export { Actor } from "./actor.ts";
export { Outlet } from "./outlet.ts";
export { EventSource } from "../v1.2.0/event.ts";
export { Evidence, CLAIM_PATTERN } from "../v1.1.0/event.ts";
export { STATUSES, DATE_PRECISIONS, ROLES, LOCATION_PRECISIONS, METHODS, ACTOR_KINDS, OUTLET_KINDS } from "../v1.0.0/index.ts";
