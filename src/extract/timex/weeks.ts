/**
 * Weeks named relative to the publication (来週, 今週後半, 再来週前半, 先週末). A week has no value among the
 * contract's timex granularities, so the tagger leaves it out; an event the text dates by one alone is dated
 * to its days.
 */
import { addDays, parseIso, toIso, weekday } from "./calendar.js";

const WEEK = /(再来週|来週|今週|先週)(前半|後半|末|中)?/;
const WEEK_OFFSET: Record<string, number> = { 先週: -1, 今週: 0, 来週: 1, 再来週: 2 };

/** The days (Monday to Sunday, or the part named) of the first week `text` names, from the publication date. */
export function weekNamed(
  text: string,
  published: string | null,
): { start: string; end: string } | undefined {
  const m = WEEK.exec(text);
  const day = parseIso(published);
  if (!m || !day || day.day === undefined) return undefined;
  // (weeks start on Monday)
  const monday = addDays(day, -((weekday(day) + 6) % 7) + 7 * WEEK_OFFSET[m[1]!]!);
  const [from, to] = m[2] === "前半" ? [0, 2] : m[2] === "後半" ? [3, 6] : m[2] === "末" ? [4, 6] : [0, 6];
  return { start: toIso(addDays(monday, from)), end: toIso(addDays(monday, to)) };
}
