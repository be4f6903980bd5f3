/**
 * Queries at scale: a database of a million events and two hundred thousand
 * documents, built quickly by copying rows, then the query functions of
 * src/query/ timed on it.
 *
 * The rows are real: a template database is made by ingesting the bundled
 * examples and a generated diplomacy corpus through the standard pipeline;
 * its documents (with their events as each reports them, evidence, quotes
 * and links) are then copied under new ids, each copy shifted in time, and
 * each copy's reports founding their own copies of the resolved events, so
 * that every event has its sources, participants, pairs and series, as
 * ingestion would have left them. Bulk INSERT … SELECT statements in large
 * transactions do this in minutes; the result is kept under .bench/ and
 * reused while the schema and the template stay the same.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Lexicon } from "../src/lexicon/lexicon.js";
import { ingestPaths } from "../src/pipeline/ingest.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { eventCard } from "../src/query/card.js";
import { findEvents, findEventsByName } from "../src/query/events.js";
import { relations } from "../src/query/relations.js";
import { searchDocuments } from "../src/query/search.js";
import { type DB, openDatabase } from "../src/store/database.js";
import { rebuildSearchIndexes } from "../src/store/search-index.js";
import { type Article, ensureCorpus, Rng } from "./corpus.js";
import { type Figure, percentile, runApart } from "./figures.js";

export interface QueryDbSpec {
  events: number;
  documents: number;
  /** Characters of generated diplomacy articles in the template (besides the examples). */
  templateChars: number;
}

