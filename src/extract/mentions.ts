/**
 * Mentions of actors and places: what the text names, before deciding who
 * it is. Built from the gazetteer's matches plus the patterns Japanese news
 * uses around names:
 *
 *   ロシアのプーチン大統領    state の + name + title
 *   大統領ウラジーミル・プーチン  title + name
 *   金総書記 / 林官房長官      surname + title (resolved by date later)
 *   首相 / 米国務長官         a title alone, with or without a country
 *   同氏 / 両首脳 / 両外相 / 両政府  anaphora (resolved from the discourse)
 *   露朝 / 日米韓             compounds of state abbreviations
 *   ラッセル氏               an unknown name marked by 氏 or a title
 */
import { Gazetteer, type GazetteerMatch } from "../analyse/gazetteer.js";
import type { Token } from "../analyse/tokenizer.js";
import { type Lexicon, type SurfaceRef, surfaceKey } from "../lexicon/lexicon.js";
import { readNumber } from "./timex/numerals.js";
import { unlistedTitles } from "./unlisted-titles.js";

export type MentionKind = "person" | "state" | "organization" | "place" | "group";

export type Anaphor =
  | "same-person"
  | "both-persons"
  | "both-leaders"
  | "several-leaders"
  | "several-foreign-ministers"
  | "both-title"
  | "same-state"
  | "both-states";

export interface Mention {
  /** Span in the normalised text: the whole mention, title included. */
  start: number;
  end: number;
  /** Span of the name itself, when there is one. */
  nameStart?: number;
  nameEnd?: number;
  kind: MentionKind;
  /** Candidate people named by a full name or alias. */
  personIds?: string[];
  /** A surname used with a title or 氏 (金総書記): who it is depends on the date. */
  surnameOf?: string[];
  /** Offices the title word can mean, and the title as written. */
  titleOffices?: readonly string[];
  title?: string;
  /** Country given by a prefix (ロシアの, 米). */
  country?: string;
  /** For states, organisations and places: the entity. */
  entityId?: string;
  /** For compounds (露朝): the states. */
  members?: string[];
  anaphor?: Anaphor;
  /** How many several-leaders or several-foreign-ministers stands for (3首脳, 6カ国の首脳, 3外相). */
  count?: number;
  /** A name the lexicon does not know. */
  unknownName?: string;
  /** The title is one its bearer held before (安倍元首相, 前大統領). */
  former?: boolean;
  /** This mention only qualifies the next one (ロシアの in ロシアのプーチン大統領). */
  qualifies?: number;
}

const HONORIFIC = /^(氏|さん|女史|様|両氏|師(?!団|範|匠|走))/;
const BARE_SURNAME_AFTER = /^(?:[はがもにとのを、]|から)/;
/**
 * 北朝鮮の代表団, 日本政府は, 米国とイランの高官は, 日米韓の外務次官は: a state (or states) acting through its
 * delegation, government or officials.
 */
const OFFICIALS = "(?:高官|外務次官|首席代表)(?=[はがもと、])";
/** The words for a delegation sent abroad (代表団, 特使団, 弔問団), shared by whatever reads one. */
export const DELEGATION_NOUN = "(?:代表団|使節団|訪問団|特使団|弔問団)";
const DELEGATION = new RegExp(
  `^の?(?:(?:政府|高位級|高官|閣僚級|実務)?${DELEGATION_NOUN}|政府|当局|一行|高官団|大使館|${OFFICIALS})`,
);
/** 日米韓の外務次官は: states named together acting through their officials (not their delegation or government). */
const OFFICIALS_OF_STATES = new RegExp(`^の${OFFICIALS}`);
/** One or two kanji, then a dotted reading in brackets: the rest of a name (金一|哲(キム・イルチョル)). */
const LONGER_NAME = /^([\u4E00-\u9FFF]{1,2})(?=\([\u30A1-\u30FA\u30FC]+・[\u30A1-\u30FA\u30FC・]+\))/;
const KANJI_ONLY = /^[\u4E00-\u9FFF]+$/;
/** What follows a name without being part of it: 氏, 君, and the like. */
const NOT_A_NAME_PART = /^(?:氏|君|様|殿|ら|夫妻)$/;
/** A bare title is a person only when it ends its word: 外相会談 is a meeting, not a minister. */
const WORD_END = /^($|[\s、。,.!?」』)(\]・のはがもとをにへでやからまでより]|氏|ら)/;

const ANAPHORS: [RegExp, Anaphor][] = [
  [/同氏/g, "same-person"],
  [/(?:両国首脳|両首脳|両首相|両大統領)/g, "both-leaders"],
  // (one digit: not the 13 of 13カ国首脳)
  [/(?<![0-9十])(?:[3-9]|[三四五六七八九])(?:[かカヶケ]国)?首脳(?![会議])/g, "several-leaders"],
  // 3か国の首脳会談は…以来, 6カ国の首脳は: the summit of the leaders the article is about, or they
  [/(?<![0-9十])(?:[3-9]|[三四五六七八九])[かカヶケ]国の首脳(?=会談|の|が|は|も)/g, "several-leaders"],
  // 五カ国の外相が, …ドビルパンの3外相が, 両国の外相が: the foreign ministers of the states the article is
  // about (not 3カ国の外相会談, a meeting)
  [
    /(?:(?<![0-9十])(?:[3-9]|[三四五六七八九])(?:[かカヶケ]国の)?|両国の)外相(?=[はがもとのを、らに])/g,
    "several-foreign-ministers",
  ],
  [/(?:両氏|両者|双方|2人|二人)(?=[はがもとのを、])/g, "both-persons"],
  [/同国(?!民|内|産|籍|人)/g, "same-state"],
  [/両(?:国政府|国|政府)(?!間|民|関係|国民)(?=[はがもとのを、])/g, "both-states"],
];

