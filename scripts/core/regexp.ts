/** Text written into a regular expression as itself: every character the syntax gives a meaning is escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
