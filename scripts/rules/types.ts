/** What a rule is: metadata as data, and a check that returns facts about one place. */
import type { Actor, Event, Outlet, RecordKind } from "../../schema/index.ts";
import type { Severity } from "../core/finding.ts";
import type { DatasetFile } from "../dataset/discover.ts";
import type { Position } from "../dataset/lines.ts";
import type { ParsedDocument, ParseResult, Target } from "../dataset/parse.ts";
import type { ReadResult } from "../dataset/read.ts";
import type { KeptText, TextProblem } from "../dataset/texts.ts";

export type RuleFamily = "file" | "parse" | "schema" | "record" | "dataset" | "config" | "directive";

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
  /** The rule can compute the correction of some findings (an issue's `fix`): the value to write at a pointer, or the file's whole text. */
  fixable?: true;
  /**
   * The rule is off unless `--rule <id>=<level>` or eventwire.config.yaml (`rules:`, `overrides:`) sets a
   * level for it (ESLint's rules are off until a configuration turns them on): for a rule too costly to run
   * on every check (record-layout parses each record in full). `severity` is then only the level the rule's
   * documentation suggests; the setting that turns it on names the level it runs at.
   */
  defaultOff?: true;
}

/** The severity a rule runs at when nothing sets one: its `severity`, or off for a rule that is off by default. */
export function defaultLevel(meta: Pick<RuleMeta, "severity" | "defaultOff">): Severity | "off" {
  return meta.defaultOff ? "off" : meta.severity;
}

/** Values for a message's placeholders. */
export type MessageData = Readonly<Record<string, string | number>>;

/**
 * An edit as data: the JSON value to write at a pointer of the record; or, with `text` (pointer ""), the
 * file's whole text to write in place of the text the rule read (record-layout: the canonical layout).
 */
