import { sourceConsistent } from "../../scripts/rules/dataset/source-consistent.ts";
import { datasetRuleTester } from "../helpers/dataset-rule-tester.ts";
import { eventPath, eventText, type EventFields } from "../helpers/rule-cases.ts";

const A = "ev-aaaaaaaa";
const B = "ev-bbbbbbbb";
const C = "ev-cccccccc";
const pa = eventPath(A);
const pb = eventPath(B);
const pc = eventPath(C);
const URL = "https://p.dw.com/p/4O4UG";

/** The example event's source, as its lines are. */
const SOURCE = `  - outlet: dw
    via: [afp, reuters]
    title: Top US diplomat visits Central Asia with eye on Russia
    url: ${URL}
    published: "2023-02-28"
    language: en
`;

/** A source's lines: the example's, with some lines replaced (`{ title: "title: X" }`) or left out (null). */
function source(change: Partial<Record<"outlet" | "via" | "title" | "url" | "published" | "language", string | null>> = {}): string {
  const lines = SOURCE.trimEnd().split("\n");
  const keys = ["outlet", "via", "title", "url", "published", "language"] as const;
  const out: string[] = [];
  keys.forEach((k, i) => {
    const line = change[k] === undefined ? lines[i]!.replace(/^ {2}- /, "").trim() : change[k];
    if (line !== null) out.push(line);
  });
  return out.map((l, i) => `${i === 0 ? "  - " : "    "}${l}\n`).join("");
}

/** An event (the example's fields, or `fields`) citing `sources` (the example's source by default). */
const event = (fields: EventFields & { id: string }, ...sources: string[]) => {
  const text = eventText(fields);
  if (!text.includes(SOURCE)) throw new Error("the example event's source has moved");
  return text.replace(SOURCE, sources.length === 0 ? SOURCE : sources.join(""));
};

const files = (...list: [string, string][]) => Object.fromEntries(list);

// The example source's lines (its first at line 21): outlet 21, via 22, title 23, url 24, published 25, language 26.
const at = (line: number, column: number) => ({ line, column });
const OUTLET = at(21, 13);
const VIA = at(22, 10);
const TITLE = at(23, 12);
const URL_AT = at(24, 10);
const PUBLISHED = at(25, 16);

