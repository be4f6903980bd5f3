/**
 * Calendar values at their own granularity (ISO 8601 `YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`) and the arithmetic the temporal tagger needs.
 */

export type Granularity = "year" | "month" | "day";

export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
}

export const granularityOf = (d: CalendarDate): Granularity =>
  d.day !== undefined ? "day" : d.month !== undefined ? "month" : "year";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function toIso(d: CalendarDate): string {
  if (d.month === undefined) return pad(d.year, 4);
  if (d.day === undefined) return `${pad(d.year, 4)}-${pad(d.month)}`;
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function parseIso(s: string | null | undefined): CalendarDate | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(s.trim());
  if (!m) return null;
  const d: CalendarDate = { year: Number(m[1]) };
  if (m[2]) d.month = Number(m[2]);
  if (m[3]) d.day = Number(m[3]);
  return isValid(d) ? d : null;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
/** Days in a month (1–12) of the proleptic Gregorian calendar, counted, not read off a Date made per call. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;

export function isValid(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || d.year < 1 || d.year > 9999) return false;
  if (d.month === undefined) return d.day === undefined;
  if (d.month < 1 || d.month > 12) return false;
  if (d.day === undefined) return true;
  return d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Days since 1970-01-01 of a day-granular date. */
export const epochDay = (d: CalendarDate) => Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1) / 86_400_000;

export function fromEpochDay(n: number): CalendarDate {
  const dt = new Date(n * 86_400_000);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

export const addDays = (d: CalendarDate, n: number) => fromEpochDay(epochDay(d) + n);

export function addMonths(d: CalendarDate, n: number): CalendarDate {
  const idx = d.year * 12 + ((d.month ?? 1) - 1) + n;
  return { year: Math.floor(idx / 12), month: (idx % 12) + 1 };
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (d: CalendarDate) => new Date(epochDay(d) * 86_400_000).getUTCDay();

/** The first and last day covered by a date at its granularity, as epoch days. */
export function dayRange(d: CalendarDate): [number, number] {
  if (d.month === undefined)
    return [epochDay({ year: d.year, month: 1, day: 1 }), epochDay({ year: d.year, month: 12, day: 31 })];
  if (d.day === undefined)
    return [
      epochDay({ year: d.year, month: d.month, day: 1 }),
      epochDay({ year: d.year, month: d.month, day: daysInMonth(d.year, d.month) }),
    ];
  const e = epochDay(d);
  return [e, e];
}

/** The first and last day of a span given by ISO dates (an event's date.start and date.end), as epoch days. */
export function spanDays(start: string, end: string): [number, number] | null {
  const a = parseIso(start);
  const b = parseIso(end);
  return a && b ? [dayRange(a)[0], dayRange(b)[1]] : null;
}

/** ISO start and end days of a date at its granularity (`2023-09` → 2023-09-01 … 2023-09-30). */
export function isoBounds(d: CalendarDate): { start: string; end: string } {
  const [a, b] = dayRange(d);
  return { start: toIso(fromEpochDay(a)), end: toIso(fromEpochDay(b)) };
}
