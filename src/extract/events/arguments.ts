/**
 * The arguments around a trigger: the actors, places and dates of its
 * clause and sentence, each with the particle that tells its role.
 */
import type { Sentence } from "../../analyse/sentences.js";
import type { Lexicon } from "../../lexicon/lexicon.js";
import type { PlaceEntry } from "../../lexicon/schema.js";
import { type AnalysedDocument, inReportedSpeech } from "../../pipeline/document.js";
import { type ActorRef, type ResolvedMention, stateRef } from "../../resolve/actors.js";
import { afterGloss, DELEGATION_NOUN, type Mention } from "../mentions.js";
import type { Timex } from "../timex/tagger.js";
import { particleAfter, skipUnknownTitle } from "../clauses.js";
import { type UnlistedTitles, unlistedTitles } from "../unlisted-titles.js";

export interface ActorArg {
  start: number;
  end: number;
  actors: ActorRef[];
  particle: string;
  /** The mention is a compound of states (露朝) or a title alone. */
  compound: boolean;
  resolved: ResolvedMention;
}

export interface PlaceArg {
  start: number;
  end: number;
  id: string;
  entry: PlaceEntry | null;
  /** A state named as a place (北朝鮮を訪問). */
  state?: string;
  particle: string;
}

export interface SentenceArguments {
  sentence: Sentence;
  actors: ActorArg[];
  places: PlaceArg[];
  timexes: Timex[];
}

/** 【釜山(韓国南部)=池田慶太、照沼亮介】: a dateline and byline are not part of the report. */
export function bylineEnd(text: string, start: number, end: number): number {
  if (text[start] !== "【") return start;
  const close = text.indexOf("】", start);
  return close > start && close < end ? close + 1 : start;
}

/** 下院指導部, 韓国の特使団, 政府高官: a body of people named after ら, ending in a word for a group. */
const GROUP_AFTER_RA = new RegExp(
  `^(?:[\\u4E00-\\u9FFF\\u30A0-\\u30FF]{1,8}の)?[\\u4E00-\\u9FFF]{0,8}?(?:${DELEGATION_NOUN}|指導部|議員団|一行|幹部|高官|首脳陣|関係者)`,
);

/** 李鴻忠氏率いる代表団と: a delegation named by whom it is led by. */
const LED_DELEGATION = new RegExp(`^(?:が|の)?率いる[^、。はがをにでと]{0,10}?(?:${DELEGATION_NOUN}|一行)`);

/** 習近平国家主席(61)と, 岸田文雄首相(自民党総裁)は: an aside in parentheses does not hide the particle. */
function skipAside(text: string, pos: number, start: number): number {
  // 北朝鮮側に, 中国側は: the side of a state is the state
  if (text[pos] === "側") return pos + 1;
  // 北京郊外の盧溝橋などを訪問する: one of several, the particle after など
  if (text.startsWith("など", pos) && particleAfter(text, pos + 2) !== "") return pos + 2;
  // ラブロフ外相らが, ソ・テハ委員長らと: the people with the one named take the same part — and so do
  // those named as a body after ら (ペロシ下院議長ら下院指導部と, 委員長ら代表団は)
  if (text[pos] === "ら") {
    if (particleAfter(text, pos + 1) !== "") return pos + 1;
    const body = GROUP_AFTER_RA.exec(text.slice(pos + 1, pos + 14));
    if (body && particleAfter(text, pos + 1 + body[0].length) !== "") return pos + 1 + body[0].length;
  }
  // 韓国側施設「平和の家」で: a name in brackets is followed by its own particle
  if ((text[pos] === "」" && text[start - 1] === "「") || (text[pos] === "』" && text[start - 1] === "『"))
    return pos + 1;
  // 金正恩(キム・ジョンウン)氏と: an honorific after the reading in brackets
  const glossed = afterGloss(text, pos);
  return glossed > pos && /^(?:氏|さん|女史)/.test(text.slice(glossed, glossed + 2))
    ? glossed + (text.startsWith("女史", glossed) ? 2 : 1)
    : glossed;
}

/**
 * 韓国の首脳は, …ロシアの6カ国は: the leaders of the state just named, or the states a list of them ends
 * in, who act; カザフスタン、ウズベキスタン、モンゴルの3か国を訪問: the states a list ends in, visited or met.
 */
