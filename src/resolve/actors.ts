/**
 * Who a mention is. Full names resolve directly; a surname with a title
 * (金総書記) or a title alone (首相, 米国務長官) resolves to whoever held that
 * title on the date that applies (the sentence's own date, else the
 * article's); anaphora (同氏, 両首脳, 同国) resolve from the discourse.
 * Names the lexicon lacks stay actors under their raw name, marked
 * unresolved.
 */

import type { Mention } from "../extract/mentions.js";
import { type Lexicon, withinPeriod } from "../lexicon/lexicon.js";
import type { OfficeEntry, PersonEntry } from "../lexicon/schema.js";

export interface ActorRef {
  kind: "person" | "state" | "organization";
  /** Lexicon id, or `unresolved:<name>` for a name the lexicon lacks. */
  id: string;
  resolved: boolean;
  /** Canonical names (the raw name for an unresolved actor). */
  en: string;
  ja: string;
  country: string | null;
  /** The office held on the date that applies, and its title as the text wrote it. */
  office?: string;
  title?: string;
}

export interface ResolvedMention {
  mention: Mention;
  /** One actor, or several for 両首脳 and 露朝; empty when unresolved and unnamed. */
  actors: ActorRef[];
  /** How it was resolved, for explanations. */
  via: "name" | "surname+title" | "title" | "discourse" | "anaphora" | "lexicon" | "unresolved";
  /** The date used to resolve titles. */
  date: string | null;
}

export interface ResolveOptions {
  /** The date that applies at a position of the normalised text (sentence date or publication date). */
  dateAt(position: number): string | null;
  /**
   * The normalised text the mentions are in: two states coordinated in it (ロシアと北朝鮮) are what a 両国
   * after them means, and whose letter is handed over (プーチン大統領の親書) is no one who met.
   */
  text: string;
  /** The index of the sentence a position is in: the leaders one sentence names together are a pair. */
  sentenceAt?(position: number): number;
  /** The index of the paragraph a position is in. */
  paragraphAt?(position: number): number;
  /** Whether a position is inside a quotation 「…」: a speaker's words name no one there. */
  quoted?(position: number): boolean;
  /**
   * The publication date: a former title (菅前総理大臣) is former as of the writing, whenever the sentence is
   * dated (…がことし4月にワシントンを訪れ in October is Suga, who had left by then, not Kan).
   */
  published?: string | null;
}

/**
 * Whether a period of office fits the title as written: held on the day, or, for a former title (安倍元首相),
 * left by the day or by the writing, whichever is later.
 */
function heldAsWritten(
  t: { from?: string; to?: string },
  former: boolean | undefined,
  date: string | null,
  published: string | null | undefined,
): boolean {
  if (!former) return holdsOn(t, date);
  const asOf = published && (!date || published > date) ? published : date;
  return !!t.to && (!asOf || t.to <= asOf);
}

export function personRef(lex: Lexicon, p: PersonEntry, date: string | null, title?: string): ActorRef {
  const office = officeFor(lex, p, date, title);
  return {
    kind: "person",
    id: p.id,
    resolved: true,
    en: p.name.en,
    ja: p.name.ja,
    country: p.country ?? null,
    ...(office ? { office: office.id } : {}),
    ...(title ? { title } : office ? { title: office.titles[0] } : {}),
  };
}

export function stateRef(lex: Lexicon, id: string): ActorRef {
  const s = lex.states.get(id);
  return { kind: "state", id, resolved: !!s, en: s?.name.en ?? id, ja: s?.name.ja ?? id, country: id };
}

export function organizationRef(lex: Lexicon, id: string): ActorRef {
  const o = lex.organizations.get(id);
  return {
    kind: "organization",
    id,
    resolved: !!o,
    en: o?.name.en ?? id,
    ja: o?.name.ja ?? id,
    country: o?.country ?? null,
  };
}

/** The office a person held on the date, preferring one the title names. */
function officeFor(
  lex: Lexicon,
  p: PersonEntry,
  date: string | null,
  title?: string,
): OfficeEntry | undefined {
  const held = lex.officesHeld(p, date);
  if (title) {
    const named = held.find((o) => o.titles.some((t) => title.endsWith(t)));
    if (named) return named;
  }
  return held.find((o) => o.leader) ?? held[0];
}

