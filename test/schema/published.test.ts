/** The published JSON Schema files: valid 2020-12, strict-mode clean, in step with zod, and met by the dataset. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { RECORD_KINDS, SCHEMAS, SCHEMA_VERSIONS, jsonSchemaPath } from "../../schema/index.ts";
import { generateSchemaFiles } from "../../schema/publish.ts";
import { staleSchemaFiles } from "../../scripts/commands/schema.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { absolutePath, discover } from "../../scripts/dataset/discover.ts";
import { parseRecord } from "../../scripts/dataset/parse.ts";
import { loadJsonSchema } from "../../schema/published.ts";
import { newAjv, precompiled, standaloneSource } from "../../scripts/rules/schema/validators.ts";
import { sha256 } from "../../schema/lock.ts";

test("the version list the validator reads (schema/versions.ts) names exactly the zod schemas", () => {
  assert.equal([...SCHEMA_VERSIONS], Object.keys(SCHEMAS));
});

test("every published file matches what the zod sources generate (drift check)", () => {
  assert.equal(staleSchemaFiles(), []);
});

test("the drift check notices a committed schema that differs from zod", () => {
  const root = mkdtempSync(path.join(tmpdir(), "eventwire-drift-"));
  try {
    for (const [file, text] of generateSchemaFiles()) {
      cpSync(path.join(TOOLKIT_ROOT, file), path.join(root, file), { recursive: true });
      assert.is(readFileSync(path.join(root, file), "utf8"), text);
    }
    const event = jsonSchemaPath("1.0.0", "event");
    const edited = JSON.parse(readFileSync(path.join(root, event), "utf8"));
    edited.properties.title.maxLength = 200;
    writeFileSync(path.join(root, event), JSON.stringify(edited, null, 2) + "\n");
    assert.equal(staleSchemaFiles(root), [event]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

for (const version of SCHEMA_VERSIONS)
  for (const kind of RECORD_KINDS) {
    test(`${kind} ${version}: a valid draft 2020-12 schema that compiles in ajv strict mode`, () => {
      const schema = loadJsonSchema(version, kind);
      assert.is(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
      assert.ok(String(schema.$id).includes(version), "$id carries the version");
      const ajv = newAjv(true);
      assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
      ajv.compile(schema);
    });
  }

test("every record in data/ passes the published schema of its kind and of the version it names", async () => {
  const files = await discover(TOOLKIT_ROOT);
  const ajv = newAjv(true);
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  let checked = 0;
  for (const file of files) {
    // data/texts/ holds source texts and their manifest (text-manifest checks them), not records.
    if (file.path.startsWith("data/texts/")) continue;
    assert.ok(file.kind && file.format, `${file.path} is a record`);
    const parsed = parseRecord(readFileSync(absolutePath(file), "utf8"), file.format!);
    assert.ok(parsed.ok, file.path);
    const value = (parsed.ok ? parsed.doc.value : {}) as { schema_version: string };
    const key = `${value.schema_version}:${file.kind}`;
    if (!compiled.has(key)) compiled.set(key, ajv.compile(loadJsonSchema(value.schema_version, file.kind!)));
    const validate = compiled.get(key)!;
    assert.ok(validate(value), `${file.path}: ${JSON.stringify(validate.errors)}`);
    checked++;
  }
  assert.ok(checked >= 26, `checked ${checked} records`);
});

test("standalone validators (npm run build) judge every record as the compiled schema does, and only for their schema", async () => {
  const dir = path.join(TOOLKIT_ROOT, "node_modules", ".cache", "eventwire-test-standalone");
  mkdirSync(dir, { recursive: true });
  try {
    const files = [...(await discover(TOOLKIT_ROOT)), ...(await discover(path.join(TOOLKIT_ROOT, "test", "fixtures", "datasets", "broken")))];
    for (const version of SCHEMA_VERSIONS)
    for (const kind of RECORD_KINDS) {
      const file = path.join(dir, `${version}-${kind}.cjs`);
      writeFileSync(file, standaloneSource(version, kind));
      const hash = sha256(readFileSync(path.join(TOOLKIT_ROOT, jsonSchemaPath(version, kind)), "utf8"));
      const standalone = precompiled(hash, file)!;
      assert.ok(standalone, kind);
      assert.is(precompiled(sha256("another schema"), file), undefined, "a validator of another schema is not used");
      const compiled = newAjv(false).compile(loadJsonSchema(version, kind));
      let invalid = 0;
      for (const f of files.filter((x) => x.kind === kind && x.format)) {
        const parsed = parseRecord(readFileSync(absolutePath(f), "utf8").replace(/^\ufeff/, ""), f.format!);
        if (!parsed.ok) continue;
        assert.is(standalone(parsed.doc.value), compiled(parsed.doc.value), absolutePath(f));
        if (!compiled(parsed.doc.value)) invalid++;
      }
      if (kind !== "actor") assert.ok(invalid > 0, `${kind}: an invalid record was compared too`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
