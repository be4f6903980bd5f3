/**
 * One event per real-world occurrence per document. The sentences that
 * report one summit — announced, held, described — become one event with
 * every sentence as evidence; the most precise date and the most specific
 * place win, and a report that it was held outranks earlier plans.
 */
import { organizationRef } from "../../resolve/actors.js";
import type { PipelineContext } from "../../pipeline/context.js";
import { type AnalysedDocument, citeSpan } from "../../pipeline/document.js";
import type { ActorRef } from "../../resolve/actors.js";
import { spanDays, toIso } from "../timex/calendar.js";
import { localDayOf } from "../timex/time-zones.js";
import type { Cited, EventDate, EventPlace, EventStatus, ExtractedEvent, Participant } from "../types.js";
import { type Candidate, citeSentence, eventDate, participantsOf } from "./extract.js";
import { eventPlace } from "./place.js";
import { countedFrom, meetingPlacedAgainst } from "./anchors.js";
import { completeSiteVisit, completeTripMeeting } from "./itinerary.js";
import { MEETING_LEVEL } from "../mentions.js";
import { inSession, meetingMode, PLACE_RANK } from "./sides.js";

const STATUS_RANK: Record<EventStatus, number> = {
  occurred: 5,
  cancelled: 4,
  planned: 3,
  speculated: 2,
  denied: 1,
};
const GRANULARITY_RANK: Record<string, number> = { day: 3, range: 3, month: 2, year: 1 };
const SOURCE_RANK: Record<EventDate["source"], number> = {
  clause: 4,
  sentence: 3,
  discourse: 2,
  published: 1,
};

/** Identities an actor answers to: itself, and for a person their state. */
const identities = (a: ActorRef) => (a.kind === "person" && a.country ? [a.id, a.country] : [a.id]);

function covers(big: Participant[], small: Participant[]): boolean {
  const ids = new Set(big.flatMap((p) => identities(p.actor)));
  const persons = new Set(big.filter((p) => p.actor.kind === "person").map((p) => p.actor.id));
  return small.every((p) => {
    if (p.actor.kind === "person")
      return persons.has(p.actor.id) || (!persons.size && ids.has(p.actor.country ?? ""));
    return ids.has(p.actor.id);
  });
}

function datesOverlap(a: EventDate | null, b: EventDate | null): boolean {
  if (!a || !b) return true;
  const ra = range(a);
  const rb = range(b);
  if (!ra || !rb) return true;
  return ra[0] <= rb[1] && rb[0] <= ra[1];
}

const range = (d: EventDate): [number, number] | null => spanDays(d.start, d.end);

/**
 * Reports of one occurrence share type and mode, the mode as the sides make it: a bilateral talk beside
 * a summit, or before a meeting of three (3か国の会談に先立ってバイデン大統領と会談した), is another event.
 */
const modeFamily = (e: ExtractedEvent) => `${e.type}/${meetingMode(e) ?? ""}`;

/**
 * The better of two dates for one event: the more precise when it lies
 * within the other (2023年 and 9月12日); when they disagree, the one the
 * text ties more closely to the event (its clause over the discourse).
 */
function betterDate(a: EventDate | null, b: EventDate | null): EventDate | null {
  if (!a) return b;
  if (!b) return a;
  const ga = GRANULARITY_RANK[a.granularity] ?? 0;
  const gb = GRANULARITY_RANK[b.granularity] ?? 0;
  const ra = range(a);
  const rb = range(b);
  const nested = ra && rb && ((ra[0] <= rb[0] && rb[1] <= ra[1]) || (rb[0] <= ra[0] && ra[1] <= rb[1]));
  // the finer date, as sure as the surer of the two: a day the discourse gives within the month the
  // event's own clause gives (今年9月に…訪問する) is that clause's reading, narrowed
  if (nested && ga !== gb) {
    const [fine, coarse] = gb > ga ? [b, a] : [a, b];
    return SOURCE_RANK[coarse.source] > SOURCE_RANK[fine.source] ? { ...fine, source: coarse.source } : fine;
  }
  if (SOURCE_RANK[a.source] !== SOURCE_RANK[b.source])
    return SOURCE_RANK[a.source] >= SOURCE_RANK[b.source] ? a : b;
  return gb > ga ? b : a;
}

