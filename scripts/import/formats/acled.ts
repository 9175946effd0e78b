/**
 * `eventwire import acled`: ACLED's CSV export (a header, 31 columns, the
 * layout of the ACLED codebook), one event a row. Every code, default, name
 * and template comes from schema/mappings/acled.yaml: the column list (its
 * `fields`), event and sub-event types to PLOVER, precisions, actor types,
 * country names, tags and the title and summary. The header of a file is
 * checked against the column list before any row: a missing column is a usage
 * error naming it; extra columns are ignored and counted as dropped.
 */
import { parse as csvParseSync } from "csv-parse/sync";
import { z } from "zod";
import { ACTOR_KINDS, DATE_PRECISIONS, LOCATION_PRECISIONS, ROLES } from "../../../schema/index.ts";
import { loadMapping, type MappingFile } from "../../../schema/mappings.ts";
import { countryCodeOfName, isCountryCode } from "../../core/countries.ts";
import { UsageError } from "../../core/io.ts";
import { sourceDate } from "../dates.ts";
import { csvRecords, numberedLines } from "../read.ts";
import { shorten } from "../text.ts";
import type { ActorKind, ActorRef, DatePrecision, DraftLocation, DraftSource, EventDraft, FieldOutcome, ImportFormat, LocationPrecision, MapContext, MapResult, Role } from "../types.ts";

export type AcledRow = Record<string, string>;

const RoleName = z.enum(ROLES);
const Tag = z.string().max(64).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const RegistryId = z.string().max(64).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** What the entries of each table of acled.yaml hold (checked when the table is loaded). */
const TABLES = {
  event_types: z.record(
    z.string().regex(/^[^:]+: [^:]+$/),
    z
      .object({
        event_type: z.string().regex(/^[A-Z]+$/),
        mode: z.string().min(1).optional(),
        roles: z.object({ actor1: RoleName.optional(), actor2: RoleName.optional() }).strict().optional(),
        note: z.string().min(1).optional(),
      })
      .strict(),
  ),
  time_precision: z.record(z.string(), z.enum(DATE_PRECISIONS).exclude(["year"])),
  geo_precision: z.record(z.string(), z.enum(LOCATION_PRECISIONS)),
  actor_kinds: z.record(z.string(), z.enum(ACTOR_KINDS)),
  roles: z.object({ actor1: RoleName, actor2: RoleName, assoc_actor_1: RoleName, assoc_actor_2: RoleName }).strict(),
  countries: z.record(z.string(), z.string().regex(/^[A-Z]{3}$/)),
  actors: z.record(z.string(), RegistryId),
  outlets: z.record(z.string(), RegistryId),
  tags: z.record(z.string(), Tag),
  defaults: z
    .object({
      language: z.string().regex(/^[a-z]{2,3}$/),
      actor_kind: z.enum(ACTOR_KINDS),
      location_precision: z.enum(LOCATION_PRECISIONS),
      separator: z.string().length(1),
    })
    .strict(),
  templates: z
    .object({
      title: z.string(),
      title_short: z.string(),
      summary: z.string(),
      summary_short: z.string(),
      when_day: z.string(),
      when_week: z.string(),
      when_month: z.string(),
      actors_one: z.string(),
      actors_two: z.string(),
      sources_more: z.string(),
      fatalities_one: z.string(),
      fatalities_many: z.string(),
    })
    .strict(),
} as const;

type Tables = { [K in keyof typeof TABLES]: z.infer<(typeof TABLES)[K]> };

/** The mapping table, its entries checked, with lookups by lower-case key. */
export interface AcledMapping {
  file: MappingFile;
  tables: Tables;
  /** The columns a file's header must hold (the `from` of each field), in the codebook's order. */
  columns: string[];
  /** Columns kept nowhere (`to: '-'`): a non-empty value is counted as dropped. */
  notKept: Set<string>;
  eventTypes: Map<string, Tables["event_types"][string] & { key: string }>;
  unmappableEventTypes: Map<string, { key: string; why: string }>;
  actorKinds: Map<string, ActorKind>;
  countries: Map<string, string>;
  unmappableCountries: Map<string, { key: string; why: string }>;
  actors: Map<string, string>;
  outlets: Map<string, string>;
  /** `<column>: <value>` (lower case) -> tag. */
  tags: Map<string, string>;
  columnSet: Set<string>;
}

const lower = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

function lowerMap<V>(record: Record<string, V>): Map<string, V> {
  return new Map(Object.entries(record).map(([k, v]) => [lower(k), v]));
}

let mapping: AcledMapping | undefined;

