/**
 * The SARIF 2.1.0 report (`validate --format sarif`), for GitHub code scanning
 * and other SARIF viewers. One run; every finding is a result, whatever its
 * severity (info findings are `note`s).
 *
 * - Every rule of the registry is in `tool.driver.rules`, in registry order, so
 *   a rule's `ruleIndex` is the same from run to run.
 * - Locations are relative to the top of the git work tree that holds the
 *   dataset (`uriBaseId` %SRCROOT%, which the upload resolves to the checkout):
 *   a dataset in a subfolder of its repository gets the subfolder in front. Lines and columns are 1-based;
 *   columns count UTF-16 code units (`columnKind: utf16CodeUnits`), as the other
 *   reports and editors do; `endColumn` is the column just past the value.
 * - `partialFingerprints` identify a finding without its line or column: a
 *   hash of the rule, the file, the JSON Pointer and the message (any line or
 *   column number in it left out), and the
 *   finding's rank among identical ones. An edit that moves a finding leaves
 *   its fingerprint, so code scanning tracks the alert instead of opening a new one.
 * - A finding whose rule computed its fix has SARIF's `fixes` (§3.27.30): the
 *   text edits `validate --fix` would make to the file as it is, by line and
 *   column (none when the fix would not apply: see check/fix.ts).
 */
import { createHash } from "node:crypto";
import type * as Sarif from "sarif";
import { compareFindings, type Finding, type Severity } from "../core/finding.ts";
import { RULES } from "../rules/index.ts";
import { printableJson, type SuppressedReport } from "./json.ts";
import type { Summary } from "./summary.ts";
import type { Replacement } from "../check/fix.ts";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** The key of eventwire's fingerprint in `partialFingerprints`: the `/v1` changes if what it hashes does. */
export const FINGERPRINT_KEY = "eventwireFinding/v1";

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: "error", warning: "warning", info: "note" };

/** A path relative to the repository, as a relative URI: each segment percent-encoded. */
function relativeUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

function region(line: number | undefined, column: number | undefined, endLine?: number, endColumn?: number): Sarif.Region | undefined {
  if (line === undefined || line < 1) return undefined;
  const r: Sarif.Region = { startLine: line };
  if (column !== undefined && column >= 1) r.startColumn = column;
  if (endLine !== undefined && endLine >= line) {
    r.endLine = endLine;
    if (endColumn !== undefined && endColumn >= 1 && (endLine > line || endColumn >= (r.startColumn ?? 1))) r.endColumn = endColumn;
  }
  return r;
}

/**
 * A plain-text SARIF message (§3.11.6): `[` and `]` not part of an embedded
 * link, and the backslash itself, are escaped with a backslash, so a record's
 * value written as `[x](1)` is shown as typed, never as a link.
 */
function plainText(text: string): string {
  return text.replace(/[\\[\]]/g, "\\$&");
}

/** Positions a message quotes (a kept text's "line 12, column 3", a parser's "at line 4", a byte offset) leave the fingerprint. */
const POSITION_WORDS = /\b(line|column|byte)s? \d+/gi;

/** A finding's identity without its line or column (rule, file, pointer, message): the fingerprint SARIF reports, and what `eventwire diff` matches findings by. */
export function fingerprint(f: Finding): string {
  const message = f.message.replace(POSITION_WORDS, "$1 #");
  return createHash("sha256").update([f.rule, f.file, f.pointer, message].join("\0")).digest("hex").slice(0, 32);
}

function ruleDescriptor(meta: (typeof RULES)[number]["meta"]): Sarif.ReportingDescriptor {
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.description },
    fullDescription: {
      text: `${meta.description} A ${meta.family} rule, ${meta.defaultOff ? `off by default (${meta.severity} when a setting turns it on)` : `${meta.severity} by default`}${meta.fixable ? "; it computes the fix of some findings" : ""}.`,
    },
    help: {
      text: meta.help,
      markdown: `**${meta.id}**: ${meta.description}\n\n${meta.help}\n\nSee \`docs/rules.md\` for every rule.`,
    },
    // A rule off by default (record-layout) is not enabled unless --rule or the configuration turns it on.
    defaultConfiguration: meta.defaultOff ? { enabled: false, level: LEVEL[meta.severity] } : { level: LEVEL[meta.severity] },
    properties: { tags: ["eventwire", meta.family] },
  };
}

