/** `eventwire sample`: a reproducible random sample of the dataset's events, for a blind check. */
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadEvents } from "../agreement/dataset.ts";
import { displayText, inlineValue } from "../core/escape.ts";
import { describeError } from "../core/regular-file.ts";
import { hash53 } from "../core/hash.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { listData } from "../dataset/discover.ts";
import { datasetEvents } from "../dataset/listing.ts";
import { datasetRoot } from "../dataset/root.ts";

export const SAMPLE_USAGE = `Usage: eventwire sample [--seed S] [--count N] [--exclude FILE ...] [options]

Draws events at random for a blind check: a reviewer reads each sampled
record against the pages it cites. The population is the active events of
data/events/ (tombstones and second codings left out), less any id an
--exclude file names. Each event is ranked by a hash of the seed and its id,
and the first N of the ranking are the sample, printed in ranking order: the
same seed over the same dataset gives the same sample on every machine, an
event added later never reorders the others (it only enters the ranking),
and the first 20 of a sample of 40 are the sample of 20. Without --seed a
seed is drawn and named on stderr, so that the draw can be repeated.

Options:
  --seed <text>            the seed (any text; give the one a check used to draw its sample again)
  --count <n>              how many events (default: 20)
  --exclude <file>         ids to leave out, one a line (an id, or a record's path; # starts a comment):
                           the records an earlier check read. Repeatable.
  --format paths|ids|json  (default: paths, relative to the root)
  --root <dir>             the dataset's repository (default: current folder)
  -h, --help               show this help

Exit codes: 0 sample written, 1 a record could not be read as an event (it
is named on stderr and left out of the population), 2 usage or internal error.`;

export interface Drawn {
  id: string;
  path: string;
}

/** Where `id` ranks under `seed`: a 53-bit hash of both, lowest first. */
export const rankOf = (seed: string, id: string): number => hash53(`${seed}\u0000${id}`);

/** The first `count` of `events` ranked under `seed` (ties, never seen in practice, by id). */
export function draw(events: readonly Drawn[], seed: string, count: number): Drawn[] {
  return events
    .map((e) => ({ e, rank: rankOf(seed, e.id) }))
    .sort((a, b) => a.rank - b.rank || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0))
    .slice(0, count)
    .map((r) => r.e);
}

/** The ids an exclude file names: one a line, an id or a record's path (its file name without extension); `#` starts a comment. */
export function excludedIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") continue;
    for (const token of line.split(/\s+/)) ids.add(path.basename(token.replaceAll("\\", "/")).replace(/\.(ya?ml|json)$/i, ""));
  }
  return ids;
}

export async function sampleCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      seed: { type: "string" },
      count: { type: "string", default: "20" },
      exclude: { type: "string", multiple: true, default: [] },
      format: { type: "string", default: "paths" },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(SAMPLE_USAGE + "\n");
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`sample takes no files (it draws from the dataset's events): ${inlineValue(positionals[0]!)}`);
  const count = Number(values.count);
  if (!/^\d+$/.test(values.count!) || !Number.isSafeInteger(count) || count < 1) throw new UsageError(`--count expects a whole number of 1 or more, got ${inlineValue(values.count!)}`);
  const format = values.format!;
  if (!["paths", "ids", "json"].includes(format)) throw new UsageError(`--format expects paths, ids or json, got ${inlineValue(format)}`);
  if (values.seed === "") throw new UsageError("--seed expects some text (a number or a word)");

  const excluded = new Set<string>();
  for (const file of values.exclude!) {
    let text: string;
    try {
      text = readFileSync(path.resolve(io.cwd, file), "utf8");
    } catch (error) {
      throw new UsageError(`cannot read the exclude file ${inlineValue(file)}: ${describeError(error)}`);
    }
    for (const id of excludedIds(text)) excluded.add(id);
  }

  const root = datasetRoot(io.cwd, values.root);
  // Records, neither links nor what could not be listed (validate reports those), read as agreement --dataset reads them.
  const { events, problems } = loadEvents(datasetEvents(listData(root)).filter((f) => f.format !== null && !f.symlink && !f.unread));
  for (const p of problems) io.stderr.write(`${displayText(p)}\n`);
  const active = events.filter((e) => e.event.status === "active");
  const population: Drawn[] = active.filter((e) => !excluded.has(e.event.id)).map((e) => ({ id: e.event.id, path: e.file }));
  const left = active.length - population.length;

  const seed = values.seed ?? String(randomInt(1, 2 ** 31));
  if (values.seed === undefined) io.stderr.write(`seed ${seed} (give --seed ${seed} to draw this sample again)\n`);
  if (count > population.length)
    io.stderr.write(`asked for ${count} events, the population holds ${population.length}${left > 0 ? ` (${left} excluded)` : ""}: all of them are printed\n`);
  const sample = draw(population, seed, count);
  if (format === "json")
    io.stdout.write(JSON.stringify({ seed, population: population.length, excluded: left, events: sample }, null, 2) + "\n");
  else io.stdout.write(sample.map((e) => displayText(format === "ids" ? e.id : e.path) + "\n").join(""));
  return problems.length > 0 ? EXIT.findings : EXIT.ok;
}
