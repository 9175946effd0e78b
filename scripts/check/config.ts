/**
 * eventwire.config.yaml as the check applies it (issue 18, "Configuration"):
 * found at the dataset's root (or where --config points), read as a record
 * is (no link followed, no FIFO opened, at most 1 MiB), judged by its own
 * rules (config-*: their findings are reported with the run's other
 * findings, never ignored, never set by the configuration itself), and
 * applied in what it says right:
 *
 * - `rules` and `overrides`: the check runs a rule when it is on for any path
 *   (workerSettings), then each finding's severity is set for its file
 *   (severityFor; dropped where the rule is off): `--rule` wins, then the last
 *   override whose `files` match the file, then `rules`, then the rule's own;
 * - `ignores`: files that are not listed, not checked, not compared (see withoutIgnored);
 * - `validate`: the defaults of validate's options (a flag given wins).
 */
import path from "node:path";
import type { Finding } from "../core/finding.ts";
import { UsageError } from "../core/io.ts";
import { existsOrLink } from "../core/regular-file.ts";
import { inlineValue } from "../core/escape.ts";
import { LineIndex } from "../dataset/lines.ts";
import { pathAt, type DatasetFile, type Files } from "../dataset/listing.ts";
import { MAX_FILE_BYTES, readText, type ReadResult } from "../dataset/read.ts";
import { compileGlob } from "../rules/config/glob.ts";
import { CONFIG_FILE, emptySettings, readConfigText, type ConfigSettings, type Level, type ValidateDefaults } from "../rules/config/read.ts";
import { CONFIG_RULES, ruleById } from "../rules/index.ts";
import { defaultLevel } from "../rules/types.ts";
import { toFinding, type RuleSettings } from "./file.ts";

export { CONFIG_FILE, type Level };

export interface LoadedConfig {
  /** The configuration's path as findings name it (from the dataset's root, `/`-separated); undefined when there is none. */
  file?: string;
  /** What it sets that is right (what is wrong left out); empty when there is no configuration. */
  settings: ConfigSettings;
  /** Its own rules' findings (config-*): reported with the run's, whatever the configuration says. */
  findings: Finding[];
  /** Its lines, for the code frames of those findings. */
  lines?: LineIndex;
  /** The severity of a rule for a file (a path from the dataset's root): `--rule`, the last matching override, `rules`, the rule's own. */
  severityFor(rule: string, file: string): Level;
  /** Whether `ignores` leaves the file out. */
  ignored(file: string): boolean;
  /** `ignores` holds a glob that applies. */
  readonly ignores: boolean;
  /** The settings the check runs with: each rule that is on for some path, at a severity it has somewhere (severityFor sets each finding's after). */
  workerSettings: RuleSettings;
  /** validate's defaults from the configuration. */
  validate: ValidateDefaults;
}

/**
 * Finds and reads the configuration: `option` (--config, a path from `cwd`;
 * a file that is not there is a usage error) or eventwire.config.yaml at the
 * root (none there: no configuration). `cli`: the severities of --rule.
 */
export function loadConfig(root: string, cwd: string, option: string | undefined, cli: RuleSettings): LoadedConfig {
  let absolute: string;
  if (option !== undefined) {
    if (option === "") throw new UsageError("--config needs a file name");
    absolute = path.resolve(cwd, option);
    if (!existsOrLink(absolute)) throw new UsageError(`--config: there is no file at ${inlineValue(absolute)}`);
  } else {
    absolute = path.join(root, CONFIG_FILE);
    if (!existsOrLink(absolute)) return configOf(emptySettings(), cli, {});
  }
  const file = path.relative(root, absolute).split(path.sep).join("/") || CONFIG_FILE;
  // As a record is read: a symbolic link is refused (never followed), a FIFO or device never opened, at most 1 MiB, strict UTF-8.
  const read: ReadResult = readText(absolute, MAX_FILE_BYTES);
  const findings: Finding[] = [];
  const entry: DatasetFile = { path: file, root, kind: null, format: "yaml" };
  for (const rule of CONFIG_RULES) {
    const level = cli.get(rule.meta.id) ?? defaultLevel(rule.meta);
    if (level === "off") continue;
    for (const issue of rule.check({ file: entry, read })) findings.push(toFinding(rule, level, file, issue));
  }
  const settings = read.ok ? readConfigText(read.text).settings : emptySettings();
  return configOf(settings, cli, { file, findings, ...(read.ok ? { lines: new LineIndex(read.text) } : {}) });
}

