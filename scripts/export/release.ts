/**
 * Builds a release folder (events.jsonl, the CSV tables, the JSON Schemas,
 * datapackage.json, CHANGELOG.md, the dataset card, CITATION.cff, SHA256SUMS)
 * and its .tar.gz. Records are read and written one at a time (memory stays flat
 * as the dataset grows), in id order, with nothing taken from the clock, so
 * the same data gives the same bytes. The folder is built under a hidden
 * temporary name beside its destination and renamed into place at the end.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { Actor, Event, Outlet } from "../../schema/index.ts";
import { migrateRecord, type RecordValue } from "../../schema/migrations/index.ts";
import { LATEST_VERSION, RECORD_KINDS, jsonSchemaPath, type RecordKind } from "../../schema/versions.ts";
import { TOOLKIT_ROOT } from "../core/paths.ts";
import { Timings } from "../core/timing.ts";
import { byPath, sortedById, type DatasetFile } from "../dataset/discover.ts";
import { filesOfKind, type Files } from "../dataset/listing.ts";
import { readTrusted } from "../check/load.ts";
import { writeTarGz } from "./archive.ts";
import { citationFile, datasetCard, EventCounts } from "./card.ts";
import { changelog, compareEvents, LISTED, schemaChanges, type ChangeKind } from "./changes.ts";
import { datapackageDescriptor } from "./datapackage.ts";
import { EVENT_TABLES, EventParts, partFile, type EventPartsResult } from "./event-parts.ts";
import { csvHeader, FormulaCells, FormulaCellsError, OpenFiles, OutputFile, TableWriter, type FileFacts } from "./output.ts";
import { ACTOR_ALIASES, ACTOR_OFFICES, ACTORS, CHANGES, OUTLETS, type TableDefinition } from "./tables.ts";


export interface ReleaseOptions {
  /** Where release folders go (dist/). */
  out: string;
  version: string;
  /** The listing of data/ (every record validated). */
  files: Files;
  /** The release's `created` time (ISO 8601): from SOURCE_DATE_EPOCH or the last commit, never the clock. */
  created?: string;
  /** The folder of the previous release, for CHANGELOG.md and changes.csv. */
  previous?: string;
  /**
   * Writes the event part files into the temporary folder (see event-parts.ts)
   * and returns what each share reports, or undefined to give the build up
   * (the command validates here, and its workers write the parts as they
   * check). Without it the events are read here, one at a time, as one share.
   */
  writeEvents?: (folder: string) => Promise<EventPartsResult[] | undefined>;
  /** Stage times (EVENTWIRE_TIMING). */
  timings?: Timings;
}

export interface ReleaseResult {
  folder: string;
  files: { path: string; bytes: number; sha256: string }[];
  events: number;
}

