/**
 * `validate --fix` and `--fix-dry-run`: the fixes findings carry (a rule's
 * `fix`, with the value it saw and a digest of the text it read), applied
 * as text edits (dataset/edit.ts) to the files they were found in, and
 * written atomically; then the files are checked again, as ESLint does, until
 * no fix applies (at most MAX_PASSES times), so that the report shows what
 * remains. Suggestions are never applied. A file that changed on disk since it
 * was checked is not written.
 */
import path from "node:path";
import type { Finding } from "../core/finding.ts";
import { textDigest } from "../core/hash.ts";
import { describeError } from "../core/regular-file.ts";
import { writeFileAtomic } from "../core/write.ts";
import { formatOf } from "../dataset/discover.ts";
import { applyFixes } from "../dataset/edit.ts";
import { LineIndex } from "../dataset/lines.ts";
import { readOriginal } from "../dataset/read.ts";
import type { CheckResult } from "./run.ts";

/** ESLint's limit: fixes can make new fixable findings, and a run stops after this many rounds of fixing. */
export const MAX_PASSES = 10;

/** A file the fixes change: its text as read and as fixed (a BOM kept), and how many findings' fixes that is. */
export interface FixedFile {
  file: string;
  before: string;
  after: string;
  fixes: number;
}

/** A fix that was not applied, where its finding is, and why. */
export interface SkippedFix {
  file: string;
  line: number;
  column: number;
  rule: string;
  reason: string;
}

export interface FixPlan {
  files: FixedFile[];
  skipped: SkippedFix[];
  /** The text edits of each finding whose fix applies, by line and column (UTF-16, the end exclusive) of the text the rules read: SARIF's `fixes`. */
  replacements: Map<Finding, Replacement[]>;
}

export interface Replacement {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  text: string;
}

const skip = (f: Finding, reason: string): SkippedFix => ({ file: f.file, line: f.line, column: f.column, rule: f.rule, reason });

/**
 * What the fixes of `findings` make of their files (paths relative to
 * `root`), in path order. A file is read again (never through a link) and
 * fixed only if it is the text the rules read; with `write`, each fixed file
 * is written at once, atomically (temporary files in the folder `write.tempFolder()`
 * gives: made on the first write, none when nothing is fixed), so
 * that the time between reading it and replacing it is that of the edit.
 */
export function planFixes(root: string, findings: readonly Finding[], write?: { tempFolder: () => string }): FixPlan {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.fix) continue;
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const plan: FixPlan = { files: [], skipped: [], replacements: new Map() };
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const format = formatOf(file);
    const absolute = path.join(root, file);
    const read = readOriginal(absolute);
    if (!read.ok || !format) {
      for (const f of list) plan.skipped.push(skip(f, read.ok ? "the file is no record" : `the file ${read.problem}`));
      continue;
    }
    const bom = read.text.startsWith("\ufeff") ? "\ufeff" : "";
    const text = read.text.slice(bom.length);
    const digest = textDigest(text);
    const current = list.filter((f) => f.fix!.digest === digest);
    for (const f of list) if (f.fix!.digest !== digest) plan.skipped.push(skip(f, "the file changed on disk since it was checked"));
    if (current.length === 0) continue;
    const result = fixText(text, format, current);
    for (const { index, reason } of result.skipped) plan.skipped.push(skip(current[index]!, reason));
    if (result.applied.length === 0) continue;
    const lines = new LineIndex(text);
    for (const e of result.edits) {
      const [from, to] = [lines.at(e.start), lines.at(e.end)];
      const finding = current[e.fix]!;
      const list = plan.replacements.get(finding) ?? [];
      list.push({ startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column, text: e.replacement });
      plan.replacements.set(finding, list);
    }
    // The canonical layout (a whole-text fix) has no BOM, as `eventwire format` writes it; value fixes keep one.
    const whole = result.applied.some((index) => current[index]!.fix!.text !== undefined);
    const fixed: FixedFile = { file, before: read.text, after: (whole ? "" : bom) + result.text, fixes: result.applied.length };
    if (write) {
      try {
        writeFileAtomic(absolute, fixed.after, write.tempFolder());
      } catch (error) {
        for (const index of result.applied) plan.skipped.push(skip(current[index]!, `the file could not be written (${describeError(error)})`));
        continue;
      }
    }
    plan.files.push(fixed);
  }
  return plan;
}

