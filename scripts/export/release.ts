/**
 * Builds a release folder (events.jsonl, the CSV tables, the JSON Schemas,
 * datapackage.json, CHANGELOG.md, the dataset card, CITATION.cff, SHA256SUMS)
 * and its .tar.gz. Records are read and written one at a time (memory stays flat
 * as the dataset grows), in id order, with nothing taken from the clock, so
 * the same data gives the same bytes. The folder is built under a hidden
 * temporary name beside its destination and renamed into place at the end.
 */
import { stringify as stringifySync } from "csv-stringify/sync";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import * as tar from "tar";
import { chmodSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, type WriteStream } from "node:fs";
import path from "node:path";
import type { Actor, Event, Outlet } from "../../schema/index.ts";
import { LATEST_VERSION, RECORD_KINDS, jsonSchemaPath } from "../../schema/versions.ts";
import { TOOLKIT_ROOT } from "../core/paths.ts";
import { orderValue, type SchemaNode } from "../dataset/canonical.ts";
import { idFromPath, type DatasetFile } from "../dataset/discover.ts";
import { readTrusted } from "../check/load.ts";
import { FORMULA_START } from "../rules/text/text-formula.ts";
import { loadJsonSchema } from "../rules/schema/validators.ts";
import { citationFile, datasetCard, EventCounts } from "./card.ts";
import { changelog, compareEvents, LISTED, schemaChanges, type ChangeKind } from "./changes.ts";
import { datapackageDescriptor, type FileFacts } from "./datapackage.ts";
import { ACTOR_ALIASES, ACTOR_OFFICES, ACTORS, CHANGES, EVENT_ACTORS, EVENT_LOCATIONS, EVENT_SOURCES, EVENTS, OUTLETS, type TableDefinition } from "./tables.ts";

export interface ReleaseOptions {
  /** Where release folders go (dist/). */
  out: string;
  version: string;
  /** The listing of data/ (every record validated). */
  files: readonly DatasetFile[];
  /** The release's `created` time (ISO 8601): from SOURCE_DATE_EPOCH or the last commit, never the clock. */
  created?: string;
  /** The folder of the previous release, for CHANGELOG.md and changes.csv. */
  previous?: string;
  /** Told how many events are written, now and then (the command shows it on a terminal). */
  progress?: (done: number, total: number) => void;
}

export interface ReleaseResult {
  folder: string;
  files: { path: string; bytes: number; sha256: string }[];
  events: number;
}

/** Waits for a stream to take more when it says it is full (backpressure); a failed stream rejects, never hangs. */
function writeTo(stream: WriteStream, chunk: Buffer): Promise<void> | undefined {
  if (stream.errored) return Promise.reject(stream.errored);
  return stream.write(chunk) ? undefined : once(stream, "drain").then(() => undefined);
}

/** Ends a stream and waits until its data is on disk, or its error. */
function finish(stream: WriteStream): Promise<void> {
  stream.end();
  return finished(stream);
}

/** Every stream a build opens: on a failure they are closed before the temporary folder goes. */
class OpenStreams {
  private readonly streams: (NodeJS.WritableStream & { destroy(): void; closed?: boolean })[] = [];

  track<S extends NodeJS.WritableStream & { destroy(): void }>(stream: S): S {
    // A failure is reported where the build awaits its streams; this keeps it from being "unhandled" first.
    stream.on("error", () => undefined);
    this.streams.push(stream);
    return stream;
  }

  async destroyAll(): Promise<void> {
    await Promise.all(
      this.streams.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.closed) return resolve();
            s.once("close", () => resolve());
            s.destroy();
          }),
      ),
    );
  }
}

/** Cells that start like a formula: kept as they are, and listed (the first 50, and a count) in the dataset card. */
export class FormulaCells {
  count = 0;
  readonly listed: { file: string; key: string; column: string; value: string }[] = [];

  add(file: string, key: string, column: string, value: string): void {
    this.count++;
    if (this.listed.length < 50) this.listed.push({ file, key, column, value });
  }
}

/** A file written as text comes, with its size and SHA-256 kept on the way (no second read). */
class HashedFile {
  private readonly stream: WriteStream;
  private readonly hash = createHash("sha256");
  private bytes = 0;

  constructor(
    readonly file: string,
    streams: OpenStreams,
  ) {
    this.stream = streams.track(createWriteStream(file));
  }

  write(text: string): Promise<void> | undefined {
    const chunk = Buffer.from(text, "utf8");
    this.hash.update(chunk);
    this.bytes += chunk.length;
    return writeTo(this.stream, chunk);
  }

  async close(): Promise<FileFacts> {
    await finish(this.stream);
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }
}

