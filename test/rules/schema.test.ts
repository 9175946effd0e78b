/**
 * schema: valid and invalid cases, one rule on a record in memory
 * (test/helpers/rule-tester.ts), and every constraint of the published
 * schemas is one the rule has wording for.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadJsonSchema } from "../../schema/published.ts";
import { RECORD_KINDS, SCHEMA_VERSIONS } from "../../schema/versions.ts";
import { WORDED_CONSTRAINTS } from "../../scripts/rules/schema/messages.ts";
import { schema } from "../../scripts/rules/schema/schema.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import * as YAML from "yaml";

/** Keywords that hold sub-schemas or say what a schema is, and fail on nothing of their own. */
const STRUCTURE = new Set(["$id", "$schema", "title", "description", "properties", "items", "allOf", "then"]);

test("every constraint of every published schema has wording (an unworded one throws: messages.ts)", () => {
  const unworded: string[] = [];
  const walk = (node: unknown, at: string, described: boolean): void => {
    if (node === false) {
      if (!described) unworded.push(`${at}: false, outside a \`then\` with a description`);
      return;
    }
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    const schemaNode = node as Record<string, unknown>;
    for (const [keyword, value] of Object.entries(schemaNode)) {
      if (!STRUCTURE.has(keyword) && !(WORDED_CONSTRAINTS.keywords as readonly string[]).includes(keyword)) unworded.push(`${at}/${keyword}`);
      if (keyword === "minItems" && value !== WORDED_CONSTRAINTS.minItems) unworded.push(`${at}/minItems: ${String(value)}`);
      const inThen = keyword === "then" && typeof (value as { description?: unknown }).description === "string";
      if (keyword === "properties") for (const [name, sub] of Object.entries(value as object)) walk(sub, `${at}/properties/${name}`, described);
      else if (keyword === "allOf") (value as unknown[]).forEach((sub, i) => walk(sub, `${at}/allOf/${i}`, described));
      // (`additionalProperties: false` fails as additionalProperties, worded.)
      else if (keyword === "items" || keyword === "if" || keyword === "then" || (keyword === "additionalProperties" && value !== false)) walk(value, `${at}/${keyword}`, described || inThen);
    }
  };
  for (const version of SCHEMA_VERSIONS) for (const kind of RECORD_KINDS) walk(loadJsonSchema(version, kind), `${version}/${kind}#`, false);
  assert.equal(unworded, []);
});

test.run();

