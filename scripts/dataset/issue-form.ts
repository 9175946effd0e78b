/**
 * Reads a submitted issue form (.github/ISSUE_TEMPLATE/new-event.yml) back
 * into the values `eventwire new event` takes as flags.
 *
 * GitHub writes a submitted form as Markdown: for each field, in template
 * order, `### <label>`, a blank line and the answer; `_No response_` for an
 * empty answer; a dropdown's option text (several, comma-separated); a
 * checkbox as `- [X] <text>` or `- [ ] <text>`; bodies arrive with CRLF. The
 * body is read by the template's own labels in order (schema/issue-form.ts),
 * so that an answer holding a line `### Something` does not cut a field, and
 * nothing in it is interpreted: every answer is text.
 */
import { code, type Part } from "../core/parts.ts";
import { suggest } from "../core/suggest.ts";
import { issueFormFields, type IssueFormField } from "../../schema/issue-form.ts";
import { ROLES } from "../../schema/index.ts";
import { slug } from "./mint-id.ts";
import { nameKey, outletOfUrl, type RegistryNames } from "./registry-names.ts";

/** GitHub caps an issue body at 65,536 characters; a body over 64 KB is refused unread. */
export const MAX_ISSUE_BODY_BYTES = 64 * 1024;
export const NO_RESPONSE = "_No response_";

export interface IssueForm {
  /** Each field's answer by id: the text as written (lines joined by `\n`), undefined when left empty. */
  answers: Map<string, string | undefined>;
  /** Each checkbox field's options: whether it was ticked. */
  ticked: Map<string, boolean[]>;
}

export type IssueFormRead = { ok: true; form: IssueForm } | { ok: false; problems: string[] };

/** The field's label as a message names it. */
const named = (field: IssueFormField) => `"${field.label}"`;

