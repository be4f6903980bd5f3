/**
 * Full-text search over the articles, by substring as Japanese needs: the
 * trigram index (schema 3) answers terms of three characters or more and
 * ranks by BM25; its vocabulary answers one- and two-character terms (露朝,
 * 訪朝) as the prefixes of the trigrams. Terms separated by spaces must all
 * occur; "quoted phrases" keep their spaces. Each term is also looked for in
 * its NFKC and full-width forms (GDP, ＧＤＰ). Snippets and match offsets are
 * computed on the raw body, so they point where every other span points.
 *
 * And events by text: their generated names, the sentences that report them,
 * and their participants' names.
 */
import type { DB } from "../store/database.js";
import { type EventFilter, findEvents } from "./events.js";
import type { Cursor, EventSummary, Page } from "./types.js";

export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 100;
/** Candidates ranked before paging: enough for any analyst's scrolling. */
const MAX_CANDIDATES = 5000;
const MAX_MATCHES = 200;

/** The terms of a query: words separated by spaces (ASCII or ideographic), or "quoted phrases". */
export function parseQuery(q: string): string[] {
  const terms: string[] = [];
  for (const m of q.matchAll(/"([^"]*)"|[^\s\u3000"]+/g)) {
    const t = (m[1] ?? m[0]).trim();
    if (t && !terms.includes(t)) terms.push(t);
  }
  return terms;
}

const toFullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, "\u3000");

/** The forms a term is looked for in. */
export function variantsOf(term: string): string[] {
  const nfkc = term.normalize("NFKC");
  return [...new Set([term, nfkc, toFullWidth(nfkc)])];
}

const length = (s: string) => [...s].length;
/** An FTS5 string: a phrase in double quotes, its quotes doubled; it matches the substring exactly. */
const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface Snippet {
  field: "title" | "body";
  /** The window's raw offsets; text precedes or follows it when `start > 0` or `end < length`. */
  start: number;
  end: number;
  parts: SnippetPart[];
}

export interface DocumentHit {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  /** BM25 relevance (higher is better) when a term of three characters or more ranks the results. */
  score: number | null;
  /** How many times the terms occur in the body, and where (the first 200). */
  count: number;
  matches: { start: number; end: number }[];
  titleMatches: { start: number; end: number }[];
  snippets: Snippet[];
}

export interface DocumentSearch {
  query: string;
  terms: string[];
  total: number;
  items: DocumentHit[];
}

export interface DocumentSearchInput {
  q: string;
  limit?: number;
  offset?: number;
}

/** Thrown for a query that cannot be searched (no terms, too many, too long). */
export class SearchQueryError extends Error {}

export function checkQuery(q: string): string[] {
  const terms = parseQuery(q);
  if (terms.length === 0) throw new SearchQueryError("the query has no terms");
  if (terms.length > MAX_TERMS) throw new SearchQueryError(`at most ${MAX_TERMS} terms`);
  if (terms.some((t) => length(t) > MAX_TERM_LENGTH))
    throw new SearchQueryError(`a term has at most ${MAX_TERM_LENGTH} characters`);
  return terms;
}

/** A regular expression that finds every form of every term, case-insensitively. */
export function termPattern(terms: readonly string[]): RegExp {
  const forms = [...new Set(terms.flatMap(variantsOf))].sort((a, b) => b.length - a.length);
  return new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "giu");
}

export function findMatches(
  text: string,
  pattern: RegExp,
  max = MAX_MATCHES,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    if (out.length >= max) break;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Up to `max` windows of text around the matches, each split into plain and matching parts. */
export function snippets(
  text: string,
  matches: readonly { start: number; end: number }[],
  field: "title" | "body",
  max = 3,
  before = 40,
  after = 60,
): Snippet[] {
  if (field === "title")
    return matches.length
      ? [{ field, start: 0, end: text.length, parts: split(text, 0, text.length, matches) }]
      : [];
  const windows: { start: number; end: number }[] = [];
  for (const m of matches) {
    const last = windows.at(-1);
    const start = Math.max(0, m.start - before);
    const end = Math.min(text.length, m.end + after);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else if (windows.length < max) windows.push({ start, end });
    else break;
  }
  if (windows.length === 0 && text.length > 0)
    windows.push({ start: 0, end: Math.min(text.length, before + after) });
  return windows.map((w) => ({ field, ...w, parts: split(text, w.start, w.end, matches) }));
}

function split(
  text: string,
  start: number,
  end: number,
  matches: readonly { start: number; end: number }[],
): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = start;
  for (const m of matches) {
    if (m.end <= at || m.start >= end) continue;
    const s = Math.max(m.start, at);
    const e = Math.min(m.end, end);
    if (s > at) parts.push({ text: text.slice(at, s), hit: false });
    parts.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < end) parts.push({ text: text.slice(at, end), hit: false });
  return parts;
}

/** Index rows (search_docs.n) containing one of the forms, and how often (short forms: the vocabulary). */
function rowsWith(db: DB, forms: readonly string[]): Map<number, number> {
  const found = new Map<number, number>();
  const add = (n: number, c: number) => found.set(n, (found.get(n) ?? 0) + c);
  const vocab = db.prepare(
    `SELECT doc AS n, count(*) AS c FROM documents_fts_terms WHERE term >= ? AND term < ? GROUP BY doc`,
  );
  const match = db.prepare("SELECT rowid AS n FROM documents_fts WHERE documents_fts MATCH ?");
  for (const f of forms) {
    if (length(f) >= 3) for (const r of match.all(phrase(f)) as { n: number }[]) add(r.n, 1);
    else {
      // the tokenizer folds case; its terms are trigrams starting with the form
      const key = f.toLowerCase();
      for (const r of vocab.all(key, `${key}\u{10FFFF}`) as { n: number; c: number }[]) add(r.n, r.c);
    }
  }
  return found;
}

