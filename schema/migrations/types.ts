/** A step between two consecutive schema versions. */
import type { RecordKind } from "../versions.ts";

export type RecordValue = Record<string, unknown>;

export interface Migration {
  from: string;
  to: string;
  /** What changes, in one line (`migrate --dry-run` lists it for the steps it would take). */
  description: string;
  /**
   * A pure function from a valid record of version `from` to a valid record
   * of version `to`: it returns a new object and leaves its argument alone.
   * Keys keep their order, so that a rewritten file changes only where it must.
   */
  migrate(record: RecordValue, kind: RecordKind): RecordValue;
}
