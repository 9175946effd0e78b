/**
 * Fixes as text edits (`validate --fix`): each fix writes a JSON value at a
 * pointer of a record, and only the characters of the value it replaces
 * change; comments, key order, quoting and line ends elsewhere stay byte for
 * byte. Where each value is written comes from the parse's own spans
 * (spans.ts: the YAML subset reader's or the `yaml` package's, jsonc-parser's
 * for JSON). A fix that is not sure is not applied, and says why: the value
 * at its pointer is no longer what the rule saw, it would change the shape of
 * a value (add or remove keys or items), the value is written over several
 * lines, two fixes meet, or the edited text would not read back as exactly
 * the fixed record.
 */
import { isDeepStrictEqual } from "node:util";
import * as YAML from "yaml";
import { escapeSegment, isObject, pointerToSegments, valueAt } from "../core/pointer.ts";
import { PARSE_OPTIONS, yamlScalarText } from "./canonical.ts";
import { parseRecord } from "./parse.ts";
import { jsonSpans, yamlSpans, type Spans } from "./spans.ts";
import { readYamlSubsetWithSpans } from "./yaml-subset.ts";

export interface TextFix {
  pointer: string;
  value: unknown;
  /** The value the rule saw at `pointer`. */
  old: unknown;
}

export interface EditResult {
  /** The text with the fixes that could be applied; the same text when none could. */
  text: string;
  /** Indexes (into the fixes given) of those applied. */
  applied: number[];
  /** Those not applied, and why (a sentence that follows "not applied: "). */
  skipped: { index: number; reason: string }[];
  /** The edits made, each with the fix it is of (an edit two fixes share is listed for both): offsets into the text given. */
  edits: { fix: number; start: number; end: number; replacement: string }[];
}

const isScalar = (v: unknown) => v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** One value to write over one span. */
interface Leaf {
  fix: number;
  pointer: string;
  value: unknown;
  start: number;
  end: number;
  replacement: string;
}

/**
 * The scalars a fix changes, added to `out`: an object or a list is edited
 * value by value, where both have the same keys (or as many items); false
 * when the shape would change.
 */
function leavesOf(pointer: string, old: unknown, value: unknown, out: { pointer: string; value: unknown }[]): boolean {
  if (isScalar(old) && isScalar(value)) {
    if (!Object.is(old, value)) out.push({ pointer, value });
    return true;
  }
  if (Array.isArray(old) && Array.isArray(value)) {
    if (old.length !== value.length) return false;
    return old.every((o, i) => leavesOf(`${pointer}/${i}`, o, value[i], out));
  }
  if (isObject(old) && isObject(value)) {
    const keys = Object.keys(old);
    if (keys.length !== Object.keys(value).length || !keys.every((k) => Object.hasOwn(value, k))) return false;
    return keys.every((k) => leavesOf(`${pointer}/${escapeSegment(k)}`, old[k], value[k], out));
  }
  return false;
}

/** A record's value and, on first use, its spans: the subset reader's (one pass for both) or yaml's for YAML, jsonc-parser's for JSON; undefined when it does not parse. */
function readWithSpans(text: string, format: "yaml" | "json"): { value: unknown; spans: () => Spans } | undefined {
  if (format === "yaml") {
    const fast = readYamlSubsetWithSpans(text);
    if (fast) return { value: fast.value, spans: () => fast.spans };
  }
  const parse = parseRecord(text, format);
  if (!parse.ok) return undefined;
  let spans: Spans | undefined;
  return { value: parse.doc.value, spans: () => (spans ??= format === "json" ? jsonSpans(text) : yamlSpans(YAML.parseDocument(text, PARSE_OPTIONS), YAML)) };
}

/** A copy of `value` with `v` at `pointer` (which exists). */
function setAt(value: unknown, pointer: string, v: unknown): unknown {
  const segments = pointerToSegments(pointer);
  if (segments.length === 0) return v;
  const copy = structuredClone(value) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const s of segments.slice(0, -1)) at = at[s] as Record<string, unknown>;
  at[segments[segments.length - 1]!] = v;
  return copy;
}

/**
 * Applies `fixes` to a record's text (its BOM removed) as edits at the spans
 * of the values they replace. The text must parse; each fix's `old` must be
 * the value at its pointer.
 */
