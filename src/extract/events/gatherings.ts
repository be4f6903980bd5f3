/**
 * Summits of a forum (APEC首脳会議, ASEAN関連首脳会議, G20サミット) and who
 * is there. A word such as 首脳会議 names a bilateral meeting in some
 * outlets (日韓首脳会議) and a forum's summit in all of them when the forum
 * is named before it. Those who meet on a summit's sidelines — the meeting
 * is what the traveller came to the summit for, or takes place when they
 * attend it — are at the summit too: 首脳会議に出席のためハノイ滞在中の安倍首相は
 * 胡主席と会談 puts Abe and Hu at the APEC summit.
 */
import type { Trigger } from "../../lexicon/triggers.js";
import type { PipelineContext } from "../../pipeline/context.js";
import type { AnalysedDocument } from "../../pipeline/document.js";
import type { Candidate } from "./extract.js";
import { afterGloss } from "../mentions.js";
import { uniqueActors } from "./participants.js";

/**
 * What may stand between a forum's name and its summit: APEC首脳会議, (APEC)首脳会議, ASEANとの首脳会議,
 * ASEAN関連首脳会議, (APEC)第29回非公式首脳会議, and a session's number (COP26)の首脳級会合.
 */
const FORUM_TO_SUMMIT =
  /^[0-9]{0,3}\)?(?:の|との|関連|関連の|等)?(?:第[0-9一二三四五六七八九十]+回)?(?:非公式|公式)?$/;

/**
 * The trigger a word stands for: the first the lexicon lists for it, but a
 * word that is also a multilateral gathering's (首脳会議) is one when a
 * forum — an international body of the lexicon — is named just before it.
 */
export function chooseTrigger(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  triggers: readonly Trigger[],
  start: number,
): Trigger | undefined {
  const usable = triggers.filter((t) => !t.ignore);
  const gathering = usable.find((t) => t.type === "CONSULT" && t.mode === "multilateral");
  if (gathering && usable[0] !== gathering && forumBefore(doc, ctx, start)) return gathering;
  return usable[0];
}

function forumBefore(doc: AnalysedDocument, ctx: PipelineContext, start: number): boolean {
  return forumNamedBefore(doc, ctx, start) !== undefined;
}

/**
 * The forum (an international body of the lexicon) named just before a summit's word (APEC首脳会議's
 * APEC), or whose name holds it (東アジアサミット, 核安全保障サミット, 米州首脳会議).
 */
export function forumNamedBefore(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  start: number,
): string | undefined {
  const text = doc.norm.text;
  return doc.mentions.find(
    (m) =>
      m.kind === "organization" &&
      ctx.lexicon.organizations.get(m.entityId ?? "")?.kind === "igo" &&
      ((m.start <= start && m.end > start) ||
        (m.end <= start &&
          // (APEC)第29回非公式首脳会議: an ordinal and the summit's kind may stand between
          m.end >= start - 12 &&
          FORUM_TO_SUMMIT.test(text.slice(m.end, start)))),
  )?.entityId;
}

/** A gathering named to time something by it (会議, サミット, 首脳会合). */
export const GATHERING_NOUN = "(?:会議|サミット|首脳会合)";
/** What times something by a gathering just named: に合わせ(に合わせて, にあわせて), の際, の合間, の場で, の機会に, の席上. */
export const TIMED_BY_GATHERING = "に(?:合わ|あわ)せ|の際|の合間|の場で|の機会に|の席上";

/**
 * How a meeting later in the sentence is tied to the summit before it (past an aside: 首脳会議(G20サミット)に):
 * held while its attendee is there for it (に出席のため…滞在中の, に出席する際に, に参加している, に出席し、…と会談する), timed by it (に合わせて,
 * の際に, の合間に, の直前に), or held where it is being held (が開かれているリマで).
 */
const AT_THE_SUMMIT = new RegExp(
  `^(?:に(?:、)?[^。]{0,30}?(?:出席|参加)(?:し、|して、|(?:する|した|して|している|していた|中)?(?:ため|際|の?ため|中|間))|${TIMED_BY_GATHERING}|の直前|の直後|が開かれている[^。、]{0,20}?で)`,
);

/** The next sentence goes back to the summit to time its meeting: 会議に先立ち, 首脳会議の合間に. */
const AT_THAT_SUMMIT = new RegExp(
  `^[^、。]{0,12}?${GATHERING_NOUN}(?:に先立|の直前|の開幕前|${TIMED_BY_GATHERING})`,
);

/**
 * Adds to each summit the parties of the meetings held on its sidelines, in the same sentence or timed by
 * it in the next one (before merging, so that a summit whose attendee alone was named is then complete);
 * and to what is adopted there the summit's parties.
 */
export function attendGatherings(doc: AnalysedDocument, candidates: Candidate[]): void {
  const text = doc.norm.text;
  for (const summit of candidates) {
    if (summit.type !== "CONSULT" || summit.mode !== "multilateral" || summit.partial) continue;
    for (const meeting of candidates) {
      if (
        meeting === summit ||
        meeting.type !== "CONSULT" ||
        meeting.mode !== "meet" ||
        meeting.actors.length < 2 ||
        !(meeting.sentence === summit.sentence
          ? meeting.triggerStart > summit.triggerEnd &&
            AT_THE_SUMMIT.test(text.slice(afterGloss(text, summit.triggerEnd), meeting.triggerStart))
          : meeting.sentence.index === summit.sentence.index + 1 &&
            AT_THAT_SUMMIT.test(text.slice(meeting.sentence.start, meeting.triggerStart)))
      )
        continue;
      summit.actors = uniqueActors([...summit.actors, ...meeting.actors]);
    }
  }
  // 日中韓首脳会議に出席し、…ビジョンを採択した: what is adopted at a summit is adopted by all there (a
  // summit of three read from its parties is one too, before finalising names its mode)
  for (const summit of candidates) {
    const gathering = summit.mode === "multilateral" || summit.actors.length >= 3;
    if (summit.type !== "CONSULT" || !gathering || summit.partial) continue;
    for (const signing of candidates)
      if (
        signing.type === "SUPPORT" &&
        signing.mode === "sign" &&
        signing.sentence === summit.sentence &&
        signing.triggerStart > summit.triggerEnd &&
        ADOPTED_THERE.test(text.slice(afterGloss(text, summit.triggerEnd), signing.triggerStart))
      )
        signing.actors = uniqueActors([...signing.actors, ...summit.actors]);
  }
}

/** に出席し、…を採択した: what the attendees of a summit adopt at it, right after attending. */
const ADOPTED_THERE = /^に(?:出席|参加)し(?:て)?、[^。]*$/;