export type LexiconGazetteer = Gazetteer<SurfaceRef[]>;

/** The automaton over every surface form of the lexicon. */
export function buildGazetteer(lex: Lexicon): LexiconGazetteer {
  const g = new Gazetteer<SurfaceRef[]>(true);
  for (const [key, refs] of lex.surfaces) g.add(key, refs);
  return g;
}

const has = (refs: SurfaceRef[], kind: SurfaceRef["kind"]) => refs.some((r) => r.kind === kind);
const ids = (refs: SurfaceRef[], kind: "person" | "surname" | "state" | "organization" | "place") =>
  refs.filter((r) => r.kind === kind).map((r) => (r as { id: string }).id);
/**
 * The offices a surface's titles stand for, gathered once per surface form: every 大統領 of every document
 * shares one read-only list instead of building its own (it was 2% of analysing the news stream).
 */
const officesOfTitles = new WeakMap<SurfaceRef[], readonly string[]>();
const titleOffices = (refs: SurfaceRef[]): readonly string[] => {
  let offices = officesOfTitles.get(refs);
  if (!offices) {
    offices = refs.flatMap((r) => (r.kind === "title" ? r.offices : []));
    officesOfTitles.set(refs, offices);
  }
  return offices;
};

export interface MentionOptions {
  /** Tokens of some sentences, in normalised-text coordinates, for names the lexicon lacks. */
  tokens?: readonly Token[];
  /** Compounds that are not pairs of states (北米, 中東). */
  compoundStopwords?: ReadonlySet<string>;
  /** Spans already read as something else (dates: 八日朝 is not 日朝). */
  exclude?: readonly { start: number; end: number }[];
  /** The automaton's matches in `text[from, to)`, when an earlier pass has found them. */
  matches?: readonly GazetteerMatch<SurfaceRef[]>[];
}

