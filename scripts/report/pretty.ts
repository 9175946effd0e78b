/**
 * The report for people: the verdict first, then findings grouped by file,
 * each at file:line:col with a code frame of the real source lines, a caret
 * under the value, and a hint; infos (unless --verbose) and what
 * --max-diagnostics leaves out as counts per rule (report/select.ts); the
 * verdict again at the end of a report longer than a screen.
 * Plain ASCII without colour unless the caller asks for it (core/terminal.ts
 * useColor decides: a terminal, --color, NO_COLOR, FORCE_COLOR). Paths, messages
 * and hints hold contributors' text: each is printed with control characters
 * as visible escapes (core/escape.ts), and no line of the report can start a
 * GitHub workflow command (`::`), whatever a file is named.
 */
import { guardLines, HIDDEN_CHARACTERS, visible } from "../core/escape.ts";
import type { Finding } from "../core/finding.ts";
import { FRAME_CONTEXT, LineIndex, type LineSource } from "../dataset/lines.ts";
import { plural } from "../core/plural.ts";
import { countLines, DEFAULT_DISPLAY, selectFindings, type DisplayOptions } from "./select.ts";
import { evidenceLine, fixLines, scopeLine, suppressedLine, suppressionLines, type Summary } from "./summary.ts";

export interface PrettyOptions {
  color: boolean;
  /** --verbose, --quiet, --max-diagnostics (report/select.ts); default: infos as counts, no cap. */
  display?: DisplayOptions;
  /** The text of a file, or the lines of it code frames show (the check stage's excerpt), for code frames; undefined when it cannot be shown. */
  source(file: string): string | LineSource | undefined;
}

const CONTEXT_LINES = FRAME_CONTEXT;
/** A report longer than this many lines (a screen) repeats its verdict at the end, where the terminal stops. */
export const SCREEN_LINES = 40;
const MAX_FRAME_WIDTH = 120;

function painter(color: boolean) {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22), cyan: wrap(36, 39) };
}

