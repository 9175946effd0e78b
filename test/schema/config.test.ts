/**
 * The configuration's JSON Schema (schema/config.ts, published as
 * schema/eventwire.config.schema.json) and the reader that validate uses
 * (scripts/rules/config/read.ts, by hand: no zod at run time) give the same
 * verdict on each case; the published file is what zod generates.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { Config, CONFIG_SCHEMA_PATH, configJsonSchemaText } from "../../schema/config.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import "../../scripts/rules/index.ts";
import { readConfigText } from "../../scripts/rules/config/read.ts";

const test = suite("configuration schema");

const CASES: [name: string, text: string, valid: boolean][] = [
  ["empty", "", true],
  ["comments only", "# nothing\n", true],
  ["every key", "rules:\n  file-bom: off\n  schema: warning\noverrides:\n  - files: [data/events/**]\n    rules:\n      date-future: info\n  - files: []\nignores: [data/x/**]\nvalidate:\n  format: sarif\n  max-warnings: 0\n  max-diagnostics: 10\n  verbose: true\n  quiet: false\n", true],
  ["an override with files only", "overrides:\n  - files: [data/**]\n", true],
  ["a list at the top", "- rules\n", false],
  ["text at the top", "rules\n", false],
  ["a key that is none", "rulez:\n  file-bom: off\n", false],
  ["a severity that is none", "rules:\n  file-bom: loud\n", false],
  ["a severity as a number", "rules:\n  file-bom: 0\n", false],
  ["rules as a list", "rules: [file-bom]\n", false],
  ["overrides as a mapping", "overrides:\n  files: [data/**]\n", false],
  ["an override without files", "overrides:\n  - rules:\n      file-bom: off\n", false],
  ["an override with a key that is none", "overrides:\n  - files: [data/**]\n    rule:\n      file-bom: off\n", false],
  ["files as text", "overrides:\n  - files: data/**\n", false],
  ["ignores as text", "ignores: data/**\n", false],
  ["a glob as a number", "ignores: [1]\n", false],
  ["a format that is none", "validate:\n  format: xml\n", false],
  ["a negative max-warnings", "validate:\n  max-warnings: -1\n", false],
  ["a fractional max-diagnostics", "validate:\n  max-diagnostics: 1.5\n", false],
  ["verbose as text", "validate:\n  verbose: 'yes'\n", false],
  ["verbose and quiet", "validate:\n  verbose: true\n  quiet: true\n", false],
  ["a validate key that is none", "validate:\n  output-file: x.json\n", false],
];

for (const [name, text, valid] of CASES)
  test(`${name}: ${valid ? "valid" : "invalid"} for both`, () => {
    const zod = Config.safeParse(parse(text) ?? null).success;
    const problems = readConfigText(text).problems.filter((p) => p.rule === "config-schema" || p.rule === "config-syntax");
    assert.is(zod, valid, `zod: ${name}`);
    assert.is(problems.length === 0, valid, `reader: ${name}: ${JSON.stringify(problems)}`);
  });

test("the published JSON Schema is what zod generates (npm run schema:build)", () => {
  assert.is(readFileSync(path.join(TOOLKIT_ROOT, CONFIG_SCHEMA_PATH), "utf8"), configJsonSchemaText());
});

test.run();
