/**
 * The temporal tagger: finds date expressions in the normalised text and
 * places each on the calendar at its own granularity.
 */
import {
  type CalendarDate,
  epochDay,
  fromEpochDay,
  type Granularity,
  granularityOf,
  parseIso,
  toIso,
} from "./calendar.js";
import { TIMEX_RULES, type TimexCandidate } from "./patterns.js";
import { DiscourseCalendar, type Resolution } from "./resolve.js";
import { hourOf } from "./time-zones.js";

export interface Timex {
  /** Span in the normalised text. */
  start: number;
  end: number;
  text: string;
  value: string;
  granularity: Granularity;
  date: CalendarDate;
  /** Which rule found it (for explanations and debugging). */
  rule: string;
  anchor: Resolution["anchor"];
  /** Another reading that was nearly as likely; the value is a guess between the two. */
  alternative?: string;
  /** The same moment in Japan's time, given besides the local one (日本時間の19日未明): it dates no event. */
  converted?: true;
  /**
   * The hour in Japan's time of a date told only in it (日本時間の7日未明 → 3): the local day of an event
   * abroad may be the one before (src/extract/timex/time-zones.ts).
   */
  japanHour?: number;
  /** Told in a paragraph of history (昨年4月11日には…。…7月20日に…): it dates nothing past the paragraph. */
  history?: true;
}

interface Found {
  start: number;
  end: number;
  rule: string;
  candidate: TimexCandidate;
}

