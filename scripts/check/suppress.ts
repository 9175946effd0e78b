/**
 * What is settled is not reported, and nothing disappears silently: the
 * findings of the check pass through the inline directives of YAML records,
 * then through the suppressions file, before the report (issue 18, as ESLint 9
 * does both: `eslint-disable` comments, and bulk suppressions in
 * `eslint-suppressions.json`).
 *
 * - Directives (rules/directive/directives.ts) hide the findings of the rules
 *   they name on the next line, or in the whole file; a rule a directive names
 *   that found nothing there is a directive-unused warning. Findings of the
 *   directive rules themselves are never hidden by a directive.
 * - The suppressions file, `{ "<file>": { "<rule>": { "count": N } } }`, hides
 *   up to N findings of a rule in a file. More than N: all of them are
 *   reported (as ESLint does: which ones are new cannot be told), so the run
 *   fails. Fewer: they are hidden, and the report says the count went down
 *   (--prune-suppressions writes the lower count). Only the files a run checked
 *   are compared, recorded or pruned: under --changed or with paths, the
 *   entries of the other files stay as they are.
 * - --suppress-all records the errors and warnings of the files checked (the
 *   two severities that fail a run, warnings through --max-warnings; infos
 *   never do, and would fill the file); --suppress-rule <id> records that
 *   rule's findings, whatever their severity.
 *
 * The file is written atomically, keys sorted, two spaces, a final newline:
 * the same findings give the same bytes, and a change is a small diff.
 */
import { existsSync } from "node:fs";
import { existsOrLink } from "../core/regular-file.ts";
import { readText } from "../dataset/read.ts";
import { compareFindings, type Finding, type Severity } from "../core/finding.ts";
import { UsageError } from "../core/io.ts";
import { writeOutputFile } from "../core/write.ts";
import { disables, isDirectiveRule, type Directive } from "../rules/directive/directives.ts";
import { directiveUnused, unusedIssues } from "../rules/directive/directive-unused.ts";
import { didYouMean } from "../core/suggest.ts";
import { ruleById, RULES } from "../rules/index.ts";
import { defaultLevel } from "../rules/types.ts";
import { isConfigRuleId } from "../rules/config/known.ts";
import { toFinding } from "./file.ts";
import { isObject } from "../core/pointer.ts";

export const SUPPRESSIONS_FILE = "eventwire-suppressions.json";

/** The suppressions file's content: counts by file, then rule. */
export type SuppressionCounts = Record<string, Record<string, { count: number }>>;

/** How a finding was suppressed: SARIF's suppression kinds (§3.27.23), `inSource` for a directive, `external` for the file. */
export interface Suppression {
  kind: "inSource" | "external";
  justification: string;
}

export type SuppressedFinding = Finding & { suppression: Suppression };

/** An entry of the suppressions file against this run: `found` findings of `rule` in `file` where it records `recorded`. */
export interface SuppressionChange {
  file: string;
  rule: string;
  recorded: number;
  found: number;
}

export type SuppressMode = { kind: "all" } | { kind: "rules"; rules: readonly string[] } | { kind: "prune" };

export interface SuppressOptions {
  /** The directives of the files checked (CheckResult's). */
  directives: ReadonlyMap<string, readonly Directive[]>;
  /** A rule's severity for a file (the configuration's, check/config.ts severityFor); default: the rule's own. */
  severity?: (rule: string, file: string) => Severity | "off";
  /** The suppressions file's absolute path, and its name in messages. */
  location: string;
  name: string;
  /** --suppress-all, --suppress-rule or --prune-suppressions: the file is written. */
  mode?: SuppressMode;
  /** Whether the run checked a file (a path relative to the root, as findings name them). */
  checked(file: string): boolean;
}

export interface SuppressionResult {
  /** What is reported, in report order. */
  findings: Finding[];
  /** What is not, in report order, each with how it was suppressed. */
  suppressed: SuppressedFinding[];
  counts: { inline: number; file: number };
  /** Entries with fewer findings than recorded (or none left): --prune-suppressions lowers them. */
  fewer: SuppressionChange[];
  /** Entries with more findings than recorded: all of them are reported. */
  more: SuppressionChange[];
  /** What was written to the suppressions file (--suppress-all, --suppress-rule, --prune-suppressions), in words. */
  wrote?: string;
}

/** The most a suppressions file is read: an entry is some 100 bytes, so this is hundreds of thousands of them. */
export const MAX_SUPPRESSIONS_BYTES = 64 * 1024 * 1024;

/**
 * Reads the suppressions file: none there is no suppression; anything but the format is a usage error (exit 2) naming it.
 * Read as the configuration is (dataset/read.ts readText): a symbolic link is refused (never followed), a FIFO or device
 * never opened (nothing waits on it), at most MAX_SUPPRESSIONS_BYTES, strict UTF-8.
 */
