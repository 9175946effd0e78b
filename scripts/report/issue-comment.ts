/**
 * The comment `eventwire new event --from-issue --report` writes for the
 * issue-to-PR workflow: the record made from the issue (or why none was),
 * what validate found in it, and what happens next, split by whom it is for:
 * the contributor (what editing the issue corrects) and a maintainer (registry
 * entries to add). It speaks to someone in a browser: form fields by their
 * labels ("Headline of the report", not `sources[0].title`), no command lines.
 *
 * Everything that comes from the issue is escaped for where it lands (a
 * note's values as code spans, its words as text: core/parts.ts; a problem's
 * values, written in backticks, through markdownWithCode; the record in a
 * code block whose fence nothing inside can close), and no @mention in it
 * pings anyone (core/mentions.ts). The comment stays under GitHub's 65,536
 * characters: the record's block and the findings are cut, saying so.
 */
import { createHash } from "node:crypto";
import { issueFormFields, type IssueFormField } from "../../schema/issue-form.ts";
import { codeBlock, codeSpan, markdownText, markdownWithCode } from "../core/markdown.ts";
import { withoutMentions } from "../core/mentions.ts";
import { partsMarkdown, type Part } from "../core/parts.ts";
import { plural } from "../core/plural.ts";

/** The hidden line the workflow finds its comment by (one comment an issue, updated in place). */
export const ISSUE_COMMENT_MARKER = "<!-- eventwire-issue -->";

/** The label a maintainer adds to have the workflow open a pull request with the record. */
export const CREATE_PR_LABEL = "create-pr";

/** The hidden line with the checked body's hash: `<!-- eventwire-issue-body: <hash> -->`. */
export const ISSUE_BODY_MARKER = "eventwire-issue-body";

/** GitHub refuses a comment over 65,536 characters; the comment keeps well under it (the workflow may add a pull request's link). */
export const MAX_COMMENT_CHARS = 60_000;
/** The most characters of the record's block, and the most findings listed. */
const MAX_RECORD_CHARS = 20_000;
const MAX_FINDINGS = 50;

/** Rules whose findings are a maintainer's to settle: an id the registries do not have yet. */
const MAINTAINER_RULES = new Set(["actor-known", "outlet-known"]);

/** The short SHA-256 of an issue body's bytes (16 hex digits; `sha256sum | cut -c1-16` in a workflow gives the same). */
export function issueBodyHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

/** A note for the comment and whom it is for (dataset/issue-form.ts makes them). */
export interface CommentNote {
  for: "you" | "maintainer";
  parts: readonly Part[];
}

/** A finding of validate in the new record (its JSON report's fields). */
export interface CommentFinding {
  line: number;
  rule: string;
  severity: "error" | "warning" | "info";
  message: string;
  hint?: string;
  pointer?: string;
}

export interface IssueCommentInput {
  /** The short SHA-256 of the issue body checked (issueBodyHash). */
  bodyHash?: string;
  /** The record's path in the dataset, when one was made. */
  file?: string;
  /** The record's text, as written. */
  text?: string;
  /** Why no record was made: every problem, each in the field's words (a string's values in backticks; parts: core/parts.ts). */
  problems: readonly (string | readonly Part[])[];
  /** What the answers were matched to (registry ids), what was taken by default, what a maintainer adds. */
  notes: readonly CommentNote[];
  /** What validate found in the new record, and its exit code. */
  validation?: { code: number; findings: readonly CommentFinding[] };
}

/** The form field a finding's pointer falls in (the longest field pointer that is it or contains it). */
function fieldAt(pointer: string | undefined, fields: readonly IssueFormField[]): IssueFormField | undefined {
  if (pointer === undefined) return undefined;
  let best: IssueFormField | undefined;
  for (const f of fields)
    if (f.pointer !== undefined && (pointer === f.pointer || pointer.startsWith(`${f.pointer}/`)) && (best === undefined || f.pointer.length > best.pointer!.length)) best = f;
  return best;
}

/** A pointer as the record path messages name it: `/sources/0/title` is `sources[0].title`. */
function dotted(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, token) => (/^\d+$/.test(token) ? `${path}[${token}]` : path === "" ? token : `${path}.${token}`), "");
}

/** One finding as a table row: the form field it is about (its label; else the record's line), the message in the field's words. */
function findingRow(f: CommentFinding, fields: readonly IssueFormField[]): string {
  const field = fieldAt(f.pointer, fields);
  const where = field ? markdownText(`"${field.label}"`) : `line ${f.line} of the record`;
  let message = f.message;
  if (field && f.pointer !== undefined) message = message.split(`\`${dotted(f.pointer)}\``).join(`"${field.label}"`);
  // The form requires what the schema lets a record leave out: no "leave out" advice for such a field.
  let hint = f.hint ?? "";
  if (field?.required) hint = hint.replace(/;\s*leave out when unknown\.?$/, ".");
  return `| ${f.severity} | ${where} | ${codeSpan(f.rule, true)} | ${markdownWithCode(message, true)} | ${markdownWithCode(hint, true)} |`;
}

function findingsTable(findings: readonly CommentFinding[], fields: readonly IssueFormField[]): string[] {
  if (findings.length === 0) return [];
  const shown = findings.slice(0, MAX_FINDINGS);
  const out = ["| | Field | Rule | Problem | How to fix |", "|---|---|---|---|---|", ...shown.map((f) => findingRow(f, fields))];
  if (findings.length > shown.length) out.push("", `And ${findings.length - shown.length} more, cut here to keep this comment short; the pull request's checks list them all.`);
  return out;
}

