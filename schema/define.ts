/**
 * Building blocks for the record schemas. Each helper states a constraint once
 * and gives it both forms: the zod check (so the TypeScript type and runtime
 * parse enforce it) and the JSON Schema keyword (so ajv and other languages
 * enforce the same thing). The schema tests hold the two forms to the same
 * verdict on every fixture.
 */
import { z } from "zod";

/** An array whose items must be distinct; `uniqueItems` in JSON Schema. */
export function uniqueArray<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .refine((items) => new Set(items.map((v) => JSON.stringify(v))).size === items.length, {
      message: "items must be unique",
    })
    .meta({ uniqueItems: true });
}

/**
 * A rule that applies to an object when one of its properties has one of the
 * given values. Emitted as `if`/`then` in JSON Schema, checked by a refinement
 * in zod. `description` says the rule in plain words; reports quote it.
 */
export interface Conditional {
  description: string;
  when: { property: string; in: readonly string[] };
  /** Properties that must be present. */
  require?: readonly string[];
  /** Properties that must be absent. */
  forbid?: readonly string[];
  /** Property -> regular expression its (string) value must match. */
  patterns?: Readonly<Record<string, string>>;
  /** Property -> the values it may take. */
  allowed?: Readonly<Record<string, readonly string[]>>;
}

function conditionalToJsonSchema(c: Conditional): Record<string, unknown> {
  const then: Record<string, unknown> = { description: c.description };
  const properties: Record<string, unknown> = {};
  for (const [key, pattern] of Object.entries(c.patterns ?? {})) properties[key] = { type: "string", pattern };
  for (const [key, values] of Object.entries(c.allowed ?? {})) properties[key] = { type: "string", enum: [...values] };
  for (const key of c.forbid ?? []) properties[key] = false;
  // Named under `properties` too, so that the schema compiles in ajv's strict mode (strictRequired).
  for (const key of c.require ?? []) properties[key] ??= true;
  if (Object.keys(properties).length > 0) then.properties = properties;
  if (c.require && c.require.length > 0) then.required = [...c.require];
  const condition =
    c.when.in.length === 1 ? { const: c.when.in[0] } : { enum: [...c.when.in] };
  return {
    if: { properties: { [c.when.property]: condition }, required: [c.when.property] },
    then,
  };
}

function checkConditional(c: Conditional, value: Record<string, unknown>, ctx: z.core.$RefinementCtx) {
  const selector = value[c.when.property];
  if (typeof selector !== "string" || !c.when.in.includes(selector)) return;
  const fail = (path: string) =>
    ctx.addIssue({ code: "custom", message: c.description, path: [path], input: value[path] });
  for (const key of c.require ?? []) if (!(key in value)) fail(key);
  for (const key of c.forbid ?? []) if (key in value) fail(key);
  for (const [key, pattern] of Object.entries(c.patterns ?? {})) {
    const v = value[key];
    if (typeof v === "string" && !new RegExp(pattern, "u").test(v)) fail(key);
  }
  for (const [key, values] of Object.entries(c.allowed ?? {})) {
    const v = value[key];
    if (key in value && (typeof v !== "string" || !values.includes(v))) fail(key);
  }
}

/** Attaches conditionals to an object schema, in both forms. */
export function withConditionals<T extends z.ZodObject>(object: T, conditionals: readonly Conditional[]) {
  return object
    .superRefine((value, ctx) => {
      for (const c of conditionals) checkConditional(c, value as Record<string, unknown>, ctx);
    })
    .meta({ allOf: conditionals.map(conditionalToJsonSchema) });
}

/** Properties that must be given together or not at all (`dependentRequired`). */
export function together<T extends z.ZodObject>(object: T, keys: readonly string[], description: string) {
  const dependentRequired: Record<string, string[]> = {};
  for (const key of keys) dependentRequired[key] = keys.filter((k) => k !== key);
  return object
    .superRefine((value, ctx) => {
      const present = keys.filter((k) => k in (value as Record<string, unknown>));
      if (present.length > 0 && present.length < keys.length) {
        for (const k of keys.filter((k) => !present.includes(k)))
          ctx.addIssue({ code: "custom", message: description, path: [k], input: undefined });
      }
    })
    .meta({ dependentRequired, description });
}
