/**
 * HTML for pages the toolkit writes (the release's index.html): data is
 * escaped where it lands, as text or as a quoted attribute value (the same
 * escaper serves both, and inline SVG, which the HTML parser reads too).
 * Characters HTML does not allow in a document (C0 controls other than tab,
 * line feed and carriage return, lone surrogates, noncharacters) become
 * U+FFFD, so that no input makes the page invalid.
 */
import { visible } from "./escape.ts";

const SPECIAL: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const UNSAFE = /[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text (or a quoted attribute value) as HTML: `&`, `<`, `>`, `"` and `'` as references, forbidden characters as U+FFFD. */
export function escapeHtml(text: string): string {
  return text.replace(UNSAFE, (c) => SPECIAL[c] ?? "\ufffd");
}

/** One line of data shown in a page: control, direction and invisible characters shown as visible escapes (core/escape.ts), then escaped. */
export function htmlLine(text: string): string {
  return escapeHtml(visible(text));
}