function configOf(settings: ConfigSettings, cli: RuleSettings, found: { file?: string; findings?: Finding[]; lines?: LineIndex }): LoadedConfig {
  const matcher = (globs: readonly string[]) => {
    const matchers = globs.flatMap((g) => {
      const compiled = compileGlob(g);
      return "match" in compiled ? [compiled.match] : [];
    });
    return (file: string) => matchers.some((m) => m(file));
  };
  const overrides = settings.overrides.map((o) => ({ match: matcher(o.files), rules: o.rules, any: o.files.length > 0 }));
  const ignoredBy = matcher(settings.ignores);
  // A rule that is off by default (record-layout) is off unless --rule or the configuration sets its level.
  const own = (rule: string): Level => {
    const meta = ruleById(rule)?.meta;
    return meta ? defaultLevel(meta) : "error";
  };
  const severityFor = (rule: string, file: string): Level => {
    const flag = cli.get(rule);
    if (flag !== undefined) return flag;
    // The last override that sets the rule and matches the file; only those that set it are matched (a regular expression or two each).
    for (let k = overrides.length - 1; k >= 0; k--) {
      const level = overrides[k]!.rules.get(rule);
      if (level !== undefined && overrides[k]!.match(file)) return level;
    }
    return settings.rules.get(rule) ?? own(rule);
  };
  // The check's settings: --rule as given; a rule the configuration sets, at its base severity when that is on, else at the first override's that turns it on.
  const worker = new Map(cli);
  const set = new Set([...settings.rules.keys(), ...overrides.flatMap((o) => [...o.rules.keys()])]);
  for (const rule of set) {
    if (worker.has(rule)) continue;
    const base = settings.rules.get(rule) ?? own(rule);
    const on = base !== "off" ? base : overrides.map((o) => (o.any ? o.rules.get(rule) : undefined)).find((l) => l !== undefined && l !== "off");
    worker.set(rule, on ?? "off");
  }
  return {
    ...found,
    findings: found.findings ?? [],
    settings,
    severityFor,
    ignored: ignoredBy,
    ignores: settings.ignores.length > 0,
    workerSettings: worker,
    validate: settings.validate,
  };
}

/**
 * The findings of the check with the configuration's severity for each one's
 * file (dropped where the rule is off there), then the configuration's own.
 * Without rules or overrides in the configuration, the check's severities stand.
 */
export function applyConfig(findings: Finding[], config: LoadedConfig): Finding[] {
  const { settings } = config;
  let out = findings;
  if (settings.rules.size > 0 || settings.overrides.length > 0) {
    out = [];
    for (const f of findings) {
      const level = config.severityFor(f.rule, f.file);
      if (level === "off") continue;
      f.severity = level;
      out.push(f);
    }
  }
  return config.findings.length > 0 ? [...out, ...config.findings] : out;
}

/**
 * `files` without what `ignores` leaves out (the same object when it leaves
 * out nothing): a listing stays a listing (indices into it, no entry made a file).
 */
export function withoutIgnored<F extends Files>(files: F, config: LoadedConfig): F | Files {
  if (!config.ignores) return files;
  const kept: number[] = [];
  for (let i = 0; i < files.length; i++) if (!config.ignored(pathAt(files, i))) kept.push(i);
  if (kept.length === files.length) return files;
  return new Subset(files, Uint32Array.from(kept));
}

/** Some files of a listing, by their indices in it (in its order, so sorted by path as it is). */
class Subset implements Files {
  readonly length: number;
  constructor(
    private readonly inner: Files,
    private readonly kept: Uint32Array,
  ) {
    this.length = kept.length;
  }
  at(index: number): DatasetFile | undefined {
    return index >= 0 && index < this.length ? this.inner.at(this.kept[index]!) : undefined;
  }
  *[Symbol.iterator](): Iterator<DatasetFile> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

/** What `--print-config <file>` prints (ESLint's): the severity of every rule for that file, validate's defaults, and whether it is ignored. */
export function printedConfig(config: LoadedConfig, file: string, ruleIds: readonly string[]): string {
  const rules: Record<string, string> = {};
  for (const id of ruleIds) {
    const level = config.severityFor(id, file);
    rules[id] = level === "warning" ? "warn" : level;
  }
  return JSON.stringify({ file, config: config.file ?? null, ignored: config.ignored(file), rules, validate: config.validate }, null, 2) + "\n";
}

/** An event locator that does not find what `ignores` leaves out. */
export function locatorWithoutIgnored<L extends { inFolder(folder: string): DatasetFile[]; withIds(ids: ReadonlySet<string>): DatasetFile[] }>(locator: L, config: LoadedConfig): L {
  if (!config.ignores) return locator;
  const keep = (files: DatasetFile[]) => files.filter((f) => !config.ignored(f.path));
  return { ...locator, inFolder: (folder: string) => keep(locator.inFolder(folder)), withIds: (ids: ReadonlySet<string>) => keep(locator.withIds(ids)) };
}
