/** Everything `npm run schema:build` writes, as repository path -> file text. */
import { generateCodebook } from "./codebook.ts";
import { CONFIG_SCHEMA_PATH, configJsonSchemaText } from "./config.ts";
import { generateJsonSchemaFiles } from "./json-schema.ts";
import { generateIssueForm, ISSUE_FORM_PATH } from "./issue-form.ts";

export function generateSchemaFiles(): Map<string, string> {
  const files = generateJsonSchemaFiles();
  files.set("schema/README.md", generateCodebook());
  files.set(CONFIG_SCHEMA_PATH, configJsonSchemaText());
  // The issue form for contributors without git: its help text is the codebook's, its dropdowns the schema's enums.
  files.set(ISSUE_FORM_PATH, generateIssueForm());
  return files;
}
