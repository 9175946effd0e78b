/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** For commands that ask questions on a terminal; tests leave it out. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** A mistake in how a command was called: exit code 2 with this message, no stack trace. */
export class UsageError extends Error {
  override name = "UsageError";

  /**
   * Recognized by its name, not by which copy of this module made it: the
   * tests load the commands both ways (require and import), the bundle may
   * hold its own copy, and a usage error must never pass for an internal one.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === "UsageError";
  }
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
