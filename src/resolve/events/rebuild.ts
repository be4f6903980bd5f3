/**
 * Resolving a whole database again: after an upgrade from a database that
 * has documents but no events, or after the lexicon changed (who represents
 * which state, which place contains which). Ids that do not come back leave
 * tombstones pointing to the event that took their reports.
 */
import type { ExtractedEvent, ExtractedQuote } from "../../extract/types.js";
import type { Lexicon } from "../../lexicon/lexicon.js";
import type { DB } from "../../store/database.js";
import { searchIndexOf } from "../../store/search-index.js";
import { EventResolver, survivorOf } from "./resolver.js";

export interface RebuildSummary {
  reports: number;
  events: number;
  retired: number;
}

export function rebuildEvents(db: DB, lex: Lexicon): RebuildSummary {
  return db
    .transaction((): RebuildSummary => {
      const before = db
        .prepare("SELECT doc_event_id AS report, event_id AS event FROM event_reports")
        .all() as {
        report: string;
        event: string | null;
      }[];
      searchIndexOf(db).removeAllEvents();
      db.exec(`DELETE FROM event_reports; DELETE FROM doc_event_links; DELETE FROM doc_event_quotes;
               DELETE FROM event_actors; DELETE FROM event_pairs; DELETE FROM events;`);
      const resolver = new EventResolver(db, lex);
      const docs = db.prepare("SELECT id, published FROM documents ORDER BY id").all() as {
        id: string;
        published: string | null;
      }[];
      const eventsOf = db.prepare("SELECT data FROM doc_events WHERE doc_id = ? ORDER BY id");
      const quotesOf = db.prepare("SELECT data FROM quotes WHERE doc_id = ? ORDER BY id");
      const parse = <T>(rows: unknown[]) => rows.map((r) => JSON.parse((r as { data: string }).data) as T);
      let reports = 0;
      for (const d of docs) {
        const events = parse<ExtractedEvent>(eventsOf.all(d.id));
        const quotes = parse<ExtractedQuote>(quotesOf.all(d.id));
        reports += resolver.index(d.published, { events, quotes }).length;
      }
      const next = db.prepare("SELECT doc_event_id AS id FROM event_reports WHERE event_id IS NULL LIMIT 1");
      for (let row = next.get() as { id: string } | undefined; row; row = next.get() as typeof row)
        resolver.resolve([row.id], null, () => true);

      // ids that did not come back point to the event holding most of their reports
      const nowIn = new Map(
        (
          db.prepare("SELECT doc_event_id AS report, event_id AS event FROM event_reports").all() as {
            report: string;
            event: string;
          }[]
        ).map((r) => [r.report, r.event]),
      );
      const held = new Map<string, string[]>();
      for (const r of before) if (r.event) held.set(r.event, [...(held.get(r.event) ?? []), r.report]);
      const live = db.prepare("SELECT 1 FROM events WHERE id = ?");
      const tomb = db.prepare(
        `INSERT INTO event_tombstones (id, survivor, reason) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET survivor = excluded.survivor, reason = excluded.reason`,
      );
      const forward = db.prepare("UPDATE event_tombstones SET survivor = ? WHERE survivor = ?");
      let retired = 0;
      for (const [id, reportsHeld] of held) {
        if (live.get(id)) continue;
        const survivor = survivorOf(reportsHeld, nowIn);
        tomb.run(id, survivor, survivor ? "renamed" : "retracted");
        forward.run(survivor, id);
        retired++;
      }
      db.exec("DELETE FROM event_tombstones WHERE id IN (SELECT id FROM events)");
      const events = (db.prepare("SELECT count(*) AS n FROM events").get() as { n: number }).n;
      return { reports, events, retired };
    })
    .immediate();
}