export interface RuleFix {
  pointer: string;
  value: unknown;
  text?: string;
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
  /**
   * directive-unused only: the file's findings (every rule's, before any suppression), once the
   * check is done; absent while files are checked.
   */
  findings?: readonly { rule: string; line: number }[];
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
  /**
   * The rule judges a source (or its quotes) only where the source's text is
   * kept: in a record citing a page whose text this run does not have, a
   * directive naming the rule may suppress nothing now and something in a run
   * that has the text (`validate --texts`), so directive-unused passes over it.
   */
  readsTexts?: boolean;
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
 * small enough to pass between threads (the engine keeps hashes of what rules
 * compare, not summaries). `partial` entries stand for events outside the
 * scope of `validate --changed`: only their id is known (from the file name,
 * which the file-name rule ties to the id).
 */
export interface EventSummary {
  id: string;
  partial?: true;
  /**
   * The coder, for a second coding (data/codings/<coder>/): an event record that is no event of the dataset.
   * Rules that compare events with each other leave codings out; id-unique keeps every id unique over both.
   */
  coding?: string;
  status?: Event["status"];
  duplicate_of?: string;
  start?: string;
  /** The event type, and its mode when it has one. */
  type?: string;
  mode?: string;
  /** The distinct country codes of the locations, sorted. */
  countries?: readonly string[];
  /** The distinct actor ids, sorted. */
  actors?: readonly string[];
  /**
   * What each source with a string `url` says of its page, in the order of `sources` (source-consistent
   * compares them): a source whose url is left out or not a string is left out; absent when `sources` is no array.
   * Only a summary made to be compared has it (summarizeUnchecked's "full" form: the engine's `summaryAt`);
   * those that leave the workers and go into the cache have `pages` and `described` instead.
   */
  sources?: readonly SourceSummary[];
  /**
   * The light form of `sources` (summarizeUnchecked's "light" form, as summaries leave the workers and go into the
   * cache): the url of each of those sources, in the same order, and (`described`, one for each) a 32-bit hash of
   * its description (sourceDescribed). Enough to find and screen the candidates; the engine reads a candidate's file
   * again (`summaryAt`, in full) before a rule matches or reports it.
   */
  pages?: readonly string[];
  described?: readonly number[];
}

/** The fields of a source that describe its page (source-consistent), in the order findings name them. */
export const SOURCE_FIELDS = ["outlet", "via", "title", "published", "language"] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/** A source as an event describes its page: the fields well typed, each left out when the source leaves it out. */
export interface SourceSummary {
  /** Its place in the event's `sources`. */
  index: number;
  url: string;
  outlet?: string;
  /** The distinct ids, sorted (a set: their order says nothing). */
  via?: readonly string[];
  title?: string;
  published?: string;
  language?: string;
  /** The fields that are there but ill typed (the schema finding says so): unknown, never read as left out. */
  unknown?: readonly SourceField[];
}

/** An event (or a registry entry) as a dataset rule is given it: its file and its summary. */
export interface Compared {
  file: string;
  event: EventSummary;
}

/** An event and the others it matched, each with what `match` said of the pair; the others in the listing's order. */
export interface Matched<M> extends Compared {
  others: (Compared & { match: M })[];
}

/**
 * What a comparing rule compares, declared; the engine (check/compare.ts)
 * does the rest once for every such rule: it keeps a hash of each key in
 * typed arrays (not the keys: a million events), finds the candidates whose
 * hashes meet, confirms each candidate by summarizing its file again (a file
 * edited during the run is judged as it is at the end), keeps stand-ins
 * (`partial`, under `validate --changed`) as they are, and hands the rule
 * each confirmed event with its matches, in the listing's order.
 */
export interface Comparison<M> {
  /** The events compared (a stand-in too, if it passes); default: every event. */
  where?(e: EventSummary): boolean;
  /** What is compared: events that share a key are candidates (with several keys, any one shared); undefined: not compared. */
  key(e: EventSummary): string | readonly string[] | undefined;
  /**
   * A locality besides the key: candidates' start dates are at most `days`
   * apart (a partial date, `YYYY` or `YYYY-MM`, meets only the same date).
   * Candidates are found among the same and the adjacent days' events of a
   * key; under `validate --changed` the engine reads the adjacent days' months.
   */
  near?: { days: number };
  /** Whether two candidates, as read again, match, and what the rule is told of it; default: they match (`true`). */
  match?(a: EventSummary, b: EventSummary): M | undefined;
  /**
   * A screen before reading again, for a key that many events share: a few
   * 32-bit numbers of each event (hashes of what `match` compares), kept in
   * typed arrays, and a test of two events' numbers that holds whenever
   * `match` can hold (it may hold when `match` does not). A candidate pair
   * that fails it is not read again.
   */
  screen?: { print(e: EventSummary): readonly number[]; pass(a: Uint32Array, b: Uint32Array): boolean };
  /** Registry entries (actors, outlets) are compared too, by their ids, each kind on its own. */
  registries?: true;
}

/** A reference from one event to another by a key, declared: the engine finds and confirms the event it names. */
export interface Lookup {
  /** The key an event names (undefined: none): few events name one. */
  names(e: EventSummary): string | undefined;
  /** The key events are found by (kept as a hash for every event). */
  key(e: EventSummary): string | undefined;
}

interface DatasetRuleBase {
  meta: RuleMeta;
  scope: "dataset";
}

/** A rule that compares events with each other (id-unique, probable-duplicate): a declaration and a report. */
export interface CompareRule<M = true> extends DatasetRuleBase {
  compare: Comparison<M>;
  /** The issues in the file of an event that matched others (in that file; `related` may name the others). */
  report(matched: Matched<M>): RuleIssue[];
}

/** A rule that follows a reference (duplicate-of): the last event in the listing with the named key decides. */
export interface LookupRule extends DatasetRuleBase {
  lookup: Lookup;
  /** The issues in the file of an event that names `named`; `target`: the event found by it, if any. */
  report(found: Compared & { named: string; target?: Compared }): RuleIssue[];
}

/**
 * A rule across records that compares nothing (record-deleted, text-manifest):
 * it sees the events one at a time as the check stage reads them, in any
 * order, keeps only what it needs, and reports at the end.
 */
export interface PassRule extends DatasetRuleBase {
  /** A pass over one dataset: `add` each event, then `finish`. */
  start(ctx: DatasetContext): DatasetPass;
}

/** A rule across records. */
export type DatasetRule = CompareRule<unknown> | LookupRule | PassRule;

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
   * The event added with `order`, summarized again from its file: the engine
   * confirms a match of hashes with it (so a file edited during the run is
   * judged as it is at the end), in full (`sources`, where the summaries
   * added hold only `pages` and `described`).
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
