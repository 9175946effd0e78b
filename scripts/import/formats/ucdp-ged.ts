/**
 * UCDP GED: the Georeferenced Event Dataset of the Uppsala Conflict Data
 * Program, as its CSV download (a header, then one event of organised violence
 * a row; layout in the GED codebook 24.1, later versions read alike while they
 * keep its columns). Every code, name, default and sentence comes from
 * schema/mappings/ucdp-ged.yaml, whose tables are checked here when it is loaded. A row that cannot be mapped is refused with
 * the value that stopped it; a file whose header lacks a column is a usage error.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { ACTOR_KINDS, DATE_PRECISIONS, LOCATION_PRECISIONS, ROLES } from "../../../schema/index.ts";
import { loadMapping, type MappingFile } from "../../../schema/mappings.ts";
import { countryCodeOfName, isCountryCode } from "../../core/countries.ts";
import { UsageError } from "../../core/io.ts";
import { sourceDate } from "../dates.ts";
import { csvRecords, numberedLines } from "../read.ts";
import { shorten } from "../text.ts";
import type { ActorRef, DraftLocation, DraftSource, EventDraft, FieldOutcome, ImportFormat, MapContext, MapResult, Role, SourceRow } from "../types.ts";

export type GedRow = Record<string, string>;

const Tag = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const table = <V extends z.ZodType>(value: V) =>
  z.object({ description: z.string(), map: z.record(z.string(), value), unmappable: z.record(z.string(), z.string()).optional() }).strict();

/** What each table of ucdp-ged.yaml holds: checked when the table is loaded (a table that does not pass is the toolkit's defect). */
export const UcdpTables = z
  .object({
    columns: table(z.number().int().min(1)),
    violence_types: table(
      z
        .object({
          type: z.string().min(1),
          mode: z.string().min(1).optional(),
          roles: z.tuple([z.enum(ROLES), z.enum(ROLES)]),
          tag: Tag,
          title: z.string().min(1),
          phrase: z.string().min(1),
        })
        .strict(),
    ),
    date_precisions: table(z.object({ precision: z.enum(DATE_PRECISIONS), phrase: z.string().min(1), range: z.string().min(1) }).strict()),
    where_prec: table(z.object({ precision: z.enum(LOCATION_PRECISIONS), coordinates: z.boolean() }).strict()),
    clarity: table(z.array(Tag)),
    sides: table(z.object({ kind: z.enum(ACTOR_KINDS), registry: z.string().optional() }).strict()),
    defaults: z
      .object({
        description: z.string(),
        map: z.object({ side_kind: z.enum(ACTOR_KINDS), state_prefix: z.string().min(1), language: z.string().min(2), separator: z.string().min(1) }).strict(),
      })
      .strict(),
    templates: z
      .object({
        description: z.string(),
        map: z
          .object({
            title: z.string(),
            title_short: z.string(),
            summary: z.string(),
            summary_short: z.string(),
            where_place: z.string(),
            where_country: z.string(),
            where_none: z.string(),
            where_none_unnamed: z.string(),
          })
          .strict(),
      })
      .strict(),
    outlets: table(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
    countries: table(z.string().regex(/^[A-Z]{3}$/)),
    gwno: table(z.string().regex(/^[A-Z]{3}$/)),
  })
  .strict();

export type UcdpTables = z.infer<typeof UcdpTables>;

let tablesRead: { mapping: MappingFile; tables: UcdpTables } | undefined;

/** The mapping table and its tables, read and checked once a process. */
export function ucdpMapping(): { mapping: MappingFile; tables: UcdpTables } {
  if (!tablesRead) {
    const mapping = loadMapping("ucdp-ged");
    const result = UcdpTables.safeParse(mapping.tables);
    if (!result.success) throw new Error(`schema/mappings/ucdp-ged.yaml: ${result.error.issues.map((i) => `tables.${i.path.join(".")}: ${i.message}`).join("; ")}`);
    tablesRead = { mapping, tables: result.data };
  }
  return tablesRead;
}

/** `{name}` placeholders filled in; a name the values lack stays as written (the table test catches it). */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name] ?? whole).replace(/\s+/g, " ").trim();
}


/** The Monday of the ISO week a day (`YYYY-MM-DD`) is in: how eventwire writes a date of precision week. */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

