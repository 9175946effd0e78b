/** The standalone validators count string lengths as ajv does (code points), with the quicker helper the build puts in. */
import { createRequire } from "node:module";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Ajv2020, ValidateFunction } from "ajv/dist/2020.js";
import { newAjv, withQuickLength } from "../../scripts/rules/schema/validators.ts";

const require = createRequire(import.meta.url);
const standaloneCode = require("ajv/dist/standalone/index.js") as (ajv: Ajv2020, validate: ValidateFunction) => string;

/** Evaluates standalone code as the CommonJS module it is. */
function moduleOf(code: string): ValidateFunction {
  const module = { exports: {} as Record<string, unknown> };
  new Function("module", "exports", "require", code)(module, module.exports, require);
  return module.exports as unknown as ValidateFunction;
}

test("minLength and maxLength give the same answers as ajv's, surrogates and all", () => {
  const schema = { type: "string", minLength: 2, maxLength: 3 };
  const ajv = newAjv(false, true);
  const reference = ajv.compile(schema);
  const code = standaloneCode(ajv, reference);
  const quick = moduleOf(withQuickLength(code));
  assert.not.equal(withQuickLength(code), code, "the helper was replaced");
  const smile = "\u{1F600}";
  const samples = ["", "a", "ab", "abc", "abcd", smile, smile + smile, smile.repeat(3), smile.repeat(4), "a" + smile, "ab" + smile, "\uD800", "\uD800\uD800", "\uDC00ab", "é", "éé"];
  for (const s of samples) assert.is(quick(s), reference(s), JSON.stringify(s));
});

test.run();
