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

test.run();
