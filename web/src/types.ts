/** What the API returns, as far as the page reads it (the server's zod schemas are the reference). */

export interface Names {
  ja: string;
  en: string;
}

export interface EventDate {
  start: string;
  end: string;
  granularity: string;
}

export interface EventSummary {
  id: string;
  name: Names;
  type: string;
  mode: string | null;
  status: string;
  date: EventDate | null;
  reports: number;
  sources: number;
  place: { id: string | null; ja: string; en: string } | null;
  participants: { id: string; ja: string; en: string; role: string; title: string | null }[];
  states: string[];
  object: string | null;
}

export interface Citation {
  doc: string;
  report: string;
  start: number;
  end: number;
  text: string;
}

export interface FieldValue {
  value: string;
  reports: string[];
  citations: Citation[];
}

export interface Participant {
  id: string;
  kind: string;
  en: string;
  ja: string;
  represents: string | null;
  role: string;
  titles: string[];
  office: string | null;
  officeTitle: string | null;
  resolved: boolean;
  reports: number;
}

export interface Quote {
  id: string;
  doc: string;
  text: string;
  start: number;
  end: number;
  speaker: { id: string; ja: string; en: string; country: string | null } | null;
  speakerKind: string | null;
  speakerText: string | null;
  verb: string | null;
}

export interface QuoteItem extends Quote {
  published: string | null;
  title: string | null;
}

export interface Source {
  doc: string;
  url: string | null;
  title: string | null;
  published: string | null;
  reports: string[];
  sentences: Citation[];
}

export interface EventCard {
  id: string;
  redirectedFrom?: { id: string; reason: string };
  name: Names;
  type: string;
  mode: string | null;
  status: string;
  statusHistory: { status: string; published: string | null; doc: string; report: string }[];
  date: EventDate | null;
  place: { id: string | null; ja: string; en: string; kind: string | null; country: string | null } | null;
  participants: Participant[];
  delegations: { state: string | null; members: Participant[] }[];
  object: string | null;
  outcomes: EventSummary[];
  quotes: Quote[];
  reactions: { events: EventSummary[]; quotes: Quote[] };
  series: {
    key: string | null;
    previous: EventSummary | null;
    next: EventSummary | null;
    all: EventSummary[];
  };
  sources: Source[];
  fields: Record<string, FieldValue[]>;
  conflicts: { field: string; values: string[]; chosen: string; note: string }[];
  score: number | null;
  quad: number | null;
}

export interface Span {
  start: number;
  end: number;
}

export interface DocumentView {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  lang: string;
  format: string;
  encoding: string | null;
  body: string;
  citations: (Span & {
    text: string;
    report: string;
    event: { id: string; name: Names; type: string; status: string } | null;
  })[];
  quotes: (Span & { id: string; text: string; speaker: { id: string; ja: string; en: string } | null })[];
  mentions: (Span & { text: string; actor: { id: string; kind: string; ja: string; en: string } })[];
}

export interface DocumentListItem {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  format: string;
  length: number;
  events: number;
  quotes: number;
}

export interface Actor {
  id: string;
  kind: string;
  ja: string;
  en: string;
  country: string | null;
  resolved: boolean;
  mentions: number;
  events: number;
  first: string | null;
  last: string | null;
}

export interface Snippet {
  field: "title" | "body";
  start: number;
  end: number;
  parts: { text: string; hit: boolean }[];
}

export interface DocumentHit {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  score: number | null;
  count: number;
  matches: Span[];
  snippets: Snippet[];
}

export interface SearchResult {
  query: string;
  documents: { query: string; terms: string[]; total: number; estimated?: true; items: DocumentHit[] };
  events: EventSummary[];
  actors: Actor[];
  quotes: QuoteItem[];
}

export interface Network {
  level: "actors" | "states";
  nodes: {
    id: string;
    kind: string;
    ja: string;
    en: string;
    country: string | null;
    events: number;
    first: string | null;
    last: string | null;
  }[];
  edges: {
    source: string;
    target: string;
    weight: number;
    first: string | null;
    last: string | null;
    meetings: { event: string; date: string | null; family: string }[];
  }[];
}

export interface RelationsMonth {
  month: string;
  events: number;
  cooperation: number;
  conflict: number;
  score: number;
  mean: number | null;
  types: Record<string, number>;
}

export interface Relations {
  a: string;
  b: string;
  months: RelationsMonth[];
  total: Omit<RelationsMonth, "month">;
}

export interface StatePair {
  a: { id: string; ja: string; en: string };
  b: { id: string; ja: string; en: string };
  events: number;
  first: string | null;
  last: string | null;
}

export interface Info {
  documents: number;
  events: number;
  actors: number;
  quotes: number;
  writable: boolean;
  version: string;
}

export interface IngestResult {
  documents: { id: string; title: string | null; outcome: string }[];
  events: number;
  quotes: number;
  notDiplomacy: number;
  errors: string[];
}
