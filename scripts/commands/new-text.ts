/**
 * `eventwire new text`: keeps the text of a page a record cites, in
 * data/texts/ (the repository's kept texts) or in a folder of the coder's
 * own (`--texts <dir>`, for pages whose words are not the project's to
 * publish, which `validate --texts <dir>` then checks records against): the
 * file under a safe, stable name, and its manifest entry with its SHA-256.
 */
import { lstatSync, mkdirSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";
import { sha256 as sha256Of } from "../../schema/lock.ts";
import { isCalendarDate } from "../core/dates.ts";
import { displayText, inlineValue, visible } from "../core/escape.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { isUnderData } from "../core/outside-data.ts";
import { writeFileAtomic, writeFileExclusive } from "../core/write.ts";
import { parseRecord } from "../dataset/parse.ts";
import { readText } from "../dataset/read.ts";
import { assertNoLinkOnPath, datasetRoot } from "../dataset/root.ts";
import { FILE_NAME, HTTP_URL, MAX_MANIFEST_BYTES, readKept, SHA256, TEXTS_FOLDER } from "../dataset/texts.ts";

export const NEW_TEXT_USAGE = `Usage: eventwire new text --url <url> --file <page.txt> [options]

Keeps the text of a page a record cites, byte for byte: copies <page.txt> (UTF-8)
into the folder of kept texts under a safe, stable name and lists it in the
folder's manifest.json with the URL records cite and its SHA-256 (the file
and the manifest are written together: on a failure, neither changes).
Evidence quotes and summaries of records citing that URL are then checked
against it by validate.

Options:
  --url <url>               the http(s) address records cite for the page
  --file <page.txt>         the page's text, as you read it (UTF-8)
  --texts <dir>             the folder (default: data/texts/, the repository's
                            kept texts, published with it). A folder of your
                            own, outside the repository, for pages whose words
                            are not the project's to publish: then check with
                            eventwire validate --texts <dir>. Made, with its
                            manifest, if missing
  --name <file.txt>         the file's name (default: from the URL: its host
                            and path in lower case, and a short hash of it)
  --captured YYYY-MM-DD     when the page was captured
  --note TEXT               what the text is (the page's title, what was kept)
  --root <dir>              the dataset's repository (default: current folder)
  -h, --help                show this help

A URL the manifest lists already is refused (exit 2), unless the file kept for
it has the same bytes (nothing to do, exit 0).`;

/** The flags `new text` takes. */
export const NEW_TEXT_FLAGS = new Set(["url", "file", "texts", "name", "captured", "note", "root", "no-input", "help"]);

/** A file name's length at most (the hash and `.txt` included): well within any file system's limit. */
const MAX_NAME = 96;

/**
 * The file name a URL's text gets: its host (without `www.`) and path, in
 * lower case, every run of other characters a `-`, cut to a length, then the
 * first 8 hex digits of the URL's SHA-256 (two URLs never share a name by
 * their cut, and the same URL gets the same name every time).
 */
export function textFileName(url: string): string {
  const hash = sha256Of(url).slice(0, 8);
  const bare = url.replace(/^https?:\/\//i, "").replace(/^www\./i, "");
  const words = bare
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_NAME - hash.length - 5)
    .replace(/-+$/, "");
  return `${words ? `${words}-` : ""}${hash}.txt`;
}

interface Values {
  url?: string;
  file?: string;
  texts?: string;
  name?: string;
  captured?: string;
  note?: string;
  root?: string;
}

export async function newTextCommand(v: Values, io: CommandIO): Promise<number> {
  const url = v.url;
  if (url === undefined || url === "") throw new UsageError(`--url is required: the address records cite for the page\n\n${NEW_TEXT_USAGE}`);
  if (!HTTP_URL.test(url)) throw new UsageError(`--url must be an http(s) address with no spaces, got ${inlineValue(url)}`);
  if (v.file === undefined || v.file === "") throw new UsageError(`--file is required: the page's text (UTF-8)\n\n${NEW_TEXT_USAGE}`);
  if (v.captured !== undefined && !(v.captured.length === 10 && isCalendarDate(v.captured))) throw new UsageError(`--captured must be a date written YYYY-MM-DD, got ${inlineValue(v.captured)}`);
  let name = v.name ?? textFileName(url);
  if (v.name !== undefined && !name.endsWith(".txt")) name += ".txt";
  if (!FILE_NAME.test(name)) throw new UsageError(`--name must be a plain file name ending in .txt (lower-case letters, digits, '.', '_', '-'; no folders), got ${inlineValue(v.name!)}`);

  const { folder, shown, inRepository } = folderOf(v, io.cwd);
  // The page: read as a kept text is (strict UTF-8, no NUL, a size limit, a BOM kept, no link followed).
  const read = readKept(path.resolve(io.cwd, v.file));
  if (!read.ok) throw new UsageError(`--file: cannot keep ${inlineValue(v.file)} as a text (${read.detail})`);
  const text = read.text;
  const sha256 = sha256Of(text);

  // The folder: a real folder (made if missing), never written through a link inside the repository.
  try {
    const stats = lstatSync(folder);
    if (inRepository && stats.isSymbolicLink()) throw new UsageError(`${shown} is a symbolic link: the toolkit writes nothing through a link; make it a folder of the repository`);
    if (!stats.isDirectory() && !stats.isSymbolicLink()) throw new UsageError(`${inlineValue(shown)} is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError(`cannot read the folder ${inlineValue(shown)} (${(error as Error).message})`);
    mkdirSync(folder, { recursive: true });
  }
  const manifestPath = path.join(folder, "manifest.json");
  const manifest = readManifest(manifestPath, `${shown}/manifest.json`);
  const same = manifest.texts.find((e) => e.url === url);
  if (same) {
    if (same.sha256 === sha256 && typeof same.file === "string" && FILE_NAME.test(same.file)) {
      const kept = readKept(path.join(folder, same.file));
      if (kept.ok && sha256Of(kept.text) === sha256) {
        io.stdout.write(`${displayText(`${shown}/${same.file}`)} keeps ${displayText(url)} already, with the same bytes: nothing to do.\n`);
        return EXIT.ok;
      }
    }
    throw new UsageError(
      `${shown}/manifest.json lists ${inlineValue(url)} already (${inlineValue(String(same.file))}), with other bytes (or a file that is not there): a kept text is the page as captured, never replaced. ` +
        `If the page you keep is wrong, remove its entry and file first.`,
    );
  }
  if (manifest.texts.some((e) => e.file === name)) throw new UsageError(`${shown}/manifest.json lists a text named ${inlineValue(name)} already, for another URL: choose another --name`);
  const entry: Record<string, string> = { file: name, url, sha256 };
  if (v.captured !== undefined) entry.captured = v.captured;
  if (v.note !== undefined) entry.note = v.note;
  const manifestText = JSON.stringify({ ...manifest.value, texts: [...manifest.texts, entry] }, null, 2) + "\n";

  // The text, then the manifest that lists it: a new file (never over one) renamed into place, then the manifest
  // replaced atomically; if the manifest cannot be written, the text is taken back: neither changes.
  const textPath = path.join(folder, name);
  if (!writeFileExclusive(textPath, text)) throw new UsageError(`${shown}/${name} exists already (not listed in the manifest): remove it, or choose another --name`);
  try {
    writeFileAtomic(manifestPath, manifestText);
  } catch (error) {
    rmSync(textPath, { force: true });
    throw error;
  }
  io.stdout.write(`Kept ${displayText(url)} as ${displayText(`${shown}/${name}`)} (sha256 ${sha256}).\n`);
  io.stdout.write(
    inRepository
      ? `Next: npm run validate (records citing it are checked against it)\n`
      : `Next: eventwire validate --texts ${visible(shown)} <records citing it>\n`,
  );
  return EXIT.ok;
}

/** Where the text goes: data/texts/ of the dataset's repository, or the folder of --texts (from the current folder). */
function folderOf(v: Values, cwd: string): { folder: string; shown: string; inRepository: boolean } {
  if (v.texts === undefined) {
    const root = datasetRoot(cwd, v.root);
    assertNoLinkOnPath(root, `${TEXTS_FOLDER}/manifest.json`);
    return { folder: path.join(root, TEXTS_FOLDER), shown: TEXTS_FOLDER, inRepository: true };
  }
  if (v.texts === "") throw new UsageError("--texts needs a folder");
  const folder = path.resolve(cwd, v.texts);
  const shown = path.relative(cwd, folder).split(path.sep).join("/") || ".";
  // A folder under data/ is the dataset's: only data/texts/ holds kept texts there (validate would report any other).
  let root: string | undefined;
  try {
    root = datasetRoot(cwd, v.root);
  } catch {
    root = undefined; // not in a dataset's repository: a folder of the coder's own, anywhere
  }
  if (root !== undefined && isUnderData(root, folder)) {
    const texts = path.join(root, TEXTS_FOLDER);
    let real = folder;
    try {
      real = realpathSync(folder);
    } catch {
      // not there yet
    }
    if (real !== texts && folder !== texts)
      throw new UsageError(`--texts: ${inlineValue(v.texts)} is under data/, where only data/texts/ keeps texts: give data/texts (the default) or a folder outside data/`);
    assertNoLinkOnPath(root, `${TEXTS_FOLDER}/manifest.json`);
    return { folder: texts, shown: TEXTS_FOLDER, inRepository: true };
  }
  return { folder, shown, inRepository: false };
}

/** The folder's manifest, as an object with its `texts` list (none yet: an empty one); one that cannot be read or has another shape is a usage error. */
function readManifest(file: string, shown: string): { value: Record<string, unknown>; texts: Record<string, unknown>[] } {
  const read = readText(file, MAX_MANIFEST_BYTES);
  if (!read.ok) {
    if (read.problem === "unreadable" && !existsOrLinkAt(file)) return { value: {}, texts: [] };
    throw new UsageError(`cannot read ${inlineValue(shown)} (${read.detail}); fix it first (eventwire validate reports it)`);
  }
  const parsed = parseRecord(read.text, "json");
  const value = parsed.ok ? (parsed.doc.value as Record<string, unknown> | null) : null;
  const texts = value !== null && typeof value === "object" && !Array.isArray(value) ? value.texts : undefined;
  if (!Array.isArray(texts) || texts.some((e) => e === null || typeof e !== "object" || Array.isArray(e)))
    throw new UsageError(`${inlineValue(shown)} is not a manifest of texts ({ "texts": [ { "file", "url", "sha256" } ] }); fix it first (eventwire validate reports what is wrong)`);
  for (const e of texts as Record<string, unknown>[])
    if (typeof e.sha256 === "string" && !SHA256.test(e.sha256)) throw new UsageError(`${inlineValue(shown)} has an entry whose sha256 is no SHA-256; fix it first (eventwire validate reports it)`);
  return { value: value!, texts: texts as Record<string, unknown>[] };
}

function existsOrLinkAt(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