/** Records of one kind, in id order (file names are ids: the file-name rule holds it), read one at a time, as records of the latest version. */
function* recordsOf<T>(files: Files, kind: RecordKind): Generator<T> {
  const ordered = sortedById(filesOfKind(files, kind), (f) => f);
  // The dataset passed validate just before: read and parse only (no second schema check).
  for (const file of ordered) {
    const value = readTrusted(file);
    if (value === undefined) throw new Error(`${file.path} can no longer be read as a record; run validate`);
    yield migrateRecord<T>(value as RecordValue, kind);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The version a previous release folder names in its datapackage.json, or its folder name. */
function previousVersionOf(folder: string): string {
  try {
    return String((JSON.parse(readFileSync(path.join(folder, "datapackage.json"), "utf8")) as { version?: string }).version);
  } catch {
    return path.basename(folder);
  }
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
  const name = `eventwire-${options.version}`;
  const folder = path.join(options.out, name);
  const outExisted = existsSync(options.out);
  mkdirSync(options.out, { recursive: true });
  // Leftovers of an interrupted build (hidden, never a release) go first; those of a build still running stay.
  for (const entry of readdirSync(options.out)) {
    const m = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(tmp|tar\\.gz\\.tmp|old)-(\\d+)$`).exec(entry);
    if (!m || (Number(m[2]) !== process.pid && isRunning(Number(m[2])))) continue;
    const leftover = path.join(options.out, entry);
    // Killed between moving the old release aside and the new one in: the old one comes back.
    if (m[1] === "old" && !existsSync(folder)) renameSync(leftover, folder);
    else rmSync(leftover, { recursive: true, force: true });
  }
  const temp = path.join(options.out, `.${name}.tmp-${process.pid}`);
  mkdirSync(temp);
  const archiveTemp = path.join(options.out, `.${name}.tar.gz.tmp-${process.pid}`);
  const cleanup = () => {
    rmSync(temp, { recursive: true, force: true });
    rmSync(archiveTemp, { force: true });
  };
  const onSignal = () => {
    cleanup();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const open = new OpenFiles();
  const timings = options.timings ?? new Timings(false);
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

    // What changed since the previous release, walked in id order beside the new events.jsonl.
    // Its cells are checked like every table's: ids and statuses from a previous release are data from outside too.
    const changeTable = new TableWriter(path.join(temp, CHANGES.file), CHANGES, open, formulas);
    const firstIds = new Map<ChangeKind, string[]>();
    const previousJsonl = options.previous ? path.join(options.previous, "events.jsonl") : undefined;
    if (previousJsonl && !existsSync(previousJsonl)) throw new Error(`${options.previous} holds no events.jsonl: is it a release folder?`);
    const changeCounts = compareEvents(previousJsonl, path.join(temp, "events.jsonl"), (c) => {
      const list = firstIds.get(c.change) ?? [];
      if (list.length < LISTED) list.push(c.event_id);
      firstIds.set(c.change, list);
      changeTable.row(c);
    });
    facts.set(CHANGES.file, changeTable.close());
    timings.mark("changes since the previous release");

    const actorTable = new TableWriter(path.join(temp, ACTORS.file), ACTORS, open, formulas);
    const aliasTable = new TableWriter(path.join(temp, ACTOR_ALIASES.file), ACTOR_ALIASES, open, formulas);
    const officeTable = new TableWriter(path.join(temp, ACTOR_OFFICES.file), ACTOR_OFFICES, open, formulas);
    for (const actor of recordsOf<Actor>(options.files, "actor")) {
      actorTable.row(actor);
      for (const [i, item] of (actor.aliases ?? []).entries()) aliasTable.row({ actor, item, position: i + 1 });
      for (const [i, item] of (actor.offices ?? []).entries()) officeTable.row({ actor, item, position: i + 1 });
    }
    facts.set(ACTORS.file, actorTable.close());
    facts.set(ACTOR_ALIASES.file, aliasTable.close());
    facts.set(ACTOR_OFFICES.file, officeTable.close());
    const outletTable = new TableWriter(path.join(temp, OUTLETS.file), OUTLETS, open, formulas);
    for (const outlet of recordsOf<Outlet>(options.files, "outlet")) outletTable.row(outlet);
    facts.set(OUTLETS.file, outletTable.close());
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
    const previousVersion = options.previous ? previousVersionOf(options.previous) : undefined;
    writeText("CHANGELOG.md", changelog(options.version, previousVersion, schemaChanges(options.previous, temp), changeCounts, firstIds));
    writeText("README.md", datasetCard(options.version, options.created, counts));
    writeText("CITATION.cff", citationFile(options.version, options.created));

    // datapackage.json describes the files above; SHA256SUMS lists them all, datapackage.json included.
    writeText("datapackage.json", JSON.stringify(datapackageDescriptor(options.version, options.created, facts), null, 2) + "\n");
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

    // Into place: the old release (if any) is moved aside only once the new one is complete.
    const old = path.join(options.out, `.${name}.old-${process.pid}`);
    if (existsSync(folder)) renameSync(folder, old);
    renameSync(temp, folder);
    renameSync(archiveTemp, `${folder}.tar.gz`);
    rmSync(old, { recursive: true, force: true });
    return { folder, files, events: counts.events };
  } catch (error) {
    open.closeAll();
    cleanup();
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
