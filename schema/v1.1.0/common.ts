/** Schema 1.1.0: what changed since 1.0.0 is an addition (an optional `evidence` list on events). */
export const SCHEMA_VERSION = "1.1.0";
