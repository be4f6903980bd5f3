/**
 * What a sentence takes from the ones before it: the topic that a sentence
 * without a subject of its own goes on about (zero anaphora), and the date
 * the text was last at.
 */
import type { Sentence } from "../../analyse/sentences.js";
import type { Lexicon } from "../../lexicon/lexicon.js";
import { type AnalysedDocument, inBrackets, inReportedSpeech } from "../../pipeline/document.js";
import { countsFrom, tellsEarlier, type Timex } from "../timex/tagger.js";
import { type ActorArg, type SentenceArguments, sentenceTimexes } from "./arguments.js";
import { clauseAround, joinedAsOne, relativeClauseFollows } from "../clauses.js";
import { isSubject, uniqueActors } from "./participants.js";

/** The topics of one sentence. */
export interface Topics {
  /** The sentence's own subject (several joined by と are one subject). */
  own: ActorArg | undefined;
  /** The topic of a trigger at a position of the sentence. */
  at(pos: number): ActorArg | undefined;
}

/** …で「…」と訴えた。: a sentence that only tells what its subject said. */
const SPEECH_ONLY = /^[^「。]*「[^」]*」と(?:述べ|語|訴え|強調|指摘|話し|説明し|主張し)[^。「」]{0,6}。?$/;

/** Sentences a topic carries past the end of its paragraph. */
const TOPIC_REACH = 2;
/**
 * これに先立つ12日の首脳会談は, その後、: a sentence that opens by pointing back at what was told goes on about
 * the same people, however far back they were named.
 */
const BACK_TO_IT = /^[\s　]*(?:これに先立|これより先|これに続|この後|その後|その前)/;
/** Sentences a date carries: the discourse dates a sentence only while it is the same stretch of text. */
const DATE_REACH = 3;

export class Discourse {
  private lastTopic: { arg: ActorArg; sentence: number; paragraph: number } | null = null;

  constructor(
    private readonly doc: AnalysedDocument,
    private readonly lexicon: Lexicon,
  ) {}

  /** A sentence's topics; the sentences after it go on about its own subject, if it has one. */
  topics(sentence: Sentence, args: SentenceArguments, clauseStarts: readonly number[]): Topics {
    const text = this.doc.norm.text;
    const own = coordinatedSubject(
      text,
      args.actors,
      args.actors.find(
        (a) =>
          isSubject(a) &&
          !inReportedSpeech(this.doc, a.start, a.end) &&
          !subjectOfRelativeClause(text, a) &&
          !accompanies(text, a),
      ) ??
        // トゥオン氏の訪日は、…初めて。: whose visit the sentence is about is whom the next ones are about
        args.actors.find(
          (a) =>
            a.actors.length === 1 &&
            a.actors[0]!.kind === "person" &&
            VISIT_AS_TOPIC.test(text.slice(a.end, a.end + 6)),
        ),
    );
    const last = this.lastTopic;
    const carried =
      last &&
      (last.paragraph === sentence.paragraph ||
        sentence.index - last.sentence <= TOPIC_REACH ||
        BACK_TO_IT.test(text.slice(sentence.start, sentence.start + 8)))
        ? last.arg
        : undefined;
    const topic = own ?? carried;
    // 新華社と朝鮮中央通信は、金委員長が…会談したと報じた: the next sentences go on about whom the
    // reporters report on, not about the reporters
    const reported =
      own?.particle === "は"
        ? reportedSubject(this.doc, args, own, own.end, sentence, sentence.end)
        : undefined;
    // 朝鮮中央通信がきょう19日伝えた: the outlet that reports what the sentences before said is not what the
    // next ones are about
    const outlet =
      !reported &&
      !!own &&
      own.actors.every((a) => this.lexicon.organizations.get(a.id)?.kind === "media") &&
      REPORTS.test(text.slice(own.end, sentence.end));
    // (ラピド氏は共同記者会見で「…」と訴えた。同日には…首脳会議にも参加した: one who only speaks between the
    // deeds of whom the narration is about does not take its place)
    const aside =
      !!carried &&
      !!own &&
      !reported &&
      own.actors.every((a) => a.kind === "person" && !carried.actors.some((c) => c.id === a.id)) &&
      SPEECH_ONLY.test(text.slice(own.end, sentence.end));
    if (own && !outlet && !aside)
      this.lastTopic = { arg: reported ?? own, sentence: sentence.index, paragraph: sentence.paragraph };
    return {
      own,
      // 前日午後に開かれた1回目の会談に続くもので、…米国が相応の措置を取れば: a subject of a later clause
      // is not the topic of what comes before it
      at: (pos) =>
        own && own.particle === "が" && own.start >= clauseAround(clauseStarts, sentence.end, pos).end
          ? (carried ?? own)
          : topic,
    };
  }
}

