/**
 * GitHub's issue form syntax, as its documentation states it ("Syntax for issue
 * forms", "Syntax for GitHub's form schema" and "Common validation errors when
 * creating issue forms"): GitHub checks a form only when it is pushed, and a
 * form it refuses is silently left out of the "New issue" page. No maintained
 * package checks it (SchemaStore's schema is not on npm as data), so this is
 * the documented rules, each with the error GitHub shows, tested on its own
 * invalid cases in test/github/forms.test.ts.
 */
import { parse } from "yaml";

const TOP_KEYS = new Set(["name", "description", "body", "assignees", "labels", "title", "projects", "type"]);
const ATTRIBUTES: Record<string, readonly string[]> = {
  markdown: ["value"],
  input: ["label", "description", "placeholder", "value"],
  textarea: ["label", "description", "placeholder", "value", "render"],
  dropdown: ["label", "description", "multiple", "options", "default"],
  checkboxes: ["label", "description", "options"],
};
// YAML 1.1 booleans: GitHub refuses them as keys (and as dropdown options).
const BOOLEAN_WORDS = new Set("y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF".split(" "));

const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
/** Rails' parameterize, which GitHub uses to make a reference from a label without an id. */
const parameterize = (label: string) => label.toLowerCase().replace(/[^a-z0-9\-_]+/g, "-").replace(/-{2,}/g, "-").replace(/^-|-$/g, "");