/** What follows a title for one acting in the office: 首相代行, 大統領代理. */
const ACTING = /^(?:代行|代理)$/;

/** Whether the person held a leader's office (head of state or government, party leader) on the day. */
export const isLeader = (lex: Lexicon, p: ActorRef, date: string | null) => {
  const person = lex.people.get(p.id);
  return !!person && lex.officesHeld(person, date).some((o) => o.leader);
};

/** Two states named together, and when the second was. */
interface CoordinatedStates {
  states: [ActorRef, ActorRef];
  at: number;
}

/** What the text has been about so far, as a mention is resolved against it. */
interface Discourse {
  /** People and states, most recent last. */
  persons: ActorRef[];
  states: ActorRef[];
  lastDistinct(list: ActorRef[], n: number, keep: (a: ActorRef) => boolean): ActorRef[];
  /** When the actor was last in the discourse (0: never). */
  lastSeen(a: ActorRef): number;
  /** The last two states named together (ロシアと北朝鮮). */
  pair: CoordinatedStates | undefined;
  /** Whom each title standing alone (首相) named last. */
  bare: ReadonlyMap<string, ActorRef>;
  /** The last two leaders a sentence named, and no others (安倍首相は…プーチン大統領と会談した). */
  leaders: ActorRef[] | undefined;
  /** Two people named together (ウィトコフ氏とアラグチ氏が) in this sentence or the one before. */
  personPair: ActorRef[] | undefined;
  /** People the text has named in full in its own words (金英哲副委員長), not only by a title (金委員長). */
  namedFully: ReadonlySet<string>;
  /** For 同氏は: the person the last sentence or this one is about (プーチン氏は). */
  topicPerson: ActorRef | undefined;
  /** The title each person was last written with (オバマ大統領: 大統領; none after プーチン氏). */
  writtenTitle: ReadonlyMap<string, string>;
  /** The publication date, as of which a former title is former. */
  published?: string | null;
}
const COORDINATOR = /^(?:と|、|や|・|及び|および)$/;
/** は marking a sentence's topic (not では, には). */
const TOPIC_AFTER = /^は/;
/** ブチッチ大統領と会談した: the one a meeting or call was with. */
const MET_WITH = /^と(?:会談|会見|会い|会っ|面会|電話会談|首脳会談|初会談)/;
/** What a person's の owns that others hand over, read or answer (親書, 書簡, メッセージ): the person is not there. */
const POSSESSED = /^の(?:親書|書簡|メッセージ|祝電|弔電|手紙|親筆|談話)/;
/** …の康京和(カン・ギョンファ)外相以来: a person an earlier occurrence is counted from. */
const COUNTED_FROM_PERSON = /^(?:\([^()]*\))?(?:氏|外相|首相|大統領)?以来/;

/**
 * An unresolved person whose name, as the text gave it, begins with this surname (坪井直 for 坪井), or, written
 * in katakana with a middle dot, ends with it (チメド・サイハンビレグ for サイハンビレグ, as ドナルド・トランプ for トランプ).
 */
const namedInFull = (a: ActorRef, surname: string) =>
  !a.resolved &&
  a.kind === "person" &&
  a.en.length > surname.length &&
  (a.en.startsWith(surname) || a.en.endsWith(`・${surname}`));

/** フィデル for フィデル・カストロ: the first of a katakana name's parts, as the person's name is written. */
const givenNameOf = (a: ActorRef, name: string) =>
  a.kind === "person" && name.length >= 2 && a.ja.startsWith(`${name}・`);

