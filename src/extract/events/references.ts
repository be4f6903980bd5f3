/**
 * Agreements named with their date: 「72年の日中共同声明」, 「1956年の日ソ共同宣言」.
 * The name's compound of state abbreviations gives the parties; the date
 * before it, the signing. They are background events (occurred), not the
 * news of the day.
 */
import type { Trigger } from "../../lexicon/triggers.js";
import type { PipelineContext } from "../../pipeline/context.js";
import type { AnalysedDocument } from "../../pipeline/document.js";
import type { Sentence } from "../../analyse/sentences.js";
import type { ActorRef } from "../../resolve/actors.js";
import type { PlaceArg } from "./arguments.js";
import type { Timex } from "../timex/tagger.js";
import type { Candidate } from "./extract.js";
import { knownAgreement, signedAt } from "./known-agreements.js";
import { stateActor } from "./participants.js";

const NAMED_AGREEMENT =
  /^の?([^\s、。「」『』()]{0,4}?)(共同声明|共同宣言|共同コミュニケ|平和友好条約|基本条約|条約|協定|宣言)/;

const SIGNING: Trigger = {
  id: "dated-agreement",
  type: "SUPPORT",
  mode: "sign",
  roles: "signing",
  nominal: true,
  ignore: false,
  words: [],
  lemmas: [],
};

export function datedAgreements(doc: AnalysedDocument, ctx: PipelineContext): Candidate[] {
  const text = doc.norm.text;
  const out: Candidate[] = [];
  const apparatus = doc.apparatus[0]?.start ?? text.length;
  for (const t of doc.timexes) {
    if (t.start >= apparatus) break;
    const sentence = doc.sentences.find((s) => t.start >= s.start && t.end <= s.end);
    if (!sentence) continue;
    const m = NAMED_AGREEMENT.exec(text.slice(t.end, t.end + 24));
    const nameStart = m ? t.end + m[0].length - m[1]!.length - m[2]!.length : -1;
    const group = m && doc.resolved.find((r) => r.mention.kind === "group" && r.mention.start === nameStart);
    // (02年9月17日の)平壌(ピョンヤン)宣言: one the lexicon knows, past a bracket and the name's reading
    const known = group ? undefined : knownAgreementAfter(ctx, text, t.end, sentence.end);
    if (m && group && group.actors.length >= 2)
      out.push(signing(ctx, text, t, sentence, nameStart, t.end + m[0].length, group.actors));
    else if (known)
      // (2018年の…板門店宣言と米朝首脳によるシンガポール共同声明: one the lexicon knows joined to it shares the date)
      for (
        let k: typeof known | undefined = known;
        k;
        k = knownAgreementJoined(ctx, text, k.end, sentence.end)
      )
        out.push(
          signing(
            ctx,
            text,
            t,
            sentence,
            k.start,
            k.end,
            k.entry.parties.map((id) => stateActor(ctx.lexicon, id)),
            signedAt(ctx, k.entry, k.start, k.end),
          ),
        );
  }
  return out;
}

/** An agreement of the lexicon joined by と (or 、) to the one just read: …板門店宣言と…シンガポール共同声明. */
function knownAgreementJoined(ctx: PipelineContext, text: string, from: number, sentenceEnd: number) {
  const m = /^[と、]([^\s、。「」『』と]{2,24}?(?:宣言|声明|条約|協定|原則))/.exec(
    text.slice(from, Math.min(sentenceEnd, from + 32)),
  );
  const entry = m ? knownAgreement(ctx.lexicon, m[1]!) : undefined;
  if (!m || !entry) return undefined;
  const start = from + 1;
  return { entry, start, end: start + m[1]!.length };
}

/** A dated agreement's signing: a background event of its own clause's date. */
function signing(
  ctx: PipelineContext,
  text: string,
  t: Timex,
  sentence: Sentence,
  start: number,
  end: number,
  actors: readonly ActorRef[],
  place: PlaceArg | null = null,
): Candidate {
  return {
    trigger: SIGNING,
    triggerStart: start,
    triggerEnd: end,
    sentence,
    type: "SUPPORT",
    mode: "sign",
    status: "occurred",
    actors: actors.map((a) => (a.kind === "state" ? stateActor(ctx.lexicon, a.id) : a)),
    recipients: [],
    timex: t,
    dateSource: "clause",
    place,
    object: text.slice(start, end),
  };
}

/**
 * The agreement of the lexicon right after a date and its の, past a closing bracket and the name's
 * reading: (02年9月17日の)平壌(ピョンヤン)宣言.
 */
function knownAgreementAfter(ctx: PipelineContext, text: string, from: number, sentenceEnd: number) {
  const m = /^の[)）]?([^\s、。「」『』]{2,24}?(?:宣言|声明|条約|協定|原則))/.exec(
    text.slice(from, Math.min(sentenceEnd, from + 32)),
  );
  if (!m) return undefined;
  const entry = knownAgreement(ctx.lexicon, m[1]!);
  if (!entry) return undefined;
  const start = from + m[0].length - m[1]!.length;
  return { entry, start, end: start + m[1]!.length };
}