/** CSV options: RFC 4180 quoting, CRLF line ends (UTF-8 without BOM is the stream's). */
// csv-stringify quotes a CRLF but not a lone CR or LF under CRLF records: quote every line break.
export const CSV_OPTIONS = { record_delimiter: "windows", quoted_string: false, eof: true, quoted_match: /[\r\n\u2028\u2029]/ } as const;

/**
 * A CSV table written as rows come, a batch at a time through csv-stringify
 * (one call for many rows costs far less than a stream transform a row).
 */
class TableWriter<R> {
  private readonly out: HashedFile;
  private batch: string[][] = [];

  constructor(
    folder: string,
    private readonly table: TableDefinition<R>,
    streams: OpenStreams,
    private readonly formulas?: FormulaCells,
  ) {
    this.out = new HashedFile(path.join(folder, table.file), streams);
    void this.out.write(stringifySync([table.columns.map((c) => c.name)], CSV_OPTIONS));
  }

  async row(record: R, index = 0): Promise<void> {
    const cells = this.table.columns.map((c) => {
      const v = c.value(record, index);
      return v === undefined ? "" : typeof v === "number" ? String(v) : v;
    });
    if (this.formulas)
      this.table.columns.forEach((c, i) => {
        if (c.type === "string" && FORMULA_START.test(cells[i]!)) this.formulas!.add(this.table.file, this.table.primaryKey.map((k) => cells[this.table.columns.findIndex((x) => x.name === k)]).join(", "), c.name, cells[i]!);
      });
    this.batch.push(cells);
    if (this.batch.length >= 1000) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const text = stringifySync(this.batch, CSV_OPTIONS);
    this.batch = [];
    await this.out.write(text);
  }

  async close(): Promise<FileFacts> {
    await this.flush();
    return this.out.close();
  }
}


