/**
 * Full-text search over many matches: every matching article is counted,
 * and the ranking is done among the newest ones (on a large database,
 * scoring every article that mentions 首脳会談 is what made search slow).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EventFilter, findEvents } from "../src/query/events.js";
import { findEventsWithText, searchDocuments, variantsOf } from "../src/query/search.js";
import { findQuotes, type QuoteFilter } from "../src/query/quotes.js";
import type { Cursor } from "../src/query/types.js";
import { type DB, openDatabase } from "../src/store/database.js";
import { rebuildSearchIndexes, searchIndexOf } from "../src/store/search-index.js";
import { ingestPaths } from "../src/pipeline/ingest.js";
import { extractionOf } from "../src/pipeline/extraction.js";
import { ReadError, readFile, type SourceDocument } from "../src/read/index.js";
import { resolutionObserver } from "../src/resolve/events/observer.js";
import { WriteBatch } from "../src/store/batch.js";
import { DocumentWriter, storeRecord } from "../src/store/write.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { rebuildEvents } from "../src/resolve/events/index.js";
import { examplesDir } from "./helpers/shared.js";
import { readOnlyExampleDatabase } from "./helpers/serve.js";

let db: DB;
readOnlyExampleDatabase((opened) => (db = opened));

/** Documents containing every term, newest stored first (the order of the search index's row numbers). */
function containing(terms: string[]): string[] {
  const rows = db
    .prepare(
      "SELECT d.id, coalesce(d.title, '') || char(10) || d.body AS text FROM search_docs s JOIN documents d ON d.id = s.doc_id ORDER BY s.n DESC",
    )
    .all() as { id: string; text: string }[];
  return rows.filter((r) => terms.every((x) => r.text.includes(x))).map((r) => r.id);
}

/** Articles in the search index stored since `id` was (all of them for null). */
function docsUpTo(id: string | null): number {
  return db
    .prepare(
      "SELECT count(*) FROM search_docs WHERE n >= coalesce((SELECT n FROM search_docs WHERE doc_id = ?), 0)",
    )
    .pluck()
    .get(id) as number;
}

describe("search over more matches than it ranks", () => {
  for (const q of ["首脳会談", "会談", "北朝鮮 首脳会談", "米朝", "日"]) {
    it(`counts every article with ${q}, and ranks the newest`, () => {
      const terms = q.split(" ");
      const want = containing(terms);
      assert.ok(want.length > 3, `the examples have more than three articles with ${q}`);
      const all = searchDocuments(db, { q, limit: 100 });
      assert.equal(all.total, want.length);
      assert.deepEqual(all.items.map((d) => d.id).sort(), [...want].sort());
      assert.equal(all.estimated, undefined, "fewer matches than candidates: counted");
      const capped = searchDocuments(db, { q, limit: 100, candidates: 3 });
      assert.equal(capped.items.length, 3);
      // the newest matches are ranked (short terms: listed newest first); terms of three characters or more
      // are counted through the index, shorter ones too up to a bound, beyond which their number is
      // estimated from how many articles the newest matches span
      for (const d of capped.items) assert.ok(want.slice(0, 3).includes(d.id), d.id);
      const long = terms.every((x) => [...x].length >= 3);
      // (a one-character term in many of the newest articles is looked for by reading them: estimated)
      const read = all.items.length === want.length ? docsUpTo(want[2]!) : 0;
      if (q === "日") {
        assert.equal(capped.estimated, true);
        assert.equal(capped.total, Math.round((3 / read) * docsUpTo(null)));
      } else {
        assert.equal(capped.total, want.length, "all are counted");
        assert.equal(capped.estimated, undefined);
      }
      if (!long) {
        assert.deepEqual(
          capped.items.map((d) => d.id),
          want.slice(0, 3),
        );
        const beyond = searchDocuments(db, { q, limit: 100, candidates: 3, counted: 2 });
        assert.equal(beyond.estimated, true);
        assert.equal(beyond.total, Math.max(q === "日" ? 0 : 2, Math.round((3 / read) * docsUpTo(null))));
      }
    });
  }
});

