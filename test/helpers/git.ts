/** git for tests: no system or user configuration, a fixed identity, no signing. */
import { execFileSync } from "node:child_process";

// Without the colour variables: uvu sets FORCE_COLOR=1 for its own output, and eventwire run under git (the pre-commit hook) would colour its report.
const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
export const GIT_ENV = { ...inherited, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    env: GIT_ENV,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
}