datasetRuleTester(sourceConsistent, {
  valid: [
    { name: "one event", files: files([pa, event({ id: A })]) },
    { name: "two events citing the same page, described alike", files: files([pa, event({ id: A })], [pb, event({ id: B })]) },
    { name: "the same page, its `via` in another order (a set)", files: files([pa, event({ id: A })], [pb, event({ id: B }, source({ via: "via: [reuters, afp]" }))]) },
    {
      name: "different pages described otherwise",
      files: files([pa, event({ id: A })], [pb, event({ id: B }, source({ url: "url: https://p.dw.com/p/4O4UH", title: "title: Another page", published: null }))]),
    },
    { name: "sources without url are not compared", files: files([pa, event({ id: A }, source({ url: null }))], [pb, event({ id: B }, source({ url: null, title: "title: Another" }))]) },
    {
      name: "a field ill typed in one (its schema finding says so) is unknown, not read as left out",
      files: files([pa, event({ id: A })], [pb, event({ id: B }, source({ published: "published: 2023", via: "via: afp" }))]),
    },
    {
      name: "an event and its second coding (data/codings/<coder>/) describing the page otherwise: codings are never compared",
      files: files([pa, event({ id: A })], [`data/codings/coder-b/2023/02/${B}.yaml`, event({ id: B }, source({ title: "title: Top US diplomat visits Central Asia, eye on Russia" }))]),
    },
    {
      name: "an event citing the page, known by its id alone (a --changed stand-in): no sources known, nothing compared",
      files: files([pa, event({ id: A }, source({ published: null }))]),
      standIns: [pb],
    },
    {
      name: "described otherwise when the pass saw them, but one edited since: judged as it is at the end",
      files: files([pa, event({ id: A })], [pb, event({ id: B }, source({ published: null }))]),
      edited: { [pb]: event({ id: B }) },
    },
  ],
  invalid: [
    {
      name: "`published` given in one, left out in the other",
      files: files([pa, event({ id: A })], [pb, event({ id: B }, source({ published: null }))]),
      errors: [
        {
          file: pa,
          messageId: "differs",
          data: { url: URL, other: pb, fields: 'published left out there, "2023-02-28" here' },
          message: `This event describes \`${URL}\` otherwise than \`${pb}\` does: published left out there, "2023-02-28" here.`,
          ...PUBLISHED,
          related: [pb],
        },
        {
          file: pb,
          messageId: "differs",
          data: { url: URL, other: pa, fields: 'published "2023-02-28" there, left out here' },
          message: `This event describes \`${URL}\` otherwise than \`${pa}\` does: published "2023-02-28" there, left out here.`,
          ...URL_AT,
          related: [pa],
        },
      ],
    },
    {
      name: "titles a character apart (’ and ')",
      files: files(
        [pa, event({ id: A }, source({ title: "title: Top US diplomat’s visit to Central Asia" }))],
        [pb, event({ id: B }, source({ title: "title: Top US diplomat's visit to Central Asia" }))],
      ),
      errors: [
        {
          file: pa,
          messageId: "differs",
          data: { url: URL, other: pb, fields: `title "Top US diplomat's visit to Central Asia" there, "Top US diplomat’s visit to Central Asia" here` },
          ...TITLE,
          related: [pb],
        },
        {
          file: pb,
          messageId: "differs",
          data: { url: URL, other: pa, fields: `title "Top US diplomat’s visit to Central Asia" there, "Top US diplomat's visit to Central Asia" here` },
          ...TITLE,
          related: [pa],
        },
      ],
    },
    {
      name: "`via` with an agency more",
      files: files([pa, event({ id: A }, source({ via: "via: [afp]" }))], [pb, event({ id: B })]),
      errors: [
        { file: pa, messageId: "differs", data: { url: URL, other: pb, fields: 'via ["afp", "reuters"] there, ["afp"] here' }, ...VIA, related: [pb] },
        { file: pb, messageId: "differs", data: { url: URL, other: pa, fields: 'via ["afp"] there, ["afp", "reuters"] here' }, ...VIA, related: [pa] },
      ],
    },
    {
      name: "another outlet, and a title and language besides: one finding naming each field, at the first",
      files: files([pa, event({ id: A })], [pb, event({ id: B }, source({ outlet: "outlet: reuters", title: 'title: "Top \\"US\\" diplomat"', language: "language: de" }))]),
      errors: [
        {
          file: pa,
          messageId: "differs",
          data: {
            url: URL,
            other: pb,
            fields: 'outlet "reuters" there, "dw" here; title "Top \\"US\\" diplomat" there, "Top US diplomat visits Central Asia with eye on Russia" here; language "de" there, "en" here',
          },
          ...OUTLET,
          related: [pb],
        },
        {
          file: pb,
          messageId: "differs",
          data: {
            url: URL,
            other: pa,
            fields: 'outlet "dw" there, "reuters" here; title "Top US diplomat visits Central Asia with eye on Russia" there, "Top \\"US\\" diplomat" here; language "en" there, "de" here',
          },
          ...OUTLET,
          related: [pa],
        },
      ],
    },
    {
      name: "a second coding citing the page otherwise too is left out; a tombstone's sources are compared (they are released)",
      files: files(
        [pa, event({ id: A })],
        [pb, event({ id: B, status: "duplicate", duplicateOf: A }, source({ published: 'published: "2023-03-01"' }))],
        [`data/codings/coder-b/2023/02/${C}.yaml`, event({ id: C }, source({ outlet: "outlet: reuters" }))],
      ),
      errors: [
        { file: pa, messageId: "differs", data: { url: URL, other: pb, fields: 'published "2023-03-01" there, "2023-02-28" here' }, related: [pb] },
        // The tombstone's duplicate_of line moves its sources a line down.
        { file: pb, messageId: "differs", data: { url: URL, other: pa, fields: 'published "2023-02-28" there, "2023-03-01" here' }, line: PUBLISHED.line + 1, related: [pa] },
      ],
    },
    {
      name: "the page as another source of the event, and two others citing it otherwise: one finding a source, naming both others, telling the first's fields",
      files: files(
        [pa, event({ id: A })],
        [pb, event({ id: B }, source({ url: "url: https://example.org/other" }), source({ published: null }))],
        [pc, event({ id: C }, source({ published: 'published: "2023-03-01"' }))],
      ),
      errors: [
        {
          file: pa,
          messageId: "differsMany",
          data: { url: URL, others: `\`${pb}\`, \`${pc}\``, fields: 'published left out there, "2023-02-28" here' },
          message: `This event describes \`${URL}\` otherwise than \`${pb}\`, \`${pc}\` do; against the first: published left out there, "2023-02-28" here.`,
          ...PUBLISHED,
          related: [pb, pc],
        },
        // B's second source begins on line 27: its url on line 30.
        { file: pb, messageId: "differsMany", data: { url: URL, others: `\`${pa}\`, \`${pc}\``, fields: 'published "2023-02-28" there, left out here' }, line: 30, column: 10, related: [pa, pc] },
        { file: pc, messageId: "differsMany", data: { url: URL, others: `\`${pa}\`, \`${pb}\``, fields: 'published "2023-02-28" there, "2023-03-01" here' }, ...PUBLISHED, related: [pa, pb] },
      ],
    },
    {
      name: "a page cited by 13 events, one without its `published`: a finding on it naming 10 others and how many more; one on each other",
      files: files(
        [eventPath("ev-00000000"), event({ id: "ev-00000000" }, source({ published: null }))],
        ...Array.from({ length: 12 }, (_, i): [string, string] => {
          const id = `ev-${"abcdefghjkmn"[i]!.repeat(4)}0000`;
          return [eventPath(id), event({ id })];
        }),
      ),
      errors: [
        {
          file: eventPath("ev-00000000"),
          messageId: "differsMany",
          data: {
            url: URL,
            others: Array.from({ length: 10 }, (_, i) => `\`${eventPath(`ev-${"abcdefghjkmn"[i]!.repeat(4)}0000`)}\``).join(", ") + " and 2 more",
            fields: 'published "2023-02-28" there, left out here',
          },
          ...URL_AT,
          related: Array.from({ length: 10 }, (_, i) => eventPath(`ev-${"abcdefghjkmn"[i]!.repeat(4)}0000`)),
        },
        ...Array.from({ length: 12 }, (_, i) => ({
          file: eventPath(`ev-${"abcdefghjkmn"[i]!.repeat(4)}0000`),
          messageId: "differs",
          data: { url: URL, other: eventPath("ev-00000000"), fields: 'published left out there, "2023-02-28" here' },
          ...PUBLISHED,
          related: [eventPath("ev-00000000")],
        })),
      ],
    },
  ],
});
