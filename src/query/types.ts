/**
 * What the queries return: plain, serialisable objects, the same for the
 * command line and (later) the web API.
 */
import type { EventStatus } from "../extract/types.js";
import type { EventDate, EventSummaryData } from "../resolve/events/types.js";

export interface EventSummary extends EventSummaryData {
  id: string;
  name: { ja: string; en: string };
  type: string;
  mode: string | null;
  status: EventStatus;
  date: EventDate | null;
  /** How many reports and documents the event is built from. */
  reports: number;
  sources: number;
}

/** Keyset pagination: the last (date, id) of the previous page. */
export interface Cursor {
  date: string | null;
  id: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: Cursor;
}
