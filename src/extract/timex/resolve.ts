/**
 * Placing temporal expressions on the calendar.
 *
 * The anchor is the discourse: the most recent day-granular date the text
 * has given (「会談後の14日」 after 「2023年9月12日」 is 2023-09-14), starting
 * from the publication date. Deictic words (きょう, 今年, 先月) mean the
 * publication date in the narration but the day being reported inside a
 * quotation (a speaker's きょう is the day they spoke). An offset at the
 * start of a paragraph (「2日後、…」, 前日, 翌日) counts from the article's
 * focal date, where narration returns after an aside. A bare day takes the
 * month that puts it nearest the anchor — at the start of a paragraph, the
 * publication date, not an aside's month the paragraph before (…が4月27日に
 * 署名した宣言。¶ 首相は12日夕…); when two months are nearly as near, the
 * result is marked ambiguous with the alternative. A paragraph that opens on
 * a day of another year (昨年4月11日には…) tells that year's days until it
 * ends, and a past month the narration moves to (…のは2014年12月だ。) holds the
 * bare days of what was done after it.
 */
import {
  addDays,
  addMonths,
  type CalendarDate,
  epochDay,
  granularityOf,
  isValid,
  weekday,
} from "./calendar.js";
import type { TimexCandidate } from "./patterns.js";

export interface ResolveContext {
  /** Inside a quotation 「…」. */
  inQuote: boolean;
  /** No date has been mentioned earlier in this paragraph. */
  paragraphStart: boolean;
  /** The sentence reports what happened (its predicate ends in た): it is about a day already past. */
  past?: boolean;
  /** The sentence ends on a plan (…首脳会議に臨む予定だ). */
  plan?: boolean;
  /** The sentence's predicate is in the past tense (…会談した), not a state that holds (…協議している). */
  pastTense?: boolean;
  /** The same moment in another time zone (日本時間の19日未明), given besides the local one. */
  converted?: boolean;
  /** The date of an earlier occurrence the text counts from (8月25日に…開かれて以来). */
  countedFrom?: boolean;
  /** A date was mentioned earlier in the same sentence. */
  sameSentence?: boolean;
  /** The sentence tells what had happened before the narration (…と述べていた). */
  flashback?: boolean;
  /** The day of a clause describing the noun after it (4日に始まった会議は): an aside. */
  describesNoun?: boolean;
  /** The date's own clause puts it to come (15日から…開かれる): not before the publication. */
  toCome?: boolean;
  /**
   * A bound of the days a relative clause says a noun lasted (9月27日から30日まで…で開かれた全体会合で): an
   * aside, which no later 同日 refers to (a span is not one day).
   */
  spanOfNoun?: boolean;
  /** The expression opens its sentence (今月18日には、…). */
  opensSentence?: boolean;
  /**
   * Told with the time zone of where it happened (6日(米国時間)): a day of the news, near the publication,
   * not of the month an aside before it was about.
   */
  localTime?: boolean;
  /** Ends a span right after the day that starts it (2月18日から21日まで). */
  endsSpan?: boolean;
  /** Listed right after a date with its month (7月4日と28日). */
  listed?: boolean;
  /** Listed after an aside (先月4日と28日): an aside too. */
  listedAfterAside?: boolean;
}

export interface Resolution {
  date: CalendarDate;
  /** Set when another reading was nearly as likely. */
  alternative?: CalendarDate;
  /** How the value was found: the anchor it depends on, for explanations. */
  anchor: "text" | "published" | "discourse" | "focal";
  /** Told in a paragraph of history (see DiscourseCalendar.resolve): it dates nothing past the paragraph. */
  history?: true;
}