export function resolveMentions(
  mentions: readonly Mention[],
  lex: Lexicon,
  opts: ResolveOptions,
): ResolvedMention[] {
  const persons: ActorRef[] = []; // discourse, most recent last
  const states: ActorRef[] = [];
  // when each was last in the discourse, to tell states named after the people from the people's own
  const seen = new Map<string, number>();
  let clock = 0;
  // the last two states named together (ロシアと北朝鮮), and the state mention just before this one
  let pair: CoordinatedStates | undefined;
  let previous: { mention: Mention; actor: ActorRef } | undefined;
  // the last two people named together (ウィトコフ氏とアラグチ氏が), with their sentence, and the person mention
  // just before this one
  let personPair: { persons: ActorRef[]; sentence: number } | undefined;
  let previousPerson: { mention: Mention; actor: ActorRef } | undefined;
  const namedFully = new Set<string>();
  // the person a sentence is about (its topic, marked は), with the sentence
  let topicPerson: { actor: ActorRef; sentence: number; paragraph: number } | undefined;
  // 首相は…求めた。…李克強首相の主催で…。首相と文氏は: a title standing alone goes on naming whom it named
  const bare = new Map<string, ActorRef>();
  // 金氏は…。金氏には妹の金与正氏が同行した。金氏は4月27日…: a surname written alone goes on naming whom it
  // named, though another of that name has been named in full since
  const surnameForms = new Map<string, ActorRef>();
  const writtenTitle = new Map<string, string>();
  // 両首脳 is the two leaders of the last sentence that named two and no more (安倍首相は…プーチン大統領と会談
  // した), not whichever two were named last: a gathering's list (モディ首相、マハティール首相…も出席した) names
  // more, and a sentence about one of them (プーチン氏が来日した際の) fewer
  let leaders: ActorRef[] | undefined;
  let sentenceLeaders: ActorRef[] = [];
  // 習主席は…。続いて…翌8日にブチッチ大統領と会談した。両首脳は: one leader met with the topic's leader, whom
  // the sentence leaves unsaid, names a pair as well
  let sentencePartner: ActorRef | undefined;
  /** The paragraph of the sentence that named `leaders`, and the first pair the article named together. */
  let leadersParagraph = -1;
  let firstPair: ActorRef[] | undefined;
  let paragraph = 0;
  /** The state a 同国 just before stands for. */
  let stateAnaphor: { end: number; state: string } | undefined;
  /** The states of a summit named by their compound in the sentence (韓中首脳会談で), for 両首脳 after it. */
  let namedMeeting: { states: string[]; sentence: number } | undefined;
  let sentence = 0;
  const remember = (a: ActorRef, background = false) => {
    const list = a.kind === "person" ? persons : a.kind === "state" ? states : null;
    if (!list) return;
    const i = list.findIndex((x) => x.id === a.id);
    if (background) {
      if (i < 0) list.unshift(a);
      return;
    }
    if (i >= 0) list.splice(i, 1);
    list.push(a);
    seen.set(a.id, ++clock);
  };
  const lastDistinct = (list: ActorRef[], n: number, keep: (a: ActorRef) => boolean) => {
    const out: ActorRef[] = [];
    for (let i = list.length - 1; i >= 0 && out.length < n; i--) if (keep(list[i]!)) out.push(list[i]!);
    return out.reverse();
  };

  // 同国の外相: the title of the state 同国 stands for, not of whoever held it last in the discourse
  const qualifiedByAnaphor = (m: Mention): Mention =>
    m.kind === "person" &&
    m.titleOffices?.length &&
    !m.country &&
    stateAnaphor &&
    opts.text.slice(stateAnaphor.end, m.start) === "の"
      ? { ...m, country: stateAnaphor.state }
      : m;

  return mentions.map((found) => {
    const m = qualifiedByAnaphor(found);
    const date = opts.dateAt(m.start);
    const here = opts.sentenceAt?.(m.start) ?? 0;
    if (here !== sentence) {
      const partner = sentenceLeaders.length === 1 ? sentencePartner : undefined;
      const met =
        partner &&
        topicPerson &&
        topicPerson.actor.id !== partner.id &&
        topicPerson.paragraph === paragraph &&
        isLeader(lex, topicPerson.actor, date)
          ? [topicPerson.actor, partner]
          : undefined;
      if (sentenceLeaders.length === 2 || met) {
        leaders = met ?? sentenceLeaders;
        leadersParagraph = paragraph;
        firstPair ??= leaders;
      }
      sentenceLeaders = [];
      sentencePartner = undefined;
      sentence = here;
      paragraph = opts.paragraphAt?.(m.start) ?? 0;
    }
    const lastSeen = (a: ActorRef) => seen.get(a.id) ?? 0;
    const surnameOnly =
      m.kind === "person" && !!m.surnameOf?.length && !m.titleOffices?.length && !m.personIds?.length;
    const form = surnameOnly ? opts.text.slice(m.start, m.end) : "";
    // 森さん after 森重昭さん, whom the lexicon does not know: the one named in full, if named last
    const namedInFullLast = () => {
      const surname = opts.text.slice(m.nameStart ?? m.start, m.nameEnd ?? m.end);
      const last = lastDistinct(persons, 1, (a) => namedInFull(a, surname) || m.surnameOf!.includes(a.id))[0];
      return last && !last.resolved ? last : undefined;
    };
    const named = surnameOnly ? (surnameForms.get(form) ?? namedInFullLast()) : undefined;
    // 韓中首脳会談で両首脳は: the leaders of the meeting's states, not the last two named
    const ofMeeting =
      m.anaphor === "both-leaders" && namedMeeting?.sentence === here
        ? namedMeeting.states.map(
            (s) => lastDistinct(persons, 1, (a) => a.country === s && isLeader(lex, a, date))[0],
          )
        : [];
    const r: ResolvedMention =
      ofMeeting.length === 2 && ofMeeting.every(Boolean)
        ? { mention: m, actors: ofMeeting as ActorRef[], via: "anaphora", date }
        : named
          ? { mention: m, actors: [named], via: "discourse", date }
          : resolveOne(m, lex, date, {
              persons,
              states,
              lastDistinct,
              lastSeen,
              pair,
              bare,
              // (両首脳 in a later paragraph than the pair last named together is the pair the article is about:
              // a meeting of the trip told in passing, インド訪問中の20日…モディ首相と会談した, does not take it)
              leaders: firstPair && leadersParagraph !== paragraph ? firstPair : leaders,
              personPair: personPair && here - personPair.sentence <= 1 ? personPair.persons : undefined,
              namedFully,
              writtenTitle,
              published: opts.published,
              topicPerson:
                topicPerson &&
                here - topicPerson.sentence <= 1 &&
                TOPIC_AFTER.test(opts.text.slice(m.end, m.end + 2))
                  ? topicPerson.actor
                  : undefined,
            });
    if (
      m.kind === "group" &&
      r.actors.length === 2 &&
      SUMMIT_NAMED_AFTER.test(opts.text.slice(m.end, m.end + 8))
    )
      namedMeeting = { states: r.actors.map((a) => a.id), sentence: here };
    // (not one a speaker names: 「私自身が金正恩委員長と…向き合わなければならない」)
    if (!m.anaphor && !opts.quoted?.(m.start))
      for (const a of r.actors)
        if (a.kind === "person" && isLeader(lex, a, date) && !sentenceLeaders.some((b) => b.id === a.id)) {
          sentenceLeaders.push(a);
          if (r.actors.length === 1 && MET_WITH.test(opts.text.slice(m.end, m.end + 6))) sentencePartner = a;
        }
    if (bareTitle(m) && r.actors.length === 1) bare.set(m.title!, r.actors[0]!);
    if (m.kind === "person" && !m.anaphor && r.actors.length === 1 && !opts.quoted?.(m.start)) {
      if (m.title) writtenTitle.set(r.actors[0]!.id, m.title);
      else writtenTitle.delete(r.actors[0]!.id);
    }
    if (surnameOnly && r.actors.length === 1 && r.actors[0]!.resolved) surnameForms.set(form, r.actors[0]!);
    // プーチン大統領の親書を手渡した: whose letter it is keeps those who met in front of the discourse
    const possessor = m.kind === "person" && !m.anaphor && POSSESSED.test(opts.text.slice(m.end, m.end + 8));
    // 2017年12月の康京和外相以来: one an earlier occurrence is counted from is background too
    const countedFrom =
      m.kind === "person" && !m.anaphor && COUNTED_FROM_PERSON.test(opts.text.slice(m.end, m.end + 8));
    for (const a of r.actors) remember(a, possessor || countedFrom);
    if (
      m.kind === "person" &&
      r.actors.length === 1 &&
      !opts.quoted?.(m.start) &&
      TOPIC_AFTER.test(opts.text.slice(m.end, m.end + 2))
    )
      topicPerson = { actor: r.actors[0]!, sentence: here, paragraph };
    if (m.personIds?.length && !possessor && !countedFrom && !opts.quoted?.(m.start))
      for (const a of r.actors) namedFully.add(a.id);
    stateAnaphor =
      m.kind === "state" && m.anaphor && r.actors.length === 1
        ? { end: m.end, state: r.actors[0]!.id }
        : undefined;
    if (m.kind === "state" && !m.anaphor && r.actors.length === 1) {
      if (previous && COORDINATOR.test(opts.text.slice(previous.mention.end, m.start)))
        pair = { states: [previous.actor, r.actors[0]!], at: clock };
      previous = { mention: m, actor: r.actors[0]! };
    } else previous = undefined;
    if (m.kind === "person" && !m.anaphor && r.actors.length === 1) {
      const person = r.actors[0]!;
      if (
        previousPerson &&
        previousPerson.actor.id !== person.id &&
        COORDINATOR.test(opts.text.slice(previousPerson.mention.end, m.start))
      )
        personPair = { persons: [previousPerson.actor, person], sentence: here };
      previousPerson = { mention: m, actor: person };
    } else if (m.kind === "person") previousPerson = undefined;
    // a person's country is in the discourse too, for 同国 and 両国
    for (const a of r.actors) if (a.kind === "person" && a.country) remember(stateRef(lex, a.country));
    return r;
  });
}

