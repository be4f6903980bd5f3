/**
 * Building documents with hand-made events for resolver tests: the events
 * are what an extractor could have produced, so these tests do not move
 * when extraction improves.
 */
import type { EventStatus, ExtractedEvent, Participant } from "../../src/extract/types.js";
import { loadLexicon } from "../../src/lexicon/lexicon.js";
import { normalise } from "../../src/normalise/normalise.js";
import type { AnalysedDocument } from "../../src/pipeline/document.js";
import { personRef, stateRef } from "../../src/resolve/actors.js";
import { resolutionObserver } from "../../src/resolve/events/observer.js";
import { type DB, openDatabase } from "../../src/store/database.js";
import { DocumentWriter } from "../../src/store/write.js";

export const lex = loadLexicon();

export const person = (id: string, date: string, role: Participant["role"] = "actor"): Participant => {
  const p = lex.people.get(id);
  if (!p) throw new Error(`no person ${id} in the lexicon`);
  return { actor: personRef(lex, p, date), role };
};
export const state = (id: string, role: Participant["role"] = "actor"): Participant => ({
  actor: stateRef(lex, id),
  role,
});

export interface EventSpec {
  type?: string;
  mode?: string | null;
  status?: EventStatus;
  date?: [string, string, string] | null; // start, end, granularity
  place?: string | null;
  participants: Participant[];
  object?: string;
  sentence: string;
}

export interface DocSpec {
  id: string;
  published: string;
  events: EventSpec[];
}

/** A document whose body is its events' sentences, and the events with spans into it. */
export function syntheticDocument(spec: DocSpec): { doc: AnalysedDocument; events: ExtractedEvent[] } {
  let body = "";
  const events: ExtractedEvent[] = spec.events.map((e, i) => {
    const start = body.length;
    body += e.sentence;
    const cited = { start, end: body.length, text: e.sentence };
    const place = e.place
      ? {
          id: e.place,
          names: [lex.places.get(e.place)?.name.ja ?? lex.states.get(e.place)?.name.ja ?? e.place],
          country: lex.places.get(e.place)?.country ?? (lex.states.has(e.place) ? e.place : undefined),
        }
      : null;
    return {
      id: `${spec.id}#e${i + 1}`,
      doc: spec.id,
      type: e.type ?? "CONSULT",
      mode: e.mode === undefined ? "meet" : e.mode,
      status: e.status ?? "occurred",
      date:
        e.date === null
          ? null
          : { start: e.date![0], end: e.date![1], granularity: e.date![2] as "day", source: "clause" },
      place,
      participants: e.participants,
      ...(e.object ? { object: e.object } : {}),
      trigger: cited,
      evidence: [cited],
      links: {},
    };
  });
  const doc: AnalysedDocument = {
    source: {
      id: spec.id,
      url: `https://example.org/${spec.id}`,
      published: spec.published,
      title: spec.id,
      lang: "ja",
      body,
      format: "text",
      path: `${spec.id}.txt`,
      encoding: "utf-8",
    },
    norm: normalise(body),
    sentences: [],
    quotations: [],
    apparatus: [],
    timexes: [],
    tokens: new Map(),
    mentions: [],
    resolved: [],
    messages: [],
    outOfScope: false,
    layers: {},
  };
  return { doc, events };
}

/** A fresh in-memory database and a function storing documents as ingestion does. */
export function eventDatabase(): { db: DB; store: (spec: DocSpec) => void } {
  const db = openDatabase(":memory:");
  const writer = new DocumentWriter(db, resolutionObserver(db, lex));
  return {
    db,
    store: (spec) => {
      const { doc, events } = syntheticDocument(spec);
      writer.store(doc, { events, quotes: [] });
    },
  };
}

/** The resolved events as comparable content: each live event with its record and its reports. */
export function eventTable(db: DB): unknown[] {
  const events = db.prepare("SELECT id, name_ja, status, date_start, data FROM events ORDER BY id").all();
  const reports = db.prepare("SELECT doc_event_id, event_id FROM event_reports ORDER BY doc_event_id").all();
  const actors = db.prepare("SELECT * FROM event_actors ORDER BY actor_id, event_id").all();
  const pairs = db.prepare("SELECT * FROM event_pairs ORDER BY a, b, event_id").all();
  return [events, reports, actors, pairs];
}

export const liveEvents = (db: DB) =>
  db
    .prepare("SELECT id, type, mode, status, date_start, name_ja, data FROM events ORDER BY date_start, id")
    .all() as {
    id: string;
    type: string;
    mode: string | null;
    status: string;
    date_start: string | null;
    name_ja: string;
    data: string;
  }[];

export const eventOf = (db: DB, report: string) =>
  (
    db.prepare("SELECT event_id FROM event_reports WHERE doc_event_id = ?").get(report) as
      { event_id: string } | undefined
  )?.event_id;