/** Records of one kind, in id order (file names are ids: the file-name rule holds it), read one at a time. */
function* recordsOf<T>(files: readonly DatasetFile[], kind: DatasetFile["kind"]): Generator<T> {
  const ordered = files.filter((f) => f.kind === kind).sort((a, b) => {
    const x = idFromPath(a.path);
    const y = idFromPath(b.path);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  // The dataset passed validate just before: read and parse only (no second schema check).
  for (const file of ordered) {
    const value = readTrusted(file);
    if (value === undefined) throw new Error(`${file.path} can no longer be read as a record; run validate`);
    yield value as T;
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

export async function buildRelease(options: ReleaseOptions): Promise<ReleaseResult> {
  const name = `eventwire-${options.version}`;
  const folder = path.join(options.out, name);
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
  const cleanup = () => {
    rmSync(temp, { recursive: true, force: true });
    rmSync(path.join(options.out, `.${name}.tar.gz.tmp-${process.pid}`), { force: true });
  };
  const onSignal = () => {
    cleanup();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const streams = new OpenStreams();
  try {
    const eventSchema = loadJsonSchema(LATEST_VERSION, "event") as SchemaNode;
    // Size and hash of every file, kept as it is written.
    const facts = new Map<string, FileFacts>();
    const jsonl = new HashedFile(path.join(temp, "events.jsonl"), streams);
    const formulas = new FormulaCells();
    const events = new TableWriter(temp, EVENTS, streams, formulas);
    const actors = new TableWriter(temp, EVENT_ACTORS, streams, formulas);
    const locations = new TableWriter(temp, EVENT_LOCATIONS, streams, formulas);
    const sources = new TableWriter(temp, EVENT_SOURCES, streams, formulas);
    let count = 0;
    const counts = new EventCounts();
    let lines: string[] = [];
    const total = options.files.filter((f) => f.kind === "event").length;
    for (const event of recordsOf<Event>(options.files, "event")) {
      if (count % 1000 === 0) options.progress?.(count, total);
      counts.add(event);
      lines.push(JSON.stringify(orderValue(event, eventSchema)));
      if (lines.length >= 1000) {
        await jsonl.write(lines.join("\n") + "\n");
        lines = [];
      }
      await events.row(event);
      for (const [i, item] of event.actors.entries()) await actors.row({ event, item, position: i + 1 });
      for (const [i, item] of event.locations.entries()) await locations.row({ event, item, position: i + 1 });
      for (const [i, item] of event.sources.entries()) await sources.row({ event, item, position: i + 1 });
      count++;
    }
    if (lines.length > 0) await jsonl.write(lines.join("\n") + "\n");
    options.progress?.(count, total);
    facts.set("events.jsonl", await jsonl.close());
    for (const [table, writer] of [[EVENTS, events], [EVENT_ACTORS, actors], [EVENT_LOCATIONS, locations], [EVENT_SOURCES, sources]] as const)
      facts.set(table.file, await writer.close());

    // What changed since the previous release, walked in id order beside the new events.jsonl.
    const changeTable = new TableWriter(temp, CHANGES, streams);
    const firstIds = new Map<ChangeKind, string[]>();
    const previousJsonl = options.previous ? path.join(options.previous, "events.jsonl") : undefined;
    if (previousJsonl && !existsSync(previousJsonl)) throw new Error(`${options.previous} holds no events.jsonl: is it a release folder?`);
    const changeCounts = await compareEvents(previousJsonl, path.join(temp, "events.jsonl"), async (c) => {
      const list = firstIds.get(c.change) ?? [];
      if (list.length < LISTED) list.push(c.event_id);
      firstIds.set(c.change, list);
      await changeTable.row(c);
    });
    facts.set(CHANGES.file, await changeTable.close());

    const actorTable = new TableWriter(temp, ACTORS, streams, formulas);
    const aliasTable = new TableWriter(temp, ACTOR_ALIASES, streams, formulas);
    const officeTable = new TableWriter(temp, ACTOR_OFFICES, streams, formulas);
    for (const actor of recordsOf<Actor>(options.files, "actor")) {
      await actorTable.row(actor);
      for (const [i, item] of (actor.aliases ?? []).entries()) await aliasTable.row({ actor, item, position: i + 1 });
      for (const [i, item] of (actor.offices ?? []).entries()) await officeTable.row({ actor, item, position: i + 1 });
    }
    facts.set(ACTORS.file, await actorTable.close());
    facts.set(ACTOR_ALIASES.file, await aliasTable.close());
    facts.set(ACTOR_OFFICES.file, await officeTable.close());
    const outletTable = new TableWriter(temp, OUTLETS, streams, formulas);
    for (const outlet of recordsOf<Outlet>(options.files, "outlet")) await outletTable.row(outlet);
    facts.set(OUTLETS.file, await outletTable.close());

    const writeText = async (rel: string, text: string) => {
      const out = new HashedFile(path.join(temp, rel), streams);
      await out.write(text);
      facts.set(rel, await out.close());
    };
    mkdirSync(path.join(temp, "schema"));
    for (const kind of RECORD_KINDS)
      await writeText(`schema/${kind}.schema.json`, readFileSync(path.join(TOOLKIT_ROOT, jsonSchemaPath(LATEST_VERSION, kind)), "utf8"));

    // The changelog, the dataset card and the citation file.
    const previousVersion = options.previous ? previousVersionOf(options.previous) : undefined;
    await writeText("CHANGELOG.md", changelog(options.version, previousVersion, schemaChanges(options.previous, temp), changeCounts, firstIds));
    await writeText("README.md", datasetCard(options.version, options.created, counts, formulas));
    await writeText("CITATION.cff", citationFile(options.version, options.created));

    // datapackage.json describes the files above; SHA256SUMS lists them all, datapackage.json included.
    await writeText("datapackage.json", JSON.stringify(datapackageDescriptor(options.version, options.created, facts), null, 2) + "\n");
    const files: ReleaseResult["files"] = [...facts]
      .map(([rel, f]) => ({ path: rel, bytes: f.bytes, sha256: f.sha256 }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const sums = new HashedFile(path.join(temp, "SHA256SUMS"), streams);
    await sums.write(files.map((f) => `${f.sha256}  ${f.path}\n`).join(""));
    await sums.close();

    // The archive: sorted entries, fixed modes, owner and times, so that it too is the same bytes every time.
    for (const rel of ["", ...files.map((f) => f.path), "SHA256SUMS"]) chmodSync(path.join(temp, rel), rel === "" ? 0o755 : 0o644);
    chmodSync(path.join(temp, "schema"), 0o755);
    const archiveTemp = path.join(options.out, `.${name}.tar.gz.tmp-${process.pid}`);
    await tar.c(
      { gzip: true, portable: true, mtime: new Date(options.created ?? 0), cwd: temp, prefix: name, file: archiveTemp, noDirRecurse: true },
      [...files.map((f) => f.path), "SHA256SUMS"].sort(),
    );

    // Into place: the old release (if any) is moved aside only once the new one is complete.
    const old = path.join(options.out, `.${name}.old-${process.pid}`);
    if (existsSync(folder)) renameSync(folder, old);
    renameSync(temp, folder);
    renameSync(archiveTemp, `${folder}.tar.gz`);
    rmSync(old, { recursive: true, force: true });
    return { folder, files, events: count };
  } catch (error) {
    await streams.destroyAll();
    cleanup();
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
