/**
 * eventwire.config.yaml, the configuration of a dataset's checks: the source of
 * its published JSON Schema (CONFIG_SCHEMA_PATH, for editors: yaml-language-server
 * reads `# yaml-language-server: $schema=...`). The toolkit reads the file with
 * scripts/rules/config/read.ts, which follows this shape and says what is wrong
 * with each part (test/schema/config.test.ts holds the two to the same verdicts).
 */
import { z } from "zod";

export const CONFIG_SCHEMA_PATH = "schema/eventwire.config.schema.json";

const severity = z.enum(["off", "info", "warn", "warning", "error"]).describe("off turns the rule off; warning is the same as warn.");

const rules = z
  .record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), severity)
  .describe("Rule ids (docs/rules.md) and their severity. The configuration's own rules (config-*) take theirs from --rule only.");

const globs = (what: string) =>
  z
    .array(z.string().min(1))
    .describe(`${what}: paths or globs from the dataset's root (bash's braces, picomatch's globs, dot files included); a folder's path covers every file under it.`);

export const Config = z
  .object({
    rules: rules.optional(),
    overrides: z
      .array(
        z
          .object({
            files: globs("The files this override applies to"),
            rules: rules.optional(),
          })
          .strict(),
      )
      .describe("Severities for some files: for a file, the last override whose `files` match it wins (as ESLint), over `rules`.")
      .optional(),
    ignores: globs("Files that are not listed, not checked and not compared (nor released)").optional(),
    validate: z
      .object({
        format: z.enum(["pretty", "json", "github", "sarif"]).optional(),
        "max-warnings": z.number().int().min(0).optional(),
        "max-diagnostics": z.number().int().min(0).optional(),
        verbose: z.boolean().optional(),
        quiet: z.boolean().optional(),
      })
      .strict()
      .refine((v) => !(v.verbose === true && v.quiet === true), { message: "verbose and quiet cannot both be true" })
      .describe("The defaults of validate's options, named after its flags; a flag on the command line wins.")
      .optional(),
  })
  .strict()
  .nullable()
  .meta({
    $id: "urn:eventwire:config",
    title: "eventwire.config.yaml",
    description: "The configuration of eventwire's checks of a dataset: rule severities, per-path overrides, ignored files and validate's defaults.",
  });

/** The published JSON Schema's text. */
export function configJsonSchemaText(): string {
  const generated = z.toJSONSchema(Config, { target: "draft-2020-12", unrepresentable: "throw", io: "input" }) as Record<string, unknown>;
  const { $schema, $id, title, description, ...rest } = generated;
  return JSON.stringify({ $schema, $id, title, description, ...rest }, null, 2) + "\n";
}
