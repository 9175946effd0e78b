/**
 * The rule tests notice a change (issue 17): each file and record rule's own
 * cases (test/rules/<id>.test.ts) run against mutated copies of the rule, and
 * every mutant must fail at least one of them:
 * - a message mutant per message id: its template with a word dropped (one
 *   with no word of its own, a placeholder alone, gets a word);
 * - a position mutant per message id the cases expect as an issue's
 *   `messageId`: each issue of that id at its pointer's parent, or, for an
 *   issue with a position (or at the record's root), its column moved by 1;
 * - a messageId mutant per message id the cases expect as an issue's
 *   `messageId` (rules with two ids or more): it is swapped for the rule's next id.
 * A mutant that survives names a weak test: add the case that kills it.
 * In process, one rule object per mutant: no file is written but the kept
 * texts of the evidence cases.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { pointerToSegments, segmentsToPointer } from "../../scripts/core/pointer.ts";
import type { ParsedDocument } from "../../scripts/dataset/parse.ts";
import type { FileContext, FileRule, RecordContext, RecordRule, RuleIssue } from "../../scripts/rules/types.ts";
import { checkInvalid, checkValid, type InvalidCase, type RuleCases, type TesterCase } from "../helpers/rule-tester.ts";
import { testedRules } from "../helpers/tested-rules.ts";

type TestedRule = FileRule | RecordRule;

interface Mutant {
  name: string;
  rule: TestedRule;
  /** A message id the mutant changes: the cases that expect it are run first (a mutant is mostly killed by them). */
  id?: string;
}

/** A template with its first word that is no placeholder dropped; a template with none gets one. */
export function dropWord(template: string): string {
  const words = template.split(" ");
  const i = words.findIndex((w) => /[A-Za-z]/.test(w.replace(/\{\{[^}]*\}\}/g, "")));
  return i === -1 ? `${template} mutated` : [...words.slice(0, i), ...words.slice(i + 1)].join(" ");
}

/** The rule with its issues changed by `change` (which sees the record's parse, to place an issue at the root). */
function withIssues(rule: TestedRule, change: (issue: RuleIssue, doc: ParsedDocument | undefined) => RuleIssue): TestedRule {
  if (rule.scope === "file")
    return { ...rule, check: (ctx: FileContext) => rule.check(ctx).map((i) => change(i, ctx.parse?.ok ? ctx.parse.doc : undefined)) };
  return { ...rule, check: (ctx: RecordContext) => rule.check(ctx).map((i) => change(i, ctx.doc)) };
}

/** An issue one place off: at its pointer's parent, or a column further. */
export function moved(issue: RuleIssue, doc: ParsedDocument | undefined): RuleIssue {
  if (issue.position) return { ...issue, position: { ...issue.position, column: issue.position.column + 1 } };
  const segments = pointerToSegments(issue.pointer ?? "");
  if (segments.length > 0) return { ...issue, pointer: segmentsToPointer(segments.slice(0, -1)) };
  const at = doc?.locate("", issue.target) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { ...issue, position: { ...at, column: at.column + 1 } };
}

function mutantsOf(rule: TestedRule, cases: RuleCases): Mutant[] {
  const messages = rule.meta.messages;
  const ids = Object.keys(messages);
  const mutants: Mutant[] = ids.map((id) => ({
    name: `message "${id}" with a word dropped`,
    id,
    rule: { ...rule, meta: { ...rule.meta, messages: { ...messages, [id]: dropWord(messages[id]!) } } },
  }));
  const expected = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
  for (const id of ids.filter((x) => expected.has(x)))
    mutants.push({ name: `each "${id}" issue one place off (the parent's pointer, or a column further)`, id, rule: withIssues(rule, (i, doc) => (i.messageId === id ? moved(i, doc) : i)) });
  if (ids.length >= 2) {
    for (const id of ids.filter((x) => expected.has(x))) {
      const other = ids[(ids.indexOf(id) + 1) % ids.length]!;
      mutants.push({ name: `messageId "${id}" given as "${other}"`, id, rule: withIssues(rule, (i) => (i.messageId === id ? { ...i, messageId: other } : i)) });
    }
  }
  return mutants;
}

/** Whether one case of the rule's fails on the mutant (the cases that name its message id first). */
function killed(mutant: Mutant, cases: RuleCases): boolean {
  const says = (c: InvalidCase) => mutant.id !== undefined && c.errors.some((e) => e.messageId === mutant.id || e.helpId === mutant.id || e.suggestions?.some((s) => s.messageId === mutant.id));
  const invalid = [...cases.invalid.filter(says), ...cases.invalid.filter((c) => !says(c))];
  const runs: (() => void)[] = [...invalid.map((c) => () => checkInvalid(mutant.rule, c)), ...cases.valid.map((c: TesterCase) => () => checkValid(mutant.rule, c))];
  for (const run of runs) {
    try {
      run();
    } catch {
      return true;
    }
  }
  return false;
}

const test = suite("rule mutants");

test("a dropped word and a moved place are changes", () => {
  assert.is(dropWord("`{{key}}` appears twice in the same object."), "`{{key}}` twice in the same object.");
  assert.is(dropWord("{{how}}"), "{{how}} mutated");
  assert.equal(moved({ pointer: "/sources/0/url", messageId: "x" }, undefined), { pointer: "/sources/0", messageId: "x" });
  assert.equal(moved({ position: { line: 2, column: 3, endLine: 2, endColumn: 5 }, messageId: "x" }, undefined), { position: { line: 2, column: 4, endLine: 2, endColumn: 5 }, messageId: "x" });
  assert.equal(moved({ pointer: "", messageId: "x" }, undefined), { pointer: "", position: { line: 1, column: 2, endLine: 1, endColumn: 1 }, messageId: "x" });
});

for (const { rule, cases } of testedRules()) {
  if (cases === undefined) continue; // coverage.test.ts names the rule with no test file
  test(`${rule.meta.id}: every mutant fails one of its cases`, () => {
    const survivors = mutantsOf(rule, cases)
      .filter((m) => !killed(m, cases))
      .map((m) => m.name);
    assert.equal(survivors, [], `${rule.meta.id}: ${survivors.length} mutants pass every case (weak tests):\n  ${survivors.join("\n  ")}\n`);
  });
}

test.run();
