/**
 * Storing an analysed document, with its entries in the search indexes
 * (src/store/search-index.ts): in a transaction of its own, or inside the
 * batch ingestion holds (src/store/batch.ts), replacing whatever an earlier
 * reading of the same document stored, so that ingesting twice updates
 * instead of duplicating and a crash mid-document leaves the previous state
 * intact.
 */
import { createHash } from "node:crypto";
import type { Extraction } from "../extract/types.js";
import type { AnalysedDocument, Message } from "../pipeline/document.js";
import { citeSpan } from "../pipeline/document.js";
import type { SourceDocument } from "../read/document.js";
import type { ActorRef } from "../resolve/actors.js";
import type { DB } from "./database.js";
import { searchIndexOf, type SearchIndexWriter } from "./search-index.js";

export interface StoreResult {
  id: string;
  /** `new`, `updated` (the text changed) or `unchanged`. */
  outcome: "new" | "updated" | "unchanged";
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * Work that must happen in the same transaction as storing a document:
 * cross-document event resolution (src/resolve/events/) looks at what the
 * document's earlier reading contributed before it is deleted, and merges
 * the new events after they are stored.
 */
export interface StoreObserver<T = unknown> {
  beforeReplace(docId: string): T;
  afterStore(source: SourceDocument, extraction: Extraction, before: T): void;
}

/**
 * Everything stored for one document, with every span already turned into a
 * raw span: plain data, made where the document was analysed (a worker
 * thread) and written where the database is.
 */
export interface StoreRecord {
  source: SourceDocument;
  sha256: string;
  mentions: {
    start: number;
    end: number;
    text: string;
    kind: string;
    actor: ActorRef | null;
    title: string | null;
    office: string | null;
    via: string | null;
  }[];
  timexes: { start: number; end: number; text: string; value: string; granularity: string }[];
  messages: Message[];
  /** Set aside by the fast pass as not about diplomacy: stored for search, nothing extracted. */
  outOfScope: boolean;
  extraction: Extraction;
  /** Each event and quotation as stored (JSON), in the extraction's order. */
  eventData: string[];
  quoteData: string[];
}

/** The rows of an analysed document, ready for {@link DocumentWriter.write}. */
export function storeRecord(doc: AnalysedDocument, extraction: Extraction): StoreRecord {
  const src = doc.source;
  const mentions: StoreRecord["mentions"] = [];
  for (const r of doc.resolved) {
    const m = r.mention;
    const span = citeSpan(doc, m.start, m.end);
    const text = src.body.slice(span.start, span.end);
    if (r.actors.length === 0) {
      if (m.kind === "place" && m.entityId)
        mentions.push({
          start: span.start,
          end: span.end,
          text,
          kind: "place",
          actor: null,
          title: null,
          office: null,
          via: m.entityId,
        });
      continue;
    }
    for (const a of r.actors)
      // the fields one by one: spreading the span before the others cost ten times as much (V8 20)
      mentions.push({
        start: span.start,
        end: span.end,
        text,
        kind: m.kind,
        actor: a,
        title: a.title ?? null,
        office: a.office ?? null,
        via: r.via,
      });
  }
  const timexes = doc.timexes.map((t) => {
    const span = citeSpan(doc, t.start, t.end);
    return {
      start: span.start,
      end: span.end,
      text: src.body.slice(span.start, span.end),
      value: t.value,
      granularity: t.granularity,
    };
  });
  return {
    source: src,
    sha256: sha256(src.body),
    mentions,
    timexes,
    messages: doc.messages,
    outOfScope: doc.outOfScope,
    extraction,
    eventData: extraction.events.map((e) => JSON.stringify(e)),
    quoteData: extraction.quotes.map((q) => JSON.stringify(q)),
  };
}

/** Prepared statements, made once per database connection. */
export class DocumentWriter {
  private readonly s;
  private readonly search: SearchIndexWriter;

