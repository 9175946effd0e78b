/** The rule catalogue and the registry stay in step with the rule modules. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { catalogueIsStale } from "../../scripts/commands/docs.ts";
import { RULES } from "../../scripts/rules/index.ts";
import { generateCatalogue } from "../../scripts/rules/catalogue.ts";

test("docs/rules.md is what the rule modules generate", () => {
  assert.not.ok(catalogueIsStale(), "run `npm run docs:rules`");
});

test("every rule has a unique kebab-case id, a description and a help text, and is in the catalogue", () => {
  const catalogue = generateCatalogue();
  const ids = new Set<string>();
  for (const rule of RULES) {
    assert.match(rule.meta.id, /^[a-z]+(-[a-z0-9]+)*$/);
    assert.not.ok(ids.has(rule.meta.id), `${rule.meta.id} twice`);
    ids.add(rule.meta.id);
    assert.ok(rule.meta.description.length > 10 && rule.meta.help.length > 10, rule.meta.id);
    assert.ok(catalogue.includes(`| \`${rule.meta.id}\` |`), `${rule.meta.id} in catalogue`);
  }
});

test.run();
