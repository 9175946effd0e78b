/**
 * EVENTWIRE_THREADS: a whole number of 1 or more, capped at the cores and at
 * the work (1000 asked for 158 files once started 158 workers, 1.2 GB).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { MIN_FILES_PER_THREAD, poolOptionsFromEnv, threadsFor } from "../../scripts/check/pool.ts";
import { UsageError } from "../../scripts/core/io.ts";

test("EVENTWIRE_THREADS: unset or empty leaves the default; a number is capped at the cores", () => {
  assert.equal(poolOptionsFromEnv({}, 2), {});
  // Set but empty, as an undefined CI variable gives it (`EVENTWIRE_THREADS: ${{ vars.THREADS }}`): unset.
  assert.equal(poolOptionsFromEnv({ EVENTWIRE_THREADS: "" }, 2), {});
  assert.equal(poolOptionsFromEnv({ EVENTWIRE_THREADS: "1" }, 2), { threads: 1, minFilesPerThread: 1 });
  assert.equal(poolOptionsFromEnv({ EVENTWIRE_THREADS: "2" }, 2), { threads: 2, minFilesPerThread: 1 });
  assert.equal(poolOptionsFromEnv({ EVENTWIRE_THREADS: "1000" }, 2), { threads: 2, minFilesPerThread: 1 });
  assert.equal(poolOptionsFromEnv({ EVENTWIRE_THREADS: "1000" }, 8), { threads: 8, minFilesPerThread: 1 });
  assert.equal(poolOptionsFromEnv({ EVENTWIRE_THREADS: "99999999999999999999999" }, 4), { threads: 4, minFilesPerThread: 1 });
});

test("EVENTWIRE_THREADS: anything but a whole number of 1 or more is a usage error naming the variable", () => {
  for (const bad of [" ", "0", "00", "-1", "1.5", "2.0", "1e3", "0x10", " 2", "2 ", "+2", "many", "Infinity", "NaN", "x".repeat(1000)]) {
    try {
      poolOptionsFromEnv({ EVENTWIRE_THREADS: bad }, 2);
      assert.unreachable(`\`${bad}\` was taken`);
    } catch (error) {
      assert.instance(error, UsageError, `\`${bad}\``);
      assert.match((error as Error).message, /^EVENTWIRE_THREADS must be a whole number of threads \(1 or more\), got `/);
      assert.ok((error as Error).message.length < 120, "a long value is cut in the message");
    }
  }
});

test("threads: never more than the files (one a file at least), nor than asked for", () => {
  const asked = poolOptionsFromEnv({ EVENTWIRE_THREADS: "1000" }, 2);
  assert.is(threadsFor(158, asked), 2);
  assert.is(threadsFor(1, asked), 1);
  assert.is(threadsFor(0, asked), 1);
  assert.is(threadsFor(3, { threads: 1000, minFilesPerThread: 1 }), 3, "the work caps a number the cores do not");
  assert.is(threadsFor(MIN_FILES_PER_THREAD * 2 - 1, { threads: 4 }), 1, "by default a thread needs its share of files");
  assert.is(threadsFor(MIN_FILES_PER_THREAD * 3, { threads: 4 }), 3);
});

test.run();
