/**
 * The work done on each file, the same in the main thread and in workers:
 * file and record rules on a target, and the summary dataset rules compare.
 */
import type { Event } from "../../schema/index.ts";
import type { Finding, Severity } from "../core/finding.ts";
import type { DatasetFile } from "../dataset/discover.ts";
import { excerptOf, LineIndex, type LineExcerpt } from "../dataset/lines.ts";
import type { ParsedDocument, ParseResult } from "../dataset/parse.ts";
import { summarizeEvent, summarizeUnchecked } from "../rules/dataset/summary.ts";
import { quotedUrl, quoteOf } from "../rules/evidence/quoted.ts";
import { eachObject, str } from "../rules/fields.ts";
import { DIRECTIVE_RULES, FILE_RULES, RECORD_RULES } from "../rules/index.ts";
import { defaultLevel, type EventSummary, type FileRule, type RecordRule, type Registries, type Rule, type RuleIssue } from "../rules/types.ts";
import { formatMessage, helpOf, messageOf } from "../rules/format.ts";

export { formatMessage, helpOf, messageOf };
import { RECORD_KINDS, type RecordKind } from "../../schema/versions.ts";
import { quotedText, type KeptText } from "../dataset/texts.ts";
import type { ReadResult } from "../dataset/read.ts";
import { load, readFile, readTrusted } from "./load.ts";
import { valueAt } from "../core/pointer.ts";
import { textDigest } from "../core/hash.ts";
import { directivesIn, type Directive } from "../rules/directive/directives.ts";

/** Severity overrides from `--rule id=off|warn|error`. */
export type RuleSettings = ReadonlyMap<string, Severity | "off">;

/** What checking a file needs besides the file: plain data, so that it can be sent to a worker. */
export interface FileCheckContext {
  registries: Registries;
  /** YYYY-MM-DD: the limit for dates in the future. */
  today: string;
  settings: RuleSettings;
  /** Kept source texts by URL (data/texts/): the evidence rules check quotes against them. */
  texts: ReadonlyMap<string, KeptText>;
}

/**
 * What processing a file gives; it comes back in the order of the items (it names no path: a worker sends one for each file).
 * `validate --cache` keeps it as JSON (check/cache.ts): what it holds must be plain JSON data.
 */
export interface FileOutcome {
  /** Findings of file and record rules (targets only); absent when there are none. */
  findings?: Finding[];
  /** The file held a record (an object) to check. */
  record: boolean;
  /** For an event (valid, or failing its schema but with the summary's fields well typed): what dataset rules compare. */
  event?: EventSummary;
  /** With findings: the lines of the file their code frames show, so that the report need not read the file again. */
  excerpt?: LineExcerpt;
  /** For a target event with a list of evidence (valid or not): how many quotes could be checked against a kept text, and how many could not (no text). */
  evidence?: [checked: number, notChecked: number];
  /** For a target YAML record whose text holds `eventwire-disable`: its inline directives, applied in the main thread after the check (check/suppress.ts). */
  directives?: Directive[];
}

export function severityOf(rule: Rule, settings: RuleSettings): Severity | "off" {
  return settings.get(rule.meta.id) ?? defaultLevel(rule.meta);
}

export function toFinding(rule: Rule, severity: Severity, file: string, issue: RuleIssue, doc?: ParsedDocument): Finding {
  const pointer = issue.pointer ?? "";
  const position = issue.position ?? doc?.locate(pointer, issue.target) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const finding: Finding = {
    file,
    line: position.line,
    column: position.column,
    endLine: position.endLine,
    endColumn: position.endColumn,
    rule: rule.meta.id,
    severity,
    message: messageOf(rule, issue),
    hint: helpOf(rule, issue),
    pointer,
  };
  if (issue.related) finding.related = issue.related;
  // A fix goes with what it was computed from (the value there, the text read): --fix applies it to nothing else.
  if (issue.fix && doc)
    finding.fix =
      issue.fix.text !== undefined
        ? { pointer: "", value: null, old: null, text: issue.fix.text, digest: textDigest(doc.text) }
        : { ...issue.fix, old: valueAt(doc.value, issue.fix.pointer), digest: textDigest(doc.text) };
  if (issue.suggestions) finding.suggestions = issue.suggestions.map((s) => ({ message: formatMessage(rule, s.messageId, s.data), fix: s.fix }));
  return finding;
}

