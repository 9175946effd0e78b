/**
 * `eventwire new event|actor|outlet`: scaffolds a record in the right folder,
 * from flags or (on a terminal, for what the flags leave out) by asking for
 * each field with completion from the registries and the vocabulary.
 */
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { ACTOR_KINDS, DATE_PRECISIONS, LOCATION_PRECISIONS, OUTLET_KINDS, ROLES } from "../../schema/index.ts";
import { jsonSchemaPath, LATEST_VERSION, type RecordKind } from "../../schema/versions.ts";
import { TOOLKIT_ROOT } from "../core/paths.ts";
import { EVENT_TYPES } from "../../schema/vocabularies/plover.ts";
import { countryCodes, countryName, isCountryCode } from "../core/countries.ts";
import { notOnCalendar, todayUtc } from "../core/dates.ts";
import { EXIT, isUsageError, UsageError, type CommandIO } from "../core/io.ts";
import { didYouMean } from "../core/suggest.ts";
import { displayText, inlineValue, shellQuote } from "../core/escape.ts";
import { writeFileExclusive, writeOutputFile } from "../core/write.ts";
import { readFileSync } from "node:fs";
import { readText } from "../dataset/read.ts";
import { issueValues, MAX_ISSUE_BODY_BYTES, readIssueForm, withFieldLabels, type IssueForm, type IssueNote } from "../dataset/issue-form.ts";
import { partsPlain, type Part } from "../core/parts.ts";
import { nameKey, readRegistryNames } from "../dataset/registry-names.ts";
import { formatIssueComment, issueBodyHash, type CommentFinding, type IssueCommentInput } from "../report/issue-comment.ts";
import { discover, eventFolder, idFromPath, RECORD_FOLDERS } from "../dataset/discover.ts";
import { eventIdFor, mintEventId, slug } from "../dataset/mint-id.ts";
import { MISSING, scaffoldText, type Draft } from "../dataset/scaffold.ts";
import { blockingChecks, draftChecks, publishedPattern } from "../dataset/draft-checks.ts";
import { assertNoLinkOnPath, datasetRoot } from "../dataset/root.ts";
import { NEW_TEXT_FLAGS, NEW_TEXT_USAGE, newTextCommand } from "./new-text.ts";

export const NEW_USAGE = `Usage: eventwire new event|actor|outlet|text [options]

Writes a new record in its folder, with a fresh id for an event. Required
fields you do not give are left empty and marked "required" (optional ones
are left out); fill them in, then run
\`npm run validate -- <the file>\`. On a terminal, it asks for what the flags
leave out (Tab completes ids, types and codes); --no-input never asks.

Event options:
  --date YYYY[-MM[-DD]]     when it happened (the precision follows the form;
                            --precision week for a week, given by its first day)
  --end YYYY[-MM[-DD]]      last day, for an event over several days
  --type CODE               PLOVER event type (CONSULT, AID, ...); --mode MODE
  --actor ID[:ROLE]         repeatable; ROLE initiator, recipient or participant
                            (default: the first initiator, the others recipients)
  --country CODE --place NAME [--place-precision ${LOCATION_PRECISIONS.join("|")}]
  --outlet ID [--via ID ...] --url URL --headline TEXT
  --published DATE          YYYY-MM-DD, or a date-time with its offset
                            (2023-02-28T14:05Z, 2023-02-28T14:05:00+01:00)
  --language TAG            the report's language (BCP 47: en, de, pt-BR)
  --title TEXT --summary TEXT --coder HANDLE
  --from-issue FILE         the values from a submitted issue form (the body of
                            an issue opened with .github/ISSUE_TEMPLATE/new-event.yml);
                            with --coder, and --report FILE to write a Markdown
                            comment for the issue (the record, what validate found);
                            --issue-number N gives the record the same id on every
                            run for issue N
Actor options:  --id ID --name NAME --kind ${ACTOR_KINDS.join("|")}
                --country CODE --alias NAME ...
Outlet options: --id ID --name NAME --kind ${OUTLET_KINDS.join("|")}
                --country CODE --domain DOMAIN ...
Text options:   --url URL --file PAGE.txt [--texts DIR] [--name FILE.txt]
                [--captured YYYY-MM-DD] [--note TEXT]: keeps a page's text in
                data/texts/ or a folder of your own (eventwire new text --help)
Common:         --root <dir>  --no-input  -h, --help`;

