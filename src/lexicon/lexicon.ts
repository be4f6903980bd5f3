/**
 * The lexicon in memory: entries by id, the surface forms that name them,
 * and who held which office when.
 */
import { normaliseCharacters } from "../normalise/normalise.js";
import { type LexiconData, loadLexiconData } from "./load.js";
import type {
  AgreementEntry,
  OfficeEntry,
  OrganizationEntry,
  PersonEntry,
  PlaceEntry,
  StateEntry,
} from "./schema.js";

export type EntityKind = "person" | "state" | "organization" | "place";

/** What a surface form can name. */
export type SurfaceRef =
  | { kind: "person"; id: string }
  | { kind: "surname"; id: string }
  | { kind: "state"; id: string }
  | { kind: "organization"; id: string }
  | { kind: "place"; id: string }
  | { kind: "title"; offices: string[] };

/** The normalised key a surface form is matched by. */
export const surfaceKey = (s: string) => normaliseCharacters(s).text.trim();

const KATAKANA_NAME = /^[\u30A0-\u30FF]+$/;

/** The spellings a surface form stands for: キム・ジョンウン also as キムジョンウン. */
export function surfaceVariants(s: string): string[] {
  const key = surfaceKey(s);
  const out = [key];
  if (key.includes("・") && KATAKANA_NAME.test(key)) out.push(key.replace(/・/g, ""));
  return out;
}

/** Compares ISO dates at mixed granularity: does `date` fall in [from, to]? */
export function withinPeriod(date: string, from?: string, to?: string): boolean {
  // compared at the coarser granularity: a year or month overlaps the period
  // when any of its days does, and a bound given as a year covers the year
  const cut = (a: string, b: string) => Math.min(a.length, b.length);
  if (from && date.slice(0, cut(date, from)) < from.slice(0, cut(date, from))) return false;
  if (to && date.slice(0, cut(date, to)) > to.slice(0, cut(date, to))) return false;
  return true;
}

export class Lexicon {
  readonly people = new Map<string, PersonEntry>();
  readonly states = new Map<string, StateEntry>();
  readonly organizations = new Map<string, OrganizationEntry>();
  readonly places = new Map<string, PlaceEntry>();
  readonly offices = new Map<string, OfficeEntry>();
  /** Surface key → what it can name. */
  readonly surfaces = new Map<string, SurfaceRef[]>();
  /** One-character state abbreviations used in compounds (朝 → PRK). */
  readonly abbreviations = new Map<string, string>();
  /** Ministers' titles (two characters or more) → their portfolio: 外相 → foreign-affairs. */
  readonly portfolioTitles = new Map<string, string>();
  /** Agreements whose names do not say whose they are, by the surface key of each of their names (平壌宣言). */
  readonly agreements = new Map<string, AgreementEntry>();
  /** Office id → people who held it, with their periods. */
  private readonly holders = new Map<string, { person: PersonEntry; from?: string; to?: string }[]>();

  constructor(readonly data: LexiconData) {
    for (const o of data.offices) {
      this.offices.set(o.id, o);
      for (const t of o.titles) this.addTitle(t, o.id);
      if (o.portfolio) for (const t of o.titles) if (t.length >= 2) this.portfolioTitles.set(t, o.portfolio);
    }
    for (const s of data.states) {
      this.states.set(s.id, s);
      for (const n of [s.name.ja, s.name.en, ...s.aliases]) this.add(n, { kind: "state", id: s.id });
      for (const a of s.abbr) this.abbreviations.set(surfaceKey(a), s.id);
    }
    // 米国務長官, 露外相: a state's one-letter abbreviation before its own offices' titles
    for (const o of data.offices) {
      const state = o.country ? this.states.get(o.country) : undefined;
      for (const a of state?.abbr ?? []) for (const t of o.titles) this.addTitle(a + t, o.id);
    }
    for (const o of data.organizations) {
      this.organizations.set(o.id, o);
      for (const n of [o.name.ja, ...o.aliases]) this.add(n, { kind: "organization", id: o.id });
    }
    for (const p of data.places) {
      this.places.set(p.id, p);
      for (const n of [p.name.ja, ...p.aliases]) this.add(n, { kind: "place", id: p.id });
    }
    for (const a of data.agreements)
      for (const n of [a.name.ja, ...a.aliases]) this.agreements.set(surfaceKey(n), a);
    for (const p of data.people) {
      this.people.set(p.id, p);
      for (const n of [p.name.ja, ...p.aliases]) this.add(n, { kind: "person", id: p.id });
      for (const n of p.surname) this.add(n, { kind: "surname", id: p.id });
      for (const t of p.offices) {
        const list = this.holders.get(t.office) ?? [];
        list.push({ person: p, from: t.from, to: t.to });
        this.holders.set(t.office, list);
      }
    }
  }

