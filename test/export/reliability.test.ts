/** The card's Reliability section: a table a coder, "not measured" without codings, the coders' handles and reasons as text. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { reliabilitySection } from "../../scripts/export/reliability.ts";

test("no second coding: the section says the agreement was not measured", () => {
  assert.equal(reliabilitySection(undefined), reliabilitySection({ coders: [] }));
  assert.match(reliabilitySection(undefined).join("\n"), /^## Reliability\n\nNot measured: /);
});

test("a coder's handle and an undefined alpha's reason are data: code span and escaped text, one table row a field", () => {
  const lines = reliabilitySection({
    coders: [
      {
        coder: "a`b|@c",
        records: 1,
        articles: 1,
        units: 1,
        unmatched: 0,
        fields: [{ field: "date", metric: "nominal", alpha: undefined, undefinedBecause: "every value is the same (2023-02-28|x*)", percent: 1, units: 1, matched: { alpha: 0.5, percent: 0.75, units: 4 } }],
      },
    ],
  });
  assert.ok(lines.includes("### Coder ``a`b|@c``"), lines.join("\n"));
  assert.ok(lines.includes("| `date` | nominal | 0.500 | 75.0 % | 4 | undefined: every value is the same (2023-02-28\\|x\\*) | 100.0 % | 1 |"), lines.join("\n"));
  assert.ok(lines.includes("1 record coding 1 article; 1 unit, 0 of them coded by one side only."));
});

test.run();
