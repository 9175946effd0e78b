/**
 * Escapers for text that leaves the toolkit, one for each place it lands.
 * Paths and values come from contributors and are treated as hostile: they
 * are escaped where they are printed (the reporters, the commands' lists),
 * never altered in the findings themselves.
 *
 * - `visible`: one line of terminal or CI log text. Control characters (C0,
 *   DEL, C1, ESC sequences), line and paragraph separators and the invisible
 *   direction controls and invisible characters (zero-width spaces and
 *   joiners, the BOM, the soft hyphen) are shown as `\n`, `\x1b`, `\u202e`...,
 *   so that nothing is interpreted or hidden. A backslash is left as it is:
 *   messages and hints hold escapes and shell words of their own (a shell
 *   hint must paste as it is printed).
 * - `guardLine`: a line of a report that a GitHub runner reads: none may start
 *   (after spaces) with `::`, a workflow command.
 * - `shellQuote`: a word pasted into a POSIX shell.
 *
 * GitHub's own workflow-command escaping is in report/github.ts; Markdown's
 * in core/markdown.ts.
 */

// C0 controls (tab and line breaks included), DEL, C1 controls, U+2028/U+2029,
// and the direction marks, embeddings, overrides and isolates (U+061C,
// U+200E/F, U+202A-U+202E, U+2066-U+2069), the invisible ones (U+00AD, U+180E,
// U+200B-U+200D, U+2060-U+2064, U+FEFF), and lone surrogates.
/**
 * Every character the reporters must not let through as it is, but for the
 * C0 controls (each place treats those its own way): DEL, C1, the soft hyphen,
 * direction marks and controls, zero-width characters, separators, the BOM.
 * One list, as a character-class body, for escape.ts, the JSON report and the
 * pretty report's code frames.
 */
export const HIDDEN_CHARACTERS = "\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff";

const UNSAFE = new RegExp(`[\\u0000-\\u001f${HIDDEN_CHARACTERS}]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`, "g");

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** One line of terminal or log text: every character that could move, hide, reorder or colour text shown as a visible escape. */
export function visible(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeOne) : text;
}

/**
 * A line that a GitHub runner could read as a workflow command (`::name ...`,
 * spaces before it allowed: the runner trims them) has its first colon shown
 * as `\x3a`. Every reporter line passes through it, so no line can start one.
 */
export function guardLine(line: string): string {
  // Colour codes before it count as nothing: a log viewer may strip them.
  return /^(?:\s|\u001b\[[0-9;]*m)*::/.test(line) ? line.replace(":", "\\x3a") : line;
}

/** Every line of a block of output, guarded (see guardLine). */
export function guardLines(text: string): string {
  return text.includes("::") ? text.split("\n").map(guardLine).join("\n") : text;
}

/** A path or value for a line of output: visible, and guarded when it would start the line. */
export function displayText(text: string): string {
  return guardLine(visible(text));
}

/**
 * A word for a POSIX shell, written only in characters `visible` leaves as
 * they are, so that a hint pastes as it is printed: kept as it is when made
 * only of characters no shell treats specially; else in single quotes (inside
 * which nothing is special; a `'` is written `'\''`); and a word holding a
 * character `visible` would escape (a newline, ESC, U+202E...) as
 * `"$(printf '...')"`, its bytes in octal escapes that POSIX printf turns
 * back into them (a trailing newline is the one thing command substitution
 * drops). A word that starts with `-` is quoted too, but callers pass `--`
 * before names, as git does.
 */
export function shellQuote(word: string): string {
  if (word !== "" && /^[A-Za-z0-9_\/.,:@%+=-]+$/.test(word) && !word.startsWith("-")) return word;
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(word)) return `'${word.replace(/'/g, "'\\''")}'`;
  let format = "";
  for (const c of word) {
    if (c === "\\") format += "\\\\";
    else if (c === "%") format += "%%";
    else if (c === "'") format += "'\\''";
    else {
      UNSAFE.lastIndex = 0;
      format += UNSAFE.test(c) ? [...Buffer.from(c, "utf8")].map((b) => `\\${b.toString(8).padStart(3, "0")}`).join("") : c;
    }
  }
  return `"$(printf '${format}')"`;
}

/** A value typed or found (a path, a pattern, a ref) inside a message: in backticks, shown with visible escapes, so it stays on its line. */
export function inlineValue(value: string): string {
  return `\`${visible(value)}\``;
}
