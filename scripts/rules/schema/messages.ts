/** Turns ajv errors into findings in plain words, at the offending value. */
import type { ErrorObject } from "ajv";
import { pointerToPath, pointerToSegments } from "../../core/pointer.ts";
import { suggest } from "../../core/suggest.ts";
import type { RuleIssue } from "../types.ts";

const code = (v: unknown) => "`" + (typeof v === "string" ? v : JSON.stringify(v)) + "`";

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "a whole number",
  object: "an object (key: value pairs)",
  array: "a list",
  boolean: "true or false",
  null: "null",
};

/** The schema node at a schema path such as `#/allOf/3/then/properties/mode`. */
function schemaAt(root: unknown, schemaPath: string): unknown {
  let node = root;
  for (const s of pointerToSegments(schemaPath.replace(/^#/, ""))) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

/** The plain-words rule of the conditional (`then` branch) an error comes from, if any. */
function conditionalRule(root: unknown, schemaPath: string): string | undefined {
  const i = schemaPath.lastIndexOf("/then/");
  const at = i === -1 ? (schemaPath.endsWith("/then") ? schemaPath.length - 5 : -1) : i;
  if (at === -1) return undefined;
  const then = schemaAt(root, schemaPath.slice(0, at + 5)) as { description?: string } | undefined;
  return then?.description;
}

function join(pointer: string, key: string): string {
  return `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/**
 * One issue for one ajv error, or null when the error only repeats another
 * (`if` failures, and the branch summaries of `anyOf`).
 */
export function describeAjvError(error: ErrorObject, root: unknown): RuleIssue | null {
  const at = error.instancePath;
  const where = pointerToPath(at);
  const rule = conditionalRule(root, error.schemaPath);
  const parent = (error.parentSchema ?? {}) as { description?: string; properties?: Record<string, unknown> };
  const value = error.data;
  const params = error.params as Record<string, unknown>;
  const upper = (text: string) => text.replace(/^./, (c) => c.toUpperCase());
  switch (error.keyword) {
    case "if":
      return null;
    case "required": {
      const missing = String(params.missingProperty);
      return {
        pointer: at,
        target: "key",
        messageId: at === "" ? "missingInRecord" : "missing",
        data: { where, missing, ...(rule ? { rule } : {}) },
        helpId: rule ? "addForRule" : "addRequired",
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      const suggestion = suggest(extra, known);
      return {
        pointer: join(at, extra),
        target: "key",
        messageId: `${at === "" ? "notFieldOfRecord" : "notField"}${suggestion === undefined ? "" : "DidYouMean"}`,
        data: { extra, where, known: known.join(", "), ...(suggestion === undefined ? {} : { suggestion }) },
        helpId: "allowedHere",
      };
    }
    case "false schema": {
      // Every `false` of the published schemas is in a conditional with a description (its rule).
      if (!rule) return unworded(error);
      const key = pointerToSegments(at).pop() ?? "";
      return { pointer: at, target: "key", messageId: "notAllowedByRule", data: { where, key, rule }, helpId: "removeOrChange" };
    }
    case "dependentRequired": {
      const missing = String(params.missingProperty);
      return {
        pointer: join(at, String(params.property)),
        target: "key",
        messageId: "dependentRequired",
        data: { where, property: String(params.property), missing, ...(parent.description ? { description: upper(parent.description) } : {}) },
        ...(parent.description ? { helpId: "describe" } : {}),
      };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const got = typeof value === "string" ? value : JSON.stringify(value);
      const suggestion = typeof value === "string" ? suggest(value, allowed) : undefined;
      return {
        pointer: at,
        messageId: suggestion === undefined ? "oneOf" : "oneOfDidYouMean",
        data: { where, allowed: allowed.join(", "), got: code(got), ...(suggestion === undefined ? {} : { suggestion }), ...(rule ? { description: upper(rule) } : {}) },
        ...(rule ? { helpId: "describe" } : {}),
      };
    }
    case "const":
      return { pointer: at, messageId: "mustBe", data: { where, expected: code(params.allowedValue), got: code(value) } };
    case "type": {
      const expected = String(params.type)
        .split(",")
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(" or ");
      const quote = params.type === "string" && (typeof value === "number" || typeof value === "boolean");
      return { pointer: at, messageId: "mustBe", data: { where, expected, got: typeName(value), text: String(value) }, ...(quote ? { helpId: "quote" } : {}) };
    }
    case "pattern": {
      const how = rule ?? parent.description;
      return {
        pointer: at,
        messageId: "form",
        data: { where, got: code(value), ...(how ? { how: upper(how) } : { pattern: code(params.pattern) }) },
        helpId: how ? "how" : "match",
      };
    }
    case "minLength":
    case "maxLength": {
      const len = typeof value === "string" ? [...value].length : 0;
      return { pointer: at, messageId: error.keyword, data: { where, limit: Number(params.limit), length: len } };
    }
    case "minItems": {
      // The published schemas ask for one item at least, never more (and set no maximum).
      if (Number(params.limit) !== 1) return unworded(error);
      return { pointer: at, target: "key", messageId: "minItemsOne", data: { where, limit: 1, count: Array.isArray(value) ? value.length : 0 } };
    }
    case "uniqueItems":
      return {
        pointer: `${at}/${String(params.i)}`,
        messageId: "uniqueItems",
        data: { where, first: Number(params.j) + 1, second: Number(params.i) + 1 },
        helpId: "removeRepeated",
      };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { pointer: at, messageId: "limit", data: { where, got: code(value), comparison: String(params.comparison), limit: String(params.limit) } };
    default:
      return unworded(error);
  }
}

/**
 * A constraint no published schema has (they are locked: schema/lock.json),
 * so none has wording: a new schema version that adds one must word it here
 * first (test/rules/schema.test.ts compiles every published schema against
 * what this file words). Like a message id missing from `messages`, it is a
 * bug of the toolkit, and throws.
 */
function unworded(error: ErrorObject): never {
  throw new Error(`schema: no wording for the JSON Schema constraint at ${error.schemaPath} (keyword ${error.keyword}): word it in scripts/rules/schema/messages.ts`);
}

/** The constraints the wording above covers, as the schema states them (test/rules/schema.test.ts holds every published schema to them). */
export const WORDED_CONSTRAINTS = {
  /** Keywords whose failure has wording of its own (or repeats another's: `if`). */
  keywords: ["if", "required", "additionalProperties", "dependentRequired", "enum", "const", "type", "pattern", "minLength", "maxLength", "minItems", "uniqueItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"],
  /** `minItems` only as 1; a `false` schema only in a `then` with a description. */
  minItems: 1,
} as const;

/** The wording of the schema rule's findings (and of their help lines), by message id. */
export const SCHEMA_MESSAGES: Readonly<Record<string, string>> = {
  missingInRecord: "The record is missing `{{missing}}`.",
  missing: "`{{where}}` is missing `{{missing}}`.",
  addForRule: "Add `{{missing}}`: {{rule}}.",
  addRequired: "Add `{{missing}}`; it is required.",
  notFieldOfRecord: "`{{extra}}` is not a field of the record.",
  notFieldOfRecordDidYouMean: "`{{extra}}` is not a field of the record. Did you mean `{{suggestion}}`?",
  notField: "`{{extra}}` is not a field of `{{where}}`.",
  notFieldDidYouMean: "`{{extra}}` is not a field of `{{where}}`. Did you mean `{{suggestion}}`?",
  allowedHere: "Allowed here: {{known}}.",
  notAllowedByRule: "`{{where}}` is not allowed here: {{rule}}.",
  removeOrChange: "Remove `{{key}}`, or change what the rule depends on.",
  dependentRequired: "`{{where}}` has `{{property}}` but not `{{missing}}`.",
  describe: "{{description}}.",
  oneOf: "`{{where}}` must be one of {{allowed}}; got {{got}}.",
  oneOfDidYouMean: "`{{where}}` must be one of {{allowed}}; got {{got}}. Did you mean `{{suggestion}}`?",
  mustBe: "`{{where}}` must be {{expected}}; got {{got}}.",
  quote: 'YAML read this as {{got}}; put it in quotes: "{{text}}".',
  quoteJson: 'Write it as a JSON string, in double quotes: "{{text}}".',
  form: "`{{where}}` is {{got}}, which is not in the expected form.",
  how: "{{how}}",
  match: "It must match {{pattern}}.",
  minLength: "`{{where}}` must be at least {{limit}} characters long; it has {{length}}.",
  maxLength: "`{{where}}` must be at most {{limit}} characters long; it has {{length}}.",
  minItemsOne: "`{{where}}` must have at least 1 item; it has {{count}}.",
  uniqueItems: "`{{where}}` lists the same value twice (items {{first}} and {{second}}).",
  removeRepeated: "Remove the repeated item.",
  limit: "`{{where}}` is {{got}}; it must be {{comparison}} {{limit}}.",
};