/** Reads a body's answers by the form's fields, in order; a body not from the form (or cut, or reordered) is refused, saying why. */
export function readIssueForm(body: string, fields: readonly IssueFormField[] = issueFormFields()): IssueFormRead {
  if (Buffer.byteLength(body) > MAX_ISSUE_BODY_BYTES) return { ok: false, problems: [`the issue body is larger than ${MAX_ISSUE_BODY_BYTES / 1024} KB; a new event needs much less: open a new issue with the form`] };
  const lines = body.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n").split("\n");
  // Every line that is one of the form's headings, by field.
  const at: number[][] = fields.map(() => []);
  const byHeading = new Map(fields.map((f, i) => [`### ${f.label}`, i]));
  lines.forEach((line, n) => {
    const i = byHeading.get(line.trimEnd());
    if (i !== undefined) at[i]!.push(n);
  });
  const missing = fields.filter((_, i) => at[i]!.length === 0);
  if (missing.length === fields.length) return { ok: false, problems: ["the issue body is not the new-event form's (none of its headings): open a new issue and choose the form \"New event\""] };
  if (missing.length > 0) return { ok: false, problems: [`the issue body lacks the form's heading${missing.length > 1 ? "s" : ""} ${missing.map((f) => `"### ${f.label}"`).join(", ")}: edit the issue to put ${missing.length > 1 ? "them" : "it"} back, or open a new one with the form`] };
  // The latest place each heading can be at with the later ones after it, in order.
  const latest: number[] = new Array<number>(fields.length);
  for (let i = fields.length - 1; i >= 0; i--) {
    const before = i === fields.length - 1 ? Infinity : latest[i + 1]!;
    const candidates = at[i]!.filter((n) => n < before);
    if (candidates.length === 0) return { ok: false, problems: [`the issue body's headings are not in the form's order (${named(fields[i]!)} comes after ${named(fields[i + 1]!)}): open a new issue with the form`] };
    latest[i] = candidates[candidates.length - 1]!;
  }
  // A heading after a one-line answer is the first one found; after a text area (where anything can be typed, `### Title`
  // included) the latest one that leaves the later headings in order: a heading typed in an answer never cuts it.
  const start: number[] = [];
  for (let i = 0; i < fields.length; i++) {
    if (i === 0 || fields[i - 1]!.type !== "textarea") start.push(at[i]!.find((n) => n > (i === 0 ? -1 : start[i - 1]!) && n <= latest[i]!)!);
    else start.push(latest[i]!);
  }
  const problems: string[] = [];
  const form: IssueForm = { answers: new Map(), ticked: new Map() };
  fields.forEach((field, i) => {
    const text = lines
      .slice(start[i]! + 1, i + 1 < fields.length ? start[i + 1]! : lines.length)
      .join("\n")
      .replace(/^\s*\n|\n\s*$/g, "")
      .trim();
    if (field.type === "checkboxes") {
      const ticks = (field.checks ?? []).map((label) => text.split("\n").some((line) => line.trim() === `- [X] ${label}` || line.trim() === `- [x] ${label}`));
      form.ticked.set(field.id, ticks);
      return;
    }
    const typed = text === "" || text === NO_RESPONSE ? undefined : field.render !== undefined ? unfenced(text) : text;
    // A title or summary typed over several lines (the record's text allows no line break) is one line, its lines joined with single spaces.
    const answer = typed !== undefined && field.joinLines ? typed.split("\n").map((line) => line.trim()).filter((line) => line !== "").join(" ") : typed;
    if (answer !== undefined && field.type !== "textarea" && answer.includes("\n")) problems.push(`${named(field)} must be one line`);
    form.answers.set(field.id, answer);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, form };
}

/** A `render:` text area's answer without the fence GitHub puts around it (```lang ... ```); as it is when it has none. */
function unfenced(text: string): string {
  const m = /^(`{3,})[^`\n]*\n([\s\S]*?)\n?\1$/.exec(text);
  return m ? m[2]! : text;
}

/**
 * A note for the issue's comment, and whom it is for: `you`, the contributor (what they may want to check
 * or correct by editing the issue), or `maintainer` (a registry entry to add in the pull request).
 */
export interface IssueNote {
  for: "you" | "maintainer";
  parts: Part[];
}

/** The values of `eventwire new event`'s flags a form gives, what stops it, and what was matched (to tell the contributor). */
export interface IssueValues {
  values: Record<string, string | string[] | undefined>;
  /** Built from parts, so that a value from the issue is shown as code wherever the problem lands (core/parts.ts). */
  problems: Part[][];
  notes: IssueNote[];
}

/** A dropdown's answer as the value it stands for: its option's, or (a body edited by hand) the answer's first word. */
function dropdownValue(field: IssueFormField, answer: string): string {
  const option = field.options?.find((o) => o.text === answer);
  if (option) return option.value;
  return answer.split(/[:\s]/)[0] ?? answer;
}

/** Ids as code, comma-separated. */
const listed = (ids: readonly string[]): Part[] => ids.flatMap((id, i) => (i === 0 ? [code(id)] : [", ", code(id)]));

/** A name's key without a leading article ("the US" is "us"): how a near match is looked for. */
const withoutArticle = (key: string) => key.replace(/^(?:the|la|le|les|el|los|las|die|der|das) /, "");

/** The registry id a name not found exactly comes close to: by its name or alias without an article, or a near spelling of a name, alias or id. */
function nearActor(name: string, registries: RegistryNames): { id: string; by: string } | undefined {
  const key = nameKey(name);
  const bare = withoutArticle(key);
  const exact = registries.actorsByName.get(bare);
  if (bare !== key && exact?.length === 1) return { id: exact[0]!, by: bare };
  const names = suggest(key, registries.actorsByName.keys());
  const ids = registries.actorsByName.get(names ?? "");
  if (names !== undefined && ids?.length === 1) return { id: ids[0]!, by: names };
  const id = suggest(slug(name), registries.actorIds);
  return id !== undefined ? { id, by: id } : undefined;
}

/** The id an actor line names: its id, or the one entry whose name or alias it is. */
function actorId(name: string, registries: RegistryNames, problems: Part[][], notes: IssueNote[]): string | undefined {
  if (registries.actorIds.has(name)) return name;
  const matches = registries.actorsByName.get(nameKey(name)) ?? [];
  if (matches.length === 1) {
    notes.push({ for: "you", parts: ["actor ", code(name), " is ", code(matches[0]!), " in data/actors/"] });
    return matches[0];
  }
  if (matches.length > 1) {
    problems.push(["actor ", code(name), " could be any of ", ...listed(matches), ": write the id of the one you mean"]);
    return undefined;
  }
  const id = slug(name);
  if (!id) {
    problems.push(["no id can be made from the actor name ", code(name), " (ids use a-z, 0-9 and -): write the id it should have, e.g. its transliteration"]);
    return undefined;
  }
  // Close to an entry: likely a typo or a short form, for the contributor to confirm by writing the id.
  const near = nearActor(name, registries);
  if (near !== undefined) {
    const parts: Part[] = ["actor ", code(name), " is in no registry entry; did you mean ", code(near.id)];
    if (near.by !== near.id) parts.push(" (", code(near.by), " in data/actors/)");
    parts.push("? If so, write that id in the issue");
    notes.push({ for: "you", parts });
  } else notes.push({ for: "maintainer", parts: ["actor ", code(name), " is in no registry entry: the record names it ", code(id), "; add data/actors/", id, ".yaml in the pull request"] });
  return id;
}

/** An actor line's name and the role written with it: after `:`, ` - `, ` – ` or ` — `, or in parentheses (`Kazakhstan (recipient)`). */
function actorLine(line: string): { name: string; role?: string } {
  const paren = /^(.*\S)\s*\(\s*([\p{L}]+)\s*\)$/u.exec(line);
  if (paren && (ROLES.includes(paren[2]!.toLowerCase() as (typeof ROLES)[number]) || suggest(paren[2]!.toLowerCase(), ROLES) !== undefined))
    return { name: paren[1]!.trim(), role: paren[2]!.toLowerCase() };
  const colon = line.lastIndexOf(":");
  if (colon >= 0) return { name: line.slice(0, colon).trim(), role: line.slice(colon + 1).trim().toLowerCase() };
  const dash = /^(.*\S)\s+[-\u2013\u2014]\s+([\p{L}]+)$/u.exec(line);
  if (dash) return { name: dash[1]!.trim(), role: dash[2]!.toLowerCase() };
  return { name: line };
}

/**
 * The flags of a submitted form, with names mapped to registry ids: an actor
 * by its id or by a name or alias that matches exactly (case and accents
 * aside), an outlet by its id, its name, or the domain of the report's address.
 */
export function issueValues(form: IssueForm, registries: RegistryNames, fields: readonly IssueFormField[] = issueFormFields()): IssueValues {
  const values: IssueValues["values"] = {};
  const problems: Part[][] = [];
  const notes: IssueNote[] = [];
  for (const field of fields) {
    if (field.type === "checkboxes") {
      const ticks = form.ticked.get(field.id) ?? [];
      (field.checks ?? []).forEach((label, i) => {
        if (!ticks[i]) problems.push([`${named(field)}: "${label}" is not ticked; tick it (edit the issue) if it is true`]);
      });
      continue;
    }
    const answer = form.answers.get(field.id);
    if (field.flag === undefined || answer === undefined) continue;
    if (field.id === "actors") {
      const actors: string[] = [];
      for (const raw of answer.split("\n")) {
        // A list the contributor made a Markdown list of: its bullet is no part of the name.
        const line = raw.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim();
        if (line === "") continue;
        const { name, role } = actorLine(line);
        if (role !== undefined && !ROLES.includes(role as (typeof ROLES)[number])) {
          const near = suggest(role, ROLES);
          problems.push([`${named(field)}: `, code(role), " (for ", code(name), `) is not a role; one of ${ROLES.join(", ")}.`, ...(near !== undefined ? [" Did you mean ", code(near), "?"] : [])]);
          continue;
        }
        const id = actorId(name, registries, problems, notes);
        if (id === undefined) continue;
        // No role written: the first actor is the initiator, the others recipients (as with --actor); said, to be checked.
        if (role === undefined)
          notes.push({ for: "you", parts: ["actor ", code(name), ` has no role written: taken as the ${actors.length === 0 ? "initiator" : "recipient"}; write one after a colon if that is wrong`] });
        actors.push(role === undefined ? id : `${id}:${role}`);
      }
      values.actor = actors;
      continue;
    }
    values[field.flag] = field.type === "dropdown" ? dropdownValue(field, answer) : answer;
  }
  // A place named without its precision: asked for, not guessed (a city, a region?); the country alone needs none.
  if (values.place !== undefined && values["place-precision"] === undefined) {
    const field = fields.find((f) => f.flag === "place-precision");
    const choices = (field?.options ?? []).map((o) => o.value).filter((p) => p !== "country");
    problems.push([`${field ? named(field) : "Place precision"}: give one when you name a place (one of ${choices.join(", ")})`]);
  }
  const url = typeof values.url === "string" ? values.url : undefined;
  const outlet = typeof values.outlet === "string" ? values.outlet : undefined;
  if (outlet !== undefined && !registries.outletIds.has(outlet)) {
    const matches = registries.outletsByName.get(nameKey(outlet)) ?? [];
    if (matches.length === 1) {
      notes.push({ for: "you", parts: ["outlet ", code(outlet), " is ", code(matches[0]!), " in data/outlets/"] });
      values.outlet = matches[0];
    } else if (matches.length > 1) problems.push(["outlet ", code(outlet), " could be any of ", ...listed(matches), ": write the id of the one you mean"]);
    else {
      const byUrl = url ? outletOfUrl(registries, url) : undefined;
      if (byUrl) {
        notes.push({ for: "you", parts: ["outlet ", code(outlet), " is taken as ", code(byUrl), ", whose domain the report's address is on"] });
        values.outlet = byUrl;
      } else if (slug(outlet)) {
        values.outlet = slug(outlet);
        notes.push({ for: "maintainer", parts: ["outlet ", code(outlet), " is in no registry entry: the record names it ", code(slug(outlet)), "; add data/outlets/", slug(outlet), ".yaml in the pull request"] });
      } else problems.push(["no id can be made from the outlet name ", code(outlet), ": write the id it should have"]);
    }
  } else if (outlet === undefined && url) {
    const byUrl = outletOfUrl(registries, url);
    if (byUrl) {
      notes.push({ for: "you", parts: ["the outlet is ", code(byUrl), ", whose domain the report's address is on"] });
      values.outlet = byUrl;
    } else notes.push({ for: "you", parts: ["no outlet in data/outlets/ has the domain of the report's address: name the outlet in the issue (\"Outlet\")"] });
  }
  return { values, problems, notes };
}

/** A message of eventwire new's checks (`--type must be ...`) as the form's contributor knows the field (`"Event type" must be ...`). */
export function withFieldLabels(message: string, fields: readonly IssueFormField[] = issueFormFields()): string {
  return message.replace(/^--([a-z-]+)(:?) /, (whole, flag: string, colon: string) => {
    const field = fields.find((f) => f.flag === flag);
    return field ? `${named(field)}${colon} ` : whole;
  });
}
