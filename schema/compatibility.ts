/**
 * What changed between two JSON Schemas, and what version bump it needs.
 *
 * The rule (semantic versioning of a data schema, as SchemaVer's
 * MODEL-REVISION-ADDITION puts it): a change is **additive** when every
 * record valid under the old schema is still valid under the new one (an
 * optional field, a new enum value, a looser bound: a minor bump); it is
 * **breaking** when some valid old record may no longer be (a field removed,
 * renamed, retyped or made required, a constraint tightened: a major bump).
 * Changes to descriptions and titles are **documentation** (a patch bump).
 * A keyword this module does not understand, changed, counts as breaking.
 */

export type ChangeClass = "breaking" | "additive" | "documentation";
export type Bump = "major" | "minor" | "patch" | "none";

export interface SchemaChange {
  /** JSON Pointer into the schema, of the node that changed. */
  pointer: string;
  class: ChangeClass;
  /** What changed, in words. */
  detail: string;
}

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;
const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Lower bounds: raising or adding one tightens; upper bounds: lowering or adding one does. */
const LOWER = ["minLength", "minItems", "minimum", "exclusiveMinimum", "minProperties"] as const;
const UPPER = ["maxLength", "maxItems", "maximum", "exclusiveMaximum", "maxProperties"] as const;
const DOCUMENTATION = ["description", "title", "$id", "$schema", "$comment", "examples", "default", "deprecated"] as const;
/** Keywords compared below; any other that differs is reported as a breaking change of an unknown kind. */
const HANDLED = new Set<string>([
  ...LOWER,
  ...UPPER,
  ...DOCUMENTATION,
  "type",
  "const",
  "enum",
  "pattern",
  "format",
  "uniqueItems",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "allOf",
  "dependentRequired",
]);

/** The field that names a record's schema version: its `const` changes with every version, by design. */
const VERSION_MARKER = "/properties/schema_version";

function types(node: Node): string[] {
  const t = node.type;
  return t === undefined ? [] : Array.isArray(t) ? t.map(String) : [String(t)];
}

