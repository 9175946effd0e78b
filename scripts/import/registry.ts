/**
 * The actors and outlets an import names, found in the registries
 * (data/actors/, data/outlets/) or created. A created entry says so in its
 * `origin` (the source dataset and the source's code or name) and holds only
 * what the source gave: never a Wikidata or GeoNames id, never a domain the
 * source did not show, never a guessed country. An entry created by an
 * earlier import of the same dataset is found again by its origin, so a
 * second import creates nothing.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { LATEST_VERSION } from "../../schema/versions.ts";
import { readText } from "../dataset/read.ts";
import { yaml } from "../dataset/parse.ts";
import { slug } from "../dataset/mint-id.ts";
import { nameKey } from "../dataset/registry-names.ts";
import { listRecordFiles } from "./existing.ts";
import type { ActorRef, OutletRef } from "./types.ts";

type Tldts = typeof import("tldts");
let tldtsModule: Tldts | undefined;
const tldts = () => (tldtsModule ??= createRequire(import.meta.url)("tldts") as Tldts);

/** How names are compared (shared with `eventwire new --from-issue`): dataset/registry-names.ts. */
export { nameKey };

interface Entry {
  id: string;
  kind?: string;
  country?: string;
  domains?: string[];
  origin?: { dataset?: string; id?: string };
}

/** A registry entry the import made: its id, the path it goes to (relative to the data folder) and its record. */
export interface CreatedEntry {
  kind: "actor" | "outlet";
  id: string;
  file: string;
  record: Record<string, unknown>;
}

export interface RegistryCounts {
  /** Entries that were in the registries before the run, by id: how many times rows named them. */
  matched: Map<string, number>;
  created: CreatedEntry[];
  /** Ids created by this run (rows that name them again count neither as matched nor as created). */
  createdIds: Set<string>;
}

class Index {
  readonly ids = new Set<string>();
  readonly byName = new Map<string, string[]>();
  readonly byOrigin = new Map<string, string>();
  readonly entries = new Map<string, Entry>();

  add(entry: Entry, names: string[]): void {
    this.ids.add(entry.id);
    this.entries.set(entry.id, entry);
    for (const name of names) {
      const key = nameKey(name);
      if (!key) continue;
      const list = this.byName.get(key) ?? [];
      if (!list.includes(entry.id)) list.push(entry.id);
      this.byName.set(key, list);
    }
    if (entry.origin?.dataset && entry.origin.id) this.byOrigin.set(`${entry.origin.dataset}\u0000${entry.origin.id}`, entry.id);
  }

  /** Takes back an entry added in a row that made no record. */
  remove(entry: Entry, names: string[]): void {
    this.ids.delete(entry.id);
    this.entries.delete(entry.id);
    for (const name of names) {
      const key = nameKey(name);
      const list = this.byName.get(key)?.filter((id) => id !== entry.id);
      if (list && list.length > 0) this.byName.set(key, list);
      else this.byName.delete(key);
    }
    if (entry.origin?.dataset && entry.origin.id) this.byOrigin.delete(`${entry.origin.dataset}\u0000${entry.origin.id}`);
  }

  /** A free id from a name: its slug, or the slug with a number (`-2`, `-3`...) when taken. */
  freeId(name: string, fallback: string): string {
    const base = slug(name) || fallback;
    if (!this.ids.has(base)) return base;
    for (let n = 2; ; n++) {
      const id = `${base.slice(0, 60)}-${n}`;
      if (!this.ids.has(id)) return id;
    }
  }
}

function readEntries(dataFolder: string, folder: "actors" | "outlets"): { entry: Entry; names: string[] }[] {
  const out: { entry: Entry; names: string[] }[] = [];
  for (const rel of listRecordFiles(path.join(dataFolder, folder), false)) {
    const read = readText(path.join(dataFolder, folder, rel));
    if (!read.ok) {
      out.push({ entry: { id: path.basename(rel).replace(/\.(ya?ml|json)$/, "") }, names: [] });
      continue;
    }
    let value: unknown;
    try {
      value = rel.endsWith(".json") ? JSON.parse(read.text) : yaml().parse(read.text, { version: "1.2" });
    } catch {
      // A registry entry that does not parse is validate's to report; the import matches against the others.
      value = null;
    }
    const id = path.basename(rel).replace(/\.(ya?ml|json)$/, "");
    // A file that does not read as an entry still takes its id: a created entry never writes over it.
    if (value === null || typeof value !== "object") {
      out.push({ entry: { id }, names: [] });
      continue;
    }
    const v = value as Record<string, unknown>;
    const names = [v.name, ...(Array.isArray(v.aliases) ? v.aliases : [])].filter((n): n is string => typeof n === "string");
    out.push({
      entry: {
        id,
        kind: typeof v.kind === "string" ? v.kind : undefined,
        country: typeof v.country === "string" ? v.country : undefined,
        domains: Array.isArray(v.domains) ? v.domains.filter((d): d is string => typeof d === "string") : undefined,
        origin: v.origin && typeof v.origin === "object" ? (v.origin as Entry["origin"]) : undefined,
      },
      names,
    });
  }
  return out;
}

/**
 * The registries an import resolves against: those of the dataset, and, with
 * --out, those of the output folder (where earlier imports put what they created).
 */
export class Registries {
  private readonly actors = new Index();
  private readonly outlets = new Index();
  private readonly statesByCountry = new Map<string, string>();
  private readonly byDomain = new Map<string, string>();
  /** What the row being mapped changed, to take back if it makes no record (undone last first). */
  private undo: (() => void)[] = [];
  readonly actorCounts: RegistryCounts = { matched: new Map(), created: [], createdIds: new Set() };
  readonly outletCounts: RegistryCounts = { matched: new Map(), created: [], createdIds: new Set() };

