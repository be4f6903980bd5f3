/**
 * What Japanese news writes for dates, as patterns over the normalised
 * text. Each match becomes a {@link TimexCandidate}: what the expression
 * says, before it is placed on the calendar (see resolve.ts).
 */
import { NUMBER as N, readNumber } from "./numerals.js";

export type TimexCandidate =
  /** An explicit year, possibly with month and day (2023年9月12日, 令和5年, 2019.02.28). */
  | { kind: "absolute"; year: number; month?: number; day?: number }
  /** A two-digit year (72年, 02年9月17日): the century comes from the anchor. */
  | { kind: "short-year"; yy: number; month?: number; day?: number }
  /** Month and/or day without a year (9月12日, 9月, 12日). */
  | { kind: "partial"; month?: number; day?: number; ofLastMonth?: true; dayAfterLast?: true }
  /** A year relative to the anchor (去年, ことし2月, 来年春). */
  | { kind: "relative-year"; offset: number; deictic: boolean; month?: number; day?: number }
  /** A month relative to the anchor (先月, 今月24日). */
  | { kind: "relative-month"; offset: number; deictic: boolean; day?: number }
  /** A day relative to the anchor (きょう, 前日, 2日後). */
  | { kind: "relative-day"; offset: number; deictic: boolean; shift?: boolean }
  /** The date, month or year last mentioned (同日, 同月, 同年11月). */
  | { kind: "same"; unit: "day" | "month" | "year"; month?: number }
  /** The nearest day with this weekday (金曜日), 0 = Sunday; with `after`, the next one. */
  | { kind: "weekday"; weekday: number; after?: boolean }
  /** The year of the anchor or the next one (年内, 年明け). */
  | { kind: "year-part"; offset: number; nextIfLate?: boolean };

export interface TimexRule {
  name: string;
  pattern: RegExp;
  build(m: RegExpExecArray): TimexCandidate | null;
}

/** Parts of a day or a month that are kept in the span but not in the value. */
const TIME_OF_DAY = `(?:の)?(?:未明|早朝|朝|午前|正午|昼|午後|夕方|夕刻|夕|夜|深夜|晩)(?:${N}時(?:${N}分|半)?)?(?:ごろ|頃|過ぎ|すぎ)?`;
const CLOCK = `(?:${N}時(?:${N}分|半)?(?:ごろ|頃|過ぎ|すぎ)?)`;
const DAY_SUFFIX = `(?:\\((?:月|火|水|木|金|土|日)\\))?(?:${TIME_OF_DAY}|${CLOCK})?`;
const MONTH_PART = "(?:上旬|中旬|下旬|初旬|初め|はじめ|末|半ば|中)?";
const SEASON = "(?:の)?(?:春|夏|秋|冬)";
/**
 * What 今日の names when it means the present day (こんにち), not today: 今日の世界, 中露関係の今日の成果.
 * 今日の午後 and 今日の署名 are still today.
 */
const PRESENT_DAY =
  "世界|成果|国際|社会|情勢|時代|状況|繁栄|発展|地位|姿|中国|日本|韓国|米国|ロシア|両国|関係|わが国|我が国";
/** Not a date: durations, ordinals and counts that share the shape. */
const NOT_AFTER_DAY =
  "(?!間|ぶり|目|以内|余り|近く|連続|ほど|程度|分|後|前|ずれ|遅れ|延び|早ま|繰り|延ば|延長|早め|遅ら|前倒|あたり|当たり|平均|[0-9]+(?:便|回|往復|件|人|台|トン|隻|機|万|千|百))";
const NOT_AFTER_YEAR = "(?!間|ぶり|目|以内|余り|近く|連続|ほど|程度|分|後|前|半|代|生|度|来|周年|以上)";

const num = (s: string | undefined) => (s === undefined ? undefined : readNumber(s));
const ERA_START: Record<string, number> = { 令和: 2019, 平成: 1989, 昭和: 1926, 大正: 1912, 明治: 1868 };
const MONTHS_EN: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = { 日: 0, 月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6 };
const REL_YEAR: Record<string, [number, boolean]> = {
  去年: [-1, true],
  昨年: [-1, true],
  前年: [-1, false],
  ことし: [0, true],
  今年: [0, true],
  本年: [0, true],
  来年: [1, true],
  翌年: [1, false],
  再来年: [2, true],
  一昨年: [-2, true],
  おととし: [-2, true],
};
const REL_MONTH: Record<string, [number, boolean]> = {
  今月: [0, true],
  先月: [-1, true],
  来月: [1, true],
  前月: [-1, false],
  翌月: [1, false],
};
const REL_DAY: Record<string, [number, boolean]> = {
  今日: [0, true],
  きょう: [0, true],
  本日: [0, true],
  昨日: [-1, true],
  きのう: [-1, true],
  一昨日: [-2, true],
  おととい: [-2, true],
  明日: [1, true],
  あす: [1, true],
  あした: [1, true],
  明後日: [2, true],
  あさって: [2, true],
  当日: [0, false],
  前日: [-1, false],
  翌日: [1, false],
  翌々日: [2, false],
};

