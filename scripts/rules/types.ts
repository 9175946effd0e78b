/** What a rule is: metadata as data, and a check that returns facts about one place. */
import type { Actor, Event, Outlet, RecordKind } from "../../schema/index.ts";
import type { Severity } from "../core/finding.ts";
import type { DatasetFile } from "../dataset/discover.ts";
import type { Position } from "../dataset/lines.ts";
import type { ParsedDocument, ParseResult, Target } from "../dataset/parse.ts";
import type { ReadResult } from "../dataset/read.ts";
import type { KeptText, TextProblem } from "../dataset/texts.ts";

export type RuleFamily = "file" | "parse" | "schema" | "record" | "dataset";

/** A rule's metadata (ESLint's `meta`): who it is, how loud, and its wording. */
export interface RuleMeta {
  /** Stable id: never renamed, never reused. */
  id: string;
  family: RuleFamily;
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** How to fix what it finds; printed as the help line of each finding. */
  help: string;
  /**
   * The wording of the rule's findings, by message id: templates with
   * `{{name}}` placeholders filled from an issue's `data` (as ESLint writes them).
   * An issue names one by `messageId`; wording lives here only.
   */
  messages: Readonly<Record<string, string>>;
  /** The rule can compute the correction of some findings (an issue's `fix`): the value to write at a pointer. */
  fixable?: true;
}

/** Values for a message's placeholders. */
export type MessageData = Readonly<Record<string, string | number>>;

/** An edit as data: the JSON value to write at a pointer of the record. */
export interface RuleFix {
  pointer: string;
  value: unknown;
}

/** A possible correction the rule cannot choose on its own (ESLint's suggestions). */
export interface RuleSuggestion {
  messageId: string;
  data?: MessageData;
  fix: RuleFix;
}

/** One problem a rule found: where (a pointer, or a position for text-level problems) and what. */
export interface RuleIssue {
  pointer?: string;
  target?: Target;
  position?: Position;
  /** The key of the finding's wording in the rule's `messages`. */
  messageId: string;
  /** Values for the placeholders of the message (and of `helpId`'s). */
  data?: MessageData;
  /** A message id whose text replaces the rule's `help` when the finding knows better (e.g. a broken registry file). */
  helpId?: string;
  related?: { file: string; pointer: string }[];
  /** The exact correction, when the rule knows it (only rules that are `fixable`). */
  fix?: RuleFix;
  suggestions?: RuleSuggestion[];
}

/** A rule on a file's bytes and parse, before any record is read. */
export interface FileRule {
  meta: RuleMeta;
  scope: "file";
  /**
   * The rule reports what a listing found but a run cannot read (DatasetFile's
   * `unread`): a folder that could not be listed or a file that could not be
   * read (`unreadable`), or a path that is no regular file (`not-regular`).
   * The check runs it on such a path even when the path is not a target, as
   * the targets were compared without what it holds.
   */
  reportsUnread?: "unreadable" | "not-regular";
  check(ctx: FileContext): RuleIssue[];
}

export interface FileContext {
  file: DatasetFile;
  read: ReadResult;
  parse?: ParseResult;
}

/**
 * A rule on one parsed record. Every record rule runs on every record, valid
 * or not: it reads the fields it judges through typed access (rules/fields.ts)
 * and passes over what is ill-typed (the schema rule's finding), so that one
 * schema error does not hide the record's other findings.
 */
export interface RecordRule {
  meta: RuleMeta;
  scope: "record";
  kinds: readonly RecordKind[];
  /**
   * The rule checks evidence quotes against the kept source texts: while it
   * is on, a target's quote whose source's text is kept counts as checked
   * (the run's summary says how many were, and how many were not).
   */
  checksQuotes?: boolean;
  check(ctx: RecordContext): RuleIssue[];
}

/** The reference data every record rule may consult: registries by id. */
export interface Registries {
  actors: ReadonlyMap<string, Actor>;
  outlets: ReadonlyMap<string, Outlet>;
  /**
   * Entries whose file is there but broken (it cannot be read, does not
   * parse, or fails its schema), by the id their file name gives -> the file:
   * a record that names one is told so, not that the id is unknown.
   */
  broken?: { actors: ReadonlyMap<string, string>; outlets: ReadonlyMap<string, string> };
  /**
   * A folder of the registry that could not be listed (its own finding names
   * it): an id missing from the registry may be in it, so none is reported missing.
   */
  unlisted?: { actors?: string; outlets?: string };
}

/**
 * What a dataset rule sees of an event: the fields records are compared by,
 * small enough to pass between threads. `partial` entries stand for events
 * outside the scope of `validate --changed`: only their id is known (from the
 * file name, which the file-name rule ties to the id).
 */
export interface EventSummary {
  id: string;
  partial?: true;
  status?: Event["status"];
  duplicate_of?: string;
  start?: string;
  /**
   * What probable duplicates share besides the start date, as one string
   * (a summary is kept for every event, so it is kept small): the event type,
   * the distinct country codes of the locations and the distinct actor ids,
   * each list sorted.
   */
  profile?: string;
}

/**
 * A rule across records (unique ids, duplicates). It sees the events one at
 * a time as the check stage reads them, in any order, keeps only what it
 * compares (no list of every event is held for it), and reports at the end.
 */
export interface DatasetRule {
  meta: RuleMeta;
  scope: "dataset";
  /** A pass over one dataset: `add` each event, then `finish`. */
  start(ctx: DatasetContext): DatasetPass;
}

/** Issues across records name the file they are reported in. */
export type DatasetIssue = RuleIssue & { file: string };

export interface DatasetPass {
  /**
   * One event. `order` is its place in the listing (the order events are
   * compared in): where an issue lists other files, it lists them in it.
   */
  add?(event: EventSummary, order: number): void;
  finish(): DatasetIssue[];
}

export interface DatasetContext {
  /** Registry entries by kind, with the file that holds each. */
  registryFiles: readonly { kind: RecordKind; id: string; file: string }[];
  /** Files deleted since the base of `validate --changed`; empty otherwise. */
  deleted: readonly string[];
  /** What is wrong with data/texts/ and its manifest (see dataset/texts.ts). */
  textProblems: readonly TextProblem[];
  /** The file of the event added with `order`. */
  fileAt(order: number): string;
  /**
   * The event added with `order`, summarized again from its file: a rule that
   * keeps a hash of what it compares confirms a match with it (so a file
   * edited during the run is judged as it is at the end).
   */
  summaryAt(order: number): EventSummary | undefined;
}

export interface RecordContext {
  file: DatasetFile;
  kind: RecordKind;
  doc: ParsedDocument;
  record: Record<string, unknown>;
  /** The record's `schema_version` when the toolkit knows it. */
  version: string | undefined;
  /** The record passes the JSON Schema of `version` (checked once, by the check stage). */
  valid: boolean;
  registries: Registries;
  /** Today's date (YYYY-MM-DD, UTC): the limit for dates in the future. */
  today: string;
  /** The source texts kept in data/texts/, by the source URL they belong to (only those whose bytes match their hash). */
  texts: ReadonlyMap<string, KeptText>;
}

export type Rule = FileRule | RecordRule | DatasetRule;
