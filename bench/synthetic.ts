/**
 * Deterministic synthetic datasets for the benchmark: realistic events (2-4
 * actors, 1-2 locations, 1-3 sources, summaries of a few sentences) that pass
 * every rule, written as JSON and as YAML in nested YYYY/MM folders.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { LATEST_VERSION } from "../schema/versions.ts";
import { EVENT_TYPES } from "../schema/vocabularies/plover.ts";

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same dataset. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const COUNTRIES: [string, string, number, number][] = [
  ["KAZ", "Astana", 51.13, 71.43],
  ["DEU", "Berlin", 52.52, 13.4],
  ["FRA", "Paris", 48.86, 2.35],
  ["USA", "Washington", 38.9, -77.04],
  ["BRA", "Brasilia", -15.79, -47.88],
  ["IND", "New Delhi", 28.61, 77.21],
  ["NGA", "Abuja", 9.08, 7.4],
  ["JPN", "Tokyo", 35.68, 139.69],
  ["AUS", "Canberra", -35.28, 149.13],
  ["KEN", "Nairobi", -1.29, 36.82],
  ["MEX", "Mexico City", 19.43, -99.13],
  ["UZB", "Tashkent", 41.3, 69.24],
];
const OUTLETS = ["afp", "reuters", "ap", "dpa", "efe", "ansa", "kyodo", "yonhap", "anadolu", "interfax"];
/** 600 made-up words from syllables: titles and summaries share words as real ones do, not all of them. */
const SYLLABLES = "ka ro mi ten sa lu ve dor an pel tri gos ba ne ril om".split(" ");
const WORDS = Array.from({ length: 600 }, (_, i) => SYLLABLES[i % 16]! + SYLLABLES[Math.floor(i / 16) % 16]! + (i >= 256 ? SYLLABLES[Math.floor(i / 256)]! : ""));

export interface SyntheticOptions {
  records: number;
  seed?: number;
  /**
   * Findings-heavy records: no evidence (an info, evidence-event-type, on
   * each), a source address off its outlet's domains in 1 of 10 (a warning,
   * url-domain), and every 100th record a copy of the one before under
   * another id (a probable-duplicate warning on both).
   */
  findings?: boolean;
}

function words(rand: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  return out.join(" ");
}