/** Finds mentions in `text[from, to)` of the normalised text. */
export function findMentions(
  text: string,
  lex: Lexicon,
  gaz: LexiconGazetteer,
  from = 0,
  to = text.length,
  opts: MentionOptions = {},
): Mention[] {
  const matches = opts.matches ?? gaz.findAll(text, from, to);
  const out: Mention[] = [];
  const used = new Set<number>();
  const at = (k: number) => matches[k];
  const adjacentTitle = (k: number, pos: number): GazetteerMatch<SurfaceRef[]> | null => {
    const m = at(k);
    return m && m.start === pos && has(m.value, "title") ? m : null;
  };
  // the index of a title after one of `prefixes` at pos, among the matches from `from` on, else -1
  const titleAfter = (prefixes: readonly string[], from: number, pos: number): number => {
    const prefix = prefixes.find((p) => text.startsWith(p, pos));
    if (!prefix) return -1;
    let at = pos + prefix.length;
    for (let j = from; j < matches.length && matches[j]!.start <= at; j++) {
      if (matches[j]!.start !== at) continue;
      if (has(matches[j]!.value, "title")) return j;
      // (ヤヌコビッチ前ウクライナ大統領: the state whose office it was may stand between)
      if (has(matches[j]!.value, "state")) at = matches[j]!.end;
    }
    return -1;
  };
  // 岸田文雄前首相, 安倍元首相: a title after one of stopwords.yaml's former_title_prefixes (元 is a surname
  // too, and matched as one)
  const formerTitle = (from: number, pos: number) => titleAfter(lex.data.formerTitlePrefixes, from, pos);

  for (let k = 0; k < matches.length; k++) {
    if (used.has(k)) continue;
    const m = matches[k]!;
    const refs = m.value;
    const people = ids(refs, "person");
    // 金一哲(キム・イルチョル)人民武力相: a name the lexicon lacks that begins with one it has (金一), its kanji
    // running on to its reading in brackets (not a title or 氏 after the name: 李克強首相(リー・…), 金正恩氏(…))
    const longer = people.length > 0 ? LONGER_NAME.exec(text.slice(m.end, m.end + 16)) : null;
    if (
      longer &&
      KANJI_ONLY.test(m.surface) &&
      m.surface.length + longer[1]!.length <= 4 &&
      !NOT_A_NAME_PART.test(longer[1]!) &&
      at(k + 1)?.start !== m.end
    ) {
      const end = m.end + longer[1]!.length;
      const mention = unknownMention(text, m.start, end, gaz, afterGloss(text, end));
      out.push(mention);
      while (at(k + 1) && at(k + 1)!.start < mention.end) used.add(++k);
      continue;
    }
    if (people.length > 0) {
      const mention: Mention = {
        start: m.start,
        end: m.end,
        nameStart: m.start,
        nameEnd: m.end,
        kind: "person",
        personIds: people,
      };
      let next = k + 1;
      // キム・ジョンウン金正恩: the same person written twice
      const twin = at(next);
      if (twin && twin.start === m.end && ids(twin.value, "person").some((p) => people.includes(p))) {
        mention.end = twin.end;
        used.add(next);
        next++;
      }
      // 張徳江・全国人民代表大会常務委員長: a title joined to the name by ・
      let title =
        adjacentTitle(next, mention.end) ??
        (text[mention.end] === "・" ? adjacentTitle(next, mention.end + 1) : null);
      // ゼレンスキーウクライナ大統領 (ゼレンスキー（Zelensky）ウクライナ大統領, the reading dropped): a state
      // in katakana touching the name, then the title — the name's, as its state's
      const state = at(next);
      const stateTitle = state ? adjacentTitle(next + 1, state.end) : null;
      if (
        !title &&
        state &&
        stateTitle &&
        state.start === mention.end &&
        has(state.value, "state") &&
        KATAKANA_BLOCK.test(text[state.start]!) &&
        KATAKANA_BLOCK.test(text[state.start - 1]!)
      ) {
        title = { ...stateTitle, start: state.start, surface: text.slice(state.start, stateTitle.end) };
        used.add(next);
        next++;
      }
      const former = title ? -1 : formerTitle(next, mention.end);
      // トランプ次期大統領, バイデン現大統領: a title after one of title_prefixes is the name's too
      const prefixed = title || former >= 0 ? -1 : titleAfter(lex.data.titlePrefixes, next, mention.end);
      if (title) {
        mention.title = title.surface;
        mention.titleOffices = titleOffices(title.value);
        mention.end = title.end;
        used.add(next);
      } else if (former >= 0) {
        // 岸田文雄前首相: the name's, as a title it no longer holds (which tells namesakes apart:
        // クリントン元米大統領 is the one who held it)
        mention.title = text.slice(mention.end, matches[former]!.end);
        mention.titleOffices = titleOffices(matches[former]!.value);
        mention.former = true;
        mention.end = matches[former]!.end;
        for (let j = next; j <= former; j++) used.add(j);
      } else if (prefixed >= 0) {
        mention.title = text.slice(mention.end, matches[prefixed]!.end);
        mention.titleOffices = titleOffices(matches[prefixed]!.value);
        mention.end = matches[prefixed]!.end;
        for (let j = next; j <= prefixed; j++) used.add(j);
      } else {
        // 国務長官ポンペイオ, 総書記金正恩: the title before the name
        const before = out[out.length - 1];
        if (
          before &&
          before.end === m.start &&
          before.kind === "person" &&
          !before.personIds &&
          !before.surnameOf &&
          before.titleOffices
        ) {
          out.pop();
          mention.start = before.start;
          mention.title = before.title;
          mention.titleOffices = before.titleOffices;
          mention.country ??= before.country;
        }
      }
      mention.end += honorificLength(text, mention.end);
      out.push(mention);
      continue;
    }
    const surnames = ids(refs, "surname");
    // 鳩山元首相: 元 ends a name the lexicon lacks and makes the title a former holder's; not the surname 元
    // (…に署名した元首相の功績: standing alone before a title, 元 is its prefix, a former holder unnamed)
    const formerPrefix =
      lex.data.formerTitlePrefixes.includes(m.surface) &&
      (KANJI.test(text[m.start - 1] ?? "") || adjacentTitle(k + 1, m.end) !== null);
    // (ヨンホ外相: a katakana surname at the end of a longer katakana word is no surname of its own)
    const insideKatakana =
      /^[\u30A1-\u30FA]/.test(m.surface) && /[\u30A1-\u30FA\u30FC]/.test(text[m.start - 1] ?? "");
    if (surnames.length > 0 && !formerPrefix && !insideKatakana) {
      const former = formerTitle(k + 1, m.end);
      if (former >= 0) {
        // 安倍元首相: whoever of that surname held the office before the day
        out.push({
          start: m.start,
          end: matches[former]!.end,
          nameStart: m.start,
          nameEnd: m.end,
          kind: "person",
          surnameOf: surnames,
          title: text.slice(m.end, matches[former]!.end),
          titleOffices: titleOffices(matches[former]!.value),
          former: true,
        });
        for (let j = k + 1; j <= former; j++) used.add(j);
        continue;
      }
      const title = adjacentTitle(k + 1, m.end);
      // 林大臣, 上川大臣: a minister by surname, as broadcasters write it (not 農林大臣: a word ends in 林)
      const minister =
        !title && text.startsWith("大臣", m.end) && !KANJI.test(text[m.start - 1] ?? "") ? 2 : 0;
      const honorific = honorificLength(text, m.end) || minister;
      // 「金は9月12日に…」: a bare surname, once the article has named the person in full
      // (the mentions so far are looked through only for a surname standing bare)
      const bare =
        !title &&
        !honorific &&
        BARE_SURNAME_AFTER.test(text.slice(m.end, m.end + 2)) &&
        !/[\u4E00-\u9FFF\u30A0-\u30FF]/.test(text[m.start - 1] ?? "");
      const named = bare
        ? out.filter((o) => o.personIds?.some((id) => surnames.includes(id))).flatMap((o) => o.personIds!)
        : [];
      if (bare && named.length > 0) {
        const personIds = [...new Set(named.filter((id) => surnames.includes(id)))];
        out.push({
          start: m.start,
          end: m.end,
          nameStart: m.start,
          nameEnd: m.end,
          kind: "person",
          personIds,
        });
        continue;
      }
      if (title || honorific) {
        const mention: Mention = {
          start: m.start,
          end: m.end,
          nameStart: m.start,
          nameEnd: m.end,
          kind: "person",
          surnameOf: surnames,
        };
        if (title) {
          mention.title = title.surface;
          mention.titleOffices = titleOffices(title.value);
          mention.end = title.end;
          used.add(k + 1);
        }
        if (minister) {
          mention.title = "大臣";
          mention.end += minister;
        }
        mention.end += honorificLength(text, mention.end);
        out.push(mention);
        continue;
      }
    }
    if (has(refs, "title")) {
      const after = text.slice(m.end, m.end + 3);
      const nextMatch = at(k + 1);
      const nameFollows =
        nextMatch &&
        nextMatch.start === m.end &&
        (has(nextMatch.value, "person") || has(nextMatch.value, "surname"));
      const former = lex.data.formerTitlePrefixes.find((p) => text.endsWith(p, m.start));
      if (
        (WORD_END.test(after) || nameFollows) &&
        (former || !endsUnknownWord(text, m.start, matches, k, lex))
      ) {
        const mention: Mention = {
          start: m.start,
          end: m.end,
          kind: "person",
          title: m.surface,
          titleOffices: titleOffices(refs),
        };
        if (former) {
          // 前大統領 alone: someone who held the office, not whoever holds it on the day (no office to resolve
          // by); after a name and its reading (金大中(キム・デジュン)前大統領) it goes with the name
          mention.start = m.start - former.length;
          mention.title = text.slice(mention.start, m.end);
          mention.titleOffices = [];
          mention.former = true;
        }
        if (text[m.start - 1] === "両") {
          mention.start--;
          mention.anaphor = "both-title";
        }
        if (text[m.start - 1] === "同") {
          mention.start--;
          mention.anaphor = "same-person";
        }
        mention.end += honorificLength(text, mention.end);
        out.push(mention);
        continue;
      }
    }
    // ホワイトハウス, クレムリン, 首相官邸: the institution, but the building where the text says where
    // (past a gloss in parentheses: クレムリン(Kremlin)で)
    const gloss = afterGloss(text, m.end);
    const building = has(refs, "place") && PLACE_CONTEXT.test(text.slice(gloss, gloss + 4));
    const kind = has(refs, "state")
      ? "state"
      : has(refs, "organization") && !building
        ? "organization"
        : has(refs, "place")
          ? "place"
          : null;
    if (kind) {
      const entityId = ids(refs, kind)[0]!;
      // 中央アジア5カ国: states the lexicon names as one group act as its members, as 日中韓 does
      const members = kind === "organization" ? lex.organizations.get(entityId)?.members : undefined;
      if (members) {
        out.push({ start: m.start, end: m.end, kind: "group", members });
        continue;
      }
      const delegation = kind === "state" ? DELEGATION.exec(text.slice(m.end, m.end + 8)) : null;
      out.push({ start: m.start, end: m.end + (delegation?.[0].length ?? 0), kind, entityId });
    }
  }

  out.push(
    ...compounds(text, lex, from, to, [...out, ...(opts.exclude ?? [])], opts.compoundStopwords, opts.tokens),
  );
  out.push(...anaphora(text, from, to, out));
  out.push(...unknownKatakanaNames(text, from, to, lex, gaz, out));
  if (opts.tokens) out.push(...unknownNames(text, opts.tokens, lex, gaz, out));
  if (opts.tokens) out.push(...namesCutIntoKanji(text, opts.tokens, lex, gaz, out));
  out.push(...surnamesOfUnknown(text, out));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  attachGlossedTitles(text, out, lex.data.titlePrefixes);
  dropOwnedParts(out);
  joinConcurrentTitles(text, out);
  markQualifiers(text, out);
  titlesOfPeople(text, lex, out);
  ownOrganizations(text, lex, out);
  return out;
}

