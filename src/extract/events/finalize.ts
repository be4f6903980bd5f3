/**
 * After merging: what is not an event is dropped, modes are refined from
 * the participants and the place, background occurrences (「2019年4月の
 * 会談以来」) are added, and events are linked (a meeting to the trip it
 * belongs to) and numbered.
 */
import type { PipelineContext } from "../../pipeline/context.js";
import { type AnalysedDocument, citeSpan } from "../../pipeline/document.js";
import { fromEpochDay, spanDays, toIso } from "../timex/calendar.js";
import type { ActorRef } from "../../resolve/actors.js";
import type { ExtractedEvent } from "../types.js";
import { placeByArrivals } from "./itinerary.js";
import { datelineMention, eventPlace } from "./place.js";
import { stateActor } from "./participants.js";
import { attachDelegations, linkItineraries, linkOutcomes } from "./links.js";
import {
  beforeCareer,
  countriesOf,
  deadBy,
  hostStateOf,
  inSession,
  stateOf,
  TRIP_DAYS,
  visitorOf,
} from "./sides.js";

const RECIPROCAL = new Set(["CONSULT", "AGREE", "SUPPORT", "COOPERATE"]);
/**
 * A government's criticism, protest or rejection (韓国外務省は…論評を出し、両国を批判しました): news of
 * the day wherever the article reports it, even without a date of its own (links.ts's REACTION_TYPES
 * is wider: what may react to the main event).
 */
const CRITICISMS = new Set(["ACCUSE", "PROTEST", "REJECT"]);

/**
 * 【ニューヨーク共同】国連安全保障理事会は11日…公開会合を開き: a meeting the lead reports without a
 * place was held where the report was filed from — when the city is in a state that took part, or
 * the meeting gathered several (a correspondent in Seoul reports Pyongyang's talks with Moscow).
 */
function placeAtDateline(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  events: ExtractedEvent[],
  leadEnd: number,
): void {
  const city = datelineMention(doc);
  const entry = city?.kind === "place" && city.entityId ? ctx.lexicon.places.get(city.entityId) : undefined;
  if (!city || !entry || entry.kind !== "city") return;
  const place = eventPlace(doc, ctx, {
    start: city.start,
    end: city.end,
    id: city.entityId!,
    entry,
    particle: "",
  });
  for (const e of events) {
    if (e.place || e.type !== "CONSULT" || (e.mode !== "meet" && e.mode !== "multilateral")) continue;
    if (!e.evidence.some((ev) => ev.start < leadEnd)) continue;
    if (e.mode === "multilateral" || countriesOf(e).has(entry.country ?? "")) e.place = place;
  }
}

/**
 * A meeting or visit the article dates only by the text around it, by the
 * traveller of a trip it reports as made, in the state hosting that trip, a
 * few days after it began: a stop on the trip's itinerary.
 */
function onTrip(e: ExtractedEvent, trip: ExtractedEvent): boolean {
  // (a meeting, or what is signed or agreed at one: 経済協力の関連文書にも署名する予定だ)
  const onePlace = e.type === "CONSULT" || e.type === "AGREE" || (e.type === "SUPPORT" && e.mode === "sign");
  if (e === trip || !onePlace || !e.date || !trip.date || !withTheHost(e, trip)) return false;
  const days = (Date.parse(e.date.start) - Date.parse(trip.date.start)) / 86_400_000;
  return days >= 0 && days <= TRIP_DAYS;
}

/**
 * Whether `e` has the traveller of `trip` in its host state: a visit to the same state, a meeting with
 * someone of it, or (`orThere`) one held in it.
 */
function withTheHost(e: ExtractedEvent, trip: ExtractedEvent, orThere = false): boolean {
  const visitor = visitorOf(trip);
  const state = hostStateOf(trip);
  if (visitor?.kind !== "person" || !state) return false;
  if (!e.participants.some((p) => p.actor.id === visitor.id)) return false;
  if (e.mode === "visit") return hostStateOf(e) === state;
  return (
    (orThere && e.place?.country === state) ||
    e.participants.some((p) => p.actor.id !== visitor.id && stateOf(p.actor) === state)
  );
}

