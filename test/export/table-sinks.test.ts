/** The rows other formats of the tables are given: the CSV writers' rows, from events.jsonl and the registries. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import type { Event } from "../../schema/index.ts";
import { TableSinks, visitEventsJsonl, type TableSink } from "../../scripts/export/table-sinks.ts";
import type { TableDefinition } from "../../scripts/export/tables.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";

/** A sink that keeps each table's rows as the CSV cells would be (column values). */
class Recorder implements TableSink {
  readonly rows = new Map<string, unknown[][]>();
  closed = false;
  row<R>(table: TableDefinition<R>, record: R): void {
    const list = this.rows.get(table.name) ?? [];
    list.push(table.columns.map((c) => c.value(record, list.length)));
    this.rows.set(table.name, list);
  }
  async close() {
    this.closed = true;
    return ["x.bin"];
  }
  abandon() {}
}

test("each event of events.jsonl gives its row of events and one row for each of its actors, locations, sources and evidence, to every sink", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-sinks-"));
  try {
    const event = parse(EVENT_YAML) as Event;
    const second = { ...event, id: "ev-2eqrxyd2", actors: [...event.actors, { actor: "afp", role: "participant" as const }] };
    const file = path.join(dir, "events.jsonl");
    writeFileSync(file, `${JSON.stringify(event)}\n${JSON.stringify(second)}\n`);
    const a = new Recorder();
    const b = new Recorder();
    const sinks = new TableSinks([a, b]);
    assert.is(visitEventsJsonl(file, sinks), 2);
    for (const r of [a, b]) {
      assert.equal([...r.rows.keys()], ["events", "event_actors", "event_locations", "event_sources", "event_evidence"]);
      assert.equal(r.rows.get("events")!.map((row) => row[0]), ["ev-p6w7bxbz", "ev-2eqrxyd2"]);
      assert.equal(r.rows.get("event_actors")!.map((row) => row.slice(0, 3)), [
        ["ev-p6w7bxbz", 1, "antony-blinken"],
        ["ev-p6w7bxbz", 2, "kazakhstan"],
        ["ev-2eqrxyd2", 1, "antony-blinken"],
        ["ev-2eqrxyd2", 2, "kazakhstan"],
        ["ev-2eqrxyd2", 3, "afp"],
      ]);
      assert.is(r.rows.get("event_evidence")!.length, 4, "two quotes an event: its type and its date");
    }
    assert.equal(await sinks.close(), ["x.bin", "x.bin"]);
    assert.ok(a.closed && b.closed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