/** Every rule's matches, overlaps settled in favour of the longest. */
export function findTimexCandidates(text: string): Found[] {
  const found: Found[] = [];
  for (const rule of TIMEX_RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const candidate = rule.build(m);
      if (candidate) found.push({ start: m.index, end: m.index + m[0].length, rule: rule.name, candidate });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Found[] = [];
  // the characters already taken, so that each candidate checks its own span rather than every
  // candidate taken before it (quadratic on long texts full of dates)
  const used = new Uint8Array(text.length);
  for (const f of found) {
    let free = true;
    for (let i = f.start; i < f.end && free; i++) free = used[i] === 0;
    if (!free) continue;
    used.fill(1, f.start, f.end);
    taken.push(f);
  }
  taken.sort((a, b) => a.start - b.start);
  // 前日の27日, 翌日の13日: the explicit date says which day is meant; the relative word only restates it
  return taken.filter((f, i) => {
    const next = taken[i + 1];
    return !(
      f.candidate.kind === "relative-day" &&
      next &&
      next.start === f.end + 1 &&
      text[f.end] === "の" &&
      next.candidate.kind === "partial" &&
      next.candidate.day !== undefined
    );
  });
}

export interface TagOptions {
  published: string | null | undefined;
  /** Spans of quotations 「…」 in the normalised text. */
  quotes?: readonly { start: number; end: number }[];
  /** Spans not to tag (reference lists, bibliographies). */
  exclude?: readonly { start: number; end: number }[];
}

const inside = (spans: readonly { start: number; end: number }[] | undefined, a: number, b: number) =>
  !!spans?.some((s) => a >= s.start && b <= s.end);

export function tagTimex(text: string, opts: TagOptions): Timex[] {
  const published = writtenOn(text, parseIso(opts.published));
  const candidates = findTimexCandidates(text).filter((f) => !inside(opts.exclude, f.start, f.end));
  // first pass without a focal date, to find the date the article is about
  const first = run(text, candidates, published, null, opts);
  return run(text, candidates, published, focalDate(first), opts);
}

function run(
  text: string,
  candidates: Found[],
  published: CalendarDate | null,
  focal: CalendarDate | null,
  opts: TagOptions,
): Timex[] {
  const cal = new DiscourseCalendar(published, focal);
  const out: Timex[] = [];
  let lastParagraphBreak = -1;
  let datedInParagraph = false;
  // the last line break before the candidate, found by walking forward once (candidates are in text
  // order) rather than by searching back from each one, which made a long line quadratic
  let nl = -1;
  let nextNl = text.indexOf("\n");
  let previous: Found | undefined;
  for (const f of candidates) {
    while (nextNl >= 0 && nextNl < f.start) {
      nl = nextNl;
      nextNl = text.indexOf("\n", nextNl + 1);
    }
    if (nl !== lastParagraphBreak) {
      lastParagraphBreak = nl;
      datedInParagraph = false;
    }
    // (日本時間の8日未明 alone is the only date the report gives: it dates the event)
    const inJapanTime = JAPAN_TIME.test(text.slice(Math.max(0, f.start - 6), f.start));
    const converted = inJapanTime && !!previous && previous.end >= f.start - 16;
    const sameSentence = !!previous && !/[。\n]/.test(text.slice(previous.end, f.start));
    const spanOfNoun = boundsSpanOfNoun(text, f, previous);
    const listed =
      !!previous &&
      ((previous.candidate.kind === "partial" && previous.candidate.month !== undefined) ||
        // (先月4日と28日)
        (previous.candidate.kind === "relative-month" && previous.candidate.day !== undefined)) &&
      LISTED_AFTER.test(text.slice(previous.end, f.start));
    // (先月4日と28日: listed after an aside, an aside too)
    const listedAfterAside = listed && previous?.candidate.kind === "relative-month";
    // (来年2月18日から21日まで: the day a span ends, right after the day it starts)
    const endsSpan =
      !!previous &&
      text.slice(previous.end, f.start) === "から" &&
      SPAN_END.test(text.slice(f.end, f.end + 4));
    previous = f;
    const r = cal.resolve(f.candidate, {
      inQuote: inside(opts.quotes, f.start, f.end),
      paragraphStart: !datedInParagraph,
      ...(f.candidate.kind === "same" ||
      (f.candidate.kind === "partial" && (f.candidate.day === undefined || f.candidate.month === undefined))
        ? predicateContext(text, f.end)
        : {}),
      ...(converted ? { converted } : {}),
      ...(countsFrom(text, f) || respondedTo(text, f) ? { countedFrom: true } : {}),
      ...(sameSentence ? { sameSentence } : {}),
      // (今月18日には、…会談し…発表。ソ連はこの日、: a day the sentence opens on is where the narration is)
      ...(f.start === 0 || /[。\n]/.test(text[f.start - 1]!) ? { opensSentence: true } : {}),
      // (not the first day of a stay the publication falls in: 9日から11日まで滞在する予定です)
      // (nor the day a clause of its own tells a document was made: 5日に採択した決議を履行することで一致)
      ...(f.candidate.kind === "partial" &&
      !SPAN_REST.test(text.slice(f.end, f.end + 16)) &&
      !MADE_IN_OWN_CLAUSE.test(text.slice(f.end, f.end + 40)) &&
      TO_COME_AFTER.test(text.slice(f.end, f.end + 40))
        ? { toCome: true }
        : {}),
      // (a weekday inside a quotation is read to the quotation's end: 「木曜日にトルコで…待つ」と投稿した)
      ...(f.candidate.kind === "weekday" &&
      !f.candidate.after &&
      NON_PAST_END.test(text.slice(f.end, predicateEnd(text, f.end, "。\n」") + 1))
        ? { toCome: true }
        : {}),
      ...(f.candidate.kind === "relative-day" && (tellsEarlier(text, f.end) || doneInOwnClause(text, f.end))
        ? { flashback: true }
        : {}),
      // (4日に始まった…外相会議は同日、最終日を迎え: the day of a clause describing a noun is an aside)
      ...(f.candidate.kind === "partial" &&
      f.candidate.month === undefined &&
      (startedInOwnClause(text, f.end) || datesNounOfClause(text, f))
        ? { describesNoun: true }
        : {}),
      ...(spanOfNoun ? { spanOfNoun } : {}),
      ...(listed ? { listed } : {}),
      ...(endsSpan ? { endsSpan } : {}),
      ...(f.candidate.kind === "partial" && LOCAL_TIME_AFTER.test(text.slice(f.end, f.end + 12))
        ? { localTime: true }
        : {}),
      ...(listedAfterAside ? { listedAfterAside } : {}),
    });
    // (a date the text counts from — 2020年1月に…訪れて以来 — is an aside: a bare 14日 after it still
    // counts from the publication)
    if (!countsFrom(text, f)) datedInParagraph = true;
    if (!r) continue;
    out.push({
      start: f.start,
      end: f.end,
      text: text.slice(f.start, f.end),
      value: toIso(r.date),
      granularity: granularityOf(r.date),
      date: r.date,
      rule: f.rule,
      anchor: r.anchor,
      ...(r.alternative ? { alternative: toIso(r.alternative) } : {}),
      ...(converted ? { converted: true as const } : {}),
      ...(r.history ? { history: true as const } : {}),
      ...(inJapanTime && !converted ? japanHourOf(text.slice(f.start, f.end)) : {}),
    });
  }
  return out;
}

/** 【ニューヨーク30日共同】: the day a wire story's dateline gives, at its start. */
const DATELINE_DAY = /^【[^】\n]{0,16}?([0-9]{1,2})日[^】\n]{0,12}】/;

/**
 * The day the article was written: its dateline's day, when that is a few days before the publication
 * (【ニューヨーク30日共同】 in the paper of 1 October is 30 September, and its 今月初め is September's), else
 * the publication date.
 */
function writtenOn(text: string, published: CalendarDate | null): CalendarDate | null {
  const m = DATELINE_DAY.exec(text);
  if (!m || published?.day === undefined) return published;
  const day = Number(m[1]);
  for (let back = 1; back <= 3; back++) {
    const d = fromEpochDay(epochDay(published) - back);
    if (d.day === day) return d;
  }
  return published;
}

/** 2018年5月以来, 19年6月の訪問以来: the date of an earlier occurrence, which the text counts from. */
/**
 * 以来, から数えて; and 以降 where what follows has not happened since (2018年1月以降開かれていない): the date
 * of the last occurrence, not a time from which something is to happen (来年1月以降に開く).
 */
const COUNTING_FROM =
  "(?:以来|から数えて|(?:以降|以後)(?=[^、。「」]{0,16}?(?:ていない|ていなかった|ておらず|途絶え))" +
  // (昨年12月の福岡に続き2回目: the earlier occurrence the Nth is counted from)
  "|に続(?:き|いて)、?[0-9一二三四五六七八九十]+(?:回|度)目)";
const SINCE = new RegExp(`^(?:の[^、。]{0,20})?${COUNTING_FROM}`);
/**
 * 6月17日にカナダで…会談して以来, 2019年11月に…で開かれたBRICS首脳会議の際以来: a clause that counts from the
 * date of an earlier occurrence (past one continuative clause: 1月にインドを訪問し、当時のシン首相と会談して以来),
 * or that the first or Nth time since is counted from (10月の党大会を経て…発足させてから、初の首脳会談).
 */
const FIRST_SINCE_WORDS = "[てで]から、?(?:初|最初|[0-9]+(?:回|度)目)";
const CLAUSE_SINCE = new RegExp(
  `^(?:[^、。「」]{0,24}?[しり]、)?[^、。「」]{0,44}?(?:${COUNTING_FROM}|${FIRST_SINCE_WORDS})`,
);
const FIRST_SINCE = new RegExp(`^[^、。「」]{0,44}?${FIRST_SINCE_WORDS}`);

/** A date followed by 以来 (2019年1月以来, 4月の訪問以来): an earlier occurrence's, not the sentence's. */
export const sinceDate = (text: string, t: { end: number }) => SINCE.test(text.slice(t.end, t.end + 24));

/** Where a clause counting the first or Nth time since a date ends (…発足させてから、初), else -1. */
export function firstSinceEnd(text: string, t: { end: number }): number {
  const m = FIRST_SINCE.exec(text.slice(t.end, t.end + 72));
  return m ? t.end + m[0].length : -1;
}

/** A date whose clause counts from it (…に会談して以来, 2019年1月以来). */
export const countsFrom = (text: string, t: { end: number }) =>
  sinceDate(text, t) || CLAUSE_SINCE.test(text.slice(t.end, t.end + 72));

/** 7月4日と28日のICBM発射を受けて: the date of what a deed responds to, an earlier occurrence the text counts from. */
const RESPONDED_TO = /^[^、。「」]{0,24}?(?:を受け|に対抗|への対抗措置)/;
const respondedTo = (text: string, t: { end: number }) => RESPONDED_TO.test(text.slice(t.end, t.end + 32));

/** The hour of a date told only in Japan's time, if it gives one. */
function japanHourOf(expression: string): { japanHour?: number } {
  const hour = hourOf(expression);
  return hour === undefined ? {} : { japanHour: hour };
}

/** 18日午前(日本時間19日未明), 現地時間の18日、日本時間の19日: the local day told again in Japan's time. */
const JAPAN_TIME = /日本時間の?$/;

/** Whether the sentence going on at `from` ends in a pluperfect (…と述べていた。): what had happened before. */
export function tellsEarlier(text: string, from: number): boolean {
  let end = from;
  while (end < text.length && text[end] !== "。" && text[end] !== "\n") end++;
  const sentence = text.slice(from, end).replace(/[」』)）]+$/, "");
  return /(?:ていた|でいた|ていました|でいました)$/.test(sentence);
}

