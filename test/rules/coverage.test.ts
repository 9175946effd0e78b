/**
 * What the rule tests must state (issue 17): each file and record rule has its
 * own test file, every message of its `meta.messages` is said by at least one
 * of its invalid cases (as an issue's message, help or suggestion), and every
 * expected issue states its words (the message, or the message id and its data)
 * and its place (line and column). A message no case says could change or
 * break unseen; the mutants of mutation.test.ts show the cases also notice.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { testedRules } from "../helpers/tested-rules.ts";

const test = suite("rule test coverage");
const rules = testedRules();

test("every file and record rule has its own test file, testing the registry's rule", () => {
  const missing = rules.filter((r) => r.cases === undefined).map((r) => r.file);
  assert.equal(missing, [], `no ruleTester cases in: ${missing.join(", ")}`);
  const copies = rules.filter((r) => r.tested !== undefined && r.tested !== r.rule).map((r) => r.rule.meta.id);
  assert.equal(copies, [], `tested with a copy of the rule, not the registry's: ${copies.join(", ")}`);
});

test("every message id of a rule is said by at least one invalid case of its test file", () => {
  const unsaid: string[] = [];
  for (const { rule, cases } of rules) {
    if (cases === undefined) continue;
    const said = new Set<string>();
    for (const c of cases.invalid)
      for (const e of c.errors) {
        said.add(e.messageId);
        if (e.helpId !== undefined) said.add(e.helpId);
        for (const s of e.suggestions ?? []) said.add(s.messageId);
      }
    for (const id of Object.keys(rule.meta.messages)) if (!said.has(id)) unsaid.push(`${rule.meta.id}/${id}`);
  }
  assert.equal(unsaid, [], `${unsaid.length} message ids no invalid case says:\n  ${unsaid.join("\n  ")}\n`);
});

test("every expected issue states its message (or message id and data), line and column", () => {
  const vague: string[] = [];
  for (const { rule, cases } of rules)
    for (const c of cases?.invalid ?? [])
      c.errors.forEach((e, n) => {
        const lacks = [e.message === undefined && e.data === undefined ? "message or data" : "", e.line === undefined ? "line" : "", e.column === undefined ? "column" : ""].filter(Boolean);
        if (lacks.length > 0) vague.push(`${rule.meta.id}: "${c.name}", issue ${n}: no ${lacks.join(", ")}`);
      });
  assert.equal(vague, [], `${vague.length} expected issues do not say what or where:\n  ${vague.join("\n  ")}\n`);
});

test.run();