function absorb(into: ExtractedEvent, from: ExtractedEvent): void {
  for (const e of from.evidence) if (!into.evidence.some((x) => x.start === e.start)) into.evidence.push(e);
  into.evidence.sort((a, b) => a.start - b.start);
  for (const p of from.participants) {
    const same = into.participants.find((q) => q.actor.id === p.actor.id);
    if (!same) {
      // a person replaces the state they represent
      const state = into.participants.findIndex(
        (q) =>
          q.actor.kind === "state" &&
          p.actor.kind === "person" &&
          q.actor.id === p.actor.country &&
          q.role === p.role,
      );
      if (state >= 0) into.participants[state] = p;
      else if (!(
        p.actor.kind === "state" &&
        into.participants.some((q) => q.actor.country === p.actor.id && q.actor.kind === "person")
      ))
        into.participants.push(p);
    }
  }
  into.date = (sameTrip(into, from) && tripSpan(into.date!, from.date!)) || betterDate(into.date, from.date);
  if (
    from.place &&
    (!into.place || (PLACE_RANK[from.place.kind ?? ""] ?? 0) > (PLACE_RANK[into.place.kind ?? ""] ?? 0))
  )
    into.place = from.place;
  if (STATUS_RANK[from.status] > STATUS_RANK[into.status]) into.status = from.status;
  if (!into.object && from.object) into.object = from.object;
  if (into.mode !== from.mode && from.mode === "multilateral") into.mode = "multilateral";
}

const RECIPROCAL = new Set(["CONSULT", "AGREE", "COOPERATE"]);

/** A candidate that names every party it needs; partial ones only add evidence to an event. */
function complete(c: Candidate): boolean {
  if (c.partial) return false;
  if (c.type === "CONSULT" && c.mode === "visit") return c.recipients.length > 0;
  if (RECIPROCAL.has(c.type) || (c.type === "SUPPORT" && c.mode === "sign"))
    return c.actors.length >= 2 || inSession(c.type, c.mode, c.actors);
  return c.actors.length > 0;
}

/** 将官級軍事(会談), 両国の実務者が(協議): the level of those who meet, before the trigger. */
const LEVEL_BEFORE = new RegExp(`(?:${MEETING_LEVEL}|級|代表団|実務者)[^、。]{0,6}$`);

/** 「日中共同文書」と…共同声明を発表する: two documents one sentence names apart are two signings. */
const twoDocumentsOfOneReport = (x: ExtractedEvent, e: ExtractedEvent) =>
  !!x.object &&
  !!e.object &&
  x.object !== e.object &&
  (x.evidence.some((a) => e.evidence.some((b) => a.start === b.start)) ||
    // (両政府は同日、防衛装備品・技術の移転に関する協定にも署名した: another document, signed too)
    (!x.object.includes(e.object) &&
      !e.object.includes(x.object) &&
      [x, e].some((ev) => ev.evidence.some((a) => ANOTHER_SIGNED.test(a.text)))));

/** …協定にも署名した, …とも調印, …に関する共同声明も発表した: a document signed or issued besides another. */
const ANOTHER_SIGNED =
  /(?:(?:に|と)も(?:署名|調印)|(?:声明|宣言|文書|コミュニケ|覚書)も(?:併せて|あわせて)?(?:発表|採択|発出|まとめ))/;

const weakDate = (e: ExtractedEvent) =>
  !e.date ||
  e.date.source === "discourse" ||
  e.date.source === "published" ||
  // 北朝鮮を訪問し、13日、ピョンヤンで…会談: the date of another clause is a day of the visit, not its start
  (e.mode === "visit" && e.date.source === "sentence");

/**
 * ソチでプーチン大統領と会談し…。両首脳は、9月に…改めて会談することで合意した: a report of a meeting held is
 * no report of one planned for a month still to come, however weakly either is dated.
 */