/**
 * What is done with a file: a `target` is checked by every rule; an `other`
 * event is loaded and summarized for dataset rules (when it fails its schema,
 * by the fields that are well typed, if its id is a string); a `trusted`
 * one (unchanged since the base of `--changed`) is summarized without its
 * schema check.
 */
export type FileRole = "target" | "other" | "trusted";

/**
 * A file to process. `needles`, for a trusted file: it is summarized only if
 * its text holds one of them (a target's start date or a day near it), since only then can it
 * be the target's probable duplicate; reading it is cheap, parsing it is not.
 */
export interface WorkItem {
  file: DatasetFile;
  role: FileRole;
  needles?: readonly string[];
}

/**
 * Loads a file; runs the file and record rules on a target; summarizes an
 * event (in the light form: the summary leaves the worker, and may go into
 * the cache), and hands a valid one to `onEvent` (a release writes it out).
 */
export function processFile({ file, role, needles }: WorkItem, ctx: FileCheckContext, onEvent?: (event: Event) => void): FileOutcome {
  if (role === "trusted") {
    // What the listing found unlistable or not a regular file is said: the targets were not compared with it.
    if (file.unread) return unreadOutcome(file, readFile(file), ctx);
    const event = summarizeUnchecked(readTrusted(file, needles), file.path, "light");
    return event ? { record: false, event } : { record: false };
  }
  const { read, parse, doc, record, version, valid } = load(file);
  const outcome: FileOutcome = { record: record !== undefined && file.kind !== null };
  const findings: Finding[] = [];
  if (record && file.kind === "event") {
    // An event that fails its schema is still compared by the dataset rules by the fields of it that are
    // well typed (as an unchanged event is under --changed): its id is taken, its duplicate_of is judged.
    // Only a valid event is handed on (a release writes it out).
    // A second coding (data/codings/<coder>/) is checked as an event but never released.
    if (valid) {
      outcome.event = summarizeEvent(record as Event, file.path, "light");
      if (outcome.event.coding === undefined) onEvent?.(record as Event);
    } else {
      const event = summarizeUnchecked(record, file.path, "light");
      if (event) outcome.event = event;
    }
    if (role === "target" && Array.isArray(record.evidence)) outcome.evidence = quotesChecked(record, ctx);
  }
  if (role !== "target") return !read.ok && (read.problem === "unreadable" || read.problem === "not-regular") ? unreadOutcome(file, read, ctx) : outcome;
  if (file.format === "yaml" && read.ok) {
    const { directives } = directivesIn(read.text);
    if (directives.length > 0) outcome.directives = record && file.kind === "event" ? markUnjudged(directives, record, ctx) : directives;
  }
  const plan = planOf(ctx);
  for (const [rule, severity] of plan.fileRules) for (const issue of rule.check({ file, read, parse })) findings.push(toFinding(rule, severity, file.path, issue, doc));
  if (findings.length > 0) outcome.findings = findings;
  if (!record || !doc || file.kind === null) return withExcerpt(outcome, read, parse);
  for (const [rule, severity] of plan.recordRules[file.kind]) {
    const issues = rule.check({ file, kind: file.kind, doc, record, version, valid, registries: ctx.registries, today: ctx.today, texts: ctx.texts });
    for (const issue of issues) findings.push(toFinding(rule, severity, file.path, issue, doc));
  }
  if (findings.length > 0) outcome.findings = findings;
  return withExcerpt(outcome, read, parse);
}

/** Record rules that read kept texts (RecordRule.readsTexts), by id. */
const TEXT_RULES = new Set(RECORD_RULES.filter((r) => r.readsTexts).map((r) => r.meta.id));

/**
 * The directives, with each of their rules that reads kept texts marked `unjudged` where a source of the event has no
 * text in this run: directive-unused cannot tell whether it suppresses anything. Copies: the parsed directives are shared.
 */
