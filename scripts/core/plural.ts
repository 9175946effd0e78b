/** "1 file", "2 files": a count and its word, as every report and summary says it. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
