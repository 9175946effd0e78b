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
import { isCalendarDate, todayUtc } from "../core/dates.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { didYouMean } from "../core/suggest.ts";
import { displayText } from "../core/escape.ts";
import { writeFileExclusive } from "../core/write.ts";
import { discover, eventFolder, idFromPath, RECORD_FOLDERS } from "../dataset/discover.ts";
import { mintEventId, slug } from "../dataset/mint-id.ts";
import { MISSING, scaffoldText, type Draft } from "../dataset/scaffold.ts";
import { assertNoLinkOnPath, datasetRoot } from "../dataset/root.ts";

export const NEW_USAGE = `Usage: eventwire new event|actor|outlet [options]

Writes a new record in its folder, with a fresh id for an event. Fields you
do not give are left empty and marked "required"; fill them in, then run
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
  --outlet ID [--via ID ...] --url URL --headline TEXT --published YYYY-MM-DD
  --language TAG            the report's language (BCP 47: en, de, pt-BR)
  --title TEXT --summary TEXT --coder HANDLE
Actor options:  --id ID --name NAME --kind ${ACTOR_KINDS.join("|")}
                --country CODE --alias NAME ...
Outlet options: --id ID --name NAME --kind ${OUTLET_KINDS.join("|")}
                --country CODE --domain DOMAIN ...
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
  "no-input": { type: "boolean" },
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
  if (value !== undefined && !(/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) && isCalendarDate(value)))
    throw new UsageError(`--${flag} expects a date written YYYY, YYYY-MM or YYYY-MM-DD, got \`${value}\``);
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

const orMissing = <T>(value: T | undefined): T | typeof MISSING => (value === undefined ? MISSING : value);