export class DiscourseCalendar {
  private lastDay: CalendarDate | null;
  /** The last day mentioned that was not after the publication date. */
  private lastPastDay: CalendarDate | null;
  private lastMonth: CalendarDate | null;
  private lastYear: CalendarDate | null;
  /** The last day mentioned, asides included. */
  private lastMentionedDay: CalendarDate | null = null;
  /**
   * The last day mentioned bounds a span a relative clause gives a noun (10日から…滞在していた首相ら): the
   * month of a later day in its sentence, but no 同日 (a span is not one day).
   */
  private lastMentionedBoundsSpan = false;
  /** A month the narration moved to after the last day it gave (2014年12月だ。両首脳は16日に…). */
  private monthSinceDay: CalendarDate | null = null;
  /** The date told last, whatever its granularity. */
  private lastTold: CalendarDate | null = null;
  /** In a paragraph of history (see resolve), the narration's days before it. */
  private beforeHistory: { lastDay: CalendarDate | null; lastPastDay: CalendarDate | null } | null = null;

  constructor(
    private readonly published: CalendarDate | null,
    /** The date the article is mainly about, for paragraph-initial offsets. */
    private readonly focal: CalendarDate | null = null,
  ) {
    this.lastDay = published?.day !== undefined ? published : null;
    this.lastPastDay = this.lastDay;
    this.lastMonth = published?.month !== undefined ? published : null;
    this.lastYear = published;
  }

  /** Resolves one expression and moves the discourse anchor. */
  resolve(c: TimexCandidate, ctx: ResolveContext): Resolution | null {
    // a paragraph of history is over: the narration is back at its own day
    if (ctx.paragraphStart && this.beforeHistory) {
      this.lastDay = this.beforeHistory.lastDay;
      this.lastPastDay = this.beforeHistory.lastPastDay;
      this.beforeHistory = null;
    }
    let r = this.place(c, ctx);
    // (昨年12月16日に…、翌17日に…発表した。…オバマ氏は11日の記者会見で: a bare day before the last day the
    // paragraph of history told is not of its month — the narration is back at its own day)
    const historyDay = this.beforeHistory ? this.lastDay : null;
    if (
      r &&
      this.beforeHistory &&
      historyDay?.day !== undefined &&
      c.kind === "partial" &&
      c.month === undefined &&
      r.date.day !== undefined &&
      epochDay(r.date) < epochDay(historyDay)
    ) {
      this.lastDay = this.beforeHistory.lastDay;
      this.lastPastDay = this.beforeHistory.lastPastDay;
      this.beforeHistory = null;
      r = this.place(c, ctx);
    }
    if (!r || !isValid(r.date)) return null;
    // 去年9月 / ことし4月27日 / 先月24日 are asides about another time, and 日本時間の19日 is the local day
    // told in Japan's time: they do not move the day the narration is at, so a later bare 10日 (or a
    // speaker's きょう) still counts from the narration
    // (nor does the date of an earlier occurrence counted from: この日 after 8月25日に…開かれて以来 is still
    // the day reported)
    // (nor does 前日 in a sentence about what had happened before: 安倍首相は前日、…と述べていた, then
    // 同日午前 is the narration's day again)
    // (but a paragraph that opens on a day of another year, told as what happened then, is a paragraph of
    // history, day after day, until the next: 昨年4月11日には…会談した。…7月20日に…再開した — the year of
    // 7月20日 is that one)
    const history =
      c.kind === "relative-year" &&
      c.day !== undefined &&
      !ctx.flashback &&
      !ctx.describesNoun &&
      (ctx.paragraphStart || this.beforeHistory !== null);
    if (history && ctx.paragraphStart)
      this.beforeHistory = { lastDay: this.lastDay, lastPastDay: this.lastPastDay };
    const aside =
      (c.kind === "relative-year" && !history) ||
      // (a day of this or last month the sentence opens on moves the narration: 今月18日には、…。…この日)
      (c.kind === "relative-month" && !(ctx.opensSentence && c.day !== undefined)) ||
      !!ctx.converted ||
      !!ctx.countedFrom ||
      (c.kind === "relative-day" && !!ctx.flashback) ||
      !!ctx.describesNoun ||
      !!ctx.spanOfNoun ||
      !!ctx.listedAfterAside;
    // (and 同日 in its sentence is not the day of a clause describing a noun either)
    this.remember(r.date, aside, !ctx.describesNoun);
    if (granularityOf(r.date) === "day" && !ctx.describesNoun)
      this.lastMentionedBoundsSpan = !!ctx.spanOfNoun;
    // (2014年12月だ。両首脳は16日に…: a past month with its year, where the narration has moved)
    if (
      c.kind === "absolute" &&
      c.month !== undefined &&
      c.day === undefined &&
      !aside &&
      this.published?.month !== undefined &&
      c.year * 12 + c.month < this.published.year * 12 + this.published.month
    )
      this.monthSinceDay = r.date;
    return this.beforeHistory ? { ...r, history: true } : r;
  }

