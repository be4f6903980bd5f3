/**
 * Full-text search over the articles, by substring as Japanese needs: the
 * trigram index (schema 3) answers terms of three characters or more and
 * ranks by BM25; a one- or two-character term (露朝, 訪朝) is the trigrams
 * that start with it, which its vocabulary lists (schema 12) — or, when it
 * is in a tenth of the newest articles or more, those are read until enough
 * have it. Terms separated by spaces must all occur; "quoted phrases" keep
 * their spaces. Each term is also looked for in
 * its NFKC and full-width forms (GDP, ＧＤＰ). Snippets and match offsets are
 * computed on the raw body, so they point where every other span points.
 *
 * And events by text: their generated names, the sentences that report them,
 * and their participants' names.
 */
import type { DB } from "../store/database.js";
import { DRIVE_BY_IDS, type EventFilter, findEvents } from "./events.js";
import { charLength, phrase, rowsContaining } from "./fts.js";
import type { EventSummary, Page } from "./types.js";

export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 100;
/** Candidates ranked before paging (the newest matches when there are more): enough for any analyst's scrolling. */
const MAX_CANDIDATES = 2000;
const MAX_MATCHES = 200;
/** Articles whose reporting sentences a rare term is looked for in. */
const EVIDENCE_DOCUMENTS = 300;
/** Articles with a short term counted at most: beyond, their number is estimated (see totalOf). */
const COUNTED = 20_000;
/** A term named by this many events is common enough to look for row by row. */
const DENSE = 5_000;

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
  /** Set when `total` is estimated (terms in most articles of a large database), not counted. */
  estimated?: true;
  items: DocumentHit[];
}

export interface DocumentSearchInput {
  q: string;
  limit?: number;
  offset?: number;
  /** Matches ranked at most (the newest ones); MAX_CANDIDATES by default. */
  candidates?: number;
  /** Matches of short terms counted at most, beyond which their number is estimated; COUNTED by default. */
  counted?: number;
}

/** Thrown for a query that cannot be searched (no terms, too many, too long). */
export class SearchQueryError extends Error {}