describe("events by text, as a large database takes them", () => {
  // every term counted as common: the paths a million events take, checked against reading every event
  for (const q of ["PRK RUS", "プーチン 金正恩", "首脳会談 ハノイ", "Putin summit", "露朝 会談"]) {
    it(`finds the events with all of ${q} through the index, as reading every event does`, () => {
      const scan = findEvents(db, { limit: 1000, textTerms: q.split(" ").map(variantsOf) }).items.map(
        (e) => e.id,
      );
      const indexed = findEventsWithText(db, { limit: 1000 }, q, 1).items.map((e) => e.id);
      assert.ok(scan.length > 0, `the examples have events with ${q}`);
      assert.deepEqual(indexed, scan);
    });
  }
});

/** The quotations a filter selects, in list order (newest article first), by reading them all. */
function everyQuote(f: QuoteFilter): string[] {
  const rows = db
    .prepare(
      "SELECT q.id, q.text, q.speaker_id, q.start, d.id AS doc, d.published FROM quotes q JOIN documents d ON d.id = q.doc_id",
    )
    .all() as {
    id: string;
    text: string;
    speaker_id: string | null;
    start: number;
    doc: string;
    published: string | null;
  }[];
  const cmp = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1;
  return rows
    .filter(
      (r) =>
        (f.speaker === undefined ||
          (f.speaker === "none" ? r.speaker_id === null : r.speaker_id === f.speaker)) &&
        (f.text === undefined || r.text.includes(f.text)) &&
        (f.from === undefined || (r.published !== null && r.published >= f.from)),
    )
    .sort(
      (a, b) =>
        cmp(a.published, b.published) || (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0) || a.start - b.start,
    )
    .map((r) => r.id);
}

describe("quotations, as a large database lists them", () => {
  it("estimates how many quotations a common short text is in, from a sample, and lists the same page", () => {
    const exact = findQuotes(db, { text: "会談", limit: 10 });
    assert.equal(exact.estimated, undefined, "fewer quotations than a sample: counted");
    assert.equal(exact.total, everyQuote({ text: "会談" }).length);
    // a sample of 20 (runs of 100 rows: the whole of this table) takes the path of a large database
    const sampled = findQuotes(db, { text: "会談", limit: 10 }, undefined, 20);
    assert.equal(sampled.estimated, true);
    assert.equal(sampled.total, exact.total, "a sample of every row estimates exactly");
    assert.deepEqual(
      sampled.items.map((q) => q.id),
      exact.items.map((q) => q.id),
    );
    // three characters or more are counted through the index, exactly
    const long = findQuotes(db, { text: "北朝鮮", limit: 10 }, undefined, 20);
    assert.equal(long.estimated, undefined);
    assert.equal(long.total, everyQuote({ text: "北朝鮮" }).length);
  });

  it("lists a speaker's from their index, and walks or sorts the others, as reading every one gives", () => {
    const speakers = db
      .prepare(
        "SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY count(*) DESC",
      )
      .pluck()
      .all() as string[];
    assert.ok(speakers.length > 1);
    const filters: QuoteFilter[] = [
      { speaker: speakers[0]! },
      { speaker: speakers[1]!, from: "2018" },
      { speaker: "none" },
      { text: "会談" },
      { text: "北朝鮮", speaker: speakers[0]! },
      {},
    ];
    for (const f of filters)
      for (const [limit, offset] of [
        [3, 0],
        [5, 2],
        [1000, 0],
      ] as const) {
        const want = everyQuote(f);
        const sorted = findQuotes(db, { ...f, limit, offset });
        const walked = findQuotes(db, { ...f, limit, offset }, 0);
        const label = JSON.stringify({ ...f, limit, offset });
        assert.equal(sorted.total, want.length, label);
        assert.equal(walked.total, want.length, label);
        assert.deepEqual(
          sorted.items.map((q) => q.id),
          want.slice(offset, offset + limit),
          label,
        );
        assert.deepEqual(
          walked.items.map((q) => q.id),
          want.slice(offset, offset + limit),
          label,
        );
      }
  });
});

