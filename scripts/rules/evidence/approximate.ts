/**
 * Approximate substring search for drifted evidence quotes: Myers'
 * bit-parallel algorithm (1999), in the blocked form of Hyyrö (2003) for
 * patterns longer than a machine word, here 32-bit words (a 400-character
 * quote is 13 of them). Its cost is the text's length times the quote's words:
 * a 400-character quote scans a 5.5 KB page in well under a millisecond, where
 * the cell-by-cell table of Sellers' algorithm it replaces took the quote's
 * length times more. Its answer is the same: the edit distance (UTF-16 code
 * units inserted, deleted or replaced) of the quote to the closest passage
 * ending at each place of the text.
 */

const WORD = 32;

/** Bit masks of the quote, by character: the table is shared (one search at a time) and cleared after each search. */
const rowOf = new Int32Array(65536).fill(-1);

interface Masks {
  /** Peq: for each distinct code unit of the pattern, `blocks` words with bit i set where pattern[i] is that unit; row 0 is all zero (a unit the pattern lacks). */
  peq: Int32Array;
  blocks: number;
  units: number[];
}

function masks(pattern: string): Masks {
  const m = pattern.length;
  const blocks = Math.ceil(m / WORD);
  const units: number[] = [];
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    if (rowOf[c] === -1) {
      units.push(c);
      rowOf[c] = units.length; // row 0 is the empty mask
    }
  }
  const peq = new Int32Array((units.length + 1) * blocks);
  for (let i = 0; i < m; i++) peq[rowOf[pattern.charCodeAt(i)]! * blocks + ((i / WORD) | 0)]! |= 1 << i % WORD;
  return { peq, blocks, units };
}

function release(m: Masks): void {
  for (const c of m.units) rowOf[c] = -1;
}

/** The difference out of the quote's last row in the last step of the last block (set by `step`). */
let lastDelta = 0;

/**
 * Myers' step for one block of 32 rows and one text unit: updates `pv[b]` and
 * `mv[b]` (the vertical differences up and down) from `eq` (the rows whose
 * quote unit is the text's) and `hin` (the horizontal difference coming in
 * above the block); returns the horizontal difference out of its bottom row.
 * With `bit` 0..31, sets `lastDelta` to the difference out of that row.
 */
function step(pv: Int32Array, mv: Int32Array, b: number, eq: number, hin: number, bit: number): number {
  const p = pv[b]!;
  const q = mv[b]!;
  const xv = eq | q;
  if (hin < 0) eq |= 1;
  const xh = (((eq & p) + p) ^ p) | eq;
  let ph = q | ~(xh | p);
  let mh = p & xh;
  if (bit >= 0) lastDelta = ((ph >>> bit) & 1) - ((mh >>> bit) & 1);
  const out = (ph >>> 31) - (mh >>> 31);
  ph <<= 1;
  mh <<= 1;
  if (hin < 0) mh |= 1;
  else if (hin > 0) ph |= 1;
  pv[b] = mh | ~(xv | ph);
  mv[b] = ph & xv;
  return out;
}

/**
 * Runs the pattern over `text` from `from` to `to` (exclusive), one code unit
 * at a time, forwards or, with `backwards`, from `to - 1` down to `from`.
 * `free`: a passage may start anywhere (search); otherwise it starts at the
 * first unit scanned (the edit distance to each prefix of the scan).
 * Writes to `scores[k - 1]`, after the k-th unit, the edit distance of the
 * pattern to the best passage ending there.
 */
function scan(pattern: string, text: string, from: number, to: number, backwards: boolean, free: boolean, scores: Int32Array): void {
  const m = pattern.length;
  const mk = masks(pattern);
  try {
    const { peq, blocks } = mk;
    const pv = new Int32Array(blocks).fill(-1);
    const mv = new Int32Array(blocks);
    const last = blocks - 1;
    const lastBit = (m - 1) % WORD;
    // The score of row 0 grows by one a column when a passage must start at the first unit, stays 0 when it may start anywhere.
    const top = free ? 0 : 1;
    let score = m;
    const n = to - from;
    for (let k = 0; k < n; k++) {
      const row = rowOf[text.charCodeAt(backwards ? to - 1 - k : from + k)]!;
      const base = row === -1 ? 0 : row * blocks;
      let hin = top;
      for (let b = 0; b < last; b++) hin = step(pv, mv, b, peq[base + b]!, hin, -1);
      step(pv, mv, last, peq[base + last]!, hin, lastBit);
      score += lastDelta;
      scores[k] = score;
    }
  } finally {
    release(mk);
  }
}

