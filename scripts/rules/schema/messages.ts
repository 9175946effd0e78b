/** Turns ajv errors into findings in plain words, at the offending value. */
import type { ErrorObject } from "ajv";
import { pointerToPath, pointerToSegments } from "../../core/pointer.ts";
import { didYouMean } from "../../core/suggest.ts";
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
  switch (error.keyword) {
    case "if":
      return null;
    case "required": {
      const missing = String(params.missingProperty);
      return {
        pointer: at,
        target: "key",
        message: at === "" ? `The record is missing \`${missing}\`.` : `\`${where}\` is missing \`${missing}\`.`,
        hint: rule ? `Add \`${missing}\`: ${rule}.` : `Add \`${missing}\`; it is required.`,
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      return {
        pointer: join(at, extra),
        target: "key",
        message: `\`${extra}\` is not a field of ${at === "" ? "the record" : `\`${where}\``}.${didYouMean(extra, known)}`,
        hint: `Allowed here: ${known.join(", ")}.`,
      };
    }
    case "false schema": {
      const key = pointerToSegments(at).pop() ?? "";
      return {
        pointer: at,
        target: "key",
        message: `\`${where}\` is not allowed here${rule ? `: ${rule}` : ""}.`,
        hint: `Remove \`${key}\`${rule ? "" : "."}${rule ? ", or change what the rule depends on." : ""}`,
      };
    }
    case "dependentRequired": {
      const missing = String(params.missingProperty);
      return {
        pointer: join(at, String(params.property)),
        target: "key",
        message: `\`${where}\` has \`${String(params.property)}\` but not \`${missing}\`.`,
        hint: parent.description ? `${parent.description.replace(/^./, (c) => c.toUpperCase())}.` : undefined,
      };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const got = typeof value === "string" ? value : JSON.stringify(value);
      return {
        pointer: at,
        message: `\`${where}\` must be one of ${allowed.join(", ")}; got ${code(got)}.${typeof value === "string" ? didYouMean(value, allowed) : ""}`,
        hint: rule ? `${rule.replace(/^./, (c) => c.toUpperCase())}.` : undefined,
      };
    }
    case "const":
      return { pointer: at, message: `\`${where}\` must be ${code(params.allowedValue)}; got ${code(value)}.` };
    case "type": {
      const expected = String(params.type)
        .split(",")
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(" or ");
      const quoteHint =
        params.type === "string" && (typeof value === "number" || typeof value === "boolean")
          ? `YAML read this as ${typeName(value)}; put it in quotes: "${String(value)}".`
          : undefined;
      return { pointer: at, message: `\`${where}\` must be ${expected}; got ${typeName(value)}.`, hint: quoteHint };
    }
    case "pattern": {
      const how = rule ?? parent.description;
      return {
        pointer: at,
        message: `\`${where}\` is ${code(value)}, which is not in the expected form.`,
        hint: how ? `${how.replace(/^./, (c) => c.toUpperCase())}` : `It must match ${code(params.pattern)}.`,
      };
    }
    case "minLength":
    case "maxLength": {
      const n = Number(params.limit);
      const len = typeof value === "string" ? [...value].length : 0;
      const bound = error.keyword === "minLength" ? `at least ${n}` : `at most ${n}`;
      return { pointer: at, message: `\`${where}\` must be ${bound} characters long; it has ${len}.` };
    }
    case "minItems":
    case "maxItems": {
      const n = Number(params.limit);
      const bound = error.keyword === "minItems" ? `at least ${n}` : `at most ${n}`;
      return { pointer: at, target: "key", message: `\`${where}\` must have ${bound} ${n === 1 ? "item" : "items"}; it has ${Array.isArray(value) ? value.length : 0}.` };
    }
    case "uniqueItems":
      return {
        pointer: `${at}/${String(params.i)}`,
        message: `\`${where}\` lists the same value twice (items ${Number(params.j) + 1} and ${Number(params.i) + 1}).`,
        hint: "Remove the repeated item.",
      };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { pointer: at, message: `\`${where}\` is ${code(value)}; it must be ${String(params.comparison)} ${String(params.limit)}.` };
    default:
      return { pointer: at, message: `\`${where}\` ${error.message ?? "is not valid"}.` };
  }
}
