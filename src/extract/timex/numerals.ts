/**
 * Numbers as Japanese dates write them: Arabic digits (already half-width
 * after normalisation) or kanji numerals, positional (二〇二三) or with
 * multipliers (二千二十三, 二十九). Only the range dates need (< 10,000).
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The pattern source of one number, for use inside larger patterns. */
export const NUMBER = "(?:[0-9]{1,4}|[〇零一二三四五六七八九十百千]{1,7})";

/** Reads a number written in digits or kanji; NaN when it is not one. */
export function readNumber(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (s.length === 0) return Number.NaN;
  // positional: 二〇二三, 〇二
  if ([...s].every((c) => c in DIGITS)) return Number([...s].map((c) => DIGITS[c]).join(""));
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c in DIGITS) current = DIGITS[c]!;
    else if (c in UNITS) {
      total += (current === 0 ? 1 : current) * UNITS[c]!;
      current = 0;
    } else return Number.NaN;
  }
  return total + current;
}
