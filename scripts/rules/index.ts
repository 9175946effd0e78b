/** The rule registry: every rule the validator runs, in the order it runs them. */
import { fileBom } from "./file/file-bom.ts";
import { fileEncoding } from "./file/file-encoding.ts";
import { fileSize } from "./file/file-size.ts";
import { fileUnexpected } from "./file/file-unexpected.ts";
import { duplicateKey } from "./parse/duplicate-key.ts";
import { recordShape } from "./parse/record-shape.ts";
import { syntax } from "./parse/syntax.ts";
import { yamlAlias } from "./parse/yaml-alias.ts";
import { yamlTag } from "./parse/yaml-tag.ts";
import { schema } from "./schema/schema.ts";
import { schemaVersion } from "./schema/schema-version.ts";
import type { FileRule, RecordRule, Rule } from "./types.ts";

export const FILE_RULES: readonly FileRule[] = [
  fileSize,
  fileEncoding,
  fileBom,
  fileUnexpected,
  syntax,
  duplicateKey,
  yamlTag,
  yamlAlias,
  recordShape,
];

export const RECORD_RULES: readonly RecordRule[] = [schemaVersion, schema];

export const RULES: readonly Rule[] = [...FILE_RULES, ...RECORD_RULES];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
