/**
 * `eventwire new event` in a real pseudo-terminal (Python's pty module, /usr/bin/python3): answers typed, a wrong
 * value refused with the allowed ones and asked again, and Ctrl-C leaving no file.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { REGISTRY, writeDataset } from "../helpers/dataset.ts";

const PYTHON = "/usr/bin/python3";
const DRIVER = path.join(TOOLKIT_ROOT, "test/helpers/pty-run.py");
const BIN = path.join(TOOLKIT_ROOT, "bin/eventwire.js");
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

function inTerminal(cwd: string, answers: string[], args: string[]): { code: number; transcript: string } {
  const out = execFileSync(PYTHON, [DRIVER, cwd, JSON.stringify(answers), process.execPath, BIN, ...args], { encoding: "utf8", timeout: 90_000, env: { ...process.env, PTY_SECONDS: "40" } });
  const result = JSON.parse(out) as { code: number; transcript: string };
  return { code: result.code, transcript: result.transcript.replace(ANSI, "").replace(/\r/g, "") };
}

function eventFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    if (!existsSync(path.join(root, rel))) return;
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) e.isDirectory() ? walk(`${rel}/${e.name}`) : out.push(`${rel}/${e.name}`);
  };
  walk("data/events");
  return out;
}

const skip = existsSync(PYTHON) ? false : `${PYTHON} is not installed (.ci/run installs python3)`;

test("answers typed at a terminal; a wrong event type is refused with the allowed ones and asked again", () => {
  if (skip) return console.log(`skipped: ${skip}`);
  const root = writeDataset({ ...REGISTRY });
  try {
    const answers = ["", "CONSULTING", "CONSULT", "nowhere", "visit", "antony-blinken", "kazakhstan", "", "KZX", "KAZ", "", "dw", "https://p.dw.com/p/4O4UG", "A headline", "2023-02-28", "en", "Blinken visits Kazakhstan", "Antony Blinken visited Kazakhstan and met its foreign minister in Astana."];
    const { code, transcript } = inTerminal(root, answers, ["new", "event", "--date", "2023-02-28", "--coder", "tester"]);
    assert.is(code, 0, transcript);
    assert.match(transcript, /type must be one of AGREE, CONSULT, .*; got `CONSULTING`\./);
    assert.match(transcript, /mode must be one of visit, third-party, multilateral, phone; got `nowhere`/);
    assert.match(transcript, /`KZX` is not an ISO 3166-1 alpha-3 code\./);
    assert.match(transcript, /Created data\/events\/2023\/02\/ev-[0-9a-z]{8}\.yaml/);
    assert.is(eventFiles(root).length, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("Ctrl-C at a question stops the command and leaves no file", () => {
  if (skip) return console.log(`skipped: ${skip}`);
  const root = writeDataset({ ...REGISTRY });
  try {
    const { code, transcript } = inTerminal(root, ["", "CONSULT", "\u0003"], ["new", "event", "--date", "2023-02-28", "--coder", "tester"]);
    assert.is(code, 2, transcript);
    assert.match(transcript, /eventwire new: cancelled \(Ctrl-C\): nothing was written/);
    assert.not.match(transcript, /internal error/);
    assert.equal(eventFiles(root), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
