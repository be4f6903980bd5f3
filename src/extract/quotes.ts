/**
 * Quotations and who said them.
 *
 * A bracketed span is a quotation when a reporting construction follows
 * it — 「…」と述べた / 強調した / 語った / 明らかにした, 「…」との考えを示した,
 * 「…」としたうえで — and not a label or a name (「新冷戦」と呼び, 「可視化」した).
 * The speaker is, in order:
 *   1. the subject marked by は/が nearest before the quotation in its
 *      sentence (キム総書記が「…」と述べたのに対してプーチン大統領は「…」);
 *      a person is preferred over a state or institution in the same
 *      sentence (the reporting official over 中国側);
 *   2. a subject between the quotation and its verb (「…」と、X氏は語った);
 *   3. the last speaker or subject of the preceding sentences, within the
 *      same stretch of text (そのうえで「…」と述べました).
 * A subject that is an anonymous source (高官, 関係者, 消息筋) or an
 * institution (国営テレビ, 外務省) is recorded as such, never forced onto a
 * person.
 */
import type { Lexicon } from "../lexicon/lexicon.js";
import type { AnalysedDocument } from "../pipeline/document.js";
import { citeSpan, sentenceAt } from "../pipeline/document.js";
import type { ActorRef, ResolvedMention } from "../resolve/actors.js";
import { joinedAsOne, relativeClauseFollows, skipUnknownTitle } from "./clauses.js";
import { afterGloss } from "./mentions.js";
import type { Cited, ExtractedQuote } from "./types.js";
import { type UnlistedTitles, unlistedTitles } from "./unlisted-titles.js";

/** A clause of reported content closes between a subject and the quotation. */
const EMBEDDED = /[^」』]と(?:指摘|述べ|強調|説明|明らかに|語|主張|批判|非難)|こと(?:など)?(?:を|に|が)/;

/** Subjects that are not named persons. */
const ANONYMOUS =
  /(?:高官|当局者|関係者|消息筋|外交筋|政府筋|筋|専門家|アナリスト|幹部|報道官室|報道官|広報官|市民|住民|人たち|人々|記者|議員ら|側近|担当者|職員|兵士|学生)$/;
const INSTITUTION =
  /(?:政府|外務省|外交部|国務省|国防省|国防総省|大統領府|官邸|通信|テレビ|新聞|放送|メディア|当局|側|軍|党|委員会|声明|談話|報道|発表|論評|社説)$/;
/** イスラム原理主義組織ハマス, 武装勢力タリバン: a body the lexicon lacks, named after its kind. */
const NAMED_BODY = /(?:組織|団体|勢力|機関|グループ)[\u30A0-\u30FF]{2,12}$/;
/** 「…によりますと、…「…」としています」: the source reports; the quotation is its account. */
const ACCORDING_TO = /(?:によりますと|によると|によれば)/;

/** の談話を発表, の声明を出し: a person's statement issued, whose words the next quotation may be. */
const STATEMENT_ISSUED = /^の(?:談話|声明|コメント|メッセージ)を(?:発表|出し|出す|公表)/;

interface Subject {
  /** Where the subject's particle は/が is, in normalised text. */
  at: number;
  particle?: string;
  actor: ActorRef | null;
  kind: ExtractedQuote["speakerKind"];
  text: string;
}

const SUBJECT_PARTICLES = new Set(["は", "が", "も", "で", "か"]);
const NOUN_CHAR = /[\u4E00-\u9FFF\u3400-\u4DBF々\u30A1-\u30FA\u30FC]/;

