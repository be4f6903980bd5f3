/**
 * Who takes part, and in which role, for each way a trigger distributes
 * its arguments (see data/triggers.yaml `roles`).
 */
import type { Lexicon } from "../../lexicon/lexicon.js";
import { type ActorRef, personRef, stateRef } from "../../resolve/actors.js";
import type { ActorArg } from "./arguments.js";

/** Particles that put an actor among the parties of a reciprocal event. */
const PARTY = new Set([
  "による",
  "としては",
  "としても",
  "と",
  "との",
  "とは",
  "とも",
  "とともに",
  "と共に",
  "と並んで",
  "と並び",
  "との間で",
  "との間に",
  "の間で",
  "が",
  "は",
  "も",
  "や",
  "、",
  " ",
  "とで",
]);
// (習氏にとっては、…ミャンマーを訪れて以来の外遊: the one whose experience it is)
const SUBJECT = new Set(["は", "が", "も", "では", "としては", "としても", "にとっては", "にとっても"]);

export const isParty = (a: ActorArg) => PARTY.has(a.particle);
/** (フィリピンでは、…マルコス大統領と会談した: a state marked では is where, not who) */
export const isSubject = (a: ActorArg) =>
  SUBJECT.has(a.particle) && !(a.particle === "では" && a.actors.every((x) => x.kind === "state"));

/** Adds actors, one entry per id; a person stands for their state, so the state is dropped. */
export function uniqueActors(list: ActorRef[]): ActorRef[] {
  const byId = new Map<string, ActorRef>();
  for (const a of list) if (!byId.has(a.id)) byId.set(a.id, a);
  const all = [...byId.values()];
  const represented = new Set(all.filter((a) => a.kind === "person" && a.country).map((a) => a.country));
  return all.filter((a) => !(a.kind === "state" && represented.has(a.id)));
}

/**
 * The leader of a state on a date: the person holding the most leader
 * offices (a party general secretary who is also head of state beats a
 * premier), ties broken by the order of offices in the lexicon.
 */
export function leaderOf(lex: Lexicon, state: string, date: string | null): ActorRef | null {
  return leadersOn(lex, state, date)[0] ?? null;
}

/** Everyone holding a leader's office of the state on the date, the leader ({@link leaderOf}) first. */
function leadersOn(lex: Lexicon, state: string, date: string | null): ActorRef[] {
  const tally = new Map<string, { n: number; order: number }>();
  let order = 0;
  for (const o of lex.offices.values()) {
    order++;
    if (!o.leader || o.country !== state) continue;
    for (const p of lex.holdersOf(o.id, date)) {
      const t = tally.get(p.id) ?? { n: 0, order };
      t.n++;
      tally.set(p.id, t);
    }
  }
  return [...tally.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].order - b[1].order)
    .map(([id]) => personRef(lex, lex.people.get(id)!, date));
}

/** Each state replaced by whoever represents it at a meeting, where someone does (else it stays). */
function replaceStates(actors: ActorRef[], representative: (state: string) => ActorRef | null): ActorRef[] {
  return uniqueActors(actors.map((a) => (a.kind === "state" ? (representative(a.id) ?? a) : a)));
}

/**
 * For a summit between states (露朝首脳会談): their leaders on the date, when
 * the article names them; a leader it never names stays their state.
 */
export function statesToLeaders(
  lex: Lexicon,
  actors: ActorRef[],
  date: string | null,
  named: (personId: string) => boolean,
  /** Where the article last named the person before the summit is told of (-1: not before it). */
  lastNamedBefore?: (personId: string) => number,
): ActorRef[] {
  return replaceStates(actors, (state) => {
    const leader = leaderOf(lex, state, date);
    // (日中の首脳 after 温家宝首相と懇談: China's premier, named before it, rather than its president, named
    // only after; 日中韓首脳会議 after 習近平国家主席の来日につなげたい考え。李氏は…と述べた: the premier, named
    // last — the leader the narration is about)
    if (lastNamedBefore && leader) {
      let latest: ActorRef | null = null;
      let at = -1;
      for (const p of leadersOn(lex, state, date)) {
        const where = lastNamedBefore(p.id);
        if (where > at) [latest, at] = [p, where];
      }
      if (latest) return latest;
    }
    return leader && named(leader.id) ? leader : null;
  });
}

/**
 * 外相会談, 国防相会談: the states of a meeting named after a portfolio are
 * represented by their minister of it on the date, where the article names
 * that minister; a state whose minister goes unnamed stays the state.
 */
export function statesToMinisters(
  lex: Lexicon,
  actors: ActorRef[],
  portfolio: string,
  date: string | null,
  named: (personId: string) => boolean,
): ActorRef[] {
  return replaceStates(actors, (state) => {
    for (const o of lex.offices.values()) {
      if (o.portfolio !== portfolio || o.country !== state) continue;
      const minister = lex.holdersOf(o.id, date).find((p) => named(p.id));
      if (minister) return personRef(lex, minister, date);
    }
    return null;
  });
}

/** The portfolio a meeting's name gives, by a minister's title in it (外相会談 → foreign affairs). */
export function portfolioNamed(lex: Lexicon, words: string): string | undefined {
  for (const [title, portfolio] of lex.portfolioTitles) if (words.includes(title)) return portfolio;
  return undefined;
}

export const stateActor = stateRef;
