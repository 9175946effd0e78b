/**
 * The file and record rules with the cases of their own test files
 * (test/rules/<id>.test.ts), for the guards that read cases rather than run
 * them once: importing a test file registers its cases with the rule tester
 * (TESTED); its suite still runs once, in the run that imported it first.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { CONFIG_RULES, DIRECTIVE_RULES, FILE_RULES, RECORD_RULES } from "../../scripts/rules/index.ts";
import type { FileRule, RecordRule } from "../../scripts/rules/types.ts";
import { TESTED, type RuleCases } from "./rule-tester.ts";

export const RULE_TESTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "../rules");

export interface TestedRule {
  rule: FileRule | RecordRule;
  /** The test file's path, relative to the repository. */
  file: string;
  /** Its cases, or undefined when the file does not exist or calls no `ruleTester` for this rule. */
  cases: RuleCases | undefined;
  /** The rule object the test file tested: the registry's own, or a copy of it. */
  tested: FileRule | RecordRule | undefined;
}

// uvu loads test files with require (tsx compiles them to CommonJS): loaded the
// same way, a test file is the module uvu runs, with the same rule tester.
const load = createRequire(import.meta.url);

/** Every file and record rule (the configuration's and the inline directives' rules too: file rules), in registry order, with its own test file's cases. */
export function testedRules(): TestedRule[] {
  const out: TestedRule[] = [];
  for (const rule of [...FILE_RULES, ...RECORD_RULES, ...CONFIG_RULES, ...DIRECTIVE_RULES]) {
    const file = path.join(RULE_TESTS, `${rule.meta.id}.test.ts`);
    if (existsSync(file)) load(file);
    const entry = TESTED.get(rule.meta.id);
    out.push({ rule, file: `test/rules/${rule.meta.id}.test.ts`, cases: entry?.cases, tested: entry?.rule });
  }
  return out;
}
