/**
 * What extraction produces for one document: events and quotations, each
 * with raw spans (indices into the document body) as evidence.
 */

import type { ActorRef } from "../resolve/actors.js";
import type { Granularity } from "./timex/calendar.js";

/** A cited raw span: `body.slice(start, end) === text`. */
export interface Cited {
  start: number;
  end: number;
  text: string;
}

export type EventStatus = "occurred" | "planned" | "speculated" | "cancelled" | "denied";

export type ParticipantRole = "actor" | "recipient" | "delegate";

export interface Participant {
  actor: ActorRef;
  role: ParticipantRole;
  /** The title held on the event's date (from the text, else from the lexicon). */
  title?: string;
  /** Where the text names this participant. */
  cited?: Cited;
}

export interface EventDate {
  start: string;
  end: string;
  granularity: Granularity | "range";
  /** Where the date was found: the clause, the sentence, the discourse, or (fallback) publication. */
  source: "clause" | "sentence" | "discourse" | "published";
  cited?: Cited;
}

export interface EventPlace {
  id?: string;
  names: string[];
  kind?: string;
  country?: string;
  cited?: Cited;
}

export interface ExtractedEvent {
  /** `<doc>#e<n>`, stable for the same text and lexicon. */
  id: string;
  doc: string;
  type: string;
  mode: string | null;
  status: EventStatus;
  date: EventDate | null;
  place: EventPlace | null;
  participants: Participant[];
  /** The agreement or treaty signed or agreed (包括的戦略パートナーシップ条約). */
  object?: string;
  trigger: Cited;
  /** Every sentence that reports the event. */
  evidence: Cited[];
  /** Ids of related events in the same document. */
  links: { trip?: string; reactionTo?: string; partOf?: string };
}

export interface ExtractedQuote {
  id: string;
  doc: string;
  /** The quotation's content, without the brackets. */
  cited: Cited;
  speaker: ActorRef | null;
  /** When the speaker is not a person: a state, an institution, or an anonymous source. */
  speakerKind: "person" | "state" | "organization" | "anonymous" | "joint" | "unknown";
  /** The speaker as the text names them (林官房長官, 国務省の高官). */
  speakerText?: string;
  /** The reporting verb (述べた, 強調した). */
  verb?: string;
  /** Nested inside another quotation. */
  nested: boolean;
  /** The event the quotation was said at, when one is identified. */
  event?: string;
  /** A third state's word on the article's main event. */
  reactionTo?: string;
}

export interface Extraction {
  events: ExtractedEvent[];
  quotes: ExtractedQuote[];
}