export function extractQuotes(doc: AnalysedDocument, lex: Lexicon): ExtractedQuote[] {
  const text = doc.norm.text;
  const out: ExtractedQuote[] = [];
  const subjects = findSubjects(doc, unlistedTitles(lex));
  const speakers: Subject[] = [];
  const apparatusStart = doc.apparatus[0]?.start ?? text.length;
  const quotations = doc.quotations;
  // 「…」「…」と強調した: a quotation right before another spoken one is spoken too
  // (segment marked each one already)
  const speech = quotations.map((q) => q.speech === true);
  for (let i = quotations.length - 2; i >= 0; i--) {
    if (
      !speech[i] &&
      speech[i + 1] &&
      /^[、\s]?$/.test(text.slice(quotations[i]!.end, quotations[i + 1]!.start))
    )
      speech[i] = true;
  }
  for (const [i, q] of quotations.entries()) {
    if (q.start >= apparatusStart) break;
    const after = text.slice(q.end - 1, q.end + 30);
    if (q.innerEnd - q.innerStart < 2) continue;
    const sentence = sentenceAt(doc, q.start);
    if (!sentence) continue;
    // a speaker the text sets beside the quotation itself: a label before it, or the next sentence's こう述べた
    const placed = labelledSpeaker(doc, q.start, sentence.start) ?? speakerAhead(doc, q, sentence, subjects);
    if (!speech[i] && !placed && !afterSpeechCue(doc, q, sentence)) continue;
    const inSentence = subjects.filter(
      (s) => s.at >= sentence.start && s.at < sentence.end && !insideQuotation(doc, s.at),
    );
    const sentenceText = text.slice(sentence.start, sentence.end);
    const reportedBySource =
      ACCORDING_TO.test(sentenceText) && /^(?:」|』)と(?:し|して)(?:ています|ている|た|ました)/.test(after);
    const source = reportedBySource ? sourceOf(doc, sentence.start, sentence.end) : null;
    const subject = placed ??
      source ??
      subjectBefore(text, inSentence, q.start) ??
      (verbFollows(after)
        ? undefined
        : inSentence.find((s) => s.at >= q.end && !/[「、。]と/.test(text.slice(q.end, s.at)))) ??
      recentSpeaker(doc, speakers, subjects, sentence.start) ?? {
        at: q.start,
        actor: null,
        kind: "unknown",
        text: "",
      };
    const inner = citeSpan(doc, q.innerStart, q.innerEnd);
    const cited: Cited = {
      start: inner.start,
      end: inner.end,
      text: doc.source.body.slice(inner.start, inner.end),
    };
    const verb = /^(?:」|』)(?:など|とも|と)?、?(?:と)?([^\s、。」]{1,6})/.exec(after)?.[1];
    out.push({
      id: `${doc.source.id}#q${out.length + 1}`,
      doc: doc.source.id,
      cited,
      speaker: subject.actor,
      speakerKind: subject.kind,
      ...(subject.text ? { speakerText: subject.text } : {}),
      ...(verb ? { verb } : {}),
      nested: q.depth > 0,
    });
    if (subject.kind !== "unknown") speakers.push({ ...subject, at: q.start });
  }
  return out;
}

/** Whether a person the text names is joined, right before `start`, to the one there as one subject. */
function joinedAfter(doc: AnalysedDocument, start: number): boolean {
  const text = doc.norm.text;
  return doc.resolved.some(
    (r) =>
      r.mention.kind === "person" &&
      r.actors.length === 1 &&
      r.mention.end < start &&
      start - r.mention.end <= 40 &&
      joinedAsOne(text.slice(r.mention.end, start)),
  );
}

/**
 * Every subject in the text: a mention, or a noun phrase naming an
 * anonymous source or an institution, directly followed by は, が or も.
 */