/** A text edit of a fix, by line and column (UTF-16; the end column just past what is replaced). */
/** An edit of a fix, by line and column (check/fix.ts). */
export type SarifReplacement = Replacement;

/**
 * `base`: the dataset's root as a path in the work tree (dataset/root.ts pathInWorkTree), put before every
 * file, as code scanning reads %SRCROOT% as the checkout's top.
 *
 * Suppressed findings (`suppressed`) are results too, with `suppressions` (§3.27.23: `inSource` for an inline
 * directive, `external` for the suppressions file, and the justification), which code scanning shows as
 * dismissed rather than open. They are ranked with the others, so a finding keeps its fingerprint when it
 * is suppressed or no longer is.
 *
 * `replacementsOf`: the text edits of a finding's fix (`validate --fix` makes them), when it has one that
 * applies to the file as it is: the result gets SARIF's `fixes` (§3.27.30), one fix whose replacements are
 * those edits.
 */
export function formatSarif(
  findings: readonly Finding[],
  summary: Summary,
  toolVersion: string,
  base = "",
  suppressed: readonly SuppressedReport[] = [],
  replacementsOf?: (f: Finding) => readonly SarifReplacement[] | undefined,
): string {
  const index = new Map(RULES.map((r, i) => [r.meta.id, i] as const));
  const seen = new Map<string, number>();
  const all: (Finding | SuppressedReport)[] = suppressed.length === 0 ? (findings as Finding[]) : [...findings, ...suppressed].sort(compareFindings);
  const results: Sarif.Result[] = all.map((f) => {
    const hash = fingerprint(f);
    // Identical findings (same rule, file, pointer, message) are told apart by their rank.
    const rank = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, rank);
    const r = region(f.line, f.column, f.endLine, f.endColumn);
    const location: Sarif.Location = {
      physicalLocation: { artifactLocation: { uri: relativeUri(base + f.file), uriBaseId: "%SRCROOT%" }, ...(r ? { region: r } : {}) },
      ...(f.pointer ? { logicalLocations: [{ fullyQualifiedName: f.pointer, kind: "element" }] } : {}),
    };
    const result: Sarif.Result = {
      ruleId: f.rule,
      ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule)! } : {}),
      level: LEVEL[f.severity],
      message: { text: plainText(f.hint ? `${f.message}\n${f.hint}` : f.message) },
      locations: [location],
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${rank}` },
    };
    if ("suppression" in f) {
      const { kind, justification } = f.suppression;
      result.suppressions = [{ kind, status: "accepted", ...(justification ? { justification } : {}) }];
    }
    const replacements = f.fix && replacementsOf?.(f);
    if (replacements && replacements.length > 0)
      result.fixes = [
        {
          description: {
            text: plainText(
              f.fix!.text !== undefined ? "Write the file in the canonical layout (eventwire validate --fix, or eventwire format)." : `Write ${JSON.stringify(f.fix!.value)} at ${f.fix!.pointer} (eventwire validate --fix).`,
            ),
          },
          artifactChanges: [
            {
              artifactLocation: { uri: relativeUri(base + f.file), uriBaseId: "%SRCROOT%" },
              replacements: replacements.map(({ text, ...deleted }) => ({ deletedRegion: deleted, insertedContent: { text } })),
            },
          ],
        },
      ];
    if (f.related && f.related.length > 0)
      result.relatedLocations = f.related.map((rel, i) => {
        const rr = region(rel.line, rel.column);
        return {
          id: i + 1,
          physicalLocation: { artifactLocation: { uri: relativeUri(base + rel.file), uriBaseId: "%SRCROOT%" }, ...(rr ? { region: rr } : {}) },
          message: { text: plainText(rel.pointer ? `${rel.file} at ${rel.pointer}` : rel.file) },
        };
      });
    return result;
  });
  const { files, records, errors, warnings, infos, evidence, scope, suppressed: counts } = summary;
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "eventwire",
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: RULES.map((r) => ruleDescriptor(r.meta)),
          },
        },
        columnKind: "utf16CodeUnits",
        results,
        properties: { summary: { files, records, errors, warnings, infos, evidence, ...(scope ? { scope } : {}), ...(counts ? { suppressed: counts } : {}) } },
      },
    ],
  };
  // As the JSON report: characters a terminal acts on are escaped, the data unchanged.
  return printableJson(JSON.stringify(log, null, 2) + "\n");
}
