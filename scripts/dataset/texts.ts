/**
 * Source texts kept in the repository (data/texts/), so that evidence quotes
 * can be checked against the very words of a report. The manifest,
 * data/texts/manifest.json, links each text file to the source URL records
 * cite and to the SHA-256 of the file's exact bytes:
 *
 *   { "texts": [ { "file": "dw-2023-02-28-blinken-central-asia.txt",
 *                  "url": "https://p.dw.com/p/4O4UG", "sha256": "…",
 *                  "captured": "2023-02-28", "note": "…" } ] }
 *
 * A text is used only while its bytes match its hash: a text that changed
 * is reported, and evidence that cites it counts as not checked.
 */
import { readdirSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { inlineValue } from "../core/escape.ts";
import { UsageError } from "../core/io.ts";
import { describeError, notRegular } from "../core/regular-file.ts";
import { sha256 as sha256Of } from "../../schema/lock.ts";
import type { Position } from "./lines.ts";
import { readText } from "./read.ts";
import { parseRecord } from "./parse.ts";
import type { DatasetFile } from "./discover.ts";

export const TEXTS_FOLDER = "data/texts";
export const TEXT_MANIFEST = `${TEXTS_FOLDER}/manifest.json`;

/** What a check needs of a kept text: where it is and which source it is (plain data, for workers). */
export interface KeptText {
  file: string;
  url: string;
  /** Absolute path of the text file. */
  absolute: string;
  /** Its SHA-256, as checked against the manifest (a text read before under another hash is read again). */
  sha256: string;
}

/** A kept text may be a long page, not a record: the limit is larger than a record's. */
const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/** A kept text read as the project reads every file: no symbolic link followed, a size limit, strict UTF-8 (a BOM kept: offsets count it). */
export function readKept(absolute: string): { ok: true; text: string } | { ok: false; detail: string } {
  const read = readText(absolute, MAX_TEXT_BYTES);
  return read.ok ? { ok: true, text: read.bom ? "\ufeff" + read.text : read.text } : { ok: false, detail: read.detail };
}

/** The manifest lists one line or so a text: a few megabytes are tens of thousands of texts. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/**
 * What is wrong with data/texts/ or its manifest: a kind and the values that
 * name the case. The text-manifest rule words each kind (its `messages`).
 */
export interface TextProblem {
  file: string;
  pointer: string;
  position?: Position;
  kind: string;
  data?: Readonly<Record<string, string | number>>;
}

export interface TextManifest {
  /** Source URL -> its kept text (only texts whose bytes match their hash). */
  byUrl: ReadonlyMap<string, KeptText>;
  /** Every URL the manifest lists (a text whose hash does not match included). */
  urls: ReadonlySet<string>;
  problems: TextProblem[];
}

export const SHA256 = /^[0-9a-f]{64}$/;
/** A kept text's file name: a plain name in its folder, never a path. */
export const FILE_NAME = /^[a-z0-9][a-z0-9._-]*\.txt$/;
export const HTTP_URL = /^https?:\/\/[^\s/?#]+([/?#][^\s]*)?$/;

/** The texts a thread has read, by SHA-256 (a text is read once a thread, and again only when it changes). */
const cache = new Map<string, string | null>();

/** Reads the manifest and checks it against the files of data/texts/ in the listing. */
export function readTextManifest(root: string, listing: readonly DatasetFile[]): TextManifest {
  const inFolder = listing.filter((f) => f.path.startsWith(`${TEXTS_FOLDER}/`));
  return readFolder({
    shown: TEXTS_FOLDER,
    absolute: path.join(root, TEXTS_FOLDER),
    entries: inFolder.map((f) => ({ name: f.path.slice(TEXTS_FOLDER.length + 1), symlink: Boolean(f.symlink), ...(f.unread ? { unread: f.unread.detail } : {}) })),
  });
}

/** A folder of texts with its manifest: where reports say it is, where it is, and what a listing of it found. */
interface TextFolder {
  /** The folder as reports name it: data/texts, or the path a user gave (`validate --texts`). */
  shown: string;
  absolute: string;
  /** Its files, by their path in the folder (`/`-separated): a link is never followed; `unread`, what is no regular file. */
  entries: readonly { name: string; symlink: boolean; unread?: string }[];
}

/** Reads a folder's manifest and checks it against the folder's files (what the text-manifest rule reports). */
function readFolder(folder: TextFolder): TextManifest {
  const manifestName = "manifest.json";
  const shownManifest = `${folder.shown}/${manifestName}`;
  const manifestFile = folder.entries.find((f) => f.name === manifestName);
  const textFiles = folder.entries.filter((f) => f.name !== manifestName);
  const byUrl = new Map<string, KeptText>();
  const urls = new Set<string>();
  const problems: TextProblem[] = [];
  if (!manifestFile) {
    for (const f of textFiles) problems.push({ file: `${folder.shown}/${f.name}`, pointer: "", kind: "noManifest", data: { manifest: shownManifest } });
    return { byUrl, urls, problems };
  }
  const problem = (pointer: string, kind: string, data: TextProblem["data"], position?: Position) =>
    problems.push({ file: shownManifest, pointer, kind, data: { manifest: shownManifest, folder: folder.shown, ...data }, ...(position ? { position } : {}) });
  // Read as every file is: a link is not followed (it could show any file of the machine in a finding), a FIFO
  // not opened, a size limit. A BOM is accepted (RFC 8259 lets a parser ignore one; editors on Windows add it).
  if (manifestFile.symlink || manifestFile.unread !== undefined) {
    problem("", manifestFile.symlink ? "manifestLink" : "manifestNotRegular", manifestFile.symlink ? {} : { what: manifestFile.unread! });
    return { byUrl, urls, problems };
  }
  const read = readText(path.join(folder.absolute, manifestName), MAX_MANIFEST_BYTES);
  if (!read.ok) {
    problem("", "manifestUnreadable", { detail: read.detail });
    return { byUrl, urls, problems };
  }
  const text = read.text;
  const parsed = parseRecord(text, "json");
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    problem("", "manifestSyntax", { problem: first.message }, first.position);
    return { byUrl, urls, problems };
  }
  const doc = parsed.doc;
  const at = (pointer: string) => doc.locate(pointer);
  const value = doc.value as { texts?: unknown };
  if (value === null || typeof value !== "object" || !Array.isArray(value.texts)) {
    problem("", "manifestShape", {}, at(""));
    return { byUrl, urls, problems };
  }
  const listed = new Set<string>();
  value.texts.forEach((entry: unknown, i: number) => {
    const pointer = `/texts/${i}`;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return problem(pointer, "entryShape", { index: i }, at(pointer));
    const { file, url, sha256 } = entry as Record<string, unknown>;
    // A plain file name in the folder: nothing in a manifest makes the toolkit read elsewhere (no `/`, no `..`).
    if (typeof file !== "string" || !FILE_NAME.test(file)) return problem(`${pointer}/file`, "entryFile", { index: i }, at(`${pointer}/file`));
    if (typeof url !== "string" || !HTTP_URL.test(url)) return problem(`${pointer}/url`, "entryUrl", { index: i }, at(`${pointer}/url`));
    urls.add(url);
    if (typeof sha256 !== "string" || !SHA256.test(sha256)) return problem(`${pointer}/sha256`, "entrySha256", { index: i }, at(`${pointer}/sha256`));
    listed.add(file);
    if (byUrl.has(url)) return problem(`${pointer}/url`, "twoTexts", { url }, at(`${pointer}/url`));
    const absolute = path.join(folder.absolute, file);
    if (!folder.entries.some((f) => f.name === file && !f.symlink))
      return problem(`${pointer}/file`, "notInFolder", { name: file }, at(`${pointer}/file`));
    const read = readKept(absolute);
    if (!read.ok) return problem(`${pointer}/file`, "textUnreadable", { name: file, detail: read.detail }, at(`${pointer}/file`));
    // Strict UTF-8 decodes and encodes back to the same bytes: the hash is the file's.
    const actual = sha256Of(read.text);
    if (actual !== sha256)
      return problem(`${pointer}/sha256`, "changed", { name: file, actual }, at(`${pointer}/sha256`));
    byUrl.set(url, { file, url, absolute, sha256: actual });
    // This thread has the text already, checked: the evidence rule quotes it without reading it again.
    cache.set(actual, read.text);
  });
  for (const f of textFiles)
    if (!listed.has(f.name)) problems.push({ file: `${folder.shown}/${f.name}`, pointer: "", kind: "notListed", data: { manifest: shownManifest } });
  return { byUrl, urls, problems };
}

/**
 * `validate --texts <dir>`: a folder of texts a coder keeps outside the
 * repository (pages whose words are not the project's to publish), with a
 * manifest of data/texts/'s form, read as data/texts/ is. The folder is the
 * user's choice on the command line (as --config), so it may be anywhere and
 * may be reached through a link; what is in it is read as the dataset's
 * files are: its own entries are listed, not walked into, and none that is a
 * link is followed. Reports name its files by `shown` (the path as given,
 * from the current folder). A folder that is not there is a usage error.
 */
export function readLocalTexts(absolute: string, shown: string): TextManifest {
  let entries: Dirent[];
  try {
    if (!statSync(absolute).isDirectory()) throw new UsageError(`--texts: ${inlineValue(shown)} is not a folder (a folder of texts with their manifest.json, as data/texts/)`);
    entries = readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--texts: cannot read the folder ${inlineValue(shown)} (${describeError(error)}); give a folder of texts with their manifest.json, as data/texts/`);
  }
  const listed = entries
    // Sub-folders are not the folder's texts: not walked into (a manifest names plain file names only).
    .filter((e) => !e.isDirectory())
    .map((e) => ({ name: e.name, symlink: e.isSymbolicLink(), ...(e.isFile() || e.isSymbolicLink() ? {} : { unread: notRegular(e).detail }) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return readFolder({ shown, absolute, entries: listed });
}

/**
 * The kept texts of a run: data/texts/'s, and those of a folder of `validate
 * --texts` for the URLs data/texts/ does not list (the repository's text wins,
 * whatever its state: a text CI checks is never replaced by one it cannot
 * see). `differing`: the URLs both keep, with other bytes in the folder.
 */
export function withLocalTexts(kept: TextManifest, local: TextManifest): { manifest: TextManifest; differing: string[] } {
  const byUrl = new Map(kept.byUrl);
  const differing: string[] = [];
  for (const [url, text] of local.byUrl) {
    if (!kept.urls.has(url)) byUrl.set(url, text);
    else if (kept.byUrl.get(url)?.sha256 !== text.sha256) differing.push(url);
  }
  return { manifest: { byUrl, urls: new Set([...kept.urls, ...local.urls]), problems: [...kept.problems, ...local.problems] }, differing };
}

/**
 * The kept text of the source whose `url` an evidence item quotes, and its
 * content: none when no text is kept for that address (or the item's source
 * has none), or it cannot be read.
 */
export function quotedText(url: string | undefined, texts: ReadonlyMap<string, KeptText>): { kept: KeptText; text: string } | undefined {
  // Most datasets keep few texts, if any: no lookup at all then (a lookup hashes the URL).
  if (texts.size === 0 || url === undefined) return undefined;
  const kept = texts.get(url);
  const text = kept ? keptText(kept) : null;
  return kept && text !== null ? { kept, text } : undefined;
}

/**
 * A kept text's content (UTF-8, as on disk), or null when it cannot be read
 * or no longer has the hash the manifest check found (a text changed since is
 * never quoted as checked).
 */
function keptText(text: KeptText): string | null {
  let content = cache.get(text.sha256);
  if (content === undefined) {
    const read = readKept(text.absolute);
    content = read.ok && sha256Of(read.text) === text.sha256 ? read.text : null;
    cache.set(text.sha256, content);
  }
  return content;
}
