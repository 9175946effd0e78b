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
