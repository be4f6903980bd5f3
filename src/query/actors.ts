/**
 * The actors a database knows — people, states, organisations, and the
 * unresolved names found in the articles — with how often each is
 * mentioned and how many events each takes part in; and the pairs of
 * states that have a relations record.
 */
import type { DB } from "../store/database.js";

export interface ActorItem {
  id: string;
  kind: string;
  ja: string;
  en: string;
  country: string | null;
  resolved: boolean;
  mentions: number;
  events: number;
  first: string | null;
  last: string | null;
}

export interface ActorFilter {
  /** A substring of the id or of the Japanese or English name. */
  q?: string;
  /** Ids to include whatever their names (aliases the lexicon knows, such as キム for kim-jong-un). */
  ids?: readonly string[];
  kind?: string;
  limit?: number;
}

const COLUMNS = `a.id, a.kind, a.ja, a.en, a.country, a.resolved,
  (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
  (SELECT count(*) FROM event_actors x WHERE x.actor_id = a.id) AS events,
  (SELECT min(x.date_start) FROM event_actors x WHERE x.actor_id = a.id) AS first,
  (SELECT max(x.date_start) FROM event_actors x WHERE x.actor_id = a.id) AS last`;

type Row = Omit<ActorItem, "resolved"> & { resolved: number };
const toItem = (r: Row): ActorItem => ({ ...r, resolved: r.resolved === 1 });

/** Actors, those in the most events first. */
export function findActors(db: DB, filter: ActorFilter = {}): ActorItem[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.q) {
    const ids = filter.ids ?? [];
    where.push(
      `(instr(lower(a.id), lower(?)) > 0 OR instr(a.ja, ?) > 0 OR instr(lower(a.en), lower(?)) > 0
        ${ids.length ? `OR a.id IN (${ids.map(() => "?").join(", ")})` : ""})`,
    );
    args.push(filter.q, filter.q, filter.q, ...ids);
  }
  if (filter.kind) {
    where.push("a.kind = ?");
    args.push(filter.kind);
  }
  const limit = Math.min(Math.max(1, filter.limit ?? 50), 1000);
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM actors a ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY events DESC, mentions DESC, a.id LIMIT ?`,
    )
    .all(...args, limit) as Row[];
  return rows.map(toItem);
}

export function getActor(db: DB, id: string): ActorItem | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM actors a WHERE a.id = ?`).get(id) as Row | undefined;
  return row ? toItem(row) : null;
}

export interface StatePair {
  a: { id: string; ja: string; en: string };
  b: { id: string; ja: string; en: string };
  events: number;
  first: string | null;
  last: string | null;
}

/** Pairs of states with events scored for relations, the busiest first. */
export function statePairs(db: DB, limit = 200): StatePair[] {
  const rows = db
    .prepare(
      `SELECT p.a, p.b, count(*) AS events, min(p.date_start) AS first, max(p.date_start) AS last,
              sa.ja AS a_ja, sa.en AS a_en, sb.ja AS b_ja, sb.en AS b_en
       FROM event_pairs p LEFT JOIN actors sa ON sa.id = p.a LEFT JOIN actors sb ON sb.id = p.b
       WHERE p.states = 1 AND p.score IS NOT NULL
       GROUP BY p.a, p.b ORDER BY events DESC, p.a, p.b LIMIT ?`,
    )
    .all(Math.min(Math.max(1, limit), 1000)) as {
    a: string;
    b: string;
    events: number;
    first: string | null;
    last: string | null;
    a_ja: string | null;
    a_en: string | null;
    b_ja: string | null;
    b_en: string | null;
  }[];
  return rows.map((r) => ({
    a: { id: r.a, ja: r.a_ja ?? r.a, en: r.a_en ?? r.a },
    b: { id: r.b, ja: r.b_ja ?? r.b, en: r.b_en ?? r.b },
    events: r.events,
    first: r.first,
    last: r.last,
  }));
}
