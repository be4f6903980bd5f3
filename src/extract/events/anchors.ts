/**
 * Placing an event against the events reported before it in the same
 * article: an event told after "これに先立ち" takes the day of the one it is
 * placed against; the attendees of a meeting told after it join it; an
 * agreement whose parties go unnamed was reached at the meeting just reported.
 */
import type { Sentence } from "../../analyse/sentences.js";
import { countsFrom, tellsEarlier } from "../timex/tagger.js";
import type { Candidate } from "./extract.js";
import { GATHERING_NOUN, TIMED_BY_GATHERING } from "./gatherings.js";
import { uniqueActors } from "./participants.js";

/** An earlier occurrence the text counts from (…以来、2回目): no later event is placed against it. */
export const countedFrom = (text: string, c: Candidate) => !!c.timex && countsFrom(text, c.timex);

/** これに先立ち, それに先立って: before the event just reported. */
export const PRIOR_TO_THIS = /(?:これ|それ)に先立(?:ち|って)/;
/** A meeting named as what an event is placed against (会談後, 3か国の会談に先立って). */
const AGAINST_MEETING = /(会議|会談|会合|協議|サミット)(?:後|の後|のあと|の直後|の直前|の合間|に先立)/;
/**
 * 協議の後、首相官邸で安倍首相を表敬した: the noun of the meeting an event is placed after or before in its
 * sentence's lead, if any — a meeting of that name is another occurrence than the event.
 */
export function meetingPlacedAgainst(text: string, c: Candidate): string | undefined {
  return AGAINST_MEETING.exec(text.slice(c.sentence.start, c.triggerStart))?.[1];
}

/** Connectives that place an event against the one just reported, on its day or close to it (これに先立ち, 会議後). */
const RELATIVE_TO_LAST = new RegExp(
  `${PRIOR_TO_THIS.source}|その後|そのあと|この後|このあと|その前に|これを受け|${AGAINST_MEETING.source}`,
);
/** A meeting's attendees after it: 会談には…が出席した, 会合が開かれ、…らが出席していた. */
export const ATTENDED_BY = /^(?:には|[がも](?:開かれ|行われ)、)[^。]*?が(?:出席|同席|参加)/;
/** ことで一致, 方針で合意: an agreement worded after what was agreed, which comes before it. */
export const AGREED_CONTENT = /^(?:こと|方針)/;
/** 合意した事項, 合意した内容: an agreement the text names as a thing rather than reports. */
const AGREEMENT_NAMED = /^た?(?:事項|内容|項目|取り決め)/;

/** 電話会談も行っています: a meeting told in passing as one held too, before the one reported. */
const ALSO_HELD = /^も[^。]{0,12}?(?:ている|ています|ていた|ていました)。?$/;
const toldInPassing = (text: string, x: Candidate) =>
  ALSO_HELD.test(text.slice(x.triggerEnd, x.sentence.end));

/** …電話で協議していた。: an event told as what had happened before the narration (a pluperfect). */
const toldBefore = (text: string, x: Candidate) => tellsEarlier(text, x.triggerEnd);

/** 会期中に, 期間中に, これに合わせ, 会議にあわせて: during the gathering just reported. */
const DURING_GATHERING = new RegExp(
  `(?:会期中|期間中|会議期間中)に?|(?:これ|それ)に(?:合わ|あわ)せ|${GATHERING_NOUN}(?:${TIMED_BY_GATHERING})`,
);

/**
 * An event the text dates only by the discourse, placed against what was reported just before it:
 * - 会期中に初の日韓首脳会談が実現する可能性がある: during the gathering just reported, it takes its date and
 *   place, as its own clause would;
 * - これに先立ち, その後: against the event just reported, it takes its day — the last one reported on a day,
 *   not the background between (昨年5月…協議で…約束し).
 */
