/**
 * The analysis pipeline: small components, each adding one layer to the
 * document, run in order — read → normalise → segment → dates → select →
 * tokenize → mentions → resolve → (events, quotes).
 */
import { findQuotations } from "../analyse/brackets.js";
import { splitSentences } from "../analyse/sentences.js";
import type { Token } from "../analyse/tokenizer.js";
import { apparatusZones } from "../analyse/zones.js";
import { findMentions, statePairStarts } from "../extract/mentions.js";
import { countsFrom, type Timex, tagTimex } from "../extract/timex/tagger.js";
import { normalise } from "../normalise/normalise.js";
import { type GazetteerMatch, isKatakana } from "../analyse/gazetteer.js";
import type { Lexicon, SurfaceRef } from "../lexicon/lexicon.js";
import type { SourceDocument } from "../read/document.js";
import { resolveMentions } from "../resolve/actors.js";
import type { PipelineContext } from "./context.js";
import { type AnalysedDocument, citeSpan, inBrackets, sentenceAt } from "./document.js";

export interface Component {
  name: string;
  run(doc: AnalysedDocument, ctx: PipelineContext): void | Promise<void>;
}

/** Sentences, quotations and apparatus zones of the normalised text. */
export const segment: Component = {
  name: "segment",
  run(doc, ctx) {
    doc.sentences = splitSentences(doc.norm.text);
    doc.quotations = findQuotations(doc.norm.text).map((q) => ({
      ...q,
      speech: ctx.reportsSpeech(doc.norm.text, q),
    }));
    doc.apparatus = apparatusZones(doc.norm.text);
  },
};

/** Temporal expressions, placed on the calendar. */
export const dates: Component = {
  name: "dates",
  run(doc) {
    const quotes = doc.quotations.map((q) => ({ start: q.innerStart, end: q.innerEnd }));
    doc.timexes = tagTimex(doc.norm.text, {
      published: doc.source.published,
      quotes,
      exclude: doc.apparatus,
    });
    for (const t of doc.timexes) {
      if (!t.alternative) continue;
      const r = citeSpan(doc, t.start, t.end);
      doc.messages.push({
        rule: "timex/ambiguous-day",
        reason: `「${t.text}」 read as ${t.value}; ${t.alternative} is nearly as likely`,
        ...r,
        severity: "warning",
      });
    }
  },
};

/** Where the text read for facts ends: at the first apparatus zone (reference lists and the like). */
const analysedEnd = (doc: AnalysedDocument) => doc.apparatus[0]?.start ?? doc.norm.text.length;

const inApparatus = (doc: AnalysedDocument, pos: number) =>
  doc.apparatus.some((z) => pos >= z.start && pos < z.end);

/**
 * Where the lexicon's automaton names a party to diplomacy: a person, state
 * or organisation; a surname directly before the title of an office that
 * someone of that surname held (岸田首相, 金総書記); or a foreign name in
 * katakana directly before an office's title (ルト大統領), for the leaders
 * the lexicon does not list yet. A surname or a title alone is not enough:
 * 林 and 高 are in 小林 and 高止まり, and 加藤監督 or 社長 appear on every
 * business and sports page.
 */
function partyStarts(lex: Lexicon, text: string, matches: readonly GazetteerMatch<SurfaceRef[]>[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (m.value.some((r) => r.kind === "person" || r.kind === "state" || r.kind === "organization")) {
      out.push(m.start);
      continue;
    }
    if (
      m.value.some((r) => r.kind === "title") &&
      m.start >= 2 &&
      isKatakana(text.charCodeAt(m.start - 1)) &&
      isKatakana(text.charCodeAt(m.start - 2))
    ) {
      out.push(m.start);
      continue;
    }
    const next = matches[k + 1];
    if (!next || next.start !== m.end) continue;
    const offices = new Set(next.value.flatMap((r) => (r.kind === "title" ? r.offices : [])));
    const held = m.value.some(
      (r) =>
        r.kind === "surname" && (lex.people.get(r.id)?.offices.some((t) => offices.has(t.office)) ?? false),
    );
    if (held) out.push(m.start);
  }
  return out;
}

/**
 * Whether the document is about diplomacy at all: some sentence names a
 * party (a person, state or organisation of the lexicon, or an office
 * holder by name and title) beside a trigger word or a quotation. Most of
 * a news stream — markets, sports, weather — is not, and such a document is
 * stored for search without being analysed: everything after this
 * component is skipped, and a message says so. Both automata run once
 * over the text; what the lexicon and the trigger files know decides, so
 * extending them extends the scope.
 */
export const scope: Component = {
  name: "scope",
  run(doc, ctx) {
    const text = doc.norm.text;
    // the automaton's pass over what mentions are read from (up to the apparatus), kept for them
    const end = analysedEnd(doc);
    const matches = ctx.gazetteer.findAll(text, 0, end);
    doc.layers.lexiconMatches = matches;
    const parties = [
      ...partyStarts(ctx.lexicon, text, matches),
      ...statePairStarts(ctx.lexicon, text, end),
    ].sort((a, b) => a - b);
    if (parties.length === 0) return outOfScope(doc);
    const triggers = triggerStarts(doc, ctx);
    const cues = [...triggers, ...doc.quotations.map((q) => q.start)].sort((a, b) => a - b);
    // one sweep over sentences, parties and cues together, all in text order
    let p = 0;
    let c = 0;
    for (const s of doc.sentences) {
      while (p < parties.length && parties[p]! < s.start) p++;
      while (c < cues.length && cues[c]! < s.start) c++;
      const party = p < parties.length && parties[p]! < s.end;
      const cue = c < cues.length && cues[c]! < s.end;
      if (party && cue && !inApparatus(doc, s.start)) return;
    }
    outOfScope(doc);
  },
};

