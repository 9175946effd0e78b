/** The pretty report and format --check with hostile file names and values: nothing reaches the terminal or a CI log raw. */
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Finding } from "../../scripts/core/finding.ts";
import { formatJson } from "../../scripts/report/json.ts";
import { formatPretty } from "../../scripts/report/pretty.ts";
import { summarize } from "../../scripts/report/summary.ts";
import { EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const HOSTILE = "data/events/2023/02/ev-x\n::error file=README.md,line=1::FORGED\u001b[2J`$(touch pwned)`.yaml";

/** No raw control character (other than the line breaks between lines), and no line a runner would read as a command. */
function assertSafe(out: string): void {
  assert.not.match(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/, out);
  for (const line of out.split("\n")) assert.not.match(line, /^\s*::/, line);
}

test("pretty: paths, messages, hints and related files are escaped, and no line starts with ::", () => {
  const f: Finding = {
    file: HOSTILE,
    line: 1,
    column: 1,
    rule: "id-unique",
    severity: "error",
    message: "The id `x` is also used by `::warning::y\n::error::z\u009b2J`.",
    hint: "::notice::hint\u202e",
    pointer: "/id",
    related: [{ file: "::error::related\r\n::error::again", pointer: "" }],
  };
  for (const color of [false, true]) {
    const out = formatPretty([f], summarize([f], 1, 1), { color, source: () => "id: x\u001b]0;title\u0007\n" });
    const plain = out.replace(/\u001b\[[0-9;]*m/g, "");
    assertSafe(plain);
    assert.ok(plain.includes("data/events/2023/02/ev-x\\n::error file=README.md,line=1::FORGED\\x1b[2J`$(touch pwned)`.yaml:1:1"), plain);
    assert.ok(plain.includes("see: ::error::related\\r\\n::error::again"), plain);
    assert.ok(plain.includes("help: ::notice::hint\\u202e"), plain);
  }
});

test("validate and format --check on a file with a hostile name: escaped output, a hint safe to paste", async () => {
  const messy = editEvent("schema_version: \"1.3.0\"\nid: ev-p6w7bxbz", "id: ev-p6w7bxbz\nschema_version: \"1.3.0\"", EVENT_YAML);
  const root = writeDataset({ ...REGISTRY, [HOSTILE]: messy });
  try {
    const validate = await run(["validate"], { cwd: root });
    assert.is(validate.code, 1);
    assertSafe(validate.stdout);
    assert.match(validate.stdout, /ev-x\\n::error file=README\.md,line=1::FORGED\\x1b\[2J/);
    // The file-name hint quotes the name for a POSIX shell: pasted, it runs no command.
    const hint = /help: Move the file: (git mv -- .*)$/m.exec(validate.stdout)?.[1];
    assert.ok(hint, validate.stdout);
    // Pasted into a shell, it names the file exactly, control characters included (as printf escapes), and runs nothing.
    const words = execFileSync("/bin/sh", ["-c", `for w in ${hint!.slice("git mv -- ".length)}; do printf '%s|' "$w"; done`], { cwd: root, encoding: "utf8" });
    assert.is(words, `${HOSTILE}|data/events/2023/02/ev-p6w7bxbz.yaml|`);
    assert.not.ok(existsSync(path.join(root, "pwned")));

    const check = await run(["format", "--check"], { cwd: root });
    assert.is(check.code, 1);
    assertSafe(check.stdout);
    assertSafe(check.stderr);
    assert.ok(check.stdout.startsWith("data/events/2023/02/ev-x\\n::error file=README.md,line=1::FORGED\\x1b[2J`$(touch pwned)`.yaml\n"), check.stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("json: the same data, with every character a terminal acts on written as a \\u escape", () => {
  const f: Finding = { file: "a\u001b[2J\u009b31m.yaml", line: 1, column: 1, rule: "r", severity: "error", message: "\u2028\u202e\u007f\ud83d", pointer: "" };
  const out = formatJson([f], summarize([f], 1, 1));
  assert.not.match(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]|[\ud800-\udfff]/);
  const back = JSON.parse(out) as { findings: Finding[] };
  assert.is(back.findings[0]!.file, f.file);
  assert.is(back.findings[0]!.message, f.message);
});

test.run();
