/**
 * Schema 1.2.0, an addition: a source's `title` and `published` may be left
 * out, for pages that do not show their headline or date (never guessed).
 */
export const SCHEMA_VERSION = "1.2.0";
