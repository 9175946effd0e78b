/**
 * The comment `eventwire new event --from-issue --report` writes for the
 * issue-to-PR workflow: the record made from the issue (or why none was),
 * what validate found in it, and what happens next. Everything that comes
 * from the issue is escaped for where it lands (a message's values, written
 * in backticks, as code spans and the words between as text: markdownWithCode;
 * the record in a code block whose fence nothing inside can close), and no
 * @mention in it pings anyone (core/mentions.ts).
 */
import { createHash } from "node:crypto";
import { codeBlock, codeSpan, markdownWithCode } from "../core/markdown.ts";
import { withoutMentions } from "../core/mentions.ts";
import { plural } from "../core/plural.ts";

/** The hidden line the workflow finds its comment by (one comment an issue, updated in place). */
export const ISSUE_COMMENT_MARKER = "<!-- eventwire-issue -->";

/** The label a maintainer adds to have the workflow open a pull request with the record. */
export const CREATE_PR_LABEL = "create-pr";

/** The hidden line with the checked body's hash: `<!-- eventwire-issue-body: <hash> -->`. */
export const ISSUE_BODY_MARKER = "eventwire-issue-body";

/** The short SHA-256 of an issue body's bytes (16 hex digits; `sha256sum | cut -c1-16` in a workflow gives the same). */
export function issueBodyHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

export interface IssueCommentInput {
  /** The short SHA-256 of the issue body checked (issueBodyHash). */
  bodyHash?: string;
  /** The record's path in the dataset, when one was made. */
  file?: string;
  /** The record's text, as written. */
  text?: string;
  /** Why no record was made: every problem, each in the field's words. */
  problems: readonly string[];
  /** What the answers were matched to (registry ids), and what was left to fill in. */
  notes: readonly string[];
  /** validate's job summary for the new record (report/github.ts formatStepSummary), and its exit code. */
  validation?: { summary: string; code: number };
}

export function formatIssueComment(input: IssueCommentInput): string {
  const out: string[] = [ISSUE_COMMENT_MARKER];
  // Which body was checked: the pull-request job refuses a body changed since (its hash differs).
  if (input.bodyHash !== undefined) out.push(`<!-- ${ISSUE_BODY_MARKER}: ${input.bodyHash} -->`);
  out.push("");
  const checked = input.bodyHash !== undefined ? [`<sub>Checked the issue as it read at SHA-256 ${codeSpan(input.bodyHash)}.</sub>`, ""] : [];
  if (input.file === undefined || input.text === undefined) {
    out.push(
      "## No record yet",
      "",
      `The answers of this issue do not make a record: ${plural(input.problems.length, "problem")} to correct.`,
      "",
      ...input.problems.map((p) => `- ${markdownWithCode(p)}`),
      "",
      "### What happens next",
      "",
      "Edit the issue (the `...` menu of its first post, then **Edit**) to correct these answers; this comment is updated when you save.",
      "",
      ...checked,
    );
    return withoutMentions(out.join("\n"));
  }
  const errors = input.validation !== undefined && input.validation.code !== 0;
  out.push(
    "## The record from this issue",
    "",
    errors
      ? `The record ${codeSpan(input.file)} was made from the answers, but the checks found errors (below) to correct first.`
      : `The record ${codeSpan(input.file)} was made from the answers; the checks found no errors.`,
    "",
  );
  if (input.notes.length > 0) out.push(...input.notes.map((n) => `- ${markdownWithCode(n)}`), "");
  out.push(...codeBlock("yaml", input.text.replace(/\n$/, "").split("\n")), "");
  if (input.validation) {
    // validate's summary, its headings one level down under this comment's.
    const summary = input.validation.summary.replace(/^## eventwire validate$/m, "### What the checks found");
    out.push(summary.trimEnd(), "");
  }
  out.push(
    "### What happens next",
    "",
    "- **You**: a field marked `# required:` is one the form left empty, a finding above is something to correct: edit the issue (the `...` menu of its first post, then **Edit**); this comment is updated when you save.",
    `- **A maintainer** checks the record against the report, adds any actor or outlet the record names that is not in the registries yet, and adds the label ${codeSpan(CREATE_PR_LABEL)}: the workflow then opens a pull request with the record, runs validate on it, and links it here.`,
    "",
    ...checked,
  );
  return withoutMentions(out.join("\n"));
}