function heldAndToCome(a: ExtractedEvent, b: ExtractedEvent, published: string | null): boolean {
  const plan = a.status === "planned" ? a : b.status === "planned" ? b : undefined;
  const held = plan === a ? b : a;
  return (
    !!plan &&
    !!published &&
    held.status === "occurred" &&
    !!plan.date &&
    plan.date.start.slice(0, 7) > published.slice(0, 7)
  );
}

/**
 * 外相会談が、日本時間の7日未明、ワシントンで開かれ: an event dated only in Japan's time, at an hour, is
 * dated by the day where it was held (the 6th in Washington), by its state's offset from UTC.
 */
function onLocalDay(
  date: EventDate | null,
  c: Candidate,
  place: EventPlace | null,
  ctx: PipelineContext,
): EventDate | null {
  const hour = c.timex?.japanHour;
  const offset = place?.country ? ctx.lexicon.states.get(place.country)?.utc_offset : undefined;
  if (!date || !c.timex || hour === undefined || offset === undefined || date.granularity !== "day")
    return date;
  const day = toIso(localDayOf(c.timex.date, hour, offset));
  return { ...date, start: day, end: day };
}

/**
 * Turns candidates into events and merges the reports of one occurrence.
 * Candidates dated by their own clause or sentence define events first; a
 * candidate dated only by the discourse joins an event with the same
 * parties whatever its date, as it most likely refers back to it.
 */
