/**
 * The release's .tar.gz, the same bytes every time: sorted entries, fixed
 * modes, owner and times (node-tar's portable mode), and gzip compression
 * spread over the cores. The tar stream is cut into fixed-size blocks, each
 * compressed on the libuv thread pool at once as its own gzip member, and the
 * members written in order. A gzip file may hold several members one after
 * the other (RFC 1952, 2.2); gzip, tar, Python, R, 7-Zip and node-tar read it
 * as one stream. Fixed block sizes keep the output independent of timing.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { gzip as gzipCallback, constants } from "node:zlib";
import * as tar from "tar";

const gzip = promisify(gzipCallback);

/** Bytes of tar stream a gzip member holds: large enough that the cuts cost nothing measurable in size. */
export const MEMBER_BYTES = 8 << 20;

export interface ArchiveOptions {
  /** The folder the entries are read from. */
  cwd: string;
  /** The folder name the entries get inside the archive. */
  prefix: string;
  /** Paths relative to `cwd`, written in this order. */
  entries: readonly string[];
  /** The modification time every entry gets. */
  mtime: Date;
  /** The archive file to write. */
  file: string;
  /** Bytes of tar stream a gzip member holds (default MEMBER_BYTES; tests make it small). */
  memberBytes?: number;
}

export async function writeTarGz(options: ArchiveOptions): Promise<void> {
  const pack = tar.c({ portable: true, mtime: options.mtime, cwd: options.cwd, prefix: options.prefix, noDirRecurse: true }, [...options.entries]);
  const size = options.memberBytes ?? MEMBER_BYTES;
  const fd = openSync(options.file, "w");
  try {
    const inFlight: Promise<Buffer>[] = [];
    // One block more than there are cores: a core never waits for the next block to be cut.
    const limit = availableParallelism() + 1;
    const drainOne = async () => {
      const member = await inFlight.shift()!;
      for (let done = 0; done < member.length; ) done += writeSync(fd, member, done);
    };
    const compress = async (block: Buffer) => {
      const member = gzip(block, { level: constants.Z_DEFAULT_COMPRESSION });
      // Awaited in turn below; a failure before then is not "unhandled".
      member.catch(() => undefined);
      inFlight.push(member);
      if (inFlight.length >= limit) await drainOne();
    };
    let block = Buffer.allocUnsafe(size);
    let filled = 0;
    for await (const chunk of pack as AsyncIterable<Buffer>) {
      for (let at = 0; at < chunk.length; ) {
        const n = Math.min(chunk.length - at, size - filled);
        chunk.copy(block, filled, at, at + n);
        filled += n;
        at += n;
        if (filled === size) {
          await compress(block);
          block = Buffer.allocUnsafe(size);
          filled = 0;
        }
      }
    }
    if (filled > 0) await compress(block.subarray(0, filled));
    while (inFlight.length > 0) await drainOne();
  } finally {
    closeSync(fd);
  }
}
