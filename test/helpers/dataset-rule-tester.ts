/**
 * The rule tester of dataset rules (test/helpers/rule-tester.ts is the one of
 * file and record rules): one dataset rule, run by the engine that runs it in
 * `validate` (check/compare.ts), on several records given as text. Events and
 * registry entries are parsed in memory; kept texts and their manifest (which
 * text-manifest judges) are written to a temporary dataset and read as a run
 * reads them. An invalid case lists what each issue says: its file,
 * `messageId`, `data`, message, line and column, and the files it relates to.
 * Each case is run with the events in the listing's order and in the reverse
 * order (a rule's findings never depend on it), and every message id of the
 * rule must be produced by some invalid case.
 *
 *   datasetRuleTester(rule, { valid: [...], invalid: [...] });  // registers and runs a uvu suite
 */
import { rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { datasetPass } from "../../scripts/check/compare.ts";
import { discover, formatOf, kindOf } from "../../scripts/dataset/discover.ts";
import { parseRecord, type ParsedDocument } from "../../scripts/dataset/parse.ts";
import { readTextManifest, TEXTS_FOLDER, type TextProblem } from "../../scripts/dataset/texts.ts";
import { summarizeUnchecked, summaryFromPath, type SummaryForm } from "../../scripts/rules/dataset/summary.ts";
import { formatMessage } from "../../scripts/rules/format.ts";
import type { DatasetIssue, DatasetRule, EventSummary, MessageData } from "../../scripts/rules/types.ts";
import { writeDataset } from "./dataset.ts";

export interface DatasetCase {
  name: string;
  /** The dataset's files by path: events (data/events/...), registry entries, kept texts and their manifest. */
  files: Record<string, string | Buffer>;
  /** Symbolic links to make in the dataset (path -> target): a manifest that is a link. */
  links?: Record<string, string>;
  /** Makes in the dataset's root what files cannot say (a FIFO); the dataset is then written out for kept texts. */
  setup?: (root: string) => void;
  /** What some events hold when read again at the end of the pass (null: nothing that summarizes): a file edited during the run. */
  edited?: Record<string, string | null>;
  /** Events outside the scope of `validate --changed` (stand-ins, known by the id their path gives): their paths. */
  standIns?: string[];
  /** Files deleted since the base of `--changed`. */
  deleted?: string[];
}

export interface ExpectedDatasetIssue {
  /** The file the issue is reported in. */
  file: string;
  messageId: string;
  /** When given, the issue's data deep-equal to it. */
  data?: MessageData;
  /** When given, the formatted message. */
  message?: string;
  line?: number;
  column?: number;
  /** When given, the files of the issue's related places, in order. */
  related?: string[];
}

export interface DatasetInvalidCase extends DatasetCase {
  errors: ExpectedDatasetIssue[];
}

type Placed = DatasetIssue & { line: number; column: number };

const isEvent = (file: string) => kindOf(file) === "event";
const parsed = (file: string, text: string | Buffer | null | undefined): ParsedDocument | undefined => {
  const format = formatOf(file);
  if (text === null || text === undefined || format === null) return undefined;
  const parse = parseRecord(text.toString(), format);
  return parse.ok ? parse.doc : undefined;
};

/**
 * What the rule reports on a case, the events added in the listing's order or its reverse, summarized in `form` (the
 * light one, as the workers and the cache give them to the check stage; the engine reads them again in full); the
 * issues placed and sorted as a report sorts them.
 */
export async function runDatasetRule(rule: DatasetRule, c: DatasetCase, reverse = false, form: SummaryForm = "light"): Promise<Placed[]> {
  const paths = Object.keys(c.files).sort();
  const events = paths.filter(isEvent);
  const standIns = [...(c.standIns ?? [])].sort();
  // The listing's order: the events read, then the stand-ins (as the check stage orders them).
  const all = [...events, ...standIns];
  const docs = new Map(paths.map((p) => [p, parsed(p, c.files[p])]));
  // Registry entries as the check stage gives them: each with a string id, whether it passes its schema or not.
  const registryFiles = paths.flatMap((file) => {
    const kind = kindOf(file);
    const value = docs.get(file)?.value as { id?: unknown } | undefined;
    return (kind === "actor" || kind === "outlet") && typeof value?.id === "string" ? [{ kind, id: value.id, file }] : [];
  });
  const textProblems = c.setup || paths.some((p) => p.startsWith(`${TEXTS_FOLDER}/`)) || Object.keys(c.links ?? {}).some((p) => p.startsWith(`${TEXTS_FOLDER}/`)) ? await textProblemsOf(c) : [];
  const now = (file: string) => (c.edited && file in c.edited ? parsed(file, c.edited[file]) : docs.get(file));
  const pass = datasetPass(rule, {
    registryFiles,
    deleted: c.deleted ?? [],
    textProblems,
    fileAt: (order) => all[order]!,
    summaryAt: (order) => (order < events.length ? summarizeUnchecked(now(events[order]!)?.value, events[order]!) : undefined),
  });
  const sequence = all.map((_, i) => i);
  if (reverse) sequence.reverse();
  for (const order of sequence) {
    const file = all[order]!;
    const event: EventSummary | undefined = order < events.length ? summarizeUnchecked(docs.get(file)?.value, file, form) : summaryFromPath(file);
    if (event) pass.add?.(event, order);
  }
  return pass
    .finish()
    // Placed as the check stage places them: a position given, else the pointer in the record as it is now (not in a manifest or text).
    .map((issue) => ({ ...issue, ...(issue.position ?? (kindOf(issue.file) ? now(issue.file)?.locate(issue.pointer ?? "", issue.target) : undefined) ?? { line: 1, column: 1 }) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0));
}

/** The problems of data/texts/ as a run finds them: the case's files written out and listed. */
async function textProblemsOf(c: DatasetCase): Promise<readonly TextProblem[]> {
  const root = writeDataset(c.files);
  try {
    for (const [link, target] of Object.entries(c.links ?? {})) symlinkSync(target, path.join(root, link));
    c.setup?.(root);
    return readTextManifest(root, await discover(root)).problems;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Registers a suite for the dataset rule `rule` with its valid and invalid cases, and runs it. */
export function datasetRuleTester(rule: DatasetRule, cases: { valid: DatasetCase[]; invalid: DatasetInvalidCase[] }): void {
  const test = suite(rule.meta.id);
  test("has valid and invalid cases, and an invalid case for each of its messages", async () => {
    assert.ok(cases.valid.length > 0, `${rule.meta.id}: no valid case`);
    assert.ok(cases.invalid.length > 0, `${rule.meta.id}: no invalid case`);
    const produced = new Set<string>();
    for (const c of cases.invalid) for (const issue of await runDatasetRule(rule, c)) produced.add(issue.messageId);
    assert.equal(Object.keys(rule.meta.messages).filter((id) => !produced.has(id)), [], `${rule.meta.id}: message ids no invalid case produces`);
  });
  for (const c of cases.valid)
    test(`valid: ${c.name}`, async () => {
      for (const reverse of [false, true])
        for (const form of ["light", "full"] as const) {
          const issues = await runDatasetRule(rule, c, reverse, form);
          assert.equal(
            issues.map((i) => `${i.file}:${i.line}:${i.column} ${formatMessage(rule, i.messageId, i.data)}`),
            [],
          );
        }
    });
  for (const c of cases.invalid)
    test(`invalid: ${c.name}`, async () => {
      const issues = await runDatasetRule(rule, c);
      assert.equal(await runDatasetRule(rule, c, true), issues, `${c.name}: the events in reverse order give other findings`);
      assert.equal(await runDatasetRule(rule, c, false, "full"), issues, `${c.name}: the events summarized in full give other findings`);
      assert.is(issues.length, c.errors.length, `${issues.length} issues: ${issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.messageId}`).join("; ")}`);
      issues.forEach((issue, n) => {
        const expected = c.errors[n]!;
        const message = formatMessage(rule, issue.messageId, issue.data);
        const where = `${c.name}, issue ${n}`;
        assert.is(issue.file, expected.file, `${where}: file`);
        assert.is(issue.messageId, expected.messageId, where);
        if (expected.data !== undefined) assert.equal(issue.data ?? {}, expected.data, `${where}: data`);
        if (expected.message !== undefined) assert.is(message, expected.message, `${where}: message`);
        if (expected.line !== undefined) assert.is(issue.line, expected.line, `${where}: line`);
        if (expected.column !== undefined) assert.is(issue.column, expected.column, `${where}: column`);
        if (expected.related !== undefined) assert.equal(issue.related?.map((r) => r.file) ?? [], expected.related, `${where}: related`);
      });
    });
  test.run();
}