/**
 * 北朝鮮の外務省, 中国の国防省: a state qualifying the bare name of a body takes that state's own body
 * (北朝鮮外務省), not the one the bare name means at home (外務省 alone is Japan's). When the lexicon
 * lists no such body of that state, the name is left unresolved: no actor is better than a statement
 * attributed to the wrong government.
 */
function ownOrganizations(text: string, lex: Lexicon, mentions: Mention[]): void {
  for (const state of mentions) {
    const org = state.qualifies === undefined ? undefined : mentions[state.qualifies];
    if (state.kind !== "state" || !state.entityId || org?.kind !== "organization" || !org.entityId) continue;
    const country = lex.organizations.get(org.entityId)?.country;
    if (!country || country === state.entityId) continue;
    const surface = text.slice(org.start, org.end);
    const own = [...lex.organizations.values()].find(
      (o) => o.country === state.entityId && [o.name.ja, ...o.aliases].some((n) => n.endsWith(surface)),
    );
    org.entityId = own?.id;
  }
}

/** A name's reading in parentheses, and a first title joined to the next by 兼 (王毅(ワン・イー)共産党政治局員兼|外相). */
const GLOSS_BEFORE = /[(（][^()（）「」]{1,24}[)）](?:[\u4E00-\u9FFF\u30A1-\u30FA\u30FC]{1,12}兼)?$/;

/**
 * 崔善姫(チェ・ソンヒ)第1外務次官: the title after a name and its reading is that person's, not a title
 * standing alone (whose holder on the date may be someone else): the name's mention takes the title and
 * runs to its end, as 崔善姫第1外務次官 would.
 */
function attachGlossedTitles(text: string, mentions: Mention[], titlePrefixes: readonly string[]): void {
  // (a name given one title here takes the next one joined by 兼 instead: 党書記兼統一戦線部長)
  const attached = new Set<Mention>();
  for (const t of mentions) {
    if (t.kind !== "person" || t.title === undefined || t.nameStart !== undefined || t.anaphor) continue;
    // (尹錫悦(ユン・ソクヨル)次期大統領, 黄教安(ファン・ギョアン)大統領権限代行首相: a prefix of the title, or words
    // of a longer title, may stand between the reading and it)
    const prefix =
      titlePrefixes.find(
        (p) =>
          text.slice(t.start - p.length, t.start) === p && /[)）]/.test(text[t.start - p.length - 1] ?? ""),
      ) ??
      /(?<=[)）])[\u4E00-\u9FFF]{2,8}$/.exec(text.slice(Math.max(0, t.start - 9), t.start))?.[0] ??
      "";
    const gloss = GLOSS_BEFORE.exec(
      text.slice(Math.max(0, t.start - prefix.length - 40), t.start - prefix.length),
    );
    if (!gloss) continue;
    const glossStart = t.start - prefix.length - gloss[0].length;
    const named = mentions.find(
      (m) =>
        m.kind === "person" &&
        m.nameStart !== undefined &&
        ((m.end === glossStart && m.title === undefined) ||
          (attached.has(m) && text.slice(m.end, t.start) === "兼")),
    );
    if (!named) continue;
    attached.add(named);
    named.title = t.title;
    named.titleOffices = t.titleOffices;
    named.end = t.end;
  }
}

