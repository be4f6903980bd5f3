/**
 * PLOVER JSONL: one event per line, PLOVER's fields (id, date, enddate,
 * actor, recipient, event, mode, context, quad_code, event_scale, event_loc,
 * event_text, cite_info) and kaidan's extensions under `kaidan`: the name,
 * status and its history, quotes, delegations, per-field citations and
 * conflicts. Its JSON Schema is in plover-schema.ts.
 */
import { eventQuotes, eventSources } from "../query/card.js";
import type { EventFilter } from "../query/events.js";
import type { EventParticipant, EventRecord } from "../resolve/events/types.js";
import type { Lexicon } from "../lexicon/lexicon.js";
import type { DB } from "../store/database.js";
import { selectedEvents, type Write } from "./source.js";

function entity(p: EventParticipant, lex: Lexicon | null) {
  const person = p.kind === "person" ? lex?.people.get(p.id) : undefined;
  const org = p.kind === "organization" ? lex?.organizations.get(p.id) : undefined;
  const wikidata =
    person?.wikidata ?? org?.wikidata ?? (p.kind === "state" ? lex?.states.get(p.id)?.wikidata : undefined);
  return {
    code: p.represents ?? p.id,
    sector: person?.sector ?? org?.sector ?? (p.kind === "state" ? "GOV" : null),
    entity_text: p.ja,
    entity_name: p.en,
    identifier_id: wikidata ?? null,
    identifier_text: p.en,
    office: p.officeTitle ?? p.titles[0] ?? null,
    kaidan_id: p.id,
    kind: p.kind,
    titles: p.titles,
  };
}

export function ploverLine(db: DB, r: EventRecord, lex: Lexicon | null): Record<string, unknown> {
  const sources = eventSources(db, r.id, Number.MAX_SAFE_INTEGER);
  const quotes = eventQuotes(db, r.id);
  return {
    id: r.id,
    date: r.date?.start ?? null,
    ...(r.date && r.date.end !== r.date.start ? { enddate: r.date.end } : {}),
    actor: r.participants.filter((p) => p.role === "actor").map((p) => entity(p, lex)),
    recipient: r.participants.filter((p) => p.role === "recipient").map((p) => entity(p, lex)),
    event: [r.type],
    mode: r.mode ? [r.mode] : [],
    context: ["diplomatic"],
    quad_code: r.quad,
    event_scale: r.score,
    event_loc: r.place
      ? {
          extracted_place: r.place.ja,
          resolved_place: r.place.en,
          country_code: r.place.country,
          kaidan_place_id: r.place.id,
          feature: r.place.kind,
        }
      : null,
    event_text: sources.flatMap((s) => s.sentences.map((c) => c.text)),
    cite_info: sources.map((s) => ({
      citation: s.doc,
      url: s.url,
      title: s.title,
      published: s.published,
      language: "ja",
      coder: "kaidan",
    })),
    coder: "kaidan",
    kaidan: {
      name: r.name,
      status: r.status,
      status_history: r.statusHistory,
      granularity: r.date?.granularity ?? null,
      family: r.family,
      object: r.object,
      delegates: r.delegates.map((p) => entity(p, lex)),
      quotes: quotes.map((q) => ({
        doc: q.doc,
        start: q.start,
        end: q.end,
        text: q.text,
        speaker: q.speaker?.id ?? null,
        speaker_text: q.speakerText,
        speaker_kind: q.speakerKind,
      })),
      citations: Object.fromEntries(
        Object.entries(r.fields).map(([field, values]) => [
          field,
          values.map((v) => ({ value: v.value, reports: v.reports, spans: v.citations })),
        ]),
      ),
      sentences: sources.flatMap((s) => s.sentences),
      conflicts: r.conflicts,
      series: r.seriesKey,
      reports: r.reports.length,
      sources: r.docs.length,
    },
  };
}

export function writePloverJsonl(db: DB, filter: EventFilter, write: Write, lex: Lexicon | null): number {
  let n = 0;
  for (const r of selectedEvents(db, filter)) {
    write(`${JSON.stringify(ploverLine(db, r, lex))}\n`);
    n++;
  }
  return n;
}
