import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ingestPaths } from "../src/pipeline/ingest.js";
import { EventResolver } from "../src/resolve/events/resolver.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { openDatabase } from "../src/store/database.js";
import { MIGRATIONS } from "../src/store/migrations.js";

const pipeline = createExtractionPipeline();
const article = (id: string, extra = "") =>
  `---\nid: ${id}\npublished: 2024-06-19\ntitle: 露朝首脳会談\n---\n北朝鮮を公式訪問しているロシアのプーチン大統領とキム・ジョンウン(金正恩)総書記との首脳会談が19日、ピョンヤンで行われました。${extra}\n`;

describe("ingestion into SQLite", () => {
  it("stores documents, mentions, dates and events, and re-reading updates instead of duplicating", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaidan-ingest-"));
    writeFileSync(join(dir, "a.md"), article("a"));
    const db = openDatabase(join(dir, "k.db"));
    const first = await ingestPaths([dir], pipeline, db);
    assert.deepEqual(first.documents, { new: 1, updated: 0, unchanged: 0 });
    const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const before = {
      documents: count("documents"),
      mentions: count("mentions"),
      timexes: count("timexes"),
      events: count("doc_events"),
    };
    assert.equal(before.documents, 1);
    assert.ok(before.mentions >= 3 && before.timexes >= 1 && before.events >= 1);

    const again = await ingestPaths([dir], pipeline, db);
    assert.deepEqual(again.documents, { new: 0, updated: 0, unchanged: 1 });
    assert.deepEqual(
      {
        documents: count("documents"),
        mentions: count("mentions"),
        timexes: count("timexes"),
        events: count("doc_events"),
      },
      before,
    );

    writeFileSync(join(dir, "a.md"), article("a", "両首脳は条約に署名しました。"));
    const changed = await ingestPaths([dir], pipeline, db);
    assert.deepEqual(changed.documents, { new: 0, updated: 1, unchanged: 0 });
    assert.equal(count("documents"), 1);
    const body = (db.prepare("SELECT body FROM documents WHERE id = 'a'").get() as { body: string }).body;
    assert.ok(body.includes("署名しました"));
    db.close();
  });

  it("keeps raw spans: every stored mention, date and evidence slices the stored body", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaidan-spans-"));
    writeFileSync(join(dir, "a.md"), article("a"));
    const db = openDatabase(join(dir, "k.db"));
    await ingestPaths([dir], pipeline, db);
    const body = (db.prepare("SELECT body FROM documents").get() as { body: string }).body;
    for (const table of ["mentions", "timexes", "evidence"]) {
      for (const r of db.prepare(`SELECT start, end, text FROM ${table}`).all() as {
        start: number;
        end: number;
        text: string;
      }[]) {
        assert.equal(body.slice(r.start, r.end), r.text, table);
      }
    }
    db.close();
  });

  it("reports a bad file, ingests the others, and keeps what was stored", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaidan-bad-"));
    writeFileSync(join(dir, "a.md"), article("a"));
    const db = openDatabase(join(dir, "k.db"));
    await ingestPaths([dir], pipeline, db);
    writeFileSync(join(dir, "b.md"), article("b"));
    writeFileSync(join(dir, "c.md"), "---\nid: [broken\n---\ntext");
    writeFileSync(join(dir, "d.md"), article("a", "別の本文です。"));
    const report = await ingestPaths([dir], pipeline, db);
    assert.equal(report.errors.length, 2);
    assert.match(report.errors[0]!.message, /c\.md: malformed front matter/);
    assert.match(report.errors[1]!.message, /d\.md: duplicate id 'a' with a different text/);
    const ids = (db.prepare("SELECT id FROM documents ORDER BY id").all() as { id: string }[]).map(
      (r) => r.id,
    );
    assert.deepEqual(ids, ["a", "b"]);
    db.close();
  });

  it("takes out alone a document whose events cannot be resolved, the rest of its batch stored with their events", async (t) => {
    const dir = mkdtempSync(join(tmpdir(), "kaidan-ingest-"));
    for (const id of ["a", "b", "c"]) writeFileSync(join(dir, `${id}.md`), article(id));
    // a fault in resolving b's events, wherever it is resolved: with its batch, or on its own
    const resolve = EventResolver.prototype.resolve;
    t.mock.method(
      EventResolver.prototype,
      "resolve",
      function (this: EventResolver, ...args: Parameters<typeof resolve>) {
        if (args[0].some((id) => id.startsWith("b#"))) throw new Error("cannot resolve b");
        return resolve.apply(this, args);
      },
    );
    const db = openDatabase(join(dir, "k.db"));
    const report = await ingestPaths([dir], pipeline, db);
    assert.deepEqual(report.documents, { new: 2, updated: 0, unchanged: 0 });
    assert.deepEqual(
      report.errors.map((e) => e.message),
      [`${join(dir, "b.md")}: storing failed: cannot resolve b`],
    );
    const ids = db.prepare("SELECT id FROM documents ORDER BY id").pluck().all();
    assert.deepEqual(ids, ["a", "c"]);
    const sources = db.prepare("SELECT sources FROM events WHERE type = 'CONSULT'").pluck().all();
    assert.ok(
      sources.length > 0 && sources.every((n) => n === 2),
      "a's and c's reports of the summit and the visit are one event each",
    );
    db.close();
  });

  it("migrates a new database to the current schema, in WAL mode", () => {
    const dir = mkdtempSync(join(tmpdir(), "kaidan-mig-"));
    const db = openDatabase(join(dir, "k.db"));
    assert.equal(db.pragma("user_version", { simple: true }), MIGRATIONS.length);
    assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
    db.close();
  });
});
