/**
 * `eventwire import gdelt`: the GDELT 2.0 Event Database export
 * (`YYYYMMDDHHMMSS.export.CSV`: tab-separated, no header, 61 columns). Every
 * column name, code and default comes from schema/mappings/gdelt.yaml: the
 * columns by position, CAMEO codes to PLOVER through the crosswalk (`cameo`),
 * CAMEO and FIPS country codes to ISO 3166-1 alpha-3 (`countries`, `fips`),
 * actor sectors to kinds (`sectors`), place types to precisions (`geo_types`)
 * and the title and summary (`templates`). A line is split on tabs (the fast
 * path: GDELT quotes nothing); one with another number of fields is refused.
 */
import { z } from "zod";
import { loadMapping, type MappingFile } from "../../../schema/mappings.ts";
import { countryName, isCountryCode } from "../../core/countries.ts";
import { sourceDate } from "../dates.ts";
import { numberedLines } from "../read.ts";
import { shorten } from "../text.ts";
import type { ActorKind, ActorRef, DraftLocation, DraftSource, EventDraft, FieldOutcome, ImportFormat, LocationPrecision, MapContext, MapResult, SourceRow } from "../types.ts";

/** The columns the importer reads by name (the table gives their positions); the others are counted as dropped when they hold a value. */
const READ = [
  "GLOBALEVENTID",
  "SQLDATE",
  "Actor1Code",
  "Actor1Name",
  "Actor1CountryCode",
  "Actor1KnownGroupCode",
  "Actor1Type1Code",
  "Actor2Code",
  "Actor2Name",
  "Actor2CountryCode",
  "Actor2KnownGroupCode",
  "Actor2Type1Code",
  "EventCode",
  "ActionGeo_Type",
  "ActionGeo_FullName",
  "ActionGeo_CountryCode",
  "ActionGeo_Lat",
  "ActionGeo_Long",
  "DATEADDED",
  "SOURCEURL",
] as const;
type Column = (typeof READ)[number];

const ACTOR_KIND = z.enum(["person", "organization", "state", "group"]);
const Code = z.string().min(1);
const CameoEntry = z
  .object({
    type: z.string().regex(/^[A-Z]+$/),
    mode: z.string().min(1).optional(),
    tags: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)).optional(),
    label: z.string().min(1),
    mode_dropped: z.string().min(1).optional(),
    /** The crosswalk's mode, where the table gives another mode of the vocabulary that fits the CAMEO label better (`why` says how). */
    mode_replaced: z.string().min(1).optional(),
    why: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((e) => !(e.mode_dropped || e.mode_replaced) === !e.why, "`mode_dropped` or `mode_replaced` comes with `why`")
  .refine((e) => !(e.mode_dropped && e.mode_replaced), "a mode is dropped or replaced, not both");
const Sector = z.object({ kind: ACTOR_KIND, name: z.string().min(1), kind_without_country: ACTOR_KIND.optional() }).strict();
const Tables = z.object({
  columns: z.record(z.string(), z.number().int().min(1)),
  cameo: z.record(z.string().regex(/^\d{2,4}$/), CameoEntry),
  cameoUnmappable: z.record(z.string().regex(/^\d{2,4}$/), z.string()),
  countries: z.record(Code, z.string().regex(/^[A-Z]{3}$/)),
  countriesUnmappable: z.record(Code, z.string()),
  fips: z.record(z.string().regex(/^[A-Z]{2}$/), z.string().regex(/^[A-Z]{3}$/)),
  fipsUnmappable: z.record(Code, z.string()),
  sectors: z.record(Code, Sector),
  geoTypes: z.record(z.string(), z.enum(["exact", "city", "admin2", "admin1", "country"])),
  geoUnmappable: z.record(z.string(), z.string()),
  defaults: z.object({ language: z.string().min(2), kind_country_only: ACTOR_KIND, kind_known_group: ACTOR_KIND, kind_other: ACTOR_KIND }).strict(),
  templates: z.object({ title: z.string().min(1), summary: z.string().min(1) }).strict(),
});
export type CameoEntry = z.infer<typeof CameoEntry>;

