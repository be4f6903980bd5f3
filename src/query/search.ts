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

/** Index rows (search_docs.n) containing one of the forms, and how often (short forms: the vocabulary). */
function rowsWith(db: DB, forms: readonly string[], cap = Number.MAX_SAFE_INTEGER): Map<number, number> {
  const found = new Map<number, number>();
  const add = (n: number, c: number) => found.set(n, (found.get(n) ?? 0) + c);
  const vocab = db.prepare(
    `SELECT doc AS n, count(*) AS c FROM documents_fts_terms WHERE term >= ? AND term < ? GROUP BY doc LIMIT ?`,
  );
  const match = db.prepare("SELECT rowid AS n FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?");
  for (const f of forms) {
    if (charLength(f) >= 3) for (const r of match.all(phrase(f), cap) as { n: number }[]) add(r.n, 1);
    else {
      // the tokenizer folds case; its terms are trigrams starting with the form
      const key = f.toLowerCase();
      for (const r of vocab.all(key, `${key}\u{10FFFF}`, cap) as { n: number; c: number }[]) add(r.n, r.c);
    }
  }
  return found;
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
  // ranked candidates: by BM25 over the long terms (title weighs more), else by how often the short ones occur
  let ranked: { n: number; score: number | null }[];
  // every matching article, when it is known without reading them (else the candidates are the total)
  let matching: number | null = null;
  let estimated = false;
  if (long.length) {
    const q = long.map((forms) => `(${forms.map(phrase).join(" OR ")})`).join(" AND ");
    // Scoring every match of a common term costs more than anything else here (首脳会談 is in nearly half
    // the articles of a large database): the newest MAX_CANDIDATES matches are ranked, all are counted.
    matching = db
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
    ranked = (
      db
        .prepare(
          `SELECT rowid AS n, bm25(documents_fts, 4.0, 1.0) AS r FROM documents_fts
           WHERE documents_fts MATCH ? AND rowid >= ? ORDER BY r, rowid LIMIT ?`,
        )
        .all(q, oldest, cap) as { n: number; r: number }[]
    ).map((x) => ({ n: x.n, score: Math.round(-x.r * 1e6) / 1e6 }));
    if (short.length) matching = null;
    // the short terms are looked for in the ranked candidates' own text, not in the whole vocabulary
    const contains = db
      .prepare(
        `SELECT s.n FROM json_each(?) j JOIN search_docs s ON s.n = j.value JOIN documents d ON d.id = s.doc_id
         WHERE instr(d.body, ?) > 0 OR instr(coalesce(d.title, ''), ?) > 0`,
      )
      .pluck();
    for (const forms of short) {
      const keep = new Set<number>();
      for (const f of forms) {
        for (const n of contains.all(JSON.stringify(ranked.map((x) => x.n)), f, f) as number[]) keep.add(n);
      }
      ranked = ranked.filter((x) => keep.has(x.n));
    }
  } else {
    const shares = sharesInNewest(db, short);
    if (shares.common) {
      // Terms in most articles (会談 is in nearly all of them): collecting every match from the
      // vocabulary took a second on 200,000 articles. The newest articles are read instead, until
      // `cap` match; those are ranked, and the total is estimated from how many had to be read.
      const walk = newestContaining(db, short, cap);
      ranked = [...walk.rows].sort((a, b) => b.c - a.c || a.n - b.n).map(({ n }) => ({ n, score: null }));
      matching = walk.total;
      estimated = walk.estimated;
    } else {
      // the rarest term (by its share of the newest articles) through the vocabulary; the others are
      // looked for in the text of its articles only (a common one's vocabulary entries are most of the index)
      const [rarest, ...others] = short
        .map((forms, i) => ({ forms, share: shares.each[i]! }))
        .sort((a, b) => a.share - b.share)
        .map((x) => x.forms);
      let counts = rowsWith(db, rarest!);
      if (others.length > 0 && counts.size > 0) {
        const c = containsAll(others);
        const keep = db
          .prepare(
            `SELECT s.n FROM json_each(?) j JOIN search_docs s ON s.n = j.value
             JOIN documents d ON d.id = s.doc_id WHERE ${c.sql}`,
          )
          .pluck()
          .all(JSON.stringify([...counts.keys()]), ...c.args) as number[];
        // ranked by the rarest term's occurrences, which tell most
        counts = new Map(keep.map((n) => [n, counts.get(n)!]));
      }
      matching = counts.size;
      ranked = [...counts]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, cap)
        .map(([n]) => ({ n, score: null }));
    }
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
    total: matching ?? ranked.length,
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

/** SQL for the occurrences in an article of every form of the terms (how the vocabulary ranks rarer ones). */
function occurrences(terms: readonly (readonly string[])[]): { sql: string; args: string[] } {
  const args: string[] = [];
  const sql = terms
    .flat()
    .map((f) => {
      const { form, column } = folded(f);
      const text = column("(coalesce(d.title, '') || char(10) || d.body)");
      args.push(form, form);
      return `(length(${text}) - length(replace(${text}, ?, ''))) / length(?)`;
    })
    .join(" + ");
  return { sql, args };
}

interface Shares {
  /** Whether the terms together are in at least COMMON of the newest PROBE articles (or of all, if fewer). */
  common: boolean;
  /** The share of those articles that contain each term. */
  each: number[];
}

/** How common short terms are, alone and together, in the newest articles. */
function sharesInNewest(db: DB, terms: readonly (readonly string[])[]): Shares {
  const alone = terms.map((forms) => containsAll([forms]));
  const all = containsAll(terms);
  const probe = db
    .prepare(
      `SELECT count(*) AS read, coalesce(sum(${all.sql}), 0) AS found,
              ${alone.map((c, i) => `coalesce(sum(${c.sql}), 0) AS t${i}`).join(", ")}
       FROM (SELECT d.title, d.body FROM search_docs s JOIN documents d ON d.id = s.doc_id ORDER BY s.n DESC LIMIT ?) d`,
    )
    .get(...all.args, ...alone.flatMap((c) => c.args), PROBE) as Record<string, number>;
  const read = Math.max(1, probe.read!);
  return {
    common: probe.found! > 0 && probe.found! >= probe.read! * COMMON,
    each: alone.map((_, i) => probe[`t${i}`]! / read),
  };
}

/**
 * The newest `cap` articles containing every term, with their occurrences; the total is exact when
 * fewer match, else estimated from the share of the articles read that matched.
 */
function newestContaining(
  db: DB,
  terms: readonly (readonly string[])[],
  cap: number,
): { rows: { n: number; c: number }[]; total: number; estimated: boolean } {
  const c = containsAll(terms);
  const o = occurrences(terms);
  const rows = db
    .prepare(
      `SELECT s.n, ${o.sql} AS c FROM search_docs s JOIN documents d ON d.id = s.doc_id
       WHERE ${c.sql} ORDER BY s.n DESC LIMIT ?`,
    )
    .all(...o.args, ...c.args, cap) as { n: number; c: number }[];
  if (rows.length < cap) return { rows, total: rows.length, estimated: false };
  const read = db
    .prepare("SELECT count(*) FROM search_docs WHERE n >= ?")
    .pluck()
    .get(rows.at(-1)!.n) as number;
  const all = db.prepare("SELECT count(*) FROM search_docs").pluck().get() as number;
  return { rows, total: Math.min(all, Math.round((rows.length / read) * all)), estimated: true };
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
  for (const t of terms) {
    const found = new Set<string>();
    for (const f of variantsOf(t)) {
      const named = rowsContaining("events_fts", "events_fts_terms", f);
      for (const id of db
        .prepare(`SELECT id FROM events WHERE rowid IN (${named.sql})`)
        .pluck()
        .all(...named.args) as string[])
        found.add(id);
      // the best-ranked documents containing the term, then the sentences that report events in them
      const docs = [...rowsWith(db, [f], EVIDENCE_DOCUMENTS)].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      for (const [n] of docs) {
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
