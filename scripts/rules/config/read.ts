/**
 * Reads eventwire.config.yaml: what it sets, and what is wrong with it. One
 * walk gives both, so that the configuration's rules (config-*) report exactly
 * what the settings leave out: a part that is wrong (a severity that is none,
 * a rule id that is no rule, a glob that cannot be one, a key the file does
 * not have) is not applied; the rest is. A text that cannot be read or does
 * not parse sets nothing.
 *
 * The shape is schema/config.ts's (the published JSON Schema); it is walked by
 * hand here, with a message for each way to get it wrong, since loading zod
 * would cost every run that has a configuration some 150 ms.
 */
import { isObject, segmentsToPointer } from "../../core/pointer.ts";
import { closest } from "../../core/suggest.ts";
import type { Severity } from "../../core/finding.ts";
import { parseRecord, type ParseProblem, type Target } from "../../dataset/parse.ts";
import type { Position } from "../../dataset/lines.ts";
import type { MessageData } from "../types.ts";
import { compileGlob, normalGlob } from "./glob.ts";
import { isConfigRuleId, knownRuleIds } from "./known.ts";

/** The configuration's file name, at the dataset's root. */
export const CONFIG_FILE = "eventwire.config.yaml";

export type Level = Severity | "off";

/** The words a severity may be written in (as `--rule` takes them). */
export const LEVEL_WORDS: Readonly<Record<string, Level>> = { off: "off", info: "info", warn: "warning", warning: "warning", error: "error" };

/** validate's options a configuration may set the defaults of, named after the flags. */
export const VALIDATE_FORMATS = ["pretty", "json", "github", "sarif"] as const;
export interface ValidateDefaults {
  format?: (typeof VALIDATE_FORMATS)[number];
  "max-warnings"?: number;
  "max-diagnostics"?: number;
  verbose?: boolean;
  quiet?: boolean;
}
const VALIDATE_KEYS = ["format", "max-warnings", "max-diagnostics", "verbose", "quiet"] as const;

export interface ConfigOverride {
  /** The globs that were well formed (normalized); an override with none applies to nothing. */
  files: string[];
  rules: Map<string, Level>;
}

/** What a configuration sets (what was wrong left out). */
export interface ConfigSettings {
  rules: Map<string, Level>;
  overrides: ConfigOverride[];
  ignores: string[];
  validate: ValidateDefaults;
}

export const emptySettings = (): ConfigSettings => ({ rules: new Map(), overrides: [], ignores: [], validate: {} });

/** One thing wrong, for the rule `rule` to report. */
export interface ConfigProblem {
  rule: "config-syntax" | "config-schema" | "config-rule" | "config-glob";
  messageId: string;
  data?: MessageData;
  position: Position;
}

export interface ConfigReading {
  settings: ConfigSettings;
  problems: ConfigProblem[];
}

const TOP_KEYS = ["rules", "overrides", "ignores", "validate"];
const OVERRIDE_KEYS = ["files", "rules"];

/** A value as a message names what was found instead. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text \`${value.length > 60 ? value.slice(0, 57) + "..." : value}\``;
  if (typeof value === "boolean") return `\`${value}\``;
  return `the number ${String(value)}`;
}

/** `overrides[0].files[1]`, the way a person reads the place. */
export function placeName(path: readonly (string | number)[]): string {
  let out = "";
  for (const s of path) out += typeof s === "number" ? `[${s}]` : out === "" ? s : `.${s}`;
  return out === "" ? "the configuration" : `\`${out}\``;
}

let last: { text: string; reading: ConfigReading } | undefined;

/** Reads a configuration's text (the last one is kept: each config rule asks for the same). */
export function readConfigText(text: string): ConfigReading {
  if (last?.text === text) return last.reading;
  const reading = readUncached(text);
  last = { text, reading };
  return reading;
}

