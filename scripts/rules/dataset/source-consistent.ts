import { SOURCE_FIELDS, type CompareRule, type EventSummary, type RuleIssue, type SourceField, type SourceSummary } from "../types.ts";
import { othersOf } from "./others.ts";
import { hash32 } from "../../core/hash.ts";
import { sourceDescribed } from "./summary.ts";

/**
 * One page (one `sources[].url`) cited by several events is one source: each
 * event describes it again (outlet, via, title, published, language), and a
 * data user who joins the release's sources by address must get one answer.
 * Events are compared under each of their sources' urls; two that cite a page
 * are told apart by the fields of their sources of that url. A field left out
 * in one and given in the other differs; a field there but ill typed (its
 * schema finding says so) is unknown and not compared; `via` is a set.
 */

/** A field's value as the comparison and the message read it (undefined: left out). */
type Value = string | readonly string[] | undefined;

const valueOf = (s: SourceSummary, field: SourceField): Value => s[field];

const sameValue = (a: Value, b: Value): boolean =>
  a === undefined || b === undefined ? a === b : typeof a === "string" || typeof b === "string" ? a === b : a.length === b.length && a.every((x, i) => x === b[i]);

/** The fields `a` and `b` describe their page otherwise by (both known in each), in SOURCE_FIELDS' order. */
export function differences(a: SourceSummary, b: SourceSummary): SourceField[] {
  return SOURCE_FIELDS.filter((f) => !a.unknown?.includes(f) && !b.unknown?.includes(f) && !sameValue(valueOf(a, f), valueOf(b, f)));
}

/**
 * The sources of a summary the engine read again in full (match and report see only those): a light one (`pages`,
 * as summaries leave the workers and the cache) is never read as citing nothing, which would leave findings out.
 */
function described(e: EventSummary): readonly SourceSummary[] {
  if (e.sources === undefined && e.pages !== undefined) throw new Error(`source-consistent: ${e.id} was not summarized in full (its sources' descriptions are not known)`);
  return e.sources ?? [];
}

/** Whether two events describe some page they both cite otherwise (what the engine pairs them by). */
function describeOtherwise(a: EventSummary, b: EventSummary): true | undefined {
  for (const x of described(a)) for (const y of described(b)) if (x.url === y.url && differences(x, y).length > 0) return true;
  return undefined;
}

/** The urls an event cites (its keys: an event is compared with those that cite one of them), in either form. */
function urls(e: EventSummary): readonly string[] | undefined {
  return e.pages ?? e.sources?.map((s) => s.url);
}

/**
 * The numbers the engine keeps of each event to screen candidates before it reads them again (most events that
 * cite one page describe it alike): for each source, its url's hash and its description's (as the light form holds it).
 */
function print(e: EventSummary): number[] {
  if (e.pages !== undefined) return e.pages.flatMap((url, i) => [hash32(url), e.described?.[i] ?? 0]);
  return (e.sources ?? []).flatMap((s) => [hash32(s.url), sourceDescribed(s)]);
}

/**
 * Whether two prints can be of events that describe a page otherwise: some url of one is one of the other's with
 * another description. A source with an unknown field has a description of its own: it passes, and is read again.
 */
function canDiffer(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i += 2) for (let j = 0; j < b.length; j += 2) if (a[i] === b[j] && a[i + 1] !== b[j + 1]) return true;
  return false;
}

/** A value as a finding shows it: a text in JSON's quotes (its escapes), `via` as a list, "left out". */
function shown(v: Value): string {
  if (v === undefined) return "left out";
  return typeof v === "string" ? JSON.stringify(v) : `[${v.map((x) => JSON.stringify(x)).join(", ")}]`;
}

/** The pointer to a field of the source at `index`; its url when the source leaves the field out. */
const pointerTo = (s: SourceSummary, field: SourceField) => `/sources/${s.index}/${valueOf(s, field) === undefined ? "url" : field}`;

/**
 * The findings of an event's source: one at most, whatever the number of other events that describe its page
 * otherwise (a page cited by 200 events, each with its own `published`, would make 200 findings in each file, 40,000
 * in all): the fields told are those of the first other event (in the listing's order), the others are named
 * (a few, then how many more, as othersOf lists them) and linked, each at the field its description differs by first.
 */
function findingOf(mine: SourceSummary, others: readonly { file: string; event: EventSummary }[]): RuleIssue | undefined {
  const differing: { file: string; theirs: SourceSummary; fields: SourceField[] }[] = [];
  for (const { file, event } of others) {
    // Against the other event's first source of the page that differs (an event citing a page twice is told by that one).
    for (const theirs of described(event)) {
      if (theirs.url !== mine.url) continue;
      const fields = differences(mine, theirs);
      if (fields.length === 0) continue;
      differing.push({ file, theirs, fields });
      break;
    }
  }
  const first = differing[0];
  if (!first) return undefined;
  const fields = first.fields.map((f) => `${f} ${shown(valueOf(first.theirs, f))} there, ${shown(valueOf(mine, f))} here`).join("; ");
  const { text, related } = othersOf(
    differing.map((d) => d.file),
    "",
  );
  const pointers = new Map(differing.map((d) => [d.file, pointerTo(d.theirs, d.fields[0]!)]));
  return {
    pointer: pointerTo(mine, first.fields[0]!),
    ...(differing.length === 1 ? { messageId: "differs", data: { url: mine.url, other: first.file, fields } } : { messageId: "differsMany", data: { url: mine.url, others: text, fields } }),
    related: related.map((r) => ({ file: r.file, pointer: pointers.get(r.file)! })),
  };
}

export const sourceConsistent: CompareRule = {
  meta: {
    id: "source-consistent",
    family: "dataset",
    severity: "warning",
    description:
      "Every event that cites the same page (the same `sources[].url`; second codings left out) describes it the same way: the same `outlet`, `via` (as a set), `title`, `published` and `language` (a field left out in one and given in the other differs). One page is one source: a data user joining the release's sources by address gets one answer.",
    help: "Read the page once more and give every event that cites it the same description (`eventwire format` does not change these fields); a field the page does not show is left out everywhere.",
    messages: {
      differs: "This event describes `{{url}}` otherwise than `{{other}}` does: {{fields}}.",
      differsMany: "This event describes `{{url}}` otherwise than {{others}} do; against the first: {{fields}}.",
    },
  },
  scope: "dataset",
  compare: {
    // Every status (a tombstone's sources are released too); a second coding (data/codings/<coder>/) is no event of the
    // dataset and is not released: never compared. A --changed stand-in knows no sources: it has no key. Under
    // --changed a changed event meets the events read for the targets (those of the days around their start dates)
    // only: a page cited by an event of another month is compared by a whole run.
    where: (e) => e.coding === undefined,
    key: urls,
    match: describeOtherwise,
    screen: { print, pass: canDiffer },
  },
  report: ({ event, others }) => {
    const issues: RuleIssue[] = [];
    for (const mine of described(event)) {
      const issue = findingOf(mine, others);
      if (issue) issues.push(issue);
    }
    return issues;
  },
};
