/** The event locator of `validate --changed`: paths as git lists them, checked on disk. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { locatorOfPaths } from "../../scripts/dataset/discover.ts";
import { EVENT_YAML, writeDataset } from "../helpers/dataset.ts";

test("a path git lists more than once (a merge in conflict) is one file; a path gone from disk is none", () => {
  const root = writeDataset({ "data/events/2023/02/ev-p6w7bxbz.yaml": EVENT_YAML, "data/events/2023/02/notes.txt": "x\n" });
  try {
    const listed = ["data/events/2023/02/ev-p6w7bxbz.yaml", "data/events/2023/02/ev-p6w7bxbz.yaml", "data/events/2023/02/ev-p6w7bxbz.yaml", "data/events/2024/01/ev-gone0000.yaml"];
    const locator = locatorOfPaths(root, listed);
    assert.equal(
      locator.withIds(new Set(["ev-p6w7bxbz", "ev-gone0000"])).map((f) => f.path),
      ["data/events/2023/02/ev-p6w7bxbz.yaml"],
    );
    assert.equal(locator.withIds(new Set()), []);
    // A folder is read from disk (untracked files too), events only.
    mkdirSync(path.join(root, "data/events/2023/02"), { recursive: true });
    writeFileSync(path.join(root, "data/events/2023/02/ev-new00000.json"), "{}\n");
    assert.equal(
      locator.inFolder("data/events/2023/02").map((f) => f.path),
      ["data/events/2023/02/ev-new00000.json", "data/events/2023/02/ev-p6w7bxbz.yaml"],
    );
    assert.equal(locator.inFolder("data/events/1999/01"), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