  /** The day everything relative is counted from, if known. */
  private dayAnchor(): CalendarDate | null {
    return this.lastDay;
  }

  private beforePublication(d: CalendarDate): boolean {
    return this.published?.day !== undefined && epochDay(d) < epochDay(this.published);
  }

  /** A day more than a week before the publication. */
  private longBeforePublication(d: CalendarDate | null): boolean {
    return (
      d?.day !== undefined && this.published?.day !== undefined && epochDay(this.published) - epochDay(d) > 7
    );
  }

  private afterPublication(d: CalendarDate): boolean {
    return this.published?.day !== undefined && epochDay(d) > epochDay(this.published);
  }

  /**
   * The day 同日 refers to. A sentence that says what happened that day (同日夜には夕食会が開かれた) cannot
   * be about a day after the article was published: when the last day mentioned is one (a plan, or what
   * an agreement sets: 5月1日から…中止する), it refers to the last day mentioned before it.
   */
  private sameDay(ctx: ResolveContext): CalendarDate | null {
    // 今月6日に日本を出発し、同じ日に…到着した: the day just given in the sentence, aside or not
    // (not the first day of a stay that describes who did it: 10日から…滞在していた首相らは同日午後、帰還した)
    if (ctx.sameSentence && this.lastMentionedDay && !this.lastMentionedBoundsSpan)
      return this.lastMentionedDay;
    if (ctx.past && this.lastDay && this.afterPublication(this.lastDay))
      return this.lastPastDay ?? this.lastDay;
    return this.lastDay;
  }

  /**
   * What きょう, 今年 or 先月 count from: the publication date in narration;
   * inside a quotation, the time being reported, at the granularity needed.
   */
  private deicticAnchor(ctx: ResolveContext, unit: "day" | "month" | "year"): CalendarDate | null {
    if (!ctx.inQuote) return this.published;
    // (a speaker's 今年 is the year of the day they spoke, not of the last year told before the sentence:
    // 実施要綱(2005年から2008年まで)を承認した。…「今年は中露国交樹立55周年にあたる」 — but one told in the
    // sentence is when they spoke: 2019年6月の首脳会談で、安倍晋三首相が「来年の桜の咲く頃に…」)
    const told = unit === "month" ? this.lastMonth : this.lastYear;
    const reported = unit === "day" ? this.lastDay : ctx.sameSentence ? told : (this.lastDay ?? told);
    return reported ?? this.published;
  }

  private remember(d: CalendarDate, aside = false, mentioned = true): void {
    const gran = granularityOf(d);
    this.lastTold = d;
    if (gran === "day" && mentioned) this.lastMentionedDay = d;
    if (gran === "day") this.monthSinceDay = null;
    if (gran === "day" && !aside) {
      this.lastDay = d;
      if (!this.afterPublication(d)) this.lastPastDay = d;
    }
    if (gran !== "year") this.lastMonth = { year: d.year, month: d.month };
    this.lastYear = { year: d.year };
  }

