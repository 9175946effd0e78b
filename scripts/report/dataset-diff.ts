/**
 * The report of `eventwire diff`: what changed in the dataset between two
 * trees (one table, a row an event or entry) and the findings before and
 * after. Markdown for a pull request's comment and its job summary, JSON for
 * machines. Pure functions of the comparison.
 *
 * Everything a contributor wrote (titles, ids, messages, paths) is escaped for
 * where it lands: code spans for ids, fields and paths, markdownText for
 * text; and no `@` of theirs can mention anyone: GitHub finds mentions in the
 * rendered text (a backslash or an entity does not stop it), so a WORD JOINER
 * (U+2060) follows every `@` outside code spans (core/mentions.ts), where GitHub makes none.
 * (Data never holds a raw U+2060: markdownText shows it as `\u2060`.)
 */
import { withoutMentions } from "../core/mentions.ts";
import type { Finding, Severity } from "../core/finding.ts";
import { codeSpan, markdownText } from "../core/markdown.ts";
import { plural } from "../core/plural.ts";
import { guardLine, visible } from "../core/escape.ts";
import type { ChangeKind, RecordChange } from "../dataset/record-diff.ts";
import { printableJson } from "./json.ts";

/** The first line of the Markdown report: how the workflow finds its own comment on a pull request. */
export const DIFF_MARKER = "<!-- eventwire-diff -->";

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface DatasetDiff {
  /** The revisions as given (`head`: undefined for the working tree). */
  base: string;
  head?: string;
  toolkitVersion: string;
  changes: RecordChange[];
  findings: {
    before: SeverityCounts;
    after: SeverityCounts;
    /** At head and not at base (matched by fingerprint), and at base and not at head; in report order. */
    added: Finding[];
    fixed: Finding[];
  };
  /** What validation reads besides the records, changed between the two (the configuration, the suppressions file). */
  settingsChanged: string[];
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") };
}

/** Text from the data, in a comment: escaped, and no `@` that could mention someone. */
export function commentText(text: string): string {
  return withoutMentions(markdownText(text));
}

const CHANGE_WORDS: Record<ChangeKind, string> = {
  added: "added",
  changed: "changed",
  moved: "moved",
  retracted: "retracted",
  duplicate: "marked duplicate",
  restored: "restored",
  removed: "removed",
};

/** What each kind of entry is called (a second coding is an event record, but no event of the dataset). */
const NOUNS: Record<RecordChange["kind"], string> = { event: "event", actor: "actor", outlet: "outlet", coding: "second coding", text: "kept text" };

/** What happened to a record, in words (Markdown: the id it duplicates in a code span). */
function whatHappened(c: RecordChange, code: (id: string) => string = (id) => codeSpan(id, true)): string {
  let words = c.kind === "event" ? CHANGE_WORDS[c.change] : `${NOUNS[c.kind]} ${CHANGE_WORDS[c.change]}`;
  if (c.change === "duplicate" && c.duplicateOf !== undefined) words += ` of ${code(c.duplicateOf)}`;
  // A move beside another change: said too (a move alone is the change).
  if (c.change !== "moved" && c.basePath !== undefined && c.headPath !== undefined && c.basePath !== c.headPath) words += ", moved";
  return words;
}

/** The most characters (code points) of a title or a message a report shows: a long one cannot crowd out the rest. */
const MAX_TEXT = 200;

/** A text cut at MAX_TEXT code points, with an ellipsis when it was cut. */
function cut(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const chars = [...text];
  return chars.length <= MAX_TEXT ? text : `${chars.slice(0, MAX_TEXT - 1).join("")}…`;
}

function row(c: RecordChange): string {
  const fields = c.fields.map((f) => codeSpan(f, true)).join(", ");
  return `| ${codeSpan(c.id, true)} | ${whatHappened(c)} | ${fields} | ${commentText(cut(c.title))} |`;
}

/** "3 events added, 1 changed; 1 actor added", in the table's order. */
function countsLine(changes: readonly RecordChange[]): string {
  const groups: string[] = [];
  for (const kind of ["event", "actor", "outlet", "coding", "text"] as const) {
    const of = changes.filter((c) => c.kind === kind);
    if (of.length === 0) continue;
    const parts: string[] = [];
    for (const change of Object.keys(CHANGE_WORDS) as ChangeKind[]) {
      const n = of.filter((c) => c.change === change).length;
      if (n > 0) parts.push(`${parts.length === 0 ? plural(n, NOUNS[kind]) : n} ${CHANGE_WORDS[change]}`);
    }
    groups.push(parts.join(", "));
  }
  return groups.join("; ");
}

function countsOf(c: SeverityCounts): string {
  return `${c.errors} / ${c.warnings} / ${c.infos}`;
}

function findingLine(f: Finding): string {
  return `- ${f.severity} ${codeSpan(f.rule)} in ${codeSpan(f.file)}: ${commentText(cut(f.message))}`;
}

/** The findings a report lists of those new or fixed: errors, then warnings (infos are counted only: a migration's hundreds of them would bury the rest). */
function listed(all: readonly Finding[]): { list: Finding[]; infos: number } {
  const list = [...all.filter((f) => f.severity === "error"), ...all.filter((f) => f.severity === "warning")];
  return { list, infos: all.length - list.length };
}

export interface MarkdownOptions {
  /** The most rows of the table and findings of each list shown; the rest are counted. Default: all. */
  maxRows?: number;
  /** What the line after a cut table says of where the whole one is. */
  whereFull?: string;
}

/** Which rows a cut table keeps first: records added, retracted, marked duplicate or removed before those only changed. */
const CUT_ORDER: readonly ChangeKind[] = ["added", "retracted", "duplicate", "removed", "restored", "moved", "changed"];

