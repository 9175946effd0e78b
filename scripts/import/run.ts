/**
 * One import: reads the rows of the input files as a stream, maps each with
 * its format, resolves actors and outlets, makes the record, compares it
 * with the record of the same id already there, and stages what changed in a
 * temporary folder; at the end the whole set is moved into place (or, with
 * --dry-run, nothing is written). Every row is accounted for in the report:
 * written (new or changed), unchanged, kept (a person took the record over),
 * skipped (not an event by design, or a duplicate row) or refused (why).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { shownPath } from "../core/paths.ts";
import { temporaryFolder } from "../core/write.ts";
import { hash } from "node:crypto";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { loadJsonSchema } from "../../schema/published.ts";
import { LATEST_VERSION } from "../../schema/versions.ts";
import { canonicalText, inSchemaOrder, type SchemaNode } from "../dataset/canonical.ts";
import { discover, eventFolder } from "../dataset/discover.ts";
import { yaml } from "../dataset/parse.ts";
import { readText } from "../dataset/read.ts";
import { quotedText, readTextManifest, type KeptText } from "../dataset/texts.ts";
import { validatorFor } from "../rules/schema/validators.ts";
import { existingEvents } from "./existing.ts";
import { importedEventId } from "./ids.ts";
import { StagedFiles } from "./stage.ts";
import { Registries, type CreatedEntry } from "./registry.ts";
import type { EventDraft, FieldOutcome, ImportFormat, MapContext } from "./types.ts";

export interface ImportOptions {
  /** The dataset's repository (its registries and kept texts are matched against). */
  root: string;
  format: ImportFormat<any>;
  files: readonly string[];
  /** The folder that takes data/'s place for what is written (events/YYYY/MM/, actors/, outlets/); default `<root>/data`. */
  out?: string;
  dryRun: boolean;
  /** The source dataset's version, recorded in each record's `provenance.origin`. */
  datasetVersion: string;
  /** The handle in `provenance.coded_by`. */
  coder: string;
  /** `provenance.coded_at` of a new or changed record (`YYYY-MM-DD`). */
  today: string;
  recordFormat: "json" | "yaml";
  /** How an input file is named in the report (as the user gave it); default: as given here. */
  display?: (file: string) => string;
}

/** A row not written, with where it is and why. */
export interface RowNote {
  file: string;
  line: number;
  row: number;
  id?: string;
  reason: string;
}

export interface ImportReport {
  format: string;
  dataset: { id: string; version: string };
  files: string[];
  dryRun: boolean;
  rows: number;
  /** Rows that made a record (new, changed or unchanged). */
  records: number;
  written: { new: number; changed: number; unchanged: number; moved: number };
  /** Records of an earlier import that a person took over (`provenance.method` no longer `imported`): left alone. */
  kept: RowNote[];
  skipped: RowNote[];
  refused: RowNote[];
  /** Field -> how many of the rows that made a record mapped, defaulted or dropped it. */
  fields: Record<string, Record<FieldOutcome, number>>;
  /** Table -> code -> rows that had it. */
  unmapped: Record<string, Record<string, number>>;
  actors: { matched: number; matchedDistinct: number; created: string[] };
  outlets: { matched: number; matchedDistinct: number; created: string[] };
  /** Where the records and entries went, relative to the repository (or absolute when outside it). */
  destination: string;
}


const EXTENSIONS = { json: ".json", yaml: ".yaml" } as const;

function recordText(value: unknown, format: "json" | "yaml", kind: "event" | "actor" | "outlet"): string {
  const json = JSON.stringify(value, null, 2) + "\n";
  if (format === "json") return json;
  const canonical = canonicalText(json, "yaml", kind, LATEST_VERSION);
  if (!canonical.ok) throw new Error(`cannot write a record as YAML: ${canonical.reason}`);
  return canonical.text;
}