function readUncached(text: string): ConfigReading {
  const settings = emptySettings();
  const problems: ConfigProblem[] = [];
  const parsed = parseRecord(text, "yaml");
  if (!parsed.ok) {
    problems.push(...syntaxProblems(parsed.problems));
    return { settings, problems };
  }
  const doc = parsed.doc;
  const at = (path: readonly (string | number)[], target: Target = "value") => doc.locate(segmentsToPointer(path), target);
  const problem = (rule: ConfigProblem["rule"], messageId: string, path: readonly (string | number)[], data?: MessageData, target: Target = "value") =>
    problems.push({ rule, messageId, ...(data ? { data } : {}), position: at(path, target) });
  const wrongType = (path: readonly (string | number)[], expected: string, value: unknown) =>
    problem("config-schema", "type", path, { place: path.length === 0 ? "The configuration" : placeName(path), expected, found: describe(value) });
  const unknownKeys = (value: Readonly<Record<string, unknown>>, path: readonly (string | number)[], keys: readonly string[]) => {
    for (const key of Object.keys(value))
      if (!keys.includes(key)) {
        const guess = closest(key, keys).best;
        const data = { key, place: placeName(path), keys: keys.map((k) => `\`${k}\``).join(", ") };
        if (guess !== undefined) problem("config-schema", "unknownKeySuggest", [...path, key], { ...data, suggestion: guess }, "key");
        else problem("config-schema", "unknownKey", [...path, key], data, "key");
      }
  };

  const value = doc.value;
  // An empty file (or one of comments only) sets nothing, and is no mistake.
  if (value === null || value === undefined) return { settings, problems };
  if (!isObject(value)) {
    wrongType([], "a mapping (`key: value` lines)", value);
    return { settings, problems };
  }
  unknownKeys(value, [], TOP_KEYS);
  if ("rules" in value) readRules(value.rules, ["rules"], settings.rules);
  if ("overrides" in value) {
    const list = value.overrides;
    if (!Array.isArray(list)) wrongType(["overrides"], "a list of overrides (each `files:` and `rules:`)", list);
    else
      list.forEach((item: unknown, i) => {
        const path = ["overrides", i];
        if (!isObject(item)) return wrongType(path, "a mapping with `files:` and `rules:`", item);
        unknownKeys(item, path, OVERRIDE_KEYS);
        const rules = new Map<string, Level>();
        if ("rules" in item) readRules(item.rules, [...path, "rules"], rules);
        if (!("files" in item)) {
          problem("config-schema", "missing", path, { place: placeName(path), key: "files" });
          return;
        }
        settings.overrides.push({ files: readGlobs(item.files, [...path, "files"]), rules });
      });
  }
  if ("ignores" in value) settings.ignores = readGlobs(value.ignores, ["ignores"]);
  if ("validate" in value) readValidate(value.validate);
  // In the order of the file, as a reader goes through it.
  problems.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  return { settings, problems };

  function readRules(rules: unknown, path: readonly (string | number)[], into: Map<string, Level>): void {
    if (!isObject(rules)) return void wrongType(path, "a mapping of rule ids to severities (`file-bom: off`)", rules);
    const ids = knownRuleIds();
    for (const [id, level] of Object.entries(rules)) {
      const here = [...path, id];
      let ok = true;
      if (!ids.includes(id)) {
        ok = false;
        const guess = closest(id, ids).best;
        if (guess !== undefined) problem("config-rule", "unknownSuggest", here, { id, suggestion: guess }, "key");
        else problem("config-rule", "unknown", here, { id }, "key");
      } else if (isConfigRuleId(id)) {
        ok = false;
        problem("config-rule", "ownRule", here, { id }, "key");
      }
      const word = typeof level === "string" && Object.hasOwn(LEVEL_WORDS, level) ? LEVEL_WORDS[level] : undefined;
      if (word === undefined) {
        problem("config-schema", "severity", here, { place: placeName(here), found: describe(level) });
        ok = false;
      }
      if (ok) into.set(id, word!);
    }
  }

  function readGlobs(globs: unknown, path: readonly (string | number)[]): string[] {
    if (!Array.isArray(globs)) {
      wrongType(path, "a list of globs (`- data/events/2021/**`)", globs);
      return [];
    }
    const out: string[] = [];
    globs.forEach((glob: unknown, i) => {
      const here = [...path, i];
      if (typeof glob !== "string") return void wrongType(here, "a glob (text)", glob);
      const compiled = compileGlob(glob);
      if ("problem" in compiled) problem("config-glob", compiled.problem.messageId, here, { glob, ...(compiled.problem.data ?? {}) });
      else out.push(normalGlob(glob));
    });
    return out;
  }

  function readValidate(options: unknown): void {
    const path = ["validate"];
    if (!isObject(options)) return void wrongType(path, "a mapping of validate's options (`max-warnings: 0`)", options);
    unknownKeys(options, path, VALIDATE_KEYS);
    const into = settings.validate;
    for (const key of VALIDATE_KEYS) {
      if (!(key in options)) continue;
      const v = options[key];
      const here = [...path, key];
      if (key === "format") {
        if (typeof v === "string" && (VALIDATE_FORMATS as readonly string[]).includes(v)) into.format = v as ValidateDefaults["format"];
        else wrongType(here, `one of ${VALIDATE_FORMATS.map((f) => `\`${f}\``).join(", ")}`, v);
      } else if (key === "max-warnings" || key === "max-diagnostics") {
        if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) into[key] = v;
        else wrongType(here, "a whole number (0 or more)", v);
      } else if (typeof v === "boolean") into[key] = v;
      else wrongType(here, "`true` or `false`", v);
    }
    if (into.verbose && into.quiet) {
      problem("config-schema", "verboseQuiet", [...path, "quiet"], undefined, "key");
      delete into.verbose;
      delete into.quiet;
    }
  }
}

function syntaxProblems(problems: readonly ParseProblem[]): ConfigProblem[] {
  // As the syntax rule of records: the first error is the real one, the parser's later ones mostly its consequences (a repeated key is said each time).
  const repeated = problems.filter((p) => p.kind === "duplicate-key");
  const other = problems.filter((p) => p.kind !== "duplicate-key").slice(0, 1);
  return [
    ...other.map((p): ConfigProblem => ({ rule: "config-syntax", messageId: "syntax", data: { problem: p.message }, position: p.position })),
    ...repeated.map((p): ConfigProblem => ({ rule: "config-syntax", messageId: "duplicateKey", data: { key: p.key ?? "" }, position: p.position })),
  ];
}

