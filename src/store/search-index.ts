/**
 * The trigram indexes (documents, quotations, events: schemas 3, 5–7) are
 * written by the code that writes the rows they index, not by triggers
 * (schema 10). A statement that fires a trigger opens a statement journal,
 * and FTS5 writes out everything it holds in memory whenever one opens — so
 * every row inserted flushed every index touched in the transaction as a
 * segment of its own, to be merged later: three quarters of the cost of
 * storing a document (`npm run bench`). Written directly, the rows collect in
 * memory and are flushed once per batch.
 *
 * Events are written and retired by the event store alone, which keeps
 * their index whole. Deleting a document or a quotation is still left to
 * triggers: a document deleted takes its quotations with it through a
 * foreign key, which no writer sees.
 */
import type { DB } from "./database.js";

/** What each index holds of a row: each column ends in two newlines (see schema 3). */
export const indexedDocument = (title: string | null, body: string) => ({
  title: `${title ?? ""}\n\n`,
  body: `${body}\n\n`,
});
export const indexedQuote = (text: string) => `${text}\n\n`;
export const indexedEvent = (nameJa: string, nameEn: string, summary: string) => ({
  name: `${nameJa}\n${nameEn}\n\n`,
  summary: `${summary}\n\n`,
});

export class SearchIndexWriter {
  private readonly s;

  constructor(db: DB) {
    this.s = {
      number: db.prepare("INSERT INTO search_docs (doc_id) VALUES (?)"),
      document: db.prepare("INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)"),
      quote: db.prepare("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)"),
      event: db.prepare("INSERT INTO events_fts (rowid, name, summary) VALUES (?, ?, ?)"),
      dropEvent: db.prepare("DELETE FROM events_fts WHERE rowid = ?"),
      dropAllEvents: db.prepare("INSERT INTO events_fts (events_fts) VALUES ('delete-all')"),
    };
  }

  /** A document just inserted: numbered for the index, then indexed. */
  document(id: string, title: string | null, body: string): void {
    const n = this.s.number.run(id).lastInsertRowid;
    const d = indexedDocument(title, body);
    this.s.document.run(n, d.title, d.body);
  }

  /** A quotation just inserted, by its rowid. */
  quote(rowid: number | bigint, text: string): void {
    this.s.quote.run(rowid, indexedQuote(text));
  }

  /** An event inserted (`replaced` false) or whose name or summary changed (true), by its rowid. */
  event(rowid: number | bigint, nameJa: string, nameEn: string, summary: string, replaced: boolean): void {
    if (replaced) this.s.dropEvent.run(rowid);
    const e = indexedEvent(nameJa, nameEn, summary);
    this.s.event.run(rowid, e.name, e.summary);
  }

  /** An event about to be deleted, by its rowid. */
  removeEvent(rowid: number | bigint): void {
    this.s.dropEvent.run(rowid);
  }

  /** Every event is about to be deleted. */
  removeAllEvents(): void {
    this.s.dropAllEvents.run();
  }
}

/**
 * Indexes every row of the three tables from scratch, as the writers would
 * have one by one: for databases filled in bulk (the bench copies its
 * template database with INSERT … SELECT) and to check the writers against.
 */
export function rebuildSearchIndexes(db: DB): void {
  db.exec(`
    INSERT INTO documents_fts (documents_fts) VALUES ('delete-all');
    DELETE FROM search_docs;
    INSERT INTO quotes_fts (quotes_fts) VALUES ('delete-all');
    INSERT INTO events_fts (events_fts) VALUES ('delete-all');
    INSERT INTO search_docs (doc_id) SELECT id FROM documents ORDER BY id;
    INSERT INTO documents_fts (rowid, title, body)
      SELECT s.n, coalesce(d.title, '') || char(10, 10), d.body || char(10, 10)
      FROM search_docs s JOIN documents d ON d.id = s.doc_id;
    INSERT INTO quotes_fts (rowid, text) SELECT rowid, text || char(10, 10) FROM quotes;
    INSERT INTO events_fts (rowid, name, summary)
      SELECT rowid, name_ja || char(10) || name_en || char(10, 10), summary || char(10, 10) FROM events;
  `);
}
