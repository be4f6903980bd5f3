/**
 * Japan's time and the local day. A report may date an event abroad only in
 * Japan's time (外相会談が、日本時間の7日未明、ワシントンで開かれ): the day in
 * Washington was the 6th. The tagger keeps the hour the expression gives;
 * once the event's place is known, its state's offset from UTC (states.yaml)
 * says whether the local day was the one before.
 */
import { addDays, type CalendarDate } from "./calendar.js";

/** Japan Standard Time, in hours from UTC. */
const JST = 9;

/** The hour a part of the day stands for (its middle, or where it usually falls in reports). */
const PART_OF_DAY: readonly [RegExp, number][] = [
  [/未明$/, 3],
  [/早朝$/, 6],
  [/(?:朝|明け方)$/, 8],
  [/午前(?:中)?$/, 10],
  [/(?:昼|正午|昼前|昼過ぎ)$/, 12],
  [/午後$/, 15],
  [/夕(?:方|刻)?$/, 17],
  [/(?:夜|晩)$/, 20],
  [/深夜$/, 23],
];

/**
 * The hour of the day a day expression gives (7日未明 → 3, 8日午後9時ごろ → 21), or undefined when it
 * names none (7日).
 */
export function hourOf(expression: string): number | undefined {
  const text = expression.replace(/(?:ごろ|頃|過ぎ|すぎ)$/, "");
  const clock = /(午前|午後)?(\d{1,2})時(?:\d{1,2}分|半)?$/.exec(text);
  if (clock) {
    const h = Number(clock[2]);
    if (h > 24) return undefined;
    return clock[1] === "午後" && h < 12 ? h + 12 : h;
  }
  for (const [pattern, hour] of PART_OF_DAY) if (pattern.test(text)) return hour;
  return undefined;
}

/**
 * The local day of a moment given as a day and hour in Japan's time, at a place `utcOffset` hours from
 * UTC: the day before when the hour there had not yet reached midnight, the day after when it had
 * passed the next.
 */
export function localDayOf(japanDay: CalendarDate, japanHour: number, utcOffset: number): CalendarDate {
  const hour = japanHour - JST + utcOffset;
  if (hour < 0) return addDays(japanDay, -1);
  if (hour >= 24) return addDays(japanDay, 1);
  return japanDay;
}