const OPTIONS = {
  date: { type: "string" },
  end: { type: "string" },
  precision: { type: "string" },
  type: { type: "string" },
  mode: { type: "string" },
  actor: { type: "string", multiple: true },
  country: { type: "string" },
  place: { type: "string" },
  "place-precision": { type: "string" },
  outlet: { type: "string" },
  via: { type: "string", multiple: true },
  url: { type: "string" },
  headline: { type: "string" },
  published: { type: "string" },
  language: { type: "string" },
  title: { type: "string" },
  summary: { type: "string" },
  coder: { type: "string" },
  id: { type: "string" },
  name: { type: "string" },
  kind: { type: "string" },
  alias: { type: "string", multiple: true },
  domain: { type: "string", multiple: true },
  root: { type: "string" },
  "from-issue": { type: "string" },
  "issue-number": { type: "string" },
  report: { type: "string" },
  "no-input": { type: "boolean" },
  file: { type: "string" },
  texts: { type: "string" },
  captured: { type: "string" },
  note: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K] extends { type: "boolean" } ? boolean : string };


/** Asks for missing values on a terminal, with Tab completion; answers nothing otherwise. */
interface Asker {
  /**
   * Asks until the answer is empty (left out) or `valid` finds nothing wrong with it: a wrong answer is said,
   * with what is allowed, and the question asked again (the flags, given on the command line, are refused instead).
   */
  ask(question: string, choices?: readonly string[], valid?: (answer: string) => string | undefined): Promise<string | undefined>;
}

function terminalAsker(io: CommandIO): Asker | undefined {
  const input = io.stdin;
  if (!input || !input.isTTY || !io.stdout.isTTY) return undefined;
  async function askOnce(question: string, choices: readonly string[]): Promise<string | undefined> {
    const rl = createInterface({
      input: input as NodeJS.ReadableStream,
      output: io.stdout as NodeJS.WritableStream,
      terminal: true,
      completer: (line: string): [string[], string] => [choices.filter((c) => c.startsWith(line)), line],
    });
    try {
      const answer = (await rl.question(`${question}${choices.length > 0 && choices.length <= 8 ? ` (${choices.join(", ")})` : ""}: `)).trim();
      return answer === "" ? undefined : answer;
    } catch (error) {
      // Ctrl-C at a question: the record is written only at the end, so nothing is.
      if ((error as { code?: string }).code === "ABORT_ERR") throw new UsageError("cancelled (Ctrl-C): nothing was written");
      throw error;
    } finally {
      rl.close();
    }
  }
  return {
    async ask(question, choices = [], valid) {
      for (;;) {
        const answer = await askOnce(question, choices);
        const problem = answer === undefined ? undefined : valid?.(answer);
        if (problem === undefined) return answer;
        io.stdout.write(`${displayText(problem)}\n`);
      }
    },
  };
}

/** The message of the usage error a check throws, to say on a terminal before asking again; undefined when it passes. */
function problemOf(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^--([a-z-]+) /, "$1 ");
  }
}

/** The precision a date's form gives: YYYY year, YYYY-MM month, YYYY-MM-DD day. */
function precisionOf(date: string): string {
  return date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
}

function checkDate(flag: string, value: string | undefined): void {
  if (value === undefined) return;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new UsageError(`--${flag} expects a date written YYYY, YYYY-MM or YYYY-MM-DD, got ${inlineValue(value)}`);
  // The right form, but no such day: said apart from a wrong form, with what the month has.
  const why = notOnCalendar(value);
  if (why !== undefined) throw new UsageError(`--${flag} ${inlineValue(value)} is not on the calendar: ${why}`);
}

/** A report's date of publication, as the schema takes it: a full date, or a date-time with its offset. */
function checkPublished(value: string | undefined): void {
  if (value === undefined) return;
  if (!publishedPattern().test(value))
    throw new UsageError(`--published expects YYYY-MM-DD, or a date-time with its offset (2023-02-28T14:05Z, 2023-02-28T14:05:00+01:00), got ${inlineValue(value)}`);
  const why = notOnCalendar(value.slice(0, 10));
  if (why !== undefined) throw new UsageError(`--published ${inlineValue(value)} is not on the calendar: ${why}`);
}

