/**
 * Quotations across documents: who is quoted and how often, and the
 * quotations themselves by speaker, document, text or publication date,
 * each with its raw span so that a reader can open it in the article.
 */
import type { DB } from "../store/database.js";
import type { CardQuote } from "./card.js";
import { charLength, phrase, rowsContaining } from "./fts.js";

export interface QuoteSpeaker {
  id: string;
  kind: string;
  ja: string;
  en: string;
  country: string | null;
  quotes: number;
  documents: number;
}

export interface QuoteItem extends CardQuote {
  published: string | null;
  title: string | null;
}

export interface QuoteList {
  total: number;
  /** Set when `total` is estimated (a text in many quotations of a large database), not counted. */
  estimated?: true;
  items: QuoteItem[];
}

export interface QuoteFilter {
  /** An actor id; `none` for quotations without a resolved speaker. */
  speaker?: string;
  doc?: string;
  /** A substring of the quotation. */
  text?: string;
  /** Publication date bounds (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** The speakers, most quoted first, and how many quotations have none. */
export function quoteSpeakers(db: DB, limit = 200): { speakers: QuoteSpeaker[]; unattributed: number } {
  const speakers = db
    .prepare(
      `SELECT a.id, a.kind, a.ja, a.en, a.country, count(*) AS quotes, count(DISTINCT q.doc_id) AS documents
       FROM quotes q JOIN actors a ON a.id = q.speaker_id
       GROUP BY a.id ORDER BY quotes DESC, a.id LIMIT ?`,
    )
    .all(Math.min(Math.max(1, limit), 1000)) as QuoteSpeaker[];
  const unattributed = (
    db.prepare("SELECT count(*) AS n FROM quotes WHERE speaker_id IS NULL").get() as { n: number }
  ).n;
  return { speakers, unattributed };
}

const SPEAKER = "q.speaker_id = ?";

/** Up to this many matching quotations are sorted rather than found in order. */
const FEW = 5000;

const PAGE_COLUMNS = `q.id, q.doc_id AS doc, q.text, q.start, q.end, q.speaker_kind, q.data, d.published, d.title,
  a.id AS speaker_id, a.ja AS speaker_ja, a.en AS speaker_en, a.country AS speaker_country`;

interface PageRow {
  id: string;
  doc: string;
  text: string;
  start: number;
  end: number;
  speaker_kind: string | null;
  data: string;
  published: string | null;
  title: string | null;
  speaker_id: string | null;
  speaker_ja: string | null;
  speaker_en: string | null;
  speaker_country: string | null;
}

/**
 * The conditions of a filter, and the same with a text looked up in the quotations' trigram index. Dates
 * are checked on the quotation's copy (schema 9) or, where documents are walked, on the document's (so that
 * its index can seek to them).
 */
function conditions(filter: QuoteFilter, published: "q.published" | "d.published" = "q.published") {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.speaker === "none") where.push("q.speaker_id IS NULL");
  else if (filter.speaker) {
    // SPEAKER is written unary-plus (not indexed) when documents are walked in order, below
    where.push(SPEAKER);
    args.push(filter.speaker);
  }
  if (filter.doc) {
    where.push("q.doc_id = ?");
    args.push(filter.doc);
  }
  if (filter.from) {
    where.push(`${published} >= ?`);
    args.push(filter.from);
  }
  if (filter.to) {
    where.push(`${published} <= ?`);
    args.push(`${filter.to}\uffff`);
  }
  // A text is counted through its index (case folded: instr keeps the exact substring).
  const indexed = [...where];
  const indexedArgs = [...args];
  if (filter.text) {
    const rows = rowsContaining("quotes_fts", "quotes_fts_terms", filter.text);
    indexed.push(`q.rowid IN (${rows.sql}) AND instr(q.text, ?) > 0`);
    indexedArgs.push(...rows.args, filter.text);
  }
  return { where, args, indexed, indexedArgs };
}

