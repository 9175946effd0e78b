/** The agreement report prints the codings' data: escaped for a terminal and for Markdown. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { AgreementReport } from "../../scripts/agreement/fields.ts";
import { formatAgreementMarkdown, formatAgreementPretty } from "../../scripts/agreement/report.ts";

const report: AgreementReport = {
  coders: ["coder-a", "b`![x](http://evil)\n::error::forged"],
  articles: 1,
  units: 1,
  unmatched: 0,
  fields: [
    {
      field: "event_type",
      metric: "nominal",
      alpha: { alpha: undefined, reason: "no unit has values from two coders", units: 0, values: 1 },
      percent: undefined,
      matched: { alpha: { alpha: undefined, reason: "no unit has values from two coders", units: 0, values: 1 }, percent: undefined, units: 0 },
      disagreements: [{ article: "https://x/\u001b[2J", events: ["ev-a\n::warning::w"], values: ["CONSULT", "<b>|`x`"] }],
    },
  ],
};

test("pretty: data shown with visible escapes, no line a runner reads as a command", () => {
  const out = formatAgreementPretty(report);
  assert.not.match(out, /\u001b/);
  for (const line of out.split("\n")) assert.not.match(line, /^\s*::/, line);
  assert.ok(out.includes("b`![x](http://evil)\\n::error::forged"), out);
  assert.ok(out.includes("https://x/\\x1b[2J (ev-a\\n::warning::w): CONSULT | <b>|`x`"), out);
});

test("markdown: coders in code spans they cannot close, values as text", () => {
  const out = formatAgreementMarkdown(report);
  assert.ok(out.includes("``b`![x](http://evil)\\n::error::forged``"), out);
  assert.ok(out.includes("&lt;b&gt;\\|\\`x\\`"), out);
  for (const line of out.split("\n")) assert.not.match(line, /^\s*::/, line);
});

test.run();