function checkChoice(flag: string, value: string | undefined, choices: readonly string[]): void {
  if (value !== undefined && !choices.includes(value))
    throw new UsageError(`--${flag} must be one of ${choices.join(", ")}; got \`${value}\`.${didYouMean(value, choices)}`);
}

/** The ids in use, by kind, from one listing of data/ (file names are ids). */
async function idsInUse(root: string): Promise<Record<RecordKind, string[]>> {
  const ids: Record<RecordKind, string[]> = { event: [], actor: [], outlet: [] };
  for (const f of await discover(root)) if (f.kind) ids[f.kind].push(idFromPath(f.path));
  return ids;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Why an --actor value is not an actor id (lower-case words joined by -), with what to write instead: the id of
 * the registry entry it names, or the id made from it and the command (quoted) that adds that entry.
 */
function actorIdProblem(actor: string, root: string, ids: readonly string[]): string | undefined {
  if (ID.test(actor)) return undefined;
  const named = readRegistryNames(root).actorsByName.get(nameKey(actor)) ?? [];
  if (named.length === 1) return `--actor ${inlineValue(actor)} is a name, not an id: write its id, \`${named[0]}\``;
  if (named.length > 1) return `--actor ${inlineValue(actor)} is a name, not an id, and could be any of ${named.map((n) => `\`${n}\``).join(", ")}: write the id of the one you mean`;
  const id = slug(actor);
  if (!id) return `--actor ${inlineValue(actor)} is not an id (lower-case words joined by -), and none can be made from it: write the id it should have, e.g. its transliteration`;
  return `--actor ${inlineValue(actor)} is not an id (lower-case words joined by -): write \`${id}\`${ids.includes(id) ? "" : `, and add the actor with \`eventwire new actor --id ${id} --name ${shellQuote(actor)}\``}`;
}

const orMissing = <T>(value: T | undefined): T | typeof MISSING => (value === undefined ? MISSING : value);

/** A draft that cannot be written: every problem found, not the first only (a usage error, exit 2). */
export class DraftProblems extends UsageError {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0]! : `${problems.length} problems; nothing was written:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  }
}

/**
 * Collects the usage errors of the checks it runs, to say them all at once;
 * or, `immediate` (on a terminal, before more questions are asked), throws the first.
 */
class Problems {
  readonly list: string[] = [];
  constructor(private readonly immediate = false) {}
  check(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      if (this.immediate || !isUsageError(error)) throw error;
      this.list.push(error.message);
    }
  }
  add(message: string): void {
    if (this.immediate) throw new UsageError(message);
    this.list.push(message);
  }
}

