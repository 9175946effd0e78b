/**
 * PLOVER JSON records: the PLOVER gold standard (a JSON array whose objects
 * may end with a trailing comma) or one record a line (JSON Lines). Each
 * record is a sentence coded with its source and target actors, a PLOVER
 * category, mode and context. Codes and names come from
 * schema/mappings/plover.yaml.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import { loadMapping } from "../../../schema/mappings.ts";
import { EVENT_TYPES } from "../../../schema/vocabularies/plover.ts";
import { countryCodeOfAlpha2, countryCodeOfName, countryName, isCountryCode } from "../../core/countries.ts";
import { isCalendarDate } from "../../core/dates.ts";
import { UsageError } from "../../core/io.ts";
import { describeError } from "../../core/regular-file.ts";
import { checkInputFile, numberedLines } from "../read.ts";
import { shorten } from "../text.ts";
import type { ActorKind, ActorRef, DraftLocation, ImportFormat, MapContext, MapResult, SourceRow } from "../types.ts";

type Jsonc = typeof import("jsonc-parser");
const jsonc = () => createRequire(import.meta.url)("jsonc-parser") as Jsonc;

/** The gold standard is read whole (it is a single JSON array); a file this large is refused with its size. */
const MAX_ARRAY_BYTES = 256 * 1024 * 1024;

const mapping = loadMapping("plover");
const table = (name: string) => mapping.tables[name]!;

const TYPE_CODES = EVENT_TYPES.map((t) => t.code) as [string, ...string[]];
const EventTypeEntry = z.object({ event_type: z.enum(TYPE_CODES), mode: z.string().optional(), note: z.string().optional() }).strict();
const KIND = z.enum(["person", "organization", "state", "group"]);
const SectorEntry = z.object({ kind: KIND, name: z.string().optional() }).strict();
const CodeEntry = z.object({ kind: KIND }).strict();

const eventTypes = z.record(z.string(), EventTypeEntry).parse(table("event_types").map);
const modes = z.record(z.string(), z.string()).parse(table("modes").map);
const contexts = z.record(z.string(), z.string()).parse(table("contexts").map);
const sectors = z.record(z.string(), SectorEntry).parse(table("sectors").map);
const codes = z.record(z.string(), CodeEntry).parse(table("codes").map);
const countries = z.record(z.string(), z.string()).parse(table("countries").map);
const templates = z.object({ title: z.string(), title_without_text: z.string(), summary: z.string(), recipients_clause: z.string() }).strict().parse(table("templates").map);

export type PloverRecord = Record<string, unknown>;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, key: string) => values[key] ?? "");
}

/** A list of names as a sentence writes it: "A", "A and B", "A, B and C". */
function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}


const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
/** A name or label: white space runs made one space (the gold standard has "NATO  peacekeeping troops"); quotes keep theirs. */
const label = (value: unknown): string | undefined => text(value)?.replace(/\s+/g, " ");

/** One PLOVER actor to a reference the run resolves; undefined (and counted) when it names no one. */
function actorRef(actor: unknown, context: MapContext): ActorRef | undefined {
  if (actor === null || typeof actor !== "object") return undefined;
  const a = actor as Record<string, unknown>;
  const name = label(a.actorText);
  const code = text(a.code)?.toUpperCase();
  const sectorCode = text(a.sector);
  if (!name && !code) return undefined;
  const base = sectorCode && sectorCode !== "***" ? sectorCode.slice(0, 3).toUpperCase() : undefined;
  const fullCode = [code, sectorCode && sectorCode !== "***" ? sectorCode : undefined].filter(Boolean).join(" ");
  if (code && isCountryCode(code)) {
    const country = countryName(code) ?? code;
    if (!base || sectors[base]?.kind === "state") {
      context.field("actors.country", "mapped");
      return { name: country, code, country: code, kind: "state" };
    }
    const sector = sectors[base];
    if (!sector) {
      context.unmapped("sectors", base);
      context.field("actors.kind", "defaulted");
      return { name: name ?? `${base} (${country})`, code: fullCode, country: code, kind: "group" };
    }
    context.field("actors.country", "mapped");
    const suffix = sectorCode!.length > 3 ? `, ${sectorCode!.slice(3)}` : "";
    return { name: `${sector.name ?? base} (${country}${suffix})`, code: fullCode, country: code, kind: sector.kind };
  }
  // Not a country: an organization or group named by its text (IGO, NGO...), or a code no table has.
  const known = code ? codes[code] : undefined;
  if (code && !known) {
    context.unmapped("codes", code);
    context.field("actors.country", "dropped");
  }
  const shown = name ?? code!;
  return { name: shown, code: `${code ?? ""}:${shown}`, kind: known?.kind ?? "group" };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value && typeof value === "object" ? [value] : [];
}

