/**
 * Builds a release folder: events.jsonl, the CSV tables, the JSON Schemas and
 * SHA256SUMS. Records are read and written one at a time (memory stays flat
 * as the dataset grows), in id order, with nothing taken from the clock, so
 * the same data gives the same bytes. The folder is built under a hidden
 * temporary name beside its destination and renamed into place at the end.
 */
import { stringify, type Stringifier } from "csv-stringify";
import { createHash } from "node:crypto";
import * as tar from "tar";
import { chmodSync, copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, type WriteStream } from "node:fs";
import path from "node:path";
import type { Actor, Event, Outlet } from "../../schema/index.ts";
import { LATEST_VERSION, RECORD_KINDS, jsonSchemaPath } from "../../schema/versions.ts";
import { TOOLKIT_ROOT } from "../core/paths.ts";
import { orderValue, type SchemaNode } from "../dataset/canonical.ts";
import type { DatasetFile } from "../dataset/discover.ts";
import { load } from "../check/load.ts";
import { idFromPath } from "../rules/dataset/summary.ts";
import { loadJsonSchema } from "../rules/schema/validators.ts";
import { citationFile, datasetCard, EventCounts } from "./card.ts";
import { changelog, compareEvents, LISTED, schemaChanges, type ChangeKind } from "./changes.ts";
import { datapackageDescriptor } from "./datapackage.ts";
import { ACTORS, CHANGES, EVENT_ACTORS, EVENT_LOCATIONS, EVENT_SOURCES, EVENTS, OUTLETS, type TableDefinition } from "./tables.ts";

export interface ReleaseOptions {
  /** The dataset's repository. */
  root: string;
  /** Where release folders go (dist/). */
  out: string;
  version: string;
  /** The listing of data/ (every record validated). */
  files: readonly DatasetFile[];
  /** The release's `created` time (ISO 8601): from SOURCE_DATE_EPOCH or the last commit, never the clock. */
  created?: string;
  /** The folder of the previous release, for CHANGELOG.md and changes.csv. */
  previous?: string;
}

export interface ReleaseResult {
  folder: string;
  files: { path: string; bytes: number; sha256: string }[];
  events: number;
}

/** Waits for a stream to take more when it says it is full (backpressure). */
function writeTo(stream: NodeJS.WritableStream, chunk: string | unknown[]): Promise<void> | undefined {
  return stream.write(chunk as never) ? undefined : new Promise((resolve) => stream.once("drain", () => resolve()));
}

function finish(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once("error", reject);
    stream.end(() => resolve());
  });
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

/** A CSV table written as rows come: RFC 4180 quoting, CRLF line ends, UTF-8 without BOM. */
class TableWriter<R> {
  private readonly csv: Stringifier;
  private readonly file: WriteStream;
  private readonly done: Promise<void>;

  constructor(
    folder: string,
    private readonly table: TableDefinition<R>,
    streams: OpenStreams,
  ) {
    this.file = streams.track(createWriteStream(path.join(folder, table.file)));
    this.csv = streams.track(stringify({ header: true, columns: table.columns.map((c) => c.name), record_delimiter: "windows", quoted_string: false, eof: true }));
    this.done = new Promise((resolve, reject) => {
      this.file.once("finish", () => resolve());
      this.file.once("error", reject);
      this.csv.once("error", reject);
    });
    this.done.catch(() => undefined); // awaited in close(); a failure before that is the build's own
    this.csv.pipe(this.file);
  }

  async row(record: R, index = 0): Promise<void> {
    const values = this.table.columns.map((c) => {
      const v = c.value(record, index);
      return v === undefined ? "" : typeof v === "number" ? String(v) : v;
    });
    await writeTo(this.csv, values);
  }