/**
 * ホイットラム氏も訪れた天壇公園を訪れた: the subject of a relative clause describing a noun is not what the
 * sentence, or the next ones, are about.
 */
const subjectOfRelativeClause = (text: string, a: ActorArg) =>
  (a.particle === "が" || a.particle === "も") &&
  relativeClauseFollows(text, a.end + a.particle.length, "clause");

/** What a document does with what it provides for: 明記した, 盛り込まれた, 規定した. */
export const PROVIDES = "(?:明記|盛り込|規定|うた|明示)";

/** …などが盛り込まれた, …を明記した: a sentence that lists what a document provides for. */
const DOCUMENT_CONTENT = new RegExp(
  `${PROVIDES}(?:まれ|され|んだ|した|んでいる|している|った|っている)[たるいす]?[^。、]{0,4}。?$`,
);

/**
 * 2003年の就任後, 1日の首相就任後: a date of another event, which the text counts from (not 昨年11月の米大統領選の
 * 直後に: right after it is at that date too).
 */
export const COUNTED_FROM = /^の[^、。をがはにで]{1,10}?(?:(?<!直)後|前|以降|以後|直後(?!に|、))/;

/** 直近では, 前回は: a sentence telling the last occurrence before the one reported. */
const LAST_TIME = /^(?:直近では|直近は|前回は|前回、)/;
/** …ことを受け, …のを受けて, …ことを踏まえ: a clause telling what the sentence's deed responds to. */
const IN_RESPONSE_TO = /^[^。「」]{0,60}?(?:ことを受け|のを受け|ことを踏まえ|のを踏まえ)/;

const datesCache = new WeakMap<AnalysedDocument, (Timex | null)[]>();
const pastDatesCache = new WeakMap<AnalysedDocument, (Timex | null)[]>();

/**
 * The date the text is at when each sentence begins (by sentence index): the last date given before it,
 * while the sentence is still the same stretch of text. Every sentence moves the text to its date, those
 * that report no event too (15日午前には北京大で演説する。演説後、…と会談).
 */
export function discourseDates(doc: AnalysedDocument): (Timex | null)[] {
  return datesAt(doc, datesCache, () => true);
}

/**
 * {@link discourseDates}, of dates not after publication only: what was done is not at a day still to come
 * (両氏は…外相会議に出席している after …政令改正を2日にも閣議決定する方針).
 */
export function pastDiscourseDates(doc: AnalysedDocument): (Timex | null)[] {
  const published = doc.source.published?.slice(0, 10);
  return datesAt(doc, pastDatesCache, (t) => !published || t.value.slice(0, 10) <= published);
}

function datesAt(
  doc: AnalysedDocument,
  cache: WeakMap<AnalysedDocument, (Timex | null)[]>,
  keep: (t: Timex) => boolean,
): (Timex | null)[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const text = doc.norm.text;
  const out: (Timex | null)[] = [];
  let last: { timex: Timex; sentence: number; paragraph: number } | null = null;
  for (const sentence of doc.sentences) {
    // (a paragraph of history dates nothing after it: ■残る課題 ¶ …共和党は…批判している is today's)
    if (last?.timex.history && sentence.paragraph !== last.paragraph) last = null;
    out[sentence.index] = last && sentence.index - last.sentence <= DATE_REACH ? last.timex : null;
    const dated = sentenceTimexes(doc, sentence).filter(
      (t) =>
        keep(t) &&
        // (nor does a date in a name: 「9月平壌共同宣言」)
        !inBrackets(doc, t.start, t.end) &&
        t.granularity !== "year" &&
        !t.converted &&
        // (1日の首相就任後: the date of another event the text counts from dates nothing after it)
        !COUNTED_FROM.test(text.slice(t.end, t.end + 14)) &&
        // 訪朝は2018年5月以来です, 平成20年8月に瀋陽で開かれて以来: the date of an earlier occurrence dates
        // nothing after it
        !countsFrom(text, t) &&
        // (nor does the date of what a deed responds to: 昨年11月の日韓首脳会談で…一致したことを受け、…確認した)
        !IN_RESPONSE_TO.test(text.slice(t.end, sentence.end)) &&
        !describesTopic(doc, t, sentence.end),
    );
    // (▽5月中に将官級軍事会談を開く――などが盛り込まれた: the dates of what a document provides for date
    // nothing the article goes on to report)
    const provisions = DOCUMENT_CONTENT.test(text.slice(sentence.start, sentence.end));
    // (nor does a sentence about what had happened before: 六月に…首脳会談で開催が決まっていた。両首脳は
    // このほか…一致した is still the day reported)
    const pluperfect = tellsEarlier(text, sentence.start);
    // (nor does one telling the last time before: 直近では今年3月、…会談した)
    const lastTime = LAST_TIME.test(text.slice(sentence.start, sentence.start + 8));
    if (dated.length > 0 && !provisions && !pluperfect && !lastTime)
      last = { timex: dated[dated.length - 1]!, sentence: sentence.index, paragraph: sentence.paragraph };
  }
  cache.set(doc, out);
  return out;
}

