/**
 * What ties the events of one article together, beyond each event itself:
 *
 * - itineraries: a meeting or a site visit during a trip belongs to the trip
 *   (the visit to the country that covers its day);
 * - outcomes: an agreement or a signing on the day of a meeting between the
 *   same parties came out of that meeting;
 * - reactions: a statement by a third state about the main event, within a
 *   week after it (a spokesperson's concern, a government's support);
 * - delegations: the people a sentence lists as a delegation (代表団, 同行,
 *   出席, 随行) are attached to the event it speaks of, with their titles.
 */
import type { Lexicon } from "../../lexicon/lexicon.js";
import type { PipelineContext } from "../../pipeline/context.js";
import { type AnalysedDocument, citeSpan } from "../../pipeline/document.js";
import { isLeader } from "../../resolve/actors.js";
import { fromEpochDay, spanDays, toIso } from "../timex/calendar.js";
import { countsFrom } from "../timex/tagger.js";
import type { ExtractedEvent, ExtractedQuote } from "../types.js";
import { countriesOf, deadBy, hostOf, hostStateOf, stateOf, TRIP_DAYS, visitorOf } from "./sides.js";
import { bylineEnd } from "./arguments.js";

const days = (e: ExtractedEvent): [number, number] | null =>
  e.date ? spanDays(e.date.start, e.date.end) : null;

function within(inner: ExtractedEvent, outer: ExtractedEvent): boolean {
  const a = days(inner);
  const b = days(outer);
  return !!a && !!b && a[0] >= b[0] && a[0] <= b[1];
}

/**
 * キム総書記は2日に北京に到着し…4日、人民大会堂で習主席と会談: a trip reported by its arrival lasts
 * while the traveller goes on meeting there in the days after — anywhere in the country, or with the
 * host's people, for a visit to the country; in the city or at the site, for a visit to a city or site.
 */
function extendToStay(trip: ExtractedEvent, events: readonly ExtractedEvent[], lex: Lexicon): void {
  const span = days(trip);
  const traveller = visitorOf(trip)?.id;
  const country = hostStateOf(trip);
  if (!span || !traveller || !country || trip.date?.granularity !== "day") return;
  // …until the traveller's next stop (コムソモリスク・ナ・アムーレに移動し): that is a trip of its own
  const nextStop = events
    .filter(
      (e) =>
        e !== trip && e.mode === "visit" && visitorOf(e)?.id === traveller && e.place?.id !== trip.place?.id,
    )
    .map((e) => days(e)?.[0] ?? Infinity)
    .filter((d) => d > span[0])
    .reduce((a, b) => Math.min(a, b), Infinity);
  let end = span[1];
  for (const e of events) {
    const d = days(e);
    if (e === trip || !d || e.type !== "CONSULT" || e.mode === "visit" || REMOTE_MODES.has(e.mode ?? ""))
      continue;
    if (d[0] <= end || d[0] > span[0] + TRIP_DAYS || d[0] >= nextStop) continue;
    if (!e.participants.some((p) => p.actor.id === traveller)) continue;
    const there =
      trip.place?.kind !== "country"
        ? !!e.place?.id &&
          (e.place.id === trip.place?.id || lex.places.get(e.place.id)?.within === trip.place?.id)
        : e.place
          ? e.place.country === country || e.place.id === country
          : e.participants.some((p) => p.actor.id !== traveller && stateOf(p.actor) === country);
    if (there) end = d[0];
  }
  if (end > span[1]) trip.date = { ...trip.date, end: toIso(fromEpochDay(end)), granularity: "range" };
}

/** A call is made from wherever each side is: it takes no place from a trip. */
const REMOTE_MODES = new Set(["phone"]);

/**
 * Meetings and site visits during a trip point to it (the visit to the country, when the article
 * reports one); a meeting without a place of its own takes the most precise place the traveller is
 * reported at that day: ハノイ滞在中の安倍首相は…会談, ピョンヤンに到着し、…外相と会談.
 */