function atPrecision(day: string, precision: (typeof DATE_PRECISIONS)[number]): string {
  switch (precision) {
    case "day":
      return day;
    case "week":
      return mondayOf(day);
    case "month":
      return day.slice(0, 7);
    case "year":
      return day.slice(0, 4);
  }
}

const refuse = (reason: string): MapResult => ({ ok: false, reason });

/** A GED country name -> ISO alpha-3: the countries table first, then the ISO names (countryCodeOfName remembers each name it was asked). */
function countryOf(name: string, tables: UcdpTables): string | undefined {
  const found = tables.countries.map[name] ?? countryCodeOfName(name);
  return found && isCountryCode(found) ? found : undefined;
}

/** A side of the dyad as an actor reference, or why not. */
function sideActor(which: "side_a" | "side_b", values: GedRow, tables: UcdpTables, context: MapContext): ActorRef | string {
  const name = (values[which] ?? "").trim();
  if (!name) return `${which} is empty: the event has no ${which === "side_a" ? "first" : "second"} party`;
  const id = (values[`${which}_new_id`] ?? "").trim();
  const gwnoField = which === "side_a" ? "gwnoa" : "gwnob";
  const defaults = tables.defaults.map;
  context.field(which, "mapped");
  const special = tables.sides.map[name];
  if (special) return { name, ...(id ? { code: id } : {}), kind: special.kind, ...(special.registry ? { registry: special.registry } : {}) };
  if (!name.startsWith(defaults.state_prefix)) {
    context.field(`${which}.kind`, "defaulted");
    return { name, ...(id ? { code: id } : {}), kind: defaults.side_kind };
  }
  context.field(`${which}.kind`, "mapped");
  // The state's country: its Gleditsch-Ward number when there is one (and only one), else the name after "Government of ".
  let country: string | undefined;
  const numbers = (values[gwnoField] ?? "")
    .split(/[,;]/)
    .map((n) => n.trim())
    .filter((n) => n !== "");
  if (numbers.length === 1) {
    const n = numbers[0]!;
    const code = tables.gwno.map[n];
    if (code && isCountryCode(code)) {
      country = code;
      context.field(gwnoField, "mapped");
    } else {
      if (!tables.gwno.unmappable?.[n]) context.unmapped("gwno", n);
      context.field(gwnoField, "dropped");
    }
  } else if (numbers.length > 1) context.field(gwnoField, "dropped");
  if (!country) {
    country = countryOf(name.slice(defaults.state_prefix.length).trim(), tables);
    context.field(`${which}.country`, country ? "mapped" : "dropped");
  }
  return { name, ...(id ? { code: id } : {}), ...(country ? { country } : {}), kind: "state" };
}