  private place(c: TimexCandidate, ctx: ResolveContext): Resolution | null {
    switch (c.kind) {
      case "absolute":
        return { date: { year: c.year, month: c.month, day: c.month ? c.day : undefined }, anchor: "text" };
      case "short-year": {
        const ref = this.published?.year ?? this.lastYear?.year;
        if (ref === undefined) return null;
        const century = Math.floor(ref / 100) * 100;
        let year = century + c.yy;
        if (year > ref) year -= 100;
        return { date: { year, month: c.month, day: c.month ? c.day : undefined }, anchor: "published" };
      }
      case "partial": {
        // 昨年12月17日に起きた。首相は翌18日に…: the day after the day just told, aside or not
        const next = c.dayAfterLast && this.lastMentionedDay ? addDays(this.lastMentionedDay, 1) : null;
        if (next && next.day === c.day) return { date: next, anchor: "discourse" };
        // (先月4日と28日: a day listed after a date is of that date's month, an aside's too)
        const listedWith = ctx.listedAfterAside && c.month === undefined ? this.lastMentionedDay : null;
        if (listedWith?.month !== undefined)
          return {
            date: { year: listedWith.year, month: listedWith.month, day: c.day },
            anchor: "discourse",
          };
        // 3月上旬…。書簡は同12日: the day of the month last told, whatever day was told last
        // (7月4日と28日: a day listed after a date is of its month)
        if ((c.ofLastMonth || (ctx.listed && c.month === undefined)) && this.lastMonth?.month !== undefined)
          return {
            date: { year: this.lastMonth.year, month: this.lastMonth.month, day: c.day },
            anchor: "discourse",
          };
        // 11月1日から3週間にわたって行われた交渉で、3首脳が21日に仮調印していた: a later bare day after a day
        // told with its month in the same sentence is of that month, not whichever month is nearer
        // (an earlier one goes on to the next: 2月28日に…、1日に)
        const sameMonth = ctx.sameSentence && c.month === undefined ? this.lastMentionedDay : null;
        // (and the day a span ends is of the month it starts in, however far ahead: 来年2月18日から21日まで)
        if (sameMonth?.month !== undefined && sameMonth.day !== undefined && (c.day ?? 0) > sameMonth.day) {
          const date = { year: sameMonth.year, month: sameMonth.month, day: c.day };
          if (isValid(date) && (ctx.endsSpan || !this.afterPublication(date)))
            return { date, anchor: "discourse" };
        }
        // 今月上旬には…会談し、7日、…発表していた: a bare day after the publication's month told in the same
        // sentence is of it, whatever later day was told before
        const toldMonth = ctx.sameSentence && c.month === undefined ? this.lastTold : null;
        if (
          toldMonth?.month !== undefined &&
          toldMonth.day === undefined &&
          this.samePublicationMonth(toldMonth)
        ) {
          const date = { year: toldMonth.year, month: toldMonth.month, day: c.day };
          if (isValid(date)) return { date, anchor: "discourse" };
        }
        return this.placePartial(c.month, c.day, ctx);
      }
      case "relative-year": {
        const base = c.deictic ? this.deicticAnchor(ctx, "year") : this.lastYear;
        if (!base) return null;
        return {
          date: { year: base.year + c.offset, month: c.month, day: c.month ? c.day : undefined },
          anchor: c.deictic && !ctx.inQuote ? "published" : "discourse",
        };
      }
      case "relative-month": {
        const base = c.deictic ? this.deicticAnchor(ctx, "month") : this.lastMonth;
        if (!base || base.month === undefined) return null;
        const m = addMonths(base, c.offset);
        return { date: { ...m, day: c.day }, anchor: c.deictic && !ctx.inQuote ? "published" : "discourse" };
      }
      case "relative-day": {
        let base: CalendarDate | null;
        let anchor: Resolution["anchor"] = "discourse";
        if (c.deictic) {
          base = this.deicticAnchor(ctx, "day");
          if (!ctx.inQuote) anchor = "published";
        } else if (ctx.paragraphStart && this.focal) {
          base = this.focal;
          anchor = "focal";
        } else base = this.dayAnchor();
        if (!base || base.day === undefined) return null;
        return { date: addDays(base, c.offset), anchor };
      }
      case "same": {
        const base =
          c.unit === "day" ? this.sameDay(ctx) : c.unit === "month" ? this.lastMonth : this.lastYear;
        if (!base) return null;
        if (c.unit === "year") return { date: { year: base.year, month: c.month }, anchor: "discourse" };
        if (c.unit === "month") return { date: { year: base.year, month: base.month }, anchor: "discourse" };
        return { date: base, anchor: "discourse" };
      }
      case "weekday": {
        const base = this.deicticAnchor(ctx, "day");
        if (!base || base.day === undefined) return null;
        // the nearest such day, looking at most three days back or ahead (週明け: the next one; and the
        // coming one for what is still to be done: 「木曜日にトルコで…待つ」)
        const deltas = c.after
          ? [1, 2, 3, 4, 5, 6, 7]
          : ctx.toCome
            ? [0, 1, 2, 3, 4, 5, 6]
            : [0, 1, -1, 2, -2, 3, -3];
        for (const delta of deltas) {
          const d = addDays(base, delta);
          if (weekday(d) === c.weekday) return { date: d, anchor: ctx.inQuote ? "discourse" : "published" };
        }
        return null;
      }
      case "year-part": {
        const base = this.published ?? this.lastYear;
        if (!base) return null;
        const late = c.nextIfLate && (base.month ?? 1) >= 9;
        return { date: { year: base.year + c.offset + (late ? 1 : 0) }, anchor: "published" };
      }
    }
  }

