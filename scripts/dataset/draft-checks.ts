/**
 * Checks of a new event's values before it is written, by the latest event
 * schema's own limits and patterns (so they cannot drift from what validate
 * says later). `eventwire new` runs them in two tiers:
 *
 * - `blockingChecks`: a value no record may be made with (a title, summary or
 *   headline over the schema's maximum: the record and the comment that
 *   repeats it would be too long to show); always problems.
 * - `draftChecks`: what validate would say of the values given (a title too
 *   short, an end before the start, an address or a language tag not in their
 *   form). When a draft is refused for other problems, these are listed with
 *   them, so the contributor corrects everything in one round.
 *
 * Messages start with the flag (`--title ...`), which the issue form's reader
 * turns into the field's label.
 */
import { loadJsonSchema } from "../../schema/published.ts";
import { LATEST_VERSION } from "../../schema/versions.ts";
import { isCalendarDate } from "../core/dates.ts";

/** The values of `eventwire new event` these checks look at; undefined when not given. */
export interface DraftValues {
  title?: string;
  summary?: string;
  headline?: string;
  date?: string;
  end?: string;
  url?: string;
  language?: string;
}

interface StringSchema {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

type SchemaNode = StringSchema & { properties?: Record<string, SchemaNode>; items?: SchemaNode };

function eventSchema(): SchemaNode {
  return loadJsonSchema(LATEST_VERSION, "event") as SchemaNode;
}

function at(schema: SchemaNode, ...keys: string[]): StringSchema {
  let node: SchemaNode | undefined = schema;
  for (const key of keys) node = key === "[]" ? node?.items : node?.properties?.[key];
  return node ?? {};
}

/** JSON Schema counts a string's length in code points. */
const lengthOf = (text: string) => [...text].length;

const LENGTH_FIELDS = [
  { flag: "title", what: "a title", keys: ["title"] },
  { flag: "summary", what: "a summary", keys: ["summary"] },
  { flag: "headline", what: "a headline", keys: ["sources", "[]", "title"] },
] as const;

/** Values no record is made with: a text over the schema's maximum length. */
export function blockingChecks(values: DraftValues): string[] {
  const schema = eventSchema();
  const problems: string[] = [];
  for (const { flag, what, keys } of LENGTH_FIELDS) {
    const value = values[flag];
    const { maxLength } = at(schema, ...keys);
    if (value !== undefined && maxLength !== undefined && lengthOf(value) > maxLength)
      problems.push(`--${flag} is ${lengthOf(value)} characters long; ${what} has at most ${maxLength}: shorten it`);
  }
  return problems;
}

/** What validate would find in the values given (beside the blocking checks): said with the problems of a refused draft. */
export function draftChecks(values: DraftValues): string[] {
  const schema = eventSchema();
  const problems: string[] = [];
  for (const { flag, what, keys } of LENGTH_FIELDS) {
    const value = values[flag];
    const { minLength } = at(schema, ...keys);
    if (value !== undefined && minLength !== undefined && lengthOf(value) < minLength)
      problems.push(`--${flag} is ${lengthOf(value)} characters long; ${what} has at least ${minLength}`);
  }
  const { date, end } = values;
  if (date !== undefined && end !== undefined && isCalendarDate(date) && isCalendarDate(end) && end < date && !date.startsWith(end))
    problems.push(`--end \`${end}\` is before the date of the event \`${date}\`: the last day is on or after the first`);
  const url = at(schema, "sources", "[]", "url");
  if (values.url !== undefined && url.pattern !== undefined && !new RegExp(url.pattern, "u").test(values.url))
    problems.push(`--url is not a web address (http:// or https://, no spaces): copy it from the browser's address bar`);
  const language = at(schema, "sources", "[]", "language");
  if (values.language !== undefined && language.pattern !== undefined && !new RegExp(language.pattern, "u").test(values.language))
    problems.push(`--language \`${values.language}\` is not a BCP 47 language tag such as \`en\`, \`de\` or \`pt-BR\``);
  return problems;
}

/** The pattern of `sources[].published` (a full date, or a date-time with offset), from the latest event schema. */
export function publishedPattern(): RegExp {
  const { pattern } = at(eventSchema(), "sources", "[]", "published");
  return new RegExp(pattern ?? "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "u");
}
