/** "Did you mean" suggestions by edit distance. */
import { distance } from "fastest-levenshtein";

/** The closest candidate within a distance that still looks like a typo, or undefined. */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

export function didYouMean(input: string, candidates: Iterable<string>): string {
  const s = suggest(input, candidates);
  return s === undefined ? "" : ` Did you mean \`${s}\`?`;
}

/**
 * The one candidate within a typo's distance of `input`, or undefined when
 * none is or several are: a correction safe to write without asking.
 */
export function onlyClose(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const limit = Math.max(1, Math.floor(input.length / 3));
  let found: string | undefined;
  for (const candidate of candidates)
    if (distance(lower, candidate.toLowerCase()) <= limit) {
      if (found !== undefined) return undefined;
      found = candidate;
    }
  return found;
}
