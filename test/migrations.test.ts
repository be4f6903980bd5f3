/**
 * Schema migrations from the first released schema: a database at schema 1
 * (built with MIGRATIONS.slice(0, 1) and filled the way version 1 stored
 * documents — the same tables and columns, which later migrations only add
 * to), opened by the current code: every row survives, the search index is
 * built, `kaidan resolve` makes the events the current code would have made,
 * and the database takes new and re-read documents. Released migrations are
 * pinned by their hashes, because a released migration is never edited.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { ingestPaths } from "../src/pipeline/ingest.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { eventCard } from "../src/query/card.js";
import { searchDocuments } from "../src/query/search.js";
import { rebuildEvents } from "../src/resolve/events/index.js";
import { openDatabase, PAGE_SIZE } from "../src/store/database.js";
import { MIGRATIONS } from "../src/store/migrations.js";
import { article, columnsOf, consistencyProblems, contents, missingRows } from "./helpers/reliability.js";
import { examplesDir } from "./helpers/shared.js";

/** sha256 of each released migration: editing one breaks every database made with it. */
const RELEASED = [
  "a934c85cb1c4ee45e11bac8d890bf82dd871639f2aa04ed6729f0531742be3e0",
  "9bf7d26c36c0ff98e14e448c3864c569ca8a839bb37bb877ae8bcb1648c9e8e4",
  "4f7461270c04c439e113341dd0f74d6c29c00faf95ef30fa72a9eabfe2e26897",
  "a3ee06a4dbc3fe4509dba3941722cfe0922a53db32fa3a6ec1b45b3a8d065295",
  "08540a21b14d1362b1412454b203de363978bae23ce8706fe63bdd9a63ab1b6b",
  "fd8f0f4ccfb7647d06bc129d303298a97e4d658d5521d6b321aa10ca9b6a09c3",
  "e4c6ee1b52a04fe87a53c181047ae1f0339b425e66a834a2275c526e26a88bdb",
  "76b8226ecebe561d4875287904a27987176c0d7bb9d14cc11983fddae675fc71",
  "7c2e4cdf4eaefa04350ae7005fcb614aa8893c200263999b1942e2639bbde19e",
  "53676db6d2b1c3277aa03ddadc0685d7a9abbe56e6a18dbb899f518d8720dd9c",
  "34d5a43cdd2dc3d69410403c50d839fdc5f76a271820a8dd335997457a4a6a46",
  "1d8942e69ebe100d037da0144c009dd5e2d48ad9ff57365aba8f412d08b82b43",
];

const V1_TABLES = [
  "documents",
  "actors",
  "mentions",
  "timexes",
  "doc_events",
  "doc_event_actors",
  "evidence",
  "quotes",
  "messages",
];

