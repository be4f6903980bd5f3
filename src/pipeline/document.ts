/**
 * The document object that flows through the pipeline. Each component adds
 * its layer; every span in a layer is an index into `norm.text`, and
 * {@link citeSpan} turns it into the raw span that is cited.
 */
import type { BracketSpan } from "../analyse/brackets.js";
import type { Sentence } from "../analyse/sentences.js";
import type { Token } from "../analyse/tokenizer.js";
import type { Mention } from "../extract/mentions.js";
import type { Timex } from "../extract/timex/tagger.js";
import { type OffsetText, type Span, toRawSpan } from "../normalise/offset-text.js";
import type { SourceDocument } from "../read/document.js";
import type { ResolvedMention } from "../resolve/actors.js";

/** A note about the document, positional like a vfile message. */
export interface Message {
  /** e.g. `timex/ambiguous-day`, `event/date-from-published`. */
  rule: string;
  reason: string;
  /** Raw span the message is about. */
  start?: number;
  end?: number;
  severity: "info" | "warning";
}

export interface AnalysedDocument {
  source: SourceDocument;
  norm: OffsetText;
  sentences: Sentence[];
  quotations: BracketSpan[];
  /** Reference lists and other apparatus, not analysed for facts. */
  apparatus: Span[];
  timexes: Timex[];
  /** Tokens of the sentences worth analysing, by sentence index. */
  tokens: Map<number, Token[]>;
  mentions: Mention[];
  resolved: ResolvedMention[];
  messages: Message[];
  /** Set by the scope component: not about diplomacy, so not analysed further. */
  outOfScope: boolean;
  /** Layers added by later components (events, quotes). */
  layers: Record<string, unknown>;
}

/** The raw span, cited as `body.slice(start, end)`, of a span of the normalised text. */
export function citeSpan(doc: AnalysedDocument, start: number, end: number): Span {
  return toRawSpan(doc.norm, start, end);
}

/** The raw text of a span of the normalised text. */
export function citeText(doc: AnalysedDocument, start: number, end: number): string {
  const r = citeSpan(doc, start, end);
  return doc.source.body.slice(r.start, r.end);
}

/** The sentence containing a position of the normalised text. */
export function sentenceAt(doc: AnalysedDocument, pos: number): Sentence | undefined {
  const s = doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = s[mid]!;
    if (pos < x.start) hi = mid - 1;
    else if (pos >= x.end) lo = mid + 1;
    else return x;
  }
  return undefined;
}

/**
 * Inside reported speech (「…」と述べた): what a speaker says is not the report's own statement of fact (a
 * label in brackets, 「外交安保対話」, is the report's own words).
 */
export function inReportedSpeech(doc: AnalysedDocument, start: number, end: number): boolean {
  return doc.quotations.some((q) => q.speech && start >= q.innerStart && end <= q.innerEnd);
}

/** Inside brackets of any kind the segmenter found: reported speech, or a name (「9月平壌共同宣言」). */
export function inBrackets(doc: AnalysedDocument, start: number, end: number): boolean {
  return doc.quotations.some((q) => start >= q.innerStart && end <= q.innerEnd);
}
