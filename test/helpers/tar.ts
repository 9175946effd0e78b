/** Tar archives written byte by byte, for the hostile cases a tar writer would never make. */
import { gzipSync } from "node:zlib";

export interface RawEntry {
  name: string;
  /** ustar type flag: "0" file, "1" hard link, "2" symbolic link, "5" folder, "6" FIFO. */
  type?: string;
  body?: string | Buffer;
  linkname?: string;
  /** Overwrites the header's size field (12 bytes) as given, for broken headers. */
  sizeField?: Buffer;
}

function field(header: Buffer, at: number, length: number, text: string): void {
  header.write(text, at, length, "utf8");
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, "0") + "\0";
}

/** One ustar header block and its body, padded to 512 bytes. */
export function tarEntry(entry: RawEntry): Buffer {
  const body = Buffer.from(entry.body ?? "");
  const header = Buffer.alloc(512);
  field(header, 0, 100, entry.name);
  field(header, 100, 8, octal(0o644, 8));
  field(header, 108, 8, octal(0, 8));
  field(header, 116, 8, octal(0, 8));
  field(header, 124, 12, octal(body.length, 12));
  if (entry.sizeField) entry.sizeField.copy(header, 124);
  field(header, 136, 12, octal(0, 12));
  field(header, 156, 1, entry.type ?? "0");
  field(header, 157, 100, entry.linkname ?? "");
  field(header, 257, 6, "ustar\0");
  field(header, 263, 2, "00");
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  field(header, 148, 8, sum.toString(8).padStart(6, "0") + "\0 ");
  const padded = Buffer.alloc(Math.ceil(body.length / 512) * 512);
  body.copy(padded);
  return Buffer.concat([header, padded]);
}

/** A whole .tar.gz of these entries (with the two zero blocks that end a tar). */
export function tarGz(entries: RawEntry[]): Buffer {
  return gzipSync(Buffer.concat([...entries.map(tarEntry), Buffer.alloc(1024)]));
}
