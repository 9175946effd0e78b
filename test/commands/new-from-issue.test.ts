/** `eventwire new event --from-issue`: real issue-form bodies (CRLF, as GitHub sends them), hostile ones included. */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { issueFormFields } from "../../schema/issue-form.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { readIssueForm, NO_RESPONSE } from "../../scripts/dataset/issue-form.ts";
import { formatIssueComment, ISSUE_COMMENT_MARKER } from "../../scripts/report/issue-comment.ts";
import { EVENT_YAML, REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const FIXTURES = path.join(TOOLKIT_ROOT, "test/fixtures/issue-form");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

/** The answer a fixture gives for a field, as typed (GitHub's CRLF undone). */
function answerOf(body: string, label: string): string {
  const lines = body.replace(/\r\n/g, "\n").split("\n");
  const labels = issueFormFields().map((f) => `### ${f.label}`);
  const from = lines.indexOf(`### ${label}`);
  const next = labels[labels.indexOf(`### ${label}`) + 1];
  const to = next === undefined ? lines.length : lines.lastIndexOf(next);
  return lines.slice(from + 1, to).join("\n").trim();
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  /** The records written under data/events/, by path. */
  records: Map<string, string>;
  comment?: string;
}

async function fromIssue(body: string, extra: string[] = [], files: Record<string, string> = {}): Promise<Outcome> {
  const root = writeDataset({ ...REGISTRY, ...files, "issue.md": body });
  try {
    const r = await run(["new", "event", "--from-issue", "issue.md", "--coder", "octo", "--report", "comment.md", ...extra], { cwd: root });
    const records = new Map<string, string>();
    const walk = (rel: string) => {
      if (!existsSync(path.join(root, rel))) return;
      for (const e of readdirSync(path.join(root, rel), { withFileTypes: true }))
        if (e.isDirectory()) walk(`${rel}/${e.name}`);
        else records.set(`${rel}/${e.name}`, readFileSync(path.join(root, rel, e.name), "utf8"));
    };
    walk("data/events");
    const comment = existsSync(path.join(root, "comment.md")) ? readFileSync(path.join(root, "comment.md"), "utf8") : undefined;
    return { ...r, records, comment };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The comment's text outside fenced code blocks and code spans: where Markdown, HTML and mentions would act. */
function outsideCode(markdown: string): string {
  return markdown
    .replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, "")
    .replace(/(?<!\\)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
}

test("the fixtures are issue bodies as GitHub sends them: CRLF line endings", () => {
  for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith(".md"))) assert.ok(fixture(name).includes("\r\n"), name);
});

test("a form answered in full: the record the flags would make, names and the address mapped to registry ids", async () => {
  const r = await fromIssue(fixture("valid.md"));
  assert.is(r.code, 0, r.stderr + r.stdout);
  assert.is(r.records.size, 1);
  const [file, text] = [...r.records][0]!;
  assert.match(file, /^data\/events\/2023\/02\/ev-[0-9a-z]{8}\.yaml$/);
  assert.match(r.stdout, new RegExp(`^Created ${file}\n`));
  const record = parse(text);
  assert.equal(record.date, { start: "2023-02-28", precision: "day" });
  assert.is(record.event_type, "CONSULT");
  assert.is(record.mode, "visit");
  // "Antony Blinken" is the name of antony-blinken; "kazakhstan" an id already.
  assert.equal(record.actors, [
    { actor: "antony-blinken", role: "initiator" },
    { actor: "kazakhstan", role: "recipient" },
  ]);
  assert.equal(record.locations, [{ name: "Astana", country: "KAZ", precision: "city" }]);
  // No outlet given: found by the address's host (www.dw.com is on dw.com).
  assert.is(record.sources[0].outlet, "dw");
  assert.is(record.sources[0].url, "https://www.dw.com/en/top-us-diplomat-visits-central-asia/a-64843093");
  assert.equal(record.provenance.coded_by, ["octo"]);
  assert.is(record.provenance.method, "manual");
  assert.not.match(text, /# required:/);
  // The comment: the marker first, the record as it was written, validate's verdict, and what comes next.
  const comment = r.comment!;
  assert.ok(comment.startsWith(`${ISSUE_COMMENT_MARKER}\n`));
  assert.ok(comment.includes(text.trimEnd()), "the record, verbatim, in a code block");
  assert.match(comment, /No problems: 1 file, 1 record checked|0 errors/);
  assert.match(comment, /### What happens next/);
  assert.match(comment, /`create-pr`/);
  // The same body with LF line endings (an issue edited by a tool) reads the same.
  const lf = await fromIssue(fixture("valid.md").replace(/\r\n/g, "\n"));
  assert.is(lf.code, 0);
  const again = parse([...lf.records.values()][0]!);
  assert.equal({ ...again, id: "", provenance: {} }, { ...record, id: "", provenance: {} });
});

test("hostile answers: kept exactly in the record, inert in the comment, no @mention pings", async () => {
  const body = fixture("hostile.md");
  const r = await fromIssue(body);
  // Made, with findings for validate to report (a control character, an address with spaces, an unknown actor).
  assert.is(r.code, 1, r.stderr);
  const [, text] = [...r.records][0]!;
  const record = parse(text);
  // Quotes, colons, `#`, a leading `-`, newlines, emoji, right-to-left text and control characters round-trip.
  assert.is(record.title, answerOf(body, "Title"));
  assert.ok(record.title.includes("\u202e") && record.title.includes("\u0007") && record.title.includes("🎉"));
  // The summary's lines are joined with single spaces (a record's summary is one paragraph), its text otherwise as typed.
  const joined = answerOf(body, "Summary").split("\n").map((line) => line.trim()).filter(Boolean).join(" ");
  assert.is(record.summary, joined);
  assert.is(record.sources[0].title, answerOf(body, "Headline of the report"));
  assert.is(record.sources[0].url, `https://www.dw.com/en/a "quoted" page/a-1?q='x' y`);
  // A `### Title` and a `### Before you submit` typed in the summary are the summary's lines, not headings.
  assert.match(record.summary, / ### Title ### Before you submit /);
  assert.is(record.title.startsWith('"Quoted": #1 - @octocat'), true);
  // A Markdown list of actors: the bullet is no part of the name; `**@octocat**` is no actor's name: its id is made from it.
  assert.equal(record.actors, [
    { actor: "antony-blinken", role: "initiator" },
    { actor: "octocat", role: "recipient" },
  ]);
  const comment = r.comment!;
  const outside = outsideCode(comment);
  assert.not.match(outside, /<script|<img/i, "no HTML outside code");
  assert.not.match(outside, /(?<!\\)\[click\]/, "no link");
  assert.not.match(outside, /@(?!\u2060)[A-Za-z0-9]/, "every @mention outside code is broken");
  // The name as given is shown as code (no mention there); in text, a mention is broken.
  assert.match(comment, /actor `\*\*@octocat\*\*` is in no registry entry/);
  const refused = formatIssueComment({ problems: ["actor `x` for @octocat is **not** <b>known</b> [a](b)"], notes: [] });
  assert.match(refused, /- actor `x` for @\u2060octocat is \\\*\\\*not\\\*\\\* &lt;b&gt;known&lt;\/b&gt; \\\[a\\\]\(b\)/);
  // The record's block: a fence longer than any run of backticks in it, so the summary's ``` and ```` close nothing.
  const open = /^(`{3,})yaml$/m.exec(comment)!;
  assert.ok(open[1]!.length > 4, open[1]);
  const block = comment.slice(open.index + open[0].length + 1, comment.indexOf(`\n${open[1]}\n`, open.index));
  assert.ok(/````yaml\s+end/.test(block), "the summary's fence is inside the block");
  // Control and direction characters are shown as escapes in the comment, never raw.
  assert.not.ok(comment.includes("\u202e") || comment.includes("\u0007"));
  assert.match(block, /\\u202e/);
  // The findings say what to correct.
  assert.match(comment, /text-control/);
  assert.match(comment, /actor-known/);
});

test("answers left as _No response_: the record is made with those fields marked required, and validate says so", async () => {
  const r = await fromIssue(fixture("no-response.md"));
  assert.is(r.code, 1, r.stderr);
  const [file, text] = [...r.records][0]!;
  assert.match(file, /^data\/events\/2023\/02\//);
  assert.match(text, /^title: # required: /m);
  assert.match(text, /^summary: # required: /m);
  assert.match(text, /^ {4}country: # required: /m);
  assert.not.match(text, new RegExp(NO_RESPONSE));
  // The headline and the date of publication are optional: left out when not given, never marked required.
  assert.not.match(text, /^ {4}(title|published|url|via):/m);
  assert.equal(parse(text).date, { start: "2023-02", precision: "month" });
  // One actor without a role: the initiator, as with --actor.
  assert.equal(parse(text).actors, [{ actor: "kazakhstan", role: "initiator" }]);
  assert.match(r.comment!, /marked `# required:`/);
  assert.match(r.comment!, /errors \(below\) to correct first/);
});

test("wrong values: every problem at once, in the form's words, with the allowed values; nothing written (exit 2)", async () => {
  const r = await fromIssue(fixture("bad-values.md"));
  assert.is(r.code, 2);
  assert.is(r.records.size, 0, "nothing written");
  for (const expected of [
    /5 problems; nothing was written/,
    /"Date of the event" `2023-02-30` is not on the calendar: February 2023 has 28 days/,
    /"Event type" must be one of AGREE, CONSULT, .*; got `CONSLT`\. Did you mean `CONSULT`\?/,
    /"Actors and their roles": `attacker` \(for `Antony Blinken`\) is not a role; one of initiator, recipient, participant/,
    /"Country": `KZA` is not an ISO 3166-1 alpha-3 code/,
    /"Date the report was published" expects YYYY-MM-DD, or a date-time with its offset/,
  ])
    assert.match(r.stderr, expected);
  // The comment says the same, so the contributor can correct the issue.
  assert.match(r.comment!, /## No record yet/);
  assert.match(r.comment!, /5 problems to correct/);
  assert.match(r.comment!, /2023-02-30/);
  assert.match(r.comment!, /Did you mean `CONSULT`\?/);
});

test("a box left unticked, a body not from the form, a huge body: refused, and the comment says why", async () => {
  const unticked = await fromIssue(fixture("unticked.md"));
  assert.is(unticked.code, 2);
  assert.is(unticked.records.size, 0);
  assert.match(unticked.stderr, /"Before you submit": "The report is public: anyone can read it at the address above\." is not ticked/);
  assert.match(unticked.comment!, /is not ticked/);

  const plain = await fromIssue(fixture("not-a-form.md"));
  assert.is(plain.code, 2);
  assert.match(plain.stderr, /not the new-event form's/);
  assert.match(plain.comment!, /open a new issue and choose the form/);

  const huge = await fromIssue(fixture("valid.md").replace("### Summary\r\n\r\n", `### Summary\r\n\r\n${"x".repeat(70 * 1024)}`));
  assert.is(huge.code, 2);
  assert.is(huge.records.size, 0);
  assert.match(huge.stderr, /larger than 64 KB/);
  assert.match(huge.comment!, /larger than 64 KB/);

  const binary = await fromIssue("### Date of the event\r\n\r\n2023\u0000\u0000\u0000\r\n");
  assert.is(binary.code, 2);
  assert.match(binary.comment!, /cannot read the issue body/);
});

test("a heading missing or out of order is named; a later field's heading typed in the actors is no heading", () => {
  const body = fixture("valid.md").replace(/\r\n/g, "\n");
  const cut = readIssueForm(body.replace("### Country\n", "Country\n"));
  assert.equal(cut.ok ? [] : cut.problems, ['the issue body lacks the form\'s heading "### Country": edit the issue to put it back, or open a new one with the form']);
  const typed = readIssueForm(body.replace("kazakhstan: recipient", "kazakhstan: recipient\n### Country\n\nFRA"));
  assert.ok(typed.ok);
  if (typed.ok) {
    assert.is(typed.form.answers.get("actors"), "Antony Blinken: initiator\nkazakhstan: recipient\n### Country\n\nFRA");
    assert.is(typed.form.answers.get("country"), "KAZ");
  }
  // A text area with `render:` comes fenced: the fence is not the answer.
  const rendered = issueFormFields().map((f) => (f.id === "summary" ? { ...f, render: "text" } : f));
  const fenced = readIssueForm(body.replace(/(### Summary\n\n)([^\n]+)/, "$1```text\n$2\n```"), rendered);
  assert.is(fenced.ok && fenced.form.answers.get("summary"), answerOf(body, "Summary"));
  const oneLine = readIssueForm(body.replace("\n### Place\n", "\nsecond line\n### Place\n"));
  assert.equal(oneLine.ok ? [] : oneLine.problems, ['"Country" must be one line']);
});

test("an actor name two entries share is refused, with both ids; an outlet is found by its name", async () => {
  const body = fixture("valid.md").replace("Antony Blinken: initiator", "Tony: initiator").replace("### Outlet\r\n\r\n_No response_", "### Outlet\r\n\r\nDeutsche Welle");
  const twice = {
    "data/actors/antony-blinken.yaml": 'schema_version: "1.3.0"\nid: antony-blinken\nname: Antony Blinken\nkind: person\ncountry: USA\naliases: [Tony]\n',
    "data/actors/tony-blair.yaml": 'schema_version: "1.3.0"\nid: tony-blair\nname: Tony Blair\nkind: person\ncountry: GBR\naliases: [Tony]\n',
  };
  const r = await fromIssue(body, [], twice);
  assert.is(r.code, 2);
  assert.match(r.stderr, /actor `Tony` could be any of `antony-blinken`, `tony-blair`: write the id of the one you mean/);
  const named = await fromIssue(body.replace("Tony: initiator", "ANTONY BLINKEN: initiator"));
  assert.is(named.code, 0, named.stderr);
  const record = parse([...named.records.values()][0]!);
  assert.is(record.actors[0].actor, "antony-blinken");
  assert.is(record.sources[0].outlet, "dw");
  assert.match(named.comment!, /outlet `Deutsche Welle` is `dw`/);
});

test("--from-issue: only for events, with no record values beside it; --report only with it", async () => {
  const root = writeDataset({ ...REGISTRY, "issue.md": fixture("valid.md") });
  try {
    const cases: [string[], RegExp][] = [
      [["new", "actor", "--from-issue", "issue.md"], /--from-issue makes an event/],
      [["new", "event", "--from-issue", "issue.md", "--title", "x"], /leave out --title/],
      [["new", "event", "--date", "2023", "--report", "c.md"], /--report goes with --from-issue/],
      [["new", "event", "--from-issue", "missing.md"], /cannot read the issue body/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv, { cwd: root });
      assert.is(r.code, 2, argv.join(" "));
      assert.match(r.stderr, message, argv.join(" "));
    }
    // The flags too say every problem at once.
    const flags = await run(["new", "event", "--date", "2023-02-30", "--type", "CONSLT", "--country", "KZA", "--no-input"], { cwd: root });
    assert.is(flags.code, 2);
    assert.match(flags.stderr, /3 problems; nothing was written:\n- --date `2023-02-30` is not on the calendar[^\n]*\n- --type must be one of [^\n]*Did you mean `CONSULT`\?\n- --country: `KZA`/);
    assert.not.ok(existsSync(path.join(root, "data/events")), "nothing written");
    writeFileSync(path.join(root, "empty.md"), "");
    const empty = await run(["new", "event", "--from-issue", "empty.md"], { cwd: root });
    assert.is(empty.code, 2);
    assert.match(empty.stderr, /not the new-event form's/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a title and a summary typed over several lines: their lines joined with single spaces, so the record validates; other text areas as typed", async () => {
  const body = fixture("valid.md")
    .replace("### Title\r\n\r\nBlinken visits Kazakhstan", "### Title\r\n\r\nBlinken visits\r\n  Kazakhstan")
    .replace(
      "Antony Blinken visited Kazakhstan and met its leaders during a tour of Central Asia, DW reported.",
      "Antony Blinken visited Kazakhstan\r\nand met its leaders during a tour of Central Asia,\r\n\r\nDW reported.",
    );
  const r = await fromIssue(body);
  assert.is(r.code, 0, r.stderr + r.stdout);
  const record = parse([...r.records.values()][0]!);
  assert.is(record.title, "Blinken visits Kazakhstan");
  assert.is(record.summary, "Antony Blinken visited Kazakhstan and met its leaders during a tour of Central Asia, DW reported.");
  assert.not.match(r.comment!, /text-control/);
  // The form's help says so.
  const summary = issueFormFields().find((f) => f.id === "summary")!;
  assert.match(summary.description, /joined with single spaces/);
});

/** valid.md with some answers replaced (label -> the new answer, `_No response_` to leave it empty). */
function answered(changes: Record<string, string>): string {
  let body = fixture("valid.md");
  for (const [label, value] of Object.entries(changes)) {
    const before = answerOf(body, label);
    body = body.replace(`### ${label}\r\n\r\n${before.replace(/\n/g, "\r\n")}\r\n`, `### ${label}\r\n\r\n${value}\r\n`);
    assert.is(answerOf(body, label), value.replace(/\r\n/g, "\n"), label);
  }
  return body;
}

test("a refused form: what validate would say of the other answers is listed with the problems, in one round", async () => {
  const r = await fromIssue(
    answered({
      "Date of the event": "2023-02-28",
      "Last day": "2023-02-20",
      "Event type": "CONSLT",
      "Address of the report": "www.dw.com/en/a page",
      "Language of the report": "English",
      Title: "Hi",
      Summary: "Too short.",
    }),
  );
  assert.is(r.code, 2, r.stderr);
  assert.is(r.records.size, 0);
  for (const expected of [
    /"Event type" must be one of/,
    /"Last day" `2023-02-20` is before the date of the event `2023-02-28`/,
    /"Address of the report" is not a web address/,
    /"Language of the report" `English` is not a BCP 47 language tag/,
    /"Title" is 2 characters long; a title has at least 5/,
    /"Summary" is 10 characters long; a summary has at least 20/,
  ]) {
    assert.match(r.stderr, expected);
    assert.match(r.comment!, expected);
  }
  assert.match(r.comment!, /6 problems to correct/, r.comment);
});

test("a title, summary or headline over the schema's maximum: refused before a record is made (the comment would repeat it)", async () => {
  const r = await fromIssue(answered({ Title: "T".repeat(121), "Headline of the report": "H".repeat(400) }));
  assert.is(r.code, 2, r.stderr);
  assert.is(r.records.size, 0);
  assert.match(r.stderr, /"Title" is 121 characters long; a title has at most 120/);
  assert.match(r.stderr, /"Headline of the report" is 400 characters long; a headline has at most 300/);
  assert.ok(r.comment!.length < 65536);
});

test("published: a date-time with its offset is taken (the schema's form), a date not on the calendar is said so", async () => {
  const ok = await fromIssue(answered({ "Date the report was published": "2023-02-28T14:05:00+01:00" }));
  assert.is(ok.code, 0, ok.stderr);
  assert.is(parse([...ok.records.values()][0]!).sources[0].published, "2023-02-28T14:05:00+01:00");
  const local = await fromIssue(answered({ "Date the report was published": "2023-02-28T14:05" }));
  assert.is(local.code, 2);
  assert.match(local.stderr, /"Date the report was published" expects YYYY-MM-DD, or a date-time with its offset/);
  const leap = await fromIssue(answered({ "Date the report was published": "2023-02-29" }));
  assert.match(leap.stderr, /`2023-02-29` is not on the calendar: February 2023 has 28 days/);
});

test("--issue-number: the record of an issue has the same id on every run (an edit after the pull request exists updates that record)", async () => {
  const body = fixture("valid.md");
  const first = await fromIssue(body, ["--issue-number", "21"]);
  const again = await fromIssue(body.replace("Blinken visits Kazakhstan", "Blinken visits Astana"), ["--issue-number", "21"]);
  assert.is(first.code, 0, first.stderr);
  const [file] = [...first.records.keys()];
  assert.equal([...again.records.keys()], [file]);
  const other = await fromIssue(body, ["--issue-number", "22"]);
  assert.not.equal([...other.records.keys()], [file]);
  // An id taken already in the dataset: the next one of the same seed, again the same on every run.
  const taken = { [file!]: EVENT_YAML.replace(/^id: .*$/m, `id: ${path.basename(file!, ".yaml")}`) };
  const next1 = await fromIssue(body, ["--issue-number", "21"], taken);
  const next2 = await fromIssue(body, ["--issue-number", "21"], taken);
  const added = (o: Outcome) => [...o.records.keys()].filter((k) => k !== file);
  assert.is(added(next1).length, 1);
  assert.equal(added(next1), added(next2));
  const bad = await fromIssue(body, ["--issue-number", "21; rm"]);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /--issue-number expects the issue's number/);
});

test("the comment names the body it checked: a hidden SHA-256 (16 hex digits of the bytes, as sha256sum gives) and a visible one", async () => {
  for (const name of ["valid.md", "bad-values.md"]) {
    const body = fixture(name);
    const hash = createHash("sha256").update(Buffer.from(body, "utf8")).digest("hex").slice(0, 16);
    const r = await fromIssue(body);
    assert.ok(r.comment!.startsWith(`${ISSUE_COMMENT_MARKER}\n<!-- eventwire-issue-body: ${hash} -->\n`), r.comment!.slice(0, 120));
    assert.ok(r.comment!.includes(`SHA-256 \`${hash}\``), name);
  }
});

const UNITED_STATES = { "data/actors/united-states.yaml": 'schema_version: "1.3.0"\nid: united-states\nname: United States\nkind: state\ncountry: USA\naliases:\n  - US\n' };

test("actor lines: the role after a colon, a dash or in parentheses; a role left out is noted; a near name or alias suggested", async () => {
  const r = await fromIssue(answered({ "Actors and their roles": "Antony Blinken - initiator\r\nKazakhstan (recipient)\r\nthe US \u2013 participant\r\nkazakhstan" }), [], UNITED_STATES);
  assert.is(r.code, 1, r.stderr);
  assert.equal(parse([...r.records.values()][0]!).actors, [
    { actor: "antony-blinken", role: "initiator" },
    { actor: "kazakhstan", role: "recipient" },
    { actor: "the-us", role: "participant" },
    { actor: "kazakhstan", role: "recipient" },
  ]);
  const comment = r.comment!;
  assert.match(comment, /actor `kazakhstan` has no role written: taken as the recipient/);
  assert.match(comment, /actor `the US` is in no registry entry; did you mean `united-states` \(`us` in data\/actors\/\)\?/);
  // A parenthesis that holds no role is part of the name.
  const named = await fromIssue(answered({ "Actors and their roles": "Antony Blinken (US): initiator" }));
  assert.equal(parse([...named.records.values()][0]!).actors, [{ actor: "antony-blinken-us", role: "initiator" }]);
  const typo = await fromIssue(answered({ "Actors and their roles": "Antony Blinken (iniciator)" }));
  assert.is(typo.code, 2);
  assert.match(typo.stderr, /`iniciator` \(for `Antony Blinken`\) is not a role.*Did you mean `initiator`\?/);
});

test("the comment: what is for the contributor apart from what is for a maintainer; an unknown actor noted once, with no command line", async () => {
  const r = await fromIssue(answered({ "Actors and their roles": "Antony Blinken: initiator\r\nNobody Known: recipient", "Language of the report": "English" }));
  assert.is(r.code, 1, r.stderr);
  const comment = r.comment!;
  const you = comment.slice(comment.indexOf("### For you"), comment.indexOf("### For a maintainer"));
  const maintainer = comment.slice(comment.indexOf("### For a maintainer"), comment.indexOf("```"));
  assert.match(you, /actor `Antony Blinken` is `antony-blinken`/);
  assert.match(you, /The checks found \d+ things? in your answers \(the table below\): correct the errors/, you);
  assert.match(maintainer, /actor `Nobody Known` is in no registry entry: the record names it `nobody-known`; add data\/actors\/nobody-known\.yaml in the pull request/);
  assert.match(maintainer, /1 finding of `actor-known` below goes once the entries are added/);
  assert.is(comment.split("is in no registry entry").length - 1, 1, "noted once");
  assert.not.match(comment, /eventwire new|npm run/, "no command line for a browser contributor");
  // Findings name the form's fields, not the record's paths.
  assert.match(comment, /\| error \| "Language of the report" \| `schema` \| "Language of the report" is `English`/);
  assert.not.match(comment, /sources\\?\[0\\?\]\.language/);
  assert.match(comment, /\| error \| "Actors and their roles" \| `actor-known` \|/);
});

test("the comment stays under GitHub's 65,536 characters: the record's block and the findings are cut, saying so", () => {
  const text = Array.from({ length: 5000 }, (_, i) => `  - actor: actor-${i}\n    role: recipient`).join("\n");
  const findings = Array.from({ length: 500 }, (_, i) => ({ line: i, rule: "actor-known", severity: "error" as const, message: `\`actor-${i}\` is not an actor in data/actors/.`, pointer: `/actors/${i}/actor` }));
  const comment = formatIssueComment({ file: "data/events/2023/02/ev-aaaaaaaa.yaml", text, problems: [], notes: [], validation: { code: 1, findings } });
  assert.ok(comment.length < 65536, String(comment.length));
  assert.match(comment, /# \.\.\. \d+ more lines cut here: the record is too long to show whole/);
  assert.match(comment, /And 450 more, cut here to keep this comment short/);
  assert.match(comment, /\n```+\n/, "the block is closed");
});

test("the form's help: the address is required, so no 'leave out when unknown'; the date's help names week precision; published's the forms it takes", () => {
  const byId = new Map(issueFormFields().map((f) => [f.id, f]));
  assert.is(byId.get("url")!.required, true);
  assert.not.match(byId.get("url")!.description, /leave out/);
  assert.match(byId.get("date")!.description, /for a week, write its Monday and choose the precision `week`/);
  assert.match(byId.get("published")!.description, /2023-02-28T14:05\+01:00/);
});

test("a place named without its precision: a problem in the form's words, not a guess", async () => {
  const r = await fromIssue(answered({ Place: "Astana", "Place precision": "_No response_" }));
  assert.is(r.code, 2, r.stderr);
  assert.is(r.records.size, 0);
  assert.match(r.stderr, /"Place precision": give one when you name a place \(one of exact, city, admin2, admin1\)/);
  const country = await fromIssue(answered({ Place: "_No response_", "Place precision": "_No response_" }));
  assert.is(country.code, 0, country.stderr);
  assert.equal(parse([...country.records.values()][0]!).locations, [{ name: "Kazakhstan", country: "KAZ", precision: "country" }]);
});

test("values with backticks in notes and problems: shown as code spans whose fence is longer than any run inside", async () => {
  const r = await fromIssue(answered({ "Actors and their roles": "Antony `Tony` Blinken: leader\r\nNew ``Actor``: recipient" }));
  assert.is(r.code, 2);
  const comment = r.comment!;
  assert.ok(comment.includes("``leader``") || comment.includes("`leader`"), comment);
  assert.ok(comment.includes("(for ``Antony `Tony` Blinken``)"), comment);
  // The text outside code spans holds no stray backtick: nothing opens or closes a span by accident.
  const bullets = comment.split("\n").filter((l) => l.startsWith("- "));
  for (const line of bullets) assert.not.match(outsideCode(line), /`/, line);
  assert.match(r.stderr, /\(for `Antony `Tony` Blinken`\)/);
});

test.run();