/** The first `max` rows: all of them in their order when they fit; else by CUT_ORDER (stable), so a cut drops changed rows first. */
function rowsShown(changes: readonly RecordChange[], max: number): readonly RecordChange[] {
  if (changes.length <= max) return changes;
  return [...changes].sort((a, b) => CUT_ORDER.indexOf(a.change) - CUT_ORDER.indexOf(b.change)).slice(0, max);
}

/** The Markdown report: the marker, a heading, one table of the changes, the findings before and after. */
export function formatDiffMarkdown(diff: DatasetDiff, options: MarkdownOptions = {}): string {
  const max = options.maxRows ?? Infinity;
  const lines: string[] = [DIFF_MARKER, "### What this changes in the dataset", ""];
  const head = diff.head === undefined ? "the working tree" : codeSpan(diff.head);
  lines.push(`From ${codeSpan(diff.base)} to ${head}: ${diff.changes.length === 0 ? "no record changed" : commentText(countsLine(diff.changes))}.`, "");
  if (diff.changes.length > 0) {
    lines.push("| id | what happened | fields changed | title |", "| --- | --- | --- | --- |");
    for (const c of rowsShown(diff.changes, max)) lines.push(row(c));
    const more = diff.changes.length - Math.min(max, diff.changes.length);
    if (more > 0) lines.push("", `And ${more} more${options.whereFull ? `; ${options.whereFull}` : ""}.`);
    lines.push("");
  }
  const { before, after, added, fixed } = diff.findings;
  lines.push(
    `**Findings** (errors / warnings / infos): ${countsOf(before)} before, ${countsOf(after)} after; ` +
      `${plural(added.length, "new finding")}, ${fixed.length} fixed. Both trees are checked with this toolkit's rules (eventwire ${commentText(diff.toolkitVersion)}), each with its own configuration and suppressions.`,
  );
  if (diff.settingsChanged.length > 0) lines.push("", `Changed here: ${diff.settingsChanged.map((f) => codeSpan(f)).join(" and ")}.`);
  for (const [title, all] of [["New", added], ["Fixed", fixed]] as const) {
    const { list, infos } = listed(all);
    if (all.length === 0) continue;
    lines.push("", `${title}:`, "");
    for (const f of list.slice(0, max)) lines.push(findingLine(f));
    if (list.length > max) lines.push(`- and ${list.length - max} more`);
    if (infos > 0) lines.push(`- ${plural(infos, "info")} (counted, not listed)`);
  }
  return lines.join("\n") + "\n";
}

/**
 * The report for a terminal: the same content as the Markdown, as plain aligned text, every value shown
 * with visible escapes and no line a runner could read as a workflow command (core/escape.ts displayText).
 */
export function formatDiffText(diff: DatasetDiff, options: { maxRows?: number } = {}): string {
  const max = options.maxRows ?? Infinity;
  const lines: string[] = [];
  const head = diff.head === undefined ? "the working tree" : diff.head;
  lines.push(`From ${diff.base} to ${head}: ${diff.changes.length === 0 ? "no record changed" : countsLine(diff.changes)}.`);
  if (diff.changes.length > 0) {
    const shown = rowsShown(diff.changes, max);
    const cells = shown.map((c) => [c.id, whatHappened(c, (id) => id), c.fields.join(", "), cut(c.title)].map((t) => visible(t)));
    const header = ["ID", "WHAT HAPPENED", "FIELDS CHANGED", "TITLE"];
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((t, i) => (i === r.length - 1 ? t : t.padEnd(widths[i]!))).join("  ").trimEnd();
    lines.push("", line(header), ...cells.map(line));
    if (diff.changes.length > shown.length) lines.push(`and ${diff.changes.length - shown.length} more (--max-rows)`);
  }
  const { before, after, added, fixed } = diff.findings;
  lines.push(
    "",
    `Findings (errors / warnings / infos): ${countsOf(before)} before, ${countsOf(after)} after; ${plural(added.length, "new finding")}, ${fixed.length} fixed.`,
    `Both trees are checked with this toolkit's rules (eventwire ${diff.toolkitVersion}), each with its own configuration and suppressions.`,
  );
  if (diff.settingsChanged.length > 0) lines.push(`Changed here: ${diff.settingsChanged.join(" and ")}.`);
  for (const [title, all] of [["New", added], ["Fixed", fixed]] as const) {
    const { list, infos } = listed(all);
    if (all.length === 0) continue;
    lines.push("", `${title}:`);
    for (const f of list.slice(0, max)) lines.push(`  ${f.severity}  ${f.rule}  ${f.file}: ${cut(f.message)}`);
    if (list.length > max) lines.push(`  and ${list.length - max} more`);
    if (infos > 0) lines.push(`  ${plural(infos, "info")} (--format json lists them)`);
  }
  return lines.map((l) => guardLine(visible(l))).join("\n") + "\n";
}

function jsonFinding(f: Finding): Record<string, unknown> {
  return { file: f.file, line: f.line, column: f.column, rule: f.rule, severity: f.severity, message: f.message, pointer: f.pointer };
}

/** The JSON report: every change and every new and fixed finding (never cut). */
export function formatDiffJson(diff: DatasetDiff): string {
  const report = {
    base: diff.base,
    head: diff.head ?? null,
    toolkit: { version: diff.toolkitVersion },
    changes: diff.changes,
    findings: { before: diff.findings.before, after: diff.findings.after, new: diff.findings.added.map(jsonFinding), fixed: diff.findings.fixed.map(jsonFinding) },
    settingsChanged: diff.settingsChanged,
  };
  return printableJson(JSON.stringify(report, null, 2)) + "\n";
}