export function readSuppressions(location: string, name: string, limit = MAX_SUPPRESSIONS_BYTES): SuppressionCounts {
  if (!existsOrLink(location)) return {};
  const read = readText(location, limit);
  if (!read.ok) {
    const why =
      read.problem === "symlink" ? "is a symbolic link, which is not followed (name the file it points to)"
      : read.problem === "not-regular" ? `is ${read.detail}; only a regular file is read`
      : read.problem === "too-large" ? `is too large (${read.detail})`
      : `cannot be read (${read.detail})`;
    throw new UsageError(`the suppressions file ${name} ${why}`);
  }
  const text = read.text;
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    throw new UsageError(`the suppressions file ${name} is not JSON: ${(error as Error).message}`);
  }
  const bad = (what: string) => new UsageError(`the suppressions file ${name}: ${what}; it holds { "<file>": { "<rule>": { "count": <whole number> } } } (write it again with --suppress-all)`);
  if (!isObject(value)) throw bad("not a JSON object");
  // Without a prototype: a file or rule named `__proto__` or `constructor` is a key like any other.
  const counts: SuppressionCounts = Object.create(null);
  for (const [file, rules] of Object.entries(value)) {
    if (!isObject(rules)) throw bad(`${JSON.stringify(file)} is not an object of rules`);
    const entry: Record<string, { count: number }> = Object.create(null);
    for (const [rule, value] of Object.entries(rules)) {
      const count = isObject(value) ? value.count : undefined;
      if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1) throw bad(`${JSON.stringify(file)} → ${JSON.stringify(rule)} has no "count" of 1 or more`);
      entry[rule] = { count };
    }
    counts[file] = entry;
  }
  return counts;
}

/** The file's text: keys sorted (code unit order), two spaces, a final newline; a file without entries is dropped. */
export function formatSuppressions(counts: SuppressionCounts): string {
  const sorted: SuppressionCounts = Object.create(null);
  for (const file of Object.keys(counts).sort()) {
    const rules = counts[file]!;
    const ids = Object.keys(rules).sort();
    if (ids.length === 0) continue;
    sorted[file] = Object.fromEntries(ids.map((id) => [id, { count: rules[id]!.count }]));
  }
  return JSON.stringify(sorted, null, 2) + "\n";
}

/** Counts of findings by file, then rule (those `keep` keeps). */
function tally(findings: readonly Finding[], keep: (f: Finding) => boolean = () => true): Map<string, Map<string, number>> {
  const byFile = new Map<string, Map<string, number>>();
  for (const f of findings) {
    if (!keep(f)) continue;
    let rules = byFile.get(f.file);
    if (!rules) byFile.set(f.file, (rules = new Map()));
    rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
  }
  return byFile;
}

const FAILING: ReadonlySet<Severity> = new Set(["error", "warning"]);

/** Findings the suppressions file may settle: all but the configuration's own (config-*). */
const settleable = (f: Finding) => !isConfigRuleId(f.rule);

/** The entries after --suppress-all, --suppress-rule or --prune-suppressions: only the files checked change. */
function rewrite(counts: SuppressionCounts, findings: readonly Finding[], mode: SuppressMode, checked: (file: string) => boolean): SuppressionCounts {
  const all = tally(findings);
  const failingAll = mode.kind === "all" ? tally(findings, (f) => FAILING.has(f.severity)) : undefined;
  const next: SuppressionCounts = Object.create(null);
  for (const [file, rules] of Object.entries(counts)) next[file] = Object.assign(Object.create(null), rules);
  const files = new Set([...Object.keys(counts), ...all.keys()]);
  for (const file of files) {
    if (!checked(file)) continue;
    const old = counts[file] ?? {};
    const found = all.get(file) ?? new Map<string, number>();
    const entry: Record<string, { count: number }> = Object.create(null);
    if (mode.kind === "all") {
      const failing = failingAll!.get(file);
      for (const [rule, n] of failing ?? []) entry[rule] = { count: n };
      // A rule recorded before whose findings are infos now (--suppress-rule of an info rule) keeps what is left of it.
      for (const [rule, { count }] of Object.entries(old)) if (!(rule in entry) && (found.get(rule) ?? 0) > 0) entry[rule] = { count: Math.min(count, found.get(rule)!) };
    } else if (mode.kind === "rules") {
      Object.assign(entry, old);
      for (const rule of mode.rules) {
        const n = found.get(rule) ?? 0;
        if (n > 0) entry[rule] = { count: n };
        else delete entry[rule];
      }
    } else {
      for (const [rule, { count }] of Object.entries(old)) {
        const n = Math.min(count, found.get(rule) ?? 0);
        if (n > 0) entry[rule] = { count: n };
      }
    }
    if (Object.keys(entry).length > 0) next[file] = entry;
    else delete next[file];
  }
  return next;
}