function mapRow(values: GedRow, context: MapContext): MapResult {
  const { tables } = ucdpMapping();
  const v = (column: string) => (values[column] ?? "").trim();

  const id = v("id");
  if (!/^[0-9]+$/.test(id)) return refuse(`id ${JSON.stringify(values.id ?? "")} is not a UCDP event id (a whole number)`);
  context.field("id", "mapped");

  const violenceCode = v("type_of_violence");
  const violence = tables.violence_types.map[violenceCode];
  if (!violence) {
    context.unmapped("violence_types", violenceCode);
    return refuse(`type_of_violence ${JSON.stringify(violenceCode)} is not in the violence_types table`);
  }
  context.field("type_of_violence", "mapped");

  // Date: written at the precision date_prec gives.
  const precCode = v("date_prec");
  const prec = tables.date_precisions.map[precCode];
  if (!prec) {
    context.unmapped("date_precisions", precCode);
    return refuse(`date_prec ${JSON.stringify(precCode)} is not in the date_precisions table`);
  }
  const startDay = sourceDate(v("date_start"));
  if (!startDay) return refuse(`date_start ${JSON.stringify(values.date_start ?? "")} is not a date (YYYY-MM-DD, with or without a time)`);
  let endDay: string | undefined;
  if (v("date_end")) {
    endDay = sourceDate(v("date_end"));
    if (!endDay) return refuse(`date_end ${JSON.stringify(values.date_end)} is not a date (YYYY-MM-DD, with or without a time)`);
    if (endDay < startDay) return refuse(`date_end ${endDay} is before date_start ${startDay}`);
    context.field("date_end", "mapped");
  }
  context.field("date_start", "mapped");
  context.field("date_prec", "mapped");
  const start = atPrecision(startDay, prec.precision);
  const endAt = endDay ? atPrecision(endDay, prec.precision) : undefined;
  const end = endAt && endAt !== start ? endAt : undefined;

  // Location: where_prec says how precisely; 7 (international waters or airspace) gives none.
  const locations: DraftLocation[] = [];
  const whereCode = v("where_prec");
  const where = tables.where_prec.map[whereCode];
  const countryName = v("country");
  if (!where) {
    if (!tables.where_prec.unmappable?.[whereCode]) {
      context.unmapped("where_prec", whereCode);
      return refuse(`where_prec ${JSON.stringify(whereCode)} is not in the where_prec table`);
    }
    context.field("where_prec", "dropped");
    for (const f of ["country", "where_coordinates", "adm_1", "latitude", "longitude"]) if (v(f)) context.field(f, "dropped");
  } else {
    const country = countryOf(countryName, tables);
    if (!country) {
      context.unmapped("countries", countryName);
      return refuse(`country ${JSON.stringify(countryName)} is in neither the countries table nor the ISO names`);
    }
    context.field("where_prec", "mapped");
    context.field("country", "mapped");
    const place = v("where_coordinates");
    context.field("where_coordinates", place ? "mapped" : "defaulted");
    const admin1 = v("adm_1");
    if (admin1) context.field("adm_1", "mapped");
    const location: DraftLocation = { name: shorten(place || admin1 || countryName, 200), country, ...(admin1 ? { admin1: shorten(admin1, 200) } : {}), precision: where.precision };
    const latText = v("latitude");
    const lonText = v("longitude");
    if (latText || lonText) {
      const lat = Number(latText);
      const lon = Number(lonText);
      const usable = where.coordinates && latText !== "" && lonText !== "" && Number.isFinite(lat) && Number.isFinite(lon) && !(lat === 0 && lon === 0) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
      if (usable) {
        location.lat = lat;
        location.lon = lon;
      }
      context.field("latitude", usable ? "mapped" : "dropped");
      context.field("longitude", usable ? "mapped" : "dropped");
    }
    locations.push(location);
  }

  // Actors: the two sides of the dyad, with the roles of their violence type.
  const sideA = sideActor("side_a", values, tables, context);
  if (typeof sideA === "string") return refuse(sideA);
  const sideB = sideActor("side_b", values, tables, context);
  if (typeof sideB === "string") return refuse(sideB);
  const actors: { ref: ActorRef; role: Role }[] = [
    { ref: sideA, role: violence.roles[0] },
    { ref: sideB, role: violence.roles[1] },
  ];

  // Sources: one an office; headlines and dates aligned with the offices when their counts agree, else the first to the first office only.
  const { separator, language } = tables.defaults.map;
  const offices = v("source_office")
    .split(separator)
    .map((o) => o.trim())
    .filter((o) => o !== "");
  if (offices.length === 0) return refuse("source_office is empty: the record would have no source");
  context.field("source_office", "mapped");
  const listOf = (column: string) => (v(column) ? v(column).split(separator).map((s) => s.trim()) : []);
  const headlines = listOf("source_headline");
  const dates = listOf("source_date");
  const aligned = (list: string[]) => list.length === offices.length;
  const pick = (list: string[], i: number) => (aligned(list) ? list[i] : i === 0 ? list[0] : undefined) || undefined;
  if (headlines.length > 0) context.field("source_headline", aligned(headlines) ? "mapped" : "dropped");
  if (dates.length > 0) context.field("source_date", aligned(dates) ? "mapped" : "dropped");
  let badDates = 0;
  const sources: DraftSource[] = offices.map((office, i) => {
    const registry = tables.outlets.map[office];
    const title = pick(headlines, i);
    const dateText = pick(dates, i);
    const published = dateText ? sourceDate(dateText) : undefined;
    if (dateText && !published) badDates++;
    return {
      outlet: { name: office, ...(registry ? { registry } : {}) },
      ...(title ? { title: shorten(title, 300) } : {}),
      ...(published ? { published } : {}),
      language,
    };
  });
  if (badDates > 0) context.field("source_date.value", "dropped");
  context.field("language", "defaulted");

  // Tags: the violence type, and low clarity.
  const tags = [violence.tag];
  const clarityCode = v("event_clarity");
  if (clarityCode) {
    const clarity = tables.clarity.map[clarityCode];
    if (clarity) {
      tags.push(...clarity);
      context.field("event_clarity", "mapped");
    } else {
      context.unmapped("clarity", clarityCode);
      context.field("event_clarity", "dropped");
    }
  }

  // Title and summary from the templates, in plain words naming the dataset and the id.
  const t = tables.templates.map;
  const placeName = v("where_coordinates") || v("adm_1");
  const whereText = where
    ? placeName && placeName !== countryName
      ? fill(t.where_place, { place: placeName, country: countryName })
      : fill(t.where_country, { country: countryName })
    : placeName
      ? fill(t.where_none, { place: placeName })
      : t.where_none_unnamed;
  const deaths = (column: string) => (/^[0-9]+$/.test(v(column)) ? v(column) : "an unknown number of");
  const words: Record<string, string> = {
    id,
    violence: violence.title,
    where: whereText,
    conflict: v("conflict_name") || violence.title.toLowerCase(),
    phrase: fill(violence.phrase, { side_a: sideA.name, side_b: sideB.name }),
    when: fill(end ? prec.range : prec.phrase, { start, end: end ?? start }),
    best: deaths("best"),
    low: deaths("low"),
    high: deaths("high"),
  };
  let title = fill(t.title, words);
  if (title.length > 120) title = shorten(fill(t.title_short, words), 120);
  let summary = fill(t.summary, words);
  if (summary.length > 600) summary = shorten(fill(t.summary_short, words), 600);

  const draft: EventDraft = {
    originId: id,
    date: { start, ...(end ? { end } : {}), precision: prec.precision },
    eventType: violence.type,
    ...(violence.mode ? { mode: violence.mode } : {}),
    actors,
    locations,
    sources,
    title,
    summary,
    tags,
  };
  return { ok: true, draft };
}