const LEADERS_OF = /^の(?:首脳(?:ら|たち)?|[0-9一二三四五六七八九十]+[かカケヵ]国)/;
/** The particles after such leaders or states that make them parties (not 3か国による委員会, 3か国の首都). */
const PARTY_PARTICLES = new Set(["は", "が", "も", "を", "に", "には", "へ", "と", "との", "とは"]);

/** The particle after 韓国の首脳 / …モンゴルの3か国, if it makes them parties. */
function leadersParticle(text: string, at: number): string | undefined {
  const m = LEADERS_OF.exec(text.slice(at, at + 8));
  if (!m) return undefined;
  const particle = particleAfter(text, at + m[0].length);
  return PARTY_PARTICLES.has(particle) ? particle : undefined;
}

/**
 * 日中両首脳は, 日韓両政府が, 米中両国は, 韓米首脳は, 日中外相が: the states of a compound, by their leaders,
 * ministers or governments.
 */
const GROUP_HEAD = /^(?:両(?:首脳|政府|国|外相)|(?:首脳|外相|政府)(?=[はがも]))/;
/**
 * 日米韓の外務省の局長級は, 日中の外相が: a compound qualifying the people who act is their side —
 * the subject of what they do.
 */
const GROUP_SUBJECT = /^の(?:[^、。はがをにでとも「」]{1,8}の)?[^、。はがをにでとも「」]{1,8}?(は|が)/;
/**
 * Officials below the ministers (日米韓の外務省の局長級は) are left out: the states of their talks would
 * be read as the ministers the article names, and merged with the ministers' own call that day.
 */
const WORKING_LEVEL = /局長|次官|審議官|高官|実務|担当者|当局者|事務/;

function groupSubject(after: string, own: string): string {
  const m = GROUP_SUBJECT.exec(after);
  return m && !WORKING_LEVEL.test(m[0]) ? m[1]! : own;
}

/**
 * サンフランシスコ郊外で, ソウル市内で (ソウル市 + 内で), 中国東北部で: a word for the part of a place or its surroundings
 * stands between the place and the particle that tells where something happened.
 */
const LOCALITY =
  /^(?:郊外|近郊|市内|市街地?|都内|府内|県内|州内|道内|島内|内|(?:市)?中心部|周辺|付近|近く|[東西南北]{1,2}部)/;

/**
 * 東京・元赤坂の迎賓館で, 東京・永田町で: a district written after its city with ・ is a finer part of it (in kanji
 * only: ワシントン・ポスト紙によると names no place).
 */
const DISTRICT = /^・[一-龥々ヶケがノ]{1,5}(?=[のでにへを])/;

function skipLocality(text: string, pos: number): number {
  const district = DISTRICT.exec(text.slice(pos, pos + 8));
  if (district) pos += district[0].length;
  const m = LOCALITY.exec(text.slice(pos, pos + 6));
  return m ? pos + m[0].length : pos;
}

/**
 * ピョンヤンの国際空港に到着, ソウル市内のホテルで会談, ブダペストの首相府で, ロンドンのランカスター・ハウスで: a city
 * qualifying a venue the lexicon does not
 * know is where the venue is — the particle after the venue is the city's. Only for places: a state's
 * embassy (中国の大使館で) stands in another country.
 */
const UNKNOWN_VENUE =
  /^の[^、。はがをにでとへもや「」()]{0,10}?(?:空港|ホテル|施設|会場|宮殿|宮|庁舎|庁|省|府|官邸|公邸|公館|会館|迎賓館|本部|大使館|総領事館|広場|記念館|博物館|工場|基地|港|大学|会議場|議事堂|宿舎|山荘|別荘|招待所|センター|館|邸|公園|ハウス|ホール|パレス|タワー|プラザ|アリーナ|ガーデン|パーク|リゾート)(では|での|で|に|へ|を)/;

function venueParticle(text: string, pos: number): string | undefined {
  return UNKNOWN_VENUE.exec(text.slice(pos, pos + 24))?.[1];
}

/**
 * The particle that tells a mention's role, past what may stand between them for its kind: the
 * delegation a person leads, an aside, the heads of a compound of states, a place's surroundings, a
 * title the lexicon lacks; a city's venue and a compound's people, which carry the particle for it.
 */
