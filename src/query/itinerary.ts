/**
 * The itinerary of one trip: the visit, the meetings and site visits the
 * articles link to it, and the traveller's other events in the host country
 * on the days around it (a leader's stops over consecutive days).
 */
import type { DB } from "../store/database.js";
import { getEventRecord, resolveEventId } from "./events.js";
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from "./rows.js";
import type { EventSummary } from "./types.js";

export interface Itinerary {
  trip: EventSummary;
  travellers: { id: string; ja: string; en: string }[];
  host: string | null;
  from: string | null;
  to: string | null;
  stops: EventSummary[];
}

/** Stops more than this many days apart are not the same trip. */
const GAP_DAYS = 3;
const MAX_DAYS = 31;
const DAY = 86_400_000;
const shift = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export function itinerary(db: DB, tripId: string): Itinerary | null {
  const resolved = resolveEventId(db, tripId);
  const trip = resolved ? getEventRecord(db, resolved.id) : null;
  if (!trip) return null;
  const travellers = trip.participants.filter((p) => p.role === "actor");
  const host =
    trip.participants.find((p) => p.role === "recipient")?.represents ?? trip.place?.country ?? null;
  const stops = new Map<string, EventSummary>();
  const add = (rows: SummaryRow[]) => {
    for (const r of rows) stops.set(r.id, toSummary(r));
  };
  add(db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM events e WHERE e.id = ?`).all(trip.id) as SummaryRow[]);
  // what the articles tie to the trip
  add(
    db
      .prepare(
        `SELECT DISTINCT ${SUMMARY_COLUMNS} FROM event_reports er
         JOIN doc_event_links l ON l.target = er.doc_event_id AND l.kind = 'trip'
         JOIN event_reports er2 ON er2.doc_event_id = l.doc_event_id
         JOIN events e ON e.id = er2.event_id
         WHERE er.event_id = ?`,
      )
      .all(trip.id) as SummaryRow[],
  );
  // the travellers' events in the host country, grown day by day from the trip's dates
  if (trip.date && host) {
    const near = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM event_actors a JOIN events e ON e.id = a.event_id
       WHERE a.actor_id = ? AND a.date_start BETWEEN ? AND ? AND a.status = 'occurred'`,
    );
    const dated = () =>
      [...stops.values()]
        .map((s) => s.date?.start)
        .filter((d): d is string => !!d)
        .sort();
    let lo = dated()[0] ?? trip.date.start;
    let hi = dated().at(-1) ?? trip.date.end;
    for (let grown = true; grown;) {
      grown = false;
      for (const t of travellers) {
        for (const row of near.all(t.id, shift(lo, -GAP_DAYS), shift(hi, GAP_DAYS)) as SummaryRow[]) {
          const s = toSummary(row);
          if (!s.states.includes(host) || stops.has(s.id) || s.date!.end > shift(trip.date.start, MAX_DAYS))
            continue;
          stops.set(s.id, s);
          grown = true;
        }
      }
      const d = dated();
      lo = d[0] ?? lo;
      hi = d.at(-1) ?? hi;
    }
  }
  const list = [...stops.values()].sort(
    (a, b) => (a.date?.start ?? "").localeCompare(b.date?.start ?? "") || a.id.localeCompare(b.id),
  );
  const dates = list.map((s) => s.date?.start).filter((d): d is string => !!d);
  return {
    trip: list.find((s) => s.id === trip.id)!,
    travellers: travellers.map((p) => ({ id: p.id, ja: p.ja, en: p.en })),
    host,
    from: dates[0] ?? null,
    to:
      list
        .map((s) => s.date?.end)
        .filter((d): d is string => !!d)
        .sort()
        .at(-1) ?? null,
    stops: list,
  };
}
