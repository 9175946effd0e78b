/** evidence-reference: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { evidenceReference } from "../../scripts/rules/evidence/evidence-reference.ts";
import { EVENT_WITHOUT_LOCATIONS, EVENT_YAML, editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(evidenceReference, {
  valid: [
    {
      name: "a source that is no number, a claim of another shape, a position of strings (the schema's findings): passed over",
      failsSchema: true,
      code: editEvent("  - source: 0\n    claim: event_type", '  - source: "3"\n    claim: "actor:Not An Id"', editEvent("position: { start: 558, end: 653 }", 'position: { start: "9", end: 1 }')),
    },
    { name: "actors that are no list (the schema's finding): an actor claim is not judged", failsSchema: true, code: editEvent("claim: event_type", "claim: actor:kazakhstan", editEvent("actors:\n", "actors: x\nx-actors:\n")) },
    { name: "sources and locations that are no lists: not counted", failsSchema: true, code: editEvent("  - source: 0\n    claim: event_type", "  - source: 3\n    claim: location:4", editEvent("sources:\n", "sources: x\nx-sources:\n", editEvent("locations:\n", "locations: x\nx-locations:\n"))) },
    { name: "a quote of the event's source for its event type", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a location claim on an event without locations (schema 1.3.0 allows them): it points at nothing",
      code: editEvent("claim: event_type", "claim: location:0", EVENT_WITHOUT_LOCATIONS),
      errors: [{ messageId: "locationNone", data: { location: "0" }, message: "The claim names `location:0`, but the event has no `locations`.", line: 29, column: 12 }],
    },
    {
      name: "a source past the event's, in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent("  - source: 0", "  - source: 3")),
      errors: [{ messageId: "sourceOne", data: { source: 3, count: 1 }, line: 32, column: 13 }],
    },
    {
      name: "a claim naming an actor the event lacks, in an event whose actors include junk",
      failsSchema: true,
      code: editEvent("claim: event_type", "claim: actor:someone-else", editEvent("  - actor: kazakhstan", "  - actor: 7")),
      errors: [{ messageId: "actor", data: { actor: "someone-else", actors: "antony-blinken" }, line: 33, column: 12 }],
    },
    {
      name: "two sources and two locations: a source and a location past them",
      code: editEvent("evidence:\n  - source: 0", "evidence:\n  - source: 2\n    claim: location:3\n    quote: { exact: x }\n  - source: 0", editEvent("    language: en\n", "    language: en\n  - outlet: afp\n    title: Blinken in Astana\n    url: https://www.afp.com/x\n    published: \"2023-02-28\"\n    language: en\n", editEvent("    precision: country\n", "    precision: country\n  - name: Astana\n    country: KAZ\n    precision: city\n"))),
      errors: [
        { messageId: "source", data: {source: 2,count: 2}, message: "`source` is 2, but the event has 2 sources (counted from 0).", line: 40, column: 13 },
        { messageId: "location", data: {location: "3",count: 2}, message: "The claim names `location:3`, but the event has 2 locations (counted from 0).", line: 41, column: 12 },
      ],
    },
    {
      name: "a source that is not there, an actor and a location the event lacks, a mode it does not set, a position backwards",
      code: editEvent("evidence:\n  - source: 0", "evidence:\n  - source: 1\n    claim: actor:kyrgyzstan\n    quote: { exact: x }\n    position: { start: 5, end: 5 }\n  - source: 0\n    claim: location:1\n    quote: { exact: x }\n  - source: 0\n    claim: mode\n    quote: { exact: x }\n  - source: 0", editEvent("mode: multilateral\n", "")),
      errors: [
        { messageId: "sourceOne", data: {source: 1,count: 1}, message: "`source` is 1, but the event has 1 source (counted from 0).", line: 31, column: 13 },
        { messageId: "actor", data: {actor: "kyrgyzstan",actors: "antony-blinken, kazakhstan"}, message: "The claim names actor `kyrgyzstan`, which is not among the event's actors (antony-blinken, kazakhstan).", line: 32, column: 12 },
        { messageId: "positionOrder", data: {end: 5,start: 5}, message: "`position.end` (5) must be after `position.start` (5).", line: 34, column: 15 },
        { messageId: "locationOne", data: {location: "1",count: 1}, message: "The claim names `location:1`, but the event has 1 location (counted from 0).", line: 36, column: 12 },
        { messageId: "mode", message: "The claim is `mode`, but the event sets no `mode`.", line: 39, column: 12 },
      ],
    },
  ],
});
