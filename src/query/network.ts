/**
 * The actor network: who met whom (consultations that took place), weighted
 * by how many times, and dated. Between the people and organisations the
 * articles name, or between the states they represent.
 */
import type { DB } from "../store/database.js";
import { dayBound } from "./rows.js";

export interface NetworkInput {
  /** `actors`: the people (or states, when no one is named) who met; `states`: the states they represent. */
  level?: "actors" | "states";
  /** Only the ties of this actor. */
  actor?: string;
  from?: string;
  to?: string;
  /** Type families counted (default: every CONSULT family — meetings, visits, calls). */
  families?: string[];
  /** Statuses counted (default: occurred). */
  status?: string[];
}

export interface NetworkNode {
  id: string;
  kind: string;
  ja: string;
  en: string;
  country: string | null;
  /** Events the node takes part in, and its first and last date. */
  events: number;
  first: string | null;
  last: string | null;
}

export interface NetworkEdge {
  source: string;
  target: string;
  weight: number;
  first: string | null;
  last: string | null;
  /** Each event with its date, earliest first. */
  meetings: { event: string; date: string | null; family: string }[];
}

export interface Network {
  level: "actors" | "states";
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export function network(db: DB, input: NetworkInput = {}): Network {
  const level = input.level ?? "actors";
  const where = [level === "states" ? "p.states = 1" : "p.named = 1"];
  const args: unknown[] = [];
  const families = input.families ?? ["CONSULT:meeting", "CONSULT:visit", "CONSULT:phone"];
  where.push(`p.family IN (${families.map(() => "?").join(", ")})`);
  args.push(...families);
  const status = input.status ?? ["occurred"];
  where.push(`p.status IN (${status.map(() => "?").join(", ")})`);
  args.push(...status);
  const lo = dayBound(input.from, "from");
  const hi = dayBound(input.to, "to");
  if (lo) {
    where.push("p.date_start >= ?");
    args.push(lo);
  }
  if (hi) {
    where.push("p.date_start <= ?");
    args.push(hi);
  }
  let sql = `SELECT p.a, p.b, p.event_id, p.date_start, p.family FROM event_pairs p WHERE ${where.join(" AND ")}`;
  if (input.actor) {
    // two index seeks, one for each side of the pair
    sql = `${sql} AND p.a = ? UNION ALL ${sql} AND p.b = ?`;
    args.push(input.actor, ...args, input.actor);
  }
  const rows = db.prepare(`${sql} ORDER BY 4, 3`).all(...args) as {
    a: string;
    b: string;
    event_id: string;
    date_start: string | null;
    family: string;
  }[];
  const edges = new Map<string, NetworkEdge>();
  const nodeEvents = new Map<string, Set<string>>();
  const nodeDates = new Map<string, { first: string | null; last: string | null }>();
  const touch = (id: string, event: string, date: string | null) => {
    let set = nodeEvents.get(id);
    if (!set) nodeEvents.set(id, (set = new Set()));
    set.add(event);
    const d = nodeDates.get(id) ?? { first: date, last: date };
    if (date && (!d.first || date < d.first)) d.first = date;
    if (date && (!d.last || date > d.last)) d.last = date;
    nodeDates.set(id, d);
  };
  for (const r of rows) {
    const key = `${r.a}\u0000${r.b}`;
    let e = edges.get(key);
    if (!e) {
      e = { source: r.a, target: r.b, weight: 0, first: r.date_start, last: r.date_start, meetings: [] };
      edges.set(key, e);
    }
    e.weight++;
    e.last = r.date_start ?? e.last;
    e.meetings.push({ event: r.event_id, date: r.date_start, family: r.family });
    touch(r.a, r.event_id, r.date_start);
    touch(r.b, r.event_id, r.date_start);
  }
  const actor = db.prepare("SELECT kind, ja, en, country FROM actors WHERE id = ?");
  const nodes: NetworkNode[] = [...nodeEvents.keys()].sort().map((id) => {
    const a = actor.get(id) as { kind: string; ja: string; en: string; country: string | null } | undefined;
    const isState = /^[A-Z]{3}$/.test(id);
    return {
      id,
      kind: a?.kind ?? (isState ? "state" : "person"),
      ja: a?.ja ?? id,
      en: a?.en ?? id,
      country: a?.country ?? (isState ? id : null),
      events: nodeEvents.get(id)!.size,
      ...nodeDates.get(id)!,
    };
  });
  return { level, nodes, edges: [...edges.values()] };
}