async function eventDraft(root: string, v: Values, ask: Asker | undefined, warn: (m: string) => void): Promise<{ file: string; draft: Draft }> {
  const { actor: actors, outlet: outlets, event: events } = await idsInUse(root);
  const types = EVENT_TYPES.map((t) => t.code);
  const date = v.date ?? (await ask?.ask("Date of the event (YYYY, YYYY-MM or YYYY-MM-DD)", [], (a) => problemOf(() => checkDate("date", a))));
  checkDate("date", date);
  checkDate("end", v.end);
  checkDate("published", v.published);
  checkChoice("precision", v.precision, DATE_PRECISIONS);
  const type = (v.type ?? (await ask?.ask("Event type", types, (a) => problemOf(() => checkChoice("type", a.toUpperCase(), types)))))?.toUpperCase();
  checkChoice("type", type, types);
  const modes = EVENT_TYPES.find((t) => t.code === type)?.modes.map((m) => m.code) ?? [];
  const mode = v.mode ?? (modes.length > 0 ? await ask?.ask("Mode", modes, (a) => problemOf(() => checkChoice("mode", a, modes))) : undefined);
  if (mode !== undefined) checkChoice("mode", mode, modes.length > 0 ? modes : ["(none: this type has no modes)"]);
  let actorArgs = v.actor ?? [];
  if (actorArgs.length === 0 && ask) {
    for (let i = 0; ; i++) {
      const a = await ask.ask(i === 0 ? "Actor id (initiator)" : "Another actor id (Enter when done)", actors);
      if (a === undefined) break;
      actorArgs.push(a);
    }
  }
  actorArgs = actorArgs.filter(Boolean);
  const actorList = actorArgs.map((a, i) => {
    const [actor, role = i === 0 ? "initiator" : "recipient"] = a.split(":");
    checkChoice("actor role", role, ROLES);
    if (!actors.includes(actor!)) warn(`\`${actor}\` is not in data/actors/ yet: add it (eventwire new actor --id ${actor}).${didYouMean(actor!, actors)}`);
    return { actor: actor!, role };
  });
  const country = (
    v.country ?? (await ask?.ask("Country of the event (ISO alpha-3)", countryCodes(), (a) => (isCountryCode(a.toUpperCase()) ? undefined : `\`${a}\` is not an ISO 3166-1 alpha-3 code.${didYouMean(a.toUpperCase(), countryCodes())}`)))
  )?.toUpperCase();
  if (country !== undefined && !isCountryCode(country)) throw new UsageError(`--country: \`${country}\` is not an ISO 3166-1 alpha-3 code.${didYouMean(country, countryCodes())}`);
  const place = v.place ?? (await ask?.ask("Place name (as the source gives it; Enter for the country only)"));
  const placePrecision = v["place-precision"] ?? (place === undefined ? (country ? "country" : undefined) : undefined);
  checkChoice("place-precision", placePrecision, LOCATION_PRECISIONS);
  const outlet = v.outlet ?? (await ask?.ask("Outlet that published the report", outlets));
  if (outlet !== undefined && !outlets.includes(outlet)) warn(`\`${outlet}\` is not in data/outlets/ yet: add it (eventwire new outlet --id ${outlet}).${didYouMean(outlet, outlets)}`);
  const url = v.url ?? (await ask?.ask("Address of the report"));
  const headline = v.headline ?? (await ask?.ask("Headline of the report"));
  const published = v.published ?? (await ask?.ask("Date the report was published (YYYY-MM-DD)", [], (a) => problemOf(() => checkDate("published", a))));
  checkDate("published", published);
  const language = v.language ?? (await ask?.ask("Language of the report (en, de, ...)"));
  const title = v.title ?? (await ask?.ask("Title, in your own words"));
  const summary = v.summary ?? (await ask?.ask("Summary, one to three sentences in your own words"));
  const coder = v.coder ?? (await ask?.ask("Your handle (GitHub user name)"));

  const id = mintEventId(new Set(events));
  const precision = v.precision ?? (date ? precisionOf(date) : undefined);
  // A year-precision date files under January, as the file-name rule says.
  if (!date) throw new UsageError("an event needs --date: its folder (data/events/YYYY/MM/) follows from it");
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
    sources: [{ outlet: orMissing(outlet), via: v.via, title: orMissing(headline), url, published: orMissing(published), language: orMissing(language) }],
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
    io.stdout.write(NEW_USAGE + "\n");
    return EXIT.ok;
  }
  const [kind, ...extra] = positionals;
  if (kind !== "event" && kind !== "actor" && kind !== "outlet") throw new UsageError(`say what to create: eventwire new event|actor|outlet\n\n${NEW_USAGE}`);
  if (extra.length > 0) throw new UsageError(`unexpected \`${extra.join(" ")}\` (values go after their flags, e.g. --title "...")`);
  const root = datasetRoot(io.cwd, v.root);
  const ask = v["no-input"] ? undefined : terminalAsker(io);
  const warnings: string[] = [];
  const { file, draft } = kind === "event" ? await eventDraft(root, v, ask, (m) => warnings.push(m)) : await registryDraft(kind, v, ask);
  // The editor's schema (the YAML language server: VS Code, Neovim, JetBrains, Helix): errors show as the record is typed.
  const schemaFile = path.relative(path.dirname(path.join(root, file)), path.join(TOOLKIT_ROOT, jsonSchemaPath(LATEST_VERSION, kind))).split(path.sep).join("/");
  const text = `# yaml-language-server: $schema=${schemaFile}\n\n${scaffoldText(kind, draft)}`;
  assertNoLinkOnPath(root, file);
  if (!writeFileExclusive(path.join(root, file), text))
    throw new UsageError(`${file} exists already; a record is never overwritten (edit it, or choose another id)`);
  for (const w of warnings) io.stderr.write(`note: ${w}\n`);
  const missing = (text.match(/# required:/g) ?? []).length;
  io.stdout.write(`Created ${file}\n`);
  io.stdout.write(
    missing > 0
      ? `Next: fill in the ${missing === 1 ? "field" : `${missing} fields`} marked "required", then run: npm run validate -- ${file}\n`
      : `Next: check it against the source, then run: npm run validate -- ${file}\n`,
  );
  return EXIT.ok;
}
