/**
 * Builds a release folder (events.jsonl, the CSV tables, the JSON Schemas,
 * datapackage.json, CHANGELOG.md, the dataset card, CITATION.cff, the landing
 * page index.html, SHA256SUMS)
 * and its .tar.gz. Records are read and written one at a time (memory stays flat
 * as the dataset grows), in id order, with nothing taken from the clock, so
 * the same data gives the same bytes.
 *
 * On disk a release is one set, one folder that holds the rest:
 *
 *     <out>/eventwire-<v>/eventwire-<v>/          the release folder (SHA256SUMS inside)
 *     <out>/eventwire-<v>/eventwire-<v>.tar.gz    its archive
 *
 * The set is built whole in a hidden staging folder beside it,
 * <out>/.eventwire-<v>.tmp-<pid>/, and put in place by renames: an old set (if
 * any) to <out>/.eventwire-<v>.old-<pid>, the staging folder to
 * <out>/eventwire-<v>, the old set removed. rename(2) cannot replace a folder
 * that is not empty, so two renames it is; a kill between them leaves no set
 * at the name and the old one whole beside it, which the next release puts
 * back. A reader never sees a folder of one build beside an archive of
 * another. Every release first clears the leftovers of earlier runs (any
 * version) whose process is gone, and reports those of runs still going.
 */
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Actor, Event, Outlet } from "../../schema/index.ts";
import { migrateRecord, type RecordValue } from "../../schema/migrations/index.ts";
import { LATEST_VERSION, RECORD_KINDS, jsonSchemaPath, type RecordKind } from "../../schema/versions.ts";
import { existsOrLink } from "../core/regular-file.ts";
import { TOOLKIT_ROOT } from "../core/paths.ts";
import { Timings } from "../core/timing.ts";
import { byPath, sortedById, type DatasetFile } from "../dataset/discover.ts";
import { datasetEvents, filesOfKind, type Files } from "../dataset/listing.ts";
import { readTrusted } from "../check/load.ts";
import { writeTarGz } from "./archive.ts";
import { citationFile, datasetCard, EventCounts } from "./card.ts";
import type { ReliabilityData } from "./reliability.ts";
import { changelog, compareEvents, LISTED, schemaChanges, type ChangeKind } from "./changes.ts";
import type { PreviousRelease } from "./previous.ts";
import { datapackageDescriptor } from "./datapackage.ts";
import { importedSources } from "./imported.ts";
import { landingPage } from "./page.ts";
import { EventParts, partFile, type EventPartsResult } from "./event-parts.ts";
import { csvHeader, factsOfFile, FormulaCells, FormulaCellsError, OpenFiles, OutputFile, TableWriter, TableWriters, type FileFacts } from "./output.ts";
import { ACTOR_TABLES, CHANGES, EVENT_TABLES, OUTLETS, visitActorRows, type TableDefinition } from "./tables.ts";
import { releaseSinks, TableSinks, visitEventsJsonl } from "./table-sinks.ts";
import { XLSX_FILE } from "./xlsx.ts";


export interface ReleaseOptions {
  /** Where release folders go (dist/). */
  out: string;
  version: string;
  /** The listing of data/ (every record validated). */
  files: Files;
  /** The release's `created` time (ISO 8601): from SOURCE_DATE_EPOCH or the last commit, never the clock. */
  created?: string;
  /** The previous release (opened by previous.ts), for CHANGELOG.md and changes.csv. */
  previous?: PreviousRelease;
  /**
   * Writes the event part files into the temporary folder (see event-parts.ts)
   * and returns what each share reports, or undefined to give the build up
   * (the command validates here, and its workers write the parts as they
   * check). Without it the events are read here, one at a time, as one share.
   */
  writeEvents?: (folder: string) => Promise<EventPartsResult[] | undefined>;
  /**
   * The agreement of the events with each second coding, for the card's Reliability section: asked for once
   * the records have passed validate (the release command measures it; none: "not measured").
   */
  reliability?: () => ReliabilityData;
  /** The largest release (in events) eventwire.xlsx is written for (EVENTWIRE_XLSX_MAX_EVENTS; xlsx.ts). */
  xlsxMaxEvents?: number;
  /** Stage times (EVENTWIRE_TIMING). */
  timings?: Timings;
  /** Called right before each step that puts the set in place (tests kill the process there: EVENTWIRE_TEST_KILL_AT). */
  beforeStep?: (step: ReleaseStep) => void;
}