export function applyFixes(text: string, format: "yaml" | "json", fixes: readonly TextFix[]): EditResult {
  const skipped: EditResult["skipped"] = [];
  const read = readWithSpans(text, format);
  if (!read) return { text, applied: [], skipped: fixes.map((_, index) => ({ index, reason: "the file no longer parses" })), edits: [] };
  const value = read.value;
  const leaves: Leaf[] = [];
  fixes.forEach((fix, index) => {
    const now = valueAt(value, fix.pointer);
    if (now === undefined || !isDeepStrictEqual(now, fix.old)) return skipped.push({ index, reason: "the value is no longer what the rule saw" });
    const changes: { pointer: string; value: unknown }[] = [];
    if (!leavesOf(fix.pointer, fix.old, fix.value, changes)) return skipped.push({ index, reason: "it would add or remove keys or items, which is not done in place" });
    const spans = read.spans();
    const mine: Leaf[] = [];
    for (const change of changes) {
      const span = spans.get(change.pointer);
      if (!span) return skipped.push({ index, reason: "where the value is written was not found" });
      const written = text.slice(span.start, span.end);
      if (written.includes("\n") || written.includes("\r")) return skipped.push({ index, reason: "the value is written over several lines" });
      const quote = written.startsWith('"') ? '"' : written.startsWith("'") ? "'" : "";
      const replacement = format === "json" ? (isScalar(change.value) ? JSON.stringify(change.value) : undefined) : yamlScalarText(change.value, quote);
      if (replacement === undefined) return skipped.push({ index, reason: "the value cannot be written as one scalar" });
      mine.push({ fix: index, pointer: change.pointer, value: change.value, start: span.start, end: span.end, replacement });
    }
    leaves.push(...mine);
  });
  // Two fixes that meet (the same value, or one inside the other) are neither applied, unless they write the same.
  leaves.sort((a, b) => a.start - b.start || a.end - b.end);
  const clash = new Set<number>();
  const kept: Leaf[] = [];
  // The same edit twice (two findings, one correction) is made once, and counts for both.
  const twins: [twin: number, of: number][] = [];
  for (const leaf of leaves) {
    const last = kept[kept.length - 1];
    if (last && leaf.start < last.end) {
      if (leaf.start === last.start && leaf.end === last.end && leaf.replacement === last.replacement) {
        twins.push([leaf.fix, last.fix]);
        continue;
      }
      clash.add(leaf.fix).add(last.fix);
    }
    kept.push(leaf);
  }
  for (const [twin, of] of twins) if (clash.has(of)) clash.add(twin);
  for (const index of clash) skipped.push({ index, reason: "another fix changes the same value" });
  const edits = kept.filter((l) => !clash.has(l.fix));
  if (edits.length === 0) return { text, applied: [], skipped: sorted(skipped), edits: [] };
  let out = "";
  let from = 0;
  let expected = value;
  for (const leaf of edits) {
    out += text.slice(from, leaf.start) + leaf.replacement;
    from = leaf.end;
    expected = setAt(expected, leaf.pointer, leaf.value);
  }
  out += text.slice(from);
  const applied = [...new Set([...edits.map((l) => l.fix), ...twins.filter(([twin]) => !clash.has(twin)).map(([twin]) => twin)])].sort((a, b) => a - b);
  // Read back: the edited text must hold exactly the fixed record, else nothing of it is written.
  const again = parseRecord(out, format);
  if (!again.ok || !isDeepStrictEqual(again.doc.value, expected))
    return { text, applied: [], skipped: sorted([...skipped, ...applied.map((index) => ({ index, reason: "the edited text would not read back as the fixed record" }))]), edits: [] };
  const made = edits.map(({ fix, start, end, replacement }) => ({ fix, start, end, replacement }));
  for (const [twin, of] of twins) if (!clash.has(twin)) for (const e of made.slice()) if (e.fix === of) made.push({ ...e, fix: twin });
  return { text: out, applied, skipped: sorted(skipped), edits: made };
}

const sorted = (skipped: EditResult["skipped"]) => skipped.sort((a, b) => a.index - b.index);
