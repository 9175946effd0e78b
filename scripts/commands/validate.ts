/** `eventwire validate`: checks records and reports findings. */
import { appendFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isCalendarDate } from "../core/dates.ts";
import { SEVERITIES, type Severity } from "../core/finding.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { checkDataset } from "../check/run.ts";
import { discover } from "../dataset/discover.ts";
import { ruleById } from "../rules/index.ts";
import { formatGithub, formatStepSummary } from "../report/github.ts";
import { formatJson } from "../report/json.ts";
import { formatPretty } from "../report/pretty.ts";
import { summarize } from "../report/summary.ts";

export const VALIDATE_USAGE = `Usage: eventwire validate [paths or globs...] [options]

Checks records (all of data/ when no path is given) and reports every finding
at file:line:col with its rule id and how to fix it.

Options:
  --format pretty|json|github
                           report format (default: pretty); github prints
                           workflow commands (annotations on the diff) and,
                           when $GITHUB_STEP_SUMMARY is set, appends a table
                           of every finding to the job summary
  --rule <id>=off|warn|error
                           change a rule's severity (repeatable)
  --max-warnings <N>       fail (exit 1) when there are more than N warnings
  --root <dir>             the dataset's repository (default: current folder)
  -h, --help               show this help

Environment: EVENTWIRE_TODAY=YYYY-MM-DD sets the date that later dates count
as "in the future" (default: today, UTC).

Exit codes: 0 no errors, 1 error-level findings (or too many warnings),
2 usage or internal error.`;

const FORMATS = ["pretty", "json", "github"] as const;

function parseRuleSetting(text: string): [string, Severity | "off"] {
  const m = /^([a-z0-9-]+)=(off|warn|warning|error|info)$/.exec(text);
  if (!m) throw new UsageError(`--rule expects <id>=off|warn|error, got \`${text}\``);
  const id = m[1]!;
  if (!ruleById(id)) throw new UsageError(`--rule: there is no rule \`${id}\` (docs/rules.md lists them)`);
  const level = m[2] === "warn" ? "warning" : (m[2] as Severity | "off");
  if (level !== "off" && !SEVERITIES.includes(level)) throw new UsageError(`--rule: unknown level in \`${text}\``);
  return [id, level];
}

export async function validateCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string" },
      rule: { type: "string", multiple: true },
      "max-warnings": { type: "string" },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(VALIDATE_USAGE + "\n");
    return EXIT.ok;
  }
  const format = values.format ?? "pretty";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got \`${format}\``);
  let maxWarnings = Infinity;
  if (values["max-warnings"] !== undefined) {
    if (!/^\d+$/.test(values["max-warnings"])) throw new UsageError("--max-warnings expects a whole number");
    maxWarnings = Number(values["max-warnings"]);
  }
  const settings = new Map((values.rule ?? []).map(parseRuleSetting));
  const root = path.resolve(io.cwd, values.root ?? ".");
  const files = await discover(root, positionals, io.cwd);
  if (positionals.length > 0 && files.length === 0)
    throw new UsageError(`no files match ${positionals.map((p) => `\`${p}\``).join(", ")}`);
  const today = io.env.EVENTWIRE_TODAY;
  if (today !== undefined && (today.length !== 10 || !isCalendarDate(today)))
    throw new UsageError(`EVENTWIRE_TODAY must be a date written YYYY-MM-DD, got \`${today}\``);
  const result = await checkDataset(root, files, { settings, today });
  const summary = summarize(result.findings, result.files, result.records);
  if (format === "json") io.stdout.write(formatJson(result.findings, summary));
  else if (format === "github") {
    io.stdout.write(formatGithub(result.findings, summary));
    const target = io.env.GITHUB_STEP_SUMMARY;
    if (target) {
      try {
        appendFileSync(target, formatStepSummary(result.findings, summary));
      } catch (error) {
        io.stderr.write(`could not write the job summary to ${target}: ${(error as Error).message}\n`);
      }
    }
  } else
    io.stdout.write(
      formatPretty(result.findings, summary, {
        color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR,
        source: (file) => result.sources.get(file),
      }),
    );
  if (summary.errors > 0) return EXIT.findings;
  if (summary.warnings > maxWarnings) {
    io.stderr.write(`${summary.warnings} warnings exceed --max-warnings ${maxWarnings}.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
