/**
 * The event card: everything an analyst reads about one event — name, date,
 * place, participants with their titles then, delegations, what was signed,
 * what was said, how others reacted, the series it belongs to, and the
 * sources with the sentences that report it.
 */
import type { DB } from "../store/database.js";
import type {
  Citation,
  EventParticipant,
  EventRecord,
  FieldConflict,
  FieldValue,
  StatusStep,
} from "../resolve/events/types.js";
import { getEventRecord, type ResolvedId, resolveEventId } from "./events.js";
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from "./rows.js";
import type { EventSummary } from "./types.js";

export interface CardQuote {
  id: string;
  doc: string;
  text: string;
  start: number;
  end: number;
  speaker: { id: string; ja: string; en: string; country: string | null } | null;
  speakerKind: string | null;
  speakerText: string | null;
  verb: string | null;
}

export interface CardSource {
  doc: string;
  url: string | null;
  title: string | null;
  published: string | null;
  reports: string[];
  /** The sentences that report the event, as raw spans of the document. */
  sentences: Citation[];
}

export interface EventCard {
  id: string;
  /** Set when the id asked for was a retired event or a report. */
  redirectedFrom?: ResolvedId["from"];
  name: { ja: string; en: string };
  type: string;
  mode: string | null;
  status: EventRecord["status"];
  statusHistory: StatusStep[];
  date: EventRecord["date"];
  place: EventRecord["place"];
  participants: EventParticipant[];
  /** Delegation members by the state they represent. */
  delegations: { state: string | null; members: EventParticipant[] }[];
  object: string | null;
  /** Agreements signed or reached at the event. */
  outcomes: EventSummary[];
  quotes: CardQuote[];
  /** What third parties did or said about it within a week. */
  reactions: { events: EventSummary[]; quotes: CardQuote[] };
  series: {
    key: string | null;
    previous: EventSummary | null;
    next: EventSummary | null;
    all: EventSummary[];
  };
  sources: CardSource[];
  fields: Record<string, FieldValue[]>;
  conflicts: FieldConflict[];
  score: number | null;
  quad: number | null;
}

const REACTION_TYPES = ["ACCUSE", "SUPPORT", "THREATEN", "REQUEST", "REJECT", "SANCTION", "AGREE"];
/** A card lists at most this many sources; the rest are counted in the summary. */
const MAX_SOURCES = 50;
const DAY = 86_400_000;
const plusDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export function eventCard(db: DB, idOrReport: string): EventCard | null {
  const resolved = resolveEventId(db, idOrReport);
  if (!resolved) return null;
  const r = getEventRecord(db, resolved.id);
  if (!r) return null;
  const summaries = (sql: string, ...args: unknown[]) =>
    (db.prepare(sql).all(...args) as SummaryRow[]).map(toSummary);

  // outcomes: agreements of the same states signed or reached during the event (or the day after)
  let outcomes: EventSummary[] = [];
  if (r.date && r.states.length >= 2 && r.type === "CONSULT") {
    const [a, b] = [...r.states].sort() as [string, string];
    outcomes = summaries(
      `SELECT ${SUMMARY_COLUMNS} FROM event_pairs p JOIN events e ON e.id = p.event_id
       WHERE p.a = ? AND p.b = ? AND p.date_start BETWEEN ? AND ? AND p.type IN ('SUPPORT', 'AGREE')
         AND (p.type = 'AGREE' OR e.mode = 'sign') AND p.event_id <> ?
       ORDER BY p.date_start, p.event_id`,
      a,
      b,
      r.date.start,
      plusDays(r.date.end, 1),
      r.id,
    );
  }

  const quotes = new Map(eventQuotes(db, r.id).map((q) => [q.id, q]));
  const sources = eventSources(db, r.id);

  // reactions: events the extraction linked as reactions, and third parties in the same articles within a week
  const reactions = new Map<string, EventSummary>();
  for (const e of summaries(
    `SELECT DISTINCT ${SUMMARY_COLUMNS} FROM event_reports er
     JOIN doc_event_links l ON l.target = er.doc_event_id AND l.kind = 'reactionTo'
     JOIN event_reports er2 ON er2.doc_event_id = l.doc_event_id
     JOIN events e ON e.id = er2.event_id
     WHERE er.event_id = ? AND e.id <> ?`,
    r.id,
    r.id,
  ))
    reactions.set(e.id, e);
  const thirdQuotes: CardQuote[] = [];
  if (r.date && r.states.length > 0) {
    const until = plusDays(r.date.end, 7);
    const inDoc = db.prepare(
      `SELECT DISTINCT ${SUMMARY_COLUMNS} FROM event_reports er JOIN events e ON e.id = er.event_id
       WHERE er.doc_id = ? AND e.id <> ? AND e.date_start BETWEEN ? AND ?
         AND e.type IN (${REACTION_TYPES.map(() => "?").join(", ")})`,
    );
    for (const s of sources) {
      for (const e of (inDoc.all(s.doc, r.id, r.date.start, until, ...REACTION_TYPES) as SummaryRow[]).map(
        toSummary,
      ))
        if (e.states.length > 0 && e.states.every((st) => !r.states.includes(st))) reactions.set(e.id, e);
    }
    // statements of third parties quoted in the same articles
    const docQuotes = db.prepare(
      `SELECT q.id, q.doc_id AS doc, q.text, q.start, q.end, q.speaker_kind, q.data,
              a.id AS speaker_id, a.ja AS speaker_ja, a.en AS speaker_en, a.country AS speaker_country
       FROM quotes q JOIN actors a ON a.id = q.speaker_id WHERE q.doc_id = ?`,
    );
    for (const s of sources)
      for (const row of docQuotes.all(s.doc) as Record<string, unknown>[]) {
        const q = toCardQuote(row);
        if (!quotes.has(q.id) && q.speaker?.country && !r.states.includes(q.speaker.country))
          thirdQuotes.push(q);
      }
  }

  // the series: the same pair's events of the same family
  let series: EventCard["series"] = { key: r.seriesKey, previous: null, next: null, all: [] };
  if (r.seriesKey) {
    const all = summaries(
      `SELECT ${SUMMARY_COLUMNS} FROM events e WHERE e.series_key = ? AND e.status IN ('occurred', 'planned')
       ORDER BY e.date_start, e.id LIMIT 100`,
      r.seriesKey,
    );
    const at = all.findIndex((e) => e.id === r.id);
    series = {
      key: r.seriesKey,
      previous: at > 0 ? all[at - 1]! : null,
      next: at >= 0 && at + 1 < all.length ? all[at + 1]! : null,
      all,
    };
  }

  const delegations = new Map<string | null, EventParticipant[]>();
  for (const d of r.delegates) delegations.set(d.represents, [...(delegations.get(d.represents) ?? []), d]);

  return {
    id: r.id,
    ...(resolved.from ? { redirectedFrom: resolved.from } : {}),
    name: r.name,
    type: r.type,
    mode: r.mode,
    status: r.status,
    statusHistory: r.statusHistory,
    date: r.date,
    place: r.place,
    participants: r.participants,
    delegations: [...delegations].map(([state, members]) => ({ state, members })),
    object: r.object,
    outcomes,
    quotes: [...quotes.values()],
    reactions: { events: [...reactions.values()], quotes: thirdQuotes },
    series,
    sources,
    fields: r.fields,
    conflicts: r.conflicts,
    score: r.score,
    quad: r.quad,
  };
}