export function dateByEventBefore(
  text: string,
  sentence: Sentence,
  triggerStart: number,
  c: Candidate,
  before: readonly Candidate[],
): void {
  // (a date of the sentence counts when it comes after the trigger, in a clause of its own; one in the lead
  // is the gathering's own: 来月下旬に中国で開かれる日中韓首脳会議に合わせ)
  const laterClause = c.dateSource === "sentence" && !!c.timex && c.timex.start > triggerStart;
  if (c.dateSource !== "discourse" && c.dateSource !== "published" && !laterClause) return;
  const lead = text.slice(sentence.start, triggerStart);
  const earlier = [...before].reverse();
  const ownDate = (x: Candidate) => !!x.timex && (x.dateSource === "clause" || x.dateSource === "sentence");
  // (what the lead times by the gathering is timed by it, whatever date another clause of the sentence
  // gives: 会議にあわせて…首脳会談を行う方向で調整していて、12月に…来日して)
  if (DURING_GATHERING.test(lead)) {
    const gathering = earlier.find(
      (x) =>
        x.type === "CONSULT" &&
        x.mode === "multilateral" &&
        ownDate(x) &&
        sentence.index - x.sentence.index <= 2,
    );
    if (gathering) {
      c.timex = gathering.timex;
      c.dateSource = gathering.dateSource;
      c.place = gathering.place ?? c.place;
      return;
    }
  }
  if (c.dateSource === "sentence" || !RELATIVE_TO_LAST.test(lead)) return;
  // (not a meeting told as what had happened before: 25日、…電話で協議していた。…会談後、; and a meeting
  // named is one: 3か国の会談に先立って is not before the shelling the statement condemned, dated 先月23日)
  const named = AGAINST_MEETING.test(lead) && !PRIOR_TO_THIS.test(lead);
  // (and what was done is placed against nothing still to come: 19日に2回目の協議を行うことで合意した。…協議に先立ち、
  // …と会談し、…伝えていた is before the talks held, not the ones planned)
  const datedHere = (x: Candidate) =>
    ownDate(x) &&
    !countedFrom(text, x) &&
    !toldBefore(text, x) &&
    (!named || x.type === "CONSULT") &&
    !(c.status === "occurred" && x.status === "planned");
  // (会議後: the meeting of that name, before any event reported since — 会議後、温首相と会談し is on the summit's
  // day, not on that of the trip to Pyongyang a relative clause told of after the summit)
  const noun = named ? meetingPlacedAgainst(text, c) : undefined;
  const ofThatName = (x: Candidate) =>
    !!noun && x.type === "CONSULT" && text.slice(x.triggerStart, x.triggerEnd).includes(noun);
  const last =
    earlier.find((x) => datedHere(x) && ofThatName(x)) ??
    earlier.find((x) => datedHere(x) && x.timex!.granularity === "day") ??
    earlier.find(datedHere);
  if (last) {
    c.timex = last.timex;
    c.dateSource = "discourse";
  }
}

/**
 * 会談には…が出席した: the attendees of the meeting just reported, held on its day between its parties
 * (not a gathering dated in its own clause: 6日にはARF閣僚会議も開かれ、…らが出席した).
 */
export function joinMeetingAttended(
  text: string,
  sentence: Sentence,
  c: Candidate,
  before: readonly Candidate[],
): void {
  if (
    c.type === "CONSULT" &&
    c.dateSource !== "clause" &&
    ATTENDED_BY.test(text.slice(c.triggerEnd, sentence.end))
  ) {
    const met = [...before]
      .reverse()
      .find(
        (x) =>
          x.type === "CONSULT" &&
          x.mode !== "visit" &&
          x.actors.length >= 2 &&
          sentence.index - x.sentence.index <= 5 &&
          !countedFrom(text, x),
      );
    if (met) {
      c.actors = uniqueActors([...met.actors, ...c.actors]);
      c.timex = met.timex;
      c.dateSource = met.dateSource;
    }
  }
}

/**
 * An agreement (or a signing) whose parties go unnamed was reached by the parties of the meeting just
 * reported, on its day; one with no date of its own, at the article's last reported meeting (agreements
 * are told after the talks that reached them).
 */