  private samePublicationMonth(d: CalendarDate): boolean {
    return this.published?.year === d.year && this.published.month === d.month;
  }

  /** A day of the month after the publication's, more than a week after it. */
  private farIntoNextMonth(d: CalendarDate): boolean {
    const p = this.published;
    if (p?.day === undefined || d.day === undefined) return false;
    const next = addMonths(p, 1);
    return d.year === next.year && d.month === next.month && epochDay(d) - epochDay(p) > 7;
  }

  /**
   * A bare day that is the narration's own day again (十三日に…署名した。…一九九一年四月に…署名している。
   * 官房長官は十三日夕の記者会見で): after an aside about a past month, the writer is back at the news's day.
   */
  private repeatsNarrationDay(day: number | undefined): boolean {
    const narration = this.lastDay;
    return (
      day !== undefined &&
      narration?.day === day &&
      this.published?.day !== undefined &&
      Math.abs(epochDay(narration) - epochDay(this.published)) <= NEWS_WEEKS_DAYS
    );
  }

  /**
   * A bare day opening a paragraph that is the day to come the narration was just at (…９月３日に…出席する
   * ため、…訪問する予定。朴大統領は３日午前の記念行事に出席する。¶ 朴大統領は３日午後に上海に移動し): the
   * article goes on about that day, not about the publication's month. A sentence in the past tense cannot
   * be (…５月７日の就任式の後、…可能性がある。¶ 一方、…長官は７日に北京で…会談した: April's 7th).
   */
  private repeatsPlannedDay(day: number | undefined, ctx: ResolveContext): boolean {
    return (
      this.repeatsNarrationDay(day) &&
      this.lastDay !== null &&
      this.afterPublication(this.lastDay) &&
      !ctx.pastTense
    );
  }

