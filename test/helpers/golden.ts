/** Golden files: compared byte for byte; `UPDATE_GOLDEN=1 npm test` rewrites them. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as assert from "uvu/assert";

const GOLDEN = path.join(import.meta.dirname, "..", "fixtures", "golden");

export function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  assert.fixture(actual, readFileSync(file, "utf8"), `golden ${name}`);
}
