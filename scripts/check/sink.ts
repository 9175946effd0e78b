/**
 * Where the check stage hands each valid event as it checks it: building a
 * release, every share writes its events as part files in the same pass
 * (export/event-parts.ts). The caller names the module that opens the sinks,
 * and each thread loads it itself (a function cannot be sent to a worker
 * thread), so that check imports nothing from the layers above it.
 */
import type { Event } from "../../schema/index.ts";

/** One share's sink: its events come in the order of its items. */
export interface EventSink {
  add(event: Event): void;
  /** Finishes the share's output; what it reports is plain data, so that a worker can send it. */
  close(): unknown;
  /** Closes without finishing (the run failed). */
  abandon(): void;
}

/** What a sink module exports. */
export interface EventSinkModule {
  openEventSink(folder: string, part: number): EventSink;
}

/** A sink as the caller hands it to the check stage: plain data, so that a worker can be given it too. */
export interface EventSinkSpec {
  /** The URL of an EventSinkModule. */
  module: string;
  /** Where the shares write (a release's temporary folder); share `part` writes part `part`. */
  folder: string;
}

/** Opens share `part`'s sink, loading its module (it is loaded only when a sink is asked for: validate never needs it). */
export async function openEventSink(spec: EventSinkSpec, part: number): Promise<EventSink> {
  const sinks = (await import(spec.module)) as EventSinkModule;
  return sinks.openEventSink(spec.folder, part);
}
