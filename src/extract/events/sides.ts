/**
 * Who an event's participants are, as the steps after merging read them:
 * the traveller and host of a visit, the states on its sides.
 */
import type { Lexicon } from "../../lexicon/lexicon.js";
import type { ActorRef } from "../../resolve/actors.js";
import type { ExtractedEvent } from "../types.js";

/** A visit's traveller. */
export const visitorOf = (e: ExtractedEvent) => e.participants.find((p) => p.role === "actor")?.actor;

/** A visit's host (a state, or the person met there). */
export const hostOf = (e: ExtractedEvent) => e.participants.find((p) => p.role === "recipient")?.actor;

/** The state an actor stands for: a person counts as their country. */
export const stateOf = (a: ActorRef) => a.country ?? a.id;

/** The states an event's participants stand for. */
export const countriesOf = (e: ExtractedEvent) =>
  new Set(
    e.participants
      // (someone the lexicon lacks, of no state the text gives, stands for no state of their own)
      .filter((p) => p.actor.resolved || p.actor.country)
      .map((p) => stateOf(p.actor)),
  );

/** The state a visit is to (its host, or the country of the person met there). */
export const hostStateOf = (e: ExtractedEvent) => {
  const host = hostOf(e);
  return host && stateOf(host);
};

/** Days a trip's later stops and meetings may follow its dated start and still be read as the same trip. */
export const TRIP_DAYS = 10;

/**
 * A meeting's mode as its sides make it: three states or more meet
 * multilaterally, whatever word reported it (3か国の会談), and a two-sided
 * meeting on a summit's sidelines is another event than the summit.
 */
export const meetingMode = (e: ExtractedEvent) =>
  e.type === "CONSULT" && e.mode === "meet" && countriesOf(e).size >= 3 ? "multilateral" : e.mode;

/**
 * A body in session (安保理は公開会合を開き): its one party stands for the members that meet, so the
 * meeting needs no second party named.
 */
export const inSession = (type: string, mode: string | null, actors: readonly ActorRef[]) =>
  type === "CONSULT" && mode === "multilateral" && actors.length === 1 && actors[0]!.kind === "organization";

/** A person the lexicon knows to have died before the day: they take part in nothing then (孫文が通った店で). */
export function deadBy(lex: Lexicon, actor: ActorRef, day: string | undefined): boolean {
  if (!day || actor.kind !== "person") return false;
  const died = lex.people.get(actor.id)?.died;
  return !!died && died < day;
}

/**
 * Whether an event dated `end` at the latest comes before every office the lexicon records for the person:
 * 1965年の…協定 was signed by neither 2011's prime minister nor its president, whatever the discourse says.
 */
export function beforeCareer(lex: Lexicon, actor: ActorRef, end: string | undefined): boolean {
  if (!end || actor.kind !== "person") return false;
  const offices = lex.people.get(actor.id)?.offices ?? [];
  return offices.length > 0 && offices.every((o) => !!o.from && end < o.from);
}

/** How precise a place is, by its kind: a venue or an airport within a city within a region or country. */
export const PLACE_RANK: Readonly<Record<string, number>> = {
  venue: 5,
  airport: 5,
  site: 4,
  city: 3,
  region: 2,
  country: 1,
};