/**
 * What a person's mention holds after the name — its title, its reading — is not another mention: a title
 * standing alone would be resolved to whoever held the office at home on the date (グエン・スアン・フック首相
 * is not Japan's prime minister).
 */
function dropOwnedParts(mentions: Mention[]): void {
  const owners = mentions.filter((n) => n.kind === "person" && n.nameEnd !== undefined && n.nameEnd < n.end);
  if (owners.length === 0) return;
  const kept = mentions.filter(
    (m) => !owners.some((n) => n !== m && m.start >= n.nameEnd! && m.end <= n.end),
  );
  mentions.length = 0;
  mentions.push(...kept);
}

function honorificLength(text: string, pos: number): number {
  const m = HONORIFIC.exec(text.slice(pos, pos + 2));
  return m ? m[0].length : 0;
}

const OVERLAPS = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * A compound must be a word of its own where the tokenizer has seen the
 * sentence: 米中枢 is 米 + 中枢 (the US centre), not 米中 + 枢.
 */
function alignsWithTokens(start: number, end: number, tokens: readonly Token[] | undefined): boolean {
  if (!tokens || tokens.length === 0) return true;
  const inside = tokens.filter((t) => t.end > start && t.start < end);
  if (inside.length === 0) return true;
  return inside[0]!.start >= start && inside[inside.length - 1]!.end <= end;
}

const ABBREVIATION_UNITS = new WeakMap<Lexicon, Uint8Array>();

/** The UTF-16 units that are one-character state abbreviations (朝, 露, 米), as a table. */
function abbreviationUnits(lex: Lexicon): Uint8Array {
  let t = ABBREVIATION_UNITS.get(lex);
  if (!t) {
    t = new Uint8Array(65536);
    for (const k of lex.abbreviations.keys()) if (k.length === 1) t[k.charCodeAt(0)] = 1;
    ABBREVIATION_UNITS.set(lex, t);
  }
  return t;
}

/**
 * What follows a compound of states that names their leaders or governments (日中両首脳, 日米韓の首脳),
 * or the states themselves as the subject or a party (日米韓が電話協議, 米朝は, 日韓と). Not の: 日米の
 * 金利差 is an economics page's.
 */
/** 日朝政府間協議, 米朝実務者協議, 南北高位級会談: who meets for the states, between them and the meeting. */
export const MEETING_LEVEL =
  "政府間|政府|局長級|次官級|実務者|高官|高位級|閣僚級|外務次官|外務|防衛|国防|軍事";
const COMPOUND_PARTY = new RegExp(
  `^の?両?(?:首脳|首相|大統領|外相|${MEETING_LEVEL})|^(?:協議|会談|会合|対話|交渉)|^両国|^(?:が|は|と|、)`,
);

/**
 * Where a compound of two or more states' abbreviations names their leaders
 * or governments (日中両首脳は, 米朝首脳会談, 日韓両政府が): a party to
 * diplomacy as surely as a name is, found without the tokenizer (for the
 * scope test, which runs before it).
 */
export function statePairStarts(lex: Lexicon, text: string, to: number): number[] {
  const out: number[] = [];
  for (const c of stateCompounds(lex, text, 0, to))
    if (COMPOUND_PARTY.test(text.slice(c.end, c.end + 3))) out.push(c.start);
  return out;
}

/** Katakana, and its middle dot and marks: a compound next to it is part of a foreign word (ロシア朝…). */
const KATAKANA_BLOCK = /[\u30A0-\u30FF]/;

/**
 * Runs of one-character abbreviations of two or more different states written as one word (露朝, 日米韓),
 * not touching katakana: what the compounds of mentions and the scope test both start from.
 */