  /** Month-day or day without a year: the reading nearest the anchor. */
  private placePartial(
    month: number | undefined,
    day: number | undefined,
    ctx: ResolveContext,
  ): Resolution | null {
    // (先月10日から2日間…開き、12日に発表した: a bare day in the sentence of an aside's past day is in its
    // month; 来月12日に予定されていたが、翌25日には: not in a plan's)
    const aside = this.lastMentionedDay;
    const anchor =
      (month === undefined && ctx.sameSentence && aside && !this.afterPublication(aside) ? aside : null) ??
      (month === undefined && ((ctx.paragraphStart && !this.repeatsPlannedDay(day, ctx)) || ctx.localTime)
        ? this.published
        : null) ??
      (month === undefined && ctx.past && !this.repeatsNarrationDay(day) ? this.monthSinceDay : null) ??
      // (11月9日にベルリンの壁が開放されるなど、…。大統領は4日、…首脳会議で…説明し、…臨む予定だ, in the paper of
      // 4 December: a plan's bare day is of the news's weeks, not of a past day told weeks before)
      (month === undefined && ctx.plan && this.longBeforePublication(this.lastDay) ? this.published : null) ??
      this.lastDay ??
      this.lastMonth ??
      this.published;
    if (!anchor) return null;
    if (month === undefined && day === undefined) return null;
    if (month === undefined) {
      // a bare day: this month, the one before or the one after
      if (anchor.month === undefined) return null;
      if (anchor.day === undefined)
        return { date: { year: anchor.year, month: anchor.month, day }, anchor: "discourse" };
      const options = [-1, 0, 1]
        .map((k) => ({ ...addMonths(anchor, k), day }))
        .filter(isValid)
        .filter((d) => !ctx.toCome || !this.beforePublication(d))
        // (トランプ米大統領は6日に…電話会談した in the paper of the 23rd is this month's 6th, though next month's is
        // nearer: a day of next month more than a week ahead would have been written 来月6日)
        // (but 6月11日から13日まで in the paper of 6 May: the day a range ends is of its start's month)
        .filter(
          (d, _, all) =>
            !this.samePublicationMonth(anchor) ||
            !this.farIntoNextMonth(d) ||
            all.every((x) => this.farIntoNextMonth(x)),
        )
        .map((d) => ({ d, dist: Math.abs(epochDay(d) - epochDay(anchor)) }))
        .sort((a, b) => a.dist - b.dist);
      const best = options[0];
      if (!best) return null;
      const second = options[1];
      const alternative = second && second.dist - best.dist <= 3 ? second.d : undefined;
      return { date: best.d, alternative, anchor: "discourse" };
    }
    // a month (and day) without a year: the year that puts it nearest — but a month alone in a sentence
    // that reports what has happened is not one months to come (1月にも訪露し、…面会している, written in
    // November); the next month may still be (4月上旬で調整していた来日を延期すると発表した, in March)
    // (…5月15日から撤退を始め、8月15日までに半数。／書記長は2月8日、…表明, in the paper of 15 April: a day
    // planned later in the publication's year does not move the year a date of its own is nearest to)
    const planned =
      anchor.day !== undefined && this.afterPublication(anchor) && anchor.year === this.published?.year;
    const ref = planned ? this.published! : anchor.month === undefined ? { ...anchor, month: 7 } : anchor;
    const published = this.published;
    // (an earlier occurrence the text counts from is past: プーチン氏が訪中した2月4日以来)
    const possible = (d: CalendarDate) => {
      if (published?.month === undefined) return true;
      const months = d.year * 12 + d.month!;
      const publishedMonths = published.year * 12 + published.month;
      if (ctx.countedFrom) return months <= publishedMonths;
      return day !== undefined || !ctx.past || months <= publishedMonths + 1;
    };
    const candidates = [-1, 0, 1]
      .map((k) => ({ year: anchor.year + k, month, day }))
      .filter(isValid)
      .filter(possible)
      .map((d) => ({
        d,
        dist: Math.abs(epochDay({ ...d, day: d.day ?? 15 }) - epochDay({ ...ref, day: ref.day ?? 15 })),
      }))
      .sort((a, b) => a.dist - b.dist);
    const best = candidates[0];
    if (!best) return null;
    // a paragraph that opens on a month and day of the publication's weeks is back at the news, after an
    // aside about another year (…2022年1月6日に署名された。／岸田総理大臣は、1月9日から…訪問しています)
    const current = published?.day !== undefined ? { year: published.year, month, day: day ?? 15 } : null;
    if (
      ctx.paragraphStart &&
      current &&
      isValid(current) &&
      best.d.year !== published!.year &&
      Math.abs(epochDay(current) - epochDay(published!)) <= NEWS_WEEKS_DAYS &&
      possible(current)
    )
      return { date: { year: published!.year, month, day }, anchor: "published" };
    return { date: best.d, anchor: "discourse" };
  }
}

/** How far from the publication a date opening a paragraph is still taken as the news's (see placePartial). */
const NEWS_WEEKS_DAYS = 31;