/** The steps that put a built set in place, in order. */
export const RELEASE_STEPS = ["move-old-aside", "move-new-in", "remove-old"] as const;
export type ReleaseStep = (typeof RELEASE_STEPS)[number];

export interface ReleaseResult {
  /** The set: <out>/eventwire-<v>/. */
  set: string;
  /** The release folder, in the set. */
  folder: string;
  /** The archive, in the set. */
  archive: string;
  files: { path: string; bytes: number; sha256: string }[];
  events: number;
}

/** Records of one kind, in id order (file names are ids: the file-name rule holds it), read one at a time, as records of the latest version. */
function* recordsOf<T>(files: Files, kind: RecordKind): Generator<T> {
  // Second codings (data/codings/<coder>/) are event records but no events of the dataset: never released.
  const ordered = sortedById(kind === "event" ? datasetEvents(files) : filesOfKind(files, kind), (f) => f);
  // The dataset passed validate just before: read and parse only (no second schema check).
  for (const file of ordered) {
    const value = readTrusted(file);
    if (value === undefined) throw new Error(`${file.path} can no longer be read as a record; run validate`);
    yield migrateRecord<T>(value as RecordValue, kind);
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The hidden names a release works under: staging, old set moved aside, a previous archive's entries, a lock being taken (and the .tar.gz.tmp of releases before the one-set layout). */
const LEFTOVER = /^\.eventwire-(.+)\.(tmp|old|previous|tar\.gz\.tmp|lock|stale)-(\d+)$/;

/**
 * Clears what earlier release runs left in `out` (killed, or the machine
 * stopped): for any version, each hidden staging, scratch or old-set folder
 * whose process is gone. An old set with no set at its name is put back (the
 * run stopped between its two renames); any other leftover is removed. Those
 * of a run still going are left alone. Returns a line for each, to report.
 */
export function clearLeftovers(out: string): string[] {
  const notes: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return notes;
    throw error;
  }
  for (const entry of entries.sort()) {
    const m = LEFTOVER.exec(entry);
    if (!m) continue;
    const leftover = path.join(out, entry);
    const pid = Number(m[3]);
    if (pid !== process.pid && isRunning(pid)) {
      notes.push(`${leftover} belongs to a release still running (process ${pid}); left alone`);
      continue;
    }
    const set = path.join(out, `eventwire-${m[1]}`);
    if (m[2] === "old" && !existsOrLink(set)) {
      renameSync(leftover, set);
      notes.push(`${set} put back from ${entry}, left by a release stopped while replacing it`);
    } else {
      rmSync(leftover, { recursive: true, force: true, maxRetries: 3 });
      notes.push(`${leftover} removed, left by a release that did not finish`);
    }
  }
  return notes;
}

/** A release of the version is running: a second one would race it for the set's name. */
export class ReleaseBusyError extends Error {}

/**
 * Takes the lock of a version's release in `out` (`.eventwire-<v>.lock`, created
 * exclusively, holding the process id): two releases of one version at once
 * would each build and rename into the same set, and the one that lost would
 * leave the other's old set aside. A lock whose process is gone (a killed
 * release) is taken over. Returns the function that gives it back.
 *
 * Between reading a stale lock and replacing it another release may do the
 * same; the lock is therefore written under a name of this process's own and
 * linked into place (link(2) fails if the name exists), so of two takers one wins.
 */
export function lockRelease(out: string, version: string): () => void {
  const lock = path.join(out, `.eventwire-${version}.lock`);
  const mine = `${lock}-${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`, { mode: 0o644 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, lock);
        return () => {
          // Only a lock that is still this process's own is removed.
          if (holderOf(lock) === process.pid) rmSync(lock, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = holderOf(lock);
      const busy = (pid: number) => new ReleaseBusyError(`a release of ${version} is already running (process ${pid}, lock ${lock}); wait for it to finish`);
      if (holder !== undefined && holder !== process.pid && isRunning(holder)) throw busy(holder);
      // Stale (its process is gone) or unreadable: moved to a name of this process's own first, so a lock another taker
      // has just put in its place is not the one removed.
      const stale = path.join(out, `.eventwire-${version}.stale-${process.pid}`);
      try {
        renameSync(lock, stale);
        const moved = holderOf(stale);
        if (moved !== undefined && moved !== holder && isRunning(moved)) {
          // Another release took the lock between the read and the rename: it is put back, and it wins.
          try {
            linkSync(stale, lock);
          } catch {
            // A third taker holds the name now: it wins instead.
          }
          throw busy(moved);
        }
      } catch (error) {
        if (error instanceof ReleaseBusyError) throw error;
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      } finally {
        rmSync(stale, { recursive: true, force: true });
      }
    }
    throw new ReleaseBusyError(`could not take the lock ${lock}: other releases of ${version} keep taking it`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** The process id a lock file holds, or undefined (gone, not a regular file, or not a number). */
function holderOf(lock: string): number | undefined {
  try {
    if (!lstatSync(lock).isFile()) return undefined;
    const pid = Number(readFileSync(lock, "utf8").trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The names of the set of a version in `out`. */
export function releasePaths(out: string, version: string, pid = process.pid) {
  const name = `eventwire-${version}`;
  const set = path.join(out, name);
  return {
    name,
    set,
    folder: path.join(set, name),
    archive: path.join(set, `${name}.tar.gz`),
    staging: path.join(out, `.${name}.tmp-${pid}`),
    old: path.join(out, `.${name}.old-${pid}`),
    scratch: path.join(out, `.${name}.previous-${pid}`),
  };
}

/** The events as one share, read here in id order (when no validate workers wrote the parts). */
function writeEventsHere(folder: string, files: Files): EventPartsResult[] {
  const parts = new EventParts(folder, 0);
  try {
    for (const event of recordsOf<Event>(files, "event")) parts.add(event);
    return [parts.close()];
  } catch (error) {
    parts.abandon();
    throw error;
  }
}

export async function buildRelease(options: ReleaseOptions): Promise<ReleaseResult | undefined> {
  const { name, set, folder, archive, staging, old } = releasePaths(options.out, options.version);
  const outExisted = existsSync(options.out);
  mkdirSync(options.out, { recursive: true });
  clearLeftovers(options.out);
  // The release folder and its archive are built side by side in the staging folder: the set, whole.
  const temp = path.join(staging, name);
  const archiveTemp = path.join(staging, `${name}.tar.gz`);
  // Set between the two renames: a signal then puts the old set back.
  let asideOnly = false;
  const cleanup = () => {
    rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      cleanup();
      if (asideOnly && !existsOrLink(set)) renameSync(old, set);
    } catch {
      // What stays is cleared by the next release (clearLeftovers).
    }
    process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  };
  // Before the staging folder exists: a signal once it does always removes it.
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    mkdirSync(staging);
    mkdirSync(temp);
  } catch (error) {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    throw error;
  }
  const open = new OpenFiles();
  const timings = options.timings ?? new Timings(false);
  let abandonSinks = () => {};
  try {
    // The event files: parts written by each share (the validate workers, or here), joined in id order.
    const parts = options.writeEvents ? await options.writeEvents(temp) : writeEventsHere(temp, options.files);
    if (parts === undefined) {
      cleanup();
      // Given up before anything was built: not even an empty dist/ is left behind.
      if (!outExisted && readdirSync(options.out).length === 0) rmSync(options.out, { recursive: true });
      return undefined;
    }
    const disorder = parts.find((p) => p.disorder)?.disorder;
    if (disorder) throw new Error(`events are not in id order (${disorder}); run validate`);
    parts.sort((a, b) => a.part - b.part);
    const counts = new EventCounts();
    const formulas = new FormulaCells();
    for (const p of parts) {
      counts.merge(p.counts);
      formulas.merge(p.formulas);
    }
    // Size and hash of every file, kept as it is written.
    const facts = new Map<string, FileFacts>();
    // events.jsonl, then each table with its header line.
    const joined: [file: string, header: string][] = [["events.jsonl", ""], ...EVENT_TABLES.map((t): [string, string] => [t.file, csvHeader(t as TableDefinition<unknown>)])];
    for (const [file, header] of joined) {
      const out = new OutputFile(path.join(temp, file), open);
      if (header) out.write(header);
      for (const p of parts) {
        out.append(partFile(temp, file, p.part));
        rmSync(partFile(temp, file, p.part));
      }
      facts.set(file, out.close());
    }
    timings.mark("join the event parts");

    // The other formats of the tables (table-sinks.ts): each gets every table's rows, the event tables' from events.jsonl.
    const sinks = new TableSinks(releaseSinks(temp, { created: options.created, events: counts.events, xlsxMaxEvents: options.xlsxMaxEvents }));
    abandonSinks = () => sinks.abandon();
    if (sinks.takesRows) {
      visitEventsJsonl(path.join(temp, "events.jsonl"), sinks);
      timings.mark("event tables, other formats");
    }

    // What changed since the previous release, walked in id order beside the new events.jsonl.
    // Its cells are checked like every table's: ids and statuses from a previous release are data from outside too.
    const changeTable = new TableWriter(path.join(temp, CHANGES.file), CHANGES, open, formulas);
    const firstIds = new Map<ChangeKind, string[]>();
    const changeCounts = compareEvents(options.previous?.events, path.join(temp, "events.jsonl"), (c) => {
      const list = firstIds.get(c.change) ?? [];
      if (list.length < LISTED) list.push(c.event_id);
      firstIds.set(c.change, list);
      changeTable.row(c);
      sinks.row(CHANGES, c);
    });
    facts.set(CHANGES.file, changeTable.close());
    timings.mark("changes since the previous release");

    const actorTables = new TableWriters(ACTOR_TABLES as unknown as TableDefinition<never>[], (table) => path.join(temp, table.file), open, formulas);
    // Each actor's rows to its CSV files, and to the other formats.
    const toActorTables = {
      row: <R>(table: TableDefinition<R>, record: R) => {
        actorTables.row(table, record);
        sinks.row(table, record);
      },
    };
    for (const actor of recordsOf<Actor>(options.files, "actor")) visitActorRows(actor, toActorTables);
    for (const [table, fileFacts] of actorTables.close()) facts.set(table.file, fileFacts);
    const outletTable = new TableWriter(path.join(temp, OUTLETS.file), OUTLETS, open, formulas);
    for (const outlet of recordsOf<Outlet>(options.files, "outlet")) {
      outletTable.row(outlet);
      sinks.row(OUTLETS, outlet);
    }
    facts.set(OUTLETS.file, outletTable.close());
    // The other formats' files, each with its size and hash.
    for (const rel of await sinks.close()) facts.set(rel, factsOfFile(path.join(temp, rel)));
    abandonSinks = () => {};
    if (sinks.length > 0) timings.mark("other formats of the tables");
    // Every CSV is written: one text cell that a spreadsheet would run as a formula, and nothing is released.
    if (formulas.count > 0) throw new FormulaCellsError(formulas);

    const writeText = (rel: string, text: string) => {
      const out = new OutputFile(path.join(temp, rel), open);
      out.write(text);
      facts.set(rel, out.close());
    };
    mkdirSync(path.join(temp, "schema"));
    for (const kind of RECORD_KINDS) writeText(`schema/${kind}.schema.json`, readFileSync(path.join(TOOLKIT_ROOT, jsonSchemaPath(LATEST_VERSION, kind)), "utf8"));

    // The changelog, the dataset card and the citation file.
    writeText("CHANGELOG.md", changelog(options.version, options.previous?.version, schemaChanges(options.previous?.schemas, temp), changeCounts, firstIds));
    const reliability = options.reliability?.();
    if (options.reliability) timings.mark("agreement with the second codings");
    writeText("README.md", datasetCard(options.version, options.created, counts, { xlsx: facts.has(XLSX_FILE), xlsxMaxEvents: options.xlsxMaxEvents }, reliability));
    const citation = citationFile(options.version, options.created);
    writeText("CITATION.cff", citation);

    // datapackage.json describes the files above; SHA256SUMS lists them all, datapackage.json included.
    writeText("datapackage.json", JSON.stringify(datapackageDescriptor(options.version, options.created, facts, importedSources(counts.byOrigin), reliability), null, 2) + "\n");
    // The landing page lists every file written so far (SHA256SUMS and the archive are linked, without a hash); SHA256SUMS lists it.
    writeText("index.html", landingPage({ version: options.version, created: options.created, counts: counts.data(), previousVersion: options.previous?.version, changeCounts, firstIds, files: [...facts].map(([rel, f]) => ({ path: rel, ...f })), archive: `../${name}.tar.gz`, citation, ...(reliability ? { reliability } : {}) }));
    const files: ReleaseResult["files"] = [...facts]
      .map(([rel, f]) => ({ path: rel, bytes: f.bytes, sha256: f.sha256 }))
      .sort(byPath);
    const sums = new OutputFile(path.join(temp, "SHA256SUMS"), open, false);
    sums.write(files.map((f) => `${f.sha256}  ${f.path}\n`).join(""));
    sums.close();
    timings.mark("registries, card, datapackage.json");

    // The archive: sorted entries, fixed modes, owner and times, so that it too is the same bytes every time.
    for (const rel of ["", ...files.map((f) => f.path), "SHA256SUMS"]) chmodSync(path.join(temp, rel), rel === "" ? 0o755 : 0o644);
    chmodSync(path.join(temp, "schema"), 0o755);
    await writeTarGz({ cwd: temp, prefix: name, entries: [...files.map((f) => f.path), "SHA256SUMS"].sort(), mtime: new Date(options.created ?? 0), file: archiveTemp });
    timings.mark("archive");

    // Into place, as one set: the old set (if any) is moved aside only once the new one is complete.
    const step = (name: ReleaseStep) => options.beforeStep?.(name);
    const replacing = existsOrLink(set);
    if (replacing) {
      step("move-old-aside");
      renameSync(set, old);
      asideOnly = true;
    }
    step("move-new-in");
    renameSync(staging, set);
    asideOnly = false;
    if (replacing) {
      step("remove-old");
      rmSync(old, { recursive: true, force: true, maxRetries: 3 });
    }
    // The archive of a release made before the one-set layout (beside its folder) belonged to the set just replaced.
    const formerArchive = path.join(options.out, `${name}.tar.gz`);
    if (replacing && existsOrLink(formerArchive) && lstatSync(formerArchive).isFile()) rmSync(formerArchive);
    return { set, folder, archive, files, events: counts.events };
  } catch (error) {
    open.closeAll();
    abandonSinks();
    // Stopped between the two renames (a full disk, say): the old set goes back to its name.
    if (asideOnly && !existsOrLink(set)) renameSync(old, set);
    cleanup();
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