/** acled.yaml, read and checked once a process; a table that does not pass is the toolkit's defect (it throws). */
export function acledMapping(): AcledMapping {
  if (mapping) return mapping;
  const file = loadMapping("acled");
  const tables = {} as Record<string, unknown>;
  for (const [name, schema] of Object.entries(TABLES)) {
    const table = file.tables[name];
    if (!table) throw new Error(`schema/mappings/acled.yaml: no table ${name}`);
    const result = (schema as z.ZodType).safeParse(table.map);
    if (!result.success) throw new Error(`schema/mappings/acled.yaml: tables.${name}.map: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    tables[name] = result.data;
  }
  const t = tables as Tables;
  const columns = file.fields.map((f) => f.from);
  mapping = {
    file,
    tables: t,
    columns,
    notKept: new Set(file.fields.filter((f) => f.to === "-").map((f) => f.from)),
    eventTypes: new Map(Object.entries(t.event_types).map(([k, v]) => [lower(k), { ...v, key: k }])),
    unmappableEventTypes: new Map(Object.entries(file.tables.event_types!.unmappable ?? {}).map(([k, why]) => [lower(k), { key: k, why }])),
    actorKinds: lowerMap(t.actor_kinds),
    countries: lowerMap(t.countries),
    unmappableCountries: new Map(Object.entries(file.tables.countries!.unmappable ?? {}).map(([k, why]) => [lower(k), { key: k, why }])),
    actors: lowerMap(t.actors),
    outlets: lowerMap(t.outlets),
    tags: lowerMap(t.tags),
    columnSet: new Set(columns),
  };
  return mapping;
}

/** A template with its `{name}` slots filled. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z_0-9]+)\}/g, (_, name: string) => values[name] ?? "");
}

/** The Monday of the ISO week of a day (YYYY-MM-DD): how a date of precision `week` is written. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The header of a file, checked against the column list: a missing column refuses the whole file. */
async function checkHeader(file: string, columns: readonly string[]): Promise<void> {
  let first: string | undefined;
  for await (const { text } of numberedLines(file)) {
    first = text;
    break;
  }
  if (first === undefined || first.trim() === "") throw new UsageError(`${file}: no header (an ACLED export begins with a header of ${columns.length} columns: ${columns.join(", ")})`);
  let header: string[];
  try {
    header = ((csvParseSync(first, { relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? []).map((h) => h.trim());
  } catch {
    throw new UsageError(`${file}:1: the header is not a CSV line`);
  }
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new UsageError(`${file}: the header lacks ${missing.length === 1 ? "the column" : "the columns"} ${missing.join(", ")} of ACLED's layout (schema/mappings/acled.yaml)`);
}

const splitList = (value: string | undefined, separator: string): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of (value ?? "").split(separator)) {
    const name = part.trim().replace(/\s+/g, " ");
    if (name && !seen.has(lower(name))) {
      seen.add(lower(name));
      out.push(name);
    }
  }
  return out;
};

/** The alpha-3 code of a country's name: the `countries` table first, then i18n-iso-countries (countryCodeOfName remembers each name); undefined when neither knows it. */
function countryOf(name: string, m: AcledMapping): string | undefined {
  const code = m.countries.get(lower(name)) ?? countryCodeOfName(name);
  return code && isCountryCode(code) ? code : undefined;
}

const rowDate = sourceDate;

const DAY_WORDS = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MONTH_WORDS = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** The country of an actor's name, only when its last parenthesis names one ("Protesters (Sudan)"; not "(2019-)"). */
function actorCountry(name: string, m: AcledMapping): string | undefined {
  const paren = /\(([^()]+)\)\s*$/.exec(name);
  if (!paren) return undefined;
  const inner = paren[1]!.trim();
  if (!/\p{L}/u.test(inner) || m.unmappableCountries.has(lower(inner))) return undefined;
  return countryOf(inner, m);
}

