/**
 * Storing an analysed document: one transaction per document, replacing
 * whatever an earlier reading of the same document stored, so that
 * ingesting twice updates instead of duplicating and a crash mid-document
 * leaves the previous state intact.
 */
import { createHash } from "node:crypto";
import type { Extraction } from "../extract/types.js";
import type { AnalysedDocument } from "../pipeline/document.js";
import { citeSpan } from "../pipeline/document.js";
import type { ActorRef } from "../resolve/actors.js";
import type { DB } from "./database.js";

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
  afterStore(doc: AnalysedDocument, extraction: Extraction, before: T): void;
}

/** Prepared statements, made once per database connection. */
export class DocumentWriter {
  private readonly s;

  constructor(
    private readonly db: DB,
    private readonly observer?: StoreObserver,
  ) {
    this.s = {
      existing: db.prepare("SELECT sha256 FROM documents WHERE id = ?"),
      deleteDoc: db.prepare("DELETE FROM documents WHERE id = ?"),
      doc: db.prepare(
        `INSERT INTO documents (id, url, published, title, lang, format, path, encoding, body, sha256, ingested_at, updated_at)
         VALUES (@id, @url, @published, @title, @lang, @format, @path, @encoding, @body, @sha256, @now, @now)`,
      ),
      keepIngested: db.prepare("UPDATE documents SET ingested_at = ? WHERE id = ?"),
      actor: db.prepare(
        `INSERT INTO actors (id, kind, en, ja, country, resolved) VALUES (@id, @kind, @en, @ja, @country, @resolved)
         ON CONFLICT(id) DO UPDATE SET en = excluded.en, ja = excluded.ja, country = excluded.country`,
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
        "INSERT INTO quotes (id, doc_id, start, end, text, speaker_id, speaker_kind, event_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      message: db.prepare(
        "INSERT INTO messages (doc_id, rule, reason, start, end, severity) VALUES (?, ?, ?, ?, ?, ?)",
      ),
    };
  }

  private actor(a: ActorRef): string {
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

  /** Stores the document and everything found in it, in one transaction. */
  store(doc: AnalysedDocument, extraction: Extraction): StoreResult {
    const src = doc.source;
    const hash = sha256(src.body);
    const now = new Date().toISOString();
    return this.db
      .transaction((): StoreResult => {
        const before = this.s.existing.get(src.id) as { sha256: string } | undefined;
        const observed = this.observer?.beforeReplace(src.id);
        this.s.deleteDoc.run(src.id);
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
        for (const r of doc.resolved) {
          const m = r.mention;
          const span = citeSpan(doc, m.start, m.end);
          const text = src.body.slice(span.start, span.end);
          if (r.actors.length === 0) {
            if (m.kind === "place" && m.entityId)
              this.s.mention.run(src.id, span.start, span.end, text, "place", null, null, null, m.entityId);
            continue;
          }
          for (const a of r.actors) {
            this.s.mention.run(
              src.id,
              span.start,
              span.end,
              text,
              m.kind,
              this.actor(a),
              a.title ?? null,
              a.office ?? null,
              r.via,
            );
          }
        }
        for (const t of doc.timexes) {
          const span = citeSpan(doc, t.start, t.end);
          this.s.timex.run(
            src.id,
            span.start,
            span.end,
            src.body.slice(span.start, span.end),
            t.value,
            t.granularity,
          );
        }
        for (const e of extraction.events) {
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
            JSON.stringify(e),
          );
          for (const p of e.participants)
            this.s.eventActor.run(e.id, this.actor(p.actor), p.role, p.title ?? null);
          for (const ev of e.evidence) this.s.evidence.run(e.id, src.id, "event", ev.start, ev.end, ev.text);
        }
        for (const q of extraction.quotes) {
          const speaker = q.speaker ? this.actor(q.speaker) : null;
          this.s.quote.run(
            q.id,
            src.id,
            q.cited.start,
            q.cited.end,
            q.cited.text,
            speaker,
            q.speakerKind,
            q.event ?? null,
            JSON.stringify(q),
          );
        }
        for (const m of doc.messages)
          this.s.message.run(src.id, m.rule, m.reason, m.start ?? null, m.end ?? null, m.severity);
        this.observer?.afterStore(doc, extraction, observed);
        if (before?.sha256 === hash) return { id: src.id, outcome: "unchanged" };
        return { id: src.id, outcome: before ? "updated" : "new" };
      })
      .immediate();
  }
}
