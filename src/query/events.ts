/**
 * Finding events: by id (following tombstones, or from a report's id), and
 * by filters — actor, pair, dates, type, status — through the indexes on
 * events, event_actors and event_pairs, a page at a time.
 */
import type { DB } from "../store/database.js";
import type { EventRecord } from "../resolve/events/types.js";
import { dayBound, SUMMARY_COLUMNS, type SummaryRow, toSummary } from "./rows.js";
import type { Cursor, EventSummary, Page } from "./types.js";

export interface ResolvedId {
  /** The live event. */
  id: string;
  /** Set when the id asked for was retired (merged or renamed) or was a report's id. */
  from?: { id: string; reason: "merged" | "renamed" | "report" };
}

/**
 * The live event an id names: itself, the survivor of a tombstone, or the
 * event a report (`<doc>#e<n>`) belongs to. Null when unknown or retracted.
 */
export function resolveEventId(db: DB, id: string): ResolvedId | null {
  if (db.prepare("SELECT 1 FROM events WHERE id = ?").get(id)) return { id };
  const tomb = db.prepare("SELECT survivor, reason FROM event_tombstones WHERE id = ?").get(id) as
    { survivor: string | null; reason: "merged" | "renamed" | "retracted" } | undefined;
  if (tomb)
    return tomb.survivor && tomb.reason !== "retracted"
      ? { id: tomb.survivor, from: { id, reason: tomb.reason } }
      : null;
  const report = db.prepare("SELECT event_id FROM event_reports WHERE doc_event_id = ?").get(id) as
    { event_id: string | null } | undefined;
  return report?.event_id ? { id: report.event_id, from: { id, reason: "report" } } : null;
}

export function getEventRecord(db: DB, id: string): EventRecord | null {
  const row = db.prepare("SELECT data FROM events WHERE id = ?").get(id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as EventRecord) : null;
}

export function getEventSummary(db: DB, id: string): EventSummary | null {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM events e WHERE e.id = ?`).get(id) as
    SummaryRow | undefined;
  return row ? toSummary(row) : null;
}

/** Events whose generated name is exactly this (2024年露朝首脳会談, 2024 Russia–North Korea summit). */
export function findEventsByName(db: DB, name: string): EventSummary[] {
  // each name through its own index, which holds its events in date order (schema 11): written as one
  // OR, SQLite read every event in date order instead (46 s on a million events, for every unknown id a
  // card or an API call was given)
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM events e
       WHERE e.rowid IN (
         SELECT rowid FROM (SELECT rowid FROM events WHERE name_ja = ? ORDER BY date_start, id LIMIT 50)
         UNION
         SELECT rowid FROM (SELECT rowid FROM events WHERE name_en = ? COLLATE NOCASE
                            ORDER BY date_start, id LIMIT 50))
       ORDER BY e.date_start, e.id LIMIT 50`,
    )
    .all(name, name) as SummaryRow[];
  return rows.map(toSummary);
}

export interface EventFilter {
  /** An actor id: a person, organisation or state (a state also matches the people who represent it). */
  actor?: string;
  /** Two actor ids (two states, or two people): events both take part in. */
  pair?: [string, string];
  /** Start date bounds, inclusive (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** PLOVER types (CONSULT, SUPPORT…). */
  types?: string[];
  /** Type families such as CONSULT:meeting or CONSULT:visit. */
  families?: string[];
  status?: string[];
  /** Only these events (a text filter's matches). */
  ids?: readonly string[];
  /** Events whose name or summary (participants, titles, place) contain, for every term, one of its forms. */
  textTerms?: readonly (readonly string[])[];
  limit?: number;
  after?: Cursor;
}

/** Up to this many ids, a listing is driven by the ids themselves rather than by a date index. */
export const DRIVE_BY_IDS = 50_000;

