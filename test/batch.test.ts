/**
 * Batched writes (src/store/batch.ts): documents are committed together,
 * but each is stored whole or not at all — a document that fails half-way
 * leaves nothing and takes nothing else with it — and a batch is committed as soon as it holds
 * its documents or has been open its time.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { WriteBatch } from "../src/store/batch.js";
import { type DB, openDatabase } from "../src/store/database.js";

const dir = mkdtempSync(join(tmpdir(), "kaidan-batch-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function fresh(name: string): { db: DB; reader: DB; store: (id: string, fail?: boolean) => () => void } {
  const path = join(dir, `${name}.db`);
  const db = openDatabase(path);
  const reader = openDatabase(path, { readonly: true });
  const insert = db.prepare(
    "INSERT INTO documents (id, lang, format, body, sha256, ingested_at, updated_at) VALUES (?, 'ja', 'md', ?, ?, '', '')",
  );
  // what DocumentWriter.writeInTransaction does: rows written straight into the batch's transaction,
  // so that a document failing half-way has already written some of them
  const store =
    (id: string, fail = false) =>
    () => {
      insert.run(id, "プーチン大統領は金正恩総書記と会談した。", id);
      if (fail) throw new Error(`${id}: cannot be stored`);
    };
  return { db, reader, store };
}

const ids = (db: DB) => db.prepare("SELECT id FROM documents ORDER BY id").pluck().all() as string[];

describe("batched writes", () => {
  it("store each document whole or not at all, the others of the batch staying", () => {
    const { db, reader, store } = fresh("whole");
    const batch = new WriteBatch(db, { documents: 100, millis: 60_000 });
    batch.write(store("a"));
    assert.throws(() => batch.write(store("b", true)), /b: cannot be stored/);
    batch.write(store("c"));
    assert.deepEqual(ids(reader), [], "nothing is visible before the batch commits");
    batch.commit();
    assert.deepEqual(ids(reader), ["a", "c"], "b's half-written row is gone, a was written once");
    db.close();
    reader.close();
  });

  it("keep the documents before a failure when the batch fills up on it", () => {
    const { db, reader, store } = fresh("full");
    const batch = new WriteBatch(db, { documents: 3, millis: 60_000 });
    batch.write(store("a"));
    batch.write(store("b"));
    assert.throws(() => batch.write(store("x", true)), /x: cannot be stored/);
    assert.deepEqual(ids(reader), [], "a failed write does not fill the batch");
    batch.write(store("c"));
    assert.deepEqual(ids(reader), ["a", "b", "c"]);
    assert.equal(db.inTransaction, false);
    db.close();
    reader.close();
  });

  it("write the batch again one document at a time when its held work fails, taking out the document it fails on", () => {
    const { db, reader, store } = fresh("held");
    // work held back for the batch, like the events of its documents resolved together (src/resolve/events):
    // it fails if the batch holds a document it cannot handle; done as each document is written, it fails on
    // that document alone
    let holding = false;
    const pending: string[] = [];
    const resolution = {
      defer: () => void (holding = true),
      flush: () => {
        holding = false;
        if (pending.splice(0).includes("bad")) throw new Error("cannot resolve bad");
      },
      discard: () => void ((holding = false), pending.splice(0)),
    };
    const resolving = (id: string) => () => {
      store(id)();
      if (holding) pending.push(id);
      else if (id === "bad") throw new Error("cannot resolve bad");
    };
    const batch = new WriteBatch(db, { documents: 100, millis: 60_000 }, [resolution]);
    const dropped: string[] = [];
    for (const id of ["a", "bad", "c"])
      batch.write(resolving(id), (e) => dropped.push(`${id}: ${e.message}`));
    batch.commit();
    assert.deepEqual(ids(reader), ["a", "c"], "the others are stored, not the batch lost with it");
    assert.deepEqual(dropped, ["bad: cannot resolve bad"]);
    assert.equal(db.inTransaction, false);
    // the next batch holds its work back again
    batch.write(resolving("d"));
    assert.deepEqual(pending, ["d"]);
    batch.commit();
    assert.deepEqual(ids(reader), ["a", "c", "d"]);
    db.close();
    reader.close();
  });

  it("commit when the batch holds its documents, or has been open its time", () => {
    const { db, reader, store } = fresh("limits");
    const byCount = new WriteBatch(db, { documents: 2, millis: 60_000 });
    byCount.write(store("a"));
    assert.deepEqual(ids(reader), []);
    byCount.write(store("b"));
    assert.deepEqual(ids(reader), ["a", "b"], "two documents fill the batch");
    const byTime = new WriteBatch(db, { documents: 100, millis: 0 });
    byTime.write(store("c"));
    assert.deepEqual(ids(reader), ["a", "b", "c"], "an interval of 0 commits every document");
    assert.equal(db.inTransaction, false);
    db.close();
    reader.close();
  });
});