/** Applies the inline directives, then the suppressions file (writing it first under a mode), to the check's findings. */
export function applySuppressions(checkFindings: readonly Finding[], options: SuppressOptions): SuppressionResult {
  // The usual run (no directive, no suppressions file, no mode): the findings as they are, not copied, sorted or counted again.
  const existing = options.mode ? undefined : readSuppressions(options.location, options.name);
  if (options.directives.size === 0 && existing && Object.keys(existing).length === 0)
    return { findings: checkFindings as Finding[], suppressed: [], counts: { inline: 0, file: 0 }, fewer: [], more: [] };
  const suppressed: SuppressedFinding[] = [];
  let findings: Finding[] = [];
  // 1. Inline directives. A directive's unused rules are findings of directive-unused, unless it is off for the file.
  const severity = options.severity ?? ((rule: string) => {
    const meta = ruleById(rule)?.meta;
    return meta ? defaultLevel(meta) : "off";
  });
  const byFile = new Map<string, Finding[]>();
  for (const f of checkFindings) {
    if (!options.directives.has(f.file)) {
      findings.push(f);
      continue;
    }
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  let inline = 0;
  for (const [file, directives] of options.directives) {
    const list = byFile.get(file) ?? [];
    for (const f of list) {
      const by = isDirectiveRule(f.rule) ? undefined : directives.find((d) => disables(d, f.rule, f.line));
      if (by) {
        suppressed.push({ ...f, suppression: { kind: "inSource", justification: by.reason } });
        inline++;
      } else findings.push(f);
    }
    const unused = severity(directiveUnused.meta.id, file);
    if (unused !== "off") for (const issue of unusedIssues(directives, list)) findings.push(toFinding(directiveUnused, unused, file, issue));
  }
  if (options.directives.size > 0) findings.sort(compareFindings);

  // 2. The suppressions file, rewritten first under a mode.
  let counts = existing ?? readSuppressions(options.location, options.name);
  let wrote: string | undefined;
  if (options.mode?.kind === "prune" && !existsSync(options.location)) wrote = `--prune-suppressions: there is no ${options.name}; nothing to prune.`;
  else if (options.mode) {
    const before = counts;
    counts = rewrite(counts, findings.filter(settleable), options.mode, options.checked);
    const text = formatSuppressions(counts);
    try {
      // Atomically (a symbolic link there was refused when the file was read, above).
      writeOutputFile(options.location, text);
    } catch (error) {
      throw new UsageError(`cannot write the suppressions file ${options.name}: ${(error as Error).message}`);
    }
    wrote = wroteNote(before, counts, options.name, options.mode);
  }
  // What is wrong with the configuration (config-*) is never settled: a configuration cannot silence itself.
  const all = tally(findings, settleable);
  const fewer: SuppressionChange[] = [];
  const more: SuppressionChange[] = [];
  const over = new Set<string>();
  for (const file of Object.keys(counts).sort()) {
    for (const rule of Object.keys(counts[file]!).sort()) {
      const recorded = counts[file]![rule]!.count;
      const found = all.get(file)?.get(rule) ?? 0;
      if (found < recorded) {
        if (options.checked(file)) fewer.push({ file, rule, recorded, found });
      } else if (found > recorded) {
        // Over its count, a file+rule is reported whole (which findings are new cannot be told).
        over.add(`${file}\0${rule}`);
        if (options.checked(file)) more.push({ file, rule, recorded, found });
      }
    }
  }
  const reported: Finding[] = [];
  let external = 0;
  for (const f of findings) {
    // A file+rule over its count is reported whole, checked or not (its findings are there).
    const recorded = settleable(f) ? counts[f.file]?.[f.rule]?.count : undefined;
    if (recorded === undefined || over.has(`${f.file}\0${f.rule}`)) {
      reported.push(f);
      continue;
    }
    suppressed.push({ ...f, suppression: { kind: "external", justification: `recorded in ${options.name} (${recorded} ${f.rule} ${recorded === 1 ? "finding" : "findings"} in this file)` } });
    external++;
  }
  suppressed.sort(compareFindings);
  return { findings: reported, suppressed, counts: { inline, file: external }, fewer, more, ...(wrote ? { wrote } : {}) };
}

/** What a mode changed in the file, in words (for stderr). */
function wroteNote(before: SuppressionCounts, after: SuppressionCounts, name: string, mode: SuppressMode): string {
  const sum = (c: SuppressionCounts) => Object.values(c).reduce((n, rules) => n + Object.values(rules).reduce((m, r) => m + r.count, 0), 0);
  const files = Object.keys(after).length;
  const what = mode.kind === "all" ? "--suppress-all" : mode.kind === "rules" ? `--suppress-rule ${mode.rules.join(", ")}` : "--prune-suppressions";
  return `${what}: wrote ${name}: ${sum(after)} suppressed ${sum(after) === 1 ? "finding" : "findings"} in ${files} ${files === 1 ? "file" : "files"} (${sum(before)} before).`;
}

/** The rule ids --suppress-rule names must be rules (a usage error otherwise). */
export function checkSuppressRule(id: string): string {
  if (!ruleById(id)) throw new UsageError(`--suppress-rule: there is no rule \`${id}\`.${didYouMean(id, RULES.map((r) => r.meta.id))} (docs/rules.md lists them)`);
  return id;
}
