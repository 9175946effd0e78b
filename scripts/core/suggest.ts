/** "Did you mean" suggestions by edit distance. */
import { distance } from "fastest-levenshtein";

/**
 * The closest candidate within a distance that still looks like a typo (a
 * third of the input's length, at least 1), ties to the first in code-unit
 * order, and whether it is the only candidate that close: a correction safe
 * to write without asking. One pass over the candidates.
 */
export function closest(input: string, candidates: Iterable<string>): { best: string | undefined; only: boolean } {
  const lower = input.toLowerCase();
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  let within = 0;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d <= limit) within++;
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? { best, only: within === 1 } : { best: undefined, only: false };
}

/** The closest candidate within a distance that still looks like a typo, or undefined. */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  return closest(input, candidates).best;
}

export function didYouMean(input: string, candidates: Iterable<string>): string {
  const s = suggest(input, candidates);
  return s === undefined ? "" : ` Did you mean \`${s}\`?`;
}
