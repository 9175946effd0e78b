import { idUnique } from "../../scripts/rules/dataset/id-unique.ts";
import { datasetRuleTester } from "../helpers/dataset-rule-tester.ts";
import { eventPath, eventText } from "../helpers/rule-cases.ts";

const A = "ev-aaaaaaaa";
const pa = eventPath(A);
const copy = "data/events/2023/02/copy/ev-aaaaaaaa.yaml";
const march = eventPath(A, "2023-03-01");
const actor = (id: string) => `schema_version: "1.3.0"\nid: ${id}\nname: ${id}\nkind: person\ncountry: USA\n`;
const outlet = (id: string) => `schema_version: "1.3.0"\nid: ${id}\nname: ${id}\nkind: online\ncountry: DEU\ndomains: [${id}.com]\n`;

datasetRuleTester(idUnique, {
  valid: [
    { name: "one record an id", files: { [pa]: eventText({ id: A }), [eventPath("ev-bbbbbbbb")]: eventText({ id: "ev-bbbbbbbb" }) } },
    { name: "an actor and an outlet with the same id (each registry on its own)", files: { "data/actors/dw.yaml": actor("dw"), "data/outlets/dw.yaml": outlet("dw") } },
    { name: "a stand-in (under --changed) with another id", files: { [pa]: eventText({ id: A }) }, standIns: [eventPath("ev-bbbbbbbb")] },
    { name: "one id in two files when the pass saw them, one edited since", files: { [pa]: eventText({ id: A }), [copy]: eventText({ id: A }) }, edited: { [copy]: eventText({ id: "ev-bbbbbbbb" }) } },
  ],
  invalid: [
    {
      name: "an event and a second coding with one id: ids are minted, and unique over both",
      files: { [pa]: eventText({ id: A }), [`data/codings/coder-b/2023/02/${A}.yaml`]: eventText({ id: A }) },
      errors: [
        { file: `data/codings/coder-b/2023/02/${A}.yaml`, messageId: "repeated", data: { id: A, others: `\`${pa}\`` }, line: 2, column: 5, related: [pa] },
        { file: pa, messageId: "repeated", data: { id: A, others: `\`data/codings/coder-b/2023/02/${A}.yaml\`` }, line: 2, column: 5, related: [`data/codings/coder-b/2023/02/${A}.yaml`] },
      ],
    },
    {
      name: "one id in two event files",
      files: { [pa]: eventText({ id: A }), [copy]: eventText({ id: A }) },
      errors: [
        { file: copy, messageId: "repeated", data: { id: A, others: `\`${pa}\`` }, message: `The id \`${A}\` is also used by \`${pa}\`.`, line: 2, column: 5, related: [pa] },
        { file: pa, messageId: "repeated", data: { id: A, others: `\`${copy}\`` }, line: 2, column: 5, related: [copy] },
      ],
    },
    {
      name: "one id in three files: each names the other two, in the listing's order",
      files: { [pa]: eventText({ id: A }), [copy]: eventText({ id: A }), [march]: eventText({ id: A, start: "2023-03-01" }) },
      errors: [
        { file: copy, messageId: "repeated", data: { id: A, others: `\`${pa}\`, \`${march}\`` }, related: [pa, march] },
        { file: pa, messageId: "repeated", data: { id: A, others: `\`${copy}\`, \`${march}\`` }, related: [copy, march] },
        { file: march, messageId: "repeated", data: { id: A, others: `\`${copy}\`, \`${pa}\`` }, related: [copy, pa] },
      ],
    },
    {
      name: "an event whose id a stand-in's file name gives (under --changed): the stand-in is not read, its id counts",
      files: { [pa]: eventText({ id: A }) },
      standIns: [march],
      errors: [
        { file: pa, messageId: "repeated", data: { id: A, others: `\`${march}\`` }, line: 2, column: 5, related: [march] },
        { file: march, messageId: "repeated", data: { id: A, others: `\`${pa}\`` }, line: 1, column: 1, related: [pa] },
      ],
    },
    {
      name: "a registry entry that fails its schema, with the id of another: it takes its id all the same",
      files: { "data/actors/a.yaml": actor("a"), "data/actors/b.yaml": 'schema_version: "1.3.0"\nid: a\n' },
      errors: [
        { file: "data/actors/a.yaml", messageId: "repeated", data: { id: "a", others: "`data/actors/b.yaml`" }, line: 2, column: 5, related: ["data/actors/b.yaml"] },
        { file: "data/actors/b.yaml", messageId: "repeated", data: { id: "a", others: "`data/actors/a.yaml`" }, line: 2, column: 5, related: ["data/actors/a.yaml"] },
      ],
    },
    {
      name: "one id in twelve files: each names ten of the others and how many more",
      files: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`data/events/2023/02/c${String(i).padStart(2, "0")}/ev-aaaaaaaa.yaml`, eventText({ id: A })])),
      errors: Array.from({ length: 12 }, (_, i) => {
        const at = (n: number) => `data/events/2023/02/c${String(n).padStart(2, "0")}/ev-aaaaaaaa.yaml`;
        const others = Array.from({ length: 12 }, (_, n) => n).filter((n) => n !== i).slice(0, 10).map(at);
        return { file: at(i), messageId: "repeated", data: { id: A, others: `${others.map((o) => `\`${o}\``).join(", ")} and 1 more` }, line: 2, column: 5, related: others };
      }),
    },
    {
      name: "two actor entries with one id, and two outlets",
      files: { "data/actors/a.yaml": actor("a"), "data/actors/b.yaml": actor("a"), "data/outlets/x.yaml": outlet("x"), "data/outlets/x.json": JSON.stringify({ schema_version: "1.3.0", id: "x", name: "X", kind: "online", country: "DEU", domains: ["x.org"] }) },
      errors: [
        { file: "data/actors/a.yaml", messageId: "repeated", data: { id: "a", others: "`data/actors/b.yaml`" }, line: 2, column: 5, related: ["data/actors/b.yaml"] },
        { file: "data/actors/b.yaml", messageId: "repeated", data: { id: "a", others: "`data/actors/a.yaml`" }, line: 2, column: 5, related: ["data/actors/a.yaml"] },
        { file: "data/outlets/x.json", messageId: "repeated", data: { id: "x", others: "`data/outlets/x.yaml`" }, line: 1, column: 32, related: ["data/outlets/x.yaml"] },
        { file: "data/outlets/x.yaml", messageId: "repeated", data: { id: "x", others: "`data/outlets/x.json`" }, line: 2, column: 5, related: ["data/outlets/x.json"] },
      ],
    },
  ],
});
