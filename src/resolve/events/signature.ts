/**
 * A report's signature: what cross-document resolution compares, computed
 * from one document's event alone (and the lexicon), so that the same
 * report always has the same signature whatever else is in the database.
 */
import type { EventStatus, ExtractedEvent } from "../../extract/types.js";
import type { Lexicon } from "../../lexicon/lexicon.js";
import type { ActorRef } from "../actors.js";
import { familyOf } from "./plover.js";

export interface ReportSignature {
  /** The report's id (`doc_events.id`). */
  id: string;
  doc: string;
  published: string | null;
  type: string;
  mode: string | null;
  family: string;
  status: EventStatus;
  /** First and last day the report's date can mean (ISO days), null when undated. */
  lo: string | null;
  hi: string | null;
  /** Days from lo to hi, inclusive; null when undated. */
  span: number | null;
  /**
   * The sides taking part: the state (or, failing one, the actor itself) each
   * participant represents on the date, with the people and organisations
   * named for it. A side named only as a state has no one named.
   */
  sides: Record<string, string[]>;
  /** The sides in the actor role, when the report also has recipients (directed events). */
  actorSides: string[] | null;
  /** The place and every place containing it, ending with its country; null when no place is given. */
  place: string[] | null;
  /** The place's own id, and the first city in its chain (two venues of one city are compatible). */
  placeId: string | null;
  placeCity: string | null;
  object: string | null;
  /** Reports can only merge with reports of the same key: family and sides. */
  matchKey: string;
}

/** Reports whose date spans more than this are too vague to be merged with anything. */
export const MAX_MERGE_SPAN_DAYS = 366;

const DAY = 86_400_000;
export const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY;
export const isoDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/** The state or organisation an actor stands for on a date. */
export function representedBy(lex: Lexicon, actor: ActorRef, date: string | null): string {
  if (actor.kind === "state") return actor.id;
  if (actor.kind === "organization")
    return lex.organizations.get(actor.id)?.country ?? actor.country ?? actor.id;
  const person = lex.people.get(actor.id);
  if (person) {
    const offices = lex.officesHeld(person, date);
    const office = offices.find((o) => o.leader && o.country) ?? offices.find((o) => o.country);
    if (office?.country) return office.country;
    if (person.country) return person.country;
  }
  return actor.country ?? `actor:${actor.id}`;
}

/** A place and its containers, most specific first, ending with the country. */
export function placeChain(lex: Lexicon, id: string, country?: string | null): string[] {
  const chain: string[] = [];
  let cur: string | undefined = id;
  while (cur && !chain.includes(cur)) {
    chain.push(cur);
    cur = lex.places.get(cur)?.within;
  }
  const c = lex.places.get(id)?.country ?? country ?? undefined;
  if (c && !chain.includes(c)) chain.push(c);
  return chain;
}

export function reportSignature(e: ExtractedEvent, published: string | null, lex: Lexicon): ReportSignature {
  const lo = e.date?.start ?? null;
  const hi = e.date?.end ?? lo;
  const span = lo && hi ? dayNumber(hi) - dayNumber(lo) + 1 : null;
  const sides: Record<string, Set<string>> = {};
  const actorSides = new Set<string>();
  let directed = false;
  // the forum of a gathering (APEC首脳会議's APEC) tells no gathering from another: a report that names it and
  // one that does not are of the same summit (unless the forum is all the report names)
  const forum = (p: ExtractedEvent["participants"][number]) =>
    e.mode === "multilateral" &&
    p.actor.kind === "organization" &&
    lex.organizations.get(p.actor.id)?.kind === "igo";
  const parties = e.participants.filter((p) => p.role !== "delegate");
  const sidesFrom = parties.some((p) => !forum(p)) ? parties.filter((p) => !forum(p)) : parties;
  for (const p of sidesFrom) {
    const side = representedBy(lex, p.actor, lo);
    sides[side] ??= new Set();
    // a person (or an organisation standing for a state) narrows the side; a state alone does not
    if (p.actor.kind === "person" || side === `actor:${p.actor.id}`) sides[side]!.add(p.actor.id);
    if (p.role === "actor") actorSides.add(side);
    else directed = true;
  }
  const sideKeys = Object.keys(sides).sort();
  let place: string[] | null = null;
  let placeCity: string | null = null;
  if (e.place?.id) {
    place = placeChain(lex, e.place.id, e.place.country);
    placeCity = place.find((id) => lex.places.get(id)?.kind === "city") ?? null;
  }
  const family = familyOf(e.type, e.mode);
  return {
    id: e.id,
    doc: e.doc,
    published,
    type: e.type,
    mode: e.mode,
    family,
    status: e.status,
    lo,
    hi,
    span,
    sides: Object.fromEntries(sideKeys.map((k) => [k, [...sides[k]!].sort()])),
    actorSides: directed ? [...actorSides].sort() : null,
    place,
    placeId: e.place?.id ?? null,
    placeCity,
    object: e.object ?? null,
    matchKey: `${family}|${sideKeys.join(",")}`,
  };
}

/** Whether a report can be merged with others at all. */
export const mergeable = (s: ReportSignature) =>
  s.span !== null && s.span <= MAX_MERGE_SPAN_DAYS && Object.keys(s.sides).length > 0;