/** A past verb, which may end a relative clause describing the noun after it. */
const PAST_VERB = /(?:した|った|いた|れた|えた|きた|んだ)/g;

/**
 * 今月4日から6日まで北朝鮮を訪れ、金正日総書記と会談した温首相は、会議で…説明した: the date is of what the
 * sentence's topic had done, told in a relative clause describing it, not of what the sentence reports.
 */
function describesTopic(doc: AnalysedDocument, t: Timex, sentenceEnd: number): boolean {
  const text = doc.norm.text;
  // the topic, if any, ends at the first は or が after the date
  const rest = text.slice(t.end, Math.min(sentenceEnd, t.end + 60));
  const topicEnd = rest.search(/[はが]/);
  if (topicEnd < 0) return false;
  for (const m of rest.slice(0, topicEnd).matchAll(PAST_VERB)) {
    const at = t.end + m.index + m[0].length;
    if (doc.mentions.some((x) => x.kind === "person" && x.start === at && x.end === t.end + topicEnd))
      return true;
  }
  return false;
}

/** The predicate of an outlet's report, and nothing else after it. */
const REPORTS = /^[^、。「」]{0,4}?(?:[0-9]+日)?(?:付で|に)?(?:報じ|伝え)(?:た|ている|ました)。?$/;

/** The predicate of a reporter: what comes before it is the report's content (…と会談したと報じた). */
const REPORTED_BY_TOPIC = /^[^。「」]*?と(?:[^、。「」]{0,6}?(?:に|で))?(?:報じ|伝え|発表し|明らかにし)/;

/**
 * 朝鮮中央通信は、ショイグ氏が17日に平壌を訪れ、金総書記と会談したと報じた: the topic reports; the
 * subject inside what it reports (が, before the trigger) is the one who acts, in every clause of it.
 */
export function reportedSubject(
  doc: AnalysedDocument,
  args: SentenceArguments,
  topic: ActorArg | undefined,
  end: number,
  sentence: Sentence,
  /** Where the reported subject must end: before the trigger, or anywhere in the sentence. */
  subjectBefore = end,
): ActorArg | undefined {
  if (!topic || topic.start < sentence.start) return undefined;
  if (!REPORTED_BY_TOPIC.test(doc.norm.text.slice(end, sentence.end))) return undefined;
  return args.actors.find(
    (a) =>
      a.particle === "が" &&
      a.start > topic.end &&
      a.end <= subjectBefore &&
      !inReportedSpeech(doc, a.start, a.end),
  );
}

/** (トゥオン氏)の訪日は: a person's visit as the topic. */
const VISIT_AS_TOPIC = /^の(?:訪[日中韓朝米露欧]|来日|来韓|訪問|外遊)は/;
/**
 * …副首相や…外相らが同行しており、30日まで日本に滞在する: those who accompany someone are not what the
 * sentence goes on about; the one they accompany still is.
 */
const ACCOMPANIES = /^(?:ら)?(?:が|も)(?:[^、。]{0,8}?)(?:同行|随行)/;
const accompanies = (text: string, a: ActorArg) => ACCOMPANIES.test(text.slice(a.end, a.end + 14));

/** 文在寅大統領と北朝鮮の金正恩委員長は: `a` is joined to the mention after it, as one of several. */
export function coordinated(text: string, a: ActorArg, next: ActorArg): boolean {
  return /^(?:と|、)$/.test(a.particle) && joinedAsOne(text.slice(a.end, next.start));
}

/** プーチン大統領とキム総書記は: a subject coordinated with と is one subject of several people. */
export function coordinatedSubject(
  text: string,
  actors: ActorArg[],
  subject: ActorArg | undefined,
): ActorArg | undefined {
  if (!subject) return subject;
  const joined: ActorArg[] = [];
  let next = subject;
  for (let i = actors.indexOf(subject) - 1; i >= 0; i--) {
    const a = actors[i]!;
    // (安倍首相と欧州連合(EU)のトゥスク大統領: the body qualifying the next one, and its gloss, are no links)
    if (a.particle !== "と" && /^\)?(?:\([^)]*\))?の$/.test(text.slice(a.end, next.start))) continue;
    if (!coordinated(text, a, next)) break;
    joined.unshift(a);
    next = a;
  }
  if (joined.length === 0) return subject;
  return {
    ...subject,
    start: joined[0]!.start,
    actors: uniqueActors([...joined.flatMap((a) => a.actors), ...subject.actors]),
  };
}
