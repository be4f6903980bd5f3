import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { ingestPaths } from "../src/pipeline/ingest.js";
import { AnalysisPool, InFlight } from "../src/pipeline/parallel.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { type DB, openDatabase } from "../src/store/database.js";
import { tables } from "./helpers/reliability.js";

/** Every stored row but the times of ingestion, table by table. */
function contents(db: DB): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of tables(db)) {
    const cols = (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !c.endsWith("_at"));
    out[name] = db.prepare(`SELECT ${cols.join(", ")} FROM ${name} ORDER BY ${cols.join(", ")}`).all();
  }
  return out;
}

describe("ingestion over worker threads", () => {
  const dir = mkdtempSync(join(tmpdir(), "kaidan-parallel-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const pipeline = createExtractionPipeline();

  it("stores exactly what ingestion on one thread stores, in the same order", async () => {
    const one = openDatabase(join(dir, "one.db"));
    const order: string[] = [];
    const first = await ingestPaths(["examples"], pipeline, one, { onDocument: (d) => order.push(d.id) });
    const pool = new AnalysisPool({ workers: 2 });
    const two = openDatabase(join(dir, "two.db"));
    const seen: string[] = [];
    try {
      const second = await ingestPaths(
        ["examples"],
        pipeline,
        two,
        { onDocument: (d) => seen.push(d.id) },
        { pool },
      );
      assert.deepEqual(second, first);
    } finally {
      await pool.close();
    }
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => seen.indexOf(a) - seen.indexOf(b)),
    );
    assert.deepEqual(contents(two), contents(one));
    one.close();
    two.close();
  });

  it("reports a document that fails analysis and goes on", async () => {
    const pool = new AnalysisPool({ workers: 1 });
    const db = openDatabase(":memory:");
    try {
      const report = await ingestPaths(["examples", "no-such-folder"], pipeline, db, {}, { pool });
      assert.equal(report.errors.length, 1);
      assert.match(report.errors[0]!.message, /no-such-folder: no such file or folder/);
      assert.ok(report.documents.new > 10);
    } finally {
      await pool.close();
    }
  });
});

describe("work in flight", () => {
  it("wakes every waiter when any work ends, whichever ends first, and counts what is left", async () => {
    const inFlight = new InFlight();
    let finishSlow!: () => void;
    let failQuick!: (e: Error) => void;
    inFlight.add(new Promise<void>((resolve) => (finishSlow = resolve)));
    const quick = new Promise<void>((_, reject) => (failQuick = reject));
    quick.catch(() => undefined);
    inFlight.add(quick);
    assert.equal(inFlight.count, 2);
    const woken: string[] = [];
    const first = inFlight.anyEnds().then(() => woken.push("first"));
    const second = inFlight.anyEnds().then(() => woken.push("second"));
    // the later work ends first, and by failing: both waiters wake, one piece is still in flight
    failQuick(new Error("analysis failed"));
    await Promise.all([first, second]);
    assert.deepEqual(woken.sort(), ["first", "second"]);
    assert.equal(inFlight.count, 1);
    finishSlow();
    await inFlight.anyEnds();
    assert.equal(inFlight.count, 0);
  });
});