function findSubjects(doc: AnalysedDocument, titles: UnlistedTitles): Subject[] {
  const text = doc.norm.text;
  const out: Subject[] = [];
  const byEnd = new Map<number, ResolvedMention>();
  for (const r of doc.resolved) if (r.mention.qualifies === undefined) byEnd.set(r.mention.end, r);
  // ドニロン大統領補佐官(国家安全保障担当)は「…」: one speaks past a gloss in brackets after the name
  for (const r of doc.resolved) {
    if (r.mention.qualifies !== undefined) continue;
    const past = afterGloss(text, r.mention.end);
    if (past !== r.mention.end && !byEnd.has(past)) byEnd.set(past, r);
  }
  // カストロ議長は「…」: a person speaks past a title the lexicon does not list for them
  for (const r of doc.resolved) {
    if (r.mention.qualifies !== undefined || r.mention.kind !== "person") continue;
    const past = skipUnknownTitle(text, r.mention.end, titles);
    if (past !== r.mention.end && !byEnd.has(past)) byEnd.set(past, r);
  }
  for (let p = 1; p < text.length; p++) {
    // 麻生太郎外相の談話を発表。「…」と歓迎し: whose statement is issued says what follows
    if (text[p] === "の" && STATEMENT_ISSUED.test(text.slice(p, p + 12))) {
      const owner = byEnd.get(p);
      const a = owner?.actors.length === 1 ? owner.actors[0]! : undefined;
      if (a?.kind === "person")
        out.push({
          at: p,
          actor: a,
          kind: "person",
          text: text.slice(owner!.mention.start, owner!.mention.end),
        });
      continue;
    }
    if (!SUBJECT_PARTICLES.has(text[p]!)) continue;
    // 韓国が一時、破棄を通告した…協定についても「…」と述べた: the subject of a relative clause speaks no words
    if (text[p] === "が" && relativeClauseFollows(text, p + 1, "sentence")) continue;
    const r = byEnd.get(p);
    // プーチン大統領から踏み込んだ発言があって: から marks a speaker only before words of speech
    if (text[p] === "か" && !/^から[^。]{0,10}(?:発言|言葉|説明|指摘|報告|表明)/.test(text.slice(p, p + 16)))
      continue;
    // で marks a subject only for an announcement or statement (発表では「…」)
    if (text[p] === "で") {
      if (text[p + 1] !== "は") continue;
      const m = /(?:発表|声明|談話|報道|論評|社説)$/.exec(text.slice(Math.max(0, p - 4), p));
      if (m) out.push({ at: p, actor: null, kind: "organization", text: m[0] });
      continue;
    }
    if (r) {
      // 両首脳は「…」との意向を表明: said by both together, no one person's words (両首脳が is more often
      // the subject of a clause inside the sentence: 両首脳が署名した条約について「…」と述べ); 報道官は「…」:
      // an office holder the text does not name speaks for the office — neither is the last speaker
      const unnamed =
        r.actors.length > 1 && (text[p] === "は" || text[p] === "も")
          ? "joint"
          : r.actors.length === 0 && r.mention.kind === "person"
            ? "anonymous"
            : null;
      if (unnamed) {
        const said = text.slice(r.mention.start, r.mention.end);
        out.push({ at: p, particle: text[p], actor: null, kind: unnamed, text: said });
        continue;
      }
      if (r.actors.length !== 1) continue;
      const a = r.actors[0]!;
      // 岸田外相と韓国の尹外相は「…」との認識で合意した: the last of people joined by と speaks with the others
      if (
        a.kind === "person" &&
        (text[p] === "は" || text[p] === "も") &&
        joinedAfter(doc, r.mention.start)
      ) {
        out.push({
          at: p,
          particle: text[p],
          actor: null,
          kind: "joint",
          text: text.slice(r.mention.start, p),
        });
        continue;
      }
      out.push({
        at: p,
        particle: text[p],
        actor: a,
        kind: a.kind,
        text: text.slice(r.mention.start, r.mention.end),
      });
      continue;
    }
    // 市民らは, 関係者たちは, 組織ハマスなどは: the plural suffix does not change who they are
    const plural = /(?:ら|たち|など)$/.exec(text.slice(Math.max(0, p - 2), p))?.[0].length ?? 0;
    if (!NOUN_CHAR.test(text[p - 1 - plural] ?? "")) continue;
    let s = p - plural;
    while (
      s > 0 &&
      (NOUN_CHAR.test(text[s - 1]!) || (text[s - 1] === "の" && s - 2 >= 0 && NOUN_CHAR.test(text[s - 2]!)))
    )
      s--;
    const phrase = text.slice(s, p - plural);
    if (ANONYMOUS.test(phrase)) out.push({ at: p, actor: null, kind: "anonymous", text: phrase });
    else if (INSTITUTION.test(phrase) || NAMED_BODY.test(phrase))
      out.push({ at: p, actor: null, kind: "organization", text: phrase });
  }
  return out;
}

/** The organisation named before によりますと (or the last one named, for それによりますと). */
function sourceOf(doc: AnalysedDocument, from: number, to: number): Subject {
  const text = doc.norm.text;
  const at = text.slice(from, to).search(/によりますと|によると|によれば/);
  const orgs = doc.resolved.filter(
    (r) => r.mention.kind === "organization" && r.mention.end <= (at >= 0 ? from + at : to),
  );
  const org = orgs[orgs.length - 1];
  const name = org ? text.slice(org.mention.start, org.mention.end) : "報道";
  return { at: from, actor: org?.actors[0] ?? null, kind: "organization", text: name };
}

/** The nearest subject before the quotation; a person is preferred over a state or institution. */
function subjectBefore(text: string, inSentence: Subject[], quoteStart: number): Subject | null {
  // 「イランや中国もロシアを支援していると指摘した上で「…」」: a subject inside reported
  // content (…と指摘した, …と述べ) is not the speaker of what follows
  // — but the sentence's first topic governs it all: ミラー報道官は…違反すると指摘したうえで「…」と述べ
  const governing = inSentence.find((s) => s.particle === "は");
  const found = inSentence.filter(
    (s) => s.at < quoteStart && (s === governing || !EMBEDDED.test(text.slice(s.at, quoteStart))),
  );
  if (found.length === 0) return null;
  let nearest = found[found.length - 1]!;
  // 菅官房長官は…首相が発言した「具体的な行動」に関し「…」と述べた: a が-subject of a
  // relative clause yields to the topic that governs the reporting verb
  const topic = [...found].reverse().find((s) => s.particle === "は" && s.kind === "person");
  if (
    nearest.particle === "が" &&
    topic &&
    topic !== nearest &&
    /(?:した|する|された|している)/.test(text.slice(nearest.at, quoteStart))
  ) {
    nearest = topic;
  }
  if (nearest.kind === "person") return nearest;
  const person = [...found].reverse().find((s) => s.kind === "person");
  if (person && (nearest.kind === "state" || nearest.kind === "organization")) return person;
  return nearest;
}