/** 韓中首脳会談で, 日米首脳会談では: a summit named after the compound of its states, as the setting. */
const SUMMIT_NAMED_AFTER = /^首脳会談(?:で|では|の席で)/;

/** A title with no name, country or anaphor of its own (首相, not 李首相, 中国の首相 or 両首相). */
const bareTitle = (m: Mention) =>
  m.kind === "person" &&
  !!m.title &&
  !!m.titleOffices?.length &&
  !m.personIds?.length &&
  !m.surnameOf?.length &&
  !m.unknownName &&
  !m.anaphor &&
  !m.country &&
  !m.former;

function resolveOne(m: Mention, lex: Lexicon, date: string | null, discourse: Discourse): ResolvedMention {
  const { persons, states, lastDistinct, lastSeen, pair } = discourse;
  const done = (actors: ActorRef[], via: ResolvedMention["via"]): ResolvedMention => ({
    mention: m,
    actors,
    via,
    date,
  });
  const byCountry = (list: PersonEntry[]) => (m.country ? list.filter((p) => p.country === m.country) : list);
  const recentFirst = (list: PersonEntry[]) => {
    const rank = (p: PersonEntry) => persons.findIndex((a) => a.id === p.id);
    return [...list].sort((a, b) => rank(b) - rank(a));
  };

  if (m.kind === "group" && m.members)
    return done(
      m.members.map((s) => stateRef(lex, s)),
      "lexicon",
    );
  // 両国: the states of the two people the text has just been about, else the last two states —
  // unless two states were named together since (ミラー報道官は「ロシアと北朝鮮の…」と述べ、両国を非難)
  const bothStates = (): ActorRef[] => {
    const people = lastDistinct(persons, 2, (a) => !!a.country);
    if (pair && people.every((p) => pair.at > lastSeen(p))) return pair.states;
    const theirs = [...new Set(people.map((a) => a.country!))];
    if (theirs.length === 2) return theirs.map((s) => stateRef(lex, s));
    // (タイとカンボジアの首脳は…マレーシアの…で、アンワル首相の仲介により会談し…。両国は: with no two people of
    // two states to go by, the two named together, not the last two named)
    return pair ? pair.states : states.slice(-2);
  };
  if (m.kind === "state" && m.anaphor === "both-states") return done(bothStates(), "anaphora");
  if (m.kind === "state" && m.anaphor) {
    const s = states[states.length - 1];
    return done(s ? [s] : [], "anaphora");
  }
  if (m.kind === "state" && m.entityId) return done([stateRef(lex, m.entityId)], "lexicon");
  if (m.kind === "organization" && m.entityId) return done([organizationRef(lex, m.entityId)], "lexicon");
  if (m.kind === "place") return done([], "lexicon");

  // persons
  if (m.personIds?.length) {
    let candidates = m.personIds.map((id) => lex.people.get(id)!).filter(Boolean);
    if (candidates.length > 1) candidates = narrow(lex, candidates, date, m, persons, discourse.published);
    return done([personRef(lex, candidates[0]!, date, m.title)], "name");
  }
  if (m.surnameOf?.length) {
    const named = m.surnameOf.map((id) => lex.people.get(id)!).filter(Boolean);
    const ofName = (a: ActorRef) => m.surnameOf!.includes(a.id);
    if (m.titleOffices?.length) {
      // 安倍元首相: one who had left the office by the day, not one holding it
      const held = (t: { from?: string; to?: string }) =>
        heldAsWritten(t, m.former, date, discourse.published);
      const holding = named.filter((p) =>
        p.offices.some((t) => m.titleOffices!.includes(t.office) && held(t)),
      );
      // of former holders not in the discourse, the one who left last (菅前首相 in 2024 is Suga, not Kan)
      if (m.former) {
        const left = (p: PersonEntry) =>
          p.offices.reduce((x, t) => (m.titleOffices!.includes(t.office) && t.to && t.to > x ? t.to : x), "");
        holding.sort((a, b) => left(b).localeCompare(left(a)));
      }
      const pick = recentFirst(byCountry(holding))[0] ?? recentFirst(holding)[0];
      if (pick) return done([personRef(lex, pick, date, m.title)], "surname+title");
      // キム書記 after キム・ギナム書記, キム部長 after キム・ヤンゴン統一戦線部長, 林長官 after 林官房長官: one of that
      // surname just named with that title, or a longer one ending in it — rather than the office of that
      // word another of the surname held long before
      // (a name the lexicon lacks counts when written with the surname: キム・ギナム)
      const surnames = named.flatMap((p) => p.surname ?? []);
      const unknownOfName = (a: ActorRef) =>
        !a.resolved && surnames.some((s) => a.ja.startsWith(s) && a.ja.length > s.length);
      const title = m.title;
      const again =
        title &&
        (lastDistinct(persons, 1, (a) => (ofName(a) || unknownOfName(a)) && a.title === title)[0] ??
          lastDistinct(persons, 1, (a) => ofName(a) && !!a.title?.endsWith(title))[0]);
      if (again) return done([again], "discourse");
      // the title is wrong for the date: fall back to anyone with that surname and title
      const ever = named.filter((p) => p.offices.some((t) => m.titleOffices!.includes(t.office)));
      const any = recentFirst(byCountry(ever))[0];
      if (any) return done([personRef(lex, any, date, m.title)], "surname+title");
    }
    // 金氏: whoever of that name the discourse has just mentioned — of those it has named in full, if any (not
    // 金委員長 told of since 金英哲副委員長 was named: a surname alone stands for a name written out before)
    const recent =
      lastDistinct(persons, 1, (a) => ofName(a) && discourse.namedFully.has(a.id))[0] ??
      lastDistinct(persons, 1, ofName)[0];
    if (recent) return done([recent], "discourse");
    // (中曽根首相 in 1984 is not 中曽根弘文, who never held the office: one the lexicon lacks)
    if (named.length === 1 && !m.titleOffices?.length)
      return done([personRef(lex, named[0]!, date, m.title)], "surname+title");
    const raw = m.unknownName ?? "";
    return done(raw ? [unresolved(raw, m)] : [], "unresolved");
  }
  if (m.unknownName) {
    // 坪井さん after 坪井直さん: the surname of one named in full
    // フィデル氏 after フィデル・カストロ前議長: the given name of one the lexicon knows, named in full
    const again =
      persons.find((a) => !a.resolved && a.en === m.unknownName) ??
      lastDistinct(persons, 1, (a) => namedInFull(a, m.unknownName!))[0] ??
      lastDistinct(persons, 1, (a) => a.resolved && givenNameOf(a, m.unknownName!))[0];
    if (again?.resolved) return done([again], "discourse");
    return done([again ?? unresolved(m.unknownName, m)], "unresolved");
  }
  // 同氏は after プーチン氏は…金氏を招いた: the one the text is about goes on being its topic
  if (m.anaphor === "same-person" && discourse.topicPerson) return done([discourse.topicPerson], "anaphora");
  if (m.anaphor === "same-person") {
    const keep = (a: ActorRef) =>
      !m.titleOffices || (a.office !== undefined && m.titleOffices.includes(a.office));
    const p = lastDistinct(persons, 1, keep)[0];
    return done(p ? [p] : [], "anaphora");
  }
  if (m.anaphor === "several-leaders")
    return done(
      lastDistinct(persons, m.count ?? 3, (a) => isLeader(lex, a, date)),
      "anaphora",
    );
  if (m.anaphor === "several-foreign-ministers") {
    // the foreign ministers last named, else the states of the leaders last named (五首脳 … 五カ国の外相),
    // else no one — not Japan's foreign minister, whom a bare 外相 would be
    const n = m.count ?? 3;
    const ministers = lastDistinct(persons, n, (a) => foreignMinisterOn(lex, a, date));
    if (ministers.length === n) return done(ministers, "anaphora");
    // (両国の外相: the states 両国 would be)
    if (n === 2) return done(bothStates(), "anaphora");
    const leaders = lastDistinct(persons, n, (a) => isLeader(lex, a, date) && !!a.country);
    const theirs = [...new Set(leaders.map((a) => a.country!))];
    return done(theirs.length === n ? theirs.map((s) => stateRef(lex, s)) : [], "anaphora");
  }
  if (m.anaphor === "both-leaders") {
    // (both leading on the day: not 2011年12月の野田佳彦首相以来 read in 2023)
    if (discourse.leaders?.every((a) => isLeader(lex, a, date))) return done(discourse.leaders, "anaphora");
    const leaders = lastDistinct(persons, 2, (a) => isLeader(lex, a, date));
    return done(leaders.length === 2 ? leaders : lastDistinct(persons, 2, () => true), "anaphora");
  }
  // (双方 after ウィトコフ氏とアラグチ氏が…バドル外相の立ち会いのもとで: the two named together, not the last two)
  if (m.anaphor === "both-persons")
    return done(discourse.personPair ?? lastDistinct(persons, 2, () => true), "anaphora");
  if (m.anaphor === "both-title" && m.titleOffices) {
    // 両長官 after ブリンケン国務長官とオースティン国防長官, not after the 外相 and 国防相 they met (Korea's
    // ministers bear the title 長官 too): the two last written with the title
    // (not one named only in the background: 2017年12月の康京和外相以来)
    const written = lastDistinct(
      persons,
      2,
      // (an acting one too: 両首相 after フン・マネット首相と、タイのプムタム首相代行)
      (a) =>
        !!a.title &&
        (a.title.endsWith(m.title!) ||
          (ACTING.test(a.title.replace(m.title!, "")) && a.title.startsWith(m.title!))) &&
        discourse.lastSeen(a) > 0,
    );
    if (written.length === 2) return done(written, "anaphora");
    // 両外相 after 岩屋外務大臣 and ルビオ国務長官: the same portfolio under another title counts
    const portfolios = new Set(m.titleOffices.map((o) => lex.offices.get(o)?.portfolio).filter(Boolean));
    // (王毅国務委員兼外相: of every office held on the day, not only the one the title names first)
    const holds = (a: ActorRef) => {
      const person = lex.people.get(a.id);
      const offices = person ? lex.officesHeld(person, date).map((o) => o.id) : [];
      return [a.office, ...offices].some(
        (o) =>
          o !== undefined && (m.titleOffices!.includes(o) || portfolios.has(lex.offices.get(o)?.portfolio)),
      );
    };
    const titled = lastDistinct(persons, 2, holds);
    return done(titled, "anaphora");
  }
  if (bareTitle(m) && discourse.bare.has(m.title!)) return done([discourse.bare.get(m.title!)!], "discourse");
  // 田中角栄元首相の私邸を訪れた。…署名した元首相の功績: a former title alone is the one last named with it
  if (m.former && m.title && !m.personIds?.length && !m.surnameOf?.length) {
    const named = lastDistinct(persons, 1, (a) => a.title === m.title)[0];
    if (named) return done([named], "discourse");
  }
  if (m.titleOffices?.length) return resolveTitle(m, lex, date, persons, discourse.writtenTitle, done);
  return done([], "unresolved");
}