function* stateCompounds(
  lex: Lexicon,
  text: string,
  from: number,
  to: number,
): Generator<{ start: number; end: number; members: string[] }> {
  const isAbbreviation = abbreviationUnits(lex);
  let i = from;
  while (i < to) {
    // most characters are no state's abbreviation: pass them over without a look-up
    if (!isAbbreviation[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    let j = i;
    const members: string[] = [];
    while (j < to) {
      const state = lex.abbreviations.get(text[j]!);
      if (!state) break;
      members.push(state);
      j++;
    }
    if (
      members.length >= 2 &&
      new Set(members).size === members.length &&
      !(i > 0 && KATAKANA_BLOCK.test(text[i - 1]!)) &&
      !KATAKANA_BLOCK.test(text[j] ?? "")
    )
      yield { start: i, end: j, members };
    i = Math.max(j, i + 1);
  }
}

/**
 * Past a short aside in parentheses after a name (クレムリン(Kremlin), 金容範(キム・ヨンボム)), or a longer
 * one in Latin script: the name and title in English that official releases give (…モンゴル国首相(H.E. Mr.
 * Chimed Saikhanbileg, Prime Minister of Mongolia)と).
 */
export function afterGloss(text: string, pos: number): number {
  if (text[pos] !== "(") return pos;
  const close = text.indexOf(")", pos);
  if (close <= pos) return pos;
  if (close - pos <= 24) return close + 1;
  return close - pos <= LATIN_GLOSS_AT_MOST && LATIN.test(text.slice(pos + 1, close)) ? close + 1 : pos;
}
const LATIN_GLOSS_AT_MOST = 100;
const LATIN = /^[\x20-\x7E]+$/;

/** What follows a place, not an institution of the same name: 首相官邸で, ホワイトハウスを訪れ, クレムリンに到着. */
const PLACE_CONTEXT = /^(?:で|へ|を(?:訪|後に|出)|に(?!対し|よ|とって|つい|関し|求め|要請|伝え))/;

/** 露朝, 米朝, 日米韓, 中ロ朝: runs of state abbreviations used as one word, as mentions of a group. */
function compounds(
  text: string,
  lex: Lexicon,
  from: number,
  to: number,
  taken: readonly { start: number; end: number }[],
  stop?: ReadonlySet<string>,
  tokens?: readonly Token[],
): Mention[] {
  const out: Mention[] = [];
  for (const { start, end, members } of stateCompounds(lex, text, from, to)) {
    if (
      !stop?.has(text.slice(start, end)) &&
      alignsWithTokens(start, end, tokens) &&
      !taken.some((t) => OVERLAPS(t, { start, end }))
    ) {
      // (日米韓の外務次官は: the states acting through their officials; not 日朝政府間協議, a level of talks)
      const delegation = OFFICIALS_OF_STATES.exec(text.slice(end, end + 8));
      out.push({ start, end: end + (delegation?.[0].length ?? 0), kind: "group", members });
    }
  }
  return out;
}

/** A title standing alone (外相), no name with it. */
const titleOnly = (m: Mention): boolean =>
  m.kind === "person" && !m.anaphor && !m.personIds?.length && !m.surnameOf?.length && !m.unknownName;

/**
 * The anaphors (同氏, 両首脳, 3外相, 両国) between `from` and `to` that no mention already `taken` covers.
 * A count of foreign ministers (3外相) takes the bare title inside it out of `taken`: it is one mention.
 */
function anaphora(text: string, from: number, to: number, taken: Mention[]): Mention[] {
  const slice = text.slice(from, to);
  const out: Mention[] = [];
  for (const [re, anaphor] of ANAPHORS) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const span = { start: from + m.index, end: from + m.index + m[0].length };
      // (the bare title the count stands before is part of it: 3外相, not Japan's 外相)
      if (anaphor === "several-foreign-ministers")
        for (let i = taken.length - 1; i >= 0; i--)
          if (OVERLAPS(taken[i]!, span) && titleOnly(taken[i]!)) taken.splice(i, 1);
      if (taken.some((t) => OVERLAPS(t, span)) || out.some((t) => OVERLAPS(t, span))) continue;
      const kind: MentionKind = anaphor === "same-state" || anaphor === "both-states" ? "state" : "person";
      // (両国の外相: the two)
      const count =
        anaphor === "several-leaders" || anaphor === "several-foreign-ministers"
          ? m[0].startsWith("両")
            ? 2
            : readNumber(m[0][0]!)
          : 0;
      out.push({ start: span.start, end: span.end, kind, anaphor, ...(count ? { count } : {}) });
    }
  }
  return out;
}

const KANJI = /[\u4E00-\u9FFF\u3400-\u4DBF々]/;

/**
 * Whether a title word ends a longer word or follows a name the lexicon lacks (北朝鮮の金成男国際部長,
 * 安倍晋三官房副長官, 佐藤栄作首相): a kanji stands before it that no match of the automaton ends at (中国外相,
 * 米国務長官) and that no prefix of stopwords.yaml's `title_prefixes` accounts for (前首相). Read as the
 * bare title, 部長 would be China's foreign minister and 首相 whoever holds the office on the day.
 */
function endsUnknownWord(
  text: string,
  start: number,
  matches: readonly GazetteerMatch<SurfaceRef[]>[],
  k: number,
  lex: Lexicon,
): boolean {
  if (!KANJI.test(text[start - 1] ?? "")) return false;
  // matches are in order of their starts; one ending here began at most a long name's length before
  for (let j = k - 1; j >= 0 && matches[j]!.start >= start - 40; j--)
    if (matches[j]!.end === start) return false;
  const before = text.slice(Math.max(0, start - 6), start);
  return !lex.data.titlePrefixes.some((p) => before.endsWith(p));
}

const KATAKANA_RUN =
  /(?<![\u30A0-\u30FF])([\u30A1-\u30FA\u30FC][\u30A1-\u30FA\u30FC・]*[\u30A1-\u30FA\u30FC])(?=氏|さん|女史)/g;

/** Katakana names marked by 氏 that the lexicon lacks (ラッセル氏). */
function unknownKatakanaNames(
  text: string,
  from: number,
  to: number,
  lex: Lexicon,
  gaz: LexiconGazetteer,
  taken: Mention[],
): Mention[] {
  const out: Mention[] = [];
  const slice = text.slice(from, to);
  KATAKANA_RUN.lastIndex = 0;
  for (let m = KATAKANA_RUN.exec(slice); m; m = KATAKANA_RUN.exec(slice)) {
    const start = from + m.index;
    const end = start + m[1]!.length;
    if (taken.some((t) => OVERLAPS(t, { start, end }))) continue;
    if (lex.surfaces.has(surfaceKey(m[1]!))) continue;
    out.push(unknownMention(text, start, end, gaz));
  }
  return out;
}

function unknownMention(text: string, start: number, end: number, gaz: LexiconGazetteer, at = end): Mention {
  const mention: Mention = {
    start,
    end: at,
    nameStart: start,
    nameEnd: end,
    kind: "person",
    unknownName: text.slice(start, end),
  };
  const title = gaz.findAll(text, at, Math.min(text.length, at + 12))[0];
  if (title && title.start === at && has(title.value, "title")) {
    mention.title = title.surface;
    mention.titleOffices = titleOffices(title.value);
    mention.end = title.end;
  }
  mention.end += honorificLength(text, mention.end);
  return mention;
}