  private add(surface: string, ref: SurfaceRef): void {
    for (const key of surfaceVariants(surface)) {
      if (key.length === 0) continue;
      const list = this.surfaces.get(key) ?? [];
      if (!list.some((r) => r.kind === ref.kind && "id" in r && "id" in ref && r.id === ref.id))
        list.push(ref);
      this.surfaces.set(key, list);
    }
  }

  private addTitle(title: string, officeId: string): void {
    for (const key of surfaceVariants(title)) {
      const list = this.surfaces.get(key) ?? [];
      const existing = list.find((r) => r.kind === "title") as
        { kind: "title"; offices: string[] } | undefined;
      if (existing) {
        if (!existing.offices.includes(officeId)) existing.offices.push(officeId);
      } else list.push({ kind: "title", offices: [officeId] });
      this.surfaces.set(key, list);
    }
  }

  /** People who held the office on the date (ISO, any granularity). */
  holdersOf(officeId: string, date: string | null): PersonEntry[] {
    const list = this.holders.get(officeId) ?? [];
    if (!date) return list.map((h) => h.person);
    // several holders on one date: an open-ended entry was overtaken by a later appointment,
    // so the latest appointee comes first
    return list
      .filter((h) => withinPeriod(date, h.from, h.to))
      .sort((a, b) => (b.from ?? "").localeCompare(a.from ?? ""))
      .map((h) => h.person);
  }

  /** The offices a person held on the date. */
  officesHeld(person: PersonEntry, date: string | null): OfficeEntry[] {
    return person.offices
      .filter((t) => !date || withinPeriod(date, t.from, t.to))
      .map((t) => this.offices.get(t.office))
      .filter((o): o is OfficeEntry => o !== undefined);
  }

  /** Every entity's names, worked out once (namesOf runs for every event's place and every actor printed). */
  private readonly names = new Map<string, string[]>();

  /** Every name known for an entity: canonical English and Japanese, then aliases. */
  namesOf(kind: EntityKind, id: string): string[] {
    const key = `${kind}\u0000${id}`;
    let names = this.names.get(key);
    if (!names) {
      names = this.namesWorkedOut(kind, id);
      this.names.set(key, names);
    }
    return names.slice();
  }

  private namesWorkedOut(kind: EntityKind, id: string): string[] {
    const e =
      kind === "person"
        ? this.people.get(id)
        : kind === "state"
          ? this.states.get(id)
          : kind === "organization"
            ? this.organizations.get(id)
            : this.places.get(id);
    if (!e) return [id];
    // (Lech Kaczyński is also Lech Kaczynski, as English copy and users' queries often spell him)
    // (and Perfecto Yasay Jr. is Perfecto Yasay, as most copy writes him)
    const plain = [e.name.en, ...e.aliases].flatMap((n) => {
      const folded = n.normalize("NFKD").replace(/\p{M}/gu, "");
      return [folded, folded.replace(/,? (?:Jr|Sr)\.?$/, "")];
    });
    return [...new Set([e.name.en, e.name.ja, ...e.aliases, ...plain])];
  }

  /**
   * The state whose territory `state` was on `date` (itself, unless it was then part of another):
   * RUS in 1987 is SUN. A date of a coarser granularity counts by its first day.
   */
  stateOn(state: string, date: string | null | undefined): string {
    if (!date) return state;
    for (const w of this.states.get(state)?.part_of ?? []) if (date < w.until) return w.state;
    return state;
  }

  /** The country a person, organisation or place belongs to. */
  countryOf(kind: EntityKind, id: string): string | null {
    if (kind === "state") return id;
    if (kind === "person") return this.people.get(id)?.country ?? null;
    if (kind === "organization") return this.organizations.get(id)?.country ?? null;
    return this.places.get(id)?.country ?? null;
  }
}

let bundled: Lexicon | null = null;

/** Loads (once per set of user folders) the lexicon with the user's additions. */
export function loadLexicon(userDirs: readonly string[] = []): Lexicon {
  if (userDirs.length === 0) {
    bundled ??= new Lexicon(loadLexiconData());
    return bundled;
  }
  return new Lexicon(loadLexiconData(userDirs));
}
