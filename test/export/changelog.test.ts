/** CHANGELOG.md quotes a previous release's version and ids: as Markdown text and code that nothing in them can break out of. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { changelog } from "../../scripts/export/changes.ts";

test("hostile ids and version from a previous release stay inside their code spans and text", () => {
  const text = changelog("1.1.0", "1.0.0 ![x](http://evil/x.png)", ["- event records: ``a`b`` → `c`"], new Map([["added", 2]]), new Map([["added", ["ev-a`![i](http://evil)`", "ev-b\n# Owned"]]]));
  assert.ok(text.includes("Changes since 1.0.0 \\!\\[x\\](http://evil/x.png)."), text);
  assert.ok(text.includes("`` ev-a`![i](http://evil)` ``, `ev-b\\n# Owned`"), text);
  assert.not.match(text, /^# Owned/m);
});

test.run();