/** The record of a draft, its keys in schema order (what `format` would write). */
function eventRecord(draft: EventDraft, id: string, actorIds: string[], outletIds: string[], evidence: unknown[] | undefined, options: ImportOptions, dataset: string): Record<string, unknown> {
  // The same actor named twice (PLOVER's `SRC/TAR`, a source that is also a target) takes part once: as participant when its roles differ.
  const actors: { actor: string; role: string }[] = [];
  draft.actors.forEach((a, i) => {
    const id = actorIds[i]!;
    const same = actors.find((x) => x.actor === id);
    if (!same) actors.push({ actor: id, role: a.role });
    else if (same.role !== a.role) same.role = "participant";
  });
  const record: Record<string, unknown> = {
    schema_version: LATEST_VERSION,
    id,
    status: "active",
    title: draft.title,
    summary: draft.summary,
    date: draft.date.end ? { start: draft.date.start, end: draft.date.end, precision: draft.date.precision } : { start: draft.date.start, precision: draft.date.precision },
    event_type: draft.eventType,
    ...(draft.mode ? { mode: draft.mode } : {}),
    actors,
    // Keys in schema order here (formats build them in any order): the record needs no reordered copy.
    ...(draft.locations.length > 0
      ? {
          locations: draft.locations.map((l) => ({
            name: l.name,
            country: l.country,
            ...(l.admin1 !== undefined ? { admin1: l.admin1 } : {}),
            ...(l.lat !== undefined ? { lat: l.lat } : {}),
            ...(l.lon !== undefined ? { lon: l.lon } : {}),
            precision: l.precision,
          })),
        }
      : {}),
    sources: draft.sources.map((s, i) => ({
      outlet: outletIds[i],
      ...(s.title ? { title: s.title } : {}),
      ...(s.url ? { url: s.url } : {}),
      ...(s.published ? { published: s.published } : {}),
      language: s.language,
    })),
    ...(draft.tags && draft.tags.length > 0 ? { tags: [...new Set(draft.tags)] } : {}),
    provenance: { coded_by: [options.coder], coded_at: options.today, method: "imported", origin: { dataset, version: options.datasetVersion, id: draft.originId } },
    ...(evidence && evidence.length > 0 ? { evidence } : {}),
  };
  // Built in schema order; a format's locations may come in another (checked without a copy when they do not).
  return inSchemaOrder(record, loadJsonSchema(LATEST_VERSION, "event") as SchemaNode) as Record<string, unknown>;
}

/** Characters a record value never holds (validate's text-control), and U+FFFD, which stands for bytes that were not UTF-8. */
const UNFIT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/u;