  close(): Promise<void> {
    this.csv.end();
    return this.done;
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Records of one kind, in id order (file names are ids: the file-name rule holds it), read one at a time. */
function* recordsOf<T>(files: readonly DatasetFile[], kind: DatasetFile["kind"]): Generator<T> {
  const ordered = files.filter((f) => f.kind === kind).sort((a, b) => {
    const x = idFromPath(a.path);
    const y = idFromPath(b.path);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (const file of ordered) {
    const loaded = load(file);
    if (!loaded.valid) throw new Error(`${file.path} is not a valid record; run validate`);
    yield loaded.record as T;
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
  // Leftovers of an interrupted build (hidden, never a release) go first.
  for (const entry of readdirSync(options.out))
    if (entry.startsWith(`.${name}.tmp-`) || entry.startsWith(`.${name}.tar.gz.tmp-`) || entry.startsWith(`.${name}.old-`))
      rmSync(path.join(options.out, entry), { recursive: true, force: true });
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
    const jsonl = streams.track(createWriteStream(path.join(temp, "events.jsonl")));
    const events = new TableWriter(temp, EVENTS, streams);
    const actors = new TableWriter(temp, EVENT_ACTORS, streams);
    const locations = new TableWriter(temp, EVENT_LOCATIONS, streams);
    const sources = new TableWriter(temp, EVENT_SOURCES, streams);
    let count = 0;
    const counts = new EventCounts();
    for (const event of recordsOf<Event>(options.files, "event")) {
      counts.add(event);
      await writeTo(jsonl, JSON.stringify(orderValue(event, eventSchema)) + "\n");
      await events.row(event);
      for (const [i, item] of event.actors.entries()) await actors.row({ event, item, position: i + 1 });
      for (const [i, item] of event.locations.entries()) await locations.row({ event, item, position: i + 1 });
      for (const [i, item] of event.sources.entries()) await sources.row({ event, item, position: i + 1 });
      count++;
    }
    await Promise.all([finish(jsonl), events.close(), actors.close(), locations.close(), sources.close()]);

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
    await changeTable.close();

    const actorTable = new TableWriter(temp, ACTORS, streams);
    for (const actor of recordsOf<Actor>(options.files, "actor")) await actorTable.row(actor);
    await actorTable.close();
    const outletTable = new TableWriter(temp, OUTLETS, streams);
    for (const outlet of recordsOf<Outlet>(options.files, "outlet")) await outletTable.row(outlet);
    await outletTable.close();

    mkdirSync(path.join(temp, "schema"));
    for (const kind of RECORD_KINDS)
      copyFileSync(path.join(TOOLKIT_ROOT, jsonSchemaPath(LATEST_VERSION, kind)), path.join(temp, "schema", `${kind}.schema.json`));

    // The changelog, the dataset card and the citation file.
    const previousVersion = options.previous ? previousVersionOf(options.previous) : undefined;
    for (const [file, text] of [
      ["CHANGELOG.md", changelog(options.version, previousVersion, schemaChanges(options.previous, temp), changeCounts, firstIds)],
      ["README.md", datasetCard(options.version, options.created, counts)],
      ["CITATION.cff", citationFile(options.version, options.created)],
    ] as const) {
      const stream = streams.track(createWriteStream(path.join(temp, file)));
      await writeTo(stream, text);
      await finish(stream);
    }

    // Sizes and hashes of every file, for datapackage.json and then SHA256SUMS (which covers datapackage.json too).
    const factsOf = async (): Promise<ReleaseResult["files"]> => {
      const listed: string[] = [];
      const walk = (rel: string) => {
        for (const entry of readdirSync(path.join(temp, rel), { withFileTypes: true })) {
          const child = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory()) walk(child);
          else listed.push(child);
        }
      };
      walk("");
      listed.sort();
      const out: ReleaseResult["files"] = [];
      for (const rel of listed) out.push({ path: rel, bytes: statSync(path.join(temp, rel)).size, sha256: await sha256Of(path.join(temp, rel)) });
      return out;
    };
    const dataFacts = new Map((await factsOf()).map((f) => [f.path, f]));
    const descriptor = datapackageDescriptor(options.version, options.created, dataFacts);
    const dp = streams.track(createWriteStream(path.join(temp, "datapackage.json")));
    await writeTo(dp, JSON.stringify(descriptor, null, 2) + "\n");
    await finish(dp);
    const files = await factsOf();
    const sums = streams.track(createWriteStream(path.join(temp, "SHA256SUMS")));
    for (const f of files) await writeTo(sums, `${f.sha256}  ${f.path}\n`);
    await finish(sums);

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