/** The record's lines for its block, cut (with a line saying so) when the block would crowd the comment. */
function recordLines(text: string): string[] {
  const lines = text.replace(/\n$/, "").split("\n");
  let size = 0;
  const kept: string[] = [];
  for (const line of lines) {
    if (size + line.length + 1 > MAX_RECORD_CHARS) break;
    kept.push(line);
    size += line.length + 1;
  }
  return kept.length === lines.length ? kept : [...kept, `# ... ${plural(lines.length - kept.length, "more line")} cut here: the record is too long to show whole`];
}

const bullet = (parts: readonly Part[]) => `- ${partsMarkdown(parts)}`;

export function formatIssueComment(input: IssueCommentInput): string {
  const fields = issueFormFields();
  const out: string[] = [ISSUE_COMMENT_MARKER];
  // Which body was checked: the pull-request job refuses a body changed since (its hash differs).
  if (input.bodyHash !== undefined) out.push(`<!-- ${ISSUE_BODY_MARKER}: ${input.bodyHash} -->`);
  out.push("");
  const checked = input.bodyHash !== undefined ? [`<sub>Checked the issue as it read at SHA-256 ${codeSpan(input.bodyHash)}.</sub>`, ""] : [];
  const forYou = input.notes.filter((n) => n.for === "you");
  const forMaintainer = input.notes.filter((n) => n.for === "maintainer");
  const edit = "edit the issue (the `...` menu of its first post, then **Edit**); this comment is updated when you save";

  if (input.file === undefined || input.text === undefined) {
    out.push("## No record yet", "", `The answers of this issue do not make a record: ${plural(input.problems.length, "problem")} to correct.`, "");
    out.push("### For you", "", `To correct these, ${edit}.`, "", ...input.problems.map((p) => `- ${typeof p === "string" ? markdownWithCode(p) : partsMarkdown(p)}`), ...forYou.map((n) => bullet(n.parts)), "");
    if (forMaintainer.length > 0) out.push("### For a maintainer", "", ...forMaintainer.map((n) => bullet(n.parts)), "");
    out.push(...checked);
    return finish(out);
  }

  const findings = input.validation?.findings ?? [];
  const yours = findings.filter((f) => !MAINTAINER_RULES.has(f.rule));
  const theirs = findings.filter((f) => MAINTAINER_RULES.has(f.rule));
  const yourErrors = yours.some((f) => f.severity === "error");
  const required = (input.text.match(/# required:/g) ?? []).length;
  out.push(
    "## The record from this issue",
    "",
    input.validation !== undefined && input.validation.code !== 0
      ? `The record ${codeSpan(input.file)} was made from the answers, but the checks found errors (below) to correct first.`
      : `The record ${codeSpan(input.file)} was made from the answers; the checks found no errors.`,
    "",
  );
  // For the contributor: what the answers were taken as, and what editing the issue corrects.
  const you: string[] = forYou.map((n) => bullet(n.parts));
  if (required > 0) you.push(`- ${plural(required, "field")} the form left empty ${required === 1 ? "is" : "are"} marked \`# required:\` in the record: give ${required === 1 ? "it" : "them"} in the issue.`);
  if (yours.length > 0) you.push(`- The checks found ${plural(yours.length, "thing")} in your answers (the table below)${yourErrors ? ": correct the errors" : " to look at"}.`);
  if (you.length > 0) out.push("### For you", "", `Anything to correct: ${edit}.`, "", ...you, "");
  // For a maintainer: entries to add to the registries, and the findings that only those entries settle.
  const maintainer: string[] = forMaintainer.map((n) => bullet(n.parts));
  if (theirs.length > 0) maintainer.push(`- ${plural(theirs.length, "finding")} of ${[...new Set(theirs.map((f) => codeSpan(f.rule)))].join(" and ")} below ${theirs.length === 1 ? "goes" : "go"} once the entries are added in the pull request.`);
  if (maintainer.length > 0) out.push("### For a maintainer", "", ...maintainer, "");
  out.push(...codeBlock("yaml", recordLines(input.text)), "");
  if (input.validation) {
    const counts = (severity: CommentFinding["severity"]) => findings.filter((f) => f.severity === severity).length;
    out.push("### What the checks found", "");
    out.push(findings.length === 0 ? "No problems." : `**${plural(counts("error"), "error")}, ${plural(counts("warning"), "warning")}, ${plural(counts("info"), "info")}.**`, "");
    const table = findingsTable(findings, fields);
    if (table.length > 0) out.push(...table, "");
  }
  out.push(
    "### What happens next",
    "",
    `- **You**: correct what is yours above; ${edit}.`,
    `- **A maintainer** checks the record against the report, adds any actor or outlet the record names that is not in the registries yet, and adds the label ${codeSpan(CREATE_PR_LABEL)}: the workflow then opens a pull request with the record, runs validate on it, and links it here.`,
    "",
    ...checked,
  );
  return finish(out);
}

/** The comment's text, mentions broken, under the size GitHub accepts (cut at a line, saying so, should anything still make it too long). */
function finish(lines: readonly string[]): string {
  let text = withoutMentions(lines.join("\n"));
  if (text.length > MAX_COMMENT_CHARS) {
    const cut = text.lastIndexOf("\n", MAX_COMMENT_CHARS - 200);
    text = `${text.slice(0, cut)}\n\n(The rest of this comment is cut: it would pass the size GitHub allows.)\n`;
  }
  return text;
}
