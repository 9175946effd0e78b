/** Calendar dates: every month length and the leap-year rules. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { isCalendarDate } from "../../scripts/core/dates.ts";

test("month lengths and leap years (divisible by 4, not by 100 unless by 400)", () => {
  for (const ok of ["2023-01-31", "2023-04-30", "2024-02-29", "2000-02-29", "2023-12-31", "2023", "2023-02"]) assert.ok(isCalendarDate(ok), ok);
  for (const bad of ["2023-02-29", "1900-02-29", "2023-04-31", "2023-06-31", "2023-09-31", "2023-11-31", "2023-13", "2023-00-10", "2023-01-00", "23-01-01"])
    assert.not.ok(isCalendarDate(bad), bad);
});

test("agrees with the calendar of Date for every day of 1999-2001", () => {
  for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2002, 0, 1); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    assert.ok(isCalendarDate(day), day);
  }
});

test.run();