/**
 * A date whose own clause tells, in the past, what the noun after it was (6月に北京で開かれた第3回会合,
 * 前日に板門店で…と行った2回目の南北首脳会談, 会談した際): what was done then, whatever the sentence goes on
 * to say — and, for a relative day, not the day the narration is at (この日 after it is still the 27th).
 */
const DONE_IN_OWN_CLAUSE =
  /^[^、。「」]{0,40}?(?:開かれ|行われ|開催され|[っいえれきけせてめべし])た(?=[\u4E00-\u9FFF\u30A0-\u30FF0-9]|の|際|後)/;
const doneInOwnClause = (text: string, from: number) => DONE_IN_OWN_CLAUSE.test(text.slice(from, from + 48));

/** 6日(米国時間), 18日(現地時間): a day told in the time of where it happened, as news is. */
const LOCAL_TIME_AFTER = /^[(（](?:現地|米国|米東部|米西部|欧州|中部欧州)?時間[)）]/;

/** 7月4日と(28日): what lists one date after another. */
const LISTED_AFTER = /^(?:と|、|や|及び|および)$/;

/** から30日まで: the rest of a span after the day that starts it. */
const SPAN_REST = /^から[^、。から]{1,8}?日(?:まで|にかけて)/;
const SPAN_END = /^(?:まで|にかけて)/;