export function mergeCandidates(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  candidates: Candidate[],
): ExtractedEvent[] {
  const published = doc.source.published;
  const toEvent = (c: Candidate): ExtractedEvent => {
    const evidence = citeSentence(doc, c.sentence);
    const place = eventPlace(doc, ctx, c.place);
    return {
      id: "",
      doc: doc.source.id,
      type: c.type,
      mode: c.mode,
      status: c.status,
      date: onLocalDay(eventDate(c, published), c, place, ctx),
      place,
      participants: participantsOf(c, doc),
      ...(c.object ? { object: c.object } : {}),
      trigger: triggerCite(doc, c),
      evidence: [evidence],
      links: {},
    };
  };
  holdToTheirDay(candidates);
  const strength = (c: Candidate) => (c.dateSource === "clause" || c.dateSource === "sentence" ? 0 : 1);
  const ordered = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => strength(a.c) - strength(b.c) || a.i - b.i);
  const events: ExtractedEvent[] = [];
  // earlier occurrences the text counts from (2019年4月に…行われて以来): a report without a date of its
  // own is of the event the article is about, not of them
  const earlier = new WeakSet<ExtractedEvent>();
  // (協議の後、…首相を表敬した: what is placed after or before a meeting, with someone who was not at it, is not
  // that meeting — but 両氏は会談後、夕食を共にしながら協議を続けた goes on with it)
  const against = new Map<ExtractedEvent, string>();
  const persons = (e: ExtractedEvent) =>
    e.participants.filter((p) => p.actor.kind === "person").map((p) => p.actor.id);
  const apart = (x: ExtractedEvent, e: ExtractedEvent) =>
    [
      [x, e],
      [e, x],
    ].some(([a, b]) => {
      const noun = against.get(a!);
      const theirs = persons(b!);
      return !!noun && b!.trigger.text.includes(noun) && persons(a!).some((id) => !theirs.includes(id));
    });
  const sameOccurrence = (x: ExtractedEvent, e: ExtractedEvent, partial: boolean) =>
    !apart(x, e) &&
    modeFamily(x) === modeFamily(e) &&
    (datesOverlap(x.date, e.date) ||
      sameTrip(x, e) ||
      (weakDate(e) && !earlier.has(x)) ||
      (weakDate(x) && !earlier.has(e))) &&
    (e.mode !== "visit" || (visitPlacesAgree(ctx, x, e) && !siteOfTheTrip(x, e))) &&
    !twoDocumentsOfOneReport(x, e) &&
    !heldAndToCome(x, e, published) &&
    (partial
      ? covers(x.participants, e.participants)
      : covers(x.participants, e.participants) || covers(e.participants, x.participants));
  const partials: ExtractedEvent[] = [];
  // the forums whose summits the reports name, joined to the events they end in
  const forums = new Map<ExtractedEvent, Set<string>>();
  const carryForums = (from: ExtractedEvent, into: ExtractedEvent) => {
    for (const f of forums.get(from) ?? []) forums.set(into, (forums.get(into) ?? new Set()).add(f));
  };
  /** Meetings reported as held whose text names one party only (not mere references to a meeting). */
  const oneSided = new Set<ExtractedEvent>();
  for (const { c } of ordered) {
    const e = toEvent(c);
    // (only a meeting named otherwise than the event itself: 3か国の会談に先立って…と会談し may be told of again
    // as the same 会談)
    const noun = c.type === "CONSULT" ? meetingPlacedAgainst(doc.norm.text, c) : undefined;
    if (noun && !e.trigger.text.includes(noun)) against.set(e, noun);
    if (c.forum) forums.set(e, new Set([c.forum]));
    if (countedFrom(doc.norm.text, c)) earlier.add(e);
    if (!complete(c)) {
      partials.push(e);
      // (dated in its own clause, and not held by officials of some level: 将官級軍事会談を開く, 実務者が協議)
      if (
        !c.partial &&
        c.dateSource === "clause" &&
        !LEVEL_BEFORE.test(doc.norm.text.slice(Math.max(0, c.triggerStart - 12), c.triggerStart))
      )
        oneSided.add(e);
      continue;
    }
    const into = events.find((x) => sameOccurrence(x, e, false));
    if (into) {
      absorb(into, e);
      carryForums(e, into);
    } else events.push(e);
  }
  // a partial report (会談の冒頭、キム総書記は…) is evidence for the event it belongs to
  for (const e of partials) {
    // a site visited on a trip is a visit of its own, not more evidence for the trip
    if (oneSided.has(e) && e.mode === "visit" && completeSiteVisit(e, events)) {
      events.push(e);
      continue;
    }
    const into = events.find((x) => sameOccurrence(x, e, true));
    if (into) {
      carryForums(e, into);
      for (const ev of e.evidence)
        if (!into.evidence.some((y) => y.start === ev.start)) into.evidence.push(ev);
    } else if (oneSided.has(e) && completeTripMeeting(e, events)) events.push(e);
  }
  talksOfTheirCall(events);
  for (const e of events) e.evidence.sort((a, b) => a.start - b.start);
  // APEC首脳会議: the forum takes part in its summit, besides those the reports name (added once merged, so
  // that reports of one summit naming it or not are still one event)
  for (const [e, ids] of forums)
    for (const id of ids)
      if (e.mode === "multilateral" && !e.participants.some((p) => p.actor.id === id))
        e.participants.push({ actor: organizationRef(ctx.lexicon, id), role: "actor" });
  return events.sort((a, b) => a.evidence[0]!.start - b.evidence[0]!.start);
}

/**
 * トランプ氏は2日、蔡英文総統と電話で会談した。…両氏は…意見を交わした: talks the same two held that day,
 * told nowhere in particular, are the call's, not a meeting in person.
 */
function talksOfTheirCall(events: ExtractedEvent[]): void {
  for (const call of events.filter((e) => e.type === "CONSULT" && e.mode === "phone" && e.date)) {
    for (let i = events.length - 1; i >= 0; i--) {
      const talk = events[i]!;
      if (talk.type !== "CONSULT" || talk.mode !== "meet" || talk.place || !talk.date) continue;
      if (talk.date.granularity !== "day" || !datesOverlap(call.date, talk.date)) continue;
      if (!covers(call.participants, talk.participants) || !covers(talk.participants, call.participants))
        continue;
      absorb(call, talk);
      events.splice(i, 1);
    }
  }
}

/**
 * プーチン大統領は15日、…最初の会談に臨んだ。会談は…行われ、両首脳はその後、夕食を共にした: a report
 * dated only by the discourse, within two sentences of a report of one of its parties meeting on that day
 * (which names no counterpart), is of that day's meeting, as surely as the first: it no longer joins
 * any other meeting of the pair the way a report without a date of its own does.
 */
