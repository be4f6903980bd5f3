/**
 * Where an event took place: the place of its clause (ソウルで会談した), the destination of a visit (訪朝,
 * 北朝鮮を訪問), the states a tour lists, or the dateline the article opens with (【シンガポール時事】), made
 * into the event's place with the names the lexicon knows.
 */
import type { Trigger } from "../../lexicon/triggers.js";
import type { PipelineContext } from "../../pipeline/context.js";
import { type AnalysedDocument, citeSpan } from "../../pipeline/document.js";
import type { Mention } from "../mentions.js";
import type { EventPlace } from "../types.js";
import type { PlaceArg } from "./arguments.js";
import { describesNoun } from "./agreement-names.js";
import { WRITTEN_AND_WORDS } from "../clauses.js";
import { PLACE_RANK } from "./sides.js";

/** How specific a place is (sides.ts's PLACE_RANK): a venue before a city before a country. */
export const placeRank = (p: PlaceArg) => (p.entry ? (PLACE_RANK[p.entry.kind] ?? 0) : 0);

/**
 * The place of a trigger: of the places in its clause marked by one of `particles` (or qualifying the next
 * one, ピョンヤンのクムスサン迎賓館で), the most specific, and of two as specific the nearer before it.
 */
export function pickPlace(
  text: string,
  places: PlaceArg[],
  clause: { start: number; end: number },
  start: number,
  particles: string[],
): PlaceArg | null {
  // before the trigger (ソウルで会談した), or after a noun trigger and before its predicate
  // (首脳会談は、19日午後、首都ピョンヤンのクムスサン迎賓館で行われました) — but not where another gathering
  // a relative clause names was held (カナダで開かれたG7サミットの際に…6月9日には電話会談も)
  const inClause = places.filter(
    (p) => p.start >= clause.start && p.end <= clause.end && !heldElsewhere(text, p, start),
  );
  // ピョンヤンのクムスサン迎賓館で: the venue carries で, the city qualifies it (right before it: not
  // 北朝鮮の金正恩委員長による…首脳会談が12日、シンガポールで)
  const qualifies = (p: PlaceArg, next: PlaceArg | undefined) =>
    p.particle === "の" &&
    !!next &&
    particles.includes(next.particle) &&
    next.start - p.end <= 12 &&
    !/[、。]/.test(text.slice(p.end, next.start));
  const chosen = inClause.filter((p, i) => particles.includes(p.particle) || qualifies(p, inClause[i + 1]));
  if (chosen.length === 0) return null;
  // (of two as specific, the nearer before it: …リマで開かれるAPEC首脳会議と、18日からリオデジャネイロで開かれる
  // G20サミット; one after it only for want of one before)
  const distance = (p: PlaceArg) => (p.end <= start ? start - p.end : text.length + p.start - start);
  return [...chosen].sort((a, b) => placeRank(b) - placeRank(a) || distance(a) - distance(b))[0]!;
}

/** ベオグラードに入り、, 北京に到着し、: a place the sentence's traveller has just reached, in a clause that runs on. */
const REACHED = /^(?:に(?:入り|到着し|着き)|入りし)(?:、|た後、|てから)/;

/**
 * The place an earlier clause of the sentence brings its traveller to (続いて7日夜にベオグラードに入り、翌8日に
 * ブチッチ大統領と会談した): where what follows in the sentence happens, when its own clause names none.
 */
export function reachedBefore(
  text: string,
  places: readonly PlaceArg[],
  sentenceStart: number,
  clauseStart: number,
): PlaceArg | null {
  const reached = places.filter(
    (p) => p.start >= sentenceStart && p.end <= clauseStart && REACHED.test(text.slice(p.end, p.end + 6)),
  );
  return reached[reached.length - 1] ?? null;
}