const FRAME_HIDDEN = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f${HIDDEN_CHARACTERS}]`, "g");
/** A tab or anything FRAME_HIDDEN replaces: most lines hold neither, and are shown as they are without two replaces. */
const FRAME_UNUSUAL = new RegExp(`[\\u0000-\\u001f${HIDDEN_CHARACTERS}]`);

/** Makes control characters, direction controls and invisible characters visible in a code frame (a tab as two spaces, the rest as one `?`, so the caret stays under its column) and keeps long lines short. */
function displayLine(text: string): string {
  const shown = FRAME_UNUSUAL.test(text) ? text.replace(/\t/g, "  ").replace(FRAME_HIDDEN, "?") : text;
  return shown.length > MAX_FRAME_WIDTH ? shown.slice(0, MAX_FRAME_WIDTH - 3) + "..." : shown;
}

/** The frame's lines, each ended by a line break (one string: a report of 100k findings builds no array a frame). */
function codeFrame(finding: Finding, lines: LineSource, paint: ReturnType<typeof painter>, bar: string): string {
  let out = "";
  const first = Math.max(1, finding.line - CONTEXT_LINES);
  const last = Math.min(lines.lineCount, finding.line + CONTEXT_LINES);
  const width = String(last).length;
  for (let n = first; n <= last; n++) {
    const marker = n === finding.line ? paint.red(">") : " ";
    const text = lines.lineText(n);
    out += ` ${marker} ${paint.dim(String(n).padStart(width))} ${bar} ${displayLine(text)}\n`;
    if (n === finding.line) {
      const raw = text.slice(0, finding.column - 1);
      const lead = raw.includes("\t") ? raw.replace(/\t/g, "  ").length : raw.length;
      const endColumn = finding.endLine === finding.line && finding.endColumn ? finding.endColumn : finding.column + 1;
      const span = Math.max(1, Math.min(endColumn - finding.column, MAX_FRAME_WIDTH - lead));
      out += `   ${" ".repeat(width)} ${bar} ${" ".repeat(Math.min(lead, MAX_FRAME_WIDTH))}${paint.red("^".repeat(span))}\n`;
    }
  }
  return out;
}

/** The report as one string (see writePretty). */
export function formatPretty(findings: readonly Finding[], summary: Summary, options: PrettyOptions): string {
  const chunks: string[] = [];
  writePretty(findings, summary, options, (chunk) => chunks.push(chunk));
  return chunks.join("");
}

/** Lines of the report held before they are written. */
const CHUNK_LINES = 4096;

/**
 * Writes the report in chunks of whole lines, as it is made: a report of a
 * hundred thousand findings is never held whole (as lines, then joined, then
 * encoded for the output), which made it the run's peak of memory. A chunk
 * is one string built by appending (no array of lines to join).
 */
export function writePretty(findings: readonly Finding[], summary: Summary, options: PrettyOptions, write: (chunk: string) => void): void {
  const paint = painter(options.color);
  const bar = options.color ? "\u2502" : "|";
  // Whole lines, each ended by a line break, and how many (a frame's lines counted as one: a bound, not a measure).
  let out = "";
  let held = 0;
  // Every line written, a frame's counted one by one: whether the report is longer than a screen.
  let total = 0;
  const line = (text: string) => {
    out += text + "\n";
    held++;
    total++;
  };
  const flush = () => {
    if (out !== "") write(guardLines(out));
    out = "";
    held = 0;
  };
  const display = options.display ?? DEFAULT_DISPLAY;
  const selection = selectFindings(findings, display);
  // The verdict leads, with what was checked; a long report says it again at its end.
  const verdict = verdictLine(findings, summary, selection.hidden, paint);
  line(verdict);
  const evidence = evidenceLine(summary);
  if (evidence) line(evidence);
  // The scope names changed files: contributors' text.
  const scope = visible(scopeLine(summary));
  if (scope) line(scope);
  // What was suppressed is counted, and what the suppressions file says that no longer holds is said (file names: contributors' text).
  const suppressed = visible(suppressedLine(summary));
  if (suppressed) line(suppressed);
  for (const l of suppressionLines(summary)) line(visible(l));
  // What --fix did (or --fix-dry-run would do), and each fix it left, with why.
  for (const text of fixLines(summary)) line(visible(text));
  // As ESLint ends its report: how many of the problems --fix can correct.
  const canFix = summary.fixes?.dryRun ? 0 : findings.reduce((n, f) => (f.fix ? n + 1 : n), 0);
  if (canFix > 0) line(`${plural(canFix, "problem")} can be fixed with --fix (--fix-dry-run shows the diff).`);
  const counts = countLines(selection, display, "list").map(visible);
  if (selection.shown.length + counts.length > 0) line("");
  const byFile = new Map<string, Finding[]>();
  // Pushed, not copied: a file's list is made once, whatever its number of findings.
  for (const f of selection.shown) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  // Rules and hints repeat from finding to finding: each is made visible once.
  const shown = new Map<string, string>();
  const visibleOnce = (text: string) => {
    let v = shown.get(text);
    if (v === undefined) shown.set(text, (v = visible(text)));
    return v;
  };
  const [error, warning, info] = [paint.red("error"), paint.yellow("warning"), paint.blue("info")];
  const help = paint.cyan("help:");
  const see = paint.dim("see:");
  const suggestion = paint.cyan("suggestion:");
  const fixable = paint.cyan("fix:");
  for (const [file, list] of byFile) {
    const source = options.source(file);
    // An empty text shows no frame.
    const lines = typeof source === "string" ? (source === "" ? undefined : new LineIndex(source)) : source;
    const path = visible(file);
    for (const f of list) {
      line(`${paint.bold(`${path}:${f.line}:${f.column}`)}  ${f.severity === "error" ? error : f.severity === "warning" ? warning : info}  ${paint.dim(visibleOnce(f.rule))}`);
      line(`  ${visible(f.message)}`);
      if (lines && f.line <= lines.lineCount) {
        const frame = codeFrame(f, lines, paint, bar);
        out += frame;
        held++;
        for (let i = frame.indexOf("\n"); i !== -1; i = frame.indexOf("\n", i + 1)) total++;
      }
      if (f.hint) line(`  ${help} ${visibleOnce(f.hint)}`);
      // A suggestion needs a person: listed, never applied; a fix says --fix applies it.
      for (const s of f.suggestions ?? []) line(`  ${suggestion} ${visible(s.message)}`);
      if (f.fix) line(`  ${fixable} ${visible(f.fix.text !== undefined ? "write the file in the canonical layout (validate --fix does)" : `write ${JSON.stringify(f.fix.value)} (validate --fix does)`)}`);
      for (const r of f.related ?? []) line(`  ${see} ${visible(r.file)}${r.line ? `:${r.line}:${r.column ?? 1}` : ""}`);
      line("");
      if (held >= CHUNK_LINES) flush();
    }
  }
  for (const c of counts) line(c);
  if (total > SCREEN_LINES) {
    if (counts.length > 0) line("");
    line(verdict);
  }
  flush();
}

/** The totals in one line: "No problems (…)", or the counts and the files they are in; says what --quiet leaves out. */
function verdictLine(findings: readonly Finding[], summary: Summary, hidden: number, paint: ReturnType<typeof painter>): string {
  const problems = summary.errors + summary.warnings + summary.infos;
  const checked = `${plural(summary.files, "file")}, ${plural(summary.records, "record")} checked`;
  if (problems === 0) return `${paint.bold("No problems")} (${checked}).`;
  const parts = [plural(summary.errors, "error"), plural(summary.warnings, "warning")];
  if (summary.infos > 0) parts.push(`${summary.infos} info`);
  const files = new Set(findings.map((f) => f.file)).size;
  const quiet = hidden > 0 ? `; ${hidden} not shown (--quiet: errors only)` : "";
  return `${paint.bold(parts.join(", "))} in ${plural(files, "file")} (${checked})${quiet}.`;
}