async function eventDraft(root: string, v: Values, ask: Asker | undefined, warn: (m: string) => void, problems = new Problems(ask !== undefined)): Promise<{ file: string; draft: Draft }> {
  const { actor: actors, outlet: outlets, event: events } = await idsInUse(root);
  const types = EVENT_TYPES.map((t) => t.code);
  const date = v.date ?? (await ask?.ask("Date of the event (YYYY, YYYY-MM or YYYY-MM-DD)", [], (a) => problemOf(() => checkDate("date", a))));
  problems.check(() => checkDate("date", date));
  // A full day may be a day or the Monday of a week: asked on a terminal (Enter: day), as the form's dropdown asks.
  const fullDay = date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const askedPrecision =
    v.precision ??
    (fullDay ? await ask?.ask("Date precision: day, or week for the week that starts that Monday (Enter: day)", ["day", "week"], (a) => problemOf(() => checkChoice("precision", a, ["day", "week"]))) : undefined);
  problems.check(() => checkDate("end", v.end));
  problems.check(() => checkPublished(v.published));
  problems.check(() => checkChoice("precision", v.precision, DATE_PRECISIONS));
  const type = (v.type ?? (await ask?.ask("Event type", types, (a) => problemOf(() => checkChoice("type", a.toUpperCase(), types)))))?.toUpperCase();
  problems.check(() => checkChoice("type", type, types));
  const modes = EVENT_TYPES.find((t) => t.code === type)?.modes.map((m) => m.code) ?? [];
  const mode = v.mode ?? (modes.length > 0 ? await ask?.ask("Mode", modes, (a) => problemOf(() => checkChoice("mode", a, modes))) : undefined);
  // A mode is checked against a known type only (a wrong type is said once, not again through its mode).
  if (mode !== undefined && (type === undefined || types.includes(type))) problems.check(() => checkChoice("mode", mode, modes.length > 0 ? modes : ["(none: this type has no modes)"]));
  let actorArgs = v.actor ?? [];
  const actorProblem = (a: string) => actorIdProblem(a.split(":")[0]!, root, actors);
  if (actorArgs.length === 0 && ask) {
    for (let i = 0; ; i++) {
      const a = await ask.ask(i === 0 ? "Actor id (initiator)" : "Another actor id (Enter when done)", actors, actorProblem);
      if (a === undefined) break;
      actorArgs.push(a);
    }
  }
  actorArgs = actorArgs.filter(Boolean);
  const actorList = actorArgs.map((a, i) => {
    const [actor, role = i === 0 ? "initiator" : "recipient"] = a.split(":");
    problems.check(() => checkChoice("actor role", role, ROLES));
    const notAnId = actorProblem(actor!);
    if (notAnId !== undefined) problems.add(notAnId);
    else if (!actors.includes(actor!)) warn(`\`${actor}\` is not in data/actors/ yet: add it with \`eventwire new actor --id ${actor} --name <its name>\`.${didYouMean(actor!, actors)}`);
    return { actor: actor!, role };
  });
  const country = (
    v.country ?? (await ask?.ask("Country of the event (ISO alpha-3)", countryCodes(), (a) => (isCountryCode(a.toUpperCase()) ? undefined : `\`${a}\` is not an ISO 3166-1 alpha-3 code.${didYouMean(a.toUpperCase(), countryCodes())}`)))
  )?.toUpperCase();
  if (country !== undefined && !isCountryCode(country)) problems.add(`--country: \`${country}\` is not an ISO 3166-1 alpha-3 code.${didYouMean(country, countryCodes())}`);
  const place = v.place ?? (await ask?.ask("Place name (as the source gives it; Enter for the country only)"));
  // A place named: how precisely is asked, not guessed (a city? a region?); the country alone is `country`.
  const placeChoices = LOCATION_PRECISIONS.filter((p) => p !== "country");
  const placePrecision =
    v["place-precision"] ??
    (place !== undefined
      ? await ask?.ask("Place precision (what the place is)", placeChoices, (a) => problemOf(() => checkChoice("place-precision", a, placeChoices)))
      : country
        ? "country"
        : undefined);
  problems.check(() => checkChoice("place-precision", placePrecision, LOCATION_PRECISIONS));
  const outlet = v.outlet ?? (await ask?.ask("Outlet that published the report", outlets));
  if (outlet !== undefined && !outlets.includes(outlet)) warn(`\`${outlet}\` is not in data/outlets/ yet: add it with \`eventwire new outlet --id ${outlet} --name <its name>\`.${didYouMean(outlet, outlets)}`);
  const url = v.url ?? (await ask?.ask("Address of the report"));
  const headline = v.headline ?? (await ask?.ask("Headline of the report"));
  const published = v.published ?? (await ask?.ask("Date the report was published (YYYY-MM-DD, or a date-time with offset)", [], (a) => problemOf(() => checkPublished(a))));
  if (v.published === undefined) problems.check(() => checkPublished(published));
  const language = v.language ?? (await ask?.ask("Language of the report (en, de, ...)"));
  const title = v.title ?? (await ask?.ask("Title, in your own words"));
  const summary = v.summary ?? (await ask?.ask("Summary, one to three sentences in your own words"));
  const coder = v.coder ?? (await ask?.ask("Your handle (GitHub user name)"));

  // The record of an issue keeps its id over every run for that issue (an edit after the pull request exists updates it).
  const id = v["issue-number"] !== undefined ? eventIdFor(`issue-${v["issue-number"]}`, new Set(events)) : mintEventId(new Set(events));
  const precision = askedPrecision ?? (date ? precisionOf(date) : undefined);
  // A year-precision date files under January, as the file-name rule says.
  if (!date) problems.add("an event needs --date: its folder (data/events/YYYY/MM/) follows from it");
  const checked = { title, summary, headline, date, end: v.end, url, language };
  for (const problem of blockingChecks(checked)) problems.add(problem);
  if (problems.list.length > 0 || !date) {
    // Refused: what validate would find in the values given is said now too, so that one edit corrects everything.
    for (const problem of draftChecks(checked)) if (!problems.list.includes(problem)) problems.list.push(problem);
    throw new DraftProblems(problems.list);
  }
  const draft: Draft = {
    schema_version: LATEST_VERSION,
    id,
    status: "active",
    title: orMissing(title),
    summary: orMissing(summary),
    date: { start: orMissing(date), end: v.end, precision: orMissing(precision) },
    event_type: orMissing(type),
    mode,
    actors: actorList.length > 0 ? actorList : [{ actor: MISSING, role: "initiator" }],
    // A location given by its country alone is named after it (the English name of the ISO code).
    locations: [{ name: orMissing(place ?? (country && placePrecision === "country" ? countryName(country) : undefined)), country: orMissing(country), precision: orMissing(placePrecision) }],
    // Only the source's required fields (outlet, language) are marked when not given: the headline, the address, the
    // date of publication and the wire services are optional, and one left out is no error to clear by guessing.
    sources: [{ outlet: orMissing(outlet), via: v.via && v.via.length > 0 ? v.via : undefined, title: headline, url, published, language: orMissing(language) }],
    provenance: { coded_by: coder ? [coder] : [MISSING], coded_at: todayUtc(), method: "manual" },
  };
  return { file: `${eventFolder(date)}/${id}.yaml`, draft };
}