export function linkItineraries(events: ExtractedEvent[], lex: Lexicon): void {
  const trips = events
    .filter((e) => e.type === "CONSULT" && e.mode === "visit" && e.place)
    .sort((a, b) => Number(b.place?.kind === "country") - Number(a.place?.kind === "country"));
  for (const trip of trips) extendToStay(trip, events, lex);
  for (const e of events) {
    const during = trips.filter((trip) => {
      if (trip === e) return false;
      const traveller = visitorOf(trip)?.id;
      const sameTraveller = e.participants.some((p) => p.actor.id === traveller);
      const siteVisit = e.mode === "visit" && hostOf(e)?.id === hostOf(trip)?.id;
      // on a day with two countries (北朝鮮訪問を終えた後、ベトナムを訪れ、ハノイで…会談), the one it was held in
      const country = hostStateOf(trip);
      const elsewhere = !!e.place?.country && !!country && e.place.country !== country;
      // (nor a trip told only by its year, or only planned, for a meeting told by its day as held: 9日、
      // 李首相と会談した。首相は年内に訪中したい考えを伝えた)
      const vaguer =
        (trip.date?.granularity === "year" && e.date?.granularity !== "year") ||
        (e.status === "occurred" && trip.status !== "occurred");
      return sameTraveller && within(e, trip) && (e.mode !== "visit" || siteVisit) && !elsewhere && !vaguer;
    });
    if (during.length === 0) continue;
    e.links.trip = during[0]!.id;
    const precise = during.find((t) => t.place?.kind !== "country") ?? during[0]!;
    if (!e.place && !REMOTE_MODES.has(e.mode ?? "")) e.place = precise.place;
  }
  // a meeting on the sidelines of a summit one of its people attends that day is held where the summit is
  const summits = events.filter((e) => e.type === "CONSULT" && e.mode === "multilateral" && e.place);
  for (const e of events) {
    if (e.place || e.type !== "CONSULT" || e.mode === "visit" || REMOTE_MODES.has(e.mode ?? "")) continue;
    const summit = summits.find(
      (m) =>
        m !== e &&
        within(e, m) &&
        // (not one told only by its year, 年内に日本で開かれる予定の韓中日首脳会議, for talks told by their day)
        (m.date?.granularity !== "year" || e.date?.granularity === "year") &&
        e.participants.some((p) => m.participants.some((q) => q.actor.id === p.actor.id)),
    );
    if (summit) e.place = summit.place;
  }
}

/**
 * An agreement or signing made on the day of a meeting of its parties is that meeting's outcome, and
 * was made where the meeting was held when the text does not say where.
 */
export function linkOutcomes(events: ExtractedEvent[]): void {
  const meetings = events.filter((e) => e.type === "CONSULT" && e.mode !== "visit");
  for (const e of events) {
    if (e.type !== "AGREE" && !(e.type === "SUPPORT" && e.mode === "sign")) continue;
    const mine = countriesOf(e);
    const candidates = meetings.filter((m) => {
      const d = days(m);
      const own = days(e);
      return (
        !!d && !!own && own[0] <= d[1] && d[0] <= own[1] && [...mine].every((c) => countriesOf(m).has(c))
      );
    });
    // of two meetings that day between the same states (習主席と, 李首相とも), the one its people met at
    const people = e.participants.filter((p) => p.actor.kind === "person").map((p) => p.actor.id);
    const meeting =
      candidates.find((m) => people.every((id) => m.participants.some((p) => p.actor.id === id))) ??
      candidates[0];
    if (!meeting) continue;
    e.links.partOf = meeting.id;
    // (or where in the country it took from a trip: the meeting's ソウル, not the trip's 韓国)
    const vaguer =
      e.place?.kind === "country" &&
      meeting.place?.kind !== "country" &&
      meeting.place?.country === e.place.id;
    // (nor a site the trip went to see that day: 顕忠院を訪れて献花した)
    const site = e.place?.kind === "site" && !!e.links.trip;
    if ((!e.place || vaguer || site) && meeting.place) e.place = meeting.place;
  }
}

const REACTION_TYPES = new Set(["ACCUSE", "SUPPORT", "REQUEST", "THREATEN", "SANCTION", "REJECT"]);

/** The event the article is about: its most reported meeting, else visit, else signing. */
function mainEvent(events: ExtractedEvent[]): ExtractedEvent | undefined {
  const rank = (e: ExtractedEvent) => (e.type === "CONSULT" ? (e.mode === "visit" ? 1 : 2) : 0);
  return events
    .filter((e) => e.type === "CONSULT" || (e.type === "SUPPORT" && e.mode === "sign"))
    .filter((e) => e.status === "occurred" || e.status === "planned")
    .sort((a, b) => rank(b) - rank(a) || b.evidence.length - a.evidence.length)[0];
}

