/**
 * The resolver's reads and writes: reports with their signatures, event
 * records with the rows that index them (actors, pairs), and tombstones.
 * Candidate reports are found through the (match_key, date_lo) index, so
 * the work per document depends on how many reports share its sides and
 * dates, never on the size of the database.
 */
import type { DB } from "../../store/database.js";
import { searchIndexOf, type SearchIndexWriter } from "../../store/search-index.js";
import type { ExtractedEvent, ExtractedQuote } from "../../extract/types.js";
import { dayNumber, isoDay, MAX_MERGE_SPAN_DAYS, mergeable, type ReportSignature } from "./signature.js";
import type { EventRecord, EventSummaryData } from "./types.js";

/** What lists and timelines show of an event, kept beside the full record so that they need not parse it. */
export function summaryOf(r: EventRecord): EventSummaryData {
  return {
    place: r.place ? { id: r.place.id, ja: r.place.ja, en: r.place.en } : null,
    participants: r.participants.map((p) => ({
      id: p.id,
      ja: p.ja,
      en: p.en,
      role: p.role,
      title: p.titles[0] ?? p.officeTitle,
    })),
    states: r.states,
    object: r.object,
  };
}

/** An event's row as stored. */
export interface StoredEvent {
  rowid: number;
  data: string;
  name_ja: string;
  name_en: string;
  summary: string;
}

export class EventStore {
  private readonly s;
  private readonly search: SearchIndexWriter;