/**
 * Whether the date starts or ends a span of days that a relative clause in the past gives to the noun after
 * it (9月27日から30日まで北京で開かれた全体会合で): the days the noun lasted, not a day the narration is at.
 */
function boundsSpanOfNoun(text: string, f: Found, previous: Found | undefined): boolean {
  const rest = SPAN_REST.exec(text.slice(f.end, f.end + 16));
  if (rest) return doneInOwnClause(text, f.end + rest[0].length);
  // (6日から北京で続けていた協議: the first day of what went on since)
  if (text.startsWith("から", f.end)) return doneInOwnClause(text, f.end + 2);
  const end =
    previous && text.slice(previous.end, f.start) === "から" && SPAN_END.exec(text.slice(f.end, f.end + 4));
  return !!end && doneInOwnClause(text, f.end + end[0].length);
}

/**
 * 4日に始まった(一連の外相会議), 8日に本格化した(戦闘は): a day whose own clause tells, in the past, when the noun
 * after it began.
 */
const STARTED_IN_OWN_CLAUSE =
  /^に(?:始まった|開幕した|スタートした|本格化した|勃発した|発生した|起きた|激化した)[^、。「」]{1,30}?(?:は|が)/;
/** 5日(米東部時間)に全会一致で採択した(制裁決議): a day whose own clause tells when the document after it was made. */
const MADE_IN_OWN_CLAUSE =
  /^(?:\([^()]{1,10}\))?に[^、。「」]{0,16}?(?:採択|署名|締結|調印|発表|公表)した(?=[\u4E00-\u9FFF\u30A1-\u30FA「『])/;
