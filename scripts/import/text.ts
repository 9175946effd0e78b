/** Texts an import makes (titles, summaries, names) held to the schema's limits, which count characters (code points). */

/**
 * `text` within `max` characters: as it is when it fits; else cut, at a word
 * when one ends in the second half, with an ellipsis. Counted and cut by code
 * point, so a character outside the BMP is never split into a lone surrogate.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