/**
 * A city's state on the event's day, not today's: シュルツ長官がモスクワを訪れ in 1987 visits the Soviet
 * Union, and コール首相 meeting ゴルバチョフ大統領 there in 1990 meets him at home. The state the place
 * was read as visiting changes with it; a state the text names itself is left as named.
 */
function placeInItsDay(ctx: PipelineContext, e: ExtractedEvent): void {
  const country = e.place?.country;
  if (!e.place || !country || e.place.id === country || !e.date) return;
  const then = ctx.lexicon.stateOn(country, e.date.start);
  if (then === country) return;
  e.place = { ...e.place, country: then };
  if (e.mode === "visit")
    e.participants = e.participants.map((p) =>
      p.role === "recipient" && p.actor.kind === "state" && p.actor.id === country
        ? { ...p, actor: stateActor(ctx.lexicon, then) }
        : p,
    );
}

/** The visits of a status the text dates in their own clause or sentence: trips it reports. */
const tripsTold = (events: ExtractedEvent[], status: ExtractedEvent["status"]) =>
  events.filter(
    (e) =>
      e.type === "CONSULT" &&
      e.mode === "visit" &&
      e.status === status &&
      (e.date?.source === "clause" || e.date?.source === "sentence"),
  );

export function finalizeEvents(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  events: ExtractedEvent[],
): ExtractedEvent[] {
  const lead = doc.sentences.filter((s) => !s.headline).slice(0, 2);
  const last = lead[lead.length - 1];
  const leadEnd = last ? citeSpan(doc, last.start, last.end).end : 0;
  // the dead take part in nothing after their death: 孫文が通った店で, 金日成主席の生誕記念日に
  for (const e of events)
    e.participants = e.participants.filter((p) => !deadBy(ctx.lexicon, p.actor, e.date?.start));
  // and what was signed or agreed before anyone held office stands for their states: 1965年の…際に交わした協定
  for (const e of events)
    if (e.type === "AGREE" || (e.type === "SUPPORT" && e.mode === "sign"))
      e.participants = e.participants.map((p) =>
        beforeCareer(ctx.lexicon, p.actor, e.date?.end) && p.actor.country
          ? { ...p, actor: stateActor(ctx.lexicon, p.actor.country) }
          : p,
      );
  for (const e of events) placeInItsDay(ctx, e);
  const trips = tripsTold(events, "occurred");
  const redated = dateVisitsByTheirMeetings(events);
  dateTourStops(events);
  for (const e of datePlansByTheirTrip(events)) redated.add(e);
  for (const e of plansAfterTheDay(doc, events, (e) => redated.has(e) || trips.some((t) => onTrip(e, t))))
    redated.add(e);
  const kept = events.filter((e) => {
    if (e.type === "NONE") return false;
    const parties = e.participants.length;
    if (e.type === "CONSULT" && e.mode === "visit" && !e.participants.some((p) => p.role === "recipient"))
      return false;
    if (
      !(e.type === "CONSULT" && e.mode === "visit") &&
      RECIPROCAL.has(e.type) &&
      !(e.type === "SUPPORT" && e.mode !== "sign") &&
      parties < 2 &&
      !inSession(
        e.type,
        e.mode,
        e.participants.map((p) => p.actor),
      )
    )
      return false;
    // a held event the text never dates is background, unless the lead reports it as today's news
    if (
      e.date?.source === "published" &&
      !e.evidence.some((ev) => ev.start < leadEnd) &&
      !(CRITICISMS.has(e.type) && e.status === "occurred")
    )
      return false;
    // an event that is not reported as held needs its own date: no date, no plan — but the next
    // stop of a trip the article dates is dated by the trip (北京の後、ハルビンを訪問し…出席する)
    if (
      e.status !== "occurred" &&
      (!e.date ||
        e.date.source === "published" ||
        (e.date.source === "discourse" && !trips.some((t) => onTrip(e, t)) && !redated.has(e)))
    )
      return false;
    return true;
  });
  representByDelegates(doc, kept);
  representByMeetingParticipants(kept);
  // what the article dates after its own publication has not happened yet: a schedule
  // written in the past tense (…と会談した後、重慶に移動する) is still a plan
  const published = doc.source.published;
  if (published && published.length === 10) {
    for (const e of kept)
      if (e.status === "occurred" && e.date && e.date.start > published) e.status = "planned";
  }
  const meetings = kept.filter((e) => e.type === "CONSULT" && e.mode === "meet");
  for (const e of meetings) if (countriesOf(e).size >= 3) e.mode = "multilateral";
  // a meeting of two abroad is hosted by a third party, unless it is on the sidelines of a summit
  // of three or more held there then (the meetings just found to be such count), or of a gathering
  // named beside it
  const summits = kept.filter((e) => e.mode === "multilateral");
  const atSummit = (e: ExtractedEvent) =>
    summits.some(
      (s) =>
        withinADay(s, e) && (!s.place?.country || !e.place?.country || s.place.country === e.place.country),
    ) || gatheringNamedBeside(doc, ctx, e, summits);
  for (const e of meetings) {
    if (e.mode !== "meet") continue;
    const here = e.place?.country;
    // (each party's state on the day: ゴルバチョフ大統領, of Russia in the lexicon, met at home in Moscow in 1990)
    const theirs = [...countriesOf(e)].map((c) => ctx.lexicon.stateOn(c, e.date?.start));
    if (here && !theirs.includes(here) && !atSummit(e)) e.mode = "third-party";
  }
  kept.forEach((e, i) => {
    e.id = `${doc.source.id}#e${i + 1}`;
  });
  visitTheCity(doc, ctx, kept);
  linkItineraries(kept, ctx.lexicon);
  attachDelegations(doc, ctx, kept);
  // a place the text gives, or the trip's, comes before the dateline's
  placeAtDateline(doc, ctx, kept, leadEnd);
  placeByCompany(doc, ctx, kept);
  placeByArrivals(doc, ctx, kept);
  // last, once the meetings have their places: the outcomes take them
  linkOutcomes(kept);
  return kept;
}