/** カナダで開かれた(G7サミット): a place a relative clause says something else was held at, before `start`. */
function heldElsewhere(text: string, p: PlaceArg, start: number): boolean {
  const m = /^で(?:開かれ|行われ|開催され)た/.exec(text.slice(p.end, p.end + 8));
  if (!m || p.end + m[0].length >= start) return false;
  // (the trigger itself, or a meeting of the same clause, may be what was held there: 北京で開かれた首脳会談)
  return /。|の際|以来|直後|直前|に(?:合わ|あわ)せ/.test(text.slice(p.end + m[0].length, start));
}

/** What joins states listed (日本、韓国と中国, カナダ及び米国). */
const LISTED_STATES_JOIN = new RegExp(`^(?:[、とや]|${WRITTEN_AND_WORDS})$`);

/**
 * 日本、韓国、中国を歴訪, 中国と韓国を訪問: the states coordinated before a state visited (by 、, と, や or 及び,
 * nothing else between), in the clause — each is visited too.
 */

export function statesListedBefore(
  text: string,
  places: readonly PlaceArg[],
  dest: PlaceArg,
  clauseStart: number,
): PlaceArg[] {
  if (!dest.state || dest.entry) return [];
  const out: PlaceArg[] = [];
  let next = dest;
  for (;;) {
    const before = places.find(
      (p) =>
        p.end < next.start &&
        p.start >= clauseStart &&
        LISTED_STATES_JOIN.test(text.slice(p.end, next.start)),
    );
    if (!before?.state || before.entry || out.some((p) => p.state === before.state)) break;
    if (before.state !== dest.state) out.unshift(before);
    next = before;
  }
  return out;
}

/** Where a visit goes: 訪朝's own state, or the place or state visited (を/に/へ) in the clause. */
/** アスマラを離れた, 北京を後にし, 羽田空港を出発: the place a traveller leaves. */
const LEFT = /^を(?:離れ|後に|あとに|出発|発っ|発ち|たっ|立ち|出国)/;

export function destination(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  trigger: Trigger,
  word: string,
  places: PlaceArg[],
  clause: { start: number; end: number },
  start: number,
  end: number,
): PlaceArg | null {
  const lex = ctx.lexicon;
  // 訪朝 / 訪中 / 来日: the word itself names the state
  const abbr =
    trigger.destination_prefix && word.startsWith(trigger.destination_prefix)
      ? word.slice(trigger.destination_prefix.length)
      : /^(?:訪|来)(.)$/.exec(word)?.[1];
  const named = abbr ? lex.abbreviations.get(abbr) : undefined;
  const text = doc.norm.text;
  // 訪問先のマレーシアの首都クアラルンプールで: the places named after 訪問先の
  if (word === "訪問先") {
    const after = places.filter((p) => p.start > end && p.start <= end + 24);
    const best = [...after].sort((a, b) => placeRank(b) - placeRank(a))[0];
    if (best) return best;
  }
  // サンフランシスコで開かれる…首脳会議に出席するため、14日に現地入りした: 現地 is where the sentence says
  // something is held, else where the report is filed from (【シンガポール時事】)
  // (not a stop made before it: フィンランドを訪問した後、6日に現地入りし)
  if (text.slice(start - 2, start) === "現地") {
    const there = places.filter((p) => p.end <= start - 2 && /^(?:で|での|では)$/.test(p.particle)).pop();
    const filed = there ?? datelinePlace(doc, ctx);
    if (filed) return filed;
  }
  // the place or state visited: を/に/へ, or written right before the word (中国訪問) — not one left
  // (アスマラを離れたアビー首相は、…エチオピアを訪問中の)
  const candidates = places.filter(
    (p) =>
      p.start >= clause.start &&
      p.end <= start &&
      (/^(を|に|へ|には|への)$/.test(p.particle) || p.end === start) &&
      !LEFT.test(text.slice(p.end, p.end + 6)) &&
      (!named || (p.state ?? p.entry?.country) === named),
  );
  const specific = [...candidates].sort((a, b) => placeRank(b) - placeRank(a) || b.start - a.start)[0];
  if (specific) return specific;
  // 続いて訪れた韓国では: the place the visit's relative clause describes
  // (not 訪れた中国の李強首相: a state qualifying the visitor)
  if (!named && describesNoun(text, end)) {
    const next = places.find((p) => p.start > end && p.start <= end + 3 && p.particle !== "の");
    if (next) return next;
  }
  // (現地 after a place named otherwise, with no report's place to go by: the place the sentence named)
  if (text.slice(start - 2, start) === "現地") {
    const there = places.filter((p) => p.end <= start - 2).pop();
    if (there) return there;
  }
  // 訪問中のペルーの首都リマで: else the place right after it, or the one that one qualifies
  if ((word === "訪問" || word === "滞在") && text.startsWith("中の", end)) {
    let at = places.find((p) => p.start === end + 2);
    for (let next = at; next;) {
      const gap = text.slice(next.end, next.end + 4);
      const after = /^の(?:首都)?/.exec(gap);
      next = after ? places.find((p) => p.start === next!.end + after[0].length) : undefined;
      if (next) at = next;
    }
    if (at) return at;
  }
  if (named) return { start, end, id: named, entry: null, state: named, particle: "" };
  // 外相の訪中は、2019年12月に当時の茂木外相が訪れて以来: the visit counted from went where the one it
  // is counted for goes
  if (/^て?以来/.test(text.slice(end, end + 4))) {
    const counted = [...text.slice(Math.max(0, start - 40), start).matchAll(/訪(.)は/g)].pop();
    const state = counted ? lex.abbreviations.get(counted[1]!) : undefined;
    if (counted && state) {
      const at = Math.max(0, start - 40) + counted.index;
      return { start: at, end: at + 2, id: state, entry: null, state, particle: "" };
    }
  }
  return null;
}