/** Whether the person holds the office on the day (プーチン大統領(現首相) named in 2011 does not hold 大統領). */
function holdsOfficeOn(lex: Lexicon, a: ActorRef, office: string, date: string | null): boolean {
  const person = lex.people.get(a.id);
  return !!person && lex.officesHeld(person, date).some((o) => o.id === office);
}

/** A title alone: 米国務長官, ロシアの大統領, or 首相 meaning whoever the discourse or the default says. */
function resolveTitle(
  m: Mention,
  lex: Lexicon,
  date: string | null,
  persons: ActorRef[],
  writtenTitle: ReadonlyMap<string, string>,
  done: (actors: ActorRef[], via: ResolvedMention["via"]) => ResolvedMention,
): ResolvedMention {
  let offices = m.titleOffices!.map((id) => lex.offices.get(id)!).filter(Boolean);
  if (m.country) offices = offices.filter((o) => o.country === m.country);
  else {
    // 安倍晋三首相は…李克強首相と会談した。…首相は会議で: in Japanese news the bare title is Japan's office
    // (offices.yaml's `default`), whoever else bearing it was named since, once its holder has been named
    for (const o of offices) {
      if (!o.default) continue;
      const holder = lex.holdersOf(o.id, date)[0];
      const named = holder && persons.find((a) => a.id === holder.id);
      if (named) return done([named], "discourse");
    }
    // the person the discourse last wrote this title after (オバマ大統領は…プーチン氏の側近…。大統領は「…」:
    // Obama, not Putin, whose office it is too but who was named since by 氏), else the last who holds it
    for (let i = persons.length - 1; i >= 0; i--) {
      const a = persons[i]!;
      if (
        a.office &&
        m.titleOffices!.includes(a.office) &&
        writtenTitle.get(a.id)?.endsWith(m.title!) &&
        holdsOfficeOn(lex, a, a.office, date)
      )
        return done([a], "discourse");
    }
    // (of those, one holding it on the day first: 盧泰愚大統領…全斗煥前大統領以来…。大統領は同日午後 is Roh)
    for (const onTheDay of [true, false])
      for (let i = persons.length - 1; i >= 0; i--) {
        const a = persons[i]!;
        if (
          a.office &&
          m.titleOffices!.includes(a.office) &&
          (!onTheDay || holdsOfficeOn(lex, a, a.office, date))
        )
          return done([a], "discourse");
      }
    // a title only one state's office bears (国務長官, 米国務長官) names that office
    const countries = new Set(offices.map((o) => o.country));
    if (countries.size !== 1 || offices.length === 0) {
      const defaults = offices.filter((o) => o.default);
      if (defaults.length === 0) return done([], "unresolved");
      offices = defaults;
    }
  }
  for (const o of offices) {
    const holder = lex.holdersOf(o.id, date)[0];
    if (holder) return done([personRef(lex, holder, date, m.title)], "title");
  }
  // (同国の外相 of a state whose offices the lexicon lacks: the state, where no person is identifiable)
  if (m.country && offices.length === 0 && lex.states.has(m.country))
    return done([stateRef(lex, m.country)], "title");
  return done([], "unresolved");
}