/**
 * 文氏は日帰りで来日する (after 安倍首相は9日、…文氏と会談する予定だ): a visit the text dates only by the
 * discourse is made on the days its traveller is reported meeting someone of the host state, or in it.
 * Returns the visits so dated.
 */
function dateVisitsByTheirMeetings(events: ExtractedEvent[]): Set<ExtractedEvent> {
  const redated = new Set<ExtractedEvent>();
  for (const v of events) {
    if (v.type !== "CONSULT" || v.mode !== "visit" || v.date?.source !== "discourse") continue;
    const days = meetingsInTheHostState(events, v)
      .filter((m) => m.status === v.status)
      .map((m) => dayOf(m))
      .filter((d): d is [number, number] => !!d && d[1] - d[0] <= TRIP_DAYS);
    if (days.length === 0) continue;
    const [start, end] = daysSpanned(days);
    if (end - start > TRIP_DAYS) continue;
    v.date = { ...v.date, ...isoSpan(start, end) };
    redated.add(v);
  }
  return redated;
}

/**
 * 岸田首相が9日から12日までの日程で…モンゴルの3か国を訪問 … モンゴルでフレルスフ大統領と会談する予定: what a
 * planned trip's traveller plans in one of its host states, with no date of its own or only one the
 * text gave for something else, is planned for the days of the trip (a day inside them stays).
 * Returns the events so dated.
 */
