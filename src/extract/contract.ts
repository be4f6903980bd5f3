/**
 * The output contract of `kaidan extract` (../shared/eval/CONTRACT.md): one
 * JSON object per line for each event, timex and quote, with raw spans,
 * plus the richer fields kaidan keeps (ignored by the scorer).
 */
import type { Lexicon } from "../lexicon/lexicon.js";
import type { AnalysedDocument } from "../pipeline/document.js";
import { citeSpan } from "../pipeline/document.js";
import type { ActorRef } from "../resolve/actors.js";
import type { Extraction } from "./types.js";

export interface ContractActor {
  role: string;
  id: string;
  kind: string;
  names: string[];
  title?: string;
  resolved: boolean;
}

/**
 * Quotations under this many characters are fragments (「変更はない」, 「早期に撤去を」): the annotation
 * guidelines cite a quotation by a snippet of 10 to 40 characters and leave the shorter ones out.
 */
export const MIN_QUOTE_CHARS = 10;

/**
 * A person's words are quotes, or fragments when short; a state's, an institution's or an anonymous
 * source's are statements. Every kind is printed, with the same fields.
 */
function quoteKind(q: Extraction["quotes"][number]): "quote" | "fragment" | "statement" {
  if (q.speakerKind !== "person") return "statement";
  return [...q.cited.text].length < MIN_QUOTE_CHARS ? "fragment" : "quote";
}

export function actorNames(lex: Lexicon, a: ActorRef): string[] {
  if (!a.resolved) return [a.ja];
  return lex.namesOf(a.kind, a.id);
}

const contractActor = (lex: Lexicon, a: ActorRef, role: string, title?: string): ContractActor => ({
  role,
  id: a.id,
  kind: a.kind,
  names: actorNames(lex, a),
  ...((title ?? a.title) ? { title: title ?? a.title } : {}),
  resolved: a.resolved,
});

export function contractLines(doc: AnalysedDocument, extraction: Extraction, lex: Lexicon): object[] {
  const id = doc.source.id;
  const lines: object[] = [];
  for (const e of extraction.events) {
    // PLOVER codes a called-off meeting as REJECT (cancelling meetings), mode meet
    const cancelled = e.status === "cancelled" && e.type === "CONSULT";
    lines.push({
      kind: "event",
      doc: id,
      id: e.id,
      type: cancelled ? "REJECT" : e.type,
      mode: cancelled ? "meet" : e.mode,
      ...(cancelled ? { cancels: { type: e.type, mode: e.mode } } : {}),
      status: e.status,
      date: e.date
        ? { start: e.date.start, end: e.date.end, granularity: e.date.granularity, source: e.date.source }
        : null,
      place: e.place ? { id: e.place.id, names: e.place.names } : null,
      actors: e.participants.map((p) => contractActor(lex, p.actor, p.role, p.title)),
      ...(e.object ? { object: e.object } : {}),
      trigger: e.trigger.text,
      evidence: e.evidence.map((c) => ({ start: c.start, end: c.end, text: c.text })),
      links: e.links,
    });
  }
  for (const t of doc.timexes) {
    const r = citeSpan(doc, t.start, t.end);
    lines.push({
      kind: "timex",
      doc: id,
      start: r.start,
      end: r.end,
      text: doc.source.body.slice(r.start, r.end),
      value: t.value,
      granularity: t.granularity,
      ...(t.alternative ? { alternative: t.alternative } : {}),
    });
  }
  for (const q of extraction.quotes) {
    lines.push({
      kind: quoteKind(q),
      doc: id,
      id: q.id,
      start: q.cited.start,
      end: q.cited.end,
      text: q.cited.text,
      speaker: q.speaker
        ? {
            id: q.speaker.id,
            kind: q.speakerKind,
            names: actorNames(lex, q.speaker),
            resolved: q.speaker.resolved,
          }
        : { kind: q.speakerKind, names: q.speakerText ? [q.speakerText] : [] },
      ...(q.verb ? { verb: q.verb } : {}),
      nested: q.nested,
      ...(q.event ? { event: q.event } : {}),
      ...(q.reactionTo ? { reactionTo: q.reactionTo } : {}),
    });
  }
  return lines;
}