const g = (source: string) => new RegExp(source, "gu");
// not inside a longer number, and not a stay (3泊4日). Every rule that uses it goes on with a number: the
// lookahead first lets the engine pass over characters that cannot start one instead of testing the
// lookbehind at each (it halved the time of the date rules' scan)
const B = "(?=[0-9〇零一二三四五六七八九十百千])(?<![0-9〇零一二三四五六七八九十百千泊])";

export const TIMEX_RULES: TimexRule[] = [
  {
    name: "english",
    pattern: g(
      "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s*([0-9]{1,2}),\\s*([0-9]{4})\\b",
    ),
    build: (m) => ({
      kind: "absolute",
      year: Number(m[3]),
      month: MONTHS_EN[m[1]!.slice(0, 3).toLowerCase()]!,
      day: Number(m[2]),
    }),
  },
  {
    name: "era",
    pattern: g(`(令和|平成|昭和|大正|明治)(元|${N})年(?:(${N})月(?:(${N})日${DAY_SUFFIX})?${MONTH_PART})?`),
    build: (m) => ({
      kind: "absolute",
      year: ERA_START[m[1]!]! + (m[2] === "元" ? 1 : readNumber(m[2]!)) - 1,
      month: num(m[3]),
      day: num(m[4]),
    }),
  },
  {
    name: "iso-like",
    pattern: g("(?<![0-9./-])([0-9]{4})([/.-])([0-9]{1,2})\\2([0-9]{1,2})(?![0-9])"),
    build: (m) => ({ kind: "absolute", year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    name: "slug-month-day",
    // wire slugs: "10/08 08:39" at the start of a line
    pattern: g("(?<=^|\\n)([0-9]{1,2})/([0-9]{1,2})(?= [0-9]{1,2}:[0-9]{2})"),
    build: (m) => ({ kind: "partial", month: Number(m[1]), day: Number(m[2]) }),
  },
  {
    name: "year",
    pattern: g(
      `${B}([0-9]{4}|[〇零一二三四五六七八九]{4}|[二一]千[〇零一二三四五六七八九十百]{0,4})年(?:(${N})月(?:(${N})日${DAY_SUFFIX})?${MONTH_PART}|${SEASON})?${NOT_AFTER_YEAR}`,
    ),
    build: (m) => ({ kind: "absolute", year: readNumber(m[1]!), month: num(m[2]), day: num(m[3]) }),
  },
  {
    name: "short-year",
    pattern: g(
      `${B}(?<!樹立|建国|創建|創立|創設|設立|結成|結党|建軍|発足|解放|戦後|終戦|休戦|締結|誕生|開通|開業|成立|就任|在任|在位|正常化|復帰|統一|開始|発効|周|刑|懲役|禁錮|禁固|今後|今後の|次の|この先|から|ここ|過去|向こう|約|およそ|期間|有効期間)([0-9]{2}|[〇一二三四五六七八九]{2})年(?!の節目|の歳月|の月日)(?:(${N})月(?:(${N})日${DAY_SUFFIX})?${MONTH_PART}|(?=の|に(?!な|わた|及|およ)|、|は|から|まで|以来|当時|秋|春|夏|冬|共同|宣言|合意|条約|体制))${NOT_AFTER_YEAR}`,
    ),
    // (九三年十月: the two digits written in kanji, as newspapers set them before the 2000s)
    build: (m) => ({ kind: "short-year", yy: readNumber(m[1]!), month: num(m[2]), day: num(m[3]) }),
  },
  {
    name: "relative-year",
    pattern: g(
      // (今年度, 来年度: a fiscal year, from April, is no calendar year)
      `(去年|昨年|前年|ことし|今年|本年|来年|翌年|再来年|一昨年|おととし)(?!度)(?:の?(?:(${N})月(?:(${N})日${DAY_SUFFIX})?${MONTH_PART})|${SEASON}|(?:初め|末|中|前半|後半))?`,
    ),
    build: (m) => {
      const [offset, deictic] = REL_YEAR[m[1]!]!;
      return { kind: "relative-year", offset, deictic, month: num(m[2]), day: num(m[3]) };
    },
  },
  {
    // 今秋, 来春, 昨夏: a season of this, the next or the last year
    name: "season-word",
    pattern: g(`(今|来|昨)(?:春|夏|秋|冬)(?!季|期|学|闘|場|頃の)`),
    build: (m) => ({
      kind: "relative-year",
      offset: m[1] === "今" ? 0 : m[1] === "来" ? 1 : -1,
      deictic: true,
    }),
  },
  {
    name: "same-year",
    // (同9月: the 9th month of the year just told, as 同年9月)
    pattern: g(
      `(?:(?:同年|同じ年の?)(?:(${N})月${MONTH_PART})?|同(${N})月${MONTH_PART}(?![0-9〇一二三四五六七八九十]))`,
    ),
    build: (m) => ({ kind: "same", unit: "year", month: num(m[1] ?? m[2]) }),
  },
  {
    name: "relative-month",
    pattern: g(`(今月|先月|来月|前月|翌月)(?:(${N})日${DAY_SUFFIX}|${MONTH_PART})`),
    build: (m) => {
      const [offset, deictic] = REL_MONTH[m[1]!]!;
      return { kind: "relative-month", offset, deictic, day: num(m[2]) };
    },
  },
  {
    name: "same-month",
    // (同12日: the 12th of the month just told)
    pattern: g(`(?:(?:同月|同じ月の?)(?:(${N})日${DAY_SUFFIX}|${MONTH_PART})|同(${N})日${DAY_SUFFIX})`),
    build: (m) =>
      m[1] || m[2]
        ? { kind: "partial", day: num(m[1] ?? m[2]), ofLastMonth: true }
        : { kind: "same", unit: "month" },
  },
  {
    name: "month-day",
    pattern: g(`${B}(?<!年)(${N})月(?:(${N})日${DAY_SUFFIX}|${MONTH_PART})(?!間|ぶり|目|以内|分)`),
    build: (m) => ({ kind: "partial", month: readNumber(m[1]!), day: num(m[2]) }),
  },
  {
    name: "day",
    pattern: g(`${B}(${N})日${DAY_SUFFIX}${NOT_AFTER_DAY}(?!本(?!日))`),
    build: (m) => ({ kind: "partial", day: readNumber(m[1]!) }),
  },
  {
    name: "next-day-explicit",
    // 翌11日, 翌日11日: the next day, with its number written out
    pattern: g(`翌日?(${N})日${DAY_SUFFIX}`),
    build: (m) => ({ kind: "partial", day: readNumber(m[1]!), dayAfterLast: true }),
  },
  {
    name: "day-before-explicit",
    // 前日13日: the day before, with its number written out (the number says which)
    pattern: g(`前日(${N})日${DAY_SUFFIX}`),
    build: (m) => ({ kind: "partial", day: readNumber(m[1]!) }),
  },
  {
    name: "same-day",
    pattern: g(`(?:同日|この日|その日|同じ日の?)${DAY_SUFFIX}`),
    build: () => ({ kind: "same", unit: "day" }),
  },
  {
    name: "relative-day",
    pattern: g(
      `(?:(今日(?!の(?:${PRESENT_DAY}))|本日|昨日|一昨日|明日|明後日|当日|前日|翌日|翌々日)|(?<=^|[^ぁ-ゖ]|[はがもにとをでへやの])(きょう|きのう|おととい|あす|あした|あさって)(?!だい|かい|ぎ|りょく|つう|いく|ふ|じゅ|せい|し|か|ど|み))${DAY_SUFFIX}`,
    ),
    build: (m) => {
      const [offset, deictic] = REL_DAY[(m[1] ?? m[2])!]!;
      return { kind: "relative-day", offset, deictic };
    },
  },
  {
    name: "day-offset",
    pattern: g(`${B}(${N})(日|週間)(後|前)(?!半|後)`),
    build: (m) => {
      const n = readNumber(m[1]!) * (m[2] === "週間" ? 7 : 1);
      return { kind: "relative-day", offset: m[3] === "後" ? n : -n, deictic: false, shift: true };
    },
  },
  {
    name: "year-offset",
    // 71年前に原爆が投下された広島: counted back from the article's date (not a period: 71年間; not before the
    // date it stands for: 3年後の2021年9月)
    pattern: g(`${B}(${N})年(後|前)(?!半|後|前|の?[0-9])`),
    build: (m) => {
      const n = readNumber(m[1]!);
      return n > 0 && n < 200
        ? { kind: "relative-year", offset: m[2] === "後" ? n : -n, deictic: true }
        : null;
    },
  },
  {
    name: "start-of-week",
    // 週明け: the Monday after the anchor
    pattern: g("週明け"),
    build: () => ({ kind: "weekday", weekday: 1, after: true }),
  },
  {
    name: "weekday",
    pattern: g("(?<![(])(月|火|水|木|金|土|日)曜日?"),
    build: (m) => ({ kind: "weekday", weekday: WEEKDAYS[m[1]!]! }),
  },
  {
    name: "year-part",
    pattern: g("(年内|年明け|年末|年初|年始)(?!年)"),
    build: (m) =>
      m[1] === "年明け"
        ? { kind: "year-part", offset: 0, nextIfLate: true }
        : { kind: "year-part", offset: 0 },
  },
];
