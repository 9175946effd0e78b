/**
 * The mapping tables of `eventwire import`: one YAML file a format under
 * schema/mappings/, stating as data how the source's fields and codes become
 * eventwire's. The importers read their codes from them, the codebook
 * (schema/README.md) lists them, and tests check every code against the
 * vocabulary. The shape shared by every table is checked here; what a table's
 * entries hold is each format's (scripts/import/formats/).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { TOOLKIT_ROOT } from "../scripts/core/paths.ts";

export const MAPPINGS_FOLDER = "schema/mappings";

export const MappingFile = z
  .object({
    format: z.string().regex(/^[a-z0-9-]+$/).describe("The format's name on the command line (`eventwire import <format>`)."),
    title: z.string().min(1).describe("The source dataset's name."),
    dataset: z
      .object({
        id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe("`provenance.origin.dataset` of the records it makes."),
        version: z
          .string()
          .min(1)
          .optional()
          .describe("The version recorded when the command line gives none (`--dataset-version`); absent for a dataset without versions (ACLED), whose imports must say the export's date."),
        url: z.string().url().optional(),
        codebook: z.string().min(1).optional().describe("Where the source's own codebook is (the column layout the importer reads)."),
        licence: z.string().min(1).describe("The source's licence, and what it asks of a copy."),
      })
      .strict(),
    notes: z.array(z.string().min(1)).optional().describe("What a user of the import should know, in a sentence each."),
    fields: z
      .array(
        z
          .object({
            from: z.string().min(1).describe("The source's field (column name or JSON key)."),
            to: z.string().min(1).describe("The eventwire field it becomes, or `-` when it is not kept."),
            how: z.string().min(1).describe("How, in a sentence: which table, what default, what is refused."),
          })
          .strict(),
      )
      .min(1),
    tables: z.record(
      z.string().regex(/^[a-z0-9_-]+$/),
      z
        .object({
          description: z.string().min(1),
          /** Code -> what it becomes (a format reads the value's shape). */
          map: z.record(z.string(), z.unknown()),
          /** Code -> why it cannot be mapped; rows with it are refused or the field dropped, as the format says. */
          unmappable: z.record(z.string(), z.string().min(1)).optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type MappingFile = z.infer<typeof MappingFile>;

const loaded = new Map<string, MappingFile>();

/** The names of the mapping tables shipped with the toolkit (the files of schema/mappings/ without `.yaml`), sorted. */
export function mappingNames(): string[] {
  return readdirSync(path.join(TOOLKIT_ROOT, MAPPINGS_FOLDER))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

/** A mapping table, read and checked once a process; a table that does not pass is the toolkit's defect (it throws). */
export function loadMapping(name: string): MappingFile {
  let mapping = loaded.get(name);
  if (!mapping) {
    const file = path.join(TOOLKIT_ROOT, MAPPINGS_FOLDER, `${name}.yaml`);
    const result = MappingFile.safeParse(parse(readFileSync(file, "utf8"), { version: "1.2", uniqueKeys: true }));
    if (!result.success) throw new Error(`${MAPPINGS_FOLDER}/${name}.yaml: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    mapping = result.data;
    loaded.set(name, mapping);
  }
  return mapping;
}
