/**
 * Errors in the editor as a record is typed: `eventwire new` writes the YAML
 * language server's modeline, and the real server (yaml-language-server, as
 * VS Code, Neovim, JetBrains and Helix run it) reports a wrong enum value and
 * a missing field at their lines, then nothing once the record is fixed.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { jsonSchemaPath, LATEST_VERSION } from "../../schema/versions.ts";
import { EVENT_TYPES } from "../../schema/vocabularies/plover.ts";
import { pathToFileURL } from "node:url";
import { REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { LanguageClient } from "../helpers/lsp.ts";
import { run } from "../helpers/run.ts";

const FULL = [
  "new", "event", "--no-input", "--date", "2023-02-28", "--type", "CONSULT", "--mode", "multilateral",
  "--actor", "antony-blinken", "--actor", "kazakhstan:recipient", "--country", "KAZ",
  "--outlet", "dw", "--url", "https://p.dw.com/p/4O4UG", "--headline", "Top US diplomat visits Central Asia with eye on Russia",
  "--published", "2023-02-28", "--language", "en", "--title", "Blinken meets Central Asian foreign ministers",
  "--summary", "Antony Blinken met the foreign ministers of the five Central Asian states.", "--coder", "eventwire",
];

/** `eventwire new event` with every flag, in `root`: the file it wrote and its text. */
async function scaffold(root: string): Promise<{ file: string; text: string }> {
  const r = await run(FULL, { cwd: root });
  assert.is(r.code, 0, r.stderr);
  const file = path.join(root, /^Created (\S+)$/m.exec(r.stdout)![1]!);
  return { file, text: readFileSync(file, "utf8") };
}

test("a scaffolded record names its schema for the editor; the YAML language server reports a wrong status and a missing summary at their lines, and nothing once fixed", async () => {
  const root = writeDataset({ ...REGISTRY });
  const client = LanguageClient.yaml();
  try {
    const { file, text } = await scaffold(root);
    const lines = text.split("\n");
    assert.match(lines[0]!, new RegExp(`^# yaml-language-server: \\$schema=(\\.\\./)+.*schema/v${LATEST_VERSION.replace(/\./g, "\\.")}/event\\.schema\\.json$`));
    assert.is(lines[1], "");
    // format and validate accept the modeline as the file's header.
    assert.is((await run(["format", "--check", path.relative(root, file)], { cwd: root })).code, 0);

    await client.start(root);
    const broken = text.replace("status: active\n", "status: activ\n").replace(/^summary: .*\n/m, "");
    const opened = client.diagnostics(file);
    client.open(file, broken);
    const found = (await opened).map((d) => [d.range.start.line, d.message]);
    const statusLine = broken.split("\n").findIndex((l) => l.startsWith("status:"));
    assert.ok(found.some(([line, m]) => line === statusLine && m === 'Value is not accepted. Valid values: "active", "retracted", "duplicate".'), JSON.stringify(found));
    assert.ok(found.some(([, m]) => m === 'Missing property "summary".'), JSON.stringify(found));
    assert.is(found.length, 2, JSON.stringify(found));

    const cleared = client.diagnostics(file);
    client.change(file, text, 2);
    assert.equal(await cleared, []);
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test("hover shows what a field means (the codebook's description, from the published schema) and completion offers an enum's allowed values", async () => {
  const root = writeDataset({ ...REGISTRY });
  const client = LanguageClient.yaml();
  try {
    const { file, text } = await scaffold(root);
    await client.start(root);
    const opened = client.diagnostics(file);
    client.open(file, text);
    assert.equal(await opened, []);
    const lines = text.split("\n");
    const uri = pathToFileURL(file).href;
    const schema = JSON.parse(readFileSync(jsonSchemaPath(LATEST_VERSION, "event"), "utf8")) as { properties: Record<string, { description: string }> };

    const statusLine = lines.findIndex((l) => l.startsWith("status:"));
    const hover = (await client.request("textDocument/hover", { textDocument: { uri }, position: { line: statusLine, character: 2 } })) as { contents: { value: string } } | null;
    assert.ok(hover, "no hover on status");
    // The server renders the description as Markdown: compare the words.
    const words = (s: string) => s.replace(/[`*\\]/g, "").replace(/\s+/g, " ").trim();
    assert.ok(words(hover!.contents.value).includes(words(schema.properties.status!.description)), hover!.contents.value);

    const typeLine = lines.findIndex((l) => l.startsWith("event_type:"));
    const edited = lines.map((l, i) => (i === typeLine ? "event_type: " : l)).join("\n");
    const again = client.diagnostics(file);
    client.change(file, edited, 2);
    await again;
    const completion = (await client.request("textDocument/completion", { textDocument: { uri }, position: { line: typeLine, character: "event_type: ".length } })) as { items: { label: string }[] } | { label: string }[];
    const labels = (Array.isArray(completion) ? completion : completion.items).map((i) => i.label);
    for (const code of EVENT_TYPES.map((t) => t.code)) assert.ok(labels.includes(code), `${code} not offered: ${JSON.stringify(labels)}`);
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test("the repository's editor settings point every record folder at the latest version's schemas", () => {
  const settings = JSON.parse(readFileSync(".vscode/settings.json", "utf8")) as { "yaml.schemas": Record<string, string[]>; "json.schemas": { url: string }[] };
  const yamlSchemas = Object.keys(settings["yaml.schemas"]).filter((k) => k.includes("/v"));
  assert.equal(yamlSchemas, ["event", "actor", "outlet"].map((kind) => `./schema/v${LATEST_VERSION}/${kind}.schema.json`));
  assert.equal(settings["json.schemas"].map((s) => s.url), ["event", "actor", "outlet"].map((kind) => `./schema/v${LATEST_VERSION}/${kind}.schema.json`));
  assert.equal(JSON.parse(readFileSync(".vscode/extensions.json", "utf8")).recommendations, ["redhat.vscode-yaml"]);
});

test.run();