/** The mapping table as the importer uses it: positions (0-based) and maps. */
interface Compiled {
  width: number;
  at: Record<Column, number>;
  /** Positions of the columns the importer does not keep, with their names (counted `dropped` when they hold a value). */
  unkept: { name: string; at: number }[];
  cameo: Map<string, CameoEntry>;
  cameoUnmappable: Map<string, string>;
  countries: Map<string, string>;
  fips: Map<string, string>;
  sectors: Map<string, z.infer<typeof Sector>>;
  geoTypes: Map<string, LocationPrecision>;
  geoUnmappable: Map<string, string>;
  defaults: z.infer<typeof Tables>["defaults"];
  templates: { title: Template; summary: Template };
}

/** A template split once at its `{name}` placeholders: even items are text, odd items names. */
type Template = string[];
const PLACEHOLDERS = new Set(["actors", "label", "id", "code", "cameo", "roles", "date", "place", "type", "mode"]);

function compileTemplate(name: string, text: string): Template {
  const parts = text.split(/\{([a-z]+)\}/);
  for (let i = 1; i < parts.length; i += 2)
    if (!PLACEHOLDERS.has(parts[i]!)) throw new Error(`schema/mappings/gdelt.yaml: tables.templates.${name} has {${parts[i]}}, which is none of ${[...PLACEHOLDERS].join(", ")}`);
  return parts;
}