async function registryDraft(kind: "actor" | "outlet", v: Values, ask: Asker | undefined): Promise<{ file: string; draft: Draft }> {
  const kinds = kind === "actor" ? ACTOR_KINDS : OUTLET_KINDS;
  const name = v.name ?? (await ask?.ask(kind === "actor" ? "Name (as commonly written in English)" : "Name of the outlet"));
  const fromName = name ? slug(name) : undefined;
  if (v.id === undefined && name !== undefined && !fromName)
    throw new UsageError(`no id can be made from the name \`${name}\` (ids use a-z, 0-9 and -): give one with --id, e.g. its transliteration`);
  const id = v.id ?? fromName ?? (await ask?.ask("Id (lower-case words joined by -)"));
  if (!id) throw new UsageError(`a new ${kind} needs --id (or --name to make it from)`);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new UsageError(`--id must be lower-case words joined by -, e.g. \`antony-blinken\`; got \`${id}\``);
  const recordKind = v.kind ?? (await ask?.ask("Kind", kinds));
  checkChoice("kind", recordKind, kinds);
  const country = (v.country ?? (await ask?.ask("Country (ISO alpha-3)", countryCodes())))?.toUpperCase();
  if (country !== undefined && !isCountryCode(country)) throw new UsageError(`--country: \`${country}\` is not an ISO 3166-1 alpha-3 code.${didYouMean(country, countryCodes())}`);
  const draft: Draft =
    kind === "actor"
      ? { schema_version: LATEST_VERSION, id, name: orMissing(name), kind: orMissing(recordKind), country, aliases: v.alias }
      : {
          schema_version: LATEST_VERSION,
          id,
          name: orMissing(name),
          kind: orMissing(recordKind),
          country: orMissing(country),
          domains: v.domain && v.domain.length > 0 ? v.domain : [MISSING],
        };
  return { file: `${RECORD_FOLDERS[kind]}/${id}.yaml`, draft };
}

