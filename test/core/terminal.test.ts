/** Colour and the progress line (core/terminal.ts): one decision for colour, a progress line on a fake terminal with a fake clock. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { colorFlag, ERASE_LINE, groupDigits, inCi, progressLine, useColor } from "../../scripts/core/terminal.ts";

const TTY = { isTTY: true };
const PIPE = { isTTY: false };

test("colour: on a terminal by default, never on a pipe or TERM=dumb", () => {
  assert.is(useColor(TTY, {}), true);
  assert.is(useColor(PIPE, {}), false);
  assert.is(useColor({}, {}), false);
  assert.is(useColor(TTY, { TERM: "dumb" }), false);
  assert.is(useColor(TTY, { TERM: "xterm-256color" }), true);
});

test("colour: NO_COLOR set and not empty turns it off (no-color.org); empty is unset", () => {
  assert.is(useColor(TTY, { NO_COLOR: "1" }), false);
  assert.is(useColor(TTY, { NO_COLOR: "0" }), false, "any value counts");
  assert.is(useColor(TTY, { NO_COLOR: "" }), true);
});

test("colour: FORCE_COLOR 0/false turns it off, empty/1/2/3 on, on a pipe too; it wins over NO_COLOR", () => {
  for (const value of ["", "1", "2", "3", "true"]) {
    assert.is(useColor(PIPE, { FORCE_COLOR: value }), true, `FORCE_COLOR=${value}`);
    assert.is(useColor(PIPE, { FORCE_COLOR: value, NO_COLOR: "1" }), true, `FORCE_COLOR=${value} NO_COLOR=1`);
  }
  for (const value of ["0", "false", "FALSE"]) assert.is(useColor(TTY, { FORCE_COLOR: value }), false, `FORCE_COLOR=${value}`);
  assert.is(useColor(TTY, { FORCE_COLOR: "1", TERM: "dumb" }), true);
});

test("colour: --color and --no-color win over the environment", () => {
  assert.is(useColor(PIPE, { NO_COLOR: "1", FORCE_COLOR: "0" }, true), true);
  assert.is(useColor(TTY, { FORCE_COLOR: "3" }, false), false);
});

test("colour flags: the last one wins; none gives undefined; nothing after `--` counts", () => {
  assert.is(colorFlag([]), undefined);
  assert.is(colorFlag(["data", "--format", "json"]), undefined);
  assert.is(colorFlag(["--color"]), true);
  assert.is(colorFlag(["--no-color"]), false);
  assert.is(colorFlag(["--color", "x", "--no-color"]), false);
  assert.is(colorFlag(["--no-color", "--color"]), true);
  assert.is(colorFlag(["--color", "--", "--no-color"]), true);
  assert.is(colorFlag(["--", "--color"]), undefined);
});

test("CI: set and not empty, 0 or false", () => {
  assert.is(inCi({}), false);
  assert.is(inCi({ CI: "" }), false);
  assert.is(inCi({ CI: "0" }), false);
  assert.is(inCi({ CI: "false" }), false);
  assert.is(inCi({ CI: "true" }), true);
  assert.is(inCi({ CI: "1" }), true);
  assert.is(inCi({ CI: "woodpecker" }), true);
});

/** A fake terminal and a clock the test moves. */
function fake(options: { isTTY?: boolean; columns?: number; env?: Record<string, string> } = {}) {
  let written = "";
  let clock = 0;
  const stream = { isTTY: options.isTTY ?? true, columns: options.columns, write: (t: string) => (written += t) };
  const line = progressLine(stream, options.env ?? {}, { text: (done, total) => `validate: ${done} of ${total} files checked`, unit: "files", now: () => clock });
  return {
    line,
    at(ms: number) {
      clock = ms;
    },
    get written() {
      return written;
    },
  };
}