function holdToTheirDay(candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.type !== "CONSULT" || c.mode !== "meet" || c.dateSource !== "discourse" || !c.timex) continue;
    if (c.actors.length < 2) continue;
    const first = candidates.find(
      (d) =>
        d !== c &&
        d.type === "CONSULT" &&
        d.mode === "meet" &&
        !d.partial &&
        d.actors.length === 1 &&
        (d.dateSource === "clause" || d.dateSource === "sentence") &&
        d.timex?.value === c.timex!.value &&
        c.sentence.index - d.sentence.index >= 0 &&
        c.sentence.index - d.sentence.index <= 2 &&
        c.actors.some((a) => a.id === d.actors[0]!.id),
    );
    if (first) c.dateSource = "sentence";
  }
}

function triggerCite(doc: AnalysedDocument, c: Candidate): Cited {
  const r = citeSpan(doc, c.triggerStart, c.triggerEnd);
  return { start: r.start, end: r.end, text: doc.source.body.slice(r.start, r.end) };
}

/** One traveller in one host country on days close together: the same trip (訪中2日目の14日). */
/** A site visited on a trip (北京郊外の盧溝橋などを訪問する) and the trip: two visits, as the guidelines have it. */
const siteOfTheTrip = (a: ExtractedEvent, b: ExtractedEvent) =>
  (a.place?.kind === "site") !== (b.place?.kind === "site");

function sameTrip(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (a.type !== "CONSULT" || a.mode !== "visit" || b.mode !== "visit" || !a.date || !b.date) return false;
  if (a.date.granularity === "year" || a.date.granularity === "month") return false;
  if (b.date.granularity === "year" || b.date.granularity === "month") return false;
  const visitor = (e: ExtractedEvent) => e.participants.find((p) => p.role === "actor")?.actor.id;
  const host = (e: ExtractedEvent) => e.participants.find((p) => p.role === "recipient")?.actor.id;
  if (visitor(a) !== visitor(b) || host(a) !== host(b)) return false;
  if (siteOfTheTrip(a, b)) return false;
  // a visit to the country (北朝鮮を訪問) is the trip to any of its places (ピョンヤンに到着)
  const where = (e: ExtractedEvent) => e.place?.id ?? host(e);
  if (where(a) !== where(b) && where(a) !== host(a) && where(b) !== host(b)) return false;
  const ra = range(a.date);
  const rb = range(b.date);
  return !!ra && !!rb && ra[0] <= rb[1] + 3 && rb[0] <= ra[1] + 3;
}

/** The days a trip spans, from the reports of its days. */
function tripSpan(a: EventDate, b: EventDate): EventDate | null {
  const start = a.start < b.start ? a.start : b.start;
  const end = a.end > b.end ? a.end : b.end;
  if (start === a.start && end === a.end) return a;
  return {
    start,
    end,
    granularity: "range",
    source: SOURCE_RANK[a.source] >= SOURCE_RANK[b.source] ? a.source : b.source,
  };
}

/**
 * Two reports of a visit agree on its place when they name the same place,
 * or one names the country and the other its capital (北朝鮮を訪問 /
 * ピョンヤンに到着); a visit to another city or a site during the trip
 * (航空機工場を視察) stays an event of its own.
 */
function visitPlacesAgree(ctx: PipelineContext, a: ExtractedEvent, b: ExtractedEvent): boolean {
  const pa = a.place;
  const pb = b.place;
  if (!pa?.id || !pb?.id || pa.id === pb.id) return true;
  // the capital, or a venue in it (順安空港, 錦繍山迎賓館), is where a state visit takes place
  const inCapital = (state: string, place: string) => {
    const capital = ctx.lexicon.states.get(state)?.capital;
    return !!capital && (place === capital || ctx.lexicon.places.get(place)?.within === capital);
  };
  if (pa.kind === "country" && inCapital(pa.id, pb.id)) return true;
  if (pb.kind === "country" && inCapital(pb.id, pa.id)) return true;
  return false;
}
