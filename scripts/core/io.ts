/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** For commands that ask questions on a terminal; tests leave it out. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/**
 * A mistake in how a command was called: exit code 2 with this message, no
 * stack trace. Known by its name as well as its class: the same module loaded
 * twice (tests run the sources through tsx, where a command imported on
 * demand got a second copy) gives a second class.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Whether an error is a UsageError, of whichever copy of this module. */
export function isUsageError(error: unknown): boolean {
  return error instanceof UsageError || (error instanceof Error && error.name === "UsageError");
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
