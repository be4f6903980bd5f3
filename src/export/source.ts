/** What exports read: the full records of the events a filter selects, streamed page by page. */
import { type EventFilter, findEvents, getEventRecord } from "../query/events.js";
import type { EventRecord } from "../resolve/events/types.js";
import type { DB } from "../store/database.js";

export type Write = (chunk: string) => void;

export function* selectedEvents(db: DB, filter: EventFilter = {}): Generator<EventRecord> {
  let after = filter.after;
  do {
    const page = findEvents(db, { ...filter, limit: 500, after });
    for (const e of page.items) {
      const r = getEventRecord(db, e.id);
      if (r) yield r;
    }
    after = page.next;
  } while (after);
}

export interface DocInfo {
  url: string | null;
  title: string | null;
  published: string | null;
}

/** Document metadata by id, read once per export. */
export function docInfo(db: DB): (id: string) => DocInfo {
  const cache = new Map<string, DocInfo>();
  const stmt = db.prepare("SELECT url, title, published FROM documents WHERE id = ?");
  return (id) => {
    let d = cache.get(id);
    if (!d) {
      const row = stmt.get(id) as DocInfo | undefined;
      d = { url: row?.url || null, title: row?.title ?? null, published: row?.published ?? null };
      cache.set(id, d);
    }
    return d;
  };
}