export function checkQuery(q: string): string[] {
  const terms = parseQuery(q);
  if (terms.length === 0) throw new SearchQueryError("the query has no terms");
  if (terms.length > MAX_TERMS) throw new SearchQueryError(`at most ${MAX_TERMS} terms`);
  if (terms.some((t) => charLength(t) > MAX_TERM_LENGTH))
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

/**
 * Ranks the matches of an FTS5 query by BM25 (a title counts four times), among the newest `cap` of them,
 * and counts them all. Scoring every match of a common term costs more than anything else here (首脳会談 is in
 * nearly half the articles of a large database).
 */
function rankNewest(
  db: DB,
  q: string,
  cap: number,
): { ranked: { n: number; score: number | null }[]; matching: number } {
  const matching = db
    .prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?")
    .pluck()
    .get(q) as number;
  const oldest =
    matching > cap
      ? (db
          .prepare(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
          )
          .pluck()
          .get(q, cap - 1) as number)
      : 0;
  const ranked = (
    db
      .prepare(
        `SELECT rowid AS n, bm25(documents_fts, 4.0, 1.0) AS r FROM documents_fts
         WHERE documents_fts MATCH ? AND rowid >= ? ORDER BY r, rowid LIMIT ?`,
      )
      .all(q, oldest, cap) as { n: number; r: number }[]
  ).map((x) => ({ n: x.n, score: Math.round(-x.r * 1e6) / 1e6 }));
  return { ranked, matching };
}

/**
 * An FTS5 query for the texts with a form: the form itself, as a phrase, when it has three characters or
 * more; else the trigrams of the index that start with it — every occurrence starts one, as each column
 * ends in two newlines. Null when no text has it.
 */
function formQuery(db: DB, form: string): string | null {
  if (charLength(form) >= 3) return phrase(form);
  // the tokenizer folds case; its terms are trigrams starting with the form
  const key = form.toLowerCase();
  const trigrams = db
    .prepare("SELECT term FROM documents_fts_trigrams WHERE term >= ? AND term < ?")
    .pluck()
    .all(key, `${key}\u{10FFFF}`) as string[];
  return trigrams.length ? trigrams.map(phrase).join(" OR ") : null;
}

/** An FTS5 query for the texts with every term (one of its forms); null when a term is in none. */
function termsQuery(db: DB, terms: readonly (readonly string[])[]): string | null {
  const parts: string[] = [];
  for (const forms of terms) {
    const any = forms.map((f) => formQuery(db, f)).filter((q) => q !== null);
    if (any.length === 0) return null;
    parts.push(`(${any.join(" OR ")})`);
  }
  return parts.join(" AND ");
}

export function searchDocuments(db: DB, input: DocumentSearchInput): DocumentSearch {
  const terms = checkQuery(input.q);
  const limit = Math.min(Math.max(1, input.limit ?? 20), 100);
  const offset = Math.max(0, input.offset ?? 0);
  const cap = Math.max(1, input.candidates ?? MAX_CANDIDATES);
  const long: string[][] = [];
  const short: string[][] = [];
  for (const t of terms) {
    const forms = variantsOf(t);
    (forms.every((f) => charLength(f) >= 3) ? long : short).push(forms);
  }
  // ranked candidates: by BM25 over the long terms (title weighs more), else the newest first
  let ranked: { n: number; score: number | null }[];
  // every matching article
  let matching: number;
  let estimated = false;
  if (long.length) {
    // (short terms besides, as the trigrams that start with them: every match is counted too)
    const q = termsQuery(db, [...long, ...short]);
    ({ ranked, matching } = q ? rankNewest(db, q, cap) : { ranked: [], matching: 0 });
  } else {
    // Short terms are listed newest first: ranking them by how often they occur read 2,000 articles
    // (16–60 ms on a large database). A one-character term in many of the newest articles (日) starts too
    // many trigrams to gather (0.1–0.3 s): the newest articles are read until enough have it.
    const walk = short.some((forms) => forms.some((f) => charLength(f) === 1)) && commonInNewest(db, short);
    const q = walk ? null : termsQuery(db, short);
    const newest = walk ? newestContaining(db, short, cap) : q ? newestMatching(db, q, cap) : [];
    ranked = newest.map((n) => ({ n, score: null }));
    ({ total: matching, estimated } = totalOf(db, newest, cap, q, input.counted ?? COUNTED));
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
  return {
    query: input.q,
    terms,
    total: matching,
    ...(estimated ? { estimated: true as const } : {}),
    items,
  };
}

/** Newest articles read to tell whether short terms are common. */
const PROBE = 200;
/** The share of those that makes them common: the newest `cap` matches are then among a few thousand articles. */
const COMMON = 0.1;

/**
 * A form and an SQL column as the trigram index compares them: it folds Latin letters, so a form with
 * any is compared folded, against the folded column.
 */
function folded(form: string): { form: string; column: (sql: string) => string } {
  return /[A-Za-z]/.test(form)
    ? { form: form.toLowerCase(), column: (sql) => `lower(${sql})` }
    : { form, column: (sql) => sql };
}

/** SQL true when an article contains every term (one of its forms). */
function containsAll(terms: readonly (readonly string[])[]): { sql: string; args: string[] } {
  const args: string[] = [];
  const sql = terms
    .map(
      (forms) =>
        `(${forms
          .map((f) => {
            // title and body apart: joining them copied every article read
            const { form, column } = folded(f);
            args.push(form, form);
            return `instr(${column("d.body")}, ?) > 0 OR instr(${column("coalesce(d.title, '')")}, ?) > 0`;
          })
          .join(" OR ")})`,
    )
    .join(" AND ");
  return { sql, args };
}

/**
 * Whether short terms are common among the newest articles: together in at least COMMON of the newest PROBE
 * (or of all, if fewer).
 */
function commonInNewest(db: DB, terms: readonly (readonly string[])[]): boolean {
  const all = containsAll(terms);
  const probe = db
    .prepare(
      `SELECT count(*) AS read, coalesce(sum(${all.sql}), 0) AS found
       FROM (SELECT d.title, d.body FROM search_docs s JOIN documents d ON d.id = s.doc_id ORDER BY s.n DESC LIMIT ?) d`,
    )
    .get(...all.args, PROBE) as { read: number; found: number };
  return probe.found > 0 && probe.found >= probe.read * COMMON;
}

/** The rows (search_docs.n) of the newest `cap` articles containing every term, read newest first. */
function newestContaining(db: DB, terms: readonly (readonly string[])[], cap: number): number[] {
  const c = containsAll(terms);
  return db
    .prepare(
      `SELECT s.n FROM search_docs s JOIN documents d ON d.id = s.doc_id WHERE ${c.sql} ORDER BY s.n DESC LIMIT ?`,
    )
    .pluck()
    .all(...c.args, cap) as number[];
}

/** The rows of the newest `cap` articles an FTS5 query matches, newest first. */
function newestMatching(db: DB, q: string, cap: number): number[] {
  return db
    .prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?")
    .pluck()
    .all(q, cap) as number[];
}

/**
 * How many articles match, given the newest `cap` matches: exact when fewer match, or when the query's
 * matches, counted through the index, are fewer than `counted`; else estimated from the share of the
 * articles since the oldest of the newest (a term in every article would take as long to count as to
 * gather: 会談, 27 ms on a large database).
 */
function totalOf(
  db: DB,
  newest: readonly number[],
  cap: number,
  q: string | null,
  counted: number,
): { total: number; estimated: boolean } {
  if (newest.length < cap) return { total: newest.length, estimated: false };
  const found = q
    ? (db
        .prepare("SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)")
        .pluck()
        .get(q, counted) as number)
    : 0;
  if (found < counted && q) return { total: found, estimated: false };
  const read = db
    .prepare("SELECT count(*) FROM search_docs WHERE n >= ?")
    .pluck()
    .get(newest.at(-1)) as number;
  const all = db.prepare("SELECT count(*) FROM search_docs").pluck().get() as number;
  // (at least as many as were counted)
  return { total: Math.max(found, Math.min(all, Math.round((newest.length / read) * all))), estimated: true };
}

/**
 * The events a text names: in their generated names or summaries, in the
 * sentences that report them, or in their participants' names. Every term
 * must occur in one of those (not necessarily the same one). Each source is
 * read through an index: the events' trigram index (schema 7), the
 * documents' (schema 3, then the sentences of the best-ranked documents
 * only), and the actors by name.
 */
export function eventIdsMatching(db: DB, text: string): Set<string> {
  const terms = checkQuery(text);
  const sets: Set<string>[] = [];
  const docOf = db.prepare("SELECT doc_id FROM search_docs WHERE n = ?").pluck();
  const reportedIn = db.prepare(
    `SELECT DISTINCT er.event_id AS id FROM doc_events de
       JOIN event_reports er ON er.doc_event_id = de.id
       JOIN evidence ev ON ev.event_id = de.id
     WHERE de.doc_id = ? AND er.event_id IS NOT NULL AND instr(ev.text, ?) > 0`,
  );
  // the actors first (a small table), then their events through the index by actor
  const byActor = db.prepare(
    `SELECT DISTINCT x.event_id AS id FROM event_actors x
     WHERE x.actor_id IN (SELECT a.id FROM actors a WHERE instr(a.ja, ?) > 0 OR instr(lower(a.en), lower(?)) > 0 OR a.id = ?)`,
  );
  const newestMatches = db
    .prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?")
    .pluck();
  for (const t of terms) {
    const found = new Set<string>();
    for (const f of variantsOf(t)) {
      const named = rowsContaining("events_fts", "events_fts_terms", f);
      for (const id of db
        .prepare(`SELECT id FROM events WHERE rowid IN (${named.sql})`)
        .pluck()
        .all(...named.args) as string[])
        found.add(id);
      // the newest documents containing the term, then the sentences that report events in them
      const q = formQuery(db, f);
      const docs = q ? (newestMatches.all(q, EVIDENCE_DOCUMENTS) as number[]) : [];
      for (const n of docs) {
        const doc = docOf.get(n) as string | undefined;
        if (doc) for (const r of reportedIn.all(doc, f) as { id: string }[]) found.add(r.id);
      }
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
  /** How many events make a term common (DENSE; tests lower it to take the paths of a large database). */
  common = DENSE,
): Page<EventSummary> {
  if (!text) return findEvents(db, filter);
  const terms = checkQuery(text);
  // a term common among events (首脳会談 in their names, プーチン among their participants) is looked
  // for row by row while walking the events in order, which fills a page quickly; rare terms are
  // gathered through the indexes, sentences of the reporting articles included
  const actorEvents = db
    .prepare(
      `SELECT count(*) FROM (SELECT 1 FROM event_actors x WHERE x.actor_id IN
         (SELECT a.id FROM actors a WHERE instr(a.ja, ?) > 0 OR instr(lower(a.en), lower(?)) > 0 OR a.id = ?) LIMIT ?)`,
    )
    .pluck();
  const isDense = (t: string) =>
    variantsOf(t).some((f) => {
      const named = rowsContaining("events_fts", "events_fts_terms", f);
      const names = db
        .prepare(`SELECT count(*) FROM (${named.sql} LIMIT ?)`)
        .pluck()
        .get(...named.args, common) as number;
      return names >= common || (actorEvents.get(f, f, f, common) as number) >= common;
    });
  const dense = terms.filter(isDense);
  const rare = terms.filter((t) => !dense.includes(t));
  const textTerms = dense.map(variantsOf);
  if (rare.length === 0) {
    // Common terms may be rare together (ロシア 北朝鮮): the index finds the events that have them all,
    // and when they are few the listing is driven by them; else walking the events fills a page quickly.
    // The index folds case, so the terms are still checked row by row.
    if (terms.length > 1 && textTerms.every((forms) => forms.every((f) => charLength(f) >= 3))) {
      const ids = db
        .prepare(
          `SELECT e.id FROM events e WHERE e.rowid IN
             (SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?)`,
        )
        .pluck()
        .all(
          textTerms.map((forms) => `(${forms.map(phrase).join(" OR ")})`).join(" AND "),
          DRIVE_BY_IDS + 1,
        ) as string[];
      if (ids.length <= DRIVE_BY_IDS) return findEvents(db, { ...filter, ids, textTerms });
    }
    return findEvents(db, { ...filter, textTerms });
  }
  const ids = eventIdsMatching(db, rare.map((t) => (/\s/.test(t) ? `"${t}"` : t)).join(" "));
  if (ids.size === 0) return { items: [] };
  return findEvents(db, { ...filter, ids: [...ids], ...(textTerms.length ? { textTerms } : {}) });
}