const holdsOn = (t: { from?: string; to?: string }, date: string | null) =>
  !date || withinPeriod(date, t.from, t.to);

/** Several people share a spelling: prefer the country, the title held, then the discourse. */
function narrow(
  lex: Lexicon,
  people: PersonEntry[],
  date: string | null,
  m: Mention,
  recent: ActorRef[],
  published?: string | null,
): PersonEntry[] {
  const scored = people.map((p) => {
    let score = 0;
    if (m.country && p.country === m.country) score += 4;
    const held = (t: { from?: string; to?: string }) => heldAsWritten(t, m.former, date, published);
    if (m.titleOffices && p.offices.some((t) => m.titleOffices!.includes(t.office) && held(t))) score += 3;
    if (lex.officesHeld(p, date).length > 0) score += 1;
    if (recent.some((a) => a.id === p.id)) score += 2;
    return { p, score };
  });
  return scored.sort((a, b) => b.score - a.score).map((s) => s.p);
}

/** Whether a person of the lexicon was a foreign minister on the date. */
function foreignMinisterOn(lex: Lexicon, a: ActorRef, date: string | null): boolean {
  const p = a.kind === "person" ? lex.people.get(a.id) : undefined;
  return !!p && lex.officesHeld(p, date).some((o) => o.portfolio === "foreign-affairs");
}

function unresolved(raw: string, m: Mention): ActorRef {
  return {
    kind: "person",
    id: `unresolved:${raw}`,
    resolved: false,
    en: raw,
    ja: raw,
    country: m.country ?? null,
    ...(m.title ? { title: m.title } : {}),
  };
}