  constructor(
    private readonly db: DB,
    private readonly observer?: StoreObserver,
  ) {
    this.search = searchIndexOf(db);
    this.s = {
      existing: db.prepare("SELECT sha256 FROM documents WHERE id = ?"),
      version: db.prepare("SELECT sha256, path, updated_at FROM documents WHERE id = ?"),
      deleteDoc: db.prepare("DELETE FROM documents WHERE id = ?"),
      doc: db.prepare(
        `INSERT INTO documents (id, url, published, title, lang, format, path, encoding, body, sha256, ingested_at, updated_at)
         VALUES (@id, @url, @published, @title, @lang, @format, @path, @encoding, @body, @sha256, @now, @now)`,
      ),
      keepIngested: db.prepare("UPDATE documents SET ingested_at = ? WHERE id = ?"),
      actor: db.prepare(
        `INSERT INTO actors (id, kind, en, ja, country, resolved) VALUES (@id, @kind, @en, @ja, @country, @resolved)
         ON CONFLICT(id) DO UPDATE SET en = excluded.en, ja = excluded.ja, country = excluded.country
         WHERE en IS NOT excluded.en OR ja IS NOT excluded.ja OR country IS NOT excluded.country`,
      ),
      mention: db.prepare(
        "INSERT INTO mentions (doc_id, start, end, text, kind, actor_id, title, office, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      timex: db.prepare(
        "INSERT INTO timexes (doc_id, start, end, text, value, granularity) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      event: db.prepare(
        `INSERT INTO doc_events (id, doc_id, type, mode, status, date_start, date_end, granularity, place_id, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      eventActor: db.prepare(
        "INSERT INTO doc_event_actors (event_id, actor_id, role, title) VALUES (?, ?, ?, ?)",
      ),
      evidence: db.prepare(
        "INSERT INTO evidence (event_id, doc_id, field, start, end, text) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      quote: db.prepare(
        "INSERT INTO quotes (id, doc_id, start, end, text, speaker_id, speaker_kind, event_id, data, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      message: db.prepare(
        "INSERT INTO messages (doc_id, rule, reason, start, end, severity) VALUES (?, ?, ?, ?, ?, ?)",
      ),
    };
  }

  /** Actors written in the current transaction, as written: the same row again changes nothing. */
  private readonly written = new Set<string>();

  private actor(a: ActorRef): string {
    const key = `${a.id}\u0000${a.kind}\u0000${a.en}\u0000${a.ja}\u0000${a.country}\u0000${a.resolved ? 1 : 0}`;
    if (this.written.has(key)) return a.id;
    this.written.add(key);
    this.s.actor.run({
      id: a.id,
      kind: a.kind,
      en: a.en,
      ja: a.ja,
      country: a.country,
      resolved: a.resolved ? 1 : 0,
    });
    return a.id;
  }

  /** The stored version of a document, if any. */
  storedVersion(id: string): { sha256: string; path: string | null; updated_at: string } | undefined {
    return this.s.version.get(id) as { sha256: string; path: string | null; updated_at: string } | undefined;
  }

  /** Stores the document and everything found in it, in one transaction. */
  store(doc: AnalysedDocument, extraction: Extraction): StoreResult {
    return this.write(storeRecord(doc, extraction));
  }

  /** Writes a document's record, in one transaction (a savepoint inside the caller's). */
  write(record: StoreRecord): StoreResult {
    return this.db.transaction(() => this.writeInTransaction(record)).immediate();
  }

  /**
   * Writes a document's record inside the caller's transaction, which must be
   * rolled back if this throws (WriteBatch does): no savepoint of its own,
   * because opening one makes every full-text index flush.
   */
  writeInTransaction(record: StoreRecord): StoreResult {
    const src = record.source;
    const hash = record.sha256;
    const extraction = record.extraction;
    const now = new Date().toISOString();
    this.written.clear();
    const before = this.s.existing.get(src.id) as { sha256: string } | undefined;
    const observed = this.observer?.beforeReplace(src.id);
    // a new document has nothing to replace (the delete would still look in every table that refers to it)
    if (before) this.s.deleteDoc.run(src.id);
    this.s.doc.run({
      id: src.id,
      url: src.url,
      published: src.published,
      title: src.title,
      lang: src.lang,
      format: src.format,
      path: src.path,
      encoding: src.encoding,
      body: src.body,
      sha256: hash,
      now,
    });
    this.search.document(src.id, src.title, src.body);
    for (const m of record.mentions)
      this.s.mention.run(
        src.id,
        m.start,
        m.end,
        m.text,
        m.kind,
        m.actor ? this.actor(m.actor) : null,
        m.title,
        m.office,
        m.via,
      );
    for (const t of record.timexes) this.s.timex.run(src.id, t.start, t.end, t.text, t.value, t.granularity);
    for (const [i, e] of extraction.events.entries()) {
      this.s.event.run(
        e.id,
        src.id,
        e.type,
        e.mode,
        e.status,
        e.date?.start ?? null,
        e.date?.end ?? null,
        e.date?.granularity ?? null,
        e.place?.id ?? null,
        record.eventData[i]!,
      );
      for (const p of e.participants)
        this.s.eventActor.run(e.id, this.actor(p.actor), p.role, p.title ?? null);
      for (const ev of e.evidence) this.s.evidence.run(e.id, src.id, "event", ev.start, ev.end, ev.text);
    }
    for (const [i, q] of extraction.quotes.entries()) {
      const speaker = q.speaker ? this.actor(q.speaker) : null;
      const row = this.s.quote.run(
        q.id,
        src.id,
        q.cited.start,
        q.cited.end,
        q.cited.text,
        speaker,
        q.speakerKind,
        q.event ?? null,
        record.quoteData[i]!,
        src.published,
      );
      this.search.quote(src.id, row.lastInsertRowid, q.cited.text);
    }
    for (const m of record.messages)
      this.s.message.run(src.id, m.rule, m.reason, m.start ?? null, m.end ?? null, m.severity);
    this.observer?.afterStore(src, extraction, observed);
    if (before?.sha256 === hash) return { id: src.id, outcome: "unchanged" };
    return { id: src.id, outcome: before ? "updated" : "new" };
  }
}
