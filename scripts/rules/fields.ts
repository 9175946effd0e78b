/**
 * Typed access to a record's fields for record rules, which run on every
 * record, whether or not it passes its JSON Schema: each helper gives a value
 * only if it has the type (and, for the shape guards, the pattern) the rule
 * reads it as, and undefined otherwise, so a rule never throws on what a
 * contributor wrote and passes over an ill-typed value (the schema rule
 * reports it, once). A record with one schema error still gets its date, id,
 * outlet and text findings in the same run.
 *
 * Kept small and cheap: no schema parse, no copies; `eachObject` walks a list
 * in place, with each item's index (pointers name it).
 */
import { isObject } from "../core/pointer.ts";

/** A JSON object (not null, not an array). */
export type Fields = Readonly<Record<string, unknown>>;

/** The value at `key`, then `key2` of it: undefined where a step is not an object. */
export function field(value: unknown, key: string, key2?: string): unknown {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return key2 === undefined ? v : isObject(v) ? v[key2] : undefined;
}

/** The string at a path, if it is one. */
export function str(value: unknown, key?: string, key2?: string): string | undefined {
  const v = key === undefined ? value : field(value, key, key2);
  return typeof v === "string" ? v : undefined;
}

/** The finite number at a path, if it is one. */
export function num(value: unknown, key?: string, key2?: string): number | undefined {
  const v = key === undefined ? value : field(value, key, key2);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The whole number (0 or more) at a path, if it is one: an index or an offset. */
export function index(value: unknown, key?: string, key2?: string): number | undefined {
  const v = num(value, key, key2);
  return v !== undefined && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** The array at a path, if it is one (its items unchecked). */
export function arr(value: unknown, key?: string, key2?: string): readonly unknown[] | undefined {
  const v = key === undefined ? value : field(value, key, key2);
  return Array.isArray(v) ? v : undefined;
}

/** The object at a path, if it is one. */
export function obj(value: unknown, key?: string, key2?: string): Fields | undefined {
  const v = key === undefined ? value : field(value, key, key2);
  return isObject(v) ? v : undefined;
}

/** Calls `fn` on each item of `list` that is an object, with its index; nothing when `list` is not an array. */
export function eachObject(list: unknown, fn: (item: Fields, i: number) => void): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (isObject(item)) fn(item, i);
  }
}

/** Calls `fn` on each item of `list` that is a string, with its index. */
export function eachString(list: unknown, fn: (item: string, i: number) => void): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (typeof item === "string") fn(item, i);
  }
}

/**
 * The schema's patterns for the values rules judge (test/rules/fields.test.ts
 * checks that each is in the JSON Schema of every version). A string that does
 * not match is the schema rule's finding; a rule whose finding would follow
 * from the same defect (an ill-formed id is in no registry, an ill-formed date
 * in no calendar) passes over it rather than report it again.
 */
export const PATTERNS = {
  /** An event id: `ev-` and 8 characters of Crockford base32. */
  eventId: /^ev-[0123456789abcdefghjkmnpqrstvwxyz]{8}$/,
  /** A coder's handle (`provenance.coded_by`; the folder of a second coding, data/codings/<coder>/). */
  handle: /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/,
  /** A registry id (actor, outlet): kebab-case. */
  registryId: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  /** An event date of any precision: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`. */
  eventDate: /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/,
  /** A day: `YYYY-MM-DD` (an office's dates, `coded_at`). */
  day: /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/,
  /** A source's `published`: a day, or a date-time with offset. */
  published: /^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$/,
  /** An ISO 3166-1 alpha-3 code's shape. */
  countryCode: /^[A-Z]{3}$/,
  /** An outlet's domain. */
  hostname: /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/,
  /** A source's `url`. */
  httpUrl: /^https?:\/\/[^\s/?#]+([/?#][^\s]*)?$/,
  /** An evidence item's `claim`. */
  claim: /^(event_type|mode|date|actor:[a-z0-9]+(-[a-z0-9]+)*|location:(0|[1-9][0-9]*))$/,
} as const;

/** `value` if it is a string matching `pattern`. */
export function shaped(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === "string" && pattern.test(value) ? value : undefined;
}