function insideQuotation(doc: AnalysedDocument, pos: number): boolean {
  return doc.quotations.some((q) => pos > q.start && pos < q.end);
}

/**
 * そのうえで「…」と述べた: the speaker continues — the last speaker or person
 * subject before this sentence, if it is close enough to still be the topic.
 */
function recentSpeaker(
  doc: AnalysedDocument,
  speakers: Subject[],
  subjects: Subject[],
  sentenceStart: number,
): Subject | null {
  const lastSpeaker = speakers[speakers.length - 1];
  const lastSubject = [...subjects]
    .reverse()
    .find((s) => s.at < sentenceStart && s.kind === "person" && !insideQuotation(doc, s.at));
  const best = [lastSpeaker, lastSubject].filter((s): s is Subject => !!s).sort((a, b) => b.at - a.at)[0];
  if (!best || sentenceStart - best.at > 600) return null;
  return best;
}

/** 「…」と述べ、…: the reporting verb comes first, so a subject after it starts another clause. */
function verbFollows(afterClosing: string): boolean {
  return /^[」』](?:など|なども)?と(?:も)?(?:述べ|語|話|強調|明らか|表明|発表|指摘|説明|答え|訴え|主張|伝え|し|する)/.test(
    afterClosing,
  );
}

const CAPTION = /^[\s\u30A0-\u30FF\u4E00-\u9FFF・]{0,12}$/;

/**
 * A speaker written right before the quotation, without a particle: the
 * headline form 習主席「…」, a caption line naming the speaker above a
 * quotation (アメリカ バイデン大統領 / 「…」), and Xから「…」と要請された.
 */
function labelledSpeaker(doc: AnalysedDocument, quoteStart: number, sentenceStart: number): Subject | null {
  const text = doc.norm.text;
  const person = (r: ResolvedMention | undefined) =>
    r && r.actors.length === 1 && r.actors[0]!.kind === "person" ? r : undefined;
  const ending = (pos: number) =>
    person(doc.resolved.find((r) => r.mention.end === pos && r.mention.qualifies === undefined));
  const subject = (r: ResolvedMention): Subject => ({
    at: quoteStart,
    actor: r.actors[0]!,
    kind: "person",
    text: text.slice(r.mention.start, r.mention.end),
  });
  const direct =
    ending(quoteStart) ??
    (text.slice(quoteStart - 2, quoteStart) === "から" ? ending(quoteStart - 2) : undefined);
  if (direct) return subject(direct);
  // the quotation opens its line and the line before only names the speaker
  if (quoteStart === sentenceStart && text[quoteStart - 1] === "\n") {
    const prevEnd = quoteStart - 1;
    const prevStart = text.lastIndexOf("\n", prevEnd - 1) + 1;
    const r = ending(prevEnd);
    if (r && CAPTION.test(text.slice(prevStart, r.mention.start))) return subject(r);
  }
  return null;
}

/**
 * 「…」。金氏は会談の冒頭でこう述べた: a quotation standing alone before the sentence that says who said
 * it — the topic of that sentence, named before こう.
 */
function speakerAhead(
  doc: AnalysedDocument,
  q: { start: number; end: number },
  sentence: { start: number; end: number; index: number },
  subjects: readonly Subject[],
): Subject | null {
  const text = doc.norm.text;
  if (q.start !== sentence.start || !/^[。\s]*$/.test(text.slice(q.end, sentence.end))) return null;
  const next = doc.sentences[sentence.index + 1];
  if (!next) return null;
  const cue = /(?:こう|このように)[^。]{0,8}(?:述べ|語|答え|話|強調|説明|明らかに|訴え)/.exec(
    text.slice(next.start, next.end),
  );
  if (!cue) return null;
  const before = next.start + cue.index;
  return subjects.find((s) => s.at >= next.start && s.at < before && s.particle === "は") ?? null;
}

/** 金長官はこう答えた。「…」: a quotation standing alone after a sentence announcing it. */
function afterSpeechCue(
  doc: AnalysedDocument,
  q: { start: number },
  sentence: { start: number; index: number },
): boolean {
  if (q.start !== sentence.start) return false;
  const prev = doc.sentences[sentence.index - 1];
  if (!prev) return false;
  return /(?:こう|次のように|以下のように)[^。]{0,8}(?:述べ|語|答え|話|強調|説明|明らかに|訴え)[^。]*。?$/.test(
    doc.norm.text.slice(prev.start, prev.end),
  );
}
