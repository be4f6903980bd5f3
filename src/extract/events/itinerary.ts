/**
 * What a trip the article reports tells about the events on it:
 *
 * - where the traveller is between the days the text dates: the cities it
 *   says they arrive in or move to (北京に到着後, 西部の重慶市に移動する,
 *   平壌入りした), each on the date the text is at there — a meeting on the
 *   trip placed only in the trip's country is held in the city the traveller
 *   last reached before it;
 * - a site the lexicon does not know, visited then, is in the trip's state;
 * - a meeting then that names only the traveller is with the one host the
 *   traveller is reported meeting.
 */
import type { PipelineContext } from "../../pipeline/context.js";
import { type AnalysedDocument, citeSpan, inReportedSpeech, sentenceAt } from "../../pipeline/document.js";
import { spanDays } from "../timex/calendar.js";
import type { ExtractedEvent } from "../types.js";
import { discourseDates } from "./discourse.js";
import { eventPlace } from "./place.js";
import { hostStateOf, stateOf, TRIP_DAYS, visitorOf } from "./sides.js";

/** After a city (or its airport or station): the traveller reaches it. */
const REACHED = /^(?:の[^、。「」]{0,10}?(?:空港|駅))?(?:に(?:到着|移動|入っ|入り|入る)|入り|へ移動)/;

interface Arrival {
  /** Raw position, as evidence is cited. */
  at: number;
  city: string;
  day: number;
}

/** The arrivals the text reports, in text order, each dated by its sentence or the discourse. */
function arrivals(doc: AnalysedDocument, ctx: PipelineContext): Arrival[] {
  const text = doc.norm.text;
  const dates = discourseDates(doc);
  const out: Arrival[] = [];
  for (const m of doc.mentions) {
    if (m.kind !== "place" || !m.entityId || !REACHED.test(text.slice(m.end, m.end + 16))) continue;
    if (inReportedSpeech(doc, m.start, m.end)) continue;
    let entry = ctx.lexicon.places.get(m.entityId);
    if (entry?.kind === "airport" && entry.within) entry = ctx.lexicon.places.get(entry.within);
    if (entry?.kind !== "city") continue;
    const sentence = sentenceAt(doc, m.start);
    if (!sentence) continue;
    // the sentence's last date before the city (13日午前にソウルを出発し…北京に到着), else the discourse's
    const own = doc.timexes.filter(
      (t) => t.start >= sentence.start && t.end <= m.start && t.granularity === "day",
    );
    const timex = own[own.length - 1] ?? dates[sentence.index];
    const days = timex?.granularity === "day" ? spanDays(timex.value, timex.value) : null;
    if (!days) continue;
    out.push({
      at: citeSpan(doc, m.start, m.end).start,
      city: entry.id,
      day: days[0],
    });
  }
  return out;
}

/**
 * A meeting on a trip placed only in the trip's country takes the city its traveller last reached: on an
 * earlier day, or earlier in the text on the same day (…と会談した後、重慶市に移動する: the meeting is
 * before the move).
 */
export function placeByArrivals(doc: AnalysedDocument, ctx: PipelineContext, events: ExtractedEvent[]): void {
  const byId = new Map(events.map((e) => [e.id, e]));
  let reached: Arrival[] | undefined;
  for (const e of events) {
    if (e.type !== "CONSULT" || (e.mode !== "meet" && e.mode !== "multilateral")) continue;
    if (e.place?.kind !== "country" || !e.links.trip || !e.date) continue;
    const trip = byId.get(e.links.trip);
    const traveller = trip && visitorOf(trip);
    if (!trip?.date || !traveller || !e.participants.some((p) => p.actor.id === traveller.id)) continue;
    const days = spanDays(e.date.start, e.date.end);
    const tripDays = spanDays(trip.date.start, trip.date.end);
    if (!days || !tripDays || days[0] !== days[1]) continue;
    const [day] = days;
    const [tripStart] = tripDays;
    reached ??= arrivals(doc, ctx);
    const country = e.place.id;
    const last = reached
      .filter(
        (a) =>
          a.day >= tripStart &&
          (a.day < day || (a.day === day && a.at < e.trigger.start)) &&
          ctx.lexicon.places.get(a.city)?.country === country,
      )
      .sort((a, b) => a.day - b.day || a.at - b.at)
      .pop();
    if (!last) continue;
    const named = doc.mentions.find((m) => m.kind === "place" && m.entityId === last.city);
    if (!named) continue;
    e.place = eventPlace(doc, ctx, {
      start: named.start,
      end: named.end,
      id: last.city,
      entry: ctx.lexicon.places.get(last.city) ?? null,
      particle: "",
    });
  }
}

/** The visit of a trip the traveller is on during a day span (from its first day, up to TRIP_DAYS). */
function tripOf(traveller: string, days: [number, number], events: readonly ExtractedEvent[]) {
  return events.find((t) => {
    const span = t.type === "CONSULT" && t.mode === "visit" && t.date && spanDays(t.date.start, t.date.end);
    return (
      !!span &&
      hostStateOf(t) !== undefined &&
      visitorOf(t)?.id === traveller &&
      days[0] >= span[0] &&
      days[1] <= Math.max(span[1], span[0] + TRIP_DAYS)
    );
  });
}

/**
 * 金委員長は9日、…同仁堂の製薬工場を視察した: a site the lexicon does not know, visited on a trip the
 * article reports, is in the state the trip went to. Returns whether the visit was so completed.
 */
export function completeSiteVisit(e: ExtractedEvent, events: readonly ExtractedEvent[]): boolean {
  if (e.type !== "CONSULT" || e.mode !== "visit" || !e.date || e.participants.length !== 1) return false;
  const traveller = e.participants[0]!.actor;
  const days = spanDays(e.date.start, e.date.end);
  const trip = days && traveller.kind === "person" ? tripOf(traveller.id, days, events) : undefined;
  const host = trip?.participants.find((p) => p.role === "recipient" && p.actor.kind === "state");
  if (!trip || !host) return false;
  e.participants.push({ ...host });
  if (trip.place?.kind !== "country") e.place = trip.place;
  return true;
}

/**
 * 同日午後には朝鮮労働党本部庁舎で1回目の会談を行った: a meeting on a trip whose text names only the
 * traveller is with the one person of the host state the traveller is reported meeting elsewhere in the
 * article. Returns whether the meeting was so completed (not when there are none or several).
 */
export function completeTripMeeting(e: ExtractedEvent, events: readonly ExtractedEvent[]): boolean {
  if (e.type !== "CONSULT" || e.mode !== "meet" || !e.date || e.participants.length !== 1) return false;
  const traveller = e.participants[0]!.actor;
  const days = spanDays(e.date.start, e.date.end);
  if (traveller.kind !== "person" || !days) return false;
  const trip = tripOf(traveller.id, days, events);
  const host = trip && hostStateOf(trip);
  if (!host) return false;
  const met = new Map<string, ExtractedEvent["participants"][number]>();
  for (const m of events) {
    if (m === e || m.type !== "CONSULT" || m.mode !== "meet") continue;
    if (!m.participants.some((p) => p.actor.id === traveller.id)) continue;
    for (const p of m.participants)
      if (p.role === "actor" && p.actor.kind === "person" && stateOf(p.actor) === host)
        met.set(p.actor.id, p);
  }
  if (met.size !== 1) return false;
  e.participants.push({ ...[...met.values()][0]! });
  return true;
}