const count = (db: DB, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The template: the examples and a generated diplomacy corpus, ingested by the standard pipeline. */
async function templateDb(
  lex: Lexicon,
  root: string,
  spec: QueryDbSpec,
  real: readonly Article[],
  file: string,
) {
  const corpus = ensureCorpus(
    lex,
    `${root}/corpus`,
    { kind: "diplomacy", chars: spec.templateChars, seed: 7 },
    real,
  );
  for (const x of ["", "-wal", "-shm"]) rmSync(file + x, { force: true });
  const db = openDatabase(file);
  try {
    const report = await ingestPaths([corpus.dir], createExtractionPipeline(), db);
    if (report.errors.length) throw new Error(report.errors[0]!.message);
  } finally {
    db.close();
  }
}

/** A date column shifted by `?` days (kept as written when it is not a day). */
const shifted = (col: string) =>
  `CASE WHEN length(${col}) = 10 THEN date(${col}, printf('%+d days', @shift)) ELSE ${col} END`;

/**
 * Builds (or reuses) the database at `file`. Returns how many events and
 * documents it holds.
 */
export async function queryDatabase(
  lex: Lexicon,
  root: string,
  file: string,
  spec: QueryDbSpec,
  real: readonly Article[],
  log: (s: string) => void = () => undefined,
): Promise<{ events: number; documents: number; built: boolean; seconds: number }> {
  // the database depends on the template and the sizes; a later schema only adds to it (see below)
  const key = JSON.stringify({ version: 1, spec });
  const keyFile = `${file}.key`;
  const sameKey = () => {
    const k = JSON.parse(readFileSync(keyFile, "utf8")) as { version: number; spec: QueryDbSpec };
    return JSON.stringify({ version: k.version, spec: k.spec }) === key;
  };
  if (existsSync(file) && existsSync(keyFile) && sameKey()) {
    // built under an earlier schema: migrated like any database (new indexes), not built again
    openDatabase(file).close();
    const db = openDatabase(file, { readonly: true });
    try {
      return { events: count(db, "events"), documents: count(db, "documents"), built: false, seconds: 0 };
    } finally {
      db.close();
    }
  }
  const t0 = performance.now();
  const tpl = `${file}.template`;
  log("  template: ingesting the examples and a generated diplomacy corpus…");
  await templateDb(lex, root, spec, real, tpl);
  const tmp = `${file}.tmp`;
  for (const x of ["", "-wal", "-shm"]) rmSync(tmp + x, { force: true });
  const db = openDatabase(tmp);
  db.pragma("cache_size = -262144");
  db.pragma("synchronous = OFF");
  db.exec(`ATTACH DATABASE '${tpl.replace(/'/g, "''")}' AS t`);
  const tDocs = count(db, "t.documents");
  const tEvents = count(db, "t.events");
  const copies = Math.ceil(spec.documents / tDocs);
  // each document copy's reports found `per` copies of their events, so that the totals come out
  const perCopy = spec.events / (copies * tEvents);
  const base = Math.floor(perCopy);
  const extra = Math.ceil((perCopy - base) * copies);
  log(
    `  copies: ${copies} of ${tDocs} documents, ${base}–${base + 1} copies of their ${tEvents} events each…`,
  );
  // the secondary indexes are built after the rows are in (a sorted build, not a million random inserts),
  // then they are the schema's own again
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid")
    .all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  db.exec("INSERT INTO actors SELECT * FROM t.actors");
  const rng = new Rng(42);
  const docId = (col: string) => `${col} || '~' || @k`;
  /** `<doc>#e1` → `<doc>~k#e1.j`: a report of document copy k, event copy j. */
  const reportId = (col: string, docCol: string) =>
    `${docCol} || '~' || @k || substr(${col}, length(${docCol}) + 1) || '.' || @j`;
  const eventId = (col: string) => `${col} || '~' || @k || '.' || @j`;
  const s = {
    documents: db.prepare(
      `INSERT INTO documents SELECT ${docId("id")}, url || '#' || @k, ${shifted("published")}, title, lang, format, path,
         encoding, body, sha256, ingested_at, updated_at FROM t.documents`,
    ),
    quotes: db.prepare(
      `INSERT INTO quotes SELECT doc_id || '~' || @k || substr(id, length(doc_id) + 1), ${docId("doc_id")}, start, end, text,
         speaker_id, speaker_kind, event_id, data, ${shifted("published")} FROM t.quotes`,
    ),
    docEvents: db.prepare(
      `INSERT INTO doc_events SELECT ${reportId("id", "doc_id")}, ${docId("doc_id")}, type, mode, status, ${shifted("date_start")},
         ${shifted("date_end")}, granularity, place_id, data FROM t.doc_events`,
    ),
    evidence: db.prepare(
      `INSERT INTO evidence (event_id, doc_id, field, start, end, text)
       SELECT ${reportId("event_id", "doc_id")}, ${docId("doc_id")}, field, start, end, text FROM t.evidence`,
    ),
    docEventActors: db.prepare(
      `INSERT INTO doc_event_actors SELECT ${reportId("a.event_id", "d.doc_id")}, a.actor_id, a.role, a.title
       FROM t.doc_event_actors a JOIN t.doc_events d ON d.id = a.event_id`,
    ),
    reports: db.prepare(
      `INSERT INTO event_reports SELECT ${reportId("doc_event_id", "doc_id")}, ${docId("doc_id")},
         CASE WHEN event_id IS NULL THEN NULL ELSE ${eventId("event_id")} END, match_key, ${shifted("date_lo")},
         ${shifted("date_hi")}, ${shifted("published")}, sig FROM t.event_reports`,
    ),
    events: db.prepare(
      `INSERT INTO events SELECT ${eventId("id")}, type, mode, family, status, ${shifted("date_start")}, ${shifted("date_end")},
         granularity, place_id, place_country, name_ja, name_en,
         CASE WHEN series_key IS NULL THEN NULL ELSE series_key || '~' || @k || '.' || @j END, score, quad, reports,
         sources, ${shifted("first_published")}, summary,
         CASE WHEN date_start IS NULL
           THEN json_set(data, '$.id', ${eventId("id")}, '$.seriesKey', json_extract(data, '$.seriesKey') || '~' || @k || '.' || @j)
           ELSE json_set(data, '$.id', ${eventId("id")}, '$.seriesKey', json_extract(data, '$.seriesKey') || '~' || @k || '.' || @j,
             '$.date.start', ${shifted("json_extract(data, '$.date.start')")}, '$.date.end', ${shifted("json_extract(data, '$.date.end')")})
         END
       FROM t.events`,
    ),
    eventActors: db.prepare(
      `INSERT INTO event_actors SELECT actor_id, ${eventId("event_id")}, role, named, ${shifted("date_start")}, type, status
       FROM t.event_actors`,
    ),
    eventPairs: db.prepare(
      `INSERT INTO event_pairs SELECT a, b, ${eventId("event_id")}, states, named, ${shifted("date_start")}, type, family,
         status, score, quad FROM t.event_pairs`,
    ),
    tombstones: db.prepare(
      `INSERT INTO event_tombstones SELECT ${eventId("id")},
         CASE WHEN survivor IS NULL THEN NULL ELSE ${eventId("survivor")} END, reason FROM t.event_tombstones`,
    ),
    links: db.prepare(
      `INSERT INTO doc_event_links SELECT ${reportId("l.doc_event_id", "d.doc_id")}, l.kind,
         ${reportId("l.target", "d.doc_id")} FROM t.doc_event_links l JOIN t.doc_events d ON d.id = l.doc_event_id`,
    ),
    eventQuotes: db.prepare(
      `INSERT INTO doc_event_quotes SELECT ${reportId("l.doc_event_id", "d.doc_id")},
         d.doc_id || '~' || @k || substr(l.quote_id, length(d.doc_id) + 1)
       FROM t.doc_event_quotes l JOIN t.doc_events d ON d.id = l.doc_event_id`,
    ),
  };
  const batch = Math.max(1, Math.floor(20_000 / tDocs));
  for (let k0 = 0; k0 < copies; k0 += batch) {
    db.transaction(() => {
      for (let k = k0; k < Math.min(copies, k0 + batch); k++) {
        // each copy moves in time by up to about twelve years either way
        const shift = rng.int(-4400, 4400);
        s.documents.run({ k, shift });
        s.quotes.run({ k, shift });
        const per = base + (k < extra ? 1 : 0);
        for (let j = 0; j < per; j++) {
          const p = { k, j, shift };
          s.docEvents.run(p);
          s.evidence.run(p);
          s.docEventActors.run(p);
          s.reports.run(p);
          s.events.run(p);
          s.eventActors.run(p);
          s.eventPairs.run(p);
          s.tombstones.run(p);
          s.links.run(p);
          s.eventQuotes.run(p);
        }
      }
    })();
    if ((k0 / batch) % 10 === 0) log(`  ${Math.min(copies, k0 + batch)}/${copies} copies`);
  }
  log(`  indexes (${indexes.length}) and the search indexes…`);
  for (const i of indexes) db.exec(i.sql);
  // rows copied in bulk are indexed for search in one go, as ingestion indexes each row it writes
  rebuildSearchIndexes(db);
  db.exec("DETACH DATABASE t");
  db.pragma("wal_checkpoint(TRUNCATE)");
  const events = count(db, "events");
  const documents = count(db, "documents");
  db.close();
  for (const x of ["", "-wal", "-shm"]) rmSync(file + x, { force: true });
  renameSync(tmp, file);
  for (const x of ["-wal", "-shm"]) rmSync(tmp + x, { force: true });
  rmSync(tpl, { force: true });
  for (const x of ["-wal", "-shm"]) rmSync(tpl + x, { force: true });
  writeFileSync(keyFile, key);
  return { events, documents, built: true, seconds: (performance.now() - t0) / 1000 };
}

// ---------------------------------------------------------------- timing

interface Sampled {
  name: string;
  /** One call of the query with the i-th parameters. */
  run: (i: number) => unknown;
}

function time(q: Sampled, n: number): { p50: number; p95: number; max: number } {
  const times: number[] = [];
  // one call not counted: the statement is prepared and the pages it needs start being read
  q.run(n);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    q.run(i);
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

/** The queries the web page and the CLI run, with parameters drawn from the database itself. */
export function queryFigures(file: string, samples: number, target = 50): Figure[] {
  const db = openDatabase(file, { readonly: true });
  try {
    const rng = new Rng(7);
    const pick = <T>(rows: T[]) => rows[rng.int(0, rows.length - 1)]!;
    const actors = (
      db
        .prepare("SELECT actor_id AS id FROM event_actors GROUP BY actor_id ORDER BY count(*) DESC LIMIT 40")
        .all() as {
        id: string;
      }[]
    ).map((r) => r.id);
    const pairs = db
      .prepare("SELECT a, b FROM event_pairs WHERE states = 1 GROUP BY a, b ORDER BY count(*) DESC LIMIT 20")
      .all() as { a: string; b: string }[];
    const total = count(db, "events");
    const withReports = db.prepare(
      "SELECT id FROM events WHERE rowid >= ? AND reports > 0 ORDER BY rowid LIMIT 1",
    ) as { get(n: number): { id: string } | undefined };
    const cards: string[] = [];
    for (let i = 0; i < samples + 1; i++) {
      const row = withReports.get(rng.int(1, total));
      if (row) cards.push(row.id);
    }
    const nameOf = db.prepare("SELECT name_ja, name_en FROM events WHERE id = ?") as {
      get(id: string): { name_ja: string; name_en: string };
    };
    const names = cards.map((id, i) => {
      const row = nameOf.get(id);
      return i % 2 === 0 ? row.name_ja : row.name_en.toLowerCase();
    });
    const words = [
      "首脳会談",
      "ミサイル",
      "非核化",
      "プーチン",
      "外相",
      "経済協力",
      "露朝",
      "共同声明",
      "訪朝",
      "台風",
    ];
    const years = (i: number) => {
      const y = 2003 + ((i * 7) % 20);
      return { from: `${y}`, to: `${y + 2}` };
    };
    const types = ["CONSULT", "AGREE", "ACCUSE", "SUPPORT"];
    const queries: Sampled[] = [
      {
        name: "event filter (type, status, years)",
        run: (i) =>
          findEvents(db, {
            types: [types[i % types.length]!],
            status: ["occurred"],
            ...years(i),
            limit: 100,
          }),
      },
      {
        name: "event filter (next page)",
        run: (i) => {
          const first = findEvents(db, { ...years(i), limit: 50 });
          return first.next ? findEvents(db, { ...years(i), limit: 50, after: first.next }) : first;
        },
      },
      {
        name: "timeline of an actor",
        run: (i) => findEvents(db, { actor: actors[i % actors.length]!, limit: 200 }),
      },
      {
        name: "timeline of an actor, years",
        run: (i) => findEvents(db, { actor: actors[i % actors.length]!, ...years(i), limit: 200 }),
      },
      {
        name: "timeline of a pair",
        run: (i) => {
          const p = pairs[i % pairs.length]!;
          return findEvents(db, { pair: [p.a, p.b], limit: 200 });
        },
      },
      { name: "event card", run: (i) => eventCard(db, cards[i % cards.length]!) },
      {
        // what a card or an API call does with an id it does not know: look for an event of that name
        name: "event by exact name",
        run: (i) => findEventsByName(db, names[i % names.length]!),
      },
      {
        name: "relations of two states",
        run: (i) => {
          const p = pairs[i % pairs.length]!;
          return relations(db, { a: p.a, b: p.b });
        },
      },
      {
        name: "relations of two states, years",
        run: (i) => {
          const p = pairs[i % pairs.length]!;
          return relations(db, { a: p.a, b: p.b, ...years(i) });
        },
      },
      {
        name: "full-text search",
        run: (i) => searchDocuments(db, { q: words[i % words.length]!, limit: 20 }),
      },
      {
        name: "full-text search, two terms",
        run: (i) => searchDocuments(db, { q: `${pick(words)} ${words[i % words.length]!}`, limit: 20 }),
      },
    ];
    const figures: Figure[] = [];
    for (const q of queries) {
      const t = time(q, samples);
      figures.push({
        group: "queries",
        name: `${q.name}: p95`,
        value: t.p95,
        unit: "ms",
        target: `p95 ≤ ${target} ms`,
        ok: t.p95 <= target,
        note: `p50 ${t.p50.toFixed(1)} ms, max ${t.max.toFixed(1)} ms over ${samples} calls`,
      });
    }
    return figures;
  } finally {
    db.close();
  }
}

/**
 * The query figures measured in a process of their own, as a server would
 * answer them: in the bench's process, grown large by the groups before it,
 * its garbage collector's pauses landed inside the timed calls (search p95
 * 72 ms there against 41 ms alone).
 */
export function queryFiguresApart(file: string, samples: number): Figure[] {
  return runApart<Figure[]>(fileURLToPath(import.meta.url), [file, String(samples)]);
}

// `queries.ts <db> <samples>`: the figures as one JSON line (what queryFiguresApart runs)
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, samples] = process.argv.slice(2);
  if (!file || !samples) throw new Error("usage: queries.ts <db> <samples>");
  process.stdout.write(`${JSON.stringify(queryFigures(file, Number(samples)))}\n`);
}