function outOfScope(doc: AnalysedDocument): void {
  doc.outOfScope = true;
  doc.messages.push({
    rule: "scope/not-diplomacy",
    reason:
      "no sentence names a party of the lexicon beside a trigger word or a quotation: stored for search, not analysed",
    severity: "info",
  });
}

/**
 * Where the trigger words start in the whole text, in order: one pass of
 * their automaton, kept for the components after the one that ran it (the
 * scope test, then the selection of sentences).
 */
function triggerStarts(doc: AnalysedDocument, ctx: PipelineContext): readonly number[] {
  const kept = doc.layers.triggerStarts as number[] | undefined;
  if (kept) return kept;
  const starts = ctx.triggerWords.findAll(doc.norm.text).map((m) => m.start);
  doc.layers.triggerStarts = starts;
  return starts;
}

/**
 * The sentences worth the morphological analyser: those with a trigger word
 * or a quotation. Everything else is read only by the fast passes.
 */
export const select: Component = {
  name: "select",
  run(doc, ctx) {
    const chosen = new Set<number>();
    const text = doc.norm.text;
    // the first 「 at or after the current sentence (-1: none left), found once rather than searched
    // from every sentence to the end of the text, which made long documents quadratic
    let quote = text.indexOf("「");
    const triggers = triggerStarts(doc, ctx);
    let t = 0;
    for (const s of doc.sentences) {
      if (quote >= 0 && quote < s.start) quote = text.indexOf("「", s.start);
      while (t < triggers.length && triggers[t]! < s.start) t++;
      if (inApparatus(doc, s.start)) continue;
      if ((quote >= 0 && quote < s.end) || (t < triggers.length && triggers[t]! < s.end)) chosen.add(s.index);
    }
    doc.layers.candidates = chosen;
  },
};

/** kuromoji on the selected sentences only; token spans in normalised-text coordinates. */
export const tokenize: Component = {
  name: "tokenize",
  async run(doc, ctx) {
    const chosen = doc.layers.candidates as Set<number> | undefined;
    if (!chosen || chosen.size === 0) return;
    const analyser = await ctx.analyser();
    for (const s of doc.sentences) {
      if (!chosen.has(s.index)) continue;
      doc.tokens.set(s.index, analyser.tokenize(doc.norm.text.slice(s.start, s.end), s.start));
    }
  },
};

/** Mentions of people, states, organisations and places. */
export const mentions: Component = {
  name: "mentions",
  run(doc, ctx) {
    const tokens: Token[] = [...doc.tokens.values()].flat();
    doc.mentions = findMentions(doc.norm.text, ctx.lexicon, ctx.gazetteer, 0, analysedEnd(doc), {
      tokens,
      compoundStopwords: ctx.compoundStopwords,
      exclude: doc.timexes,
      matches: doc.layers.lexiconMatches as GazetteerMatch<SurfaceRef[]>[] | undefined,
    });
  },
};

/** Who each mention is, on the date that applies to its sentence. */
export const resolve: Component = {
  name: "resolve",
  run(doc, ctx) {
    const published = doc.source.published;
    // each sentence's first date expression, found once (not once per mention), and where in the sentence
    // a 「…のは」 before it ends when the text counts from that date: 日本の首相が…韓国を訪れるのは、2011年
    // 10月の野田佳彦首相以来 — who does it now, before that point, is not of the date counted from
    const text = doc.norm.text;
    const quoted = (pos: number) => inBrackets(doc, pos, pos + 1);
    const firstDate = new Map<number, { t: Timex; nowUntil: number }>();
    for (const t of doc.timexes) {
      const s = sentenceAt(doc, t.start);
      if (!s || t.start < s.start || t.end > s.end || firstDate.has(s.index)) continue;
      // (a date a speaker names is of what they speak about: 首相はあいさつで「来年は…30周年に当たる」と述べた
      // is said by this year's prime minister)
      if (quoted(t.start)) continue;
      const topic = countsFrom(text, t) ? text.lastIndexOf("のは", t.start) : -1;
      firstDate.set(s.index, { t, nowUntil: topic >= s.start ? topic : -1 });
    }
    const dateAt = (pos: number) => {
      const s = sentenceAt(doc, pos);
      const first = s && firstDate.get(s.index);
      if (!first) return published;
      return pos < first.nowUntil ? published : first.t.value;
    };
    doc.resolved = resolveMentions(doc.mentions, ctx.lexicon, {
      dateAt,
      published,
      text,
      sentenceAt: (pos) => sentenceAt(doc, pos)?.index ?? -1,
      paragraphAt: (pos) => sentenceAt(doc, pos)?.paragraph ?? -1,
      quoted,
    });
  },
};

export const FOUNDATION: Component[] = [segment, scope, dates, select, tokenize, mentions, resolve];

export class Pipeline {
  constructor(
    readonly ctx: PipelineContext,
    readonly components: readonly Component[] = FOUNDATION,
  ) {}

  async process(source: SourceDocument): Promise<AnalysedDocument> {
    const doc: AnalysedDocument = {
      source,
      norm: normalise(source.body),
      sentences: [],
      quotations: [],
      apparatus: [],
      timexes: [],
      tokens: new Map(),
      mentions: [],
      resolved: [],
      messages: [],
      outOfScope: false,
      layers: {},
    };
    for (const c of this.components) {
      await c.run(doc, this.ctx);
      // a document found to be about something else keeps what it has (text, sentences) and no more
      if (doc.outOfScope) break;
    }
    return doc;
  }
}