function datePlansByTheirTrip(events: ExtractedEvent[]): ExtractedEvent[] {
  const trips = tripsTold(events, "planned");
  const dated: ExtractedEvent[] = [];
  for (const e of events) {
    const planned = e.status === "planned" || e.status === "speculated";
    const own = e.date?.source === "clause" || e.date?.source === "sentence";
    if (!planned || own || e.mode === "visit" || e.mode === "phone") continue;
    const trip = trips.find((t) => withTheHost(e, t, true));
    const span = trip && dayOf(trip);
    if (!trip || !span) continue;
    // (the first or last day of the trip's own span, 9日から12日まで, is no day of what is planned on it)
    const days = e.date?.source === "discourse" ? dayOf(e) : null;
    const within =
      !!days && days[0] >= span[0] && days[1] <= span[1] && (span[0] === span[1] || !span.includes(days[0]));
    if (!within) e.date = { ...trip.date!, source: "discourse" };
    dated.push(e);
  }
  return dated;
}

/** The meetings, dated by their own clause or sentence, that the visitor of `v` has in or with its host state. */
function meetingsInTheHostState(events: ExtractedEvent[], v: ExtractedEvent): ExtractedEvent[] {
  const visitor = visitorOf(v)?.id;
  const host = hostStateOf(v);
  if (!visitor || !host) return [];
  return events.filter(
    (m) =>
      m !== v &&
      m.type === "CONSULT" &&
      m.mode !== "visit" &&
      m.mode !== "phone" &&
      (m.date?.source === "clause" || m.date?.source === "sentence") &&
      m.participants.some((p) => p.actor.id === visitor) &&
      (m.place?.country === host ||
        m.participants.some((p) => p.actor.id !== visitor && stateOf(p.actor) === host)),
  );
}

/** The first and last of some days (epoch day numbers). */
const daysSpanned = (days: [number, number][]): [number, number] => [
  Math.min(...days.map((d) => d[0])),
  Math.max(...days.map((d) => d[1])),
];

/** An event date's bounds and granularity for a span of epoch days. */
const isoSpan = (start: number, end: number) => ({
  start: toIso(fromEpochDay(start)),
  end: toIso(fromEpochDay(end)),
  granularity: start === end ? ("day" as const) : ("range" as const),
});

/** このあと, この後, その後: a sentence that goes on from the day the text is at. */
const AFTER_THIS = /^(?:このあと|この後|その後|そのあと)、?/;

/**
 * このあと、ミャンマーとオーストラリアを訪れ、…に出席する予定です: a plan with no day of its own, in a sentence
 * that goes on from the day the text is at, is after that day, in its month — not undated.
 */
function plansAfterTheDay(
  doc: AnalysedDocument,
  events: ExtractedEvent[],
  /** Plans dated already, by their trip (その後、…シカゴを訪れ、21日まで滞在する). */
  datedByTrip: (e: ExtractedEvent) => boolean,
): ExtractedEvent[] {
  const dated: ExtractedEvent[] = [];
  for (const e of events) {
    if (e.status !== "planned" || e.date?.source !== "discourse" || e.date.granularity !== "day") continue;
    if (datedByTrip(e)) continue;
    const at = e.evidence[0]!.start;
    const sentence = doc.source.body.slice(at, at + 32).replace(/^[\s　]+/, "");
    const topicFirst = /^[^、。]{1,20}?(?:は|も)、/.exec(sentence);
    if (!AFTER_THIS.test(sentence) && !(topicFirst && AFTER_THIS.test(sentence.slice(topicFirst[0].length))))
      continue;
    const day = spanDays(e.date.start, e.date.start)![0];
    const monthEnd = spanDays(e.date.start.slice(0, 7), e.date.start.slice(0, 7))![1];
    e.date = { ...e.date, ...isoSpan(day, monthEnd), granularity: "range", source: "sentence" };
    dated.push(e);
  }
  return dated;
}

/**
 * 1月9日から15日までの日程でフランス、イタリア、英国、カナダ及び米国を訪問: each state of a tour (a
 * traveller's visits to several states over the same days) is visited on the days, within the tour's,
 * that the traveller is reported meeting someone of it (9日にはパリでマクロン大統領と…), and is visited as
 * those meetings are: held, or still planned.
 */