export function searchDocuments(db: DB, input: DocumentSearchInput): DocumentSearch {
  const terms = checkQuery(input.q);
  const limit = Math.min(Math.max(1, input.limit ?? 20), 100);
  const offset = Math.max(0, input.offset ?? 0);
  const long: string[][] = [];
  const short: string[][] = [];
  for (const t of terms) {
    const forms = variantsOf(t);
    (forms.every((f) => length(f) >= 3) ? long : short).push(forms);
  }
  // ranked candidates: by BM25 over the long terms (title weighs more), else by how often the short ones occur
  let ranked: { n: number; score: number | null }[];
  if (long.length) {
    const q = long.map((forms) => `(${forms.map(phrase).join(" OR ")})`).join(" AND ");
    ranked = (
      db
        .prepare(
          `SELECT rowid AS n, bm25(documents_fts, 4.0, 1.0) AS r FROM documents_fts
           WHERE documents_fts MATCH ? ORDER BY r, rowid LIMIT ?`,
        )
        .all(q, MAX_CANDIDATES) as { n: number; r: number }[]
    ).map((x) => ({ n: x.n, score: Math.round(-x.r * 1e6) / 1e6 }));
    for (const forms of short) {
      const rows = rowsWith(db, forms);
      ranked = ranked.filter((x) => rows.has(x.n));
    }
  } else {
    let counts: Map<number, number> | null = null;
    for (const forms of short) {
      const rows = rowsWith(db, forms);
      if (counts === null) counts = rows;
      else {
        const both = new Map<number, number>();
        for (const [n, c] of rows) if (counts.has(n)) both.set(n, counts.get(n)! + c);
        counts = both;
      }
    }
    ranked = [...(counts ?? new Map<number, number>())]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([n]) => ({ n, score: null }));
  }
  const pattern = termPattern(terms);
  const doc = db.prepare(
    `SELECT d.id, d.title, d.url, d.published, d.body FROM search_docs s JOIN documents d ON d.id = s.doc_id
     WHERE s.n = ?`,
  );
  const items: DocumentHit[] = [];
  for (const { n, score } of ranked.slice(offset, offset + limit)) {
    const d = doc.get(n) as
      | { id: string; title: string | null; url: string | null; published: string | null; body: string }
      | undefined;
    if (!d) continue;
    const matches = findMatches(d.body, pattern);
    const titleMatches = d.title ? findMatches(d.title, pattern) : [];
    items.push({
      id: d.id,
      title: d.title,
      url: d.url || null,
      published: d.published,
      score,
      count: matches.length < MAX_MATCHES ? matches.length : findMatches(d.body, pattern, Infinity).length,
      matches,
      titleMatches,
      snippets: [...snippets(d.title ?? "", titleMatches, "title"), ...snippets(d.body, matches, "body")],
    });
  }
  return { query: input.q, terms, total: ranked.length, items };
}

/**
 * The events a text names: in their generated names, in the sentences
 * that report them, or in their participants' names. Every term must occur
 * in one of those (not necessarily the same one).
 */
export function eventIdsMatching(db: DB, text: string): Set<string> {
  const terms = checkQuery(text);
  const sets: Set<string>[] = [];
  const byName = db.prepare(
    "SELECT id FROM events WHERE instr(name_ja, ?) > 0 OR instr(lower(name_en), lower(?)) > 0",
  );
  const byEvidence = db.prepare(
    `SELECT DISTINCT er.event_id AS id FROM evidence ev JOIN event_reports er ON er.doc_event_id = ev.event_id
     WHERE er.event_id IS NOT NULL AND instr(ev.text, ?) > 0`,
  );
  const byActor = db.prepare(
    `SELECT DISTINCT x.event_id AS id FROM actors a JOIN event_actors x ON x.actor_id = a.id
     WHERE instr(a.ja, ?) > 0 OR instr(lower(a.en), lower(?)) > 0 OR a.id = ?`,
  );
  for (const t of terms) {
    const found = new Set<string>();
    for (const f of variantsOf(t)) {
      for (const r of byName.all(f, f) as { id: string }[]) found.add(r.id);
      for (const r of byEvidence.all(f) as { id: string }[]) found.add(r.id);
      for (const r of byActor.all(f, f, f) as { id: string }[]) found.add(r.id);
    }
    sets.push(found);
  }
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((id) => rest.every((s) => s.has(id))));
}

/** `findEvents` with a text filter besides: the same order and the same cursors. */
export function findEventsWithText(
  db: DB,
  filter: EventFilter,
  text: string | undefined,
): Page<EventSummary> {
  if (!text) return findEvents(db, filter);
  const ids = eventIdsMatching(db, text);
  const limit = Math.min(Math.max(1, filter.limit ?? 100), 1000);
  const items: EventSummary[] = [];
  if (ids.size === 0) return { items };
  let after: Cursor | undefined = filter.after;
  for (;;) {
    const page = findEvents(db, { ...filter, limit: 1000, after });
    for (const e of page.items) {
      if (!ids.has(e.id)) continue;
      if (items.length === limit) {
        const last = items.at(-1)!;
        return { items, next: { date: last.date?.start ?? null, id: last.id } };
      }
      items.push(e);
    }
    if (!page.next) return { items };
    after = page.next;
  }
}
