/**
 * Agreements named with their date: 「72年の日中共同声明」, 「1956年の日ソ共同宣言」.
 * The name's compound of state abbreviations gives the parties; the date
 * before it, the signing. They are background events (occurred), not the
 * news of the day.
 */
import type { Trigger } from "../../lexicon/triggers.js";
import type { PipelineContext } from "../../pipeline/context.js";
import type { AnalysedDocument } from "../../pipeline/document.js";
import type { Candidate } from "./extract.js";
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
    const m = NAMED_AGREEMENT.exec(text.slice(t.end, t.end + 24));
    if (!m) continue;
    const nameStart = t.end + m[0].length - m[1]!.length - m[2]!.length;
    const group = doc.resolved.find((r) => r.mention.kind === "group" && r.mention.start === nameStart);
    if (!group || group.actors.length < 2) continue;
    const sentence = doc.sentences.find((s) => t.start >= s.start && t.end <= s.end);
    if (!sentence) continue;
    out.push({
      trigger: SIGNING,
      triggerStart: nameStart,
      triggerEnd: t.end + m[0].length,
      sentence,
      type: "SUPPORT",
      mode: "sign",
      status: "occurred",
      actors: group.actors.map((a) => (a.kind === "state" ? stateActor(ctx.lexicon, a.id) : a)),
      recipients: [],
      timex: t,
      dateSource: "clause",
      place: null,
      object: text.slice(nameStart, t.end + m[0].length),
    });
  }
  return out;
}
