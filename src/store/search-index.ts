/**
 * The trigram indexes (documents, quotations, events: schemas 3, 5–7) are
 * written by the code that writes the rows they index, not by triggers
 * (schema 10). A statement that fires a trigger opens a statement journal,
 * and FTS5 writes out everything it holds in memory whenever one opens — so
 * every row inserted flushed every index touched in the transaction as a
 * segment of its own, to be merged later: three quarters of the cost of
 * storing a document (`npm run bench`). Written directly, the rows collect in
 * memory and are flushed once per batch; a batch also holds them back
 * until it ends (SearchIndexWriter).
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

/** A document's entries held back until the batch flushes: its index number, its text, its quotations'. */
interface HeldDocument {
  n: number | bigint;
  title: string;
  body: string;
  quotes: { rowid: number | bigint; text: string }[];
}

/** An event's entry held back: what it now says (null: nothing) and whether the index already holds it. */
interface HeldEvent {
  entry: { name: string; summary: string } | null;
  indexed: boolean;
}

/** Held text beyond which a batch's entries are written before it ends, so that memory stays bounded. */
const HOLD_AT_MOST_CHARS = 4_000_000;

/**
 * Writes the search indexes' entries for one connection. Immediately by
 * default; while a batch {@link defer}s, entries are held and written
 * together at {@link flush}: written one document at a time, amid the
 * document's other rows, the document index cost twice as much to build
 * (`npm run bench`), and deleting an event's old entry made the event index
 * write out everything it held in memory. Held, each entry is written once,
 * however often the batch changed it, and every deletion comes before the
 * insertions.
 */
export class SearchIndexWriter {
  private readonly s;
  private deferring = false;
  private readonly documents = new Map<string, HeldDocument>();
  private readonly events = new Map<number | bigint, HeldEvent>();
  private heldChars = 0;
  /** Held text beyond which the entries are written before the batch ends (lowered by tests). */
  holdAtMostChars = HOLD_AT_MOST_CHARS;

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

  /** Holds entries from now until {@link flush}, which the caller must run before its transaction commits. */
  defer(): void {
    this.deferring = true;
  }

  /** Writes what is held, and ends the deferral: entries are written immediately again after it. */
  flush(): void {
    this.writeHeld();
    this.deferring = false;
  }

  /** Forgets what is held and ends the deferral, after the transaction that wrote its rows was rolled back. */
  discard(): void {
    this.forgetHeld();
    this.deferring = false;
  }

  private writeHeld(): void {
    for (const [rowid, e] of this.events) if (e.indexed) this.s.dropEvent.run(rowid);
    for (const d of this.documents.values()) {
      this.s.document.run(d.n, d.title, d.body);
      for (const q of d.quotes) this.s.quote.run(q.rowid, q.text);
    }
    for (const [rowid, e] of this.events) if (e.entry) this.s.event.run(rowid, e.entry.name, e.entry.summary);
    this.forgetHeld();
  }

  private forgetHeld(): void {
    this.documents.clear();
    this.events.clear();
    this.heldChars = 0;
  }

  /** A document just inserted: numbered for the index, then indexed. */
  document(id: string, title: string | null, body: string): void {
    const n = this.s.number.run(id).lastInsertRowid;
    const d = indexedDocument(title, body);
    if (!this.deferring) {
      this.s.document.run(n, d.title, d.body);
      return;
    }
    // a document written again in the batch replaces what was held of it (its old rows are gone)
    this.documents.set(id, { n, title: d.title, body: d.body, quotes: [] });
    this.held(body.length);
  }

  /** A quotation of the document just inserted, by its rowid. */
  quote(doc: string, rowid: number | bigint, text: string): void {
    const held = this.documents.get(doc);
    if (!held) {
      this.s.quote.run(rowid, indexedQuote(text));
      return;
    }
    held.quotes.push({ rowid, text: indexedQuote(text) });
    this.held(text.length);
  }

  /** An event inserted (`replaced` false) or whose name or summary changed (true), by its rowid. */
  event(rowid: number | bigint, nameJa: string, nameEn: string, summary: string, replaced: boolean): void {
    const entry = indexedEvent(nameJa, nameEn, summary);
    if (!this.deferring) {
      if (replaced) this.s.dropEvent.run(rowid);
      this.s.event.run(rowid, entry.name, entry.summary);
      return;
    }
    // held already: the index holds it if it did when the batch first touched it
    const indexed = this.events.get(rowid)?.indexed ?? replaced;
    this.events.set(rowid, { entry, indexed });
    this.held(entry.name.length + entry.summary.length);
  }

  /** An event about to be deleted, by its rowid. */
  removeEvent(rowid: number | bigint): void {
    if (!this.deferring) {
      this.s.dropEvent.run(rowid);
      return;
    }
    const indexed = this.events.get(rowid)?.indexed ?? true;
    if (indexed) this.events.set(rowid, { entry: null, indexed });
    else this.events.delete(rowid);
  }

  /** Every event is about to be deleted. */
  removeAllEvents(): void {
    this.events.clear();
    this.s.dropAllEvents.run();
  }

  private held(chars: number): void {
    this.heldChars += chars;
    if (this.heldChars > this.holdAtMostChars) this.writeHeld();
  }
}

/** The search index writer of a connection: the document writer and the event store share it, so a batch can flush it. */
const writers = new WeakMap<DB, SearchIndexWriter>();
export function searchIndexOf(db: DB): SearchIndexWriter {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new SearchIndexWriter(db)));
  return w;
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
