/**
 * The documents as stored: a list, a page at a time, and one document with
 * its raw body and every span kaidan cites in it — the sentences reporting
 * each event, the quotations, and the actors' mentions — so that a reader
 * can show the article with those spans marked.
 */
import type { DB } from "../store/database.js";

export interface DocumentListItem {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  format: string;
  /** Length of the body in UTF-16 code units. */
  length: number;
  /** Events (records across documents) the document reports, and quotations found in it. */
  events: number;
  quotes: number;
}

export interface DocumentList {
  total: number;
  items: DocumentListItem[];
}

export interface DocumentListInput {
  limit?: number;
  offset?: number;
  /** Published on or after / on or before (YYYY, YYYY-MM or YYYY-MM-DD, compared as text). */
  from?: string;
  to?: string;
}

const LIST_COLUMNS = `d.id, d.title, d.url, d.published, d.format, length(d.body) AS length,
  (SELECT count(DISTINCT er.event_id) FROM event_reports er WHERE er.doc_id = d.id AND er.event_id IS NOT NULL) AS events,
  (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes`;

/** Documents, newest first. */
export function listDocuments(db: DB, input: DocumentListInput = {}): DocumentList {
  const limit = Math.min(Math.max(1, input.limit ?? 50), 500);
  const offset = Math.max(0, input.offset ?? 0);
  const where: string[] = [];
  const args: unknown[] = [];
  if (input.from) {
    where.push("d.published >= ?");
    args.push(input.from);
  }
  if (input.to) {
    // a bound such as 2024-06 includes every day of that month
    where.push("d.published <= ?");
    args.push(`${input.to}\uffff`);
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  // undated documents come last: SQLite sorts NULL below every date
  const total = (db.prepare(`SELECT count(*) AS n FROM documents d ${clause}`).get(...args) as { n: number })
    .n;
  const items = db
    .prepare(
      `SELECT ${LIST_COLUMNS} FROM documents d ${clause}
       ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, offset) as DocumentListItem[];
  return { total, items };
}

/** A sentence that reports an event, as a raw span of the body. */
export interface DocumentCitation {
  start: number;
  end: number;
  text: string;
  /** The document's own report of the event (`doc_events.id`). */
  report: string;
  /** The event record across documents it belongs to (null when it was not resolved). */
  event: { id: string; name: { ja: string; en: string }; type: string; status: string } | null;
}

export interface DocumentQuote {
  id: string;
  start: number;
  end: number;
  text: string;
  speaker: { id: string; ja: string; en: string } | null;
  speakerKind: string | null;
}

export interface DocumentMention {
  start: number;
  end: number;
  text: string;
  actor: { id: string; kind: string; ja: string; en: string };
}

export interface DocumentView {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  lang: string;
  format: string;
  encoding: string | null;
  ingestedAt: string;
  updatedAt: string;
  /** The raw body: every span below is `body.slice(start, end)`. */
  body: string;
  citations: DocumentCitation[];
  quotes: DocumentQuote[];
  mentions: DocumentMention[];
}

export function getDocument(db: DB, id: string): DocumentView | null {
  const d = db
    .prepare(
      `SELECT id, title, url, published, lang, format, encoding, ingested_at, updated_at, body
       FROM documents WHERE id = ?`,
    )
    .get(id) as
    | {
        id: string;
        title: string | null;
        url: string | null;
        published: string | null;
        lang: string;
        format: string;
        encoding: string | null;
        ingested_at: string;
        updated_at: string;
        body: string;
      }
    | undefined;
  if (!d) return null;
  const citations = (
    db
      .prepare(
        `SELECT ev.start, ev.end, ev.text, ev.event_id AS report,
                e.id AS event_id, e.name_ja, e.name_en, e.type, e.status
         FROM evidence ev
         LEFT JOIN event_reports er ON er.doc_event_id = ev.event_id
         LEFT JOIN events e ON e.id = er.event_id
         WHERE ev.doc_id = ? ORDER BY ev.start, ev.end, ev.event_id`,
      )
      .all(id) as {
      start: number;
      end: number;
      text: string;
      report: string;
      event_id: string | null;
      name_ja: string | null;
      name_en: string | null;
      type: string | null;
      status: string | null;
    }[]
  ).map((r) => ({
    start: r.start,
    end: r.end,
    text: r.text,
    report: r.report,
    event: r.event_id
      ? { id: r.event_id, name: { ja: r.name_ja!, en: r.name_en! }, type: r.type!, status: r.status! }
      : null,
  }));
  const quotes = (
    db
      .prepare(
        `SELECT q.id, q.start, q.end, q.text, q.speaker_kind, a.id AS speaker_id, a.ja, a.en
         FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_id
         WHERE q.doc_id = ? ORDER BY q.start, q.id`,
      )
      .all(id) as {
      id: string;
      start: number;
      end: number;
      text: string;
      speaker_kind: string | null;
      speaker_id: string | null;
      ja: string | null;
      en: string | null;
    }[]
  ).map((q) => ({
    id: q.id,
    start: q.start,
    end: q.end,
    text: q.text,
    speaker: q.speaker_id ? { id: q.speaker_id, ja: q.ja!, en: q.en! } : null,
    speakerKind: q.speaker_kind,
  }));
  const mentions = (
    db
      .prepare(
        `SELECT m.start, m.end, m.text, a.id, a.kind, a.ja, a.en
         FROM mentions m JOIN actors a ON a.id = m.actor_id
         WHERE m.doc_id = ? ORDER BY m.start, m.id`,
      )
      .all(id) as {
      start: number;
      end: number;
      text: string;
      id: string;
      kind: string;
      ja: string;
      en: string;
    }[]
  ).map((m) => ({
    start: m.start,
    end: m.end,
    text: m.text,
    actor: { id: m.id, kind: m.kind, ja: m.ja, en: m.en },
  }));
  return {
    id: d.id,
    title: d.title,
    url: d.url || null,
    published: d.published,
    lang: d.lang,
    format: d.format,
    encoding: d.encoding,
    ingestedAt: d.ingested_at,
    updatedAt: d.updated_at,
    body: d.body,
    citations,
    quotes,
    mentions,
  };
}