/** Where a value holds such a character, and which: the first one found, as `pointer` and `U+XXXX`; undefined when none. */
function unfitText(value: unknown, pointer = ""): { pointer: string; code: string } | undefined {
  if (typeof value === "string") {
    const m = UNFIT.exec(value);
    return m ? { pointer: pointer || "/", code: `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unfitText(value[i], `${pointer}/${i}`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      const found = unfitText(v, `${pointer}/${k}`);
      if (found) return found;
    }
  return undefined;
}

/** Code points before a string index: W3C TextPositionSelector offsets count characters, not UTF-16 units. */
function codePointOffset(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= index) n++;
    else {
      n++;
      i++;
    }
  }
  return n;
}

/** A record read back, without the fields an import sets each time (`provenance.coded_at`), for comparison. */
function comparable(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const v = value as Record<string, unknown>;
  const provenance = v.provenance as Record<string, unknown> | undefined;
  if (!provenance || typeof provenance !== "object") return value;
  const { coded_at: _codedAt, ...rest } = provenance;
  return { ...v, provenance: rest };
}

function readRecord(file: string): Record<string, unknown> | undefined {
  const read = readText(file);
  if (!read.ok) return undefined;
  try {
    const value = file.endsWith(".json") ? JSON.parse(read.text) : yaml().parse(read.text, { version: "1.2" });
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}


export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const { format, root } = options;
  const shown = options.display ?? ((file: string) => file);
  const dataFolder = path.join(root, "data");
  const destination = options.out ?? dataFolder;
  const registries = new Registries(destination === dataFolder ? [dataFolder] : [dataFolder, destination], format.dataset, options.datasetVersion);
  const existing = existingEvents(destination);
  // Kept texts of the repository: an evidence sentence found in the text of its source gets its position.
  let kept: ReadonlyMap<string, KeptText> = new Map();
  try {
    kept = readTextManifest(root, await discover(root, ["data/texts"])).byUrl;
  } catch {
    // No data/texts/: no positions.
  }
  const validator = validatorFor(LATEST_VERSION, "event")!;

  const report: ImportReport = {
    format: format.name,
    dataset: { id: format.dataset, version: options.datasetVersion },
    files: options.files.map(shown),
    dryRun: options.dryRun,
    rows: 0,
    records: 0,
    written: { new: 0, changed: 0, unchanged: 0, moved: 0 },
    kept: [],
    skipped: [],
    refused: [],
    fields: {},
    unmapped: {},
    actors: { matched: 0, matchedDistinct: 0, created: [] },
    outlets: { matched: 0, matchedDistinct: 0, created: [] },
    destination: shownPath(root, destination),
  };
  // A row's field outcomes count once it makes a record (the report's figures are of what was written); the codes
  // no table maps count for every row, refused ones first of all.
  const rowFields: [string, FieldOutcome][] = [];
  const context: MapContext = {
    field(name, outcome) {
      rowFields.push([name, outcome]);
    },
    unmapped(table, code) {
      const codes = (report.unmapped[table] ??= {});
      codes[code] = (codes[code] ?? 0) + 1;
    },
  };

  // Staged in the repository's temporary folder (outside data/: validate never sees a file of a run cut short), or the
  // output folder's: a tree that mirrors the destination, so that what is staged is not also kept in memory.
  let staging: ReturnType<typeof temporaryFolder> | undefined;
  let tree = "";
  const stagedFolders = new Set<string>();
  /** Records whose date moved them to another month: their old file, removed once the set is in place. */
  const replaced: string[] = [];
  const files = new StagedFiles();
  const stage = async (rel: string, text: string, replaces?: string) => {
    if (!staging) {
      if (destination !== dataFolder) mkdirSync(destination, { recursive: true });
      staging = temporaryFolder(destination === dataFolder ? root : destination);
      // Named as temporaryFolder names what it clears once this process is gone.
      tree = path.join(staging.folder, `${process.pid}.0.tmp`);
    }
    const folder = path.dirname(rel);
    if (!stagedFolders.has(folder)) {
      mkdirSync(path.join(tree, folder), { recursive: true });
      stagedFolders.add(folder);
    }
    if (replaces) replaced.push(replaces);
    await files.write(path.join(tree, rel), text);
  };
  // Rows seen in this run, by the source's id: a digest of the draft, the file (its index) and the line, in one string.
  const seen = new Map<string, string>();
  // Events new in this run: two source ids that derive the same event id (a collision of 40 bits) never share a file.
  const made = new Set<string>();

  try {
    for (const [fileIndex, file] of options.files.entries()) {
      for await (const row of format.rows(file)) {
        report.rows++;
        rowFields.length = 0;
        const where = { file: shown(row.file), line: row.line, row: row.row };
        if ("problem" in row) {
          report.refused.push({ ...where, reason: row.problem });
          continue;
        }
        const mapped = format.map(row.values, where, context);
        if (!mapped.ok) {
          (mapped.skip ? report.skipped : report.refused).push({ ...where, reason: mapped.reason });
          continue;
        }
        const draft = mapped.draft;
        const id = importedEventId(format.dataset, draft.originId);
        // A digest, not the text: what is kept a row stays small at a million rows.
        const draftText = hash("sha1", JSON.stringify(draft), "base64");
        const before = seen.get(draft.originId);
        if (before !== undefined) {
          const [digest, fileIndex, line] = before.split("\t");
          const at = `${report.files[Number(fileIndex)]}:${line}`;
          if (digest === draftText) report.skipped.push({ ...where, id, reason: `the same row as ${at} (id ${draft.originId})` });
          else report.refused.push({ ...where, id, reason: `the id ${draft.originId} was given to ${at} already, with other values` });
          continue;
        }
        seen.set(draft.originId, `${draftText}\t${fileIndex}\t${row.line}`);
        if (made.has(id)) {
          report.refused.push({ ...where, id, reason: `the event id ${id} derived from ${draft.originId} is that of another row of this import (ids derive from 40 bits of a hash); give the row another id` });
          continue;
        }

        // What the row matched and created counts only if it makes a record: a refused row creates no entry.
        let accepted = false;
        try {
          const createdBefore = [registries.actorCounts.created.length, registries.outletCounts.created.length] as const;
          const actorIds = draft.actors.map((a) => registries.actor(a.ref));
          const outletIds = draft.sources.map((s) => registries.outlet(s.outlet));
          // An entry this row creates must pass its schema too, and hold no control character: else the row is refused, and the entry not written.
          const createdNow = [...registries.actorCounts.created.slice(createdBefore[0]), ...registries.outletCounts.created.slice(createdBefore[1])];
          const unfitEntry = createdNow
            .map((entry) => {
              const bad = unfitText(entry.record);
              if (bad) return `the ${entry.kind} it names would hold ${bad.code} in ${bad.pointer} (${bad.code === "U+FFFD" ? "bytes that are not UTF-8: save the file as UTF-8" : "a control character"})`;
              const check = validatorFor(LATEST_VERSION, entry.kind)!;
              if (!check.quick(entry.record)) return `the ${entry.kind} it names would not pass schema ${LATEST_VERSION}: ${check.quick.errors?.[0]?.instancePath ?? ""} ${check.quick.errors?.[0]?.message ?? ""}`.trim();
              return undefined;
            })
            .find((reason) => reason !== undefined);
          if (unfitEntry) {
            report.refused.push({ ...where, id, reason: unfitEntry });
            continue;
          }
          const evidence = draft.evidence?.map((e) => {
            const quote = { source: e.source, claim: e.claim, quote: { exact: e.exact } } as Record<string, unknown>;
            const found = quotedText(draft.sources[e.source]?.url, kept);
            const at = found ? found.text.indexOf(e.exact) : -1;
            if (found && at >= 0 && found.text.indexOf(e.exact, at + 1) < 0) {
              const start = codePointOffset(found.text, at);
              quote.position = { start, end: start + [...e.exact].length };
            }
            return quote;
          });
          const record = eventRecord(draft, id, actorIds, outletIds, evidence, options, format.dataset);
          const bad = unfitText(record);
          if (bad) {
            report.refused.push({ ...where, id, reason: `the record would hold ${bad.code} in ${bad.pointer} (${bad.code === "U+FFFD" ? "bytes that are not UTF-8: save the file as UTF-8" : "a control character: validate's text-control refuses it"})` });
            continue;
          }
          if (!validator.quick(record)) {
            const error = validator.quick.errors?.[0];
            report.refused.push({ ...where, id, reason: `the record would not pass schema ${LATEST_VERSION}: ${error?.instancePath || "(record)"} ${error?.message ?? ""}`.trim() });
            continue;
          }
          const previous = existing.get(id);
          const extension = previous ? path.extname(previous) : EXTENSIONS[options.recordFormat];
          const rel = `${eventFolder(draft.date.start).slice("data/".length)}/${id}${extension}`;
          if (previous) {
            const old = readRecord(path.join(destination, previous));
            if (!old) {
              // Never written over: a file that does not read as a record may hold someone's work.
              report.refused.push({ ...where, id, reason: `${shownPath(root, path.join(destination, previous))} has this id but does not read as a record (run validate on it); fix or remove it, then import again` });
              continue;
            }
            const provenance = old?.provenance as Record<string, unknown> | undefined;
            const origin = provenance?.origin as Record<string, unknown> | undefined;
            if (old && provenance && origin && (origin.dataset !== format.dataset || origin.id !== draft.originId)) {
              report.refused.push({ ...where, id, reason: `its id ${id} is taken by ${shownPath(root, path.join(destination, previous))}, imported from ${String(origin.dataset)} ${String(origin.id)}` });
              continue;
            }
            if (old && provenance && provenance.method !== "imported") {
              report.kept.push({ ...where, id, reason: `${shownPath(root, path.join(destination, previous))} is coded \`${String(provenance.method)}\`, not imported (a person took it over): the import leaves it alone` });
              continue;
            }
            if (old && previous === rel && isDeepStrictEqual(comparable(old), comparable(record))) {
              report.written.unchanged++;
              accepted = true;
              continue;
            }
            report.written.changed++;
            accepted = true;
            if (previous !== rel) report.written.moved++;
            if (!options.dryRun) await stage(rel, recordText(record, extension === ".json" ? "json" : "yaml", "event"), previous !== rel ? path.join(destination, previous) : undefined);
            continue;
          }
          report.written.new++;
          accepted = true;
          made.add(id);
          if (!options.dryRun) await stage(rel, recordText(record, options.recordFormat, "event"));
        } finally {
          if (accepted) {
            report.records++;
            registries.commitRow();
            for (const [name, outcome] of rowFields) (report.fields[name] ??= { mapped: 0, defaulted: 0, dropped: 0 })[outcome]++;
          } else registries.rollbackRow();
        }
      }
    }

    const created: CreatedEntry[] = [...registries.actorCounts.created, ...registries.outletCounts.created];
    for (const entry of created) if (!options.dryRun) await stage(`${entry.file}${EXTENSIONS[options.recordFormat]}`, recordText(entry.record, options.recordFormat, entry.kind));
    await files.finish();
    // The whole set into place: each staged file renamed to its place (folders made as needed), then what moved elsewhere removed.
    if (tree) {
      const madeFolders = new Set<string>();
      const walk = (rel: string) => {
        if (!statSync(path.join(tree, rel)).isDirectory()) throw new Error(`${rel} in the staging tree is not a folder`);
        for (const entry of readdirSync(path.join(tree, rel), { withFileTypes: true })) {
          const name = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory()) walk(name);
          else {
            const final = path.join(destination, name);
            const folder = path.dirname(final);
            if (!madeFolders.has(folder)) {
              mkdirSync(folder, { recursive: true });
              madeFolders.add(folder);
            }
            renameSync(path.join(tree, name), final);
          }
        }
      };
      // Registry entries first, then events: a run cut short midway leaves no event naming an actor or outlet not yet there.
      const top = readdirSync(tree).sort((a, b) => Number(a === "events") - Number(b === "events"));
      for (const name of top) walk(name);
      for (const file of replaced) rmSync(file, { force: true });
    }
  } finally {
    await files.abort();
    if (staging) {
      // What was not moved into place (a failure midway) is removed with its tree.
      rmSync(tree, { recursive: true, force: true });
      staging.done();
    }
  }

  for (const [key, counts] of [["actors", registries.actorCounts], ["outlets", registries.outletCounts]] as const) {
    report[key].created = counts.created.map((c) => c.id);
    report[key].matchedDistinct = counts.matched.size;
    for (const n of counts.matched.values()) report[key].matched += n;
  }
  return report;
}
