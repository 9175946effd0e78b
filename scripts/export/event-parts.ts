/**
 * The release files drawn from events (events.jsonl and the five event
 * tables), written for one share of the events, in id order, as part files
 * that the release then joins end to end. A validate worker writes its share
 * while it checks it, so that a release reads and parses each record once.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Event } from "../../schema/index.ts";
import { migrateRecord } from "../../schema/migrations/index.ts";
import { LATEST_VERSION } from "../../schema/versions.ts";
import type { EventSinkSpec } from "../check/sink.ts";
import { RUNNING_FROM_BUNDLE, TOOLKIT_ROOT } from "../core/paths.ts";
import { inSchemaOrder, type SchemaNode } from "../dataset/canonical.ts";
import { loadJsonSchema } from "../../schema/published.ts";
import { EventCounts, type EventCountsData } from "./card.ts";
import { FormulaCells, OpenFiles, OutputFile, TableWriters, type FormulaCell } from "./output.ts";
import { EVENT_TABLES, visitEventRows, type TableDefinition } from "./tables.ts";

/** Where share `part` writes its piece of `file`. */
export function partFile(folder: string, file: string, part: number): string {
  return path.join(folder, `.${file}.part-${part}`);
}

/** What a share reports when its parts are written: plain data, so that a worker can send it. */
export interface EventPartsResult {
  part: number;
  counts: EventCountsData;
  formulas: { count: number; listed: FormulaCell[] };
  /** Set when an event came out of id order (two files with one id, or an id that is not its file's name). */
  disorder?: string;
}

/**
 * This module's URL, for the check stage to load in each of its threads: the
 * source file through tsx, or its own entry in the bundle (build/event-parts.mjs,
 * see build.ts), where import.meta.url would name a shared chunk.
 */
const THIS_MODULE = RUNNING_FROM_BUNDLE ? pathToFileURL(path.join(TOOLKIT_ROOT, "build", "event-parts.mjs")).href : import.meta.url;

/**
 * The sink to hand the check stage (its `exportTo`) so that each share writes
 * its valid events as part files in `folder`, as it checks them; each share's
 * report (CheckResult's `parts`) is an EventPartsResult.
 */
export function eventPartsSink(folder: string): EventSinkSpec {
  return { module: THIS_MODULE, folder };
}

/** Opens share `part`'s writer: what the check stage calls, in the thread that checks the share (see check/sink.ts). */
export function openEventSink(folder: string, part: number): EventParts {
  return new EventParts(folder, part);
}

export class EventParts {
  private readonly files = new OpenFiles();
  private readonly schema = loadJsonSchema(LATEST_VERSION, "event") as SchemaNode;
  private readonly counts = new EventCounts();
  private readonly formulas = new FormulaCells();
  private readonly jsonl: OutputFile;
  private readonly tables: TableWriters;
  private last = "";
  private disorder: string | undefined;
  constructor(
    folder: string,
    private readonly part: number,
  ) {
    const options = { header: false, hashed: false };
    try {
      this.jsonl = new OutputFile(partFile(folder, "events.jsonl", part), this.files, false);
      this.tables = new TableWriters(EVENT_TABLES as unknown as TableDefinition<never>[], (table) => partFile(folder, table.file, part), this.files, this.formulas, options);
    } catch (error) {
      this.files.closeAll();
      throw error;
    }
  }

  /**
   * Adds the next event. Events must come in increasing id order (the release
   * joins the parts as they are); one that does not is noted, not thrown:
   * validate reports its cause, and the release refuses on it.
   */
  add(record: Event): void {
    // Older records are written as records of the latest version.
    const event = migrateRecord<Event>(record, "event");
    if (event.id <= this.last) this.disorder ??= `\`${event.id}\` came after \`${this.last}\``;
    this.last = event.id;
    this.counts.add(event);
    this.jsonl.write(JSON.stringify(inSchemaOrder(event, this.schema)) + "\n");
    visitEventRows(event, this.tables);
  }

  close(): EventPartsResult {
    try {
      this.jsonl.close();
      this.tables.close();
    } finally {
      this.files.closeAll();
    }
    return { part: this.part, counts: this.counts.data(), formulas: { count: this.formulas.count, listed: this.formulas.listed }, ...(this.disorder ? { disorder: this.disorder } : {}) };
  }

  /** Closes the files without finishing them (the build failed; its folder goes). */
  abandon(): void {
    this.files.closeAll();
  }
}