/** The errors GitHub would report for an issue form's text; empty when it accepts it. */
export function issueFormErrors(text: string): string[] {
  const errors: string[] = [];
  let form: unknown;
  try {
    // YAML 1.1, as GitHub reads forms: `yes` is a boolean there.
    form = parse(text, { version: "1.1", uniqueKeys: true });
  } catch (error) {
    return [`not YAML: ${(error as Error).message}`];
  }
  if (typeof form !== "object" || form === null || Array.isArray(form)) return ["a form is a mapping of top-level keys"];
  const top = form as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (BOOLEAN_WORDS.has(key)) errors.push(`\`${key}\` is a forbidden key`);
    else if (!TOP_KEYS.has(key)) errors.push(`\`${key}\` is not a permitted key`);
  }
  for (const key of ["name", "description"]) {
    if (!(key in top)) errors.push(`required top level key \`${key}\` is missing`);
    else if (!nonEmpty(top[key])) errors.push(`\`${key}\` must be a string`);
  }
  if (top.title !== undefined && !nonEmpty(top.title)) errors.push("`title` must be a string");
  for (const key of ["labels", "assignees", "projects"]) {
    const v = top[key];
    if (v === undefined) continue;
    const list = typeof v === "string" ? v.split(",") : v;
    if (!Array.isArray(list) || !list.every(nonEmpty)) errors.push(`\`${key}\` must be a string or a list of strings`);
  }
  if (!Array.isArray(top.body) || top.body.length === 0) {
    errors.push("body cannot be empty");
    return errors;
  }
  const ids = new Set<string>();
  const references = new Map<string, number>();
  let inputs = 0;
  top.body.forEach((raw: unknown, i: number) => {
    const at = `body[${i}]`;
    if (typeof raw !== "object" || raw === null) return errors.push(`${at}: a block is a mapping`);
    const block = raw as Record<string, unknown>;
    for (const key of Object.keys(block)) if (!["type", "id", "attributes", "validations"].includes(key)) errors.push(`${at}: \`${key}\` is not a permitted key`);
    const type = block.type;
    if (type === undefined) return errors.push(`${at}: required key type is missing`);
    if (typeof type !== "string" || !(type in ATTRIBUTES)) return errors.push(`${at}: \`${String(type)}\` is not a valid input type`);
    const attributes = (block.attributes ?? {}) as Record<string, unknown>;
    if (typeof attributes !== "object" || attributes === null) return errors.push(`${at}: attributes must be a mapping`);
    for (const key of Object.keys(attributes)) if (!ATTRIBUTES[type]!.includes(key)) errors.push(`${at}: \`${key}\` is not a permitted attribute`);
    if (type === "markdown") {
      if (block.id !== undefined) errors.push(`${at}: \`id\` is not a permitted key on markdown`);
      if (block.validations !== undefined) errors.push(`${at}: \`validations\` is not a permitted key on markdown`);
      if (!nonEmpty(attributes.value)) errors.push(`${at}: required attribute key \`value\` is missing`);
      return;
    }
    inputs++;
    if (block.id !== undefined) {
      if (typeof block.id !== "string" || !/^[A-Za-z0-9_-]+$/.test(block.id)) errors.push(`${at}: \`id\` can only contain numbers, letters, -, _`);
      else if (ids.has(block.id)) errors.push(`${at}: body must have unique ids (\`${block.id}\`)`);
      else ids.add(block.id);
    }
    if (!nonEmpty(attributes.label)) errors.push(`${at}: label must be a string`);
    else {
      if ((type === "input" || type === "textarea") && /password/i.test(attributes.label)) errors.push(`${at}: \`label\` contains forbidden word`);
      const reference = typeof block.id === "string" ? block.id : parameterize(attributes.label);
      const labels = [attributes.label];
      if (type === "checkboxes" && Array.isArray(attributes.options))
        for (const o of attributes.options) if (o && typeof o === "object" && nonEmpty((o as { label?: unknown }).label)) labels.push((o as { label: string }).label);
      for (const label of labels) {
        const key = `label:${label}`;
        if (references.has(key) && block.id === undefined) errors.push(`${at}: body must have unique labels (\`${label}\`)`);
        references.set(key, i);
      }
      if (references.has(`ref:${reference}`)) errors.push(`${at}: labels are too similar (\`${attributes.label}\` makes the reference \`${reference}\`)`);
      references.set(`ref:${reference}`, i);
    }
    for (const key of ["description", "placeholder", "value", "render"]) if (attributes[key] !== undefined && !nonEmpty(attributes[key])) errors.push(`${at}: ${key} must be a string`);
    if (block.validations !== undefined) {
      const v = block.validations as Record<string, unknown>;
      if (typeof v !== "object" || v === null || Object.keys(v).some((k) => k !== "required") || (v.required !== undefined && typeof v.required !== "boolean"))
        errors.push(`${at}: validations take one key, required: true|false`);
    }
    if (type === "dropdown" || type === "checkboxes") {
      const options = attributes.options;
      if (!Array.isArray(options) || options.length === 0) return errors.push(`${at}: required attribute key \`options\` is missing`);
      const texts = type === "dropdown" ? options : options.map((o) => (o && typeof o === "object" ? (o as { label?: unknown }).label : undefined));
      if (type === "dropdown" && options.some((o) => typeof o === "boolean")) errors.push(`${at}: \`options\` must not include booleans. Please wrap values such as 'yes', and 'true' in quotes`);
      else if (!texts.every(nonEmpty)) errors.push(`${at}: every option must be a non-empty string${type === "checkboxes" ? " label" : ""}`);
      if (new Set(texts).size !== texts.length) errors.push(`${at}: \`options\` must be unique`);
      if (type === "dropdown" && texts.some((t) => typeof t === "string" && t.trim().toLowerCase() === "none")) errors.push(`${at}: \`options\` must not include the reserved word, none`);
      if (type === "dropdown" && attributes.multiple !== undefined && typeof attributes.multiple !== "boolean") errors.push(`${at}: multiple must be a boolean`);
      if (type === "dropdown" && attributes.default !== undefined && !(Number.isInteger(attributes.default) && (attributes.default as number) >= 0 && (attributes.default as number) < options.length))
        errors.push(`${at}: default must be the index of an option`);
      if (type === "checkboxes")
        for (const o of options) if (o && typeof o === "object" && Object.keys(o).some((k) => k !== "label" && k !== "required")) errors.push(`${at}: a checkbox takes label and required only`);
    }
  });
  if (inputs === 0) errors.push("body must contain at least one non-markdown field");
  return errors;
}

/** The errors GitHub would report for .github/ISSUE_TEMPLATE/config.yml. */
export function issueConfigErrors(text: string): string[] {
  const config = parse(text, { version: "1.1", uniqueKeys: true }) as Record<string, unknown> | null;
  if (typeof config !== "object" || config === null) return ["config.yml is a mapping"];
  const errors: string[] = [];
  for (const key of Object.keys(config)) if (key !== "blank_issues_enabled" && key !== "contact_links") errors.push(`\`${key}\` is not a permitted key`);
  if (config.blank_issues_enabled !== undefined && typeof config.blank_issues_enabled !== "boolean") errors.push("blank_issues_enabled must be a boolean");
  if (config.contact_links !== undefined) {
    if (!Array.isArray(config.contact_links)) errors.push("contact_links must be a list");
    else
      config.contact_links.forEach((l: Record<string, unknown>, i: number) => {
        for (const key of ["name", "url", "about"]) if (!nonEmpty(l?.[key])) errors.push(`contact_links[${i}]: ${key} must be a string`);
        if (nonEmpty(l?.url) && !/^https?:\/\//.test(l.url)) errors.push(`contact_links[${i}]: url must be an http(s) address`);
      });
  }
  return errors;
}