export async function newCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  const v = values as Values;
  if (v.help) {
    io.stdout.write((positionals[0] === "text" ? NEW_TEXT_USAGE : NEW_USAGE) + "\n");
    return EXIT.ok;
  }
  const [kind, ...extra] = positionals;
  if (kind === "text") {
    if (extra.length > 0) throw new UsageError(`unexpected \`${extra.join(" ")}\` (values go after their flags, e.g. --url "...")`);
    const others = Object.keys(v).filter((k) => !NEW_TEXT_FLAGS.has(k));
    if (others.length > 0) throw new UsageError(`new text takes ${[...NEW_TEXT_FLAGS].filter((f) => f !== "help" && f !== "no-input").map((f) => `--${f}`).join(", ")}; leave out ${others.map((k) => `--${k}`).join(", ")}`);
    return newTextCommand(v, io);
  }
  for (const flag of ["file", "texts", "captured", "note"] as const)
    if (v[flag] !== undefined) throw new UsageError(`--${flag} goes with new text (eventwire new text --url <url> --file <page.txt>)`);
  if (v["from-issue"] !== undefined) return fromIssue(kind, extra, v, io);
  if (v.report !== undefined) throw new UsageError("--report goes with --from-issue (the comment for the issue)");
  if (v["issue-number"] !== undefined) throw new UsageError("--issue-number goes with --from-issue (the issue the record comes from)");
  if (kind !== "event" && kind !== "actor" && kind !== "outlet") throw new UsageError(`say what to create: eventwire new event|actor|outlet|text\n\n${NEW_USAGE}`);
  if (extra.length > 0) throw new UsageError(`unexpected \`${extra.join(" ")}\` (values go after their flags, e.g. --title "...")`);
  const root = datasetRoot(io.cwd, v.root);
  const ask = v["no-input"] ? undefined : terminalAsker(io);
  const warnings: string[] = [];
  const { file, draft } = kind === "event" ? await eventDraft(root, v, ask, (m) => warnings.push(m)) : await registryDraft(kind, v, ask);
  const text = writeRecord(root, kind, file, draft);
  for (const w of warnings) io.stderr.write(`note: ${displayText(w)}\n`);
  io.stdout.write(`Created ${file}\n`);
  io.stdout.write(nextStep(file, text));
  return EXIT.ok;
}

/** Writes a new record (never over a file), with the editor's schema line first; returns its text. */
function writeRecord(root: string, kind: RecordKind, file: string, draft: Draft): string {
  // The editor's schema (the YAML language server: VS Code, Neovim, JetBrains, Helix): errors show as the record is typed.
  const schemaFile = path.relative(path.dirname(path.join(root, file)), path.join(TOOLKIT_ROOT, jsonSchemaPath(LATEST_VERSION, kind))).split(path.sep).join("/");
  const text = `# yaml-language-server: $schema=${schemaFile}\n\n${scaffoldText(kind, draft)}`;
  assertNoLinkOnPath(root, file);
  if (!writeFileExclusive(path.join(root, file), text))
    throw new UsageError(`${file} exists already; a record is never overwritten (edit it, or choose another id)`);
  return text;
}

