import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { TEXT_MANIFEST } from "../../scripts/dataset/texts.ts";
import { textManifest } from "../../scripts/rules/dataset/text-manifest.ts";
import { datasetRuleTester } from "../helpers/dataset-rule-tester.ts";
import { PAGE, PAGE_URL } from "../helpers/rule-cases.ts";

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");
const ENTRY = { file: "dw.txt", url: PAGE_URL, sha256: sha(PAGE) };
/** The manifest as JSON, two spaces: an entry's `file` at 4:15, `url` at 5:14, `sha256` at 6:17; the next entry 8:5. */
const manifest = (texts: unknown, extra: object = {}) => JSON.stringify({ texts, ...extra }, null, 2) + "\n";
const KEPT = { "data/texts/dw.txt": PAGE, [TEXT_MANIFEST]: manifest([ENTRY]) };
const M = TEXT_MANIFEST;

datasetRuleTester(textManifest, {
  valid: [
    { name: "a kept text, listed with its URL and hash", files: KEPT },
    { name: "no kept texts, no manifest", files: {} },
    { name: "an empty manifest", files: { [M]: manifest([]) } },
  ],
  invalid: [
    {
      name: "a kept text without a manifest",
      files: { "data/texts/dw.txt": PAGE },
      errors: [{ file: "data/texts/dw.txt", messageId: "noManifest", data: { manifest: M }, message: `A text file without a manifest: list it in ${M} with its source URL and SHA-256.`, line: 1, column: 1 }],
    },
    {
      name: "a manifest that is a symbolic link (never read)",
      files: { "data/texts/dw.txt": PAGE },
      links: { [M]: "/etc/passwd" },
      errors: [{ file: M, messageId: "manifestLink", message: "The manifest is a symbolic link; it was not read, and no evidence is checked against kept texts.", line: 1, column: 1 }],
    },
    {
      name: "a manifest that is a FIFO (never opened)",
      files: { "data/texts/dw.txt": PAGE },
      setup: (root) => execFileSync("mkfifo", [path.join(root, M)]),
      errors: [{ file: M, messageId: "manifestNotRegular", message: "The manifest is a FIFO (named pipe), not a regular file; it was not read, and no evidence is checked against kept texts.", line: 1, column: 1 }],
    },
    {
      name: "a manifest over its size limit",
      files: { [M]: " ".repeat(8 * 1024 * 1024 + 1) },
      errors: [
        {
          file: M,
          messageId: "manifestUnreadable",
          data: { manifest: M, folder: "data/texts", detail: `${8 * 1024 * 1024 + 1} bytes; the limit is ${8 * 1024 * 1024}` },
          message: `The manifest cannot be read (${8 * 1024 * 1024 + 1} bytes; the limit is ${8 * 1024 * 1024}); no evidence is checked against kept texts.`,
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a manifest that does not parse",
      files: { [M]: '{\n  "texts": [,]\n}\n' },
      errors: [{ file: M, messageId: "manifestSyntax", message: "The manifest does not parse: Unexpected token ','", line: 2, column: 13 }],
    },
    { name: "a manifest without a texts list", files: { [M]: manifest(undefined, { text: [] }) }, errors: [{ file: M, messageId: "manifestShape", message: "The manifest must be an object with a `texts` list.", line: 1, column: 1 }] },
    { name: "an entry that is not an object", files: { [M]: manifest(["dw.txt"]) }, errors: [{ file: M, messageId: "entryShape", data: { manifest: M, folder: "data/texts", index: 0 }, message: "`texts[0]` must be an object: { file, url, sha256 }.", line: 3, column: 5 }] },
    {
      name: "an entry whose file is in another folder",
      files: { [M]: manifest([{ ...ENTRY, file: "../dw.txt" }]) },
      errors: [{ file: M, messageId: "entryFile", message: "`texts[0].file` must be the name of a .txt file in data/texts/ (lower case, no folders).", line: 4, column: 15 }],
    },
    { name: "an entry whose URL is not http(s)", files: { ...KEPT, [M]: manifest([{ ...ENTRY, url: "ftp://p.dw.com/x" }]) }, errors: [{ file: "data/texts/dw.txt", messageId: "notListed", line: 1, column: 1 }, { file: M, messageId: "entryUrl", data: { manifest: M, folder: "data/texts", index: 0 }, message: "`texts[0].url` must be the http(s) address that records cite for this text.", line: 5, column: 14 }] },
    { name: "an entry whose hash is not a SHA-256", files: { ...KEPT, [M]: manifest([{ ...ENTRY, sha256: "abc" }]) }, errors: [{ file: "data/texts/dw.txt", messageId: "notListed" }, { file: M, messageId: "entrySha256", message: "`texts[0].sha256` must be the SHA-256 of the file's bytes, 64 lower-case hex digits.", line: 6, column: 17 }] },
    {
      name: "two texts for one URL",
      files: { ...KEPT, "data/texts/dw2.txt": PAGE, [M]: manifest([ENTRY, { ...ENTRY, file: "dw2.txt" }]) },
      errors: [{ file: M, messageId: "twoTexts", data: { manifest: M, folder: "data/texts", url: PAGE_URL }, message: `\`${PAGE_URL}\` has two texts; keep one text a source.`, line: 10, column: 14 }],
    },
    { name: "a listed text that is not there", files: { [M]: manifest([ENTRY]) }, errors: [{ file: M, messageId: "notInFolder", data: { manifest: M, folder: "data/texts", name: "dw.txt" }, message: "`dw.txt` is listed but not in data/texts/ (as a file, not a link).", line: 4, column: 15 }] },
    {
      name: "a listed text that is not UTF-8",
      files: { "data/texts/dw.txt": Buffer.from([0x66, 0xff, 0x0a]), [M]: manifest([{ ...ENTRY, sha256: sha(Buffer.from([0x66, 0xff, 0x0a])) }]) },
      errors: [{ file: M, messageId: "textUnreadable", data: { manifest: M, folder: "data/texts", name: "dw.txt", detail: "the file is not valid UTF-8" }, message: "`dw.txt` cannot be read as a text (the file is not valid UTF-8).", line: 4, column: 15 }],
    },
    {
      name: "a text changed since it was listed, and a text not listed",
      files: { ...KEPT, "data/texts/dw.txt": Buffer.concat([Buffer.from(PAGE), Buffer.from("x")]), "data/texts/other.txt": "words" },
      errors: [
        {
          file: M,
          messageId: "changed",
          data: { manifest: M, folder: "data/texts", name: "dw.txt", actual: sha(`${PAGE}x`) },
          message: `\`dw.txt\` has changed: its SHA-256 is ${sha(`${PAGE}x`)}, not the one listed. A kept text is the page byte for byte; restore it (evidence against it is not checked meanwhile).`,
          line: 6,
          column: 17,
        },
        { file: "data/texts/other.txt", messageId: "notListed", message: `This text is not listed in ${M}: add it with its source URL and SHA-256, or remove it.`, line: 1, column: 1 },
      ],
    },
  ],
});
