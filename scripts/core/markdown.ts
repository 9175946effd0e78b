/** Markdown for reports and release documents. */

/** A table cell: one line (breaks become `<br>`), `|` escaped, and `&`, `<`, `>` as entities (cells quote data). */
export function tableCell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n|\r/g, "<br>");
}
