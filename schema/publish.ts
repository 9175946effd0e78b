/** Everything `npm run schema:build` writes, as repository path -> file text. */
import { generateCodebook } from "./codebook.ts";
import { CONFIG_SCHEMA_PATH, configJsonSchemaText } from "./config.ts";
import { generateJsonSchemaFiles } from "./json-schema.ts";

export function generateSchemaFiles(): Map<string, string> {
  const files = generateJsonSchemaFiles();
  files.set("schema/README.md", generateCodebook());
  files.set(CONFIG_SCHEMA_PATH, configJsonSchemaText());
  return files;
}
