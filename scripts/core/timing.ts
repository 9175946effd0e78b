/**
 * Stage timings on stderr when EVENTWIRE_TIMING is set (as ESLint's TIMING):
 * where a slow run spends its time, without a profiler.
 */
export class Timings {
  private last = performance.now();
  private readonly start = this.last;
  private readonly rows: [string, number][] = [];

  constructor(private readonly enabled: boolean) {}

  /** Ends the stage that ran since the previous mark. */
  mark(stage: string): void {
    if (!this.enabled) return;
    const now = performance.now();
    this.rows.push([stage, now - this.last]);
    this.last = now;
  }

  report(): string {
    if (!this.enabled) return "";
    const total = performance.now() - this.start;
    const width = Math.max(...this.rows.map(([s]) => s.length), 5);
    const rows = [...this.rows, ["total", total] as [string, number]].map(([s, ms]) => `${s.padEnd(width)}  ${ms.toFixed(0).padStart(7)} ms`);
    // Peak memory of this process (worker threads included: they share it).
    rows.push(`${"peak memory".padEnd(width)}  ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(7)} MB`);
    return rows.join("\n") + "\n";
  }
}