function compareNodes(a: Node, b: Node, pointer: string, out: SchemaChange[]): void {
  const add = (cls: ChangeClass, detail: string, at = pointer) => out.push({ pointer: at || "/", class: cls, detail });

  for (const key of DOCUMENTATION) if (!same(a[key], b[key])) add("documentation", `\`${key}\` changed`);

  // Types: one taken away narrows; one added widens (a node without `type` allows every type).
  const [ta, tb] = [types(a), types(b)];
  if (!same(ta, tb)) {
    const was = ta.join(" | ") || "any";
    const now = tb.join(" | ") || "any";
    // An integer is a number: `integer` -> `number` loses nothing.
    const lost = ta.length === 0 ? ["any"] : tb.length === 0 ? [] : ta.filter((t) => !tb.includes(t) && !(t === "integer" && tb.includes("number")));
    add(lost.length > 0 ? "breaking" : "additive", `type ${show(was)} became ${show(now)}`);
  }

  if (!same(a.const, b.const)) {
    if (pointer === VERSION_MARKER) add("documentation", `the version a record names: ${show(a.const)} -> ${show(b.const)} (records migrate)`);
    else if (b.const === undefined) add("additive", `\`const\` ${show(a.const)} removed`);
    else add("breaking", a.const === undefined ? `\`const\` ${show(b.const)} added` : `\`const\` ${show(a.const)} became ${show(b.const)}`);
  }

  if (!same(a.enum, b.enum)) {
    const ea = Array.isArray(a.enum) ? a.enum : undefined;
    const eb = Array.isArray(b.enum) ? b.enum : undefined;
    if (!eb) add("additive", "`enum` removed: any value of the type is allowed");
    else if (!ea) add("breaking", `\`enum\` added: only ${eb.map(show).join(", ")}`);
    else {
      const removed = ea.filter((v) => !eb.some((w) => same(v, w)));
      const added = eb.filter((v) => !ea.some((w) => same(v, w)));
      if (removed.length > 0) add("breaking", `enum values removed: ${removed.map(show).join(", ")}`);
      if (added.length > 0) add("additive", `enum values added: ${added.map(show).join(", ")}`);
    }
  }

  for (const key of ["pattern", "format"] as const) {
    if (same(a[key], b[key])) continue;
    if (b[key] === undefined) add("additive", `\`${key}\` ${show(a[key])} removed`);
    else add("breaking", a[key] === undefined ? `\`${key}\` ${show(b[key])} added` : `\`${key}\` ${show(a[key])} became ${show(b[key])}`);
  }

  for (const [keys, tighter] of [
    [LOWER, (x: number, y: number) => y > x],
    [UPPER, (x: number, y: number) => y < x],
  ] as const) {
    for (const key of keys) {
      const [x, y] = [a[key], b[key]];
      if (same(x, y)) continue;
      if (y === undefined) add("additive", `\`${key}\` ${show(x)} removed`);
      else if (x === undefined) add("breaking", `\`${key}\` ${show(y)} added`);
      else add(tighter(Number(x), Number(y)) ? "breaking" : "additive", `\`${key}\` ${show(x)} became ${show(y)}`);
    }
  }

  if (Boolean(a.uniqueItems) !== Boolean(b.uniqueItems)) add(b.uniqueItems ? "breaking" : "additive", b.uniqueItems ? "items must now be unique" : "items no longer need to be unique");

  // Properties and which are required.
  const pa = isNode(a.properties) ? a.properties : {};
  const pb = isNode(b.properties) ? b.properties : {};
  const ra = new Set(Array.isArray(a.required) ? a.required.map(String) : []);
  const rb = new Set(Array.isArray(b.required) ? b.required.map(String) : []);
  for (const key of Object.keys(pa)) {
    const at = `${pointer}/properties/${escape(key)}`;
    if (!(key in pb)) add("breaking", `property \`${key}\` removed`, at);
    else if (isNode(pa[key]) && isNode(pb[key])) compareNodes(pa[key] as Node, pb[key] as Node, at, out);
    else if (!same(pa[key], pb[key])) add(pb[key] === true ? "additive" : "breaking", `property \`${key}\` became ${show(pb[key])}`, at);
  }
  for (const key of Object.keys(pb)) {
    if (key in pa) continue;
    const at = `${pointer}/properties/${escape(key)}`;
    add(rb.has(key) ? "breaking" : "additive", rb.has(key) ? `required property \`${key}\` added` : `optional property \`${key}\` added`, at);
  }
  for (const key of rb) if (!ra.has(key) && key in pa) add("breaking", `property \`${key}\` is now required`);
  for (const key of ra) if (!rb.has(key) && key in pb) add("additive", `property \`${key}\` is no longer required`);

  // Other properties: closed (false) is the strictest.
  const [xa, xb] = [a.additionalProperties, b.additionalProperties];
  if (!same(xa, xb)) {
    if (isNode(xa) && isNode(xb)) compareNodes(xa, xb, `${pointer}/additionalProperties`, out);
    else if (xb === false) add("breaking", "other properties are no longer allowed");
    else if (xa === false) add("additive", "other properties are now allowed");
    else add("breaking", `\`additionalProperties\` became ${show(xb)}`);
  }

  if (!same(a.items, b.items)) {
    if (isNode(a.items) && isNode(b.items)) compareNodes(a.items, b.items, `${pointer}/items`, out);
    else if (b.items === undefined) add("additive", "`items` constraint removed");
    else add("breaking", "`items` constraint added or replaced");
  }

  // Rules between fields (allOf of if/then): one taken away loosens, one added tightens.
  const la = Array.isArray(a.allOf) ? a.allOf : [];
  const lb = Array.isArray(b.allOf) ? b.allOf : [];
  const label = (rule: unknown) => {
    const then = isNode(rule) && isNode(rule.then) ? rule.then : undefined;
    return then?.description ? `"${String(then.description)}"` : JSON.stringify(rule);
  };
  for (const rule of la) if (!lb.some((r) => same(r, rule))) add("additive", `rule removed or changed: ${label(rule)}`, `${pointer}/allOf`);
  // A rule whose only demand is that properties the old schema did not allow stay absent loosens nothing for old records.
  const forbidsOnlyNew = (rule: unknown) => {
    const then = isNode(rule) && isNode(rule.then) ? rule.then : undefined;
    if (!then || !isNode(then.properties) || a.additionalProperties !== false) return false;
    if (Object.keys(then).some((k) => k !== "description" && k !== "properties")) return false;
    return Object.entries(then.properties).every(([key, value]) => value === false && !(key in pa));
  };
  for (const rule of lb)
    if (!la.some((r) => same(r, rule)))
      if (forbidsOnlyNew(rule)) add("additive", `rule added that only limits where new properties may appear (no record valid before is affected): ${label(rule)}`, `${pointer}/allOf`);
      else add("breaking", `rule added or changed: ${label(rule)}`, `${pointer}/allOf`);

  const da = isNode(a.dependentRequired) ? a.dependentRequired : {};
  const db = isNode(b.dependentRequired) ? b.dependentRequired : {};
  for (const key of new Set([...Object.keys(da), ...Object.keys(db)])) {
    const [x, y] = [(da[key] ?? []) as string[], (db[key] ?? []) as string[]];
    if (y.some((k) => !x.includes(k))) add("breaking", `\`${key}\` now also needs ${y.filter((k) => !x.includes(k)).map(show).join(", ")}`);
    if (x.some((k) => !y.includes(k))) add("additive", `\`${key}\` no longer needs ${x.filter((k) => !y.includes(k)).map(show).join(", ")}`);
  }

  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (!HANDLED.has(key) && !same(a[key], b[key])) add("breaking", `\`${key}\` changed (a keyword this check does not interpret: treated as breaking)`);
}

/** Every change from schema `a` to schema `b`, breaking ones first, then additive, then documentation. */
export function diffSchemas(a: Node, b: Node): SchemaChange[] {
  const out: SchemaChange[] = [];
  compareNodes(a, b, "", out);
  const order: ChangeClass[] = ["breaking", "additive", "documentation"];
  return out.map((c, i) => ({ c, i })).sort((x, y) => order.indexOf(x.c.class) - order.indexOf(y.c.class) || x.i - y.i).map(({ c }) => c);
}

/** The smallest version bump that the changes allow. */
export function requiredBump(changes: readonly SchemaChange[]): Bump {
  if (changes.some((c) => c.class === "breaking")) return "major";
  if (changes.some((c) => c.class === "additive")) return "minor";
  return changes.length > 0 ? "patch" : "none";
}

const BUMPS: Bump[] = ["none", "patch", "minor", "major"];

/** The bump from one version to another (`none` when the second is not later). */
export function declaredBump(from: string, to: string): Bump {
  const [a, b] = [from, to].map((v) => v.split(".").map(Number)) as [number[], number[]];
  if (b[0]! > a[0]!) return "major";
  if (b[0] === a[0] && b[1]! > a[1]!) return "minor";
  if (b[0] === a[0] && b[1] === a[1] && b[2]! > a[2]!) return "patch";
  return "none";
}

/** Whether a declared bump is enough for the changes (a larger bump than needed is allowed). */
export function bumpSuffices(declared: Bump, required: Bump): boolean {
  return BUMPS.indexOf(declared) >= BUMPS.indexOf(required);
}
