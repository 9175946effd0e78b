/**
 * The listing of a whole data/ folder, packed: a million files are a folder
 * number, an offset and the characters of a name each (some 24 bytes), not a
 * DatasetFile object and a path string (some 110 bytes, held all run long).
 * Entries are made when asked for, one at a time.
 */
import type { RecordKind } from "../../schema/index.ts";
import { grown } from "../core/typed-arrays.ts";

export interface DatasetFile {
  /** Path relative to the dataset root, `/`-separated: what reports print. */
  path: string;
  /**
   * The dataset root the path is relative to: one string shared by every file
   * of a listing, where an absolute path would be a string a file (a listing
   * of a million files held ~100 MB of them). `absolutePath` joins the two.
   */
  root: string;
  /** The record kind its folder holds, or `null` for a file that is not a record. */
  kind: RecordKind | null;
  format: "yaml" | "json" | null;
  /** For a symbolic link: where it points (never followed, never read). */
  symlink?: { target: string; insideRoot: boolean };
  /**
   * For what is never opened: a folder that could not be listed (`unreadable`,
   * with the error), or a path that is no regular file (`not-regular`: a FIFO,
   * a device, a socket). The file rules report it (file-unreadable, file-type).
   */
  unread?: { problem: "unreadable" | "not-regular"; detail: string };
}

/** Dataset files in path order: an array of them, or a packed listing. */
export interface Files extends Iterable<DatasetFile> {
  readonly length: number;
  at(index: number): DatasetFile | undefined;
}

/** Names a chunk: the names of a chunk are one string, cut by their end offsets. */
const CHUNK = 4096;

export class PackedListing implements Files {
  readonly length: number;

  /** Made by a builder (`PackedListing.builder`), which adds the files in path order. */
  constructor(
    private readonly root: string,
    private readonly folders: readonly string[],
    private readonly folderKinds: readonly (RecordKind | null)[],
    private readonly folderOf: Uint32Array,
    private readonly chunks: readonly string[],
    private readonly nameEnds: Uint32Array,
    private readonly formats: Uint8Array,
    private readonly symlinks: ReadonlyMap<number, NonNullable<DatasetFile["symlink"]>>,
    private readonly unread: ReadonlyMap<number, NonNullable<DatasetFile["unread"]>>,
  ) {
    this.length = folderOf.length;
  }

  /** A builder: files are added in path order, each as its folder's number and its name. */
  static builder(root: string): PackedListingBuilder {
    return new PackedListingBuilder(root);
  }

  path(index: number): string {
    const start = index % CHUNK === 0 ? 0 : this.nameEnds[index - 1]!;
    return `${this.folders[this.folderOf[index]!]}/${this.chunks[Math.floor(index / CHUNK)]!.slice(start, this.nameEnds[index])}`;
  }

  kind(index: number): RecordKind | null {
    return this.formats[index] === NO_FORMAT ? null : this.folderKinds[this.folderOf[index]!]!;
  }

  at(index: number): DatasetFile | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const format = FORMATS[this.formats[index]!]!;
    const file: DatasetFile = { path: this.path(index), root: this.root, kind: this.kind(index), format };
    const symlink = this.symlinks.get(index);
    if (symlink) file.symlink = symlink;
    const unread = this.unread.get(index);
    if (unread) file.unread = unread;
    return file;
  }

  *[Symbol.iterator](): Iterator<DatasetFile> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

const FORMATS = [null, "yaml", "json"] as const;
const NO_FORMAT = 0;

export class PackedListingBuilder {
  private readonly folders: string[] = [];
  private readonly folderKinds: (RecordKind | null)[] = [];
  // Typed arrays, grown by doubling: numbers of a million files, without a heap object each while the walk goes on.
  private folderOf = new Uint32Array(1024);
  private formats = new Uint8Array(1024);
  private nameEnds = new Uint32Array(1024);
  private size = 0;
  private readonly chunks: string[] = [];
  private chunk: string[] = [];
  private offset = 0;
  private readonly symlinks = new Map<number, NonNullable<DatasetFile["symlink"]>>();
  private readonly unread = new Map<number, NonNullable<DatasetFile["unread"]>>();

  constructor(readonly root: string) {}

  /** A folder's number, for the files added next (`kind`: what its record files hold). */
  folder(path: string, kind: RecordKind | null): number {
    this.folders.push(path);
    this.folderKinds.push(kind);
    return this.folders.length - 1;
  }

