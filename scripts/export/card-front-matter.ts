/**
 * The YAML front matter of the dataset card, as dataset hubs read it (the
 * Hugging Face dataset card metadata): licence, name, size category, the
 * sources' languages, tags, and one config per table pointing at its Parquet
 * file (the events the default), so that a hub's viewer shows the tables.
 * Written with the yaml library: every value is quoted where YAML needs it.
 */
import { stringify } from "yaml";
import { parquetPath, type TableResource } from "./card-reads.ts";

/** The hub's size buckets (by number of rows: here, events), smallest first. */
const SIZE_CATEGORIES: [limit: number, name: string][] = [
  [1e3, "n<1K"],
  [1e4, "1K<n<10K"],
  [1e5, "10K<n<100K"],
  [1e6, "100K<n<1M"],
  [1e7, "1M<n<10M"],
  [1e8, "10M<n<100M"],
  [1e9, "100M<n<1B"],
  [1e10, "1B<n<10B"],
  [1e11, "10B<n<100B"],
  [1e12, "100B<n<1T"],
];

export function sizeCategory(rows: number): string {
  for (const [limit, name] of SIZE_CATEGORIES) if (rows < limit) return name;
  return "n>1T";
}

/**
 * The sources' languages as the hub lists them: the primary subtag of each
 * BCP 47 tag (`en` of `en-GB`), most used first; a tag whose first subtag is
 * not two or three letters is left out.
 */
export function hubLanguages(byLanguage: ReadonlyMap<string, number>): string[] {
  const counts = new Map<string, number>();
  for (const [tag, n] of byLanguage) {
    const primary = tag.split("-")[0]!.toLowerCase();
    if (/^[a-z]{2,3}$/.test(primary)) counts.set(primary, (counts.get(primary) ?? 0) + n);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([l]) => l);
}

export interface FrontMatterInput {
  version: string;
  events: number;
  byLanguage: ReadonlyMap<string, number>;
  resources: readonly TableResource[];
}

/** The front matter, `---` lines included, followed by an empty line. */
export function frontMatter(input: FrontMatterInput): string {
  const languages = hubLanguages(input.byLanguage);
  const ordered = [...input.resources].sort((a, b) => Number(b.name === "events") - Number(a.name === "events"));
  const metadata = {
    license: "cc-by-4.0",
    pretty_name: `eventwire ${input.version}`,
    size_categories: [sizeCategory(input.events)],
    ...(languages.length > 0 ? { language: languages } : {}),
    tags: ["events", "news", "event-data", "PLOVER", "political-science"],
    configs: ordered.map((r) => ({ config_name: r.name, data_files: parquetPath(r.name), ...(r.name === "events" ? { default: true } : {}) })),
  };
  return `---\n${stringify(metadata, { lineWidth: 0 })}---\n\n`;
}