describe("event lists with several types or statuses", () => {
  /** Every event the filter takes, in list order (undated first, then by date and id), by reading them all. */
  function everyEvent(
    keep: (e: { id: string; type: string; status: string; family: string }) => boolean,
  ): string[] {
    const rows = db.prepare("SELECT id, type, status, family, date_start FROM events").all() as {
      id: string;
      type: string;
      status: string;
      family: string;
      date_start: string | null;
    }[];
    const key = (r: (typeof rows)[number]) =>
      [r.date_start === null ? 0 : 1, r.date_start ?? "", r.id] as const;
    return rows
      .filter(keep)
      .sort((x, y) => {
        const [a, b] = [key(x), key(y)];
        for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
        return 0;
      })
      .map((r) => r.id);
  }

  it("pages through the same events as reading every one, each range merged", () => {
    const pair = db
      .prepare("SELECT a, b FROM event_pairs WHERE states = 1 GROUP BY a, b ORDER BY count(*) DESC LIMIT 1")
      .get() as { a: string; b: string };
    const ofPair = new Set(
      db
        .prepare("SELECT event_id FROM event_pairs WHERE a = ? AND b = ?")
        .pluck()
        .all(pair.a, pair.b) as string[],
    );
    const cases: [
      EventFilter,
      (e: { id: string; type: string; status: string; family: string }) => boolean,
    ][] = [
      [
        { pair: [pair.b, pair.a], families: ["CONSULT:meeting", "CONSULT:visit"] },
        (e) => ofPair.has(e.id) && ["CONSULT:meeting", "CONSULT:visit"].includes(e.family),
      ],
      [{ types: ["CONSULT", "AGREE"] }, (e) => ["CONSULT", "AGREE"].includes(e.type)],
      [{ status: ["occurred", "planned"] }, (e) => ["occurred", "planned"].includes(e.status)],
      [
        { types: ["CONSULT", "SUPPORT", "AGREE"], status: ["planned", "occurred"] },
        (e) => ["CONSULT", "SUPPORT", "AGREE"].includes(e.type) && ["planned", "occurred"].includes(e.status),
      ],
      [
        { families: ["CONSULT:visit", "CONSULT:meeting"] },
        (e) => e.family === "CONSULT:visit" || e.family === "CONSULT:meeting",
      ],
    ];
    for (const [filter, keep] of cases) {
      const want = everyEvent(keep);
      assert.ok(want.length > 10, JSON.stringify(filter));
      const got: string[] = [];
      let after: Cursor | undefined;
      do {
        const page = findEvents(db, { ...filter, limit: 7, after });
        got.push(...page.items.map((e) => e.id));
        after = page.next;
      } while (after);
      assert.deepEqual(got, want, JSON.stringify(filter));
    }
  });
});

describe("the events' text index", () => {
  it("holds every event under its current name and summary, after the merges of ingestion", () => {
    const events = db.prepare("SELECT rowid AS n, name_ja, summary FROM events").all() as {
      n: number;
      name_ja: string;
      summary: string;
    }[];
    assert.ok(events.length > 50);
    const indexed = db.prepare("SELECT rowid FROM events_fts WHERE events_fts MATCH ?").pluck();
    for (const e of events) {
      const participant = (JSON.parse(e.summary) as { participants: { ja: string }[] }).participants.find(
        (p) => [...p.ja].length >= 3,
      );
      for (const text of [e.name_ja, participant?.ja].filter((x): x is string => !!x && [...x].length >= 3)) {
        const rows = indexed.all(`"${text.replace(/"/g, '""')}"`) as number[];
        assert.ok(rows.includes(e.n), `${e.name_ja}: ${text}`);
      }
    }
    // nothing stale: no indexed row is an event that is gone
    const stale = db
      .prepare("SELECT count(DISTINCT doc) FROM events_fts_terms WHERE doc NOT IN (SELECT rowid FROM events)")
      .pluck()
      .get();
    assert.equal(stale, 0);
  });
});

