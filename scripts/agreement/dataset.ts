/**
 * `agreement --dataset`: the events of data/events/ compared with each
 * coder's second coding (data/codings/<coder>/), coder by coder. A coder codes
 * articles blind (the pages that records cite, and the codebook); the events
 * of data/events/ compared with them are the active ones that cite those
 * articles, each under every one of them it cites (units are made article by
 * article: a coder who coded two pages of one event coded it twice), while a
 * coder's record is grouped under its own article (articleOf: its first
 * source with an address).
 */
import type { Event } from "../../schema/index.ts";
import { load, readFile } from "../check/load.ts";
import { coderOf, datasetCodings, datasetEvents, type DatasetFile, type Files } from "../dataset/listing.ts";
import { agreementReport, type AgreementReport } from "./fields.ts";
import { articleOf, matchUnits, sourceArticle, type CodedEvent, type Coding } from "./units.ts";

/** The label of the dataset's own coding in the reports. */
export const DATASET_CODING = "data/events";

export interface LoadedEvents {
  events: CodedEvent[];
  /** Files that are no valid event record, each a line (`<path>: why`). */
  problems: string[];
}

/** The valid event records among some files, read and checked as validate does (a file that is not one is reported, never guessed at). */
export function loadEvents(files: readonly DatasetFile[]): LoadedEvents {
  const events: CodedEvent[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const loaded = load(f);
    if (!loaded.read.ok) problems.push(`${f.path}: cannot be read (${loaded.read.problem})`);
    else if (!loaded.valid) problems.push(`${f.path}: not a valid event record (run \`eventwire validate\` on it)`);
    else events.push({ file: f.path, event: loaded.record as unknown as Event });
  }
  return { events, problems };
}

/** The dataset compared with one coder. */
export interface CoderAgreement {
  coder: string;
  /** The coder's active records (every one, those of articles no event cites included). */
  records: number;
  report: AgreementReport;
}

export interface DatasetAgreement {
  comparisons: CoderAgreement[];
  problems: string[];
}

/** Files a comparison reads: records, neither links nor what could not be listed. */
const readable = (f: DatasetFile) => f.format !== null && !f.symlink && !f.unread;
const active = (e: CodedEvent) => e.event.status === "active";

/**
 * The dataset's events against each coder's second coding, coders in name
 * order. Without codings, no event is read and there is nothing to compare.
 */
export function datasetAgreement(files: Files): DatasetAgreement {
  const byCoder = new Map<string, DatasetFile[]>();
  for (const f of datasetCodings(files).filter(readable)) {
    const coder = coderOf(f.path)!;
    byCoder.set(coder, [...(byCoder.get(coder) ?? []), f]);
  }
  if (byCoder.size === 0) return { comparisons: [], problems: [] };
  const problems: string[] = [];
  const codings = [...byCoder.keys()].sort().map((coder) => {
    const loaded = loadEvents(byCoder.get(coder)!);
    problems.push(...loaded.problems);
    const coded = loaded.events.filter(active);
    return { coder, coded, articles: new Set(coded.map((c) => articleOf(c.event))) };
  });
  // Only the events whose text names a coded article's address are parsed (a few among many); any article known
  // by outlet, date and headline (no address) has every event read.
  const needles = articleNeedles(codings.map((c) => c.articles));
  const dataset = loadEvents(datasetEvents(files).filter((f) => readable(f) && (needles === undefined || mentions(f, needles))));
  problems.push(...dataset.problems);
  const events = dataset.events.filter(active);
  const comparisons = codings.map(({ coder, coded, articles }): CoderAgreement => {
    // Each event under every article it cites that the coder coded (each article is coded, and compared, on its own);
    // an event that cites none of them is not compared with this coder.
    const mine = events.flatMap((e) => [...new Set(e.event.sources.map((s) => sourceArticle(e.event, s)))].filter((a) => articles.has(a)).map((article) => ({ ...e, article })));
    const codings: Coding[] = [
      { label: DATASET_CODING, events: mine },
      { label: coder, events: coded },
    ];
    return { coder, records: coded.length, report: agreementReport(codings, matchUnits(codings)) };
  });
  return { comparisons, problems };
}

/**
 * What the text of an event citing one of the articles holds: each address as written, and with its slashes
 * escaped (`\/`, as a JSON writer may); undefined when an article has no address (no text to look for).
 */
function articleNeedles(articleSets: readonly ReadonlySet<string>[]): string[] | undefined {
  const needles = new Set<string>();
  for (const articles of articleSets)
    for (const a of articles) {
      if (!/^https?:\/\//.test(a)) return undefined;
      needles.add(a);
      needles.add(a.replaceAll("/", "\\/"));
    }
  return [...needles];
}

/** Whether a file's text holds one of the needles (one that cannot be read is kept: loading it says why). */
function mentions(file: DatasetFile, needles: readonly string[]): boolean {
  const read = readFile(file);
  return !read.ok || needles.some((n) => read.text.includes(n));
}