function day(rand: () => number): string {
  // 2021-01-01 .. 2025-12-31
  const t = Date.UTC(2021, 0, 1) + Math.floor(rand() * 1826) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Registries: the outlets above and `actors` synthetic actors. */
function registries(actors: number): Record<string, Record<string, unknown>> {
  const files: Record<string, Record<string, unknown>> = {};
  for (const id of OUTLETS)
    files[`data/outlets/${id}`] = { schema_version: LATEST_VERSION, id, name: `Outlet ${id}`, kind: "wire_agency", country: "FRA", domains: [`${id}.example.com`] };
  for (let i = 0; i < actors; i++) {
    const id = `actor-${String(i).padStart(4, "0")}`;
    files[`data/actors/${id}`] = { schema_version: LATEST_VERSION, id, name: `Actor ${i}`, kind: "organization", country: COUNTRIES[i % COUNTRIES.length]![0] };
  }
  return files;
}

export function* syntheticEvents(options: SyntheticOptions): Generator<[string, Record<string, unknown>]> {
  const rand = prng(options.seed ?? 20230228);
  const seen = new Set<string>();
  let made = 0;
  while (made < options.records) {
    let id = "ev-";
    for (let i = 0; i < 8; i++) id += ALPHABET[Math.floor(rand() * 32)];
    const start = day(rand);
    const type = EVENT_TYPES[Math.floor(rand() * EVENT_TYPES.length)]!;
    const actorCount = 2 + Math.floor(rand() * 3);
    const actors = new Set<number>();
    while (actors.size < actorCount) actors.add(Math.floor(rand() * 400));
    const [country, city, lat, lon] = COUNTRIES[Math.floor(rand() * COUNTRIES.length)]!;
    const key = `${start}|${type.code}|${country}|${[...actors].sort().join(",")}`;
    if (seen.has(id) || seen.has(key)) continue;
    seen.add(id);
    seen.add(key);
    const sources = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => {
      const outlet = OUTLETS[(Math.floor(rand() * OUTLETS.length) + i) % OUTLETS.length]!;
      const host = options.findings && i === 0 && made % 10 === 5 ? "www.elsewhere.example.org" : `www.${outlet}.example.com`;
      return {
        outlet,
        title: `Report ${made} ${words(rand, 6)}`,
        url: `https://${host}/news/${start.slice(0, 4)}/${id}-${i}`,
        published: start,
        language: "en",
      };
    });
    const unique = sources.filter((s, i) => sources.findIndex((o) => o.outlet === s.outlet) === i);
    const event: Record<string, unknown> = {
      schema_version: LATEST_VERSION,
      id,
      status: "active",
      title: `Event ${made}: ${words(rand, 5)}`,
      summary: `${words(rand, 12)}. ${words(rand, 14)}. ${words(rand, 10)}.`,
      date: { start, precision: "day" },
      event_type: type.code,
      ...(type.modes.length > 0 ? { mode: type.modes[Math.floor(rand() * type.modes.length)]!.code } : {}),
      actors: [...actors].map((a, i) => ({ actor: `actor-${String(a).padStart(4, "0")}`, role: i === 0 ? "initiator" : "recipient" })),
      // Keys in schema order, as `eventwire format` writes them (records in the repository are kept so).
      locations: rand() < 0.5 ? [{ name: city, country, lat, lon, precision: "city" }] : [{ name: country, country, precision: "country" }],
      sources: unique,
      tags: ["synthetic"],
      provenance: { coded_by: ["bench"], coded_at: "2026-01-01", method: "manual" },
      // Evidence for the event type, as coders give it (its source's text is not kept: counted as not checked).
      ...(options.findings ? {} : { evidence: [{ source: 0, claim: "event_type", quote: { exact: "synthetic" } }] }),
    };
    made++;
    yield [`data/events/${start.slice(0, 4)}/${start.slice(5, 7)}/${id}`, event];
    if (options.findings && made % 100 === 99 && made < options.records) {
      // The same event under another id: its last letter changed (the ids drawn later skip it).
      let twin = id;
      for (let k = 1; seen.has(twin); k++) twin = id.slice(0, -1) + ALPHABET[(ALPHABET.indexOf(id.at(-1)!) + k) % 32];
      seen.add(twin);
      made++;
      yield [`data/events/${start.slice(0, 4)}/${start.slice(5, 7)}/${twin}`, { ...event, id: twin, title: `Event ${made}: ${words(rand, 5)}` }];
    }
  }
}

/** Writes the same records as `.json` under `<dir>/json` and (unless `formats` leaves it out) as `.yaml` under `<dir>/yaml`. */
export function writeSynthetic(dir: string, options: SyntheticOptions, formats: readonly ("json" | "yaml")[] = ["json", "yaml"]): void {
  const made = new Set<string>();
  const write = (stem: string, record: Record<string, unknown>) => {
    for (const format of formats) {
      const file = path.join(dir, format, `${stem}.${format}`);
      const folder = path.dirname(file);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(file, format === "json" ? JSON.stringify(record, null, 2) + "\n" : stringify(record, { lineWidth: 0 }));
    }
  };
  for (const [stem, record] of Object.entries(registries(400))) write(stem, record);
  for (const [stem, record] of syntheticEvents(options)) write(stem, record);
}

/**
 * One event with `keys` unknown keys (each a schema finding, on a line of its
 * own) beside the registries, as JSON under `<dir>/json`: 100,000 keys of four
 * characters make about 1 MB, under the file-size limit (1 MiB).
 */
export function writeManyKeys(dir: string, keys: number, seed?: number): void {
  writeSynthetic(dir, { records: 0, seed }, ["json"]);
  const [stem, record] = syntheticEvents({ records: 1, seed }).next().value!;
  const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const name = (i: number) => `X${digits[Math.floor(i / 3844) % 62]}${digits[Math.floor(i / 62) % 62]}${digits[i % 62]}`;
  const lines = Array.from({ length: keys }, (_, i) => `"${name(i)}":0`);
  const text = JSON.stringify(record, null, 2).replace(/\n}$/, `,\n${lines.join(",\n")}\n}\n`);
  const file = path.join(dir, "json", `${stem}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
