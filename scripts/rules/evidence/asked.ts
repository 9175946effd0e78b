import { coderOf } from "../../dataset/listing.ts";
import { str } from "../fields.ts";
import type { DatasetFile } from "../../dataset/discover.ts";

/**
 * Whether a person is asked to quote evidence in this record (evidence-event-type, evidence-date): not in a tombstone
 * (`retracted`, `duplicate`: kept for its id, no longer a claim to support); not in 1.0.0, which has
 * no `evidence` (schema-outdated says so), nor in a version the toolkit does not know; not where `evidence` is no list (the
 * schema's finding); not in an imported record (it has the evidence its source had: a nudge for a person coding by hand
 * would repeat once a record on a whole import and settle nothing); not in a second coding (data/codings/), which measures
 * agreement with the dataset's events, and they carry the evidence.
 */
export function evidenceAsked(file: Pick<DatasetFile, "path">, record: Record<string, unknown>, version: string | undefined): boolean {
  if (!ownEvidence(record)) return false;
  if (version === "1.0.0" || version === undefined) return false;
  if (record.evidence !== undefined && !Array.isArray(record.evidence)) return false;
  return coderOf(file.path) === undefined;
}

/**
 * Whether a record's evidence is its coder's own, to be judged as a coder's quotes are (evidence-quote-length): not a
 * tombstone's (`retracted`, `duplicate`: kept for its id, no longer a claim to support) nor an imported record's (the
 * evidence its source dataset had).
 */
export function ownEvidence(record: Record<string, unknown>): boolean {
  // Only a tombstone's status: a misspelled one (the schema's finding) may still be an active event's.
  if (record.status === "retracted" || record.status === "duplicate") return false;
  return str(record.provenance, "method") !== "imported";
}

/** Whether some evidence item claims `claim`. */
export function claimed(record: Record<string, unknown>, claim: string): boolean {
  return Array.isArray(record.evidence) && record.evidence.some((e) => typeof e === "object" && e !== null && (e as { claim?: unknown }).claim === claim);
}