/** A token of one kanji: what the dictionary cuts a name it does not know into (南|官|杓). */
const singleKanji = (t: Token | undefined) => !!t && /^[\u4E00-\u9FFF]$/.test(t.surface);

/**
 * 韓国の南官杓駐日大使: the name of an official the lexicon lacks, which the dictionary knows no part of and
 * cuts into single kanji, between a state or body of the lexicon with の and a title the lexicon knows
 * (past a reading in brackets). Two to four kanji, the shortest the title follows; none may be one that begins
 * a title (stopwords.yaml's title_initials: 対|米|大使 of 北朝鮮の対米大使 is no name).
 */
function namesCutIntoKanji(
  text: string,
  tokens: readonly Token[],
  lex: Lexicon,
  gaz: LexiconGazetteer,
  taken: Mention[],
): Mention[] {
  const out: Mention[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!singleKanji(t) || tokens[i - 1]!.surface !== "の") continue;
    const of = tokens[i - 1]!.start;
    if (!taken.some((m) => m.end === of && (m.kind === "state" || m.kind === "organization"))) continue;
    for (let n = 2; n <= 4; n++) {
      const run = tokens.slice(i, i + n);
      if (
        run.length < n ||
        !run.every(singleKanji) ||
        run.some((x, k) => k > 0 && x.start !== run[k - 1]!.end)
      )
        break;
      if (run.some((x) => lex.data.titleInitials.includes(x.surface))) break;
      const end = run[n - 1]!.end;
      const at = afterGloss(text, end);
      const title = gaz.findAll(text, at, Math.min(text.length, at + 12))[0];
      if (!title || title.start !== at || !has(title.value, "title")) continue;
      if (!taken.some((m) => OVERLAPS(m, { start: t.start, end })))
        out.push(unknownMention(text, t.start, end, gaz, at));
      i += n - 1;
      break;
    }
  }
  return out;
}

/**
 * 朱鉄基(チュ・チョルギ)外交安保首席秘書官は…。朱首席秘書官は「…」: the surname of a person the lexicon lacks,
 * named in full before with a title, with the end of that title, is that person again.
 */
function surnamesOfUnknown(text: string, mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const name = m.unknownName;
    if (!name || !m.title || !/^[\u4E00-\u9FFF]{2,4}$/.test(name)) continue;
    // the title's last words, at least two characters (首席秘書官, 秘書官 of 外交安保首席秘書官)
    const endings = [];
    for (let k = 0; k <= m.title.length - 2; k++) endings.push(m.title.slice(k));
    const again = new RegExp(`(?<![\u4E00-\u9FFF])${name[0]}(?:${endings.join("|")})`, "g");
    again.lastIndex = m.end;
    for (let a = again.exec(text); a; a = again.exec(text)) {
      const span = { start: a.index, end: a.index + a[0].length };
      if ([...mentions, ...out].some((x) => OVERLAPS(x, span))) continue;
      out.push({
        ...span,
        nameStart: span.start,
        nameEnd: span.start + 1,
        kind: "person",
        unknownName: name,
        title: a[0].slice(1),
      });
    }
  }
  return out;
}

/** A token of a person's name (さん, 氏 are 人名 too, as suffixes: they follow a name, and end it). */
const personName = (t: Token) => t.pos2 === "人名" && t.pos1 !== "接尾";

/**
 * Names the lexicon lacks, from the tokenizer: proper-noun person tokens
 * (人名) and unknown katakana words, when 氏 or a title follows.
 */