function location(value: unknown, context: MapContext): DraftLocation[] {
  if (value === undefined) return [];
  const loc = value as Record<string, unknown>;
  const name = label(loc?.name);
  if (!name) {
    context.field("locations", "dropped");
    return [];
  }
  const alpha2 = text(loc["country code"]);
  const fromCode = alpha2 ? countryCodeOfAlpha2(alpha2) : undefined;
  if (alpha2 && !fromCode) context.unmapped("country code", alpha2);
  // The name is looked up as a country only without a code (a place with a code is a place in that country).
  const asCountry = fromCode ? undefined : (countries[name] ?? countryCodeOfName(name));
  const country = fromCode ?? asCountry;
  if (!country) {
    context.field("locations", "dropped");
    return [];
  }
  context.field("locations", "mapped");
  return [{ name, country, precision: !fromCode && asCountry ? "country" : "city" }];
}

export function mapPlover(record: PloverRecord, context: MapContext): MapResult {
  const id = text(record.id);
  if (!id) return { ok: false, reason: "the record has no `id`" };
  const category = text(record.event);
  if (!category) return { ok: false, reason: `${id}: no \`event\` category` };
  if (table("event_types").unmappable?.[category]) return { ok: false, skip: true, reason: `${id}: ${table("event_types").unmappable![category]}` };
  const typeEntry = eventTypes[category];
  if (!typeEntry) {
    context.unmapped("event_types", category);
    return { ok: false, reason: `${id}: the category \`${category}\` is not in the event_types table` };
  }
  context.field("event_type", category === typeEntry.event_type ? "mapped" : "defaulted");
  const eventType = typeEntry.event_type;
  const allowed = EVENT_TYPES.find((t) => t.code === eventType)!.modes.map((m) => m.code);
  let mode = typeEntry.mode;
  const given = text(record.mode);
  if (given) {
    const key = `${eventType}/${given}`;
    const renamed = modes[key] ?? given;
    if (allowed.includes(renamed)) {
      mode = renamed;
      context.field("mode", "mapped");
    } else {
      context.field("mode", "dropped");
      context.unmapped("modes", key);
    }
  }

  const date = text(record.date);
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isCalendarDate(date)) return { ok: false, reason: `${id}: the date \`${String(record.date ?? "")}\` is not a calendar date written YYYY-MM-DD` };
  const tags: string[] = [];
  if (date === "2000-01-01") {
    context.field("date", "defaulted");
    tags.push("placeholder-date");
  } else context.field("date", "mapped");
  for (const raw of (text(record.context) ?? "").split(",")) {
    const c = raw.trim();
    if (!c) continue;
    if (table("contexts").unmappable?.[c]) {
      context.field("tags", "dropped");
      continue;
    }
    const tag = (contexts[c] ?? c).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    if (tag) tags.push(tag);
    context.field("tags", "mapped");
  }

  const initiators = asList(record.source).map((a) => actorRef(a, context)).filter((a): a is ActorRef => a !== undefined);
  const recipients = asList(record.target).map((a) => actorRef(a, context)).filter((a): a is ActorRef => a !== undefined);
  if (initiators.length === 0 && recipients.length === 0) return { ok: false, reason: `${id}: neither \`source\` nor \`target\` names an actor` };
  context.field("actors", "mapped");

  const sentence = text(record.text);
  const evidence: { source: number; claim: string; exact: string }[] = [];
  if (sentence && [...sentence].length <= 400) {
    evidence.push({ source: 0, claim: "event_type", exact: sentence });
    context.field("evidence", "mapped");
  } else if (sentence) context.field("evidence", "dropped");
  for (const dropped of ["dead", "injured", "size"]) if (record[dropped] !== undefined) context.field(dropped, "dropped");

  const publication = label(record.publication);
  if (!publication) return { ok: false, reason: `${id}: no \`publication\` (the source of the sentence)` };
  const language = text(record.language);
  context.field("sources.language", language ? "mapped" : "defaulted");

  const who = (list: ActorRef[]) => names([...new Set(list.map((a) => a.name))]);
  const eventText = label(record.eventText);
  const values = {
    initiators: who(initiators.length > 0 ? initiators : recipients),
    recipients: who(recipients),
    event_type: eventType,
    mode: mode ? `, ${mode}` : "",
    event_text: eventText ?? "",
    id,
  };
  const title = shorten(fill(eventText ? templates.title : templates.title_without_text, values), 120);
  const summary = shorten(fill(templates.summary, { ...values, recipients_clause: recipients.length > 0 && initiators.length > 0 ? fill(templates.recipients_clause, values) : "" }), 600);

  return {
    ok: true,
    draft: {
      originId: id,
      date: { start: date, precision: "day" },
      eventType,
      ...(mode ? { mode } : {}),
      // A record with targets only (the perpetrator unnamed, as in "civilians were killed") has recipients only.
      actors: [...initiators.map((ref) => ({ ref, role: "initiator" as const })), ...recipients.map((ref) => ({ ref, role: "recipient" as const }))],
      locations: location(record.eventLoc, context),
      sources: [{ outlet: { name: publication }, language: language ?? "en" }],
      title,
      summary,
      ...(evidence.length > 0 ? { evidence } : {}),
      ...(tags.length > 0 ? { tags } : {}),
    },
  };
}