ruleTester(schema, {
  valid: [
    { name: "the example event", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a nested field missing",
      code: editEvent("  start: \"2023-02-28\"\n", ""),
      errors: [
        { messageId: "missing", data: {where: "date",missing: "start"}, message: "`date` is missing `start`.", helpId: "addRequired", help: "Add `start`; it is required.", line: 6, column: 1 },
      ],
    },
    {
      name: "a misspelt field of the record (a did-you-mean)",
      code: editEvent("title: Blinken", "titlee: Blinken"),
      errors: [
        { messageId: "missingInRecord", data: {where: "(the record)",missing: "title"}, message: "The record is missing `title`.", helpId: "addRequired", line: 1, column: 1 },
        { messageId: "notFieldOfRecordDidYouMean", data: {extra: "titlee",where: "(the record)",known: "schema_version, id, status, duplicate_of, retraction_reason, title, summary, date, event_type, mode, actors, locations, sources, tags, provenance, evidence",suggestion: "title"}, message: "`titlee` is not a field of the record. Did you mean `title`?", helpId: "allowedHere", help: "Allowed here: schema_version, id, status, duplicate_of, retraction_reason, title, summary, date, event_type, mode, actors, locations, sources, tags, provenance, evidence.", line: 4, column: 1 },
      ],
    },
    {
      name: "an unknown nested field",
      code: editEvent("  precision: day", "  precision: day\n  foo: 1"),
      errors: [
        { messageId: "notField", data: {extra: "foo",where: "date",known: "start, end, precision"}, message: "`foo` is not a field of `date`.", helpId: "allowedHere", line: 9, column: 3 },
      ],
    },
    {
      name: "a misspelt nested field (a did-you-mean)",
      code: editEvent("  precision: day", "  precision: day\n  precison: day"),
      errors: [
        { messageId: "notFieldDidYouMean", data: {extra: "precison",where: "date",known: "start, end, precision",suggestion: "precision"}, message: "`precison` is not a field of `date`. Did you mean `precision`?", helpId: "allowedHere", line: 9, column: 3 },
      ],
    },
    {
      name: "a field a conditional forbids",
      code: editEvent("status: active", "status: active\nduplicate_of: ev-aaaaaaaa"),
      errors: [
        { messageId: "notAllowedByRule", data: {where: "duplicate_of",key: "duplicate_of",rule: "an active event has neither `duplicate_of` nor `retraction_reason`"}, message: "`duplicate_of` is not allowed here: an active event has neither `duplicate_of` nor `retraction_reason`.", helpId: "removeOrChange", help: "Remove `duplicate_of`, or change what the rule depends on.", line: 4, column: 1 },
      ],
    },
    {
      name: "a field a conditional requires",
      code: editEvent("status: active", "status: duplicate"),
      errors: [
        { messageId: "missingInRecord", data: {where: "(the record)",missing: "duplicate_of",rule: "an event with status `duplicate` names the event it duplicates in `duplicate_of`"}, helpId: "addForRule", help: "Add `duplicate_of`: an event with status `duplicate` names the event it duplicates in `duplicate_of`.", line: 1, column: 1 },
      ],
    },
    {
      name: "an id not in the id form",
      code: editEvent("id: ev-p6w7bxbz", "id: EV-1"),
      errors: [
        { messageId: "form", data: {where: "id",got: "`EV-1`",how: "Event id minted by `eventwire new`: `ev-` and 8 characters of lower-case Crockford base32. Never changes."}, message: "`id` is `EV-1`, which is not in the expected form.", helpId: "how", help: "Event id minted by `eventwire new`: `ev-` and 8 characters of lower-case Crockford base32. Never changes.", line: 2, column: 5 },
      ],
    },
    {
      name: "a title too long",
      code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: " + "x".repeat(400)),
      errors: [
        { messageId: "maxLength", data: {where: "title",limit: 120,length: 400}, message: "`title` must be at most 120 characters long; it has 400.", line: 4, column: 8 },
      ],
    },
    {
      name: "a repeated tag",
      code: editEvent("provenance:", "tags: [a, a]\nprovenance:"),
      errors: [
        { messageId: "uniqueItems", data: {where: "tags",first: 2,second: 1}, message: "`tags` lists the same value twice (items 2 and 1).", helpId: "removeRepeated", help: "Remove the repeated item.", line: 27, column: 8 },
      ],
    },
    {
      name: "a latitude past the pole",
      code: editEvent("    precision: country", "    precision: country\n    lat: 100\n    lon: 1"),
      errors: [
        { messageId: "limit", data: {where: "locations[0].lat",got: "`100`",comparison: "<=",limit: "90"}, message: "`locations[0].lat` is `100`; it must be <= 90.", line: 20, column: 10 },
      ],
    },
    {
      name: "a latitude without longitude",
      code: editEvent("    precision: country", "    precision: country\n    lat: 10"),
      errors: [
        { messageId: "dependentRequired", data: {where: "locations[0]",property: "lat",missing: "lon",description: "`lat` and `lon` come together: give both or neither"}, message: "`locations[0]` has `lat` but not `lon`.", helpId: "describe", help: "`lat` and `lon` come together: give both or neither.", line: 20, column: 5 },
      ],
    },
    {
      name: "a date YAML reads as a number",
      code: editEvent("  start: \"2023-02-28\"\n", "  start: \"2023-02-28\"\n  end: 5\n"),
      errors: [
        { messageId: "mustBe", data: {where: "date.end",expected: "a string",got: "an integer",text: "5"}, message: "`date.end` must be a string; got an integer.", helpId: "quote", help: "YAML read this as an integer; put it in quotes: \"5\".", line: 8, column: 8 },
      ],
    },
    {
      name: "a bare year YAML reads as a number: quoted as written (the fix)",
      code: editEvent('  start: "2023-02-28"\n  precision: day', "  start: 2023\n  precision: year"),
      errors: [
        { messageId: "mustBe", data: {where: "date.start",expected: "a string",got: "an integer",text: "2023"}, message: "`date.start` must be a string; got an integer.", helpId: "quote", help: "YAML read this as an integer; put it in quotes: \"2023\".", line: 7, column: 10 },
      ],
      output: editEvent('  start: "2023-02-28"\n  precision: day', '  start: "2023"\n  precision: year'),
    },
    {
      name: "a title YAML reads as a number: the fix is the text as written (2023.10, not the number's 2023.1)",
      code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: 2023.10  # as the wire had it"),
      errors: [
        { messageId: "mustBe", data: {where: "title",expected: "a string",got: "a number",text: "2023.10"}, message: "`title` must be a string; got a number.", helpId: "quote", help: "YAML read this as a number; put it in quotes: \"2023.10\".", line: 4, column: 8 },
      ],
      output: editEvent("title: Blinken meets the five Central Asian foreign ministers", 'title: "2023.10"  # as the wire had it'),
    },
    {
      name: "a boolean where a string is wanted, whose text is still no valid value: no fix",
      code: editEvent("status: active", "status: true"),
      errors: [
        { messageId: "mustBe", data: {where: "status",expected: "a string",got: "a boolean",text: "true"}, message: "`status` must be a string; got a boolean.", helpId: "quote", help: "YAML read this as a boolean; put it in quotes: \"true\".", line: 3, column: 9 },
        { messageId: "oneOf", data: {where: "status",allowed: "active, retracted, duplicate",got: "`true`"}, line: 3, column: 9 },
      ],
    },
    {
      name: "an empty value where the schema lists the allowed ones: one finding for one null, the list",
      code: editEvent("    precision: country\n", "    precision:\n"),
      errors: [{ messageId: "oneOf", data: { where: "locations[0].precision", allowed: "exact, city, admin2, admin1, country", got: "`null`" }, line: 19, column: 15 }],
    },
    {
      name: "a number in JSON where a string is wanted: said for JSON, no fix",
      file: "data/events/2023/02/ev-p6w7bxbz.json",
      code: JSON.stringify({ ...(YAML.parse(EVENT_YAML) as object), title: 12345 }, null, 2) + "\n",
      errors: [
        { messageId: "mustBe", data: {where: "title",expected: "a string",got: "an integer",text: "12345"}, message: "`title` must be a string; got an integer.", helpId: "quoteJson", help: "Write it as a JSON string, in double quotes: \"12345\".", line: 5, column: 12 },
      ],
    },
    {
      name: "an unknown precision (a did-you-mean)",
      code: editEvent("precision: day", "precision: days"),
      errors: [
        { messageId: "oneOfDidYouMean", data: {where: "date.precision",allowed: "day, week, month, year",got: "`days`",suggestion: "day"}, message: "`date.precision` must be one of day, week, month, year; got `days`. Did you mean `day`?", line: 8, column: 14 },
      ],
    },
    {
      name: "an unknown field of the record",
      code: editEvent("status: active", "status: active\n__proto__:\n  polluted: true"),
      errors: [
        { messageId: "notFieldOfRecord", data: {extra: "__proto__",where: "(the record)",known: "schema_version, id, status, duplicate_of, retraction_reason, title, summary, date, event_type, mode, actors, locations, sources, tags, provenance, evidence"}, message: "`__proto__` is not a field of the record.", helpId: "allowedHere", line: 4, column: 1 },
      ],
    },
    {
      name: "a missing field, and a field of the wrong type",
      code: editEvent("event_type: CONSULT", "event_type: 5", editEvent("status: active\n", "")),
      errors: [
        { messageId: "missingInRecord", data: {where: "(the record)",missing: "status"}, helpId: "addRequired", line: 1, column: 1 },
        { messageId: "mustBe", data: {where: "event_type",expected: "a string",got: "an integer",text: "5"}, helpId: "quote", line: 8, column: 13 },
        { messageId: "oneOf", data: {where: "event_type",allowed: "AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT",got: "`5`"}, message: "`event_type` must be one of AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT; got `5`.", line: 8, column: 13 },
      ],
    },
    {
      name: "a too short title, and an empty list of actors",
      code: editEvent("actors:\n  - actor: antony-blinken\n    role: initiator\n  - actor: kazakhstan\n    role: recipient\n", "actors: []\n", editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: B")),
      errors: [
        { messageId: "minLength", data: {where: "title",limit: 5,length: 1}, message: "`title` must be at least 5 characters long; it has 1.", line: 4, column: 8 },
        { messageId: "minItemsOne", data: {where: "actors",limit: 1,count: 0}, message: "`actors` must have at least 1 item; it has 0.", line: 11, column: 1 },
      ],
    },
    {
      name: "a tag not in kebab case (a pattern with no description: the help shows it)",
      code: editEvent("provenance:", "tags: [peace-talks, Central_Asia]\nprovenance:"),
      errors: [
        { messageId: "form", data: {where: "tags[1]",got: "`Central_Asia`",pattern: "`^[a-z0-9]+(?:-[a-z0-9]+)*$`"}, message: "`tags[1]` is `Central_Asia`, which is not in the expected form.", helpId: "match", help: "It must match `^[a-z0-9]+(?:-[a-z0-9]+)*$`.", line: 27, column: 21 },
      ],
    },
  ],
});
