/**
 * What a release says of the dataset's reliability: the agreement of its
 * events with each second coding (data/codings/<coder>/), as `eventwire
 * agreement --dataset` measures it. The figures come in as plain data: the
 * release command computes them (the agreement layer sits beside this one,
 * and neither imports the other).
 */
import { codeSpan, markdownText } from "../core/markdown.ts";
import { plural } from "../core/plural.ts";

/** One field's agreement between the dataset and one coder. */
export interface FieldReliability {
  field: string;
  /** `nominal` or `MASI`. */
  metric: string;
  /** Krippendorff's alpha; undefined when it is not defined (`undefinedBecause` says why). */
  alpha: number | undefined;
  undefinedBecause?: string;
  /** Share of units where both gave the same value; undefined without units. */
  percent: number | undefined;
  units: number;
  /** The same over the events both sides coded (the units with an event of each): what UCDP and ACLED publish. */
  matched: { alpha: number | undefined; percent: number | undefined; units: number };
}

/** The dataset compared with one coder. */
export interface CoderReliability {
  coder: string;
  /** The coder's records (active ones). */
  records: number;
  articles: number;
  units: number;
  /** Units where one side has an event and the other none. */
  unmatched: number;
  fields: FieldReliability[];
}

/** The comparisons, one a coder, in coder order; none when the dataset holds no second coding. */
export interface ReliabilityData {
  coders: CoderReliability[];
}

const alphaText = (f: FieldReliability) => (f.alpha === undefined ? `undefined${f.undefinedBecause ? `: ${markdownText(f.undefinedBecause)}` : ""}` : f.alpha.toFixed(3));
const percentText = (f: { percent: number | undefined }) => (f.percent === undefined ? "-" : `${(f.percent * 100).toFixed(1)} %`);
const matchedAlphaText = (f: FieldReliability) => (f.matched.alpha === undefined ? "undefined" : f.matched.alpha.toFixed(3));

/** The dataset card's Reliability section: a table a coder, or a line saying it was not measured. */
export function reliabilitySection(data: ReliabilityData | undefined): string[] {
  const lines = ["## Reliability", ""];
  if (!data || data.coders.length === 0)
    return [...lines, "Not measured: the dataset holds no second coding (`data/codings/<coder>/`), so no agreement between coders is reported.", ""];
  lines.push(
    "Some articles were coded a second time, blind: a coder saw only the cited pages and the codebook, never the first coding.",
    "Those records (`data/codings/<coder>/` in the repository) are not part of this release; each coder's are compared with the",
    "events that cite the same articles, as `eventwire agreement --dataset` computes it: events are grouped by article and",
    "matched by the best assignment (a shared actor, and the same type or date), and each field gets Krippendorff's alpha (nominal for the event",
    "type, the mode, the countries and the date, at the coarser precision of the two; MASI distance for the set of actors), the",
    "percent agreement and the number of units, twice: over all units (an event one side has and the other has not counts",
    "as a disagreement: it measures whether coders find the same events), and over the events both sides coded (whether",
    "they code an event alike once both found it, the figure UCDP and ACLED publish). Events are matched on their type, date",
    "and actors, so the figures over the events both coded lean high and those over all units low. Disagreements are settled",
    "by a third reading of the pages, which corrects the events where the second coder was right (a coding is never edited):",
    "the figures below compare the events as released, so after a third reading they are higher than the coders' agreement",
    "before it, which CONTRIBUTING.md (section 12) and docs/reliability.md in the repository give.",
    "",
  );
  for (const c of data.coders) {
    lines.push(
      `### Coder ${codeSpan(c.coder)}`,
      "",
      `${plural(c.records, "record")} coding ${plural(c.articles, "article")}; ${plural(c.units, "unit")}, ${c.unmatched} of them coded by one side only.`,
      "",
      "| field | metric | alpha, events both coded | agreement | units | alpha, all units | agreement | units |",
      "|---|---|---:|---:|---:|---:|---:|---:|",
      ...c.fields.map(
        (f) =>
          `| ${codeSpan(f.field, true)} | ${markdownText(f.metric)} | ${matchedAlphaText(f)} | ${percentText(f.matched)} | ${f.matched.units} | ${alphaText(f)} | ${percentText(f)} | ${f.units} |`,
      ),
      "",
    );
  }
  return lines;
}
