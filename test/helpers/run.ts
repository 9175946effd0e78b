/** Runs the CLI in-process and captures what it prints. */
import { main } from "../../scripts/cli.ts";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
  });
  return { code, stdout, stderr };
}
