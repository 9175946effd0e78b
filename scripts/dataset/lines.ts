/** Turns string offsets into 1-based line and column numbers. */

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line and column (UTF-16 code units, as editors count) of an offset. */
  at(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** A range that stays on the start line: reports underline one line. */
  range(start: number, end: number): Position {
    const s = this.at(start);
    const lineEnd = this.text.indexOf("\n", start);
    const stop = Math.max(start + 1, Math.min(end, lineEnd === -1 ? this.text.length : lineEnd));
    const e = this.at(stop);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, "");
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** What a code frame reads of a text: its lines by number and how many there are (a LineIndex, or an excerpt of one). */
export interface LineSource {
  readonly lineCount: number;
  lineText(line: number): string;
}

/** Lines a code frame shows on either side of a finding's line. */
export const FRAME_CONTEXT = 1;

/**
 * The lines of a text that code frames at `lines` show (FRAME_CONTEXT on
 * either side), as plain data: what the check stage hands the report instead
 * of the whole text, which the report would otherwise read again.
 */
export interface LineExcerpt {
  lineCount: number;
  /** The numbers of the lines held, in order. */
  numbers: number[];
  /** Their texts, joined by line breaks (a line's text holds none): one string, not one a line, for each file with findings. */
  text: string;
}

export function excerptOf(index: LineIndex, lines: Iterable<number>): LineExcerpt {
  const wanted = new Set<number>();
  for (const line of lines)
    for (let n = Math.max(1, line - FRAME_CONTEXT); n <= Math.min(index.lineCount, line + FRAME_CONTEXT); n++) wanted.add(n);
  const numbers = [...wanted].sort((a, b) => a - b);
  return { lineCount: index.lineCount, numbers, text: numbers.map((n) => index.lineText(n)).join("\n") };
}

/** An excerpt read back: the lines it holds, and "" for any other. */
export class ExcerptLines implements LineSource {
  readonly lineCount: number;
  readonly #excerpt: LineExcerpt;
  #lines: Map<number, string> | undefined;
  constructor(excerpt: LineExcerpt) {
    this.lineCount = excerpt.lineCount;
    this.#excerpt = excerpt;
  }
  lineText(line: number): string {
    if (!this.#lines) {
      const texts = this.#excerpt.text.split("\n");
      this.#lines = new Map(this.#excerpt.numbers.map((n, i) => [n, texts[i]!]));
    }
    return this.#lines.get(line) ?? "";
  }
}