const reportsOf = (db: DB, event: string) =>
  (
    db
      .prepare("SELECT doc_event_id AS id, doc_id AS doc FROM event_reports WHERE event_id = ?")
      .all(event) as {
      id: string;
      doc: string;
    }[]
  ).sort((a, b) => a.id.localeCompare(b.id));

function toCardQuote(row: Record<string, unknown>): CardQuote {
  const data = JSON.parse(row.data as string) as { speakerText?: string; verb?: string };
  return {
    id: row.id as string,
    doc: row.doc as string,
    text: row.text as string,
    start: row.start as number,
    end: row.end as number,
    speaker: row.speaker_id
      ? {
          id: row.speaker_id as string,
          ja: row.speaker_ja as string,
          en: row.speaker_en as string,
          country: (row.speaker_country as string | null) ?? null,
        }
      : null,
    speakerKind: (row.speaker_kind as string | null) ?? null,
    speakerText: data.speakerText ?? null,
    verb: data.verb ?? null,
  };
}

/** The quotations said at or about the event, in document order. */
export function eventQuotes(db: DB, event: string): CardQuote[] {
  const rows = db.prepare(
    `SELECT DISTINCT q.id, q.doc_id AS doc, q.text, q.start, q.end, q.speaker_kind, q.data,
            a.id AS speaker_id, a.ja AS speaker_ja, a.en AS speaker_en, a.country AS speaker_country
     FROM doc_event_quotes l JOIN quotes q ON q.id = l.quote_id LEFT JOIN actors a ON a.id = q.speaker_id
     WHERE l.doc_event_id = ?`,
  );
  const quotes = new Map<string, CardQuote>();
  for (const rep of reportsOf(db, event))
    for (const row of rows.all(rep.id) as Record<string, unknown>[])
      quotes.set(row.id as string, toCardQuote(row));
  return [...quotes.values()].sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start);
}

/** The documents reporting the event, earliest first, with the sentences that report it. */
export function eventSources(db: DB, event: string, max = MAX_SOURCES): CardSource[] {
  const reports = reportsOf(db, event);
  const docs = [...new Set(reports.map((x) => x.doc))];
  const docRow = db.prepare("SELECT id, url, title, published FROM documents WHERE id = ?");
  const evidence = db.prepare("SELECT start, end, text FROM evidence WHERE event_id = ? ORDER BY start");
  return docs
    .map((doc) => {
      const d = docRow.get(doc) as {
        id: string;
        url: string | null;
        title: string | null;
        published: string | null;
      };
      const own = reports.filter((x) => x.doc === doc).map((x) => x.id);
      const sentences: Citation[] = [];
      for (const report of own)
        for (const s of evidence.all(report) as { start: number; end: number; text: string }[])
          if (!sentences.some((c) => c.start === s.start)) sentences.push({ doc, report, ...s });
      return { doc, url: d.url || null, title: d.title, published: d.published, reports: own, sentences };
    })
    .sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.doc.localeCompare(b.doc))
    .slice(0, max);
}
