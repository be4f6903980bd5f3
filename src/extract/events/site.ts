/**
 * Where a trigger stands — its document, the trigger word and its span, the
 * sentence and clause around it, and the sentence's arguments — as the
 * readers of a candidate event (its parties, status, date and roles) share it.
 */
import type { Sentence } from "../../analyse/sentences.js";
import type { Trigger } from "../../lexicon/triggers.js";
import type { AnalysedDocument } from "../../pipeline/document.js";
import type { SentenceArguments } from "./arguments.js";

export interface TriggerSite {
  doc: AnalysedDocument;
  trigger: Trigger;
  /** The trigger's span in the normalised text. */
  start: number;
  end: number;
  sentence: Sentence;
  /** The clause the trigger is in (clauses.ts). */
  clause: { start: number; end: number };
  /** The sentence's actors, places and dates (arguments.ts). */
  args: SentenceArguments;
}