  add(folder: number, name: string, format: DatasetFile["format"], symlink?: DatasetFile["symlink"], unread?: DatasetFile["unread"]): void {
    const index = this.size++;
    if (index % CHUNK === 0 && index > 0) this.closeChunk();
    if (index === this.folderOf.length) {
      this.folderOf = grown(this.folderOf, new Uint32Array(index * 2));
      this.formats = grown(this.formats, new Uint8Array(index * 2));
      this.nameEnds = grown(this.nameEnds, new Uint32Array(index * 2));
    }
    if (symlink) this.symlinks.set(index, symlink);
    if (unread) this.unread.set(index, unread);
    this.folderOf[index] = folder;
    this.formats[index] = FORMATS.indexOf(format);
    this.offset += name.length;
    this.nameEnds[index] = this.offset;
    this.chunk.push(name);
  }

  private closeChunk(): void {
    this.chunks.push(this.chunk.join(""));
    this.chunk = [];
    this.offset = 0;
  }

  done(): PackedListing {
    if (this.chunk.length > 0) this.closeChunk();
    const n = this.size;
    return new PackedListing(this.root, this.folders, this.folderKinds, this.folderOf.slice(0, n), this.chunks, this.nameEnds.slice(0, n), this.formats.slice(0, n), this.symlinks, this.unread);
  }
}


/** The files among `files` whose kind `keep` accepts (in a packed listing, no entry is made for the others). */
function filesWhere(files: Files, keep: (kind: RecordKind | null) => boolean): DatasetFile[] {
  const found: DatasetFile[] = [];
  if (files instanceof PackedListing) {
    for (let i = 0; i < files.length; i++) if (keep(files.kind(i))) found.push(files.at(i)!);
  } else for (const f of files) if (keep(f.kind)) found.push(f);
  return found;
}

/**
 * Second codings: event records coded again, blind, by a coder from the pages
 * that records of data/events/ cite, one folder a coder
 * (`data/codings/<coder>/YYYY/MM/<id>.yaml`). They are event records (every
 * record rule applies to them) but never events of the dataset: not released,
 * not compared with events for duplicates, not counted; `eventwire agreement
 * --dataset` compares data/events/ with each coder's folder.
 */
export const CODINGS_FOLDER = "data/codings";

/**
 * The coder whose second coding a path is in (`data/codings/<coder>/...` ->
 * `<coder>`), or undefined for any other path (a file right in data/codings/
 * belongs to no coder). A function of the path: the listing holds no mark.
 */
export function coderOf(relative: string): string | undefined {
  if (!relative.startsWith(`${CODINGS_FOLDER}/`)) return undefined;
  const start = CODINGS_FOLDER.length + 1;
  const end = relative.indexOf("/", start);
  return end > start ? relative.slice(start, end) : undefined;
}

/** The files of one kind among `files` (events: second codings among them, see `datasetEvents`). */
export function filesOfKind(files: Files, kind: RecordKind): DatasetFile[] {
  return filesWhere(files, (k) => k === kind);
}

/** The event files of the dataset itself among `files`: the events without the second codings. */
export function datasetEvents(files: Files): DatasetFile[] {
  return filesOfKind(files, "event").filter((f) => coderOf(f.path) === undefined);
}

/** The second codings among `files` (data/codings/<coder>/). */
export function datasetCodings(files: Files): DatasetFile[] {
  return filesOfKind(files, "event").filter((f) => coderOf(f.path) !== undefined);
}

/** The files among `files` that are not events: registries, kept texts, strays. */
export function filesNotEvents(files: Files): DatasetFile[] {
  return filesWhere(files, (k) => k !== "event");
}

/** The path of the file at `index` (a packed listing makes no entry for it). */
export function pathAt(files: Files, index: number): string {
  return files instanceof PackedListing ? files.path(index) : files.at(index)!.path;
}

/** The place of `path` in `files` (sorted by path), or -1. */
export function indexOfPath(files: Files, path: string): number {
  let low = 0;
  let high = files.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const p = pathAt(files, mid);
    if (p === path) return mid;
    if (p < path) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The file at `path` in `files` (sorted by path), if it is there. */
export function fileAtPath(files: Files, path: string): DatasetFile | undefined {
  const index = indexOfPath(files, path);
  return index < 0 ? undefined : files.at(index);
}

/** Throws unless `files` is sorted by path (a packed listing is, as it is made): lookups by path rely on it. */
export function assertSortedByPath(files: Files, what: string): void {
  if (files instanceof PackedListing) return;
  let previous: string | undefined;
  for (const f of files) {
    if (previous !== undefined && !(previous < f.path)) throw new Error(`${what} must be sorted by path, without repeats: \`${f.path}\` comes after \`${previous}\``);
    previous = f.path;
  }
}
