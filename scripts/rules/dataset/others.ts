/** The other files a finding across records names: a few, then how many more (a record copied a thousand times is not listed a thousand times in each of its findings). */

/** How many other files a finding names and links at most. */
export const MAX_OTHERS = 10;

/** The files as the message lists them (`a`, `b` and 3 more) and the related places, each cut at MAX_OTHERS. */
export function othersOf(files: readonly string[], pointer: string): { text: string; related: { file: string; pointer: string }[] } {
  const shown = files.slice(0, MAX_OTHERS);
  const more = files.length - shown.length;
  const text = shown.map((f) => `\`${f}\``).join(", ") + (more > 0 ? ` and ${more} more` : "");
  return { text, related: shown.map((file) => ({ file, pointer })) };
}