function dateTourStops(events: ExtractedEvent[]): void {
  const tours = new Map<string, { tour: [number, number]; stops: ExtractedEvent[] }>();
  for (const v of events) {
    const tour = v.type === "CONSULT" && v.mode === "visit" ? dayOf(v) : null;
    if (!tour || tour[0] === tour[1]) continue;
    const key = `${visitorOf(v)?.id}|${tour[0]}|${tour[1]}`;
    const entry = tours.get(key) ?? { tour, stops: [] };
    entry.stops.push(v);
    tours.set(key, entry);
  }
  for (const { tour, stops } of tours.values()) {
    if (stops.length < 2) continue;
    for (const v of stops) {
      const meetings = meetingsInTheHostState(events, v)
        .map((m) => ({ m, days: dayOf(m) }))
        .filter((x): x is { m: ExtractedEvent; days: [number, number] } => !!x.days)
        .filter(({ days }) => days[0] >= tour[0] && days[1] <= tour[1]);
      if (meetings.length === 0) continue;
      const [start, end] = daysSpanned(meetings.map((x) => x.days));
      v.date = { ...v.date!, ...isoSpan(start, end) };
      const statuses = new Set(meetings.map((x) => x.m.status));
      if (statuses.size === 1) v.status = meetings[0]!.m.status;
    }
  }
}

/**
 * 8日に羽田空港に到着した, 順安空港で出迎えを受けた: a visit goes to the city, not to the airport the
 * traveller arrived at (cited by the city's name where the text gives it, else by the airport's).
 */
function visitTheCity(doc: AnalysedDocument, ctx: PipelineContext, events: ExtractedEvent[]): void {
  const lex = ctx.lexicon;
  for (const e of events) {
    if (e.type !== "CONSULT" || e.mode !== "visit" || !e.place?.id || !e.place.cited) continue;
    const entry = lex.places.get(e.place.id);
    if (entry?.kind !== "airport" || !entry.within) continue;
    const city = lex.places.get(entry.within);
    if (city?.kind !== "city") continue;
    const named = doc.mentions.find((m) => m.kind === "place" && m.entityId === city.id);
    e.place = named
      ? eventPlace(doc, ctx, { start: named.start, end: named.end, id: city.id, entry: city, particle: "" })
      : {
          ...e.place,
          id: city.id,
          names: [...lex.namesOf("place", city.id), e.place.cited.text],
          kind: city.kind,
          country: city.country,
        };
  }
}

const dayOf = (e: ExtractedEvent) => (e.date ? spanDays(e.date.start, e.date.end) : null);

/**
 * 上川氏は前日、王氏と約100分間会談 (after the three ministers met in Busan on the 26th), 習氏は同日、
 * ミシュスチン首相とも会談 (after meeting Putin in Moscow's Kremlin): a meeting the text gives no
 * place for, or only the country of a trip, was held in the city where its people are reported that
 * day — the same day by any of them, the day before or after only when all of them were there. The
 * city, not a venue: the venue is its own event's.
 */