function number(value: string | undefined): number | undefined {
  const text = (value ?? "").trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

const codePoints = (text: string) => [...text].length;

export const format: ImportFormat<AcledRow> = {
  name: "acled",
  dataset: "acled",
  get defaultVersion() {
    return acledMapping().file.dataset.version;
  },
  description: "ACLED's CSV export (Armed Conflict Location & Event Data; the 31 columns of the ACLED codebook)",

  async *rows(file) {
    const m = acledMapping();
    await checkHeader(file, m.columns);
    for await (const record of csvRecords(file)) yield { file, ...record };
  },

  map(values, _where, context): MapResult {
    const m = acledMapping();
    const t = m.tables;
    // Field outcomes are counted only for rows that make a draft (a refused row is counted as refused, once).
    const outcomes: [string, FieldOutcome][] = [];
    const count = (field: string, outcome: FieldOutcome) => outcomes.push([field, outcome]);
    const v = (column: string) => (values[column] ?? "").trim();
    const refuse = (reason: string): MapResult => ({ ok: false, reason });

    const originId = v("event_id_cnty");
    if (!originId) return refuse("no event_id_cnty (the row's ACLED id)");
    count("event_id_cnty", "mapped");

    // The date, at the source's precision.
    const day = rowDate(v("event_date"));
    if (!day) return refuse(`event_date ${JSON.stringify(values.event_date ?? "")} is not a date (16 May 2025 or YYYY-MM-DD)`);
    count("event_date", "mapped");
    if (v("year")) {
      if (v("year") !== day.slice(0, 4)) return refuse(`year ${JSON.stringify(v("year"))} is not the year of event_date ${JSON.stringify(v("event_date"))}`);
      count("year", "mapped");
    }
    const precision = Object.hasOwn(t.time_precision, v("time_precision")) ? (t.time_precision[v("time_precision")] as DatePrecision) : undefined;
    if (!precision) {
      context.unmapped("time_precision", v("time_precision") || "(empty)");
      return refuse(`time_precision ${JSON.stringify(v("time_precision"))} is not in the time_precision table (1, 2 or 3)`);
    }
    count("time_precision", "mapped");
    const start = precision === "week" ? mondayOf(day) : precision === "month" ? day.slice(0, 7) : day;

    // The event type and mode.
    const typeKey = `${v("event_type")}: ${v("sub_event_type")}`;
    const unmappable = m.unmappableEventTypes.get(lower(typeKey));
    if (unmappable) {
      context.unmapped("event_types", unmappable.key);
      return refuse(`ACLED's "${unmappable.key}" cannot be mapped: ${unmappable.why}`);
    }
    const type = m.eventTypes.get(lower(typeKey));
    if (!type) {
      context.unmapped("event_types", typeKey);
      return refuse(`ACLED's event type ${JSON.stringify(v("event_type"))} with sub-event type ${JSON.stringify(v("sub_event_type"))} is not in the event_types table`);
    }
    count("event_type", "mapped");
    count("sub_event_type", "mapped");

    // Actors: the two main ones with their kinds, then the associated ones.
    const separator = t.defaults.separator;
    const actors: { ref: ActorRef; role: Role }[] = [];
    const actorRef = (name: string, kind: ActorKind): ActorRef => {
      const country = actorCountry(name, m);
      const registry = m.actors.get(lower(name));
      return { name, kind, ...(country ? { country } : {}), ...(registry ? { registry } : {}) };
    };
    const mainNames: string[] = [];
    for (const n of [1, 2] as const) {
      const name = v(`actor${n}`).replace(/\s+/g, " ");
      if (name) {
        const inter = v(`inter${n}`);
        let kind = m.actorKinds.get(lower(inter));
        if (kind) count(`inter${n}`, "mapped");
        else {
          if (inter) context.unmapped("actor_kinds", inter);
          kind = t.defaults.actor_kind;
          count(`inter${n}`, "defaulted");
        }
        actors.push({ ref: actorRef(name, kind), role: type.roles?.[`actor${n}`] ?? t.roles[`actor${n}`] });
        mainNames.push(name);
        count(`actor${n}`, "mapped");
      } else if (n === 1) return refuse("no actor1 (an ACLED event names at least one actor)");
      else if (v("inter2")) count("inter2", "dropped");
      for (const assoc of splitList(values[`assoc_actor_${n}`], separator)) {
        actors.push({ ref: actorRef(assoc, t.defaults.actor_kind), role: t.roles[`assoc_actor_${n}`] });
        count(`assoc_actor_${n}`, "defaulted");
      }
    }

    // The location: its country must be known; coordinates 0,0 are none.
    const countryName = v("country");
    if (!countryName) return refuse("no country (ACLED places every event in one)");
    const unknownCountry = m.unmappableCountries.get(lower(countryName));
    if (unknownCountry) {
      context.unmapped("countries", unknownCountry.key);
      return refuse(`country "${unknownCountry.key}" cannot be mapped: ${unknownCountry.why}`);
    }
    const country = countryOf(countryName, m);
    if (!country) {
      context.unmapped("countries", countryName);
      return refuse(`country ${JSON.stringify(countryName)} is neither in the countries table nor a name i18n-iso-countries knows`);
    }
    count("country", "mapped");
    let name = v("location");
    if (name) count("location", "mapped");
    else {
      name = v("admin2") || v("admin1") || countryName;
      count("location", "defaulted");
      if (v("admin2")) count("admin2", "mapped");
    }
    if (v("admin2") && v("location")) count("admin2", "dropped");
    const location: DraftLocation = { name, country, precision: t.defaults.location_precision as LocationPrecision };
    if (v("admin1")) {
      location.admin1 = v("admin1");
      count("admin1", "mapped");
    }
    if (v("latitude") || v("longitude")) {
      const lat = number(v("latitude"));
      const lon = number(v("longitude"));
      if (lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
        location.lat = lat;
        location.lon = lon;
        count("latitude", "mapped");
        count("longitude", "mapped");
      } else {
        count("latitude", "dropped");
        count("longitude", "dropped");
      }
    }
    const geo = Object.hasOwn(t.geo_precision, v("geo_precision")) ? t.geo_precision[v("geo_precision")] : undefined;
    if (geo) {
      location.precision = geo;
      count("geo_precision", "mapped");
    } else {
      if (v("geo_precision")) context.unmapped("geo_precision", v("geo_precision"));
      count("geo_precision", "defaulted");
    }

    // Sources: one a name of `source`, by outlet name; no address, no publication date.
    const outletNames = splitList(values.source, separator);
    if (outletNames.length === 0) return refuse("no source (ACLED names the sources of every event)");
    const sources: DraftSource[] = outletNames.map((outlet) => {
      const registry = m.outlets.get(lower(outlet));
      count("source", "mapped");
      return { outlet: { name: outlet, ...(registry ? { registry } : {}) }, language: t.defaults.language };
    });

    // Evidence: ACLED's notes, when short enough to be a quote.
    let evidence: EventDraft["evidence"];
    // On one line: an export's notes may hold line breaks, which a quote may not (validate's text-control).
    const notes = v("notes").replace(/\s+/g, " ");
    if (notes) {
      if (codePoints(notes) <= 400 && notes.length <= 400) {
        evidence = [{ source: 0, claim: "event_type", exact: notes }];
        count("notes", "mapped");
      } else count("notes", "dropped");
    }

    // Tags, and fatalities.
    const tags: string[] = [];
    const tag = (column: string, value: string) => {
      const key = `${column}: ${value}`;
      const found = m.tags.get(lower(key));
      if (found) {
        tags.push(found);
        count(column, "mapped");
      } else {
        context.unmapped("tags", key);
        count(column, "dropped");
      }
    };
    for (const value of splitList(values.disorder_type, separator)) tag("disorder_type", value);
    if (v("civilian_targeting")) tag("civilian_targeting", v("civilian_targeting"));
    let fatalities = "";
    if (v("fatalities")) {
      const n = /^\d+$/.test(v("fatalities")) ? Number(v("fatalities")) : undefined;
      if (n === undefined) count("fatalities", "dropped");
      else {
        count("fatalities", "mapped");
        if (n > 0) {
          if (t.tags.fatalities) tags.push(t.tags.fatalities);
          fatalities = fill(n === 1 ? t.templates.fatalities_one : t.templates.fatalities_many, { n: String(n) });
        }
      }
    }

    // Columns kept nowhere, and columns the layout does not have.
    for (const column of m.notKept) if (column !== "admin2" && v(column)) count(column, "dropped");
    for (const column of Object.keys(values)) if (!m.columnSet.has(column) && (values[column] ?? "").trim()) count(column, "dropped");

    // Title and summary, from the templates.
    const templates = t.templates;
    const dateWords =
      precision === "day"
        ? fill(templates.when_day, { date: DAY_WORDS.format(new Date(`${day}T00:00:00Z`)) })
        : precision === "week"
          ? fill(templates.when_week, { date: DAY_WORDS.format(new Date(`${start}T00:00:00Z`)) })
          : fill(templates.when_month, { date: MONTH_WORDS.format(new Date(`${day}T00:00:00Z`)) });
    const actorWords = mainNames.length > 1 ? fill(templates.actors_two, { first: mainNames[0]!, second: mainNames[1]! }) : fill(templates.actors_one, { first: mainNames[0]! });
    const sourceWords = outletNames.length > 3 ? fill(templates.sources_more, { sources: outletNames.slice(0, 3).join(", "), n: String(outletNames.length - 3) }) : outletNames.join(", ");
    const slots = { id: originId, event_type: v("event_type"), sub_event_type: v("sub_event_type"), place: name, country: countryName, when: dateWords, actors: actorWords, sources: sourceWords, fatalities };
    let title = fill(templates.title, slots);
    if (codePoints(title) > 120) title = fill(templates.title_short, slots);
    title = shorten(title, 120);
    let summary = fill(templates.summary, slots);
    if (codePoints(summary) > 600) summary = fill(templates.summary_short, slots);
    summary = shorten(summary, 600);

    for (const [field, outcome] of outcomes) context.field(field, outcome);
    context.field("language", "defaulted");
    const draft: EventDraft = {
      originId,
      date: { start, precision },
      eventType: type.event_type,
      ...(type.mode ? { mode: type.mode } : {}),
      actors,
      locations: [location],
      sources,
      title,
      summary,
      ...(evidence ? { evidence } : {}),
      ...(tags.length > 0 ? { tags: [...new Set(tags)] } : {}),
    };
    return { ok: true, draft };
  },
};