const clauseOf = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(" AND ")}` : "");

/** Quotations read to tell how common a text is: runs of consecutive rows, evenly spread over the table. */
const PROBE = 5000;
const RUN = 100;
/** The share of those that makes a short text common: its total is then estimated. */
const COMMON = 0.01;

/**
 * The share of quotations that contain the text, among about PROBE read in runs spread evenly over the
 * table (all of them when there are fewer): a sample of the whole, where the newest alone would follow the
 * news of the day, and runs of neighbours cost far less to read than scattered rows.
 */
function shareInSample(db: DB, text: string, probe: number): { read: number; share: number } {
  const last = (db.prepare("SELECT max(rowid) FROM quotes").pluck().get() as number | null) ?? 0;
  const runs = Math.ceil(probe / RUN);
  const step = Math.max(RUN, last / runs);
  const starts: number[] = [];
  for (let x = 1; x <= last && starts.length < runs; x += step) starts.push(Math.floor(x));
  const r = db
    .prepare(
      `SELECT count(*) AS read, coalesce(sum(instr(q.text, ?) > 0), 0) AS hit
       FROM json_each(?) j JOIN quotes q ON q.rowid >= j.value AND q.rowid < j.value + ?`,
    )
    .get(text, JSON.stringify(starts), RUN) as { read: number; hit: number };
  return { read: r.read, share: r.read ? r.hit / r.read : 0 };
}

/** How many quotations contain a text, when that is known without reading every match. */
interface TextSize {
  n: number;
  estimated: boolean;
}

/**
 * The quotations containing a text: counted by its trigram index alone when that is exact (three
 * characters or more, no Latin letters for the index to fold), estimated from a sample when the text is
 * short and common; null when it is short and rare (counting its matches is then cheap).
 */
function textSize(db: DB, text: string, probe: number): TextSize | null {
  if (charLength(text) >= 3 && !/[A-Za-z]/.test(text)) {
    const n = db
      .prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?")
      .pluck()
      .get(phrase(text)) as number;
    return { n, estimated: false };
  }
  const sample = shareInSample(db, text, probe);
  if (sample.read < probe || sample.share < COMMON) return null;
  const all = db.prepare("SELECT count(*) FROM quotes").pluck().get() as number;
  return { n: Math.round(sample.share * all), estimated: true };
}

/** How many quotations the filter selects; with `atMost`, counting stops past it. */
function countQuotes(db: DB, filter: QuoteFilter = {}, atMost?: number): number {
  const c = conditions(filter);
  const select = `SELECT 1 FROM quotes q ${clauseOf(c.indexed)}`;
  return atMost === undefined
    ? (db
        .prepare(`SELECT count(*) FROM (${select})`)
        .pluck()
        .get(...c.indexedArgs) as number)
    : (db
        .prepare(`SELECT count(*) FROM (${select} LIMIT ?)`)
        .pluck()
        .get(...c.indexedArgs, atMost + 1) as number);
}

/**
 * One page of the quotations a filter selects, newest article first. Those of one speaker are read in
 * order from their index (speaker, publication date); a few others (of a document, a rare text) are
 * found through their index and sorted; many are not sorted: the documents are walked newest first
 * until the page is full (CROSS JOIN keeps that loop order).
 */
export function quotePage(db: DB, filter: QuoteFilter = {}, sortAtMost = FEW): QuoteItem[] {
  return page(db, filter, sortAtMost, filter.text ? textSize(db, filter.text, PROBE) : null);
}

function page(db: DB, filter: QuoteFilter, sortAtMost: number, size: TextSize | null): QuoteItem[] {
  const bySpeaker = Boolean(filter.speaker && filter.speaker !== "none" && !filter.text && !filter.doc);
  const c = conditions(filter, bySpeaker ? "q.published" : "d.published");
  const limit = Math.min(Math.max(1, filter.limit ?? 100), 1000);
  const offset = Math.max(0, filter.offset ?? 0);
  const order = "ORDER BY d.published DESC, d.id, q.start LIMIT ? OFFSET ?";
  let rows: PageRow[];
  if (bySpeaker) {
    rows = db
      .prepare(
        `SELECT ${PAGE_COLUMNS} FROM quotes q INDEXED BY quotes_speaker_published
         JOIN documents d ON d.id = q.doc_id LEFT JOIN actors a ON a.id = q.speaker_id ${clauseOf(c.where)}
         ORDER BY q.published DESC, q.doc_id, q.start LIMIT ? OFFSET ?`,
      )
      .all(...c.args, limit, offset) as PageRow[];
  } else {
    // a text's own count bounds the filter's (other conditions only take quotations away); a common one is
    // walked for
    const few =
      Boolean(filter.doc) ||
      (filter.text !== undefined &&
        (size ? !size.estimated && size.n <= sortAtMost : countQuotes(db, filter, sortAtMost) <= sortAtMost));
    if (few) {
      rows = db
        .prepare(
          `SELECT ${PAGE_COLUMNS} FROM quotes q JOIN documents d ON d.id = q.doc_id
           LEFT JOIN actors a ON a.id = q.speaker_id ${clauseOf(c.indexed)} ${order}`,
        )
        .all(...c.indexedArgs, limit, offset) as PageRow[];
    } else {
      // walking the documents, a text is checked in each quotation as it comes
      const scanned = c.where.map((w) => (w === SPEAKER ? `+${SPEAKER}` : w));
      const scannedArgs = [...c.args];
      if (filter.text) {
        scanned.push("instr(q.text, ?) > 0");
        scannedArgs.push(filter.text);
      }
      rows = db
        .prepare(
          `SELECT ${PAGE_COLUMNS} FROM documents d CROSS JOIN quotes q ON d.id = q.doc_id
           LEFT JOIN actors a ON a.id = q.speaker_id ${clauseOf(scanned)} ${order}`,
        )
        .all(...scannedArgs, limit, offset) as PageRow[];
    }
  }
  return rows.map((r): QuoteItem => {
    const data = JSON.parse(r.data) as { speakerText?: string; verb?: string };
    return {
      id: r.id,
      doc: r.doc,
      text: r.text,
      start: r.start,
      end: r.end,
      speaker: r.speaker_id
        ? { id: r.speaker_id, ja: r.speaker_ja!, en: r.speaker_en!, country: r.speaker_country }
        : null,
      speakerKind: r.speaker_kind,
      speakerText: data.speakerText ?? null,
      verb: data.verb ?? null,
      published: r.published,
      title: r.title,
    };
  });
}

/**
 * A page of quotations and how many the filter selects in all. A text alone is counted through its index;
 * a short one in many quotations is estimated from a sample of them (`estimated`).
 */
export function findQuotes(
  db: DB,
  filter: QuoteFilter = {},
  /** Matches up to this many are sorted (FEW; tests lower it to take the path of a large database). */
  sortAtMost = FEW,
  /** Quotations sampled to estimate (PROBE; tests lower it to take the path of a large database). */
  probe = PROBE,
): QuoteList {
  const size = filter.text ? textSize(db, filter.text, probe) : null;
  const items = page(db, filter, sortAtMost, size);
  const textOnly = !filter.speaker && !filter.doc && !filter.from && !filter.to;
  if (size && textOnly)
    return { total: size.n, ...(size.estimated ? { estimated: true as const } : {}), items };
  return { total: countQuotes(db, filter), items };
}