/** Statements by other states about the main event, within a week after it. */
export function linkReactions(events: ExtractedEvent[], quotes: ExtractedQuote[]): void {
  const main = mainEvent(events);
  const span = main && days(main);
  if (!main || !span) return;
  const parties = countriesOf(main);
  const soon = (d: [number, number] | null) => !!d && d[0] >= span[0] - 1 && d[0] <= span[1] + 7;
  for (const e of events) {
    if (e === main || !REACTION_TYPES.has(e.type) || (e.type === "SUPPORT" && e.mode === "sign")) continue;
    const actor = e.participants.find((p) => p.role === "actor")?.actor;
    const country = actor?.country ?? actor?.id;
    if (!country || parties.has(country) || !soon(days(e))) continue;
    e.links.reactionTo = main.id;
  }
  for (const q of quotes) {
    const country = q.speaker?.country ?? null;
    if (!country) continue;
    if (parties.has(country)) q.event ??= main.id;
    else q.reactionTo = main.id;
  }
}

const DELEGATION_CUE = /代表団|同行|随行|出席|参加|陪席|同席|顔ぶれ/;

/**
 * 「ロシア側の代表団には、ラブロフ外相、ベロウソフ国防相…が同行している」: the people
 * listed with a delegation cue join the event the sentence speaks of — the
 * meeting it names, else the main event — as delegates, with their titles.
 */
const QUALIFIES = /^の(?!ほか|他|両氏|各氏|[0-9０-９一二三四五六七八九十数]+人)/;

export function attachDelegations(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  events: ExtractedEvent[],
): void {
  const text = doc.norm.text;
  const main = mainEvent(events);
  if (!main) return;
  for (const s of doc.sentences) {
    const sentence = text.slice(s.start, s.end);
    if (!DELEGATION_CUE.test(sentence)) continue;
    const raw = citeSpan(doc, s.start, s.end);
    // the meeting whose evidence includes this sentence, else the main one
    const target =
      events.find(
        (e) => e.type === "CONSULT" && e.mode !== "visit" && e.evidence.some((ev) => ev.start === raw.start),
      ) ?? main;
    // (the correspondent of the byline, 【ハノイ=鈴木勝比古】, reports the sentence and is on no delegation)
    const from = bylineEnd(text, s.start, s.end);
    const people = doc.resolved.filter(
      (r) =>
        r.mention.start >= from &&
        r.mention.end <= s.end &&
        r.mention.kind === "person" &&
        !r.mention.anaphor &&
        r.actors.length === 1 &&
        // ウシャコフ補佐官によりますと: the source of the list is not on it
        !/^(?:によりますと|によると|によれば|は、?[^。]*と(?:明らかに|伝え))/.test(
          text.slice(r.mention.end, r.mention.end + 40),
        ) &&
        !doc.quotations.some((q) => q.speech && r.mention.start > q.start && r.mention.end < q.end),
    );
    if (people.length < 2 && !/代表団|同行|随行/.test(sentence)) continue;
    for (const r of people) {
      // 金正恩委員長の妹、金与正氏, 金委員長の親書: one who qualifies another person or thing is not on the list
      // (チェ・ソニ外相のほか, …の3人 go on with it)
      if (QUALIFIES.test(text.slice(r.mention.end, r.mention.end + 4))) continue;
      // (2015年10月に李克強首相に随行して以来: one of an earlier occurrence the text counts from is not on it)
      if (countsFrom(text, r.mention)) continue;
      const a = r.actors[0]!;
      if (target.participants.some((p) => p.actor.id === a.id)) continue;
      // only people of the parties' states: a commentator quoted nearby is not a delegate
      if (!a.country || !countriesOf(target).has(a.country)) continue;
      if (deadBy(ctx.lexicon, a, target.date?.start)) continue;
      const span = citeSpan(doc, r.mention.start, r.mention.end);
      const cited = { start: span.start, end: span.end, text: doc.source.body.slice(span.start, span.end) };
      // 日中韓の首脳会議…岸田総理大臣、中国の李強首相、…が出席: the state's own leader there takes its place
      const state = target.participants.findIndex(
        (p) => p.actor.kind === "state" && p.actor.id === a.country,
      );
      const title = a.title ? { title: a.title } : {};
      if (
        state >= 0 &&
        target.mode === "multilateral" &&
        isLeader(ctx.lexicon, a, target.date?.start ?? null)
      ) {
        target.participants[state] = { actor: a, role: target.participants[state]!.role, ...title, cited };
        continue;
      }
      target.participants.push({ actor: a, role: "delegate", ...title, cited });
    }
  }
}