/** The records of a JSON array (trailing commas allowed, as the gold standard has them), each with its line. */
function* arrayRows(file: string, source: string): Iterable<SourceRow<PloverRecord>> {
  const { parseTree, getNodeValue, printParseErrorCode } = jsonc();
  const errors: import("jsonc-parser").ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (let i = counted; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
    counted = Math.max(counted, offset);
    return line;
  };
  if (!tree || tree.type !== "array") {
    const first = errors[0];
    throw new UsageError(`${file}: not a JSON array of PLOVER records${first ? ` (${printParseErrorCode(first.error as never)} at line ${source.slice(0, first.offset).split("\n").length})` : ""}`);
  }
  const sortedErrors = [...errors].sort((a, b) => a.offset - b.offset);
  let row = 0;
  for (const child of tree.children ?? []) {
    row++;
    const at = lineAt(child.offset);
    const inside = sortedErrors.find((e) => e.offset >= child.offset && e.offset < child.offset + child.length);
    if (inside) {
      yield { file, line: at, row, problem: `not JSON: ${printParseErrorCode(inside.error as never)} at line ${source.slice(0, inside.offset).split("\n").length}` };
      continue;
    }
    if (child.type !== "object") {
      yield { file, line: at, row, problem: `a ${child.type}, not a PLOVER record (an object)` };
      continue;
    }
    yield { file, line: at, row, values: getNodeValue(child) as PloverRecord };
  }
  // An error outside every record (a missing bracket at the end): the file is cut short.
  const outside = sortedErrors.find((e) => !(tree.children ?? []).some((c) => e.offset >= c.offset && e.offset < c.offset + c.length));
  if (outside) yield { file, line: source.slice(0, outside.offset).split("\n").length, row: row + 1, problem: `not JSON: ${printParseErrorCode(outside.error as never)} (the file may be cut short)` };
}

async function* rows(file: string): AsyncIterable<SourceRow<PloverRecord>> {
  checkInputFile(file);
  // The first character that is not white space says which: `[` an array (read whole), else one record a line (streamed).
  let start: string;
  let size: number;
  try {
    size = statSync(file).size;
    const fd = openSync(file, "r");
    try {
      const buffer = Buffer.alloc(4096);
      start = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${describeError(error)})`);
  }
  if (start.replace(/^\ufeff/, "").trimStart().startsWith("[")) {
    if (size > MAX_ARRAY_BYTES) throw new UsageError(`${file} is a JSON array of ${size} bytes, more than the ${MAX_ARRAY_BYTES} read whole: write it one record a line (JSON Lines)`);
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file} (${describeError(error)})`);
    }
    yield* arrayRows(file, source.replace(/^\ufeff/, ""));
    return;
  }
  let row = 0;
  for await (const { line, text: raw } of numberedLines(file)) {
    const trimmed = raw.trim().replace(/,$/, "");
    if (trimmed === "") continue;
    row++;
    try {
      const value = JSON.parse(trimmed) as unknown;
      if (value === null || typeof value !== "object" || Array.isArray(value)) yield { file, line, row, problem: "not a PLOVER record (a JSON object)" };
      else yield { file, line, row, values: value as PloverRecord };
    } catch (error) {
      yield { file, line, row, problem: `not JSON: ${(error as Error).message}` };
    }
  }
}

export const format: ImportFormat<PloverRecord> = {
  name: "plover",
  dataset: mapping.dataset.id,
  defaultVersion: mapping.dataset.version,
  description: mapping.title,
  rows,
  map: (values, _row, context) => mapPlover(values, context),
};
