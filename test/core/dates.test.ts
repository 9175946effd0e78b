/** Calendar dates: every month length and the leap-year rules. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { addDays, dayNumber, isCalendarDate } from "../../scripts/core/dates.ts";

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

test("dayNumber counts consecutive days from 0000-01-01 up to 9999-12-31 (22 bits); partial and impossible dates have none", () => {
  assert.is(dayNumber("0000-01-01"), 0);
  assert.is(dayNumber("0000-03-01"), 31 + 29);
  assert.is(dayNumber("9999-12-31"), 3_652_424);
  assert.ok(dayNumber("9999-12-31")! < 2 ** 22);
  assert.is(dayNumber("2024-03-01")! - dayNumber("2024-02-28")!, 2);
  assert.is(dayNumber("2023-03-01")! - dayNumber("2023-02-28")!, 1);
  assert.is(dayNumber("2000-01-01")! - dayNumber("1970-01-01")!, 10_957);
  for (const none of ["2023-02", "2023", "2023-02-29", "23-01-01", "2023-02-28T00:00"]) assert.is(dayNumber(none), undefined, none);
});

test("addDays steps over months, years and leap days, in both directions, and stays within 0000-9999", () => {
  assert.is(addDays("2023-02-28", 1), "2023-03-01");
  assert.is(addDays("2024-02-28", 1), "2024-02-29");
  assert.is(addDays("2024-01-01", -1), "2023-12-31");
  assert.is(addDays("0050-06-15", 1), "0050-06-16", "a year below 100 is not read as 19xx");
  assert.is(addDays("0000-01-01", -1), undefined);
  assert.is(addDays("9999-12-31", 1), undefined);
  assert.is(addDays("2023-02", 1), undefined);
  let day = "1999-12-25";
  for (let i = 0; i < 800; i++) {
    const next = addDays(day, 1)!;
    assert.is(dayNumber(next)! - dayNumber(day)!, 1, next);
    assert.is(addDays(next, -1), day);
    day = next;
  }
});

test.run();
