/**
 * Clauses and case particles: the little syntax that event and quotation
 * extraction share.
 *
 * A sentence is cut into clauses after a predicate in its continuative form
 * followed by 、 (到着し、 / 述べたうえで、 / 会談したが、): each clause has its
 * own arguments, while the sentence topic (Xは at the start) governs all of
 * them. Each mention is read with the particle that follows it.
 */
import type { Token } from "../analyse/tokenizer.js";
import type { UnlistedTitles } from "./unlisted-titles.js";

/** The particle after a mention, longest form first. */
const PARTICLES = [
  "による",
  "にとっては",
  "にとっても",
  "としては",
  "としても",
  // (金正日総書記の特使として訪米中の…: the role one acts in, not a party met with と)
  "として",
  "とともに",
  "と共に",
  "と並んで",
  "と並び",
  "との間で",
  "との間に",
  "の間で",
  "とは",
  "との",
  "とも",
  "とで",
  "には",
  "では",
  "からは",
  "から",
  "まで",
  "へは",
  "へ",
  "と",
  "が",
  "は",
  "も",
  "を",
  "に",
  "で",
  "の",
  "や",
  "、",
  "・",
  " ",
];

/** The written words for "and" (及び, 並びに) that join names as 、 does. */
export const WRITTEN_AND_WORDS = "及び|および|並びに|ならびに";
const WRITTEN_AND = new RegExp(`^(?:${WRITTEN_AND_WORDS})`);

export function particleAfter(text: string, pos: number): string {
  // 韓国と北朝鮮をはじめ、米国、日本…: the list goes on
  if (text.startsWith("をはじめ", pos) || text.startsWith("を始め", pos)) return "、";
  // エルベグドルジ大統領及びアルタンホヤグ首相と: written coordination, as 、
  if (WRITTEN_AND.test(text.slice(pos, pos + 4))) return "、";
  for (const p of PARTICLES) if (text.startsWith(p, pos)) return p;
  return "";
}

/** Where clauses start inside a sentence (the sentence start included), from its tokens. */
export function clauseStarts(
  text: string,
  tokens: readonly Token[],
  sentenceStart: number,
  sentenceEnd: number,
): number[] {
  const starts = [sentenceStart];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.surface !== "、") continue;
    const prev = tokens[i - 1]!;
    const predicate =
      prev.pos === "動詞" ||
      prev.pos === "助動詞" ||
      (prev.pos === "助詞" && prev.pos1 === "接続助詞") ||
      (prev.pos === "名詞" &&
        /^(うえ|上|後|あと|ほか|一方|際|ため)$/.test(prev.surface) &&
        /た|の/.test(tokens[i - 2]?.surface ?? ""));
    if (predicate) starts.push(t.end);
  }
  // without tokens, fall back on the written shapes of continuative endings
  if (tokens.length === 0) {
    const sentence = text.slice(sentenceStart, sentenceEnd);
    const re =
      /(?:し|して|した上で|したうえで|ており|ていて|たが|したが|した後|したあと|り|き|け|め|べ|え|ち|び|み|ず)、/g;
    for (let m = re.exec(sentence); m; m = re.exec(sentence))
      starts.push(sentenceStart + m.index + m[0].length);
  }
  return [...new Set(starts)].sort((a, b) => a - b);
}

/** The clause [start, end) containing a position. */
export function clauseAround(
  starts: readonly number[],
  sentenceEnd: number,
  pos: number,
): { start: number; end: number } {
  let start = starts[0]!;
  let end = sentenceEnd;
  for (const s of starts) {
    if (s <= pos) start = s;
    else {
      end = s;
      break;
    }
  }
  return { start, end };
}

/**
 * A past verb ending a relative clause that describes the noun right after it (ホイットラム氏も|訪れた|天壇公園,
 * 韓国が|一時、破棄を通告した|日韓の…協定): the subject just before `from`
 * (marked が or も) is the relative clause's, not the sentence's. Within the clause alone, or past a comma too
 * (the speaker of a quotation is looked for across the sentence).
 */
const PAST_ENDING = "(?:した|った|いた|れた|えた|きた|ねた|んだ)";
const NOUN_AFTER = "[\\u4E00-\\u9FFF\\u30A1-\\u30FA]";
const RELATIVE_CLAUSE = {
  clause: new RegExp(`^[^、。「」はがも]{0,8}?${PAST_ENDING}(?=${NOUN_AFTER})`),
  // (across a sentence, …した後 and …した際 are times the verb sets, more often than nouns it describes)
  // (and past a verb of the present too: ルセフ氏が…総裁に就任する式典に出席し、「…」 — but not one a plan or
  // a purpose follows, 訪問する予定, 出席するため, which tell of the subject itself)
  sentence: new RegExp(
    `^[^。「」は]{0,30}?(?:${PAST_ENDING}(?=(?![後際上時前]|ため|あと)${NOUN_AFTER})|する(?=(?![後際上時前]|ため|あと|予定|見通し|方針|考え|意向|方向|構え|見込み|可能性|必要|こと|もの|よう)${NOUN_AFTER}))`,
  ),
};

export const relativeClauseFollows = (text: string, from: number, reach: "clause" | "sentence") =>
  RELATIVE_CLAUSE[reach].test(text.slice(from, from + 40));

/**
 * 王毅政治局委員と, 楊潔篪中央外事工作委員会弁公室主任は: a title the lexicon does not list, written
 * after a name, stands between the person and the particle.
 */
export function skipUnknownTitle(text: string, pos: number, titles: UnlistedTitles): number {
  // 陳敏爾・同市党委員会書記と: the title may be joined by ・, and hold a title word inside (委員会書記)
  const from = text[pos] === "・" ? pos + 1 : pos;
  for (const re of [titles.longest, titles.shortest]) {
    const m = re.exec(text.slice(from, from + 16));
    const end = from + (m?.[0].length ?? 0);
    // (外務審議官らが: those with them may follow the title)
    if (m && (particleAfter(text, end) || (text[end] === "ら" && particleAfter(text, end + 1)))) return end;
  }
  return pos;
}

/**
 * 文在寅大統領と北朝鮮の金正恩委員長, 岸田外相(58)と韓国の尹外相: と or 、 between two people named as one
 * subject — past glosses in brackets, and a state qualifying the second.
 */
export const joinedAsOne = (between: string) =>
  /^(?:と|、)(?:[^、。とはが]{1,10}の)?$/.test(between.replace(/\([^)]*\)/g, ""));