describe("the search indexes", () => {
  /** Every trigram each index holds, by the id of the row it indexes (null: a row that is gone). */
  const holdings = (d: Database.Database) =>
    [
      "SELECT 'document', s.doc_id AS id, t.term, t.col, t.offset FROM documents_fts_terms t LEFT JOIN search_docs s ON s.n = t.doc",
      "SELECT 'quote', q.id, t.term, t.col, t.offset FROM quotes_fts_terms t LEFT JOIN quotes q ON q.rowid = t.doc",
      "SELECT 'event', e.id, t.term, t.col, t.offset FROM events_fts_terms t LEFT JOIN events e ON e.rowid = t.doc",
    ]
      .flatMap((sql) => d.prepare(sql).raw().all() as unknown[][])
      .map((r) => JSON.stringify(r))
      .sort();

  it("hold what indexing every row anew gives: as ingestion wrote them, after an article is read again changed, and after every event is resolved anew", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaidan-index-"));
    try {
      const copy = join(dir, "copy.db");
      db.prepare("VACUUM INTO ?").run(copy);
      const w = openDatabase(copy);
      const indexedAnew = () => {
        const written = holdings(w);
        w.transaction(() => rebuildSearchIndexes(w))();
        return { written, anew: holdings(w) };
      };
      const ingested = indexedAnew();
      assert.ok(
        ingested.written.some((r) => r.startsWith('["event"')) &&
          ingested.written.some((r) => r.startsWith('["quote"')),
      );
      assert.ok(!ingested.written.some((r) => JSON.parse(r)[1] === null), "no trigram of a row that is gone");
      assert.deepEqual(ingested.written, ingested.anew);
      // the summit moved a day and its quotations gone: the document is indexed again, its quotations go
      const original = readFileSync(join(examplesDir, "ex01-singapore-2018.md"), "utf8");
      const changed = original.replaceAll("12日", "13日").replace(/「[^」]*」/g, "");
      mkdirSync(join(dir, "again"));
      writeFileSync(join(dir, "again", "ex01.md"), changed);
      const pipeline = createExtractionPipeline();
      const report = await ingestPaths([join(dir, "again")], pipeline, w);
      assert.equal(report.documents.updated, 1);
      const afterUpdate = indexedAnew();
      assert.deepEqual(afterUpdate.written, afterUpdate.anew);
      rebuildEvents(w, pipeline.ctx.lexicon);
      const afterResolve = indexedAnew();
      assert.deepEqual(afterResolve.written, afterResolve.anew);
      w.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** One batch that changes an article twice and rolls back a failed document; `holdAtMost` lowers what it holds. */
  async function changedTwiceInOneBatch(holdAtMost?: number) {
    const dir = mkdtempSync(join(tmpdir(), "kaidan-index-batch-"));
    try {
      const w = openDatabase(join(dir, "batch.db"));
      if (holdAtMost !== undefined) searchIndexOf(w).holdAtMostChars = holdAtMost;
      const pipeline = createExtractionPipeline();
      const record = async (file: string, body?: string) => {
        const path = join(examplesDir, file);
        const item = [...readFile(path)].find((x) => !(x instanceof ReadError)) as SourceDocument;
        const doc = await pipeline.process(body === undefined ? item : { ...item, body });
        return storeRecord(doc, extractionOf(doc));
      };
      const original = await record("ex01-singapore-2018.md");
      // the same article changed: the summit a day later, its quotations gone
      const changed = await record(
        "ex01-singapore-2018.md",
        original.source.body.replaceAll("12日", "13日").replace(/「[^」]*」/g, ""),
      );
      // then moved to another city, and the telephone call after it no longer told: events renamed and retired
      const moved = await record(
        "ex01-singapore-2018.md",
        original.source.body.replaceAll("シンガポール", "ハノイ").replace(/[^。\n]*電話[^。\n]*。/g, ""),
      );
      const other = await record("ex02-hanoi-2019.md");
      const resolution = resolutionObserver(w, pipeline.ctx.lexicon);
      const writer = new DocumentWriter(w, resolution);
      // the batch resolves its new documents' events together before it commits, as ingestion does
      const batch = new WriteBatch(w, { documents: 100, millis: 60_000 }, [resolution]);
      batch.write(() => writer.writeInTransaction(original));
      batch.write(() => writer.writeInTransaction(other));
      batch.commit();
      // one batch: the article read again changed, its events renamed and retired in the index, then again
      batch.write(() => writer.writeInTransaction(changed));
      batch.write(() => writer.writeInTransaction(moved));
      // a document that fails after its rows are written: the batch is rolled back and written again
      const failing = await record("ex03-vladivostok-2019.md");
      assert.throws(() =>
        batch.write(() => {
          writer.writeInTransaction(failing);
          throw new Error("cannot be stored");
        }),
      );
      batch.commit();
      const written = holdings(w);
      assert.ok(
        written.some((r) => r.startsWith('["event"')) && written.some((r) => r.startsWith('["quote"')),
      );
      assert.ok(!written.some((r) => JSON.parse(r)[1] === null), "no trigram of a row that is gone");
      assert.ok(
        !written.some((r) => JSON.parse(r)[1] === failing.source.id),
        "nothing of the document that failed",
      );
      w.transaction(() => rebuildSearchIndexes(w))();
      assert.deepEqual(written, holdings(w));
      w.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("hold the same when a batch changes an article twice, renaming and retiring its events, and takes out a document that failed", () =>
    changedTwiceInOneBatch());

  it("hold the same when a batch writes out what it holds before it ends (the bound on held text)", () =>
    changedTwiceInOneBatch(1));
});
