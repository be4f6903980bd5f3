/** Turning `events` rows into summaries, and the columns that takes. */
import type { EventSummaryData } from "../resolve/events/types.js";
import type { EventSummary } from "./types.js";

export const SUMMARY_COLUMNS =
  "e.id, e.name_ja, e.name_en, e.type, e.mode, e.status, e.date_start, e.date_end, e.granularity, e.reports, e.sources, e.summary";

export interface SummaryRow {
  id: string;
  name_ja: string;
  name_en: string;
  type: string;
  mode: string | null;
  status: EventSummary["status"];
  date_start: string | null;
  date_end: string | null;
  granularity: string | null;
  reports: number;
  sources: number;
  summary: string;
}

export function toSummary(r: SummaryRow): EventSummary {
  const s = JSON.parse(r.summary) as EventSummaryData;
  return {
    id: r.id,
    name: { ja: r.name_ja, en: r.name_en },
    type: r.type,
    mode: r.mode,
    status: r.status,
    date: r.date_start
      ? { start: r.date_start, end: r.date_end ?? r.date_start, granularity: r.granularity ?? "day" }
      : null,
    reports: r.reports,
    sources: r.sources,
    ...s,
  };
}

/** A date bound as given (2024, 2024-06, 2024-06-19) made a day: the first day for `from`, the last for `to`. */
export function dayBound(value: string | undefined, side: "from" | "to"): string | undefined {
  if (!value) return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value))
    throw new Error(`'${value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
  if (value.length === 10) return value;
  if (side === "from") return value.length === 4 ? `${value}-01-01` : `${value}-01`;
  return value.length === 4 ? `${value}-12-31` : `${value}-31`;
}