function nextStep(file: string, text: string): string {
  const missing = (text.match(/# required:/g) ?? []).length;
  return missing > 0
    ? `Next: fill in the ${missing === 1 ? "field" : `${missing} fields`} marked "required", then run: npm run validate -- ${file}\n`
    : `Next: check it against the source, then run: npm run validate -- ${file}\n`;
}

/** The flags --from-issue takes beside it: the rest come from the issue. */
const FROM_ISSUE_FLAGS = new Set(["from-issue", "report", "coder", "root", "no-input", "issue-number"]);

/**
 * `new event --from-issue FILE`: the record a submitted issue form asks for,
 * made as the flags would make it (the same checks; every problem said at
 * once, nothing written). With --report, a Markdown comment for the issue:
 * written whether or not a record was made, so the contributor learns why.
 */
async function fromIssue(kind: string | undefined, extra: string[], v: Values, io: CommandIO): Promise<number> {
  if (kind !== "event") throw new UsageError("--from-issue makes an event: eventwire new event --from-issue <file>");
  if (extra.length > 0) throw new UsageError(`unexpected \`${extra.join(" ")}\``);
  const others = Object.keys(v).filter((k) => !FROM_ISSUE_FLAGS.has(k));
  if (others.length > 0) throw new UsageError(`--from-issue takes the record's values from the issue; leave out ${others.map((k) => `--${k}`).join(", ")}`);
  const issueNumber = v["issue-number"];
  if (issueNumber !== undefined && !/^[1-9][0-9]{0,9}$/.test(issueNumber)) throw new UsageError(`--issue-number expects the issue's number, got ${inlineValue(issueNumber)}`);
  const root = datasetRoot(io.cwd, v.root);
  const bodyFile = path.resolve(io.cwd, v["from-issue"]!);
  const read = readText(bodyFile, MAX_ISSUE_BODY_BYTES);
  // The body the comment speaks of: the pull-request job compares it with the body at label time.
  const bodyHash = read.ok ? issueBodyHash(readFileSync(bodyFile)) : undefined;
  const report = (input: Omit<IssueCommentInput, "problems" | "notes"> & { problems?: IssueCommentInput["problems"]; notes: readonly IssueNote[] }) => {
    if (v.report !== undefined) writeOutputFile(path.resolve(io.cwd, v.report), formatIssueComment({ problems: [], bodyHash, ...input }));
  };
  const refuse = (problems: readonly (string | readonly Part[])[], notes: readonly IssueNote[] = []): never => {
    report({ problems, notes });
    throw new DraftProblems(problems.map((p) => (typeof p === "string" ? p : partsPlain(p))));
  };
  // A body that cannot be read as text (too large, not UTF-8, binary) is refused with a comment too: the contributor learns why.
  if (!read.ok)
    refuse([
      read.problem === "too-large"
        ? `the issue body is larger than ${MAX_ISSUE_BODY_BYTES / 1024} KB; a new event needs much less: open a new issue with the form`
        : `cannot read the issue body ${inlineValue(v["from-issue"]!)} (${read.detail})`,
    ]);
  const form = readIssueForm((read as { text: string }).text);
  if (!form.ok) refuse(form.problems);
  const { values, problems: formProblems, notes } = issueValues((form as { form: IssueForm }).form, readRegistryNames(root));
  const problems = new Problems();
  problems.list.push(...formProblems.map(partsPlain));
  const warnings: string[] = [];
  let made: { file: string; draft: Draft };
  try {
    made = await eventDraft(root, { ...(values as Values), coder: v.coder, "issue-number": issueNumber }, undefined, (m) => warnings.push(m), problems);
  } catch (error) {
    if (error instanceof DraftProblems || (isUsageError(error) && "problems" in error)) refuse([...formProblems, ...(error as DraftProblems).problems.slice(formProblems.length).map((p) => withFieldLabels(p))], notes);
    throw error;
  }
  const text = writeRecord(root, "event", made.file, made.draft);
  // What validate finds in the new record (the dataset's configuration and suppressions apply), as its job summary says it.
  const validation = await validateNew(root, made.file, io);
  // The comment has the form's notes only (each unknown actor or outlet once, with no command line for a browser contributor).
  report({ file: made.file, text, notes, validation });
  for (const n of notes) io.stderr.write(`note: ${displayText(partsPlain(n.parts))}\n`);
  for (const w of warnings) io.stderr.write(`note: ${displayText(w)}\n`);
  io.stdout.write(`Created ${made.file}\n`);
  io.stdout.write(validation.code === 0 ? nextStep(made.file, text) : `validate found errors in it: npm run validate -- ${made.file}\n`);
  return validation.code === 0 ? EXIT.ok : EXIT.findings;
}

/** validate on one new file: its exit code, and its findings (the JSON report's), for the issue's comment. */
async function validateNew(root: string, file: string, io: CommandIO): Promise<{ code: number; findings: CommentFinding[] }> {
  const { validateCommand } = await import("./validate.ts");
  let output = "";
  let errors = "";
  const code = await validateCommand([file, "--root", root, "--format", "json"], {
    cwd: root,
    env: io.env,
    stdout: { write: (t: string) => ((output += t), true), isTTY: false },
    stderr: { write: (t: string) => ((errors += t), true), isTTY: false },
  });
  if (code === EXIT.usage) throw new UsageError(`validate could not check ${file}: ${errors.trim()}`);
  const report = JSON.parse(output) as { findings: CommentFinding[] };
  return { code, findings: report.findings.map(({ line, rule, severity, message, hint, pointer }) => ({ line, rule, severity, message, hint, pointer })) };
}