  constructor(private readonly db: DB) {
    this.search = searchIndexOf(db);
    this.s = {
      insertReport: db.prepare(
        `INSERT INTO event_reports (doc_event_id, doc_id, event_id, match_key, date_lo, date_hi, published, sig)
         VALUES (?, ?, NULL, ?, ?, ?, ?, ?)`,
      ),
      reportsOfDoc: db.prepare(
        "SELECT doc_event_id AS id, event_id AS event FROM event_reports WHERE doc_id = ?",
      ),
      report: db.prepare("SELECT sig, event_id AS event FROM event_reports WHERE doc_event_id = ?"),
      candidates: db.prepare(
        `SELECT doc_event_id AS id FROM event_reports
         WHERE match_key = ? AND date_lo BETWEEN ? AND ? AND date_hi >= ?`,
      ),
      membersOf: db.prepare("SELECT doc_event_id AS id FROM event_reports WHERE event_id = ?"),
      setEvent: db.prepare("UPDATE event_reports SET event_id = ? WHERE doc_event_id = ?"),
      docEvent: db.prepare("SELECT data FROM doc_events WHERE id = ?"),
      stored: db.prepare("SELECT rowid, data, name_ja, name_en, summary FROM events WHERE id = ?"),
      upsertEvent: db.prepare(
        `INSERT INTO events (id, type, mode, family, status, date_start, date_end, granularity, place_id, place_country,
           name_ja, name_en, series_key, score, quad, reports, sources, first_published, summary, data)
         VALUES (@id, @type, @mode, @family, @status, @date_start, @date_end, @granularity, @place_id, @place_country,
           @name_ja, @name_en, @series_key, @score, @quad, @reports, @sources, @first_published, @summary, @data)
         ON CONFLICT(id) DO UPDATE SET type = excluded.type, mode = excluded.mode, family = excluded.family,
           status = excluded.status, date_start = excluded.date_start, date_end = excluded.date_end,
           granularity = excluded.granularity, place_id = excluded.place_id, place_country = excluded.place_country,
           name_ja = excluded.name_ja, name_en = excluded.name_en, series_key = excluded.series_key,
           score = excluded.score, quad = excluded.quad, reports = excluded.reports, sources = excluded.sources,
           first_published = excluded.first_published, summary = excluded.summary, data = excluded.data`,
      ),
      deleteEvent: db.prepare("DELETE FROM events WHERE id = ?"),
      deleteActors: db.prepare("DELETE FROM event_actors WHERE event_id = ?"),
      deletePairs: db.prepare("DELETE FROM event_pairs WHERE event_id = ?"),
      insertActor: db.prepare(
        `INSERT OR IGNORE INTO event_actors (actor_id, event_id, role, named, date_start, type, status)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertPair: db.prepare(
        `INSERT OR IGNORE INTO event_pairs (a, b, event_id, states, named, date_start, type, family, status, score, quad)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      tombstone: db.prepare(
        `INSERT INTO event_tombstones (id, survivor, reason) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET survivor = excluded.survivor, reason = excluded.reason`,
      ),
      // earlier tombstones pointing at a retired id follow it to its survivor, so one look-up resolves any old id
      forward: db.prepare("UPDATE event_tombstones SET survivor = ? WHERE survivor = ?"),
      revive: db.prepare("DELETE FROM event_tombstones WHERE id = ?"),
      link: db.prepare("INSERT OR IGNORE INTO doc_event_links (doc_event_id, kind, target) VALUES (?, ?, ?)"),
      quote: db.prepare("INSERT OR IGNORE INTO doc_event_quotes (doc_event_id, quote_id) VALUES (?, ?)"),
    };
  }

  addReport(sig: ReportSignature): void {
    this.s.insertReport.run(
      sig.id,
      sig.doc,
      sig.matchKey,
      sig.lo,
      sig.hi,
      sig.published,
      JSON.stringify(sig),
    );
  }

  /** The links between one document's events, and which event each quotation was said at. */
  addDocumentLinks(events: readonly ExtractedEvent[], quotes: readonly ExtractedQuote[]): void {
    const ids = new Set(events.map((e) => e.id));
    for (const e of events)
      for (const [kind, target] of Object.entries(e.links))
        if (target && ids.has(target)) this.s.link.run(e.id, kind, target);
    for (const q of quotes) {
      const at = new Set<string>();
      if (q.event && ids.has(q.event)) at.add(q.event);
      // a quotation inside a sentence that reports the event was said about it
      for (const e of events)
        if (e.evidence.some((s) => s.start <= q.cited.start && q.cited.end <= s.end)) at.add(e.id);
      for (const id of at) this.s.quote.run(id, q.id);
    }
  }

  reportsOfDocument(doc: string): { id: string; event: string | null }[] {
    return this.s.reportsOfDoc.all(doc) as { id: string; event: string | null }[];
  }

  report(id: string): { sig: ReportSignature; event: string | null } | undefined {
    const row = this.s.report.get(id) as { sig: string; event: string | null } | undefined;
    return row ? { sig: JSON.parse(row.sig) as ReportSignature, event: row.event } : undefined;
  }

  /**
   * Stored reports that may be compatible with this one: same sides and family, overlapping dates.
   * Only their ids: a caller walking a group sees the same reports again and again, and reads the
   * signature of a new one with {@link report}.
   */
  candidates(sig: ReportSignature): string[] {
    if (!mergeable(sig)) return [];
    const earliest = isoDay(dayNumber(sig.lo!) - MAX_MERGE_SPAN_DAYS);
    return this.s.candidates.pluck().all(sig.matchKey, earliest, sig.hi, sig.lo) as string[];
  }

  membersOf(event: string): string[] {
    return (this.s.membersOf.all(event) as { id: string }[]).map((r) => r.id);
  }

  extracted(report: string): ExtractedEvent {
    return JSON.parse((this.s.docEvent.get(report) as { data: string }).data) as ExtractedEvent;
  }

  /** The event's row as stored, if it is: its record, and the text its index entry holds. */
  stored(event: string): StoredEvent | undefined {
    return this.s.stored.get(event) as StoredEvent | undefined;
  }

  assign(report: string, event: string): void {
    this.s.setEvent.run(event, report);
  }

  /** Writes the record and the rows that index it by actor and by pair; `before` is its row as stored. */
  writeEvent(r: EventRecord, data: string, before: StoredEvent | undefined): void {
    const summary = JSON.stringify(summaryOf(r));
    const written = this.s.upsertEvent.run({
      id: r.id,
      type: r.type,
      mode: r.mode,
      family: r.family,
      status: r.status,
      date_start: r.date?.start ?? null,
      date_end: r.date?.end ?? null,
      granularity: r.date?.granularity ?? null,
      place_id: r.place?.id ?? null,
      place_country: r.place?.country ?? null,
      name_ja: r.name.ja,
      name_en: r.name.en,
      series_key: r.seriesKey,
      score: r.score,
      quad: r.quad,
      reports: r.reports.length,
      sources: r.docs.length,
      first_published: r.firstPublished,
      summary,
      data,
    });
    // the upsert keeps an existing row's rowid; the index is touched only when the text it holds changed
    if (!before) this.search.event(written.lastInsertRowid, r.name.ja, r.name.en, summary, false);
    else if (before.name_ja !== r.name.ja || before.name_en !== r.name.en || before.summary !== summary)
      this.search.event(before.rowid, r.name.ja, r.name.en, summary, true);
    // a new row has none to replace (retire deletes an event's rows with it)
    if (before) {
      this.s.deleteActors.run(r.id);
      this.s.deletePairs.run(r.id);
    }
    const date = r.date?.start ?? null;
    for (const p of [...r.participants, ...r.delegates])
      this.s.insertActor.run(p.id, r.id, p.role, 1, date, r.type, r.status);
    for (const s of r.states) this.s.insertActor.run(s, r.id, "state", 0, date, r.type, r.status);
    const named = new Set(r.participants.map((p) => p.id));
    const states = new Set(r.states);
    const keys = [...new Set([...named, ...states])].sort();
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const [a, b] = [keys[i]!, keys[j]!];
        const bothStates = states.has(a) && states.has(b);
        const bothNamed = named.has(a) && named.has(b);
        if (!bothStates && !bothNamed) continue;
        this.s.insertPair.run(
          a,
          b,
          r.id,
          bothStates ? 1 : 0,
          bothNamed ? 1 : 0,
          date,
          r.type,
          r.family,
          r.status,
          r.score,
          r.quad,
        );
      }
    }
  }

  /** Retires an event id: its row goes, a tombstone points to the survivor (null when nothing is left). */
  retire(event: string, survivor: string | null, reason: "merged" | "renamed" | "retracted"): void {
    const row = this.stored(event);
    if (row) this.search.removeEvent(row.rowid);
    this.s.deleteEvent.run(event);
    this.s.deleteActors.run(event);
    this.s.deletePairs.run(event);
    this.s.tombstone.run(event, survivor, reason);
    this.s.forward.run(survivor, event);
  }

  /** An id that is live again is no longer a tombstone. */
  revive(event: string): void {
    this.s.revive.run(event);
  }
}