/**
 * The text edits of a file's current fixes. Value fixes go first (dataset/edit.ts): a whole-text fix
 * (record-layout's canonical layout) was computed from the text before them, so it is left to the next
 * pass, whose check computes it again from the fixed text (and skipped without a reason: it is not lost).
 * A file with only a whole-text fix gets that text, as one edit of the whole.
 */
function fixText(text: string, format: "yaml" | "json", current: readonly Finding[]): ReturnType<typeof applyFixes> {
  const values = current.flatMap((f, index) => (f.fix!.text === undefined ? [index] : []));
  if (values.length > 0) {
    const result = applyFixes(
      text,
      format,
      values.map((index) => current[index]!.fix!),
    );
    const back = (index: number) => values[index]!;
    const skipped = result.skipped.map((s) => ({ ...s, index: back(s.index) }));
    // Value fixes that all fail leave the text as the whole-text fix saw it: that one applies now.
    if (result.applied.length > 0 || values.length === current.length)
      return { ...result, applied: result.applied.map(back), skipped, edits: result.edits.map((e) => ({ ...e, fix: back(e.fix) })) };
    return { ...wholeText(text, current), skipped };
  }
  return wholeText(text, current);
}

/** A file's whole-text fix applied: several (none today: record-layout gives one a file) would be the same text, and the first is. */
function wholeText(text: string, current: readonly Finding[]): ReturnType<typeof applyFixes> {
  const first = current.findIndex((f) => f.fix!.text !== undefined);
  const after = current[first]!.fix!.text!;
  if (after === text) return { text, applied: [], skipped: [], edits: [] };
  return { text: after, applied: [first], skipped: [], edits: [{ fix: first, start: 0, end: text.length, replacement: after }] };
}

/** What --fix did, for the report. */
export interface FixOutcome {
  /** --fix-dry-run: the fixes are shown, not written. */
  dryRun: boolean;
  /** Findings fixed, over every pass (with --fix-dry-run: that would be fixed in the first). */
  applied: number;
  /** The files changed (with --fix-dry-run: that would be), each once, in path order. */
  files: FixedFile[];
  /** Checks run. */
  passes: number;
  /** The fixes not applied in the last pass, and why. */
  skipped: SkippedFix[];
  /** --fix-dry-run: the edits of each finding of the (one) check whose fix applies (SARIF's `fixes`), from the plan the diff shows. */
  replacements?: FixPlan["replacements"];
}

/**
 * Checks (`check` runs the whole check of the same targets), applies the
 * fixes found, and checks again until a pass applies none or MAX_PASSES have
 * fixed something; the result is the last check's. With `dryRun` there is one
 * check, and the plan of its fixes is returned unwritten.
 */
export async function checkAndFix<R extends CheckResult>(root: string, check: (pass: number) => Promise<R>, options: { dryRun: boolean; tempFolder?: () => string }): Promise<{ result: R; fixes: FixOutcome }> {
  let result = await check(1);
  const fixes: FixOutcome = { dryRun: options.dryRun, applied: 0, files: [], passes: 1, skipped: [] };
  const files = new Map<string, FixedFile>();
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const plan = planFixes(root, result.findings, options.dryRun ? undefined : { tempFolder: options.tempFolder! });
    fixes.skipped = plan.skipped;
    if (options.dryRun) {
      fixes.applied = plan.files.reduce((n, f) => n + f.fixes, 0);
      fixes.files = plan.files;
      fixes.replacements = plan.replacements;
      break;
    }
    const written = plan.files;
    if (written.length === 0) break;
    for (const f of written) {
      fixes.applied += f.fixes;
      const earlier = files.get(f.file);
      files.set(f.file, earlier ? { ...f, before: earlier.before, fixes: earlier.fixes + f.fixes } : f);
    }
    result = await check(++fixes.passes);
  }
  if (!options.dryRun) fixes.files = [...files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { result, fixes };
}
