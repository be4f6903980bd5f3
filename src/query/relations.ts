/**
 * Relations between two states, month by month: how many events, how many
 * cooperative and conflictual, and the sum of their PLOVER scores (planned
 * meetings count as AGREE, cancelled ones as REJECT; speculation and denied
 * events do not count).
 */
import type { DB } from "../store/database.js";
import { dayBound } from "./rows.js";

export interface RelationsInput {
  a: string;
  b: string;
  from?: string;
  to?: string;
  /** Include the months without events (default true when both bounds are given). */
  fill?: boolean;
}

export interface RelationsMonth {
  month: string;
  events: number;
  /** Quad classes 1–2 and 3–4. */
  cooperation: number;
  conflict: number;
  /** Sum and mean of PLOVER scores (−10 … +10 each). */
  score: number;
  mean: number | null;
  types: Record<string, number>;
}

export interface Relations {
  a: string;
  b: string;
  months: RelationsMonth[];
  total: Omit<RelationsMonth, "month">;
}

const nextMonth = (m: string) => {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
};

export function relations(db: DB, input: RelationsInput): Relations {
  const [a, b] = [input.a, input.b].sort() as [string, string];
  const lo = dayBound(input.from, "from") ?? "0000";
  const hi = dayBound(input.to, "to") ?? "9999";
  const rows = db
    .prepare(
      `SELECT substr(date_start, 1, 7) AS month, type, quad, count(*) AS n, sum(score) AS score
       FROM event_pairs
       WHERE a = ? AND b = ? AND states = 1 AND date_start BETWEEN ? AND ? AND score IS NOT NULL
       GROUP BY month, type, quad ORDER BY month`,
    )
    .all(a, b, lo, hi) as { month: string; type: string; quad: number; n: number; score: number }[];
  const empty = (month: string): RelationsMonth => ({
    month,
    events: 0,
    cooperation: 0,
    conflict: 0,
    score: 0,
    mean: null,
    types: {},
  });
  const months = new Map<string, RelationsMonth>();
  const total = empty("");
  for (const r of rows) {
    const m = months.get(r.month) ?? empty(r.month);
    months.set(r.month, m);
    for (const t of [m, total]) {
      t.events += r.n;
      if (r.quad <= 2) t.cooperation += r.n;
      else t.conflict += r.n;
      t.score += r.score;
      t.types[r.type] = (t.types[r.type] ?? 0) + r.n;
    }
  }
  let list = [...months.values()];
  const fill = input.fill ?? (input.from !== undefined && input.to !== undefined);
  if (fill && (list.length > 0 || (input.from && input.to))) {
    const first = input.from ? lo.slice(0, 7) : list[0]!.month;
    const last = input.to ? hi.slice(0, 7) : list.at(-1)!.month;
    const filled: RelationsMonth[] = [];
    for (let m = first; m <= last && filled.length < 1200; m = nextMonth(m))
      filled.push(months.get(m) ?? empty(m));
    list = filled;
  }
  for (const t of [...list, total]) t.mean = t.events ? Math.round((t.score / t.events) * 100) / 100 : null;
  const { month: _month, ...totals } = total;
  return { a, b, months: list, total: totals };
}