/** Reads the tables of gdelt.yaml and checks their entries' shapes; a table that does not pass is the toolkit's defect (it throws, naming it). */
export function compileMapping(mapping: MappingFile): Compiled {
  const t = mapping.tables;
  const need = (name: string) => {
    const table = t[name];
    if (!table) throw new Error(`schema/mappings/gdelt.yaml: no table \`${name}\``);
    return table;
  };
  const parsed = Tables.safeParse({
    columns: need("columns").map,
    cameo: need("cameo").map,
    cameoUnmappable: need("cameo").unmappable ?? {},
    countries: need("countries").map,
    countriesUnmappable: need("countries").unmappable ?? {},
    fips: need("fips").map,
    fipsUnmappable: need("fips").unmappable ?? {},
    sectors: need("sectors").map,
    geoTypes: need("geo_types").map,
    geoUnmappable: need("geo_types").unmappable ?? {},
    defaults: need("defaults").map,
    templates: need("templates").map,
  });
  if (!parsed.success) throw new Error(`schema/mappings/gdelt.yaml: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const tables = parsed.data;
  const positions = Object.entries(tables.columns);
  const width = positions.length;
  const taken = new Set(positions.map(([, p]) => p));
  if (taken.size !== width || Math.max(...taken) !== width) throw new Error(`schema/mappings/gdelt.yaml: tables.columns must give positions 1..${width}, each once`);
  const at = {} as Record<Column, number>;
  for (const name of READ) {
    const p = tables.columns[name];
    if (p === undefined) throw new Error(`schema/mappings/gdelt.yaml: tables.columns has no ${name}`);
    at[name] = p - 1;
  }
  const read = new Set<string>(READ);
  return {
    width,
    at,
    unkept: positions.filter(([name]) => !read.has(name)).map(([name, p]) => ({ name, at: p - 1 })),
    cameo: new Map(Object.entries(tables.cameo)),
    cameoUnmappable: new Map(Object.entries(tables.cameoUnmappable)),
    countries: new Map(Object.entries(tables.countries)),
    fips: new Map(Object.entries(tables.fips)),
    sectors: new Map(Object.entries(tables.sectors)),
    geoTypes: new Map(Object.entries(tables.geoTypes)),
    geoUnmappable: new Map(Object.entries(tables.geoUnmappable)),
    defaults: tables.defaults,
    templates: { title: compileTemplate("title", tables.templates.title), summary: compileTemplate("summary", tables.templates.summary) },
  };
}

let compiled: Compiled | undefined;
const table = (): Compiled => (compiled ??= compileMapping(loadMapping("gdelt")));

/** What a CAMEO code maps to: the entry (exact, or through a parent), or why not. */
export type CameoLookup = { ok: true; entry: CameoEntry; via?: string } | { ok: false; reason: string };

/** A CAMEO event code through the table: the exact code, else its 3-digit then 2-digit parent; an unmappable code (or parent) says why. */
export function lookupCameo(code: string, tables: Pick<Compiled, "cameo" | "cameoUnmappable"> = table()): CameoLookup {
  const exact = tables.cameo.get(code);
  if (exact) return { ok: true, entry: exact };
  const parents = [code, ...(code.length > 3 ? [code.slice(0, 3)] : []), ...(code.length > 2 ? [code.slice(0, 2)] : [])];
  for (const p of parents) {
    const entry = p === code ? undefined : tables.cameo.get(p);
    if (entry) return { ok: true, entry, via: p };
    const why = tables.cameoUnmappable.get(p);
    if (why) return { ok: false, reason: `CAMEO ${code} has no PLOVER type${p === code ? "" : ` (its parent ${p} is unmappable)`}: ${why}` };
  }
  return { ok: false, reason: `CAMEO ${code} is not in the crosswalk, nor is its parent` };
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+([/?#][^\s]*)?$/;
const DATE_ADDED = /^(\d{8})\d{6}$/;

/** Fills a template's placeholders. */
function fill(template: Template, values: Record<string, string>): string {
  let out = template[0]!;
  for (let i = 1; i < template.length; i += 2) out += (values[template[i]!] ?? "") + template[i + 1]!;
  return out;
}


/** The title: the template with the actors' names, shortened when the title would pass 120 characters. */
function makeTitle(template: Template, names: string[], values: Record<string, string>): string {
  const full = fill(template, { ...values, actors: names.join(" and ") });
  if (full.length <= 120) return full;
  const rest = fill(template, { ...values, actors: "" }).length + (names.length - 1) * " and ".length;
  const each = Math.max(8, Math.floor((120 - rest) / names.length));
  return shorten(fill(template, { ...values, actors: names.map((n) => shorten(n, each)).join(" and ") }), 120);
}

interface Outcomes {
  list: [string, FieldOutcome][];
  add(name: string, outcome: FieldOutcome): void;
}

function actorOf(v: string[], n: 1 | 2, c: Compiled, context: MapContext, out: Outcomes): ActorRef | undefined {
  const p = n === 1 ? "Actor1" : "Actor2";
  const code = v[c.at[`${p}Code`]]!.trim();
  if (!code) return undefined;
  out.add(`${p}Code`, "mapped");
  const given = v[c.at[`${p}Name`]]!.trim();
  out.add(`${p}Name`, given ? "mapped" : "defaulted");
  const ref: ActorRef = { name: given || code, code, kind: c.defaults.kind_other };
  const cc = v[c.at[`${p}CountryCode`]]!.trim();
  if (cc) {
    const iso = isCountryCode(cc) ? cc : c.countries.get(cc);
    if (iso) {
      ref.country = iso;
      out.add(`${p}CountryCode`, "mapped");
    } else {
      context.unmapped("countries", cc);
      out.add(`${p}CountryCode`, "dropped");
    }
  }
  const type1 = v[c.at[`${p}Type1Code`]]!.trim();
  if (type1) {
    const sector = c.sectors.get(type1);
    if (sector) {
      ref.kind = sector.kind === "state" && !ref.country ? (sector.kind_without_country ?? c.defaults.kind_other) : sector.kind;
      out.add(`${p}Type1Code`, "mapped");
    } else {
      context.unmapped("sectors", type1);
      out.add(`${p}Type1Code`, "defaulted");
    }
  } else {
    const known = v[c.at[`${p}KnownGroupCode`]]!.trim();
    ref.kind = ref.country && code === cc ? c.defaults.kind_country_only : known ? c.defaults.kind_known_group : c.defaults.kind_other;
    out.add(`${p}Type1Code`, "defaulted");
  }
  // A group of a country is named with it ("POLICE (Kenya)"): GDELT names Kenya's police and the USA's both POLICE, and
  // a created entry's id would otherwise depend on which came first (police, police-2).
  if (ref.country && ref.kind !== "state") {
    const country = countryName(ref.country);
    // Not when the name is the country's, or a part of its name ("CHINA" for the People's Republic of China, "SYRIA" for the Syrian Arab Republic).
    const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const [name, place] = [words(ref.name), words(country ?? "")];
    const within = (a: string[], b: string[]) => a.length > 0 && a.every((w) => b.some((x) => x.startsWith(w) || w.startsWith(x)));
    if (country && !within(name, place) && !within(place, name)) ref.name = `${ref.name} (${country})`;
  }
  return ref;
}

function coordinate(text: string, limit: number): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined;
}

function locationOf(v: string[], c: Compiled, context: MapContext, out: Outcomes): DraftLocation | undefined {
  const type = v[c.at.ActionGeo_Type]!.trim();
  const precision = c.geoTypes.get(type);
  if (!precision) {
    if (!c.geoUnmappable.has(type)) context.unmapped("geo_types", type || "(empty)");
    out.add("ActionGeo_Type", "dropped");
    return undefined;
  }
  const name = v[c.at.ActionGeo_FullName]!.trim();
  const fips = v[c.at.ActionGeo_CountryCode]!.trim();
  const country = c.fips.get(fips);
  if (!country) context.unmapped("fips", fips || "(empty)");
  if (!name || !country) {
    out.add("ActionGeo_Type", "dropped");
    out.add(name ? "ActionGeo_CountryCode" : "ActionGeo_FullName", "dropped");
    return undefined;
  }
  out.add("ActionGeo_Type", "mapped");
  out.add("ActionGeo_FullName", "mapped");
  out.add("ActionGeo_CountryCode", "mapped");
  const location: DraftLocation = { name: shorten(name, 200), country, precision };
  const parts = name.split(", ");
  const admin1 = precision === "city" && parts.length >= 3 ? parts.slice(1, -1).join(", ") : precision === "admin1" && parts.length >= 2 ? parts.slice(0, -1).join(", ") : "";
  if (admin1) location.admin1 = shorten(admin1, 200);
  const lat = coordinate(v[c.at.ActionGeo_Lat]!, 90);
  const lon = coordinate(v[c.at.ActionGeo_Long]!, 180);
  if (lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0)) {
    location.lat = lat;
    location.lon = lon;
    out.add("ActionGeo_Lat", "mapped");
    out.add("ActionGeo_Long", "mapped");
  } else {
    out.add("ActionGeo_Lat", "dropped");
    out.add("ActionGeo_Long", "dropped");
  }
  return location;
}

/** One GDELT row to a draft, or why not. */
export function mapRow(v: string[], c: Compiled, context: MapContext): MapResult {
  const outcomes: Outcomes = {
    list: [],
    add(name, outcome) {
      this.list.push([name, outcome]);
    },
  };
  const id = v[c.at.GLOBALEVENTID]!.trim();
  if (!/^\d+$/.test(id)) return { ok: false, reason: `GLOBALEVENTID ${JSON.stringify(id)} is not a GDELT event id` };
  const sqlDate = v[c.at.SQLDATE]!.trim();
  const day = /^\d{8}$/.test(sqlDate) ? sourceDate(sqlDate) : undefined;
  if (!day) return { ok: false, reason: `SQLDATE ${JSON.stringify(sqlDate)} is not a date (YYYYMMDD)` };
  outcomes.add("SQLDATE", "mapped");

  const code = v[c.at.EventCode]!.trim();
  if (!/^\d{2,4}$/.test(code)) {
    context.unmapped("cameo", code || "(empty)");
    return { ok: false, reason: `EventCode ${JSON.stringify(code)} is not a CAMEO event code` };
  }
  const cameo = lookupCameo(code, c);
  if (!cameo.ok || cameo.via) context.unmapped("cameo", code);
  if (!cameo.ok) return { ok: false, reason: cameo.reason };
  outcomes.add("EventCode", cameo.via ? "defaulted" : "mapped");

  const actor1 = actorOf(v, 1, c, context, outcomes);
  const actor2 = actorOf(v, 2, c, context, outcomes);
  if (!actor1 && !actor2) return { ok: false, reason: "neither Actor1Code nor Actor2Code is given: an event needs an actor" };

  const address = v[c.at.SOURCEURL]!.trim();
  if (!address) return { ok: false, reason: "SOURCEURL is empty: an event needs a source" };
  const language = c.defaults.language;
  let source: DraftSource;
  if (address.length <= 2000 && HTTP_URL.test(address)) {
    source = { outlet: { url: address }, url: address, language };
    outcomes.add("SOURCEURL", "mapped");
  } else {
    source = { outlet: { name: shorten(address, 200) }, language };
    outcomes.add("SOURCEURL", "dropped");
  }
  const added = DATE_ADDED.exec(v[c.at.DATEADDED]!.trim());
  const published = added ? sourceDate(added[1]!) : undefined;
  if (published) source.published = published;
  outcomes.add("DATEADDED", published ? "mapped" : "dropped");

  const location = locationOf(v, c, context, outcomes);
  for (const u of c.unkept) if (v[u.at] !== "") outcomes.add(u.name, "dropped");

  const entry = cameo.entry;
  const actors: EventDraft["actors"] = [];
  if (actor1) actors.push({ ref: actor1, role: "initiator" });
  if (actor2) actors.push({ ref: actor2, role: "recipient" });
  // The same actor on both sides (GDELT codes `USA` acting on `USA`): named once (the run makes it one participant).
  const same = actor1 && actor2 && actor1.code === actor2.code && actor1.name === actor2.name;
  const names = same ? [actor1.name] : actors.map((a) => a.ref.name);
  const roles = same ? `${actor1.name} (initiator and recipient)` : actors.map((a) => `${a.ref.name} (${a.role})`).join(" and ");
  const values: Record<string, string> = {
    id,
    code,
    label: entry.label,
    cameo: cameo.via ? `CAMEO ${code}, read as ${cameo.via}: ${entry.label}` : `CAMEO ${code}: ${entry.label}`,
    roles,
    date: day,
    place: location ? ` in ${location.name}` : "",
    type: entry.type,
    mode: entry.mode ? ` (${entry.mode})` : "",
  };
  const draft: EventDraft = {
    originId: id,
    date: { start: day, precision: "day" },
    eventType: entry.type,
    ...(entry.mode ? { mode: entry.mode } : {}),
    actors,
    locations: location ? [location] : [],
    sources: [source],
    title: makeTitle(c.templates.title, names, values),
    summary: shorten(fill(c.templates.summary, { ...values, actors: names.join(" and ") }), 600),
    ...(entry.tags && entry.tags.length > 0 ? { tags: [...entry.tags] } : {}),
  };
  for (const [name, outcome] of outcomes.list) context.field(name, outcome);
  return { ok: true, draft };
}

/** The rows of an export file: its lines split on tabs (blank lines are not rows). */
async function* rows(file: string): AsyncIterable<SourceRow<string[]>> {
  const { width } = table();
  let row = 0;
  for await (const { line, text } of numberedLines(file)) {
    if (text.trim() === "") continue;
    row++;
    const values = text.split("\t");
    if (values.length === width) yield { file, line, row, values };
    else {
      const v1 = values.length === 57 || values.length === 58 ? " (a GDELT 1.0 daily file has 57 or 58: this importer reads GDELT 2.0 exports)" : "";
      yield { file, line, row, problem: `${values.length} fields where a GDELT 2.0 export line has ${width}${v1}` };
    }
  }
}

export const format: ImportFormat<string[]> = {
  name: "gdelt",
  get dataset() {
    return loadMapping("gdelt").dataset.id;
  },
  get defaultVersion() {
    return loadMapping("gdelt").dataset.version;
  },
  description: "GDELT 2.0 Event Database export (YYYYMMDDHHMMSS.export.CSV: tab-separated, 61 columns, CAMEO codes through the PLOVER crosswalk)",
  rows,
  map: (values, _row, context) => mapRow(values, table(), context),
};