function markUnjudged(directives: Directive[], record: Record<string, unknown>, ctx: FileCheckContext): Directive[] {
  if (!directives.some((d) => d.rules.some((r) => TEXT_RULES.has(r.id)))) return directives;
  let missing = false;
  eachObject(record.sources, (s) => {
    if (!quotedText(str(s, "url"), ctx.texts)) missing = true;
  });
  if (!missing) return directives;
  return directives.map((d) => ({ ...d, rules: d.rules.map((r) => (TEXT_RULES.has(r.id) ? { ...r, unjudged: true as const } : r)) }));
}

/**
 * How many of a target event's quotes (evidence items with a quote, well typed or not elsewhere: what
 * evidence-quote checks) can be checked against a kept text, and how many cannot. A quote counts as
 * checked only if a rule that checks quotes (evidence-quote) is on and its source's text can be read.
 */
function quotesChecked(event: Record<string, unknown>, ctx: FileCheckContext): [checked: number, notChecked: number] {
  let checked = 0;
  let quotes = 0;
  const on = planOf(ctx).checksQuotes;
  eachObject(event.evidence, (item) => {
    if (quoteOf(item) === undefined) return;
    quotes++;
    if (on && quotedText(quotedUrl(event, item), ctx.texts)) checked++;
  });
  return [checked, quotes - checked];
}

/**
 * Adds to an outcome with findings (or directives: a directive that suppresses nothing is a finding made later) the lines
 * their code frames show, from the line index the parse made (no second read).
 */
function withExcerpt(outcome: FileOutcome, read: ReadResult, parse: ParseResult | undefined): FileOutcome {
  if (!outcome.findings && !outcome.directives) return outcome;
  const lines = parse ? (parse.ok ? parse.doc.lines : parse.lines) : read.ok ? new LineIndex(read.text) : undefined;
  const at = (outcome.findings ?? []).map((f) => f.line);
  for (const d of outcome.directives ?? []) at.push(d.line);
  // An empty text shows no frame.
  if (lines && lines.text !== "") outcome.excerpt = excerptOf(lines, at);
  return outcome;
}

/**
 * An event read for comparison only (not a target) that could not be read:
 * its finding of the rules that report such paths (file-unreadable, file-type), since the targets' check missed it.
 */
function unreadOutcome(file: DatasetFile, read: ReadResult, ctx: FileCheckContext): FileOutcome {
  const findings: Finding[] = [];
  for (const [rule, severity] of planOf(ctx).fileRules)
    if (rule.reportsUnread) for (const issue of rule.check({ file, read })) findings.push(toFinding(rule, severity, file.path, issue));
  return findings.length > 0 ? { record: false, findings } : { record: false };
}

/** The rules that are on under a context's settings, with their severities, worked out once a context rather than once a file. */
interface Plan {
  fileRules: [FileRule, Severity][];
  recordRules: Record<RecordKind, [RecordRule, Severity][]>;
  /** A rule that checks evidence quotes (evidence-quote) is on. */
  checksQuotes: boolean;
}

const plans = new WeakMap<FileCheckContext, Plan>();

function planOf(ctx: FileCheckContext): Plan {
  let plan = plans.get(ctx);
  if (!plan) {
    const on = <R extends Rule>(rules: readonly R[]) =>
      rules.flatMap((rule): [R, Severity][] => {
        const severity = severityOf(rule, ctx.settings);
        return severity === "off" ? [] : [[rule, severity]];
      });
    const recordRules = on(RECORD_RULES);
    const forKind = (kind: RecordKind) => recordRules.filter(([rule]) => rule.kinds.includes(kind));
    plan = {
      fileRules: on([...FILE_RULES, ...DIRECTIVE_RULES]),
      recordRules: Object.fromEntries(RECORD_KINDS.map((kind) => [kind, forKind(kind)])) as Plan["recordRules"],
      checksQuotes: recordRules.some(([rule]) => rule.kinds.includes("event") && rule.checksQuotes === true),
    };
    plans.set(ctx, plan);
  }
  return plan;
}