export function reachedAtMeeting(
  text: string,
  sentence: Sentence,
  clause: { start: number; end: number },
  m: { start: number; end: number },
  c: Candidate,
  before: readonly Candidate[],
): void {
  const talks = [...before].reverse().filter(
    (x) =>
      x.type === "CONSULT" &&
      x.mode !== "visit" &&
      x.actors.length >= 2 &&
      !countedFrom(text, x) &&
      !toldInPassing(text, x) &&
      // (nor one told as what had happened before: …首脳会談で開催が決まっていた)
      (x.sentence.index === sentence.index || !toldBefore(text, x)),
  );
  // the meeting just reported; for an agreement with no date of its own, the article's
  // last reported meeting (agreements are told after the talks that reached them)
  // (a meeting in the agreement's own clause that is planned, or that qualifies a noun, is what
  // was agreed, not where: 首脳会議の早期開催に向けて調整を進めることで一致した, 昨年11月に行った
  // 対面会談の合意事項を実行することを確認した — but 会談で…ことで一致した is where)
  const agreedUpon = (x: Candidate) =>
    x.sentence.index === sentence.index &&
    (x.status !== "occurred" || text[x.triggerEnd] === "の") &&
    x.triggerStart >= clause.start &&
    x.triggerStart < m.start;
  // the date and place such a meeting carries are its own, not the agreement's
  const content = c.type === "AGREE" ? talks.find(agreedUpon) : undefined;
  const datedByContent = !!content && !!c.timex && content.timex === c.timex;
  if (content?.place && content.place === c.place) c.place = null;
  // (an agreement that names its parties was reached at a meeting of theirs, not at another one
  // mentioned in between: 来月末の南北首脳会談)
  const ofParties = (x: Candidate) =>
    c.actors.length < 2 ||
    c.actors.every((a) => x.actors.some((b) => b.id === a.id || b.country === a.id || b.id === a.country));
  const meeting =
    talks.find((x) => sentence.index - x.sentence.index <= 2 && !agreedUpon(x) && ofParties(x)) ??
    // (a date in another clause of the sentence is another item's: …で一致したほか、12日に…協議する
    // ことも決まった)
    (c.dateSource === "discourse" ||
    c.dateSource === "published" ||
    (c.type === "AGREE" && c.dateSource === "sentence") ||
    datedByContent
      ? talks.find(
          (x) =>
            !agreedUpon(x) &&
            ofParties(x) &&
            x.status === "occurred" &&
            (x.dateSource === "clause" || x.dateSource === "sentence"),
        )
      : undefined);
  if (datedByContent && !meeting) {
    c.timex = null;
    c.dateSource = "published";
  }
  if ((c.type === "AGREE" || (c.type === "SUPPORT" && c.mode === "sign")) && meeting) {
    // 先月の首脳会談で合意した事項の履行: an agreement named as a thing, without its own parties, is
    // an earlier one, not this meeting's
    const named = AGREEMENT_NAMED.test(text.slice(m.end, m.end + 6));
    if (c.actors.length < 2 && !named) c.actors = uniqueActors([...meeting.actors, ...c.actors]);
    if (!c.place && c.timex?.value.slice(0, 7) === meeting.timex?.value.slice(0, 7)) c.place = meeting.place;
    // 「年明けにも訪ロすることで合意」: a date inside what was agreed is not when it was agreed
    const contentDated =
      AGREED_CONTENT.test(text.slice(m.start, m.end)) &&
      (c.dateSource === "clause" || c.dateSource === "sentence") &&
      !!c.timex &&
      c.timex.end <= m.start;
    // a statement issued that the article does not date (日韓両政府は、会談の成果をまとめた共同文書を
    // 発表しました) was issued at the meeting, as an agreement is; one to be signed, at the meeting to be
    // held (…で会談する。両首脳は共同声明に署名する)
    const undated =
      (c.status === "occurred" || (c.status === "planned" && meeting.status === "planned")) &&
      (c.dateSource === "published" || c.dateSource === "discourse");
    // (a day the discourse is at within talks of several days is the day: 5日から…続いていた首脳会談は17日夜、合意に
    // 達した。両首脳は…二つの文書に署名した — on the 17th, not the 5th)
    const dayOfTheTalks =
      !!c.timex &&
      c.timex.start >= meeting.sentence.start &&
      c.timex.end <= meeting.sentence.end &&
      !!meeting.timex &&
      c.timex.granularity === "day" &&
      c.timex.value > meeting.timex.value &&
      (meeting.until ? c.timex.value <= meeting.until.value : text.startsWith("から", meeting.timex.end));
    if (
      meeting.timex &&
      !dayOfTheTalks &&
      ((c.type === "AGREE" && (c.dateSource !== "clause" || contentDated)) ||
        (c.type === "SUPPORT" && undated))
    ) {
      c.timex = meeting.timex;
      c.dateSource = meeting.dateSource;
    }
  }
}
