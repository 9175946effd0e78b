/** sourceDate: the date forms the source datasets write, read to YYYY-MM-DD or refused (undefined). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { sourceDate } from "../../scripts/import/dates.ts";

test("GDELT, UCDP and ACLED forms, with times and month names full or short", () => {
  const cases: [string, string | undefined][] = [
    ["20250516", "2025-05-16"],
    ["2025-05-16", "2025-05-16"],
    ["2025-05-16 00:00:00.000", "2025-05-16"],
    ["2025-05-16T08:30:00Z", "2025-05-16"],
    ["16 May 2025", "2025-05-16"],
    ["6-May-2025", "2025-05-06"],
    ["16 Sept 2025", "2025-09-16"],
    ["16 September 2025", "2025-09-16"],
    [" 1 january 2024 ", "2024-01-01"],
    ["16 Septiembre 2025", undefined],
    ["16 Mayo 2025", undefined],
    ["May 16 2025", undefined],
    ["2025-02-30", undefined],
    ["30 Feb 2025", undefined],
    ["20251332", undefined],
    ["", undefined],
  ];
  for (const [text, expected] of cases) assert.is(sourceDate(text), expected, text);
});

test.run();