  constructor(
    dataFolders: readonly string[],
    private readonly dataset: string,
    private readonly version: string,
  ) {
    for (const folder of dataFolders) {
      for (const { entry, names } of readEntries(folder, "actors")) {
        if (this.actors.ids.has(entry.id)) continue;
        this.actors.add(entry, names);
        if (entry.kind === "state" && entry.country && !this.statesByCountry.has(entry.country)) this.statesByCountry.set(entry.country, entry.id);
      }
      for (const { entry, names } of readEntries(folder, "outlets")) {
        if (this.outlets.ids.has(entry.id)) continue;
        this.outlets.add(entry, names);
        for (const domain of entry.domains ?? []) if (!this.byDomain.has(domain)) this.byDomain.set(domain, entry.id);
      }
    }
  }

  private matched(counts: RegistryCounts, id: string): string {
    if (!counts.createdIds.has(id)) {
      counts.matched.set(id, (counts.matched.get(id) ?? 0) + 1);
      this.undo.push(() => {
        const n = counts.matched.get(id)! - 1;
        if (n > 0) counts.matched.set(id, n);
        else counts.matched.delete(id);
      });
    }
    return id;
  }

  /** The row made a record: what it matched and created stays. */
  commitRow(): void {
    this.undo.length = 0;
  }

  /**
   * The row made no record (refused, or its record left alone): the entries
   * it created are taken back (never written), and its matches uncounted.
   */
  rollbackRow(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]!();
    this.undo.length = 0;
  }

  /** The id of an actor: the mapping table's, one an import made before from the same code, the state of its country, one of the same name (and country); else a new entry. */
  actor(ref: ActorRef): string {
    const index = this.actors;
    if (ref.registry && index.ids.has(ref.registry)) return this.matched(this.actorCounts, ref.registry);
    const originKey = `${this.dataset}\u0000${ref.code ?? ref.name}`;
    const made = index.byOrigin.get(originKey);
    if (made) return this.matched(this.actorCounts, made);
    if (ref.kind === "state" && ref.country) {
      const state = this.statesByCountry.get(ref.country);
      if (state) return this.matched(this.actorCounts, state);
    }
    const named = (index.byName.get(nameKey(ref.name)) ?? []).filter((id) => {
      const e = index.entries.get(id)!;
      return !ref.country || !e.country || e.country === ref.country;
    });
    if (named.length === 1) return this.matched(this.actorCounts, named[0]!);
    const id = index.freeId(ref.name, `actor-${slug(ref.code ?? "") || "imported"}`);
    const record: Record<string, unknown> = {
      schema_version: LATEST_VERSION,
      id,
      name: ref.name,
      kind: ref.kind,
      ...(ref.country ? { country: ref.country } : {}),
      origin: { dataset: this.dataset, version: this.version, id: ref.code ?? ref.name },
    };
    const entry: Entry = { id, kind: ref.kind, country: ref.country, origin: { dataset: this.dataset, id: ref.code ?? ref.name } };
    index.add(entry, [ref.name]);
    const isState = ref.kind === "state" && ref.country !== undefined && !this.statesByCountry.has(ref.country);
    if (isState) this.statesByCountry.set(ref.country!, id);
    this.actorCounts.created.push({ kind: "actor", id, file: `actors/${id}`, record });
    this.actorCounts.createdIds.add(id);
    this.undo.push(() => {
      index.remove(entry, [ref.name]);
      if (isState) this.statesByCountry.delete(ref.country!);
      this.actorCounts.created.pop();
      this.actorCounts.createdIds.delete(id);
    });
    return id;
  }

  /** The id of an outlet: the mapping table's, the one whose domain the report's address is on, one of the same name, one an import made before; else a new entry. */
  outlet(ref: OutletRef): string {
    const index = this.outlets;
    if (ref.registry && index.ids.has(ref.registry)) return this.matched(this.outletCounts, ref.registry);
    let host: string | undefined;
    let domain: string | undefined;
    if (ref.url) {
      const parsed = tldts().parse(ref.url, { allowPrivateDomains: true });
      host = parsed.hostname ?? undefined;
      domain = parsed.domain ?? undefined;
      if (host) {
        for (let h = host; ; ) {
          const id = this.byDomain.get(h);
          if (id) return this.matched(this.outletCounts, id);
          const dot = h.indexOf(".");
          if (dot < 0) break;
          h = h.slice(dot + 1);
        }
      }
    }
    const name = ref.name ?? domain ?? host;
    if (!name) throw new Error("an outlet reference needs a name or an address");
    const named = index.byName.get(nameKey(name)) ?? [];
    if (named.length === 1) return this.matched(this.outletCounts, named[0]!);
    const made = index.byOrigin.get(`${this.dataset}\u0000${name}`);
    if (made) return this.matched(this.outletCounts, made);
    const id = index.freeId(name, "outlet-imported");
    const record: Record<string, unknown> = {
      schema_version: LATEST_VERSION,
      id,
      name,
      kind: "other",
      ...(domain ? { domains: [domain] } : {}),
      origin: { dataset: this.dataset, version: this.version, id: name },
    };
    const entry: Entry = { id, domains: domain ? [domain] : undefined, origin: { dataset: this.dataset, id: name } };
    index.add(entry, [name]);
    if (domain) this.byDomain.set(domain, id);
    this.outletCounts.created.push({ kind: "outlet", id, file: `outlets/${id}`, record });
    this.outletCounts.createdIds.add(id);
    this.undo.push(() => {
      index.remove(entry, [name]);
      if (domain) this.byDomain.delete(domain);
      this.outletCounts.created.pop();
      this.outletCounts.createdIds.delete(id);
    });
    return id;
  }
}