function unknownNames(
  text: string,
  tokens: readonly Token[],
  lex: Lexicon,
  gaz: LexiconGazetteer,
  taken: Mention[],
): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // (a katakana proper noun the dictionary knows, before a middle dot and more katakana, starts a name too:
    // グエン of 続いてグエン・スアン・フック首相, which the tokenizer reads as a person's name only elsewhere)
    const dotted =
      t.known &&
      t.pos1 === "固有名詞" &&
      t.pos2 === "一般" &&
      tokens[i + 1]?.surface === "・" &&
      /^[\u30A1-\u30FA\u30FC]+$/.test(tokens[i + 2]?.surface ?? "");
    const nameLike = personName(t) || ((!t.known || dotted) && /^[\u30A1-\u30FA\u30FC・]+$/.test(t.surface));
    if (!nameLike) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1]!;
      // after a middle dot any katakana word goes on the name: its parts may be words of their own
      // (グエン・スアン・フック, where フック is "hook")
      const dotted = tokens[j]!.surface === "・";
      const katakana = /^[\u30A1-\u30FA\u30FC]+$/.test(n.surface);
      if (personName(n) || n.surface === "・" || ((!n.known || dotted) && katakana)) j++;
      else break;
    }
    // a dot ends no name
    while (j > i && tokens[j]!.surface === "・") j--;
    // 杉山|晋|輔外務省: a given name of two kanji the dictionary cuts after its first (not a title's first
    // kanji: 山田太郎|元首相, 駐日大使)
    const last = tokens[j]!;
    const cut = tokens[j + 1];
    if (
      j > i &&
      last.pos2 === "人名" &&
      /^[\u4E00-\u9FFF]$/.test(last.surface) &&
      cut &&
      cut.pos2 !== "人名" &&
      /^[\u4E00-\u9FFF]$/.test(cut.surface) &&
      !lex.data.titleInitials.includes(cut.surface)
    )
      j++;
    // 日本の木寺昌人駐中国大使: a surname the dictionary lacks, cut into single kanji before the given name
    // (whatever the dictionary takes them for: 文|尚 (a conjunction)|均 of 国防省の文尚均報道官)
    let k = i;
    while (k > 0 && i - k < 2 && /^[\u4E00-\u9FFF]$/.test(tokens[k - 1]!.surface)) k--;
    const opened = k === 0 || /^(?:の|、|は|と|が)$/.test(tokens[k - 1]!.surface);
    const start = k < i && opened && t.pos2 === "人名" ? tokens[k]!.start : t.start;
    // 金容範(キム・ヨンボム): a kanji the dictionary does not read as part of the name, before its reading
    const rest = /^[\u4E00-\u9FFF]{1,2}(?=\([\u30A1-\u30FA\u30FC・]{2,}\))/.exec(
      text.slice(tokens[j]!.end, tokens[j]!.end + 30),
    );
    let end = tokens[j]!.end + (t.pos2 === "人名" && rest ? rest[0].length : 0);
    // サイハンビレグ・モンゴル首相: a state and a title after a middle dot say who the name is, and end it
    // (the tokenizer reads katakana across a dot as one word)
    for (let dot = text.indexOf("・", start); dot >= 0 && dot < end; dot = text.indexOf("・", dot + 1))
      if (stateTitleAt(text, dot + 1, gaz)) {
        end = dot;
        break;
      }
    i = j;
    if (taken.some((m) => OVERLAPS(m, { start, end })) || out.some((m) => OVERLAPS(m, { start, end })))
      continue;
    if (lex.surfaces.has(surfaceKey(text.slice(start, end)))) continue;
    // 金容範(キム・ヨンボム)政策室長: the name's reading in parentheses stands before the title (and a
    // middle dot may: 宋日昊(ソンイルホ)・朝日国交正常化交渉担当大使)
    const glossed = afterGloss(text, end);
    const stateTitle = text[glossed] === "・" ? stateTitleAt(text, glossed + 1, gaz) : undefined;
    const at =
      text[glossed] === "・" &&
      (stateTitle || unlistedTitles(lex).afterName.test(text.slice(glossed + 1, glossed + 21)))
        ? glossed + 1
        : glossed;
    const follow = gaz.findAll(text, at, Math.min(text.length, at + 12))[0];
    const titled = !!stateTitle || (follow && follow.start === at && has(follow.value, "title"));
    // 拉致被害者家族会の飯塚繁雄代表: a role no office of the lexicon has; 外務省の伊原純一アジア大洋州局長:
    // a title the lexicon lacks, ending in a word for an official
    const role = titled
      ? undefined
      : (lex.data.personRoles.find((r) => text.startsWith(r, at)) ??
        unlistedTitles(lex).afterName.exec(text.slice(at, at + 20))?.[0]);
    if (!titled && !role && !HONORIFIC.test(text.slice(at, at + 2))) continue;
    const mention = unknownMention(text, start, end, gaz, at);
    if (stateTitle) {
      mention.title = stateTitle.title;
      mention.titleOffices = stateTitle.offices;
      mention.country = stateTitle.state;
      mention.end = stateTitle.end + honorificLength(text, stateTitle.end);
    }
    if (role && !HONORIFIC.test(text.slice(at, at + 2))) {
      mention.title = role;
      mention.end = at + role.length + honorificLength(text, at + role.length);
    }
    out.push(mention);
  }
  return out;
}

/**
 * モンゴル首相, モンゴル国首相, ベラルーシ大統領 at `at`: a state the lexicon knows followed by a title it
 * knows — what follows a foreign name and a middle dot (サイハンビレグ・モンゴル首相) to say who that is.
 */
function stateTitleAt(
  text: string,
  at: number,
  gaz: LexiconGazetteer,
): { state: string; title: string; offices: readonly string[]; end: number } | undefined {
  const state = gaz.findAll(text, at, Math.min(text.length, at + 16))[0];
  if (!state || state.start !== at || !has(state.value, "state")) return undefined;
  const after = state.end + (text[state.end] === "国" ? 1 : 0);
  const title = gaz.findAll(text, after, Math.min(text.length, after + 12))[0];
  if (!title || title.start !== after || !has(title.value, "title")) return undefined;
  return {
    state: ids(state.value, "state")[0]!,
    title: title.surface,
    offices: titleOffices(title.value),
    end: title.end,
  };
}

/**
 * 王毅共産党政治局員兼外相: a second title after 兼 is the same person's, not another person named by
 * title alone (which the discourse would resolve to someone else).
 */
function joinConcurrentTitles(text: string, mentions: Mention[]): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    if (a.kind !== "person" || !titleOnly(b) || text[a.end] !== "兼" || b.start !== a.end + 1) continue;
    a.end = b.end;
    mentions.splice(i + 1, 1);
  }
}

/**
 * 金正日総書記の特使: a title alone after a person and の is someone that person sends or employs, of that
 * person's state, not whoever holds an office of that title elsewhere (the US special envoy).
 */
function titlesOfPeople(text: string, lex: Lexicon, mentions: Mention[]): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    if (a.kind !== "person" || a.personIds?.length !== 1 || b.kind !== "person" || b.country) continue;
    if (!b.titleOffices?.length || b.personIds?.length || b.surnameOf?.length || b.anaphor) continue;
    if (text.slice(a.end, b.start) === "の") b.country = lex.people.get(a.personIds[0]!)?.country;
  }
}

/** ロシアの + プーチン大統領: the state qualifies the person and is not a separate actor. */
function markQualifiers(text: string, mentions: Mention[]): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    if (a.kind !== "state" && a.kind !== "organization") continue;
    if (b.kind !== "person" && b.kind !== "organization") continue;
    const gap = text.slice(a.end, b.start);
    if (gap === "" || gap === "の") {
      a.qualifies = i + 1;
      if (a.kind === "state" && b.kind === "person") b.country ??= a.entityId;
    }
  }
}
