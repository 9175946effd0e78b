/** `eventwire new event` on a terminal: it asks for each field (here through a stream that says it is a terminal). */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { main } from "../../scripts/cli.ts";
import { REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Runs `argv` with a fake terminal, answering each question (a line ending in ": ") in turn. */
async function converse(argv: string[], cwd: string, answers: string[]): Promise<{ code: number; transcript: string }> {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 200 });
  let transcript = "";
  let asked = 0;
  stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString().replace(ANSI, "");
    transcript += text;
    // A question is written as one piece ending in ": "; answer it once it is out.
    if (text.endsWith(": ") && asked < answers.length) {
      const answer = answers[asked++]!;
      setImmediate(() => stdin.write(`${answer}\r`));
    }
  });
  const code = await main(argv, { cwd, env: {}, stdout, stderr: stdout, stdin });
  return { code, transcript };
}

test("asks for what the flags leave out, and writes a record that validates", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    const { code, transcript } = await converse(["new", "event", "--date", "2023-02-28", "--coder", "tester"], root, [
      "", // date precision: Enter is day
      "CONSULT", // type
      "visit", // mode
      "antony-blinken", // first actor
      "kazakhstan", // another
      "", // done
      "KAZ", // country
      "", // place: the country only
      "dw", // outlet
      "https://p.dw.com/p/4O4UG",
      "Top US diplomat visits Central Asia with eye on Russia",
      "2023-02-28",
      "en",
      "Blinken visits Kazakhstan",
      "Antony Blinken visited Kazakhstan, DW reported.",
    ]);
    assert.is(code, 0, transcript);
    assert.match(transcript, /Date precision: day, or week for the week that starts that Monday \(Enter: day\) \(day, week\)/);
    assert.match(transcript, /Event type: CONSULT/);
    assert.match(transcript, /Mode \(visit, third-party, multilateral, phone\)/);
    const file = /Created (\S+)/.exec(transcript)![1]!;
    const record = parse(readFileSync(path.join(root, file), "utf8"));
    assert.is(record.event_type, "CONSULT");
    assert.is(record.mode, "visit");
    assert.equal(record.actors, [{ actor: "antony-blinken", role: "initiator" }, { actor: "kazakhstan", role: "recipient" }]);
    assert.equal(record.provenance.coded_by, ["tester"]);
    assert.is((await run(["validate", file], { cwd: root })).code, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a full day may be a week's Monday; a place named is asked its precision (not guessed)", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    const { code, transcript } = await converse(["new", "event", "--date", "2023-02-27", "--type", "AID", "--actor", "kazakhstan", "--country", "KAZ", "--coder", "tester", "--outlet", "dw", "--url", "https://p.dw.com/p/4O4UG", "--headline", "A headline", "--published", "2023-02-28", "--language", "en", "--title", "Aid for Kazakhstan", "--summary", "Aid was announced for Kazakhstan during the week."], root, [
      "fortnight", // refused: day or week
      "week",
      "Astana", // place
      "town", // refused: one of exact, city, admin2, admin1
      "city",
    ]);
    assert.is(code, 0, transcript);
    assert.match(transcript, /precision must be one of day, week; got `fortnight`/);
    assert.match(transcript, /Place precision \(what the place is\) \(exact, city, admin2, admin1\)/);
    assert.match(transcript, /place-precision must be one of exact, city, admin2, admin1; got `town`/);
    const file = /Created (\S+)/.exec(transcript)![1]!;
    const record = parse(readFileSync(path.join(root, file), "utf8"));
    assert.equal(record.date, { start: "2023-02-27", precision: "week" });
    assert.equal(record.locations, [{ name: "Astana", country: "KAZ", precision: "city" }]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