const pipeline = createExtractionPipeline();
let dir: string;
let reference: string;
let v1: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "kaidan-migrate-"));
  reference = join(dir, "reference.db");
  const ref = openDatabase(reference);
  const r = await ingestPaths([examplesDir], pipeline, ref);
  assert.deepEqual(r.errors, []);
  ref.close();
  // schema 1, filled with what version 1 stored: its tables, row for row
  v1 = join(dir, "v1.db");
  const db = new Database(v1);
  db.pragma("journal_mode = WAL");
  db.exec(MIGRATIONS.slice(0, 1).join("\n"));
  db.pragma("user_version = 1");
  db.prepare("ATTACH ? AS ref").run(reference);
  db.transaction(() => {
    for (const t of V1_TABLES) {
      const cols = (db.prepare(`PRAGMA main.table_info(${t})`).all() as { name: string }[])
        .map((c) => `"${c.name}"`)
        .join(", ");
      db.exec(`INSERT INTO main.${t} (${cols}) SELECT ${cols} FROM ref.${t}`);
    }
  })();
  db.exec("DETACH ref");
  db.close();
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("migrations", () => {
  it("makes a new database with pages of PAGE_SIZE, in WAL mode", () => {
    const db = openDatabase(reference);
    try {
      assert.equal(db.pragma("page_size", { simple: true }), PAGE_SIZE);
      assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
    } finally {
      db.close();
    }
  });

  it("pins the released migrations", () => {
    const hashes = MIGRATIONS.map((m) => createHash("sha256").update(m).digest("hex"));
    for (let i = 0; i < RELEASED.length; i++)
      assert.equal(hashes[i], RELEASED[i], `migration ${i + 1} was edited; add a new migration instead`);
  });

  it("opens a schema-1 database with the current code: every row kept, the search index built", () => {
    const db0 = new Database(v1, { readonly: true });
    assert.equal(db0.pragma("user_version", { simple: true }), 1);
    db0.close();
    const before = contents(v1);
    const v1Columns = columnsOf(v1);
    assert.ok((before.get("documents") ?? []).length >= 10);
    // read-only opening does not migrate, and says what to do
    assert.throws(
      () => openDatabase(v1, { readonly: true }),
      /schema 1; run 'kaidan ingest' once to migrate/,
    );
    const db = openDatabase(v1);
    try {
      assert.equal(db.pragma("user_version", { simple: true }), MIGRATIONS.length);
      assert.equal(db.pragma("integrity_check", { simple: true }), "ok");
      // made with SQLite's 4 KB pages, it keeps them (new databases have PAGE_SIZE)
      assert.equal(db.pragma("page_size", { simple: true }), 4096);
      const search = searchDocuments(db, { q: "露朝", limit: 100, offset: 0 });
      const containing = db
        .prepare("SELECT count(*) FROM documents WHERE instr(body, '露朝') > 0 OR instr(title, '露朝') > 0")
        .pluck()
        .get() as number;
      assert.ok(containing > 0);
      assert.equal(search.total, containing);
      // schema 9: each quotation carries its article's date
      const quotes = db.prepare("SELECT count(*) FROM quotes").pluck().get() as number;
      const dated = db
        .prepare(
          "SELECT count(*) FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.published IS d.published",
        )
        .pluck()
        .get() as number;
      assert.ok(quotes > 0);
      assert.equal(dated, quotes);
    } finally {
      db.close();
    }
    // later schemas add columns (quotes.published): the columns of schema 1 keep their values
    assert.equal(
      missingRows(before, contents(v1, { columns: v1Columns })),
      "",
      "no row of schema 1 is lost or changed",
    );
    assert.deepEqual(
      consistencyProblems(v1).filter((p) => !/events without|reports/.test(p)),
      [],
    );
  });

  it("resolves the kept reports into the events the current code makes", () => {
    const db = openDatabase(v1);
    try {
      const summary = rebuildEvents(db, pipeline.ctx.lexicon);
      assert.ok(summary.events > 0 && summary.reports > 0);
    } finally {
      db.close();
    }
    // rebuilt from the stored reports or made while ingesting: the same events (not the same tombstones:
    // ingestion renames an event when an earlier report arrives, a rebuild has nothing to rename)
    const eventTables = [
      "events",
      "event_reports",
      "event_actors",
      "event_pairs",
      "doc_event_links",
      "doc_event_quotes",
    ];
    const mine = contents(v1, { ignoreRenewed: true });
    const theirs = contents(reference, { ignoreRenewed: true });
    for (const t of eventTables) {
      const a = new Map([[t, mine.get(t) ?? []]]);
      const b = new Map([[t, theirs.get(t) ?? []]]);
      assert.equal(missingRows(b, a), "", `${t}: rows the current code makes are missing`);
      assert.equal(missingRows(a, b), "", `${t}: rows the current code does not make`);
    }
    assert.deepEqual(consistencyProblems(v1), []);
  });

  it("takes new and re-read documents afterwards, and answers queries", async () => {
    const db = openDatabase(v1);
    try {
      const files = mkdtempSync(join(dir, "more-"));
      writeFileSync(join(files, "new.md"), article(1));
      copyFileSync(join(examplesDir, "ex01-singapore-2018.md"), join(files, "ex01.md"));
      const r = await ingestPaths([files], pipeline, db);
      assert.deepEqual(r.errors, []);
      assert.equal(r.documents.new, 1);
      assert.equal(r.documents.unchanged, 1);
      const id = db.prepare("SELECT id FROM events ORDER BY id LIMIT 1").pluck().get() as string;
      assert.ok(eventCard(db, id), "an event card");
    } finally {
      db.close();
    }
    assert.deepEqual(consistencyProblems(v1), []);
  });

  it("refuses a database written by a newer kaidan", () => {
    const newer = join(dir, "newer.db");
    const db = new Database(newer);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    assert.throws(() => openDatabase(newer), /newer than this kaidan.*upgrade kaidan/);
  });
});