/**
 * The least edit distance of `pattern` to a passage of `text`, and where the
 * first passage that close ends, when it is at most `k`: the same scan, with
 * Ukkonen's cut-off as Hyyrö and Šošić's edlib applies it to blocks. Only
 * the blocks down to the last one that can hold a cell of at most `k` are
 * computed; a quote far from every passage keeps to the first few of its
 * blocks. Cells of at most `k` are exact, others only known to exceed `k`.
 */
function search(pattern: string, text: string, k: number): { best: number; end: number } | undefined {
  const m = pattern.length;
  const mk = masks(pattern);
  try {
    const { peq, blocks } = mk;
    const last = blocks - 1;
    const lastBit = (m - 1) % WORD;
    const pv = new Int32Array(blocks).fill(-1);
    const mv = new Int32Array(blocks);
    // The value of each block's bottom row in the current column (its rows past the quote's end included).
    const bottom = new Int32Array(blocks).map((_, b) => (b + 1) * WORD);
    // The value of the quote's last row, while the last block is computed.
    let score = m;
    let y = Math.min(blocks, Math.ceil((k + 1) / WORD)) - 1;
    let best = Infinity;
    let end = -1;
    for (let j = 0; j < text.length; j++) {
      const row = rowOf[text.charCodeAt(j)]!;
      const base = row === -1 ? 0 : row * blocks;
      let hin = 0;
      for (let b = 0; b <= y; b++) {
        hin = step(pv, mv, b, peq[base + b]!, hin, b === last ? lastBit : -1);
        bottom[b]! += hin;
      }
      if (y === last) score += lastDelta;
      // One more block when the one above can reach it within k: its first row matches, or the difference coming in is negative.
      if (y < last && bottom[y]! - hin <= k && ((peq[base + y + 1]! & 1) !== 0 || hin < 0)) {
        // The block starts as if each of its rows were one more than the row above in the previous column.
        const above = bottom[y]! - hin;
        y++;
        pv[y] = -1;
        mv[y] = 0;
        hin = step(pv, mv, y, peq[base + y]!, hin, y === last ? lastBit : -1);
        bottom[y] = above + WORD + hin;
        if (y === last) score = above + lastBit + 1 + lastDelta;
      }
      // Blocks whose every cell exceeds k are left (a block's rows differ by one at most from one to the next).
      while (y > 0 && bottom[y]! >= k + WORD) y--;
      if (y === last && score < best) [best, end] = [score, j + 1];
    }
    return best <= k ? { best, end } : undefined;
  } finally {
    release(mk);
  }
}

export interface Passage {
  /** UTF-16 offsets of the passage in the text. */
  index: number;
  end: number;
  /** Its edit distance to the quote. */
  edits: number;
}

/**
 * The passage of `text` closest to `quote` (fewest edits), when it is at most
 * `maxEdits` away. Of equally close passages, the one that ends first; of the
 * passages ending there, the closest one that starts first.
 */
export function closestPassage(text: string, quote: string, maxEdits: number): Passage | undefined {
  const m = quote.length;
  if (m === 0) return undefined;
  const found = search(quote, text, maxEdits);
  if (!found) return undefined;
  const { best, end } = found;
  // The start: the passages ending at `end` are scored at once by running the reversed quote back from there.
  // A passage `best` edits away is between m - best and m + best units long.
  const lo = Math.max(0, end - m - best);
  const hi = Math.min(end, end - m + best);
  let edits = Infinity;
  let index = -1;
  const reversed = quote.split("").reverse().join(""); // code units, as the scan counts them
  const back = new Int32Array(end - lo);
  scan(reversed, text, lo, end, true, false, back);
  // back[k - 1] is the distance of the passage of the last k units: earlier starts come later, and `<=` keeps the first of the closest.
  for (let k = 1; k <= back.length; k++) if (end - k <= hi && back[k - 1]! <= edits) [edits, index] = [back[k - 1]!, end - k];
  // Some passage ending at `end` is `best` edits away, and none that far starts out of lo..hi: one is always found.
  return index === -1 ? undefined : { index, end, edits };
}
