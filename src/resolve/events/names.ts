/**
 * Generated event names, the way Japanese news and Wikipedia name events:
 * 2024年露朝首脳会談 / 2024 Russia–North Korea summit, 2019年金委員長訪ロ,
 * 2024年露朝包括的戦略パートナーシップ条約署名.
 */
import type { Lexicon } from "../../lexicon/lexicon.js";
import type { EventParticipant } from "./types.js";

export interface NameInput {
  type: string;
  mode: string | null;
  family: string;
  year: string | null;
  states: string[];
  participants: EventParticipant[];
  object: string | null;
}

/** The order Japanese compounds put states in: 日米, 米中, 中露, 露朝, 日米韓. */
const COMPOUND_ORDER = ["JPN", "USA", "CHN", "RUS", "KOR", "PRK"];

const orderStates = (states: readonly string[]) =>
  [...states].sort((a, b) => {
    const ia = COMPOUND_ORDER.indexOf(a);
    const ib = COMPOUND_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : a > b ? 1 : 0);
  });

const WORDS: Record<string, { ja: string; en: string }> = {
  AGREE: { ja: "合意", en: "agreement" },
  SUPPORT: { ja: "支持表明", en: "expression of support" },
  CONCEDE: { ja: "譲歩", en: "concession" },
  COOPERATE: { ja: "協力", en: "cooperation" },
  AID: { ja: "支援", en: "aid" },
  RETREAT: { ja: "撤退", en: "retreat" },
  REQUEST: { ja: "要請", en: "request" },
  ACCUSE: { ja: "非難", en: "accusation" },
  REJECT: { ja: "拒否", en: "rejection" },
  THREATEN: { ja: "警告", en: "threat" },
  PROTEST: { ja: "抗議", en: "protest" },
  SANCTION: { ja: "制裁", en: "sanctions" },
  MOBILIZE: { ja: "軍事行動", en: "military mobilisation" },
  COERCE: { ja: "強制措置", en: "coercion" },
  ASSAULT: { ja: "攻撃", en: "attack" },
  GIFT: { ja: "贈呈", en: "gift" },
};

function stateNames(lex: Lexicon, states: readonly string[]): { compound: string; ja: string; en: string } {
  const ordered = orderStates(states.filter((s) => lex.states.has(s)));
  const abbrs = ordered.map((s) => lex.states.get(s)!.abbr[0]);
  const ja = ordered.map((s) => lex.states.get(s)!.name.ja).join("・");
  const en = ordered.map((s) => lex.states.get(s)!.name.en).join("–");
  // one state is named in full (アメリカの警告), several by their abbreviations (露朝)
  let compound = ordered.length > 1 && abbrs.every(Boolean) ? abbrs.join("") : ja;
  if (ordered.length === 2 && ordered.includes("KOR") && ordered.includes("PRK")) compound = "南北";
  return { compound, ja, en };
}

const isLeader = (lex: Lexicon, p: EventParticipant) => !!p.office && !!lex.offices.get(p.office)?.leader;
const isForeignMinister = (lex: Lexicon, p: EventParticipant) => {
  const en = (p.office && lex.offices.get(p.office)?.en) ?? "";
  return /foreign (minister|affairs)|secretary of state/i.test(en) && !/deputy|vice|spokes/i.test(en);
};

/** 金委員長, プーチン大統領: surname and title, else the full name. */
function shortJa(lex: Lexicon, p: EventParticipant): string {
  if (p.kind !== "person") return p.ja;
  const surname = lex.people.get(p.id)?.surname[0];
  const title = p.officeTitle ?? p.titles[0] ?? "";
  return surname && title ? surname + title : p.ja + title;
}

export function eventName(input: NameInput, lex: Lexicon): { ja: string; en: string } {
  const yearJa = input.year ? `${input.year}年` : "";
  const yearEn = input.year ? `${input.year} ` : "";
  const states = stateNames(lex, input.states);
  const sides = input.participants.filter((p) => p.role !== "delegate");
  const actors = sides.filter((p) => p.role === "actor");
  const recipients = sides.filter((p) => p.role === "recipient");
  const named = sides.filter((p) => p.kind === "person");
  const bySide = (test: (p: EventParticipant) => boolean) =>
    input.states.length >= 2 &&
    named.length >= 2 &&
    new Set(named.filter(test).map((p) => p.represents)).size >= input.states.length;

  if (input.family === "CONSULT:visit" && actors[0]) {
    const host = recipients.find((p) => p.kind === "state") ?? recipients[0];
    const hostState = host?.represents ?? host?.id;
    const abbr = hostState ? lex.states.get(hostState)?.abbr[0] : undefined;
    const hostEn = hostState ? (lex.states.get(hostState)?.name.en ?? host!.en) : null;
    const ja = abbr ? `訪${abbr}` : host ? `${host.ja}訪問` : "訪問";
    return {
      ja: `${yearJa}${shortJa(lex, actors[0])}${ja}`,
      en: `${yearEn}${actors[0].en} visit${hostEn ? ` to ${hostEn}` : ""}`,
    };
  }
  if (input.type === "CONSULT") {
    const leaders = bySide((p) => isLeader(lex, p));
    const ministers = !leaders && bySide((p) => isForeignMinister(lex, p));
    const phone = input.family === "CONSULT:phone";
    const ja = leaders ? "首脳" : ministers ? "外相" : "";
    const en = leaders ? "summit" : ministers ? "foreign ministers' meeting" : "talks";
    return phone
      ? {
          ja: `${yearJa}${states.compound}${ja}電話会談`,
          en: `${yearEn}${states.en} ${ja ? "leaders' " : ""}phone call`,
        }
      : { ja: `${yearJa}${states.compound}${ja}会談`, en: `${yearEn}${states.en} ${en}` };
  }
  if (input.type === "SUPPORT" && input.mode === "sign") {
    const what = input.object ?? "合意文書";
    // 日朝平壌宣言 already names its parties
    const parties = what.startsWith(states.compound) ? "" : states.compound;
    return {
      ja: `${yearJa}${parties}${what}署名`,
      en: `${yearEn}${states.en} signing of ${input.object ?? "an agreement"}`,
    };
  }
  const word = WORDS[input.type] ?? { ja: input.type, en: input.type.toLowerCase() };
  if (recipients.length > 0) {
    const from = stateNames(
      lex,
      actors.map((p) => p.represents ?? p.id),
    );
    const to = stateNames(
      lex,
      recipients.map((p) => p.represents ?? p.id),
    );
    const fromJa = from.ja || actors.map((p) => p.ja).join("・");
    const toJa = to.ja || recipients.map((p) => p.ja).join("・");
    return {
      ja: `${yearJa}${fromJa}の${toJa}への${word.ja}`,
      en: `${yearEn}${word.en} by ${from.en || actors.map((p) => p.en).join(", ")} to ${to.en || recipients.map((p) => p.en).join(", ")}`,
    };
  }
  const who = states.ja
    ? states
    : { compound: sides.map((p) => p.ja).join("・"), en: sides.map((p) => p.en).join("–") };
  const of = input.states.length === 1 || !states.ja ? "の" : "";
  return { ja: `${yearJa}${who.compound}${of}${word.ja}`, en: `${yearEn}${who.en} ${word.en}`.trim() };
}