test("progress: nothing in the first second; then the count and the rate, redrawn in place; erased at the end", () => {
  const f = fake();
  f.at(0);
  f.line.update(0, 5000);
  f.at(500);
  f.line.update(1000, 5000);
  f.at(999);
  f.line.update(2000, 5000);
  assert.is(f.written, "", "a run shorter than a second shows nothing");
  f.at(1000);
  f.line.update(3000, 5000);
  assert.is(f.written, `${ERASE_LINE}validate: 3000 of 5000 files checked, 3,000 files/s`);
  f.at(1050);
  f.line.update(3100, 5000);
  assert.is(f.written.split(ERASE_LINE).length, 2, "at most one redraw in 100 ms");
  f.at(1100);
  f.line.update(4000, 5000);
  f.at(1110);
  f.line.update(5000, 5000);
  assert.is(f.written.split(ERASE_LINE).slice(1).join("|"), "validate: 3000 of 5000 files checked, 3,000 files/s|validate: 4000 of 5000 files checked, 3,636 files/s|validate: 5000 of 5000 files checked, 4,505 files/s", "the last count is drawn whatever the time");
  assert.not.match(f.written, /\n/, "never a new line");
  f.line.end();
  assert.ok(f.written.endsWith(`files/s${ERASE_LINE}`), "erased at the end");
  const before = f.written;
  f.at(5000);
  f.line.update(5000, 5000);
  f.line.end();
  assert.is(f.written, before, "nothing after the end");
});

test("progress: a run that ends within the second erases nothing (nothing was drawn)", () => {
  const f = fake();
  f.line.update(0, 10);
  f.at(200);
  f.line.update(10, 10);
  f.line.end();
  assert.is(f.written, "");
});

test("progress: never on a pipe, in CI or on TERM=dumb", () => {
  for (const f of [fake({ isTTY: false }), fake({ env: { CI: "true" } }), fake({ env: { TERM: "dumb" } })]) {
    f.line.update(0, 10);
    f.at(5000);
    f.line.update(5, 10);
    f.line.end();
    assert.is(f.written, "");
  }
  const notCi = fake({ env: { CI: "false" } });
  notCi.line.update(0, 10);
  notCi.at(5000);
  notCi.line.update(5, 10);
  assert.match(notCi.written, /5 of 10/);
});

test("progress: a line kept to the terminal's width (a wrapped line could not be erased)", () => {
  const f = fake({ columns: 20 });
  f.line.update(0, 10);
  f.at(2000);
  f.line.update(5, 10);
  assert.is(f.written, `${ERASE_LINE}validate: 5 of 10 f`);
});

test("progress: EVENTWIRE_TEST_PROGRESS_AFTER sets the delay (tests draw from the start)", () => {
  const f = fake({ env: { EVENTWIRE_TEST_PROGRESS_AFTER: "0" } });
  f.line.update(0, 10);
  assert.is(f.written, `${ERASE_LINE}validate: 0 of 10 files checked`, "no rate before anything is done");
});

test("digits are grouped the same in every locale", () => {
  assert.is(groupDigits(0), "0");
  assert.is(groupDigits(999), "999");
  assert.is(groupDigits(1000), "1,000");
  assert.is(groupDigits(1234567), "1,234,567");
});

test.run();

test("progress: a stage that counts nothing shows the last count and what is being done; nothing before the delay, nor after the end", () => {
  const f = fake();
  f.at(0);
  f.line.update(0, 3);
  f.line.stage("comparing records across the dataset");
  assert.is(f.written, "", "not before the delay");
  f.at(1500);
  f.line.update(3, 3);
  f.line.stage("comparing records across the dataset");
  assert.ok(f.written.endsWith(`${ERASE_LINE}validate: 3 of 3 files checked; comparing records across the dataset`), JSON.stringify(f.written));
  f.line.end();
  const ended = f.written;
  f.line.stage("writing");
  assert.is(f.written, ended);
  assert.ok(ended.endsWith(ERASE_LINE));
});

test("progress: a stage line is kept to the terminal's width", () => {
  const f = fake({ columns: 30 });
  f.at(2000);
  f.line.update(3, 3);
  f.line.stage("comparing records across the dataset");
  const last = f.written.split(ERASE_LINE).at(-1)!;
  assert.is(last.length, 29);
});
