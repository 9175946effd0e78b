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
import { gzip as gzipCallback } from "node:zlib";
import * as tar from "tar";

const gzip = promisify(gzipCallback);

/**
 * The gzip level. Measured on the events.jsonl of a 100k-record release (122 MB):
 * level 6 (zlib's default) 3.06 s and 19.7 MB; level 4 1.44 s and 21.3 MB (+8 %);
 * level 1 1.07 s and 24.2 MB (+23 %). Level 4 halves the archive's time for a
 * download a twelfth larger.
 */
const ARCHIVE_LEVEL = 4;

/**
 * Bytes of output zlib gives back at a time. At its default (16 KiB) each
 * member came back in hundreds of pieces, each a turn of the main thread
 * between two turns of the pool; 1 MiB took the archive of a 100k-record
 * release from 2.2-2.4 s to 1.96-2.1 s. The bytes are the same.
 */
const OUTPUT_CHUNK_BYTES = 1 << 20;

/** Bytes of tar stream a gzip member holds: large enough that the cuts cost nothing measurable in size. */
const MEMBER_BYTES = 8 << 20;

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
    const compress = (block: Buffer) => {
      const member = gzip(block, { level: ARCHIVE_LEVEL, chunkSize: OUTPUT_CHUNK_BYTES });
      // Awaited in turn by drainOne; a failure before then is not "unhandled".
      member.catch(() => undefined);
      inFlight.push(member);
    };
    let block = Buffer.allocUnsafe(size);
    let filled = 0;
    // Events, not async iteration: an error (a file gone while it is read) must reject, whenever it comes.
    await new Promise<void>((resolve, reject) => {
      const pack = tar.c({ portable: true, mtime: options.mtime, cwd: options.cwd, prefix: options.prefix, noDirRecurse: true }, [...options.entries]);
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        pack.pause();
        reject(error);
      };
      pack.on("error", fail);
      pack.on("data", (chunk: Buffer) => {
        for (let at = 0; at < chunk.length; ) {
          const n = Math.min(chunk.length - at, size - filled);
          chunk.copy(block, filled, at, at + n);
          filled += n;
          at += n;
          if (filled === size) {
            compress(block);
            block = Buffer.allocUnsafe(size);
            filled = 0;
          }
        }
        // Enough blocks in the pool: the stream waits until the oldest is written.
        if (inFlight.length >= limit) {
          pack.pause();
          void (async () => {
            while (inFlight.length >= limit) await drainOne();
          })().then(() => failed || pack.resume(), fail);
        }
      });
      pack.on("end", () => {
        if (filled > 0) compress(block.subarray(0, filled));
        void (async () => {
          while (inFlight.length > 0) await drainOne();
        })().then(resolve, fail);
      });
    });
  } finally {
    closeSync(fd);
  }
}
