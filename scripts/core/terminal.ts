/**
 * What a command may do on a terminal: colour (one decision for every
 * command) and a progress line redrawn in place on stderr.
 */

type Env = Readonly<Record<string, string | undefined>>;
interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * `--color` / `--no-color` as given (the last one wins, as ESLint's), or
 * undefined when neither is. Only options before `--` count: after it, a
 * file may be called `--color`.
 */
export function colorFlag(args: readonly string[]): boolean | undefined {
  let flag: boolean | undefined;
  for (const arg of args) {
    if (arg === "--") break;
    if (arg === "--color") flag = true;
    else if (arg === "--no-color") flag = false;
  }
  return flag;
}

/**
 * Whether text written to `stream` is coloured. In this order:
 * - `--color` / `--no-color` (`flag`) win over the environment;
 * - FORCE_COLOR set (supports-color's and Node's reading): `0` or `false`
 *   turns colour off, anything else (empty, 1, 2, 3) on, terminal or not;
 * - NO_COLOR set and not empty (no-color.org) turns it off;
 * - else colour only on a terminal, and not on TERM=dumb.
 */
export function useColor(stream: Pick<Stream, "isTTY">, env: Env, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR) return false;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

/** A CI run (CI set, as every CI service sets it; empty, `0` or `false` is no CI): its log is no terminal, whatever it emulates. */
export function inCi(env: Env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

/** Whether a progress line may be drawn on `stream`: a terminal (not TERM=dumb, which cannot erase a line), outside CI. */
export function progressAllowed(stream: Pick<Stream, "isTTY">, env: Env): boolean {
  return Boolean(stream.isTTY) && env.TERM !== "dumb" && !inCi(env);
}

/** A run shorter than this shows no progress at all. */
export const PROGRESS_AFTER_MS = 1000;
/** The line is redrawn this often at most. */
const REDRAW_MS = 100;
/** Carriage return, then erase the whole line (ECMA-48 EL 2). */
export const ERASE_LINE = "\r\u001b[2K";

export interface Progress {
  /** `done` of `total` items finished. */
  update(done: number, total: number): void;
  /**
   * The work moved on to a stage that counts no items (`comparing records`):
   * the line shows the last count with `what` after it, from now on, instead
   * of a count that stays at its total; drawn only once the line may be.
   */
  stage(what: string): void;
  /** Erases the line if one was drawn; further updates draw nothing. */
  end(): void;
}

const NONE: Progress = { update() {}, stage() {}, end() {} };

export interface ProgressOptions {
  /** The line's text for `done` of `total`, without the rate (`validate: 10 of 20 files checked`). */
  text(done: number, total: number): string;
  /** What the rate counts (`files`, `records`). */
  unit: string;
  /** Milliseconds before the first draw (default PROGRESS_AFTER_MS; EVENTWIRE_TEST_PROGRESS_AFTER sets it in tests). */
  after?: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

/**
 * A progress line on `stream`, or one that does nothing when the stream is
 * no terminal or the run is in CI (progressAllowed). Nothing is drawn before
 * `after` ms have passed; then the line (the count and the rate) is redrawn
 * in place at most every 100 ms, kept to the terminal's width (a line that
 * wrapped could not be erased), and erased by `end()`. Updates come from the
 * work's own loop (a single-threaded check blocks timers), so time is read on
 * each update rather than waited for.
 */
export function progressLine(stream: Stream, env: Env, options: ProgressOptions): Progress {
  if (!progressAllowed(stream, env)) return NONE;
  const now = options.now ?? (() => performance.now());
  const fromEnv = env.EVENTWIRE_TEST_PROGRESS_AFTER;
  const after = fromEnv !== undefined && /^\d+$/.test(fromEnv) ? Number(fromEnv) : (options.after ?? PROGRESS_AFTER_MS);
  const start = now();
  // The rate counts from the first update (the work's start), not from the listing before it.
  let first: number | undefined;
  let drawn = false;
  let ended = false;
  let lastDraw = -Infinity;
  let last: [done: number, total: number] = [0, 0];
  const draw = (line: string) => {
    const width = stream.columns;
    if (width !== undefined && width > 1 && line.length > width - 1) line = line.slice(0, width - 1);
    stream.write(ERASE_LINE + line);
    drawn = true;
  };
  return {
    update(done, total) {
      if (ended) return;
      const t = now();
      first ??= t;
      last = [done, total];
      if (t - start < after) return;
      // The last count is always drawn once the line is up; others at most every REDRAW_MS.
      if (t - lastDraw < REDRAW_MS && !(drawn && done === total)) return;
      lastDraw = t;
      let line = options.text(done, total);
      if (done > 0 && t > first) line += `, ${groupDigits(Math.round((done * 1000) / (t - first)))} ${options.unit}/s`;
      draw(line);
    },
    stage(what) {
      if (ended || now() - start < after) return;
      draw(`${options.text(...last)}; ${what}`);
    },
    end() {
      if (ended) return;
      ended = true;
      if (drawn) stream.write(ERASE_LINE);
    },
  };
}

/** 12345 as 12,345 (whatever the locale: the same line everywhere). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}