function particleOf(text: string, m: Mention, titles: UnlistedTitles): string {
  // 李鴻忠氏率いる代表団と: the leader of a delegation stands for it
  const led = LED_DELEGATION.exec(text.slice(m.end, m.end + 20));
  const head = m.kind === "group" ? GROUP_HEAD.exec(text.slice(m.end, m.end + 3)) : null;
  const after = led ? m.end + led[0].length : head ? m.end + head[0].length : skipAside(text, m.end, m.start);
  if ((m.kind === "place" || m.kind === "state") && m.entityId) {
    const at = skipLocality(text, after);
    const own = particleAfter(text, at);
    // 日本と中国、韓国の首脳は: the leaders of the states listed are the states acting
    if (m.kind === "state" && own === "の") return leadersParticle(text, at) ?? own;
    return m.kind === "place" && own === "の" ? (venueParticle(text, at) ?? own) : own;
  }
  if (m.kind === "person") {
    // 盧泰愚大統領夫妻は: the couple acts as the person (not 首相夫人は, who is another)
    const at = skipUnknownTitle(text, after, titles);
    // (田中均外務審議官らが: those with them go with the person)
    const own = text.startsWith("夫妻", at) ? at + 2 : at;
    return particleAfter(text, own) || (text[own] === "ら" ? particleAfter(text, own + 1) : "");
  }
  // 米朝首脳の対面は: the compound's leaders' noun phrase is the subject
  const leaders = m.kind === "group" && text.startsWith("首脳の", after) ? after + 2 : after;
  const own = particleAfter(text, leaders);
  return m.kind === "group" && own === "の" ? groupSubject(text.slice(leaders, leaders + 24), own) : own;
}

/**
 * A title used generically (日本の首相と中国主席の会談は11年12月以来): when the
 * article never names the office holder, the participant is the state.
 */
function generic(doc: AnalysedDocument, lex: Lexicon, r: ResolvedMention): ActorRef[] {
  if (r.via !== "title") return r.actors;
  // the office holder of the day is meant (韓国の統一相は13日…); only a title used for another
  // time (11年12月以来) stands for the office in general
  const published = doc.source.published;
  if (!r.date || !published || r.date.slice(0, 7) === published.slice(0, 7)) return r.actors;
  return r.actors.map((a) => {
    if (a.kind !== "person" || !a.country) return a;
    const named = doc.resolved.some(
      (o) => o !== r && o.via !== "title" && o.actors.some((b) => b.id === a.id),
    );
    return named ? a : stateRef(lex, a.country);
  });
}

/** Skips の of a place qualifying a venue: ピョンヤンのクムスサン迎賓館で. */
export function collectArguments(doc: AnalysedDocument, sentence: Sentence, lex: Lexicon): SentenceArguments {
  const lexPlaces = lex.places;
  const titles = unlistedTitles(lex);
  const text = doc.norm.text;
  const actors: ActorArg[] = [];
  const places: PlaceArg[] = [];
  const byline = bylineEnd(text, sentence.start, sentence.end);
  const resolved = doc.resolved;
  // the mentions are in text order: start at the first one past the byline, not at the document's first
  let lo = 0;
  for (let hi = resolved.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (resolved[mid]!.mention.start < byline) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < resolved.length; i++) {
    const r = resolved[i]!;
    const m = r.mention;
    if (m.start >= sentence.end) break;
    if (inReportedSpeech(doc, m.start, m.end)) continue;
    const particle = particleOf(text, m, titles);
    if (m.kind === "place" && m.entityId) {
      places.push({
        start: m.start,
        end: m.end,
        id: m.entityId,
        entry: lexPlaces.get(m.entityId) ?? null,
        particle,
      });
      continue;
    }
    if (m.kind === "state" && m.entityId && !m.anaphor) {
      // a state is both a possible actor and a possible destination
      places.push({ start: m.start, end: m.end, id: m.entityId, entry: null, state: m.entityId, particle });
    }
    if (m.qualifies !== undefined) continue;
    if (r.actors.length === 0) continue;
    actors.push({
      start: m.start,
      end: m.end,
      actors: generic(doc, lex, r),
      particle,
      compound: m.kind === "group",
      resolved: r,
    });
  }
  return { sentence, actors, places, timexes: sentenceTimexes(doc, sentence, byline) };
}

/**
 * The date expressions of a sentence past its dateline (【3月22日 AFP】: the dateline's date is when the
 * report was filed, not when what it reports happened).
 */
export function sentenceTimexes(
  doc: AnalysedDocument,
  sentence: Sentence,
  byline = bylineEnd(doc.norm.text, sentence.start, sentence.end),
): Timex[] {
  return doc.timexes.filter((t) => t.start >= Math.max(byline, sentence.start) && t.end <= sentence.end);
}
