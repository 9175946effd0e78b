/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** For commands that ask questions on a terminal; tests leave it out. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** A mistake in how a command was called: exit code 2 with this message, no stack trace. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * Whether `error` is a UsageError. By its name too: a second copy of this
 * module (the tests load commands through another module loader than the CLI
 * they call) makes a second class, and `instanceof` alone then called every
 * usage error an internal one.
 */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError || (error instanceof Error && error.name === "UsageError");
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