/** Up to this many combinations of listed values (types × statuses × families), their ranges are merged. */
const MAX_MERGED = 64;

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** Events matching the filter, by date then id, one page at a time. */
export function findEvents(db: DB, filter: EventFilter = {}): Page<EventSummary> {
  const limit = Math.min(Math.max(1, filter.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const where: string[] = [];
  const args: unknown[] = [];
  let from = "events e";
  // the table whose index drives the scan: a pair, an actor, or the events themselves
  let t = "e";
  let idCol = "e.id";
  if (filter.pair) {
    const [a, b] = [...filter.pair].sort() as [string, string];
    from = "event_pairs p JOIN events e ON e.id = p.event_id";
    t = "p";
    idCol = "p.event_id";
    where.push("p.a = ? AND p.b = ?");
    args.push(a, b);
    if (filter.actor) {
      where.push("EXISTS (SELECT 1 FROM event_actors x WHERE x.actor_id = ? AND x.event_id = p.event_id)");
      args.push(filter.actor);
    }
  } else if (filter.ids && filter.ids.length <= DRIVE_BY_IDS) {
    // a few matches: read just them and sort, instead of walking every event in date order
    from = "json_each(?) j JOIN events e ON e.id = j.value";
    args.push(JSON.stringify(filter.ids));
    if (filter.actor) {
      where.push("EXISTS (SELECT 1 FROM event_actors x WHERE x.actor_id = ? AND x.event_id = e.id)");
      args.push(filter.actor);
    }
  } else if (filter.actor) {
    from = "event_actors a JOIN events e ON e.id = a.event_id";
    t = "a";
    idCol = "a.event_id";
    where.push("a.actor_id = ?");
    args.push(filter.actor);
  }
  if (filter.ids && (filter.ids.length > DRIVE_BY_IDS || filter.pair)) {
    where.push(`${idCol} IN (SELECT value FROM json_each(?))`);
    args.push(JSON.stringify(filter.ids));
  }
  for (const forms of filter.textTerms ?? []) {
    where.push(
      `(${forms.map(() => "instr(e.name_ja, ?) > 0 OR instr(lower(e.name_en), lower(?)) > 0 OR instr(e.summary, ?) > 0").join(" OR ")})`,
    );
    for (const f of forms) args.push(f, f, f);
  }
  const lo = dayBound(filter.from, "from");
  const hi = dayBound(filter.to, "to");
  if (lo) {
    where.push(`${t}.date_start >= ?`);
    args.push(lo);
  }
  if (hi) {
    where.push(`${t}.date_start <= ?`);
    args.push(hi);
  }
  const lists: [string, string[]][] = [];
  const list = (col: string, values?: string[]) => {
    if (values?.length) lists.push([col, [...new Set(values)]]);
  };
  list(`${t}.type`, filter.types);
  // a pair's rows carry the family (an actor's do not): checked there, without reading each event
  list(t === "p" ? "p.family" : "e.family", filter.families);
  list(`${t}.status`, filter.status);
  // Several values of a list over the events' own indexes (type, status: type IN (CONSULT, AGREE))
  // make SQLite read every match and sort it — seconds on a million events. Each combination of
  // values is instead one ordered range of an index, read up to the page's length, and the
  // ranges are merged: a few hundred rows at most.
  const combinations = lists.reduce<string[][]>(
    (acc, [, values]) => acc.flatMap((c) => values.map((v) => [...c, v])),
    [[]],
  );
  const merge = t === "e" && !filter.ids && combinations.length > 1 && combinations.length <= MAX_MERGED;
  if (!merge)
    for (const [col, values] of lists) {
      where.push(`${col} IN (${values.map(() => "?").join(", ")})`);
      args.push(...values);
    }
  if (filter.after) {
    // keyset pagination, a range seek on the index; undated events (NULL dates) come first
    if (filter.after.date === null) {
      where.push(`((${t}.date_start IS NULL AND ${idCol} > ?) OR ${t}.date_start IS NOT NULL)`);
      args.push(filter.after.id);
    } else {
      where.push(`(${t}.date_start, ${idCol}) > (?, ?)`);
      args.push(filter.after.date, filter.after.id);
    }
  }
  const select = (conditions: string[]) => `SELECT ${SUMMARY_COLUMNS} FROM ${from}
    ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""}
    ORDER BY ${t}.date_start, ${idCol} LIMIT ?`;
  let rows: SummaryRow[];
  if (merge) {
    const equal = lists.map(([col]) => `${col} = ?`);
    const arm = `SELECT * FROM (${select([...where, ...equal])})`;
    const sql = `SELECT * FROM (${combinations.map(() => arm).join(" UNION ALL ")}) ORDER BY date_start, id LIMIT ?`;
    const armArgs = combinations.flatMap((values) => [...args, ...values, limit + 1]);
    rows = db.prepare(sql).all(...armArgs, limit + 1) as SummaryRow[];
  } else rows = db.prepare(select(where)).all(...args, limit + 1) as SummaryRow[];
  const items = rows.slice(0, limit).map(toSummary);
  const last = items.at(-1);
  return rows.length > limit && last
    ? { items, next: { date: last.date?.start ?? null, id: last.id } }
    : { items };
}