/**
 * The place or state a dateline opens with (【シンガポール時事】, 【ハノイ=…】), if the article has one; else,
 * for a city the lexicon lacks, the place or state it is told to be in (【ウェストパームビーチ(米フロリダ州)=…】).
 */
export function datelineMention(doc: AnalysedDocument): Mention | undefined {
  const text = doc.norm.text;
  const first = doc.sentences.find((s) => !s.headline && text[s.start] === "【");
  if (!first) return undefined;
  const close = text.indexOf("】", first.start);
  const inside = doc.mentions.filter(
    (m) =>
      (m.kind === "place" || m.kind === "state") &&
      m.entityId &&
      m.start > first.start &&
      close > 0 &&
      m.end <= close,
  );
  return (
    inside.find((m) => m.start === first.start + 1) ??
    // (the city's own name first, unknown: what qualifies it in brackets, its region before its state)
    (text[first.start + 1] !== "(" && /[(（]/.test(text.slice(first.start, close))
      ? (inside.find((m) => m.kind === "place") ?? inside.find((m) => m.kind === "state"))
      : undefined)
  );
}

/** The place of the dateline (【シンガポール時事】, 【ハノイ=…】), as a place argument, if the article has one. */
function datelinePlace(doc: AnalysedDocument, ctx: PipelineContext): PlaceArg | null {
  const m = datelineMention(doc);
  if (!m?.entityId) return null;
  const base = { start: m.start, end: m.end, id: m.entityId, particle: "" };
  return m.kind === "state"
    ? { ...base, entry: null, state: m.entityId }
    : { ...base, entry: ctx.lexicon.places.get(m.entityId) ?? null };
}

export function eventPlace(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  p: PlaceArg | null,
): EventPlace | null {
  if (!p) return null;
  const lex = ctx.lexicon;
  const raw = citeSpan(doc, p.start, p.end);
  const cited = { start: raw.start, end: raw.end, text: doc.source.body.slice(raw.start, raw.end) };
  if (p.state && !p.entry) {
    return {
      id: p.state,
      names: [...lex.namesOf("state", p.state), cited.text],
      kind: "country",
      country: p.state,
      cited,
    };
  }
  return {
    id: p.id,
    names: [...new Set([...lex.namesOf("place", p.id), cited.text])],
    kind: p.entry?.kind,
    country: p.entry?.country,
    cited,
  };
}