/** The header of a GED file, checked against the columns table: a missing column is a usage error naming it. */
async function checkHeader(file: string): Promise<void> {
  let first: string | undefined;
  for await (const { text } of numberedLines(file)) {
    first = text;
    break;
  }
  if (first === undefined || first.trim() === "") throw new UsageError(`${file}: empty, where a UCDP GED CSV file begins with its header`);
  let header: string[];
  try {
    header = ((parseCsv(first, { relax_quotes: true }) as string[][])[0] ?? []).map((h) => h.trim());
  } catch (error) {
    throw new UsageError(`${file}:1: not a CSV header (${(error as Error).message})`);
  }
  const missing = Object.keys(ucdpMapping().tables.columns.map).filter((c) => !header.includes(c));
  if (missing.length > 0) throw new UsageError(`${file}: the header lacks the UCDP GED column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (the layout of codebook 24.1)`);
}

export const format: ImportFormat<GedRow> = {
  name: "ucdp-ged",
  dataset: "ucdp-ged",
  get defaultVersion() {
    return ucdpMapping().mapping.dataset.version;
  },
  description: "UCDP Georeferenced Event Dataset (GED), the CSV download with its header (codebook 24.1 layout)",
  async *rows(file: string): AsyncIterable<SourceRow<GedRow>> {
    await checkHeader(file);
    for await (const record of csvRecords(file)) {
      if ("problem" in record) yield { file, line: record.line, row: record.row, problem: record.problem };
      else yield { file, line: record.line, row: record.row, values: record.values };
    }
  },
  map(values, _row, context) {
    // Field outcomes count for the rows that make a draft only: a refused row's reason says what stopped it.
    const outcomes: [string, FieldOutcome][] = [];
    const local: MapContext = { field: (name, outcome) => outcomes.push([name, outcome]), unmapped: (t, code) => context.unmapped(t, code) };
    try {
      const result = mapRow(values, local);
      if (result.ok) for (const [name, outcome] of outcomes) context.field(name, outcome);
      return result;
    } catch (error) {
      // Bad input never crashes: whatever a row holds, it is a reason (a mapping table that does not load still throws, from ucdpMapping).
      if (error instanceof Error && error.message.startsWith("schema/mappings/")) throw error;
      return refuse(`the row could not be mapped (${error instanceof Error ? error.message : String(error)})`);
    }
  },
};
