/**
 * Events across documents. Each event a document reports (a "report",
 * `ExtractedEvent` stored in `doc_events`) belongs to exactly one
 * real-world event record; the record keeps, for every field, which
 * reports gave which value.
 */
import type { EventStatus, ParticipantRole } from "../../extract/types.js";

/** A raw span of one document: `documents.body.slice(start, end) === text`. */
export interface Citation {
  doc: string;
  /** The report (`doc_events.id`) the span belongs to. */
  report: string;
  start: number;
  end: number;
  text: string;
}

/** One value of a field, with the reports that give it and where they say so. */
export interface FieldValue {
  value: string;
  reports: string[];
  citations: Citation[];
}

/** Two or more values of a field that cannot all be true; the record shows which one won. */
export interface FieldConflict {
  field: "type" | "mode" | "status" | "date" | "place" | "object" | "role";
  values: string[];
  chosen: string;
  note: string;
}

export interface EventParticipant {
  id: string;
  kind: "person" | "state" | "organization";
  en: string;
  ja: string;
  /** The state (or organisation, for an international official) the participant represents on the date. */
  represents: string | null;
  role: ParticipantRole;
  /** The title as the articles wrote it, most often first. */
  titles: string[];
  /** The office held on the event's date, from the lexicon. */
  office: string | null;
  officeTitle: string | null;
  resolved: boolean;
  /** How many reports name this participant. */
  reports: number;
}

export interface EventPlace {
  id: string | null;
  ja: string;
  en: string;
  kind: string | null;
  country: string | null;
}

export interface EventDate {
  start: string;
  end: string;
  granularity: string;
}

export interface StatusStep {
  status: EventStatus;
  published: string | null;
  doc: string;
  report: string;
}

/** The record of one real-world event, as stored in `events.data`. */
export interface EventRecord {
  id: string;
  name: { ja: string; en: string };
  type: string;
  mode: string | null;
  /** Type and mode family reports must share to be merged (CONSULT:meeting, CONSULT:visit, …). */
  family: string;
  status: EventStatus;
  date: EventDate | null;
  place: EventPlace | null;
  participants: EventParticipant[];
  delegates: EventParticipant[];
  /** The agreement signed or agreed. */
  object: string | null;
  /** The states taking part, sorted (from persons by the office they held on the date). */
  states: string[];
  /** Groups the same pair's events for follows/precedes. */
  seriesKey: string | null;
  /** PLOVER cooperation–conflict score and quad class as counted in relations (null: not counted). */
  score: number | null;
  quad: number | null;
  fields: {
    type: FieldValue[];
    mode: FieldValue[];
    status: FieldValue[];
    date: FieldValue[];
    place: FieldValue[];
    participants: FieldValue[];
    object: FieldValue[];
  };
  conflicts: FieldConflict[];
  /** Every report's status by publication date: planned → occurred, or planned → cancelled. */
  statusHistory: StatusStep[];
  reports: { id: string; doc: string; published: string | null; status: EventStatus }[];
  /** Documents reporting it. */
  docs: string[];
  firstPublished: string | null;
}

/** The compact part of a record that lists show (`events.summary`). */
export interface EventSummaryData {
  place: { id: string | null; ja: string; en: string } | null;
  participants: { id: string; ja: string; en: string; role: string; title: string | null }[];
  states: string[];
  object: string | null;
}