function placeByCompany(doc: AnalysedDocument, ctx: PipelineContext, events: ExtractedEvent[]): void {
  const lex = ctx.lexicon;
  const persons = (e: ExtractedEvent) =>
    e.participants.filter((p) => p.actor.kind === "person").map((p) => p.actor.id);
  const located = events.filter(
    (e) => e.type === "CONSULT" && e.mode !== "phone" && e.place?.id && e.place.kind !== "country",
  );
  for (const e of events) {
    if (e.type !== "CONSULT" || (e.mode !== "meet" && e.mode !== "multilateral")) continue;
    if (e.place && e.place.kind !== "country") continue;
    const d = dayOf(e);
    const mine = persons(e);
    if (!d || d[0] !== d[1] || mine.length === 0) continue;
    const there = (o: ExtractedEvent, all: boolean) => {
      const od = dayOf(o);
      if (o === e || !od || od[0] !== od[1]) return false;
      const theirs = new Set(persons(o));
      const dayApart = Math.abs(od[0] - d[0]);
      if (dayApart === 0) return all ? mine.every((id) => theirs.has(id)) : mine.some((id) => theirs.has(id));
      return all && dayApart === 1 && mine.every((id) => theirs.has(id));
    };
    const other = located.find((o) => there(o, true)) ?? located.find((o) => there(o, false));
    if (!other?.place?.id) continue;
    const entry = lex.places.get(other.place.id);
    const cityId = entry?.kind === "city" || entry?.kind === "region" ? other.place.id : entry?.within;
    if (!cityId) continue;
    if (e.place && lex.places.get(cityId)?.country !== e.place.id) continue;
    const cited = doc.mentions.find((m) => m.kind === "place" && m.entityId === cityId);
    if (!cited) continue;
    e.place = eventPlace(doc, ctx, {
      start: cited.start,
      end: cited.end,
      id: cityId,
      entry: lex.places.get(cityId) ?? null,
      particle: "",
    });
  }
}

/**
 * 「米中は…ことで一致した」: an agreement or a signing between states at a
 * meeting of their leaders was made by those leaders — the persons of the
 * meeting stand for their states.
 */
function representByMeetingParticipants(events: ExtractedEvent[]): void {
  // held meetings first: a plan mentioned the same day is a weaker witness
  const meetings = events
    .filter((e) => e.type === "CONSULT" && e.mode !== "visit")
    .sort((a, b) => Number(b.status === "occurred") - Number(a.status === "occurred"));
  for (const e of events) {
    if (e.type !== "AGREE" && !(e.type === "SUPPORT" && e.mode === "sign")) continue;
    // (両国政府は…協力文書にも調印した: signed by the governments, not their leaders)
    if (e.evidence.some((ev) => SIGNED_BY_GOVERNMENTS.test(ev.text))) continue;
    for (const [i, p] of e.participants.entries()) {
      if (p.actor.kind !== "state") continue;
      const witnesses = meetings.filter(
        (m) =>
          sameDay(m, e) &&
          m.participants.some((q) => q.actor.kind === "person" && q.actor.country === p.actor.id),
      );
      // of meetings equally held, the one reported last before it (首相はこれに先立ち…李克強首相と会談した。
      // …協定に署名した: not the evening's summit told first)
      const reportedBefore = (m: ExtractedEvent) =>
        Math.max(-1, ...m.evidence.filter((ev) => ev.start <= e.trigger.start).map((ev) => ev.start));
      const meeting =
        witnesses
          .filter((m) => m.status === witnesses[0]?.status && reportedBefore(m) >= 0)
          .sort((a, b) => reportedBefore(b) - reportedBefore(a))[0] ?? witnesses[0];
      const person = meeting?.participants.find(
        (q) => q.actor.kind === "person" && q.actor.country === p.actor.id,
      );
      if (person && !e.participants.some((q) => q.actor.id === person.actor.id))
        e.participants[i] = { ...person, role: p.role };
    }
  }
}

/** 両国政府は…調印, 両政府が…署名: the governments of both states sign, not their leaders. */
const SIGNED_BY_GOVERNMENTS = /(?:両国政府|両政府)(?:が|は)[^。]{0,60}?(?:署名|調印)/;

/** 日本側代表の(杉山局長), 北朝鮮側は(宋大使が代表を務めた): a state's side, then who represented it. */
const SIDE_LED_BY = /^側(?:代表の|の(?:首席)?代表の|は)/;
/** Days around the publication within which talks are the article's own, whose delegates it names. */
const TALKS_OF_THE_DAY = 7;

/**
 * 日朝政府間協議は16日閉幕した。日本側代表の杉山晋輔局長は…。北朝鮮側は宋日昊大使が代表を務めた: talks the
 * article reports between two states, led by the delegates it names for each side, are between those
 * delegates (and what was agreed there, by representByMeetingParticipants, too).
 */