/** 集団的自衛権の行使を限定的に容認した1日の閣議決定: the day of a noun a past clause describes, an aside. */
const datesNounOfClause = (text: string, f: { start: number; end: number }) =>
  /(?:した|された|れた|った)$/.test(text.slice(Math.max(0, f.start - 3), f.start)) &&
  /^の[\u4E00-\u9FFF]/.test(text.slice(f.end, f.end + 2)) &&
  !/^の(?:午前|午後|朝|夜|夕|未明|深夜|昼)/.test(text.slice(f.end, f.end + 4));
const startedInOwnClause = (text: string, from: number) =>
  STARTED_IN_OWN_CLAUSE.test(text.slice(from, from + 40)) ||
  MADE_IN_OWN_CLAUSE.test(text.slice(from, from + 40));

/**
 * A clause of its own that puts the date to come: 10月末から慶州で開かれる(APEC首脳会議), or what was agreed to
 * do then (11月初めにかけて試験的に実施することで一致した), or urged (11月中に始めるよう…勧告する).
 */
const TO_COME_AFTER =
  /^[^、。「」]{0,32}?(?:開かれる|行われる|開催される|始まる|予定(?:の|される|で(?!あった|した)|だ(?!った))|(?:する|行う|開く)こと(?:で|を|に)|(?:始める|開始する|開く|行う)よう)/;

/**
 * Whether the date's own clause tells what was done (6月に北京で開かれた第3回会合を最後に中断したままだ), or the
 * sentence going on at `from` ends in a past predicate (…開かれた。 …戻りました。) and the date's own clause
 * does not put it to come.
 */
function reportsPast(text: string, from: number, predicate: number): boolean {
  if (TO_COME_AFTER.test(text.slice(from, from + 32))) return false;
  if (doneInOwnClause(text, from)) return true;
  // …会談した。 …面会している。 (what has happened and holds now)
  return text[predicate] === "た" || text.endsWith("ている", predicate + 1);
}

/** What the predicate of the sentence going on at `from` says of a date before it, read once per date. */
function predicateContext(text: string, from: number): { past: boolean; pastTense: boolean; plan?: true } {
  const predicate = predicateEnd(text, from);
  return {
    past: reportsPast(text, from, predicate),
    // (…会談した, not a state that holds: …協議している)
    pastTense: text[predicate] === "た",
    ...(PLAN_END.test(text.slice(from, predicate + 1)) ? { plan: true as const } : {}),
  };
}

/**
 * Where the predicate of the sentence going on at `from` ends: before the first of `stops` and any closing
 * brackets, and before a report of hearsay after it.
 */
function predicateEnd(text: string, from: number, stops = "。\n"): number {
  let end = from;
  while (end < text.length && !stops.includes(text[end]!)) end++;
  let i = end - 1;
  while (i > from && "」』)）".includes(text[i]!)) i--;
  // (…連絡があったという。: what is reported as heard is told in the tense before it)
  const hearsay = HEARSAY_END.exec(text.slice(from, i + 1));
  return hearsay && i + 1 - hearsay[0].length > from ? i - hearsay[0].length : i;
}

/** という, とのことだ: a report of what was heard, after the predicate it reports. */
const HEARSAY_END = /(?:という|といいます|とのことだ|とのことです|ということだ|ということです)$/;

/** …臨む予定だ。, …開く見通しだ。: a sentence ending on a plan. */
const PLAN_END = /(?:予定|見通し|方針|方向で調整している)(?:だ|です|である)?$/;

/** …待つ。, …会談する。, …予定だ: what is still to be done (a verb's non-past form, or a plan). */
const NON_PAST_END = /[うくすつぬぶむる]$|(?:予定|見通し)(?:だ|です)?$/;

/** The day-granular date the text states explicitly most often (ties: the earliest mention). */
function focalDate(timexes: Timex[]): CalendarDate | null {
  const counts = new Map<number, { n: number; d: CalendarDate }>();
  for (const t of timexes) {
    if (t.granularity !== "day") continue;
    const k = epochDay(t.date);
    const c = counts.get(k) ?? { n: 0, d: t.date };
    c.n++;
    counts.set(k, c);
  }
  let best: { n: number; d: CalendarDate } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.d ?? null;
}