function representByDelegates(doc: AnalysedDocument, events: ExtractedEvent[]): void {
  const text = doc.norm.text;
  const delegates = new Map<string, ActorRef>();
  for (const r of doc.resolved) {
    const state = r.mention.kind === "state" ? r.actors[0] : undefined;
    const side = state && SIDE_LED_BY.exec(text.slice(r.mention.end, r.mention.end + 8));
    if (!state || !side || delegates.has(state.id)) continue;
    const from = r.mention.end + side[0].length;
    const end = text.indexOf("。", from) < 0 ? text.length : text.indexOf("。", from);
    // (側は…: only where the sentence says who represented it)
    if (side[0].endsWith("は") && !/代表を務め|首席代表|団長/.test(text.slice(from, end))) continue;
    const person = doc.resolved.find(
      (p) =>
        p.mention.kind === "person" &&
        p.mention.start >= from &&
        p.mention.start <= from + 24 &&
        p.mention.end <= end &&
        p.actors.length === 1,
    );
    if (person) delegates.set(state.id, person.actors[0]!);
  }
  const published = doc.source.published ? Date.parse(doc.source.published) : Number.NaN;
  const delegate = new Set([...delegates.values()].map((a) => a.id));
  for (const e of events) {
    const talks = e.type === "CONSULT" && e.mode !== "visit" && e.mode !== "phone";
    if (!(talks || e.type === "AGREE") || e.participants.length !== 2) continue;
    const represented = (p: ExtractedEvent["participants"][number]) =>
      p.actor.kind === "state" && delegates.has(p.actor.id);
    const fits = talks
      ? e.participants.every(represented)
      : // what the talks agreed, told by one delegate (協議を継続していくことで北朝鮮側と一致した): the other side
        // is its delegate too — but what 日朝両政府が合意した is the states'
        e.participants.some((p) => delegate.has(p.actor.id)) && e.participants.some(represented);
    if (!fits) continue;
    if (!e.date || !(Math.abs(Date.parse(e.date.start) - published) <= TALKS_OF_THE_DAY * 86_400_000))
      continue;
    e.participants = e.participants.map((p) =>
      represented(p) ? { ...p, actor: delegates.get(p.actor.id)! } : p,
    );
  }
}

/** Text around a report within which a gathering it is held beside is named (国連総会に合わせて…懇談). */
const GATHERING_WINDOW = 120;

/**
 * A gathering named around the meeting's reports (APEC首脳会議が開かれているリマで, 国連総会に合わせて):
 * two leaders who meet abroad then are at it, not the guests of a third state's summit.
 */
function gatheringNamedBeside(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  e: ExtractedEvent,
  summits: readonly ExtractedEvent[],
): boolean {
  const body = doc.source.body;
  return e.evidence.some((ev) => {
    const from = Math.max(0, ev.start - GATHERING_WINDOW);
    const to = ev.end + GATHERING_WINDOW;
    // (not a summit read from that text and held on other days: G20サミットに出席した。…30日、ハノイで会談した)
    const elsewhen = summits.some(
      (s) => !withinADay(s, e) && s.evidence.some((sv) => sv.start < to && sv.end > from),
    );
    return !elsewhen && ctx.gatheringWords.some((w) => body.slice(from, to).includes(w));
  });
}

/** Dates a day apart at most: reports from another time zone (19日未明, Japan time) put a day on either side. */
function withinADay(a: ExtractedEvent, b: ExtractedEvent): boolean {
  const x = a.date && spanDays(a.date.start, a.date.end);
  const y = b.date && spanDays(b.date.start, b.date.end);
  return !!x && !!y && x[0] <= y[1] + 1 && y[0] <= x[1] + 1;
}

function sameDay(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (!a.date || !b.date) return false;
  return a.date.start <= b.date.end && b.date.start <= a.date.end;
}
