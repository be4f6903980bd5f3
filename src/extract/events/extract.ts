/**
 * Event extraction: from each trigger in a sentence to an event with its
 * participants in their roles, date, place and status, cited to the
 * sentence. Reports of the same occurrence are merged afterwards
 * (merge.ts) and background events (「2019年4月の会談以来」) added.
 */
import type { Sentence } from "../../analyse/sentences.js";
import type { Token } from "../../analyse/tokenizer.js";
import type { Lexicon } from "../../lexicon/lexicon.js";
import type { Trigger } from "../../lexicon/triggers.js";
import type { PipelineContext } from "../../pipeline/context.js";
import { type AnalysedDocument, citeSpan, inBrackets, inReportedSpeech } from "../../pipeline/document.js";
import { type ActorRef, isLeader, type ResolvedMention } from "../../resolve/actors.js";
import { afterGloss, MEETING_LEVEL } from "../mentions.js";
import { addDays, epochDay, isoBounds, spanDays, toIso } from "../timex/calendar.js";
import { NUMBER, readNumber } from "../timex/numerals.js";
import { firstSinceEnd, sinceDate, type Timex } from "../timex/tagger.js";
import { weekNamed } from "../timex/weeks.js";
import type { Cited, EventDate, EventStatus, ExtractedEvent, Participant } from "../types.js";
import { type ActorArg, collectArguments, type PlaceArg, type SentenceArguments } from "./arguments.js";
import { clauseAround, clauseStarts, joinedAsOne, relativeClauseFollows } from "../clauses.js";
import {
  COUNTED_FROM,
  coordinated,
  coordinatedSubject,
  Discourse,
  discourseDates,
  pastDiscourseDates,
  PROVIDES,
  reportedSubject,
} from "./discourse.js";
import {
  AGREED_CONTENT,
  dateByEventBefore,
  joinMeetingAttended,
  PRIOR_TO_THIS,
  reachedAtMeeting,
} from "./anchors.js";
import {
  isParty,
  isSubject,
  portfolioNamed,
  stateActor,
  statesToLeaders,
  statesToMinisters,
  uniqueActors,
} from "./participants.js";
import {
  agreementAfter,
  agreementAsTopic,
  agreementBefore,
  coordinatedAgreement,
  describesNoun,
} from "./agreement-names.js";
import { chooseTrigger, forumNamedBefore } from "./gatherings.js";
import { COMPANION, partiesOfClause } from "./clause-parties.js";
import type { TriggerSite } from "./site.js";
import { knownAgreement, signedAt } from "./known-agreements.js";
import { destination, pickPlace, placeRank, reachedBefore, statesListedBefore } from "./place.js";
import { BEFORE_THEN, readStatus, toldAsDone } from "./status.js";

/** An event as first read from one trigger, before merging. */
export interface Candidate {
  /** Only refers to an event (訪中を歓迎): adds evidence to a reported one, never creates one. */
  partial?: boolean;
  trigger: Trigger;
  triggerStart: number;
  triggerEnd: number;
  sentence: Sentence;
  type: string;
  mode: string | null;
  status: EventStatus;
  actors: ActorRef[];
  recipients: ActorRef[];
  timex: Timex | null;
  /** 25日から28日まで: the last day of a span that starts at `timex`. */
  until?: Timex;
  /** 3泊4日の日程で, 4日間の日程で: how many days a trip lasts from the day `timex` gives. */
  days?: number;
  /** 17日、6日間にわたるロシア訪問を終え: how many days a trip lasted up to the day `timex` gives. */
  daysEnded?: number;
  /** 来週, 今週後半: the days of a week the clause names, when no date is given (ISO days, inclusive). */
  week?: { start: string; end: string };
  dateSource: EventDate["source"];
  place: PlaceArg | null;
  object?: string;
  /** The forum whose summit it is (APEC首脳会議's APEC), a party besides those named. */
  forum?: string;
}

/** …を(29日から2日間の日程で韓国に)派遣し、: a person sent, who acts in the clauses after. */
const SENT_TO_DO = /^(?:\([^()]*\))?を[^、。]{0,24}?派遣し、$/;

/**
 * 日中韓3か国の首脳会議について、年内に日本で開催する方向で調整: the meeting is what the clause after について
 * is about holding — a meeting reported, not a reference to one.
 */
const HOLDING_OF_TOPIC = /^について、?[^。「」]{0,30}?(?:開催す|開催し|開く|開き|開か|行う|行い|行わ)/;

/** What follows a word inside an agreement's name: more of the name, then 条約 or 協定. */
const IN_AGREEMENT_NAME = /^[\u4E00-\u9FFF]{0,6}?(?:条約|協定)/;

/**
 * A trigger word used as a time reference or a label, not as an event report; or naming a role in a
 * process (6カ国協議の議長国, 協議の首席代表), its course (6カ国協議の早期再開に向けて, 協議への復帰), or
 * its outcome (協議結果を発表した).
 */
const REFERENCE_AFTER =
  /^(?:の(?:議長国|議長|参加国|枠組み|首席代表|加盟国)|後|前|以降|直後|直前|に先立|に先立ち|の冒頭|冒頭|の席|の場|の中で|会場|場所|相手|するのは|したのは|するのが|したのが|のは|の開催|の実現|の(?:早期)?(?:再開|進展)|への(?:早期)?復帰|開始|問題|の成果|の結果|結果|の内容|について|に関する|に関して|に関し、|をめぐ|を巡|を前に|の前に|での合意|招請|招待|要請|計画|構想|日程|の意向|の可能性|の是非|するよう|するように|るよう|るように|交渉|(?:から)?[0-9一二三四五六七八九十百]+周年|から[0-9一二三四五六七八九十百]+(?:年|週間|日|か月|カ月))/;
/** A trigger that ends in its verb's own ending (入りした, 訪れた): its tense is its own, not a relative clause's. */
const VERB_ENDING = /[\u3041-\u3096]$/;
/** ムン大統領主催の(夕食会), 首相が主催する(晩さん会): the host of a meal or gathering, right before it. */
const HOSTED_BY = /^(?:の|が)?主催(?:の|する|した)$/;
/** 3カ国, 三か国, 3ヶ国: a count of states. */
const COUNT_DIGITS = "[0-9一二三四五六七八九十]+";
const STATE_COUNT = `${COUNT_DIGITS}[かカケヵヶ]国`;
/** 3カ国(の), 三か国による: the count of states right before a gathering's noun. */
const COUNTED_GATHERING = new RegExp(`(${COUNT_DIGITS})[かカケヵヶ]国(?:の|による|間の)?$`);
/** Xを交えて, Xを招いて: a party brought into a meeting. */
const JOINED_IN = /^を(?:交え|招い|招き)(?:て|た|、)?/;
/**
 * 日米比3か国として, 日米として: the states that hold a meeting, named as such (not the role one acts in:
 * 金総書記の特使として訪米中の…は).
 */
const HOLDERS_AS = new RegExp(`^(?:${STATE_COUNT})?として`);
/** 協議が停滞, 交渉は膠着状態: talks told as a process in a state, not as a meeting. */
const STATE_OF_TALKS = /^(?:が|は|も)[^、。「」]{0,4}?(?:停滞|膠着|難航|行き詰ま|途絶え|頓挫)/;
/** 発表された共同声明では、…を非難した: what a document already reported says, not its issuing again. */
const CONTENT_OF_DOCUMENT = /^(?:された|れた)[^、。「」]{1,12}(?:では|には)、/;
/** What names an earlier meeting or visit after its date (2019年6月の首脳会談以来, 同年の訪朝以来). */
const EARLIER_OCCURRENCE_NOUN =
  /会談|会見|会議|会合|協議|訪問|訪[中朝日韓米露ロ]|来日|来韓|サミット|首脳|対話|際|時/;
/** 訪れてきた慣例, 会談する慣行: a relative clause describing a custom. */
const CUSTOM_AFTER = /^[^、。「」]{0,6}?(?:慣例|慣行|慣わし|ならわし|伝統)/;
/**
 * ニューヨークで開かれた…との日米韓首脳会談の冒頭で: a relative clause that says the meeting was held reports
 * it, even where the trigger is used as a time reference (no other clause ends, and no other subject
 * stands, between them).
 */
const HELD_IN_RELATIVE =
  /(?:開かれ|行われ|開催され|(?<=で)行っ|(?<=で)開い)([たる])(?:(?![たし]、)[^。「」はが])*$/;

/**
 * What a relative clause before a trigger says of it: held (…で開かれた…首脳会談), or to be held (18日から開かれる
 * APEC首脳会議に合わせ).
 */
function heldInRelative(text: string, sentenceStart: number, triggerStart: number) {
  const m = HELD_IN_RELATIVE.exec(text.slice(Math.max(sentenceStart, triggerStart - 40), triggerStart));
  return m ? (m[1] === "た" ? "held" : "scheduled") : undefined;
}
/** 対面での, 初めての, 公式の, 正式な: how a meeting was held, before its noun. */
const MANNER = "(?:対面|直接|公式|非公式|初めて|初|正式|単独|オンライン|電話)(?:(?:で)?の|な)";
/** 露朝首脳会談, 日米韓3か国の外相会談, 韓日中3か国による首脳会議, 日韓首脳の正式な会談: a compound naming the parties. */
const COMPOUND_BEFORE_TRIGGER = new RegExp(
  `^(?:${STATE_COUNT}|[0-9一二三四]者)?(?:の|による|間の|間で|両国の)?(?:${MEETING_LEVEL}|首脳)?(?:の)?(?:${MANNER})?$`,
);
/** 3カ国による, 三か国の: the number of the states just listed, between them and the trigger. */
const COUNTED_STATES = new RegExp(`^${STATE_COUNT}(?:による|の|間の)?(?:首脳|外相|外務|首相)?$`);
/** The level of a meeting, between its parties' の and its noun (局長級による政府間, 外相による). */
const MEETING_LEVEL_BY =
  /^(?:局長級|次官級|閣僚級|首脳級|実務者|実務|高官|外相|首脳|政府|当局)(?:による|の|間の)(?:政府間|当局間|実務|公式|非公式)?$/;
/**
 * Which of a series a meeting is, between its parties' の and its noun (第1回本会談, 2回目の首脳会談, 初の), past
 * what it is for (国交正常化に向けた第1回本会談).
 */
const MEETING_IN_SERIES =
  /^(?:[^、。「」]{1,16}?に向けた)?(?:第[0-9一二三四五六七八九十]+回(?:目)?の?|[0-9一二三四五六七八九十]+回目の|初の|初めての|最初の)(?:本|予備|公式|正式)?(?:首脳|外相|外務|首相)?$/;
/** How a meeting was held, between its parties' の and its noun (両首脳の対面での会談). */
const MEETING_MANNER = new RegExp(`^${MANNER}$`);
/** …ことで一致した。 …方針で合意していた。: an agreement reached, the sentence's last word. */
const AGREEMENT_REACHED =
  /(?:ことで|方針で|に)(?:一致|合意)(?:した|していた|しました|していました)(?:という|もの(?:だ|です))?。?$/;
/** を, a verb in the past or present, then the noun it describes: 核実験を強行した(北朝鮮). */
const RELATIVE_CLAUSE = /^を[^、。「」はがをにでと]{1,8}?(?:した|している|する)(?=[^、。])/;
/** の, the leaders or members of an organisation, then と and the meeting: 米議会の(指導者と)会見し. */
const ORGANIZATION_PEOPLE =
  /^の(?:指導者|指導部|幹部|首脳|代表団?|議員団?|議長|委員長|有力議員)(?:ら|たち)?(?:と|とも)[^、。]{0,4}$/;
/** 会合を開き, 会議が開かれ, 会合を招集: a session held, not one attended or planned by others. */
const SESSION_HELD = /^(?:を|が)?(?:開|招集)/;
/** の, then the thing owned, then を right before the trigger: 北朝鮮の(弾道ミサイル発射)を非難. */
const OWNED_OBJECT = /^の[^、。はがをにでと「」]{1,16}を$/;
/** の, then whom it owns, then に and the rest of the trigger's noun: ロシアの(企業など5団体)に独自の制裁を科す. */
const OWNED_RECIPIENT = /^の[^、。はがをにでと「」]{1,16}に(?:対し(?:て)?)?、?[^、。はがをにでと「」]{0,8}$/;
/** 1月の電話会談で、…: a date qualifying another meeting, in which what follows was said or agreed. */
const OTHER_MEETING_DATED = /^の[^、。をがは]{0,10}?(?:会談|会議|協議|会合)(?:で|では|の際に?)、/;
/**
 * に出席するため来日した, に参加するためモスクワに到着し: attending a gathering as what a trip made is for (not
 * one under way: に出席するため訪問中のリマで); に合わせて来日する予定だった: what a trip that was to have been
 * was for.
 */
const TRIP_FOR =
  /^(?:に(?:出席|参加)する(?:ため|目的で)[^、。]{0,12}?(?:来日|来韓|訪問|訪れ|到着|入り|訪日|訪中|訪朝|訪韓|訪米|訪露)(?:した|し、)|に合わせて[^、。]{0,12}?(?:来日|来韓|訪問|訪日|訪中|訪朝|訪韓|訪米|訪露)する予定だった)/;
/** 訪問先の(マレーシア), 滞在先の, 訪問中の: a state where someone is staying, named as a place. */
const STAYING_IN = /(?:訪問先|滞在先|出張先|訪問中|滞在中|外遊先)の$/;
/** A relative clause in the past right before an event noun (行った対面会談): the event was held. */
const HELD_BEFORE =
  /(?:行った|行われた|開いた|開かれた|実施した|実施された)(?:[0-9一二三四五六七八九十]+回目の|初の|最初の)?[\u4E00-\u9FFF]{0,8}$/;
const RECIPIENT_PARTICLES = ["に", "を", "と", "との", "への", "に対し", "に対して"];
const STATEMENT_TYPES = new Set(["ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "GIFT"]);
/** The nouns an agreement's name ends on, where a date or a relative clause is told apart from the event's. */
const AGREEMENT_NOUN = "(?:共同声明|共同宣言|宣言|条約|協定|コミュニケ)";
const DATED_AGREEMENT = new RegExp(
  `^(?:まで)?(?:の[^、。を]{0,24}?|に[^、。を]{0,32}?(?:(?:署名|締結|調印|発表|採択)(?:した|された)|結んだ|結ばれた|交わした|交わされた)[^、。を]{0,12}?)?${AGREEMENT_NOUN}`,
);
/** (72年)の日中共同声明に署名した: the dated agreement is the one this trigger signs. */
const SIGNED_HERE = new RegExp(`^の[^、。を]{0,24}?${AGREEMENT_NOUN}(?:に|を)(?:署名|調印|締結)`);
/** 日本とソ連が署名した日ソ共同宣言を: the parties of an agreement a relative clause names. */
const SIGNED_AGREEMENT = new RegExp(
  `^が[^、。]{0,12}?(?:署名|締結|調印|発表|採択)(?:した|された)[^、。を]{0,10}?${AGREEMENT_NOUN}`,
);

export function findCandidates(doc: AnalysedDocument, ctx: PipelineContext): Candidate[] {
  const text = doc.norm.text;
  const out: Candidate[] = [];
  const apparatus = doc.apparatus[0]?.start ?? text.length;
  const discourse = new Discourse(doc, ctx.lexicon);
  const dates = discourseDates(doc);
  for (const sentence of doc.sentences) {
    if (sentence.start >= apparatus) break;
    const tokens = doc.tokens.get(sentence.index);
    if (!tokens) {
      // a sentence with no trigger still sets the topic the next ones go on about (文大統領はきょう夜、…
      // 観覧する。20日には…白頭山を訪れた)
      discourse.topics(sentence, collectArguments(doc, sentence, ctx.lexicon), [sentence.start]);
      continue;
    }
    const matches = withLemmaTriggers(ctx, tokens, triggersAtTokens(ctx, text, tokens, sentence));
    const args = collectArguments(doc, sentence, ctx.lexicon);
    const starts = clauseStarts(text, tokens, sentence.start, sentence.end);
    const topics = discourse.topics(sentence, args, starts);
    for (const m of matches.sort((a, b) => a.start - b.start)) {
      const trigger = chooseTrigger(doc, ctx, m.value, m.start);
      if (!trigger) continue;
      if (trigger.context && !inContext(doc, trigger.context, sentence, m.start)) continue;
      // what a speaker reports as agreed (「…ことで一致した」と表明) is an agreement; other
      // events inside quotations are the speaker's wishes and forecasts
      if (inReportedSpeech(doc, m.start, m.end) && trigger.type !== "AGREE") continue;
      // 歴代大統領が米国の次に日本を訪れてきた慣例: what is customary is done by no one on any day
      if (CUSTOM_AFTER.test(text.slice(m.end, m.end + 10))) continue;
      // 友好協力相互援助条約, 経済協力協定: a word in an agreement's name reports no deed of its own, nor one in
      // an organisation's (アジア太平洋経済協力会議)
      if (trigger.type !== "SUPPORT" && IN_AGREEMENT_NAME.test(text.slice(m.end, m.end + 8))) continue;
      if (
        trigger.type !== "CONSULT" &&
        doc.mentions.some((x) => x.kind === "organization" && x.start <= m.start && x.end >= m.end)
      )
        continue;
      // (a relative clause says a meeting was held, not a treaty: 人民大会堂で開かれた…条約締結40周年の記念レセプション)
      // (発表|された共同声明では、: the trigger may end in された itself)
      const ending = /(?:された|れた)$/.exec(text.slice(m.start, m.end))?.[0] ?? "";
      if (CONTENT_OF_DOCUMENT.test(ending + text.slice(m.end, m.end + 20))) continue;
      // 米朝の非核化協議が停滞している: the state talks are in, as a process, is no meeting held
      if (trigger.type === "CONSULT" && STATE_OF_TALKS.test(text.slice(m.end, m.end + 12))) continue;
      if (
        REFERENCE_AFTER.test(text.slice(m.end, m.end + 8)) &&
        !(trigger.type === "CONSULT" && HOLDING_OF_TOPIC.test(text.slice(m.end, m.end + 40))) &&
        !plannedInQuote(doc, m.end) &&
        (trigger.type !== "CONSULT" || heldInRelative(text, sentence.start, m.start) !== "held")
      )
        continue;
      // (found only for the triggers kept so far)
      const topic = nearerTopic(doc, args, topics.own, m.start) ?? topics.at(m.end);
      // (a text two parties announce together is joint, whatever its name: 両首脳は…文書を発表する)
      const jointly = trigger.roles === "signing" && topic?.actors.length === 2;
      // (…首脳会談で発表された「板門店宣言」: an agreement the lexicon knows is joint whatever its name)
      const knownAfter = () => {
        const named = agreementAfter(text, m.end, sentence.end);
        return !!named?.described && !!knownAgreement(ctx.lexicon, named.name);
      };
      if (
        trigger.near &&
        !jointly &&
        !nearTrigger(text, trigger.near, sentence, m.start, m.end) &&
        !knownAfter()
      )
        continue;
      const clause = clauseAround(starts, sentence.end, m.start);
      const found =
        candidate(
          doc,
          ctx,
          trigger,
          m.start,
          m.end,
          sentence,
          clause,
          args,
          topic,
          dates[sentence.index] ?? null,
        ) ?? [];
      for (const c of found) {
        // (a call at someone's home is the meeting there, not a visit of its own)
        const atHome = metAtHome(ctx, text, args, c);
        if (atHome) {
          out.push(atHome);
          continue;
        }
        alsoWithTheSame(text, m.end, c, out);
        heldBeforeByThePair(text, c, out);
        dateByEventBefore(text, sentence, m.start, c, out);
        joinMeetingAttended(text, sentence, c, out);
        visitDecided(ctx, text, args, m, c);
        reachedAtMeeting(text, sentence, clause, m, c, out);
        if (meetingAgreedOn(text, c, out)) continue;
        if (c.type === "AGREE" && c.actors.length < 2) continue;
        if (c.actors.length === 0) continue;
        out.push(c);
      }
    }
  }
  return out;
}

/**
 * 田中角栄元首相の私邸を(訪れた): the home of the person named before it (past a title the lexicon does not
 * give them: フィデル・カストロ前議長の自宅を).
 */
const HOME_OF =
  /^(?:\([^()]*\))?[\u4E00-\u9FFF]{0,6}?の(?:私邸|自宅|邸宅|私宅|別邸|別荘|公邸|住居|病室|療養先)(?:を|で|に|へ)/;

/**
 * 東京・目白の田中角栄元首相の私邸を訪れた, …の自宅で会談した: who calls at someone's home meets them there.
 * A meeting whose other party is only the home's owner takes them; a visit to the home is that meeting.
 */
function metAtHome(
  ctx: PipelineContext,
  text: string,
  args: SentenceArguments,
  c: Candidate,
): Candidate | undefined {
  if (c.type !== "CONSULT" || (c.mode !== "visit" && c.mode !== "meet") || c.actors.length !== 1) return;
  const visitor = c.actors[0]!;
  const owner = args.actors.find(
    (a) =>
      a.end <= c.triggerStart &&
      // (…の自宅を訪れ、およそ1時間会談しました: the talks may follow the call in a clause of their own)
      c.triggerStart - a.end <= 32 &&
      !text.slice(a.end, c.triggerStart).includes("。") &&
      a.actors.length === 1 &&
      a.actors[0]!.kind === "person" &&
      a.actors[0]!.id !== visitor.id &&
      HOME_OF.test(text.slice(a.end, a.end + 16)),
  )?.actors[0];
  if (!owner || visitor.kind !== "person") return;
  if (c.mode === "meet") {
    c.actors = [visitor, owner];
    return;
  }
  const meet = ctx.triggers.find((t) => t.type === "CONSULT" && t.mode === "meet");
  return meet ? { ...c, trigger: meet, mode: "meet", actors: [visitor, owner], recipients: [] } : undefined;
}

/** 会談する|方向で調整する|ことで一致: what is agreed is only a meeting to hold (を行う, を開く). */
// (its own days and place may come between: 首脳会談を18日から20日まで平壌で開くことで北朝鮮側と合意した)
const ONLY_TO_HOLD =
  /^(?:を(?:[^、。をがは「」]{0,24}?で)?(?:行う|開く|開催する|実施する)|する)(?:方向で(?:最終)?調整する)?(?:ことで[^、。をがは「」]{0,12})?と?$/;

/**
 * 来週17日にニューヨークで会談する方向で調整することで一致した: an agreement whose whole content is a dated
 * meeting to hold is that planned meeting, which PLOVER already codes as an agreement; the meeting is
 * between the parties who agreed on it (トランプ氏と… went to the phone call before it), and no
 * agreement is reported besides. (秦氏が適切な時期に訪米することで合意した, with no date, stays one.)
 */
function meetingAgreedOn(text: string, c: Candidate, before: readonly Candidate[]): boolean {
  if (c.type !== "AGREE") return false;
  const meeting = before.findLast(
    (x) => x.sentence.index === c.sentence.index && x.triggerEnd <= c.triggerStart && x.type === "CONSULT",
  );
  // (…会談することで一致 with no date of its own, after the pair's dated plan to meet: that plan again)
  const parties = (x: Candidate) => new Set([...x.actors, ...c.actors].map((a) => a.id));
  const planTold = (m: Candidate) =>
    before.some(
      (x) =>
        x !== m &&
        x.type === "CONSULT" &&
        x.mode === m.mode &&
        x.status === "planned" &&
        x.dateSource === "clause" &&
        x.actors.length >= 2 &&
        x.actors.every((a) => parties(m).has(a.id)),
    );
  if (
    !meeting ||
    meeting.status !== "planned" ||
    // (a visit agreed on stays an agreement, as an invitation accepted does)
    meeting.mode === "visit" ||
    (meeting.dateSource !== "clause" && !planTold(meeting)) ||
    !ONLY_TO_HOLD.test(text.slice(meeting.triggerEnd, c.triggerStart))
  )
    return false;
  // (those who agree are its parties unless it has its own: 両首脳は、南北首相会談を来月ソウルで開くことで合意
  // — the prime ministers', not the leaders')
  if (meeting.actors.length < 2)
    for (const a of c.actors) if (!meeting.actors.some((b) => b.id === a.id)) meeting.actors.push(a);
  return true;
}

/** The state an organization of the lexicon belongs to (北朝鮮外務省: North Korea), or the actor as it is. */
function stateOfOrganization(lex: Lexicon, a: ActorRef): ActorRef {
  const country = a.kind === "organization" ? lex.organizations.get(a.id)?.country : undefined;
  return country ? stateActor(lex, country) : a;
}

/**
 * 会談では、…去年11月にシンガポールで行った首脳会談で…合意した, トランプ大統領と会談し、先月フランスで行った
 * 首脳会談で…: a summit a relative clause says was held, naming no pair of its own, is the last pair's
 * earlier summit (those it names besides — 日本 — being theirs).
 */
function heldBeforeByThePair(text: string, c: Candidate, before: readonly Candidate[]): void {
  if (c.type !== "CONSULT" || c.mode !== "meet" || c.actors.length >= 2) return;
  if (!text.slice(c.triggerStart, c.triggerEnd).includes("首脳")) return;
  if (heldInRelative(text, c.sentence.start, c.triggerStart) !== "held") return;
  const pair = before.findLast(
    (b) =>
      b.type === "CONSULT" &&
      b.mode !== "multilateral" &&
      b.mode !== "visit" &&
      b.actors.length === 2 &&
      b.actors.every((a) => a.kind === "person") &&
      b.sentence.index >= c.sentence.index - 1,
  );
  if (pair && c.actors.every((a) => pair.actors.some((p) => p.id === a.id || p.country === a.id)))
    c.actors = pair.actors;
}

/** 習氏の国賓訪日が決まる: a visit agreed on is agreed by its visitor with the state it goes to. */
function visitDecided(
  ctx: PipelineContext,
  text: string,
  args: SentenceArguments,
  m: { start: number; end: number },
  c: Candidate,
): void {
  const decided = /訪(.)が決ま/.exec(text.slice(m.start, m.end));
  const host = decided ? ctx.lexicon.abbreviations.get(decided[1]!) : undefined;
  if (c.type !== "AGREE" || !host) return;
  const visitor = args.actors.find(
    (a) => a.particle === "の" && a.end <= m.start && m.start - a.end <= 4 && a.actors[0]?.kind === "person",
  );
  c.actors = uniqueActors([...c.actors, ...(visitor?.actors ?? [])]);
  if (!c.actors.some((a) => a.id === host || a.country === host))
    c.actors = uniqueActors([...c.actors, stateActor(ctx.lexicon, host)]);
}

/** A sentence that ends on what was decided: …訪問することになった, …ことが決まった. */
const DECIDED = /(?:ことになった|ことになりました|ことが決まった|ことが決まりました)。?$/;

/** The status a trigger's clause gives its event, and what the date depends on: an agreement reached at it, a relative clause holding it. */
function statusOfTrigger(
  ctx: PipelineContext,
  site: TriggerSite,
): {
  status: EventStatus | "negated" | "proposed";
  heldAgreement: boolean;
  relative: ReturnType<typeof heldInRelative>;
} {
  const { trigger, start, end, sentence, clause } = site;
  const text = site.doc.norm.text;
  // ことで一致, 方針で合意: what comes before is what was agreed, whose own tense (継続する) is not the
  // agreement's
  const agreedContent = AGREED_CONTENT.test(text.slice(start, end));
  // 1月の電話会談で、早期の対面会談に向けて調整することで一致していた: the meeting where an agreement was
  // reached was held, whatever the agreement says is to come
  const heldAgreement =
    trigger.type === "CONSULT" && text[end] === "で" && AGREEMENT_REACHED.test(text.slice(end, sentence.end));
  const relative = heldInRelative(text, sentence.start, start);
  // (江沢民国家主席と会談、…について意見交換する: a noun written for 会談し、 ends its clause at the comma, and
  // takes the tense of the sentence's last predicate)
  const clauseEnd = nounAsContinuative(site) ? end + 1 : clause.end;
  const read = heldAgreement
    ? "occurred"
    : readStatus(
        {
          tail: text.slice(end, clauseEnd),
          head: agreedContent ? "" : text.slice(clause.start, start),
          headline: sentence.headline,
          rest: text.slice(clauseEnd, sentence.end),
        },
        ctx.statusCues,
      );
  // 発表したロ朝共同宣言: a trigger in the past describing the noun after it was done, whatever the sentence
  // goes on to say
  // (not 会談した後, a time the verb sets)
  const pastRelative = !!describesNoun(text, end)?.past && !BEFORE_THEN.test(text.slice(end, end + 8));
  // 胡主席は李大統領の招請を受け入れ、年内に韓国を訪問することになった: what is to come was decided, so the
  // agreement to it is made
  const decided =
    trigger.type === "AGREE" && read === "planned" && DECIDED.test(text.slice(clauseEnd, sentence.end));
  const status =
    relative === "scheduled" && read === "occurred" && !VERB_ENDING.test(text.slice(start, end))
      ? "planned"
      : (pastRelative && (read === "planned" || read === "speculated")) || decided
        ? "occurred"
        : read;
  return { status, heldAgreement, relative };
}

/** Where a trigger's date came from and what it says of the event: null when the event happens on no date the text gives. */
interface TriggerDate {
  timex: Timex | null;
  until: Timex | undefined;
  source: EventDate["source"];
  week: ReturnType<typeof weekNamed>;
  /** Only a reference to an event reported elsewhere (a noun with no predicate, what a trip is for). */
  referenceOnly: boolean;
  purposeOfTrip: boolean;
}

/** The date of a trigger's event: the clause's own, the sentence's or the discourse's (pickDate), then a span's start, a return's stay. */
function dateOfTrigger(
  site: TriggerSite,
  lastDate: Timex | null,
  past: number,
  read: { status: EventStatus; heldAgreement: boolean; relative: ReturnType<typeof heldInRelative> },
): TriggerDate | null {
  const { doc, trigger, start, end, sentence, clause, args } = site;
  const text = doc.norm.text;
  const { status, heldAgreement, relative } = read;
  // a trigger used as a noun (訪中を歓迎, 首脳会談など) reports an event only with a predicate
  // of its own (行われた, 開く予定, 臨む); otherwise it only refers to one
  const picked = pickDate(doc, args, clause, start, end, lastDate);
  // 両氏は…外相会議に出席している after …2日にも閣議決定する方針: what was done is dated by the last day the
  // text gave that is past, not by a day still to come
  if (
    picked.source === "discourse" &&
    status === "occurred" &&
    toldAsDone(text.slice(end, clause.end)) &&
    picked.timex === lastDate &&
    lastDate &&
    doc.source.published &&
    lastDate.value.slice(0, 10) > doc.source.published.slice(0, 10)
  ) {
    const published = doc.source.published.slice(0, 10);
    const focal = focalTimex(doc);
    picked.timex =
      pastDiscourseDates(doc)[sentence.index] ??
      (focal && focal.value.slice(0, 10) <= published ? focal : null);
    if (!picked.timex) picked.source = "published";
  }
  let source = picked.source;
  // 来週、日本、韓国、中国を歴訪する: a week is no date the tagger gives (nor the contract's timex), but it
  // dates a plan, or what was done, to its days
  const week =
    source === "discourse" || source === "published"
      ? weekNamed(text.slice(clause.start, clause.end), doc.source.published)
      : undefined;
  if (week) source = "clause";
  // 金総書記が適切な時期にソウルを訪問することも明記した: what a document provides for, with no date of its
  // own, happens on no date the article gives
  if ((source === "discourse" || source === "published") && PROVIDED_FOR.test(text.slice(end, clause.end)))
    return null;
  // the nearest date may be the end of a span (25日から28日まで): the span starts earlier
  const spanStart =
    picked.timex && source === "clause"
      ? args.timexes.find(
          (t) => t.end <= picked.timex!.start && text.slice(t.end, picked.timex!.start) === "から",
        )
      : undefined;
  // 3日間の日程で日本に滞在し、20日に帰国する: the day of the return after a stay ends it, which began on
  // the day the text is at
  const returning =
    trigger.roles === "visit" &&
    !!picked.timex &&
    picked.timex.start >= end &&
    RETURN_AFTER.test(text.slice(picked.timex.end, picked.timex.end + 6)) &&
    !!lastDate &&
    lastDate.granularity === "day" &&
    lastDate.value < picked.timex.value;
  const timex = week ? null : returning ? lastDate : (spanStart ?? picked.timex);
  const until = returning
    ? (picked.timex ?? undefined)
    : timex && (source === "clause" || source === "sentence")
      ? spanEnd(doc, args, timex, start, end)
      : undefined;
  // …unless a date qualifies the noun itself: 6日夜の福田首相との非公式夕食会
  const datedNoun =
    !!timex && timex.end <= start && /^の[^、。をがはにで]{0,24}$/.test(text.slice(timex.end, start));
  // (statements are nouns with a verb of saying: 懸念を表明した, 自制を要請した)
  const statement =
    STATEMENT_TYPES.has(trigger.type) && !(trigger.type === "SUPPORT" && trigger.mode === "sign");
  // …or a relative clause says it was held: 昨年11月にサンフランシスコ近郊で行った対面会談の合意
  const heldBefore = HELD_BEFORE.test(text.slice(clause.start, start)) || relative !== undefined;
  // …共同声明の採択に合意した: the parties agreed to the signing itself, there and then
  const agreedSigning = trigger.roles === "signing" && /^に(?:合意|同意)し/.test(text.slice(end, end + 4));
  // (1月の電話会談で…一致していた, 来日した際の首脳会談で協議開始に合意した: the meeting an agreement was
  // reached at was held)
  const referenceOnly =
    !heldAgreement &&
    !statement &&
    !datedNoun &&
    !heldBefore &&
    !agreedSigning &&
    !nounAsContinuative(site) &&
    nominalWithoutPredicate(text, end, clause.end, sentence.headline);
  // 27日夜、…首脳会議に出席するため来日した習主席と会談した: a gathering that is only what a trip is for,
  // dated by the trip, is a reference to be completed by a report of its own
  const purposeOfTrip =
    trigger.mode === "multilateral" &&
    !!timex &&
    timex.end <= start &&
    TRIP_FOR.test(text.slice(past, clause.end));
  return { timex, until, source, week, referenceOnly, purposeOfTrip };
}

/** What candidate() has read of a trigger and its clause, for the readers of its roles. */
interface TriggerScope extends TriggerSite {
  ctx: PipelineContext;
  topic: ActorArg | undefined;
  /** The parties of the clause (clause-parties.ts). */
  local: ActorArg[];
  companions: boolean;
  followingSubject: boolean;
  /** The noun a relative clause around the trigger describes, if a party. */
  head: ActorArg | undefined;
  timex: Timex | null;
  date: string | null;
}

/** The roles of a trigger's event as far as read: who, with or to whom, where, about what, how. */
interface Roles {
  actors: ActorRef[];
  recipients: ActorRef[];
  place: PlaceArg | null;
  object: string | undefined;
  forum: string | undefined;
  mode: Trigger["mode"] | "phone";
  split: [ActorArg, ActorArg[]] | null;
  pairs: [ActorArg, ActorArg][] | null;
  atLeaderLevel: ActorRef[] | null;
}

/**
 * The roles of every trigger but a visit or a hosting — talks, gatherings, statements, signings and acts
 * directed at someone — read from the clause's parties into `roles`; false when the trigger reports no
 * event (no subject for a directed act, no document for a signing).
 */
function readOtherRoles(s: TriggerScope, roles: Roles): boolean {
  const {
    doc,
    ctx,
    trigger,
    start,
    end,
    sentence,
    clause,
    args,
    topic,
    local,
    companions,
    followingSubject,
  } = s;
  const { head, timex, date } = s;
  const text = doc.norm.text;
  const lex = ctx.lexicon;
  let { actors, recipients, place, object, forum, mode, split, pairs, atLeaderLevel } = roles;
  // 北朝鮮とロシアの軍事協力に懸念を表明する共同声明: a pair qualifying another noun is no party
  // (not 康京和外相とタイの首都バンコクで: a state qualifying the place after it)
  const qualifiesPlace = (b: ActorArg) =>
    args.places.some((p) => p.start > b.end && /^の(?:首都|首府|古都)?$/.test(text.slice(b.end, p.start)));
  const qualifyingPair = (a: ActorArg) =>
    a.particle === "と" &&
    // (not 鄭義溶国家安保室長ら韓国の特使団と: the と is past the body named after ら)
    text[a.end] === "と" &&
    local.some(
      (b) =>
        b.start === a.end + 1 &&
        b.particle === "の" &&
        !nextIsPartyOrTrigger(text, b, local, start) &&
        // (安倍首相と欧州連合(EU)のトゥスク大統領: one who acts for it, past a gloss)
        !local.some((c) => c.start === afterGloss(text, b.end) + 1 && isParty(c)) &&
        !qualifiesPlace(b),
    );
  // 1956年に日本とソ連が署名した日ソ共同宣言を基礎に…合意した: who signed an agreement named in a relative
  // clause signed it, and take no part in what the sentence goes on to report
  const signedAsSubject = (a: ActorArg) =>
    a.end <= start && SIGNED_AGREEMENT.test(text.slice(a.end, Math.min(start, a.end + 40)));
  // (小泉純一郎首相(当時)と金正日総書記が署名した日朝平壌宣言: those joined to the signer by と too)
  const signedBefore = (a: ActorArg) =>
    signedAsSubject(a) ||
    (a.particle === "と" &&
      local.some(
        (b) =>
          b.start > a.end &&
          /^(?:[(（][^()（）]*[)）])?と$/.test(text.slice(a.end, b.start)) &&
          signedAsSubject(b),
      ));
  // バイデン氏との会談に先立ちハリス副大統領とも会談した: a party of another meeting named before this one
  const otherMeeting = (a: ActorArg) =>
    a.end + 2 < start && /^との(?:首脳|電話)?(?:会談|会見|協議|会合)/.test(text.slice(a.end, a.end + 8));
  // 北朝鮮による拉致被害者の家族と面会した: the agent of what qualifies the counterpart is no party
  // (茂木経済再生担当相とライトハイザー米通商代表による協議を加速させることで一致した: both agents)
  const agentOfAnother = (a: ActorArg): boolean => {
    if (a.particle === "による") return a.end < start && /[とをにが]/.test(text.slice(a.end + 3, start));
    const next = local.find((b) => b.start >= a.end);
    return (
      a.particle === "と" &&
      !!next &&
      /^[^、。]{0,16}と$/.test(text.slice(a.end, next.start)) &&
      agentOfAnother(next)
    );
  };
  // 中国やロシアとの協力を強化していくことで一致: the partner of a deed agreed on (Xとの協力) is no party to it
  const partnerOfContent = (a: ActorArg): boolean => {
    if (trigger.type !== "AGREE" || a.end >= start) return false;
    if (a.particle === "との") return !text.startsWith("との間", a.end) && a.end + 2 < start;
    const next = local.find((b) => b.start >= a.end);
    return a.particle === "や" && !!next && next.start - a.end <= 1 && partnerOfContent(next);
  };
  // アルゼンチン、エジプト、イランの3カ国を…招くことで合意した: states listed as the object of what is agreed
  // are no parties to the agreement
  const listedAsObject = (a: ActorArg): boolean => {
    if (trigger.type !== "AGREE" || a.particle !== "、" || a.end >= start) return false;
    let last = a;
    for (const b of local)
      if (b.start > last.end && b.start - last.end <= 1 && last.particle === "、") last = b;
    return last.particle === "を";
  };
  // 日本と北朝鮮の外務省局長級による政府間協議: a ministry, the level its officials meet at, the talks — the
  // ministry stands for its state
  // 米議会の指導者と会見し: an organisation whose leaders or members are met stands for them
  const peopleOfMet = (a: ActorArg) =>
    a.particle === "の" &&
    a.actors.length === 1 &&
    a.actors[0]!.kind === "organization" &&
    a.end < start &&
    ORGANIZATION_PEOPLE.test(text.slice(a.end, start));
  const ministryAtLevel = (a: ActorArg) =>
    a.particle === "" && a.end < start && MEETING_LEVEL_BY.test(text.slice(a.end, start));
  // 中仏EU3者会談: another party written on to the compound, before the trigger
  const writtenOn = (a: ActorArg) => {
    let at = a.end;
    for (const b of local) if (b.start === at && b.end <= start) at = b.end;
    return at;
  };
  const parties = local
    .map((a) => (ministryAtLevel(a) ? { ...a, actors: a.actors.map((x) => stateOfOrganization(lex, x)) } : a))
    .filter(
      (a) =>
        (isParty(a) &&
          !qualifyingPair(a) &&
          !otherMeeting(a) &&
          !agentOfAnother(a) &&
          !partnerOfContent(a) &&
          !listedAsObject(a) &&
          !(trigger.roles !== "signing" && signedBefore(a))) ||
        (a.particle === "の" && nextIsPartyOrTrigger(text, a, local, start)) ||
        peopleOfMet(a) ||
        ministryAtLevel(a) ||
        (a.compound && COMPOUND_BEFORE_TRIGGER.test(text.slice(writtenOn(a), start))) ||
        // マルコス大統領を交えて(、日米比3か国として)首脳会談に臨む: one brought in, and the states it makes;
        // ムン大統領主催の夕食会: its host
        (trigger.type === "CONSULT" &&
          a.end < start &&
          (JOINED_IN.test(text.slice(a.end, a.end + 12)) ||
            (a.actors.length > 1 && HOLDERS_AS.test(text.slice(a.end, a.end + 12))) ||
            HOSTED_BY.test(text.slice(a.end, start)))) ||
        // 3か国の首脳会談, 両首脳会談: the people an anaphor names, written into the meeting's word
        (!!a.resolved.mention.anaphor && a.start < start && a.end >= start && a.end <= end) ||
        ((trigger.type === "AGREE" || trigger.type === "CONSULT") &&
          a.particle === "から" &&
          // (訪問先のマレーシアから電話で: where the call was made from)
          !STAYING_IN.test(text.slice(Math.max(0, a.start - 6), a.start))) ||
        !!trigger.party_particles?.includes(a.particle) ||
        (trigger.mode === "phone" && a.particle === "に"),
    );
  if (head) parties.push(head);
  // 両首脳は…7月に日米両政府が合意した関税措置を巡る合意の…に署名した: what a relative clause says was done
  // by its own subject, not by the sentence's topic
  if (describesNoun(text, end) && parties.some((a) => a.particle === "が" && a.end <= start))
    for (let i = parties.length - 1; i >= 0; i--)
      if (/^(?:は|も)$/.test(parties[i]!.particle) && parties[i]!.end <= start) parties.splice(i, 1);
  // 林報道官は…中国と韓国による「外交安保対話」: a pair coordinated around the event noun is
  // its parties, and the subject of the sentence only reports it
  const coordinated = parties.filter((a) => !isSubject(a));
  if (
    uniqueActors(coordinated.flatMap((a) => a.actors)).length >= 2 &&
    coordinated.some((a) => /^(?:による|の|の間で|間の)$/.test(a.particle) || a.compound)
  ) {
    for (let i = parties.length - 1; i >= 0; i--) if (isSubject(parties[i]!)) parties.splice(i, 1);
  }
  // 両国は7月25日、…フセイン国王とラビン首相が初めて公式に会談し: the people the clause names meeting (が) are its
  // parties; 両国 is what the sentence is about, and may stand for others the discourse named since
  const people = parties.filter(
    (a) => a.end <= start && /^(?:と|が)$/.test(a.particle) && a.actors.every((x) => x.kind === "person"),
  );
  const peoplesStates = new Set(people.flatMap((a) => a.actors.map((x) => x.country)));
  if (people.some((a) => a.particle === "が") && peoplesStates.size >= 2 && !peoplesStates.has(null))
    for (let i = parties.length - 1; i >= 0; i--)
      if (parties[i]!.resolved.mention.anaphor === "both-states" && /^(?:は|も)$/.test(parties[i]!.particle))
        parties.splice(i, 1);
  // the sentence topic takes part only when the clause does not name the parties itself
  const named = uniqueActors(parties.flatMap((a) => a.actors)).length;
  const ownSubject = parties.some((a) => isSubject(a) && a.start >= clause.start);
  // XはA、Bとそれぞれ会談: one meeting with each counterpart (the subject may be the topic) — not a gathering
  // counted by its states (朴大統領、中国の李克強首相と臨んだ3カ国首脳会議), which they hold together
  const count = COUNTED_GATHERING.exec(text.slice(Math.max(clause.start, start - 6), start));
  const counted = !!count;
  split = counted
    ? null
    : splitCounterparts(
        text,
        ownSubject || !topic ? parties : [topic, ...parties],
        /個別|別々|それぞれ|相次いで/.test(text.slice(clause.start, start)) ||
          listedWithYa(text, parties, start),
      );
  pairs = pairedOff(text, parties, clause.start, start);
  const inSpeech = inReportedSpeech(doc, start, end);
  if (
    topic &&
    !inSpeech &&
    !parties.includes(topic) &&
    topic.start < clause.start &&
    (named < 2 ||
      (counted && named < readNumber(count[1]!)) ||
      (companions && !followingSubject) ||
      // (夜には李大統領とともに胡錦濤国家主席と会見し: the one the topic meets another with is no subject)
      parties.some((a) => COMPANION.test(a.particle) && a.end <= start) ||
      meetingWith(text, parties, start)) &&
    !ownSubject &&
    !otherPortfolio(lex, topic, text.slice(start, end)) &&
    // (去年6月に大阪で行われた安倍前総理大臣との首脳会談 in a text about 菅総理大臣: a summit of a day the
    // topic led no state on is not theirs)
    !(
      /首脳/.test(text.slice(start, end)) &&
      topic.actors.length === 1 &&
      topic.actors[0]!.kind === "person" &&
      timex?.granularity !== "year" &&
      !isLeader(lex, topic.actors[0]!, date)
    )
  ) {
    parties.push(topic);
  }
  if (trigger.roles === "directed") {
    // 核実験を強行した北朝鮮への制裁: the act belongs to whom the relative clause describes
    const clauseHead = RELATIVE_CLAUSE.exec(text.slice(end, end + 16));
    const described = clauseHead && args.actors.find((a) => a.start === end + clauseHead[0].length);
    const subject = described ?? [...parties].reverse().find((a) => isSubject(a)) ?? topic ?? head;
    if (!subject) return false;
    actors = subject.actors;
    const recipientParticles = trigger.recipient_particles ?? RECIPIENT_PARTICLES;
    recipients = uniqueActors(
      local.filter((a) => a !== subject && recipientParticles.includes(a.particle)).flatMap((a) => a.actors),
    );
    // 北朝鮮の挑発を非難, 中国の立場を支持: whose act or stance it is, when no one is addressed
    if (recipients.length === 0) {
      const owner = local.find(
        (a) =>
          a !== subject &&
          a.particle === "の" &&
          (OWNED_OBJECT.test(text.slice(a.end, start)) ||
            (recipientParticles.includes("に") && OWNED_RECIPIENT.test(text.slice(a.end, start)))),
      );
      if (owner) recipients = uniqueActors(owner.actors);
    }
  } else {
    actors = uniqueActors([
      ...parties.flatMap((a) => a.actors),
      ...(trigger.participants ?? []).map((id) => stateActor(lex, id)),
    ]);
    // of organisations, only international bodies meet (安保理 meets; 国務省 publishes photos)
    const isIgo = (a: ActorRef) => a.kind === "organization" && lex.organizations.get(a.id)?.kind === "igo";
    // …but a forum a summit is held with is its counterpart (ASEANとの首脳会議)
    const counterparts = new Set(
      mode === "multilateral"
        ? parties.filter((a) => /^(?:と|との)$/.test(a.particle)).flatMap((a) => a.actors.map((x) => x.id))
        : [],
    );
    // …and one whose leaders or members are met stands for them (米議会の指導者と会見し)
    const met = new Set(parties.filter(peopleOfMet).map((a) => a.actors[0]!.id));
    // …and a state's ministry that calls someone in (を: 韓国外交部は…総括公使を外交部に呼び) stands for its state
    if (trigger.party_particles?.includes("を") && parties.some((a) => a.particle === "を"))
      actors = uniqueActors(
        actors.map((a) =>
          a.kind === "organization" && lex.organizations.get(a.id)?.kind === "government"
            ? stateOfOrganization(lex, a)
            : a,
        ),
      );
    actors = actors.filter(
      (a) =>
        a.kind !== "organization" ||
        met.has(a.id) ||
        (isIgo(a) && (counterparts.has(a.id) || !actors.some((b) => b.kind === "person"))),
    );
    // (首脳会談, and 日韓首脳の正式な会談: the leaders are named before the meeting noun)
    // (米朝首脳の対面は…の会談以来: the leaders of the compound that is the subject)
    const leaderLevel =
      /首脳/.test(text.slice(start, end)) ||
      /首脳の?[^、。]{0,6}$/.test(text.slice(clause.start, start)) ||
      parties.some((a) => a.compound && text.startsWith("首脳", a.end)) ||
      // 委員長を交えた中仏EU3者会談: states compounded with leaders of their meeting stand for theirs
      (parties.some((a) => a.compound) &&
        actors.some((a) => a.kind === "person") &&
        actors.every((a) => a.kind !== "person" || isLeader(lex, a, date)));
    const portfolio = leaderLevel ? undefined : portfolioNamed(lex, text.slice(start, end));
    if (leaderLevel) {
      atLeaderLevel = actors;
      // 李克強首相の主催で開かれた日中韓首脳会議: a leader of the state named with the summit stands for it
      // (not the foreign minister who announces it)
      const named = args.actors.flatMap((a) =>
        a.start >= clause.start &&
        a.end <= clause.end &&
        a.actors.length === 1 &&
        a.actors[0]!.kind === "person" &&
        isLeader(lex, a.actors[0]!, date)
          ? a.actors
          : [],
      );
      actors = uniqueActors(
        actors.map((a) => (a.kind === "state" ? (named.find((p) => p.country === a.id) ?? a) : a)),
      );
      // (a summit of a later year is its states': who will lead them then is not known —
      // 来年の日中韓首脳会議; nor who will gather within the year, 日中韓首脳会議を年内に日本で開催する方向)
      const laterYear =
        !!timex &&
        timex.granularity === "year" &&
        (timex.value > (doc.source.published ?? "").slice(0, 4) ||
          ((mode === "multilateral" || actors.length >= 3) && WITHIN_THE_YEAR.test(timex.text)));
      if (!laterYear)
        actors = statesToLeaders(
          lex,
          actors,
          date,
          (id) => namedInDocument(doc, id),
          (id) => lastNamedIn(doc, id, sentence.start),
        );
      // 2016年12月にプーチン氏が来日した際の首脳会談: a summit on a leader's visit is with the host's leader
      const occasion = VISIT_OCCASION.exec(text.slice(clause.start, start));
      const host = occasion ? lex.abbreviations.get(occasion[1]!) : undefined;
      if (host && actors.length === 1 && actors[0]!.country !== host)
        actors = uniqueActors([
          ...actors,
          ...statesToLeaders(lex, [stateActor(lex, host)], date, (id) => namedInDocument(doc, id)),
        ]);
      // 岸田文雄首相を国賓として迎え、10日に…首脳会談に臨む: a summit of one leader is with the leader of
      // another state that leader receives before it in the sentence
      const [only] = actors;
      if (actors.length === 1 && only!.kind === "person") {
        const received = args.actors.filter(
          (a) =>
            a.start >= sentence.start &&
            a.end <= start &&
            a.actors.length === 1 &&
            a.actors[0]!.kind === "person" &&
            a.actors[0]!.country !== only!.country &&
            isLeader(lex, a.actors[0]!, date) &&
            RECEIVED.test(text.slice(a.end, a.end + 14)),
        );
        if (received.length === 1) actors = uniqueActors([only!, ...received[0]!.actors]);
      }
    } else if (portfolio)
      actors = statesToMinisters(lex, actors, portfolio, date, (id) => namedInDocument(doc, id));
    // 安保理は…公開会合を開き: an international body in session is a meeting of its members, and
    // what the session is about (北朝鮮による発射を受けて) is no party to it
    // (安保理では15日、…閣僚級会合が開かれ、…長官らが出席していた: the body where it was held, and the
    // people who chaired or attended it)
    const body =
      parties.find(
        (a) => a.actors.length === 1 && isIgo(a.actors[0]!) && (isSubject(a) || a.particle === "の"),
      ) ??
      args.actors.find(
        (a) =>
          a.particle === "では" &&
          a.actors.length === 1 &&
          isIgo(a.actors[0]!) &&
          a.start >= sentence.start &&
          a.end <= start,
      );
    if (trigger.type === "CONSULT" && body && SESSION_HELD.test(text.slice(end, end + 4))) {
      const people = parties
        .filter((a) => a.actors.every((x) => x.kind === "person"))
        .flatMap((a) => a.actors);
      actors = uniqueActors([...body.actors, ...people]);
      mode = "multilateral";
    }
    // 日韓首脳会合: a gathering's word with two states compounded before it names their meeting
    else if (mode === "multilateral" && parties.length === 1 && isPairCompound(parties[0]!, start))
      mode = "meet";
    // a ceremony or summit is hosted by the state it takes place in (a body's session is its own)
    else if (mode === "multilateral" && place) {
      const host = place.state ?? place.entry?.country;
      if (host && !actors.some((a) => a.id === host || a.country === host)) {
        // (北京で開かれたAPEC首脳会議: at leader level, the host's leader the article names)
        // (軽井沢町で…G7外相会合: at ministers' level, the host's minister the article names)
        const hostActor =
          atLeaderLevel !== null
            ? statesToLeaders(lex, [stateActor(lex, host)], date, (id) => namedInDocument(doc, id))
            : portfolio
              ? statesToMinisters(lex, [stateActor(lex, host)], portfolio, date, (id) =>
                  namedInDocument(doc, id),
                )
              : [stateActor(lex, host)];
        actors = uniqueActors([...actors, ...hostActor]);
      }
    }
    // APEC首脳会議, G20サミット: the forum whose summit it is takes part in it, beside its host (joined
    // once reports are merged: mergeCandidates)
    if (mode === "multilateral") forum = forumNamedBefore(doc, ctx, start);
  }
  if (trigger.roles === "signing") {
    const names = ctx.documents.endsName;
    const before = agreementBefore(text, clause.start, start, names);
    const after = before ? undefined : agreementAfter(text, end, sentence.end);
    object =
      before ??
      after?.name ??
      agreementAsTopic(text, sentence.start, start, names) ??
      alsoSigned(doc, names, signingWords(ctx), clause.start, start, sentence.index);
    if (!object) return false;
    // an agreement a relative clause describes was signed by the clause's subject (両国首脳が署名した条約)
    // or by its name's states (1978年に締結された中日平和友好条約), whoever the sentence is about
    const signers = after?.described ? relativeSubject(doc, ctx, text, local, start, date) : [];
    // (両国の友好善隣協力条約: both states, as the discourse names them, too)
    const ownStates =
      after?.described &&
      doc.resolved.find(
        (r) =>
          (r.mention.kind === "group" || r.mention.anaphor === "both-states") &&
          r.actors.length >= 2 &&
          r.mention.start >= after.start &&
          r.mention.end <= after.end,
      );
    // (…際に金総書記と発表したロ朝共同宣言: who the clause names signing with the subject stands for their state)
    const withWhom = local.filter((a) => a.particle === "と" && a.end <= start && start - a.end <= 6);
    const people = [...signers, ...withWhom.flatMap((a) => a.actors)].filter((a) => a.kind === "person");
    if (ownStates)
      actors = uniqueActors(ownStates.actors.map((s) => people.find((a) => a.country === s.id) ?? s));
    else if (signers.length >= 2) actors = signers;
    else if (actors.length < 2) {
      const len = object.length;
      const compound = doc.resolved.find(
        (r) => r.mention.kind === "group" && r.mention.start >= start - len - 2 && r.mention.end <= start,
      );
      if (compound) actors = uniqueActors([...actors, ...compound.actors]);
    }
    // 平壌宣言, 板門店宣言: a named agreement the lexicon knows is its parties' (those named here stand for
    // their states)
    const known = knownAgreement(lex, object);
    // (where it was signed, for one a relative clause describes: the text tells where a signing it
    // narrates took place)
    if (known && !place && after?.described) place = signedAt(ctx, known, start, end);
    if (known && (actors.length < 2 || after?.described))
      actors = uniqueActors(
        known.parties.map(
          (id) =>
            // (a leader when it was signed signs for the state, not whoever the discourse named last of
            // it: 金与正…が出迎え、…板門店宣言に署名して以来)
            actors.find((a) => a.kind === "person" && a.country === id && isLeader(lex, a, known.signed)) ??
            stateActor(lex, id),
        ),
      );
  }
  Object.assign(roles, { actors, recipients, place, object, forum, mode, split, pairs, atLeaderLevel });
  return true;
}

/**
 * インド、イスラエル、UAEとの4カ国によるオンライン首脳会議にも参加した: the states listed with との are those met,
 * and the one who took part (the topic) is the other party.
 */
function meetingWith(text: string, parties: readonly ActorArg[], start: number): boolean {
  const before = parties.filter((a) => a.end <= start);
  const last = before.at(-1);
  if (!last || !text.startsWith("との", last.end) || /[、。]/.test(text.slice(last.end, start))) return false;
  // (プーチン大統領とカタールの外相との会談: two joined by と, then との, are the meeting's two sides)
  return !before.some((a) => a !== last && a.particle === "と" && joinedAsOne(text.slice(a.end, last.start)));
}

/** The words of the signing triggers (triggers.yaml), those needing no document named near them. */
const signingWords = (ctx: PipelineContext): string[] =>
  ctx.triggers.filter((t) => t.roles === "signing" && !t.near).flatMap((t) => t.words);

/**
 * 米国のシュルツ国務長官とソ連のシェワルナゼ外相も保証国として署名した: who also signed, with no agreement
 * named, signed the one the sentence before tells of signing.
 */
function alsoSigned(
  doc: AnalysedDocument,
  names: RegExp,
  signing: readonly string[],
  clauseStart: number,
  start: number,
  sentenceIndex: number,
): string | undefined {
  const text = doc.norm.text;
  const before = doc.sentences[sentenceIndex - 1];
  if (!before || !/も[^、。]{0,12}$/.test(text.slice(clauseStart, start))) return undefined;
  const said = text.slice(before.start, before.end);
  for (const word of signing) {
    const found = said.indexOf(word);
    if (found < 0) continue;
    const at = before.start + found;
    const named =
      agreementBefore(text, before.start, at, names) ?? agreementAsTopic(text, before.start, at, names);
    if (named) return named;
  }
  return undefined;
}

/**
 * 両首脳の会談は…以来で、6月9日には電話会談も行っている: a meeting of one party that is "also" held is with
 * the other party of the meeting told just before it (in this sentence or the one before).
 */
function alsoWithTheSame(text: string, triggerEnd: number, c: Candidate, before: readonly Candidate[]): void {
  const [only] = c.actors;
  // (…の際に再び会見した: again, with the one met before)
  const again = /(?:再び|再度|改めて)$/.test(
    text.slice(Math.max(c.sentence.start, c.triggerStart - 3), c.triggerStart),
  );
  if (c.type !== "CONSULT" || c.actors.length !== 1 || (text[triggerEnd] !== "も" && !again)) return;
  // (not a summit's name the meeting is timed by, read as a meeting of one: …首脳会議の際に再び会見した)
  const told = before.findLast(
    (b) =>
      b.type === "CONSULT" &&
      b.mode !== "multilateral" &&
      b.sentence.index >= c.sentence.index - 1 &&
      (b.actors.length > 1 || !again),
  );
  if (told?.actors.length === 2 && told.actors.some((a) => a.id === only!.id)) c.actors = told.actors;
}

function candidate(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  trigger: Trigger,
  start: number,
  end: number,
  sentence: Sentence,
  clause: { start: number; end: number },
  args: SentenceArguments,
  topic: ActorArg | undefined,
  lastDate: Timex | null,
): Candidate[] | null {
  const text = doc.norm.text;
  const lex = ctx.lexicon;
  // the topic that reports what the sentence says (ペスコフ報道官は…と明らかにした), if it does
  const reported = reportedSubject(doc, args, topic, end, sentence);
  const reporter = reported && topic?.particle === "は" ? topic : undefined;
  // 中国政府は楊潔篪共産党政治局員を…韓国に派遣し、文在寅大統領らに…説明する: the one sent does what follows
  const sent = args.actors.find(
    (a) =>
      a.end <= clause.start &&
      a.start >= sentence.start &&
      a.actors.length > 0 &&
      a.actors.every((x) => x.kind === "person") &&
      SENT_TO_DO.test(text.slice(a.end, clause.start)),
  );
  topic = reported ?? sent ?? topic;
  const site: TriggerSite = { doc, trigger, start, end, sentence, clause, args };
  const { local, companions, followingSubject } = partiesOfClause(site, reporter);
  // (past an aside in brackets: 先進7カ国首脳会議(G7サミット)には首相が出席し)
  const past = afterGloss(text, end);
  const head = relativeHead(text, end, args.actors);
  const { status, heldAgreement, relative } = statusOfTrigger(ctx, site);
  if (status === "negated" || status === "proposed") return null;
  const dated = dateOfTrigger(site, lastDate, past, {
    status,
    heldAgreement,
    relative,
  });
  if (!dated) return null;
  const { timex, until, source, week, referenceOnly, purposeOfTrip } = dated;
  const date = timex?.value ?? doc.source.published;
  let actors: ActorRef[] = [];
  let recipients: ActorRef[] = [];
  let place: PlaceArg | null =
    pickPlace(text, args.places, clause, start, ["で", "では", "での"]) ??
    // (not a gathering: 14日にリマに到着し、APEC非公式首脳会議への出席…を開始した is where it is held, not when)
    (trigger.roles !== "visit" && trigger.mode !== "multilateral"
      ? reachedBefore(text, args.places, sentence.start, clause.start)
      : null);
  let object: string | undefined;
  let forum: string | undefined;
  // 電話で約25分間会談した: talks held by telephone, however much stands between
  let mode =
    trigger.mode === "meet" &&
    (BY_PHONE.test(text.slice(Math.max(clause.start, start - 16), start)) ||
      // 各国の首脳と相次いで電話で会談していて、20日には…と、24日には…と会談しています: talks the sentence
      // began by telling as held by telephone, held nowhere in particular, and held already
      // (by the same speaker: not 池田外相も現地入りして大統領と会談した after 首相は…電話で会談して)
      (!place &&
        !local.some((a) => isSubject(a) && a.end <= start) &&
        PHONE_EARLIER.test(text.slice(sentence.start, clause.start)) &&
        !stillToCome(ctx, text.slice(start, sentence.end))))
      ? "phone"
      : trigger.mode;
  let split: [ActorArg, ActorArg[]] | null = null;
  let pairs: [ActorArg, ActorArg][] | null = null;
  /** Those who make a visit, one list per visit. */
  let visitors: ActorRef[][] = [];
  // 日本、韓国、中国を歴訪する: the states listed before the one visited are visited too
  let alsoVisited: PlaceArg[] = [];
  /** For a summit between states, the states before they were read as their leaders. */
  let atLeaderLevel: ActorRef[] | null = null;

  if (trigger.roles === "hosting") {
    // バイデン氏は来週、岸田文雄首相を国賓として迎え: the one received visits the host's state
    const guestArg = [...local].reverse().find((a) => a.particle === "を" && a.end <= start);
    const hostArg = [...local].reverse().find((a) => isSubject(a) && a.end <= start) ?? topic;
    const host = hostArg?.actors[0] && (hostArg.actors[0].country ?? hostArg.actors[0].id);
    if (!guestArg || !host) return null;
    // (ホワイトハウスに…アリエフ大統領と…パシニャン首相を招いて: each one received makes a visit)
    const guests = coordinatedSubject(text, local, guestArg)!.actors;
    visitors = travelTogether(
      guests.filter((g) => g.kind === "person" && !!g.country && g.country !== host),
      text.slice(clause.start, start),
    );
    if (visitors.length === 0) return null;
    actors = visitors[0]!;
    recipients = [stateActor(lex, host)];
  } else if (trigger.roles === "visit") {
    // (文在寅大統領も交えた日中韓首脳会議のため来日: one a noun phrase takes in is not who comes)
    const takenIn = (a: ActorArg) => {
      const at = afterGloss(text, a.end);
      return /^(?:も|を)(?:交え|加え|含め)/.test(text.slice(at, at + 4));
    };
    const subject = [...local]
      .reverse()
      .find((a) => isSubject(a) && !takenIn(a) && a.actors.every((x) => x.kind === "person"));
    // オバマ大統領とロシアのメドベージェフ大統領は8日、…プラハを訪れ: each person of a coordinated subject travels
    const travellers = subject && coordinatedSubject(text, local, subject);
    const visitorArg =
      head ??
      (travellers?.actors.every((x) => x.kind === "person") ? travellers : subject) ??
      // プーチン大統領の北朝鮮訪問, 習主席の訪日: the visitor qualifies the visit itself (日本の外相の訪中
      // in another year: the office, standing for its state)
      local.find(
        (a) =>
          a.particle === "の" &&
          (a.actors[0]?.kind === "person" || a.resolved.via === "title") &&
          // (ラブロフ氏の単独での訪朝: how the visit was made may stand between)
          /^の(?:[\u30A0-\u30FF\u4E00-\u9FFF・]{0,8}(?:での|の)?)?$/.test(text.slice(a.end, start)),
      ) ??
      (sentence.headline
        ? local.find(
            (a) => a.particle === " " && a.actors.length === 1 && a.actors[0]!.kind !== "organization",
          )
        : undefined) ??
      (unknownSubject(text, local, clause.start, start) ? undefined : topic);
    const visitor = visitorArg?.actors[0];
    if (!visitor) return null;
    const dest = destination(doc, ctx, trigger, text.slice(start, end), args.places, clause, start, end);
    const host = dest?.state ?? dest?.entry?.country;
    if (!dest || !host) {
      // 同仁堂の製薬工場を視察した: a site the lexicon does not know — visited on a trip, if the text
      // reports one, in the state the trip went to (merge.ts)
      // (中東を歴訪中の: a tour is of states, not of a site)
      if (
        !SITE_VISITED.test(text.slice(clause.start, start)) ||
        visitor.kind !== "person" ||
        text.startsWith("歴訪", start)
      )
        return null;
      actors = [visitor];
      // (…コムソモリスクナアムーレで…工場や造船所を視察し: where the clause puts it, abroad, is the site's city)
      const siteState = place?.state ?? place?.entry?.country;
      if (place && siteState && siteState !== visitor.country) recipients = [stateActor(lex, siteState)];
      else place = null;
    } else {
      // 両首脳は10日にシンガポール入りし: each traveller makes a visit of their own (but see travelTogether)
      visitors = travelTogether(
        visitorArg.actors.filter((a) => a.country !== host),
        text.slice(clause.start, start),
      );
      if (visitors.length === 0) return null;
      actors = visitors[0]!;
      recipients = [stateActor(lex, host)];
      place = dest;
      alsoVisited = statesListedBefore(text, args.places, dest, clause.start);
    }
  } else {
    const roles: Roles = { actors, recipients, place, object, forum, mode, split, pairs, atLeaderLevel };
    // (the site's fields named, not spread: spreading an object per trigger cost V8 far more)
    const scope: TriggerScope = {
      doc,
      trigger,
      start,
      end,
      sentence,
      clause,
      args,
      ctx,
      topic,
      local,
      companions,
      followingSubject,
      head,
      timex,
      date,
    };
    if (!readOtherRoles(scope, roles)) return null;
    ({ actors, recipients, place, object, forum, mode, split, pairs, atLeaderLevel } = roles);
  }
  // (a joint text announced with no signer named, 外相会談が開かれ、…共同声明を発表しました, is the meeting's:
  // reachedAtMeeting gives it the parties)
  if (actors.length === 0 && trigger.type !== "AGREE" && !(trigger.roles === "signing" && trigger.near))
    return null;
  const daysEnded =
    trigger.roles === "visit" && timex && timex.end <= start
      ? tripEnded(text, clause.start, start, end)
      : undefined;
  const days = daysEnded
    ? undefined
    : ((trigger.roles === "visit" ? tripDays(text.slice(clause.start, clause.end)) : undefined) ??
      (timex ? daysFrom(text, timex) : undefined));
  const base: Candidate = {
    partial: referenceOnly || purposeOfTrip,
    ...(until ? { until } : {}),
    ...(days ? { days } : {}),
    ...(daysEnded ? { daysEnded } : {}),
    trigger,
    triggerStart: start,
    triggerEnd: end,
    sentence,
    type: trigger.type,
    mode,
    status,
    actors,
    recipients,
    timex,
    dateSource: source,
    place,
    ...(object ? { object } : {}),
    ...(week ? { week } : {}),
    ...(forum ? { forum } : {}),
  };
  const out: Candidate[] = [base, ...visitors.slice(1).map((v) => ({ ...base, actors: v }))];
  for (const other of alsoVisited)
    out.push({ ...base, recipients: [stateActor(lex, other.state!)], place: other });
  // 「日中共同文書」と地球温暖化対策に関する共同声明を発表する: two documents, two signings
  const also = object
    ? coordinatedAgreement(text, clause.start, start, object, ctx.documents.endsName)
    : undefined;
  if (also) out.push({ ...base, object: also });
  if (pairs && trigger.roles === "reciprocal")
    out.splice(
      0,
      1,
      ...pairs.map(([a, b]) => ({ ...base, actors: uniqueActors([...a.actors, ...b.actors]) })),
    );
  else if (split && trigger.roles === "reciprocal") {
    const [subject, counterparts] = split;
    // 7日にモスクワを、8日にはキエフを相次いで訪れ、プーチン露大統領、ゼレンスキー大統領とそれぞれ会談した:
    // each counterpart met on the visit listed in the same place, on its day and in its city
    const trips = /それぞれ/.test(text.slice(clause.start, start))
      ? visitsListed(text, args, sentence.start, clause.start)
      : [];
    out.splice(
      0,
      1,
      ...counterparts.map((c, i) => {
        if (trips.length === counterparts.length)
          return {
            ...base,
            timex: trips[i]!.timex,
            dateSource: "clause" as const,
            place: trips[i]!.place,
            actors: uniqueActors([...subject.actors, ...c.actors]),
          };
        // 同日午後に谷内局長と、30日には岸田外相と: each meeting has the date written before it
        // (not a date of a relative clause about the counterpart: 6月の総選挙を経て就任したばかりの…首相と)
        const own = args.timexes
          .filter(
            (t) =>
              t.end <= c.start &&
              t.start >= clause.start &&
              !DATED_RELATIVE_CLAUSE.test(text.slice(t.end, c.end) + c.particle),
          )
          .pop();
        const dated = own && own.start > subject.end ? { timex: own, dateSource: "clause" as const } : {};
        // (9日にはパリでマクロン大統領と、10日にはローマでメローニ首相と: and the place written after it)
        const there =
          own && own.start > subject.end
            ? args.places.filter((p) => p.start >= own.end && p.end <= c.start && p.particle === "で").pop()
            : undefined;
        return {
          ...base,
          ...dated,
          ...(there ? { place: there } : {}),
          actors: uniqueActors([...subject.actors, ...c.actors]),
        };
      }),
    );
  }
  // 両首脳は今年5月にソチで、9月にウラジオストクで、11月にはリマで会談しており: one meeting on each date, at
  // the place written after it
  // (マクロン大統領は7日にモスクワを、8日にはキエフを相次いで訪れ: one visit on each date, to the place
  // written after it)
  const visiting = trigger.roles === "visit";
  const stops =
    trigger.type === "CONSULT" && out.length === 1
      ? datedStops(text, args, clause, start, visiting ? "を" : "で")
      : [];
  const stateOf = (p: PlaceArg) => p.state ?? p.entry?.country;
  if (stops.length >= 2 && (!visiting || stops.every((s) => stateOf(s.place))))
    out.splice(
      0,
      1,
      ...stops.map((s) => ({
        ...base,
        timex: s.timex,
        dateSource: "clause" as const,
        place: s.place,
        ...(visiting ? { recipients: [stateActor(lex, stateOf(s.place)!)] } : {}),
      })),
    );
  for (const earlier of base.actors.length > 0 ? earlierOccurrences(doc, args, start, end) : []) {
    // 二日午前、前日に続いて…首脳会談を行い: talks held again the next day are one meeting over both days
    if (
      out.length === 1 &&
      base.timex &&
      !base.until &&
      CONTINUED_FROM.test(text.slice(earlier.timex.end, earlier.timex.end + 6)) &&
      dayBefore(earlier.timex, base.timex)
    ) {
      out[0] = { ...base, timex: earlier.timex, until: base.timex };
      continue;
    }
    out.push({
      ...base,
      // the leaders of an earlier summit are those of its own day
      // (…会談した外国首脳は、先月の菅義偉首相に続き: one of another state is the other party)
      actors: earlier.person
        ? base.actors.some((a) => a.country === earlier.person!.country)
          ? base.actors.map((a) => (a.country === earlier.person!.country ? earlier.person! : a))
          : uniqueActors([...base.actors, earlier.person])
        : atLeaderLevel
          ? statesToLeaders(lex, atLeaderLevel, earlier.timex.value, (id) => namedInDocument(doc, id))
          : base.actors,
      partial: false,
      timex: earlier.timex,
      dateSource: "clause",
      status: "occurred",
      // (a visit's destination is the word's own: 訪中が実現すれば、2019年1月以来 was to China too)
      place: earlier.place ?? (trigger.roles === "visit" ? base.place : null),
    });
  }
  return out;
}

/** 20日に帰国する, 20日には離日する: after the day a traveller leaves. */
const RETURN_AFTER = /^(?:に|には)(?:帰国|帰途|離日|離韓|出国|帰任)/;

/** 前日に続いて, 前日に引き続き: after the date of what is being continued. */
const CONTINUED_FROM = /^に(?:引き)?続(?:いて|き)/;

/** Whether two dates are days, the first the day before the second. */
const dayBefore = (a: Timex, b: Timex) =>
  a.granularity === "day" && b.granularity === "day" && epochDay(b.date) - epochDay(a.date) === 1;

/**
 * Dates before a trigger each followed by a place of its own (5月にソチで、9月にウラジオストクで、11月には
 * リマで会談; 7日にモスクワを、8日にはキエフを相次いで訪れ): every date of the clause before the trigger, each
 * with one place marked by the particle (で for meetings, を for visits) before the next date (or the trigger),
 * the pairs joined by 、. Anything else is no list of stops: none.
 */
function datedStops(
  text: string,
  args: SentenceArguments,
  clause: { start: number; end: number },
  start: number,
  particle: "で" | "を",
): { timex: Timex; place: PlaceArg }[] {
  const dates = args.timexes.filter((t) => t.start >= clause.start && t.end <= start);
  if (dates.length < 2) return [];
  const stops: { timex: Timex; place: PlaceArg }[] = [];
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i]!;
    const until = dates[i + 1]?.start ?? start;
    const place = args.places
      .filter((p) => p.start >= t.end && p.end <= until && p.particle === particle)
      .pop();
    if (!place) return [];
    // between the place and what follows: 、 before the next date, nothing (or 相次いで) before the trigger
    const gap = text.slice(place.end + 1, until);
    if (i + 1 < dates.length ? gap !== "、" : !/^(?:相次いで|それぞれ)?$/.test(gap)) return [];
    stops.push({ timex: t, place });
  }
  return stops;
}

/** The dated visits a clause lists before the one it ends in (7日にモスクワを、8日にはキエフを相次いで訪れ、). */
function visitsListed(
  text: string,
  args: SentenceArguments,
  from: number,
  to: number,
): { timex: Timex; place: PlaceArg }[] {
  const verb = /(?:相次いで|それぞれ)?(?:訪れ|訪問し)、$/.exec(text.slice(from, to));
  if (!verb) return [];
  const at = to - verb[0].length;
  const gapBefore = /^(?:相次いで|それぞれ)/.exec(verb[0])?.[0].length ?? 0;
  return datedStops(text, args, { start: from, end: to }, at + gapBefore, "を");
}

/** 3泊4日の日程で, 4日間の日程で: a trip's length in days, as its clause announces it. */
const TRIP_LENGTH = new RegExp(`(?:${NUMBER}泊(${NUMBER})日|(${NUMBER})日間)の日程`);

/** 26日から3日間行われた, 15日から2日間の日程で: a length in days counted from the date. */
const FOR_DAYS = new RegExp(`^から(${NUMBER})日間`);

function daysFrom(text: string, from: Timex): number | undefined {
  const m = FOR_DAYS.exec(text.slice(from.end, from.end + 8));
  const n = m && readNumber(m[1]!);
  return n && n > 1 && n <= 31 ? n : undefined;
}

/** 6日間にわたるロシア訪問の日程を終え: a trip's length in days, told as it ends. */
const LASTED = new RegExp(`(${NUMBER})日間(?:にわたる|の)[^、。]{0,12}$`);
const ENDED = /^(?:の日程)?を(?:終え|終了し)/;

function tripEnded(text: string, clauseStart: number, start: number, end: number): number | undefined {
  if (!ENDED.test(text.slice(end, end + 8))) return undefined;
  const m = LASTED.exec(text.slice(clauseStart, start));
  const n = m && readNumber(m[1]!);
  return n && n > 1 && n <= 31 ? n : undefined;
}

function tripDays(clause: string): number | undefined {
  const m = TRIP_LENGTH.exec(clause);
  const n = m && readNumber((m[1] ?? m[2])!);
  return n && n > 1 && n <= 31 ? n : undefined;
}

/** Whether one of the words comes before `at` in the sentence or the one before it. */
function inContext(doc: AnalysedDocument, words: readonly string[], sentence: Sentence, at: number): boolean {
  const from = doc.sentences[sentence.index - 1]?.start ?? sentence.start;
  const before = doc.norm.text.slice(from, at);
  return words.some((w) => before.includes(w));
}

/** プーチン氏が来日した際の首脳会談: the visit, and the state it went to, the summit was held on. */
const VISIT_OCCASION = /[来訪](.)(?:した|する|中の)際の?$/;

/**
 * 両首脳は…。…国防相会談を来月平壌で開く: talks named by a portfolio (国防相会談, 外相会談) are not those of
 * a topic whose people hold other offices.
 */
function otherPortfolio(lex: Lexicon, topic: ActorArg, word: string): boolean {
  const portfolio = portfolioNamed(lex, word);
  if (!portfolio) return false;
  return topic.actors.every(
    (a) => a.kind === "person" && !!a.office && lex.offices.get(a.office)?.portfolio !== portfolio,
  );
}

/**
 * A word of `near` in the trigger's sentence, up to 30 characters before it (a title in brackets not
 * counted: 共同声明「新たな時代における…」を発表し) or 12 after.
 */
function nearTrigger(text: string, words: readonly string[], sentence: Sentence, start: number, end: number) {
  // (a quotation says nothing of the trigger, but a name in brackets it governs does: 「日中共同プレス発表」を発表)
  const before = text
    .slice(sentence.start, start)
    .replace(/「[^「」]*」(?!(?:を|に|も)?$)/g, "")
    .slice(-30);
  const after = text.slice(end, Math.min(sentence.end, end + 12));
  return words.some((w) => before.includes(w) || after.includes(w));
}

/**
 * 北朝鮮が…通報していたことについて、岸田総理大臣は「…」と述べ、中止を求めました: a later topic (は)
 * before the trigger, after the sentence's first subject, is whom the trigger is about.
 */
function nearerTopic(
  doc: AnalysedDocument,
  args: SentenceArguments,
  first: ActorArg | undefined,
  triggerStart: number,
): ActorArg | undefined {
  if (!first) return undefined;
  return args.actors
    .filter(
      (a) =>
        a.start > first.end &&
        a.end <= triggerStart &&
        a.particle === "は" &&
        !inReportedSpeech(doc, a.start, a.end),
    )
    .pop();
}

/** What stands between a person and one of their kin or staff named next: 大統領(の)夫人の, 首相の側近の. */
const KIN_OR_STAFF_OF =
  /^の?(?:夫人|令夫人|妻|夫|長女|次女|娘|長男|次男|息子|母|父|妹|弟|姉|兄|側近|特使|秘書|補佐官)(?:の|である|、)$/;

/** 北朝鮮を公式訪問しているロシアのプーチン大統領: the noun a trigger's relative clause modifies. */
function relativeHead(text: string, triggerEnd: number, actors: ActorArg[]): ActorArg | undefined {
  const rel = /^(?:している|していた|してきた|した際の|した|する|中の|中で)/.exec(
    text.slice(triggerEnd, triggerEnd + 6),
  );
  if (!rel) return undefined;
  const after = triggerEnd + rel[0].length;
  // 一致したほか、確認した上で: a conjunction goes on to another clause, not to a noun the trigger modifies
  if (/^(?:ほか|うえ|上で|あと|後|ため|結果|ものの|のに)/.test(text.slice(after, after + 3)))
    return undefined;
  // the head noun phrase may carry qualifiers and an apposition (中国外交トップ、楊潔篪国務委員)
  const heads = actors.filter(
    (a) =>
      a.start >= after &&
      a.start <= after + 16 &&
      /^[^。はがをにでと]*$/.test(text.slice(after, a.start)) &&
      a.actors.length === 1,
  );
  // (訪問中のペルーの首都リマで: a state after 訪問中の is where the visit is, not who makes it)
  let head =
    heads.find((a) => a.actors[0]!.kind === "person") ?? (rel[0].startsWith("中") ? undefined : heads[0]);
  if (!head) return head;
  // 訪韓したゼレンスキー大統領夫人のオレナ・ゼレンスカ氏: the head is the one of kin or staff named after
  const next = actors[actors.indexOf(head) + 1];
  if (next?.actors[0]?.kind === "person" && KIN_OR_STAFF_OF.test(text.slice(head.end, next.start)))
    head = next;
  // ワシントンで会談したケリー国務長官と王毅外相が: the head may be several, joined by と or 、
  const joined = [head];
  for (let i = actors.indexOf(head); i + 1 < actors.length; i++) {
    const a = actors[i]!;
    const next = actors[i + 1]!;
    if (!coordinated(text, a, next)) break;
    joined.push(next);
  }
  const last = joined[joined.length - 1]!;
  return joined.length === 1
    ? head
    : { ...last, start: head.start, actors: uniqueActors(joined.flatMap((a) => a.actors)) };
}

function nextIsPartyOrTrigger(text: string, a: ActorArg, local: ActorArg[], triggerStart: number): boolean {
  const afterNo = a.end + 1;
  if (afterNo >= triggerStart - 1 && afterNo <= triggerStart) return true;
  // 日本、中国、韓国の3カ国による首脳会議: the count of the states listed stands before the trigger
  if (COUNTED_STATES.test(text.slice(afterNo, triggerStart))) return true;
  // 両首脳の対面での会談, 両外相の初めての電話会談: how they met stands before the trigger
  if (MEETING_MANNER.test(text.slice(afterNo, triggerStart))) return true;
  // 日本と北朝鮮の局長級による政府間協議: the level they meet at stands before the trigger
  if (MEETING_LEVEL_BY.test(text.slice(afterNo, triggerStart))) return true;
  // 日本と北朝鮮の第1回本会談, 米朝の2回目の首脳会談: which of a series it is stands before the trigger
  if (MEETING_IN_SERIES.test(text.slice(afterNo, triggerStart))) return true;
  return local.some((b) => b.start === afterNo && isParty(b));
}

/** 製薬工場を(視察した), 慰霊碑を(訪れ): a site named as the object of a visit, no state or city. */
const SITE_VISITED = /[\u4E00-\u9FFF\u30A0-\u30FF](?:を|も)$/;

/** 岸田首相を(国賓として)迎え: whom a host receives. */
const RECEIVED = /^を(?:[^、。]{0,8}として)?(?:迎え|出迎え|招い|招き)/;

/** …する予定だったが、…同年11月に延期した: a plan moved to another date (its date, then に延期). */
const MOVED_TO = /^[^。「」]{0,8}?予定だったが[^。]*?に延期/;

/** 電話で(約25分間): the means of the talks that follow, with what may stand between. */
const BY_PHONE =
  /(?:電話|テレビ会議|ビデオ会議|オンライン)(?:で|により|を通じて|形式で|方式で)[^。「」]{0,10}$/;

/**
 * 支倉常長の一行がハバナに立ち寄った: a subject marked が the lexicon does not know, between the clause's
 * start and the trigger — the clause is about someone else than the sentence's topic.
 */
function unknownSubject(text: string, local: readonly ActorArg[], from: number, to: number): boolean {
  for (let i = text.lastIndexOf("が", to - 1); i > from; i = text.lastIndexOf("が", i - 1)) {
    // (not one of a clause describing a noun: 民間人虐殺が起きたキーウ近郊のブチャを訪れ; nor leaders named
    // by their rank, G7の首脳が中国を訪れるのは: the topic, told of again)
    if (
      !NOUN_BEFORE_GA.test(text[i - 1]!) ||
      text[i + 1] === "、" ||
      relativeClauseFollows(text, i + 1, "clause") ||
      /(?:首脳|元首|指導者)$/.test(text.slice(Math.max(0, i - 3), i))
    )
      continue;
    if (local.some((a) => a.end === i || (a.start < i && a.end > i))) return false;
    return true;
  }
  return false;
}
const NOUN_BEFORE_GA = /[\u4E00-\u9FFF\u30A1-\u30FA\u30FC]/;

/** 年内, 今年中: some time before the year ends, still to come. */
const WITHIN_THE_YEAR = /^(?:年内|今年中|ことし中|本年中|今年内)/;

/** 電話で会談していて, 電話会談を行い: talks by telephone told in an earlier clause. */
const PHONE_EARLIER =
  /(?:(?:電話|テレビ会議|ビデオ会議|オンライン)(?:で|により|を通じて|形式で|方式で)[^。「」]{0,10}?(?:会談|協議|話し|意見を交わ)|電話(?:会談|協議))/;
/** 予定, 方向で調整, 見通し, たい考え: a cue of triggers.yaml that something is still to come, or only proposed. */
const stillToCome = (ctx: PipelineContext, rest: string) =>
  [...ctx.statusCues.planned, ...ctx.statusCues.proposed].some((w) => rest.includes(w));

/** 日韓(首脳会合): two states written as one compound just before a trigger. */
const isPairCompound = (a: ActorArg, triggerStart: number) =>
  !!a.compound &&
  a.end === triggerStart &&
  a.actors.length === 2 &&
  a.actors.every((x) => x.kind === "state");

/** What follows a trigger inside the content of a document: …することも明記した, …することなどを盛り込んだ. */
const PROVIDED_FOR = new RegExp(
  `^[^。、「」]{0,16}?こと(?:への[^。、「」]{0,8}?)?(?:など)?(?:も|を|が)?${PROVIDES}`,
);

/**
 * A date's verb in a relative clause describing a noun other than the event (5月1日に即位された天皇陛下と):
 * the noun and its particle stand between that verb and the trigger (not 22日に行われた首脳会談).
 */
/** 11日から開かれていた(…会談の全体会議に臨み、): the start of a gathering a relative clause describes, a clause ago. */
const STARTED_GATHERING = /^から(?:開かれ|始ま|行われ|続い)(?:てい)?(?:た|る)[^。「」]*?、[^。]*$/;

const DATED_RELATIVE_CLAUSE =
  /^(?:に[^、。「」]{0,12}?|の[^、。「」]{1,14}?)(?:された|れた|した|った|えた|いた)(?!際)[^、。「」]{1,16}?(?:と|を|に|から)(?:それぞれ|も|ともに)?$/;

/** 5日に平壌を訪れた(韓国の特使団と): a relative clause telling the day a party arrived. */
const ARRIVED_FOR =
  /^に[^、。「」]{0,10}?(?:を訪れた|を訪問した|入りした|に到着した|来日した|訪朝した|訪韓した|訪中した)/;

/**
 * 朝鮮中央通信は6日、金委員長が5日に…と面会したと報じた: a date right after the topic of a sentence that reports
 * what follows, when the report gives a date of its own before the trigger, is the report's.
 */
function reportDated(
  text: string,
  t: Timex,
  triggerStart: number,
  sentenceEnd: number,
  timexes: readonly Timex[],
): boolean {
  return (
    text[t.start - 1] === "は" &&
    text[t.end] === "、" &&
    timexes.some((u) => u.start > t.end && u.end <= triggerStart) &&
    /^[^。「」]*?と(?:報じ|伝え)/.test(text.slice(triggerStart, sentenceEnd))
  );
}

/**
 * 当時は, 当時、 opening a clause (not a title's (当時)): at the time just spoken of; 前回は: at the earlier
 * occurrence just counted from (…2019年9月以来。前回は…条約に署名した).
 */
const THEN = /(?:^|、)(?:当時|前回)(?:は|、|に|も)/;
/** この際、その際、: the occasion just told, which a sentence opens on. */
const OCCASION_OPENS = /^(?:この際|その際|この時|その時)(?:に)?、/;

/** …からの停戦などで, …までの撤退を: a date bounding a noun that the trigger takes as its content. */
const SPAN_OF_CONTENT = /^(?:[(（][^)）]*[)）])?(?:から|まで)の[^、。]{1,16}?(?:で|を|に|$)/;

/** Whether the words counting from a date (firstSinceEnd; -1: none) end before the trigger starts. */
const countedBeforeTrigger = (end: number, start: number) => end >= 0 && end <= start;

/** The date of a trigger: its clause's, else its sentence's, else the discourse's, else publication. */
function pickDate(
  doc: AnalysedDocument,
  args: SentenceArguments,
  clause: { start: number; end: number },
  start: number,
  end: number,
  lastDate: Timex | null,
): { timex: Timex | null; source: EventDate["source"] } {
  const text = doc.norm.text;
  // 98年9月に来日する予定だったが、…同年11月に延期した: the date it was moved to
  const moved = MOVED_TO.exec(text.slice(end, args.sentence.end));
  if (moved) {
    const at = end + moved[0].length - 3;
    const to = args.timexes.filter((t) => t.start >= end && t.end <= at).pop();
    if (to?.end === at) return { timex: to, source: "clause" };
  }
  // 「2019年4月の会談以来」: this trigger is the earlier occurrence, dated by the date before it
  if (/^(?:して)?以来/.test(text.slice(end, end + 4))) {
    const earlier = args.timexes.filter((t) => t.end <= start && t.start >= clause.start);
    if (earlier.length) return { timex: earlier[earlier.length - 1]!, source: "clause" };
  }
  // 「習主席がピョンヤンを訪れた2019年6月以来」: this trigger describes the date an earlier occurrence was on
  const described = args.timexes.find(
    (t) =>
      t.start >= end &&
      t.start <= end + 2 &&
      /^(?:した|た|し)?$/.test(text.slice(end, t.start)) &&
      sinceDate(text, t),
  );
  if (described) return { timex: described, source: "clause" };
  // 「訪ロは2002年8月以来9年ぶりで、当時はウラジオストクで…会談した」: 当時 is the date just mentioned, one
  // counted from included
  // (この際、その際: a sentence that opens on the occasion just told, with no date of its own)
  const occasion = OCCASION_OPENS.exec(text.slice(args.sentence.start, start));
  const then =
    THEN.exec(text.slice(clause.start, start)) ??
    (occasion && !args.timexes.some((t) => t.end <= start) ? occasion : null);
  if (then) {
    const at = then === occasion ? args.sentence.start : clause.start + then.index;
    const earlier = doc.timexes.filter(
      (t) => t.end <= at && !t.converted && !inReportedSpeech(doc, t.start, t.end),
    );
    if (earlier.length) return { timex: earlier[earlier.length - 1]!, source: "clause" };
  }
  // otherwise a date followed by 以来 dates an earlier occurrence, not this one
  const own = args.timexes.filter(
    (t) =>
      !t.converted &&
      !sinceDate(text, t) &&
      !/^(?:ぶり|間)/.test(text.slice(t.end, t.end + 2)) &&
      // 「訪米は当初9日で調整されていたが、…延期された」: the date first planned, not the one kept
      !(
        /当初は?$/.test(text.slice(Math.max(0, t.start - 3), t.start)) &&
        /延期|ずれ込|変更|繰り延べ|前倒し/.test(text.slice(t.end, clause.end + 40))
      ) &&
      // 「去年夏から途絶えていた」: the start of a state of affairs, not of this event
      !/^から[^。]{0,16}?(?:途絶え|続い|続け|中断|停止|凍結|悪化|冷え込|低迷|膠着)/.test(
        text.slice(t.end, t.end + 24),
      ) &&
      // 「2003年の就任後初の来日」: the date of another event the text counts from
      !(t.end < start && COUNTED_FROM.test(text.slice(t.end, start))) &&
      // 「15日午前0時からの停戦などで合意した」: when what is agreed or done takes effect, not this event's day
      !(t.end < start && SPAN_OF_CONTENT.test(text.slice(t.end, start))) &&
      // (10月の党大会を経て…発足させてから、初の日中首脳会談: counted from before the trigger, past its clause)
      !(t.end < start && countedBeforeTrigger(firstSinceEnd(text, t), start)) &&
      // 「二日午前、前日に続いて…首脳会談を行い」: the day of the talks continued (earlierOccurrences)
      !(t.end < start && CONTINUED_FROM.test(text.slice(t.end, t.end + 6))) &&
      // 「1月の電話会談で、早期の対面会談に向けて」: the date of another meeting, at which this one was discussed
      !(t.end < start && OTHER_MEETING_DATED.test(text.slice(t.end, start))) &&
      // 「5月1日に即位された天皇陛下と会見した」, 「6月の総選挙を経て就任したばかりのエルデネバト首相とそれぞれ会談
      // した」: the date of a relative clause about a party (but the day a party
      // arrived dates the meeting it came for: 5日に平壌を訪れた韓国の特使団と面会し)
      !(
        t.end < start &&
        DATED_RELATIVE_CLAUSE.test(text.slice(t.end, start)) &&
        !ARRIVED_FOR.test(text.slice(t.end, start))
      ) &&
      // 「13日午前、11日から開かれていた…会談の全体会議に臨み、…に署名した」: the first day of a gathering a
      // relative clause describes dates the gathering, not what is done after it in the sentence
      !(t.end < start && STARTED_GATHERING.test(text.slice(t.end, start))) &&
      // 「朝鮮中央通信は6日、…が5日に…と面会したと報じた」: the day of the report, before the day of what it reports
      !(t.end < start && reportDated(text, t, start, args.sentence.end, args.timexes)) &&
      // 「交渉を来月中に再開することなどを盛り込んだ宣言に署名」: a date inside the content of a
      // nominalised clause before the trigger belongs to that content
      // (…来年にも改正することで合意し: the trigger may begin with the こと itself; not 両政府は22日、…することで合意:
      // a date set off by a comma is the sentence's)
      !(
        t.end < start &&
        text[t.end] !== "、" &&
        /^[^。「」]*?こと(?:など)?(?:を|が|に|で)/.test(text.slice(t.end, end)) &&
        // (a meeting agreed on is dated by its own day: 高位級会談を来月1日に開催することで合意)
        !/開催|開く|行う|会談|協議/.test(text.slice(t.end, start))
      ) &&
      // 「1956年の日ソ共同宣言を基礎に」, 「…加速で一致 56年共同宣言を基礎」: the date of a named
      // agreement, not of this event, before or after its trigger
      // (but 72年の日中共同声明に署名した: the agreement's date is the signing's own)
      (!DATED_AGREEMENT.test(text.slice(t.end, t.end < start ? Math.min(start, t.end + 48) : t.end + 48)) ||
        (t.end < start && SIGNED_HERE.test(text.slice(t.end, end)))),
  );
  // (and a date inside a name in brackets names it: 「9月平壌共同宣言」に署名した)
  const outside = own.filter((t) => !inBrackets(doc, t.start, t.end));
  // 盧大統領と金総書記、「平和繁栄宣言」に署名 来月ソウルで首相会談: a date after a headline's space is the
  // next phrase's
  // (not a space in a gloss: 習近平(Xi Jinping)国家主席は21日)
  const pastSpace = (t: Timex) =>
    t.start >= end && /[ \u3000]/.test(text.slice(end, t.start).replace(/\([^()]*\)/g, ""));
  const inClause = outside.filter((t) => t.start >= clause.start && t.end <= clause.end);
  // 今年3回目となる南北首脳会談を18日から20日まで…開く: a period the event is counted in yields to its own day
  // after the trigger
  const countedIn = (t: Timex) =>
    t.end <= start &&
    COUNTED_IN_PERIOD.test(text.slice(t.end, t.end + 8)) &&
    inClause.some((x) => x.start >= end);
  const before = inClause.filter((t) => t.end <= start && !countedIn(t));
  if (before.length) {
    // 15日にも、今月の議長国を務める…会合が開かれ: a month qualifying another noun (今月の議長国) leaves the
    // event the day before it that lies within it
    const last = before[before.length - 1]!;
    const within = text.startsWith("の", last.end) ? spanDays(last.value, last.value) : null;
    const finer = before.find((t) => {
      const d =
        t !== last && t.granularity === "day" && last.granularity !== "day"
          ? spanDays(t.value, t.value)
          : null;
      return !!d && !!within && within[0] <= d[0] && d[1] <= within[1];
    });
    return { timex: finer ?? last, source: "clause" };
  }
  const afterT = inClause.filter((t) => t.start >= end && !pastSpace(t));
  if (afterT.length) return { timex: afterT[0]!, source: "clause" };
  // 岸田氏はこれに先立ち、王毅外相とも会談し、…今月中旬にも発表する談話: before the event the article is
  // about, on its day as far as the text tells, not a date another clause gives
  // (findCandidates dates it by the event reported before it)
  if (PRIOR_TO_THIS.test(text.slice(Math.max(0, clause.start - 10), start)))
    return lastDate ? { timex: lastDate, source: "discourse" } : { timex: null, source: "published" };
  // 習氏は21日まで滞在し、金委員長と首脳会談を行う: the end of another clause's span dates nothing else
  const elsewhere = outside.filter((t) => !text.startsWith("まで", t.end) && !pastSpace(t));
  const sentenceBefore = elsewhere.filter((t) => t.end <= start);
  if (sentenceBefore.length) return { timex: sentenceBefore[sentenceBefore.length - 1]!, source: "sentence" };
  if (elsewhere.length) return { timex: elsewhere[0]!, source: "sentence" };
  const quoted = own.filter((t) => inReportedSpeech(doc, t.start, t.end));
  if (quoted.length) return { timex: quoted[0]!, source: "sentence" };
  if (lastDate) return { timex: lastDate, source: "discourse" };
  // far from any date: the day the article is about (its most cited date), if it has one
  const focal = focalTimex(doc);
  if (focal) return { timex: focal, source: "discourse" };
  return { timex: null, source: "published" };
}

const focalCache = new WeakMap<AnalysedDocument, Timex | null>();

/**
 * The day-granular date the article cites most often, outside quotations (ties: the first), if cited more
 * than once; else the day its lead reports.
 */
/**
 * The day the lead reports (イスラエルとUAE、バーレーンは15日、…署名した), when it is not after publication:
 * what an article about one day's news tells with no date of its own, far from any, happened that day.
 */
function leadDay(doc: AnalysedDocument): Timex | null {
  const lead = doc.sentences.find((s) => !s.headline);
  if (!lead) return null;
  const published = doc.source.published?.slice(0, 10);
  const day = doc.timexes.find(
    (t) =>
      t.start >= lead.start &&
      t.end <= lead.end &&
      t.granularity === "day" &&
      !t.converted &&
      !inReportedSpeech(doc, t.start, t.end),
  );
  return day && (!published || day.value.slice(0, 10) <= published) ? day : null;
}

function focalTimex(doc: AnalysedDocument): Timex | null {
  if (focalCache.has(doc)) return focalCache.get(doc)!;
  const counts = new Map<string, { n: number; t: Timex }>();
  for (const t of doc.timexes) {
    if (t.granularity !== "day" || inReportedSpeech(doc, t.start, t.end)) continue;
    const c = counts.get(t.value) ?? { n: 0, t };
    c.n++;
    counts.set(t.value, c);
  }
  let best: { n: number; t: Timex } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  const focal = best && best.n >= 2 ? best.t : leadDay(doc);
  focalCache.set(doc, focal);
  return focal;
}

/**
 * The subject of a relative clause ending at `end`: the last actor marked が before it, with those joined
 * to it by と or や (小渕総理大臣とキム・デジュン大統領が), or a compound's leaders (露朝首脳が).
 */
function relativeSubject(
  doc: AnalysedDocument,
  ctx: PipelineContext,
  text: string,
  local: readonly ActorArg[],
  end: number,
  date: string | null,
): ActorRef[] {
  const leaders = (a: ActorArg) => a.compound && text.startsWith("首脳が", a.end);
  const before = local.filter((a) => a.end <= end).sort((a, b) => a.start - b.start);
  let last = before.length - 1;
  while (last >= 0 && before[last]!.particle !== "が" && !leaders(before[last]!)) last--;
  if (last < 0) return [];
  const subject = before[last]!;
  if (leaders(subject))
    return statesToLeaders(ctx.lexicon, subject.actors, date, (id) => namedInDocument(doc, id));
  let first = last;
  while (first > 0 && /^(?:と|や|、)$/.test(before[first - 1]!.particle)) first--;
  return uniqueActors(before.slice(first, last + 1).flatMap((a) => a.actors));
}

/** The cited sentence of a candidate. */
export function citeSentence(doc: AnalysedDocument, s: Sentence): Cited {
  const r = citeSpan(doc, s.start, s.end);
  return { start: r.start, end: r.end, text: doc.source.body.slice(r.start, r.end) };
}

export function eventDate(c: Candidate, published: string | null): EventDate | null {
  if (c.week) return { ...c.week, granularity: "range", source: c.dateSource };
  if (c.timex && c.until) {
    return {
      start: isoBounds(c.timex.date).start,
      end: isoBounds(c.until.date).end,
      granularity: "range",
      source: c.dateSource,
    };
  }
  if (c.timex && c.daysEnded && c.timex.granularity === "day") {
    const start = toIso(addDays(c.timex.date, 1 - c.daysEnded));
    return { start, end: isoBounds(c.timex.date).end, granularity: "range", source: c.dateSource };
  }
  if (c.timex && c.days && c.timex.granularity === "day") {
    const start = isoBounds(c.timex.date).start;
    const end = toIso(addDays(c.timex.date, c.days - 1));
    return { start, end, granularity: "range", source: c.dateSource };
  }
  if (c.timex) {
    const b = isoBounds(c.timex.date);
    return { ...b, granularity: c.timex.granularity, source: c.dateSource };
  }
  if (!published) return null;
  const d = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(published);
  if (!d) return null;
  const date = {
    year: Number(d[1]),
    month: d[2] ? Number(d[2]) : undefined,
    day: d[3] ? Number(d[3]) : undefined,
  };
  const b = isoBounds(date);
  return { ...b, granularity: date.day ? "day" : date.month ? "month" : "year", source: "published" };
}

export function participantsOf(c: Candidate, doc: AnalysedDocument): Participant[] {
  const role = (a: ActorRef, r: Participant["role"]): Participant => ({
    actor: a,
    role: r,
    ...(a.title ? { title: a.title } : {}),
  });
  void doc;
  return [...c.actors.map((a) => role(a, "actor")), ...c.recipients.map((a) => role(a, "recipient"))];
}

export type { ExtractedEvent };

/** Said to travel together: 3外相がそろってテヘランを訪れ, 首脳らは一緒に. */
const TOGETHER = /(?:そろって|揃って|一緒に|共に)/;

/**
 * The visits those who travel to one place make: one each (両首脳は10日にシンガポール入りし, each from
 * home), but one for those of one state (来日中のラブロフ、ショイグ両氏), and one for all when the clause
 * before the trigger says they go together (3外相がそろってテヘランを訪れ).
 */
function travelTogether(travellers: ActorRef[], before: string): ActorRef[][] {
  if (travellers.length < 2) return travellers.length ? [travellers] : [];
  if (TOGETHER.test(before)) return [travellers];
  const byState = new Map<string, ActorRef[]>();
  for (const a of travellers) {
    const key = a.country ?? a.id;
    byState.set(key, [...(byState.get(key) ?? []), a]);
  }
  return [...byState.values()];
}

/** XはA、Bと会談: a subject and a list of counterparts joined by 、 (or それぞれ). */
function splitCounterparts(
  text: string,
  parties: ActorArg[],
  separately = false,
): [ActorArg, ActorArg[]] | null {
  const subject = parties.find((a) => /^(は|が|も)$/.test(a.particle));
  if (!subject) return null;
  // ブリンケン国務長官とオースティン国防長官は…鄭外相、徐国防相と協議を開いた: two on each side meet together
  // (…ドラギ首相、それにルーマニアのヨハニス大統領は: joined past a state qualifying the last, as coordinated() reads it)
  if (parties.some((a) => a.end < subject.start && coordinated(text, a, subject))) return null;
  const others = parties.filter((a) => a !== subject).sort((a, b) => a.start - b.start);
  if (others.length < 2) return null;
  const last = others[others.length - 1]!;
  // (…トリンブル党首や…アダムズ党首らに相次いで電話をかけ: the ones called one after another)
  if (!(separately ? /^(と|とは|とも|に|にも)$/ : /^(と|とは|とも)$/).test(last.particle)) return null;
  // A、Bと (a list) or Aと、…Bと (each with its own と, often with its own date)
  // (AやBとも個別に会談: a list with や, when the meetings are said to be several)
  const joined = separately ? /^(、|・|と|とは|とも|や)$/ : /^(、|・|と|とは|とも)$/;
  if (!others.slice(0, -1).every((a) => joined.test(a.particle))) return null;
  if (others.some((a) => a.actors.length !== 1 || a.actors[0]!.kind !== "person")) return null;
  return [subject, others];
}

/**
 * 最高指導者ハメネイ師やロウハニ師と会談した: people listed with や before と are met each in turn, as those
 * met 相次いで are (not those met with others besides: …や…副総裁らと).
 */
function listedWithYa(text: string, parties: readonly ActorArg[], start: number): boolean {
  const before = parties.filter((a) => a.end <= start);
  const last = before.at(-1);
  return (
    !!last &&
    /^(?:と|とも)$/.test(last.particle) &&
    // (菅義偉前首相や麻生太郎自民党副総裁らと面会する: with others besides, met together)
    text[last.end] !== "ら" &&
    before.length >= 2 &&
    before.at(-2)!.particle === "や" &&
    before.every((a) => a.actors.every((x) => x.kind === "person"))
  );
}

/**
 * ブリンケン氏は鄭氏と、オースティン氏は徐氏とそれぞれ会談した: each subject met the party it names, one
 * meeting per pair.
 */
function pairedOff(
  text: string,
  parties: ActorArg[],
  clauseStart: number,
  triggerStart: number,
): [ActorArg, ActorArg][] | null {
  if (!/それぞれ|各々|おのおの/.test(text.slice(clauseStart, triggerStart))) return null;
  const inClause = parties.filter((a) => a.start >= clauseStart).sort((a, b) => a.start - b.start);
  // 首相と文氏は23日、…習近平国家主席とそれぞれ会談した: each of the subjects met the one counterpart
  const subjectEnd = inClause.findIndex((a) => /^(は|が)$/.test(a.particle));
  const counterparts = inClause.slice(subjectEnd + 1);
  if (
    subjectEnd >= 1 &&
    inClause.slice(0, subjectEnd).every((a) => /^(と|、|や)$/.test(a.particle)) &&
    counterparts.length === 1 &&
    /^(と|とは|とも)$/.test(counterparts[0]!.particle)
  )
    return inClause.slice(0, subjectEnd + 1).map((who) => [who, counterparts[0]!]);
  if (inClause.length < 4 || inClause.length % 2 !== 0) return null;
  const out: [ActorArg, ActorArg][] = [];
  for (let i = 0; i < inClause.length; i += 2) {
    const [who, whom] = [inClause[i]!, inClause[i + 1]!];
    if (!/^(は|が)$/.test(who.particle) || !/^(と|とは|とも)$/.test(whom.particle)) return null;
    out.push([who, whom]);
  }
  return out;
}

/** 会談は11年12月以来約3年ぶり: the date of the previous occurrence of the same kind. */
function earlierOccurrences(
  doc: AnalysedDocument,
  args: SentenceArguments,
  start: number,
  end: number,
): { timex: Timex; place: PlaceArg | null; person: ActorRef | null }[] {
  const text = doc.norm.text;
  const out: { timex: Timex; place: PlaceArg | null; person: ActorRef | null }[] = [];
  // 1998年の江沢民主席以来: the earlier occurrence had another protagonist
  const personBetween = (a: number, b: number) =>
    args.actors.find(
      (x) => x.start >= a && x.end <= b && x.actors.length === 1 && x.actors[0]!.kind === "person",
    )?.actors[0] ?? null;
  const placeBetween = (a: number, b: number) =>
    [...args.places]
      .filter((p) => p.start >= a && p.end <= b)
      .sort((x, y) => placeRank(y) - placeRank(x))[0] ?? null;
  for (const t of args.timexes) {
    // 会談は11年12月以来, 南北首脳会談は2000年、07年に続いて3回目: after the trigger
    if (t.start >= end && t.start - end <= 16) {
      // (会談は、2018年9月に米ニューヨークで行って以来: the earlier one told as held there, then; 日中首脳会談は
      // 安倍首相が…十月に訪中して以来、二回目: held on a visit then)
      const m =
        /^(?:、[^、。]{0,8}|の[^、。]{0,40}?|に[^、。]{0,24}?(?:行って|開いて|会談して|会って|訪問して|訪れて|訪[中朝日韓米露ロ]して|来[日韓]して))?(?:以来|に続)/.exec(
          text.slice(t.end, t.end + 48),
        );
      const place = m ? placeBetween(t.end, t.end + m[0].length) : null;
      const person = m ? personBetween(t.end, t.end + m[0].length) : null;
      // (1953年の朝鮮戦争休戦以来初めて: counted from another kind of event, not an earlier occurrence — the
      // noun before 以来 names no meeting or visit, nor where or with whom one was: 2019年6月の大阪以来)
      const nounEnd = m ? t.end + m[0].length - 2 : 0;
      const otherEvent =
        !!m &&
        /^の/.test(m[0]) &&
        !EARLIER_OCCURRENCE_NOUN.test(m[0]) &&
        !args.places.some((p) => p.start > t.end && p.end === nounEnd) &&
        // (a person's title or a reading may follow the name: 朱鎔基(チュー・ロンチー)首相以来)
        !args.actors.some(
          (a) =>
            a.start > t.end &&
            a.end <= nounEnd &&
            a.actors.some((x) => x.kind === "person") &&
            /^(?:\([^()]*\))?[^のをがはにで()]{0,8}$/.test(text.slice(a.end, nounEnd)),
        );
      if (m && !otherEvent) out.push({ timex: t, place, person });
    }
    // 昨年6月のシンガポールに続く2回目の首脳会談: before it
    if (t.end <= start && start - t.end <= 40) {
      const between = text.slice(t.end, start);
      const counted = /^[^。]*?(?:に(?:引き)?続(?:く|き|いて)|以来の|以来となる)/.exec(between);
      if (
        counted &&
        !between.includes("。") &&
        !/^の?[^、。]{0,4}$/.test(between) &&
        // (二日午前、前日に続いて: what is continued is of the date just before 続いて)
        !args.timexes.some((u) => u.start >= t.end && u.end <= t.end + counted[0].length)
      ) {
        out.push({ timex: t, place: placeBetween(t.end, start), person: null });
      }
    }
  }
  return out;
}

/**
 * Predicates that report a meeting or visit named by a noun: 会談が行われた, 訪問を終えた, 署名式に臨む;
 * and work toward one, which makes it a plan (訪日に向けて準備を進める, 会談に向けた調整).
 */
const EVENT_PREDICATE =
  /行わ|行い|行っ|行う|おこな|開か|開い|開く|開き|開催|実施|実現|終え|終わ|終了|幕を閉じ|幕を開け|始ま|始め|臨|出発|果た|控え|予定|見通し|調整|決ま|持た|持っ|開幕|閉幕|スタート|入り|到着|出席|参加|観覧|参観|参列|臨ん|持ち|行われ|再開|続け|続い|続く|まとま|延期|中止|見送|取りやめ|取り止め|に向け|(?:懇談|会談|協議|面会)し(?:て|た)|会っ/;

/**
 * 江沢民国家主席と会談、…署名した: a meeting's noun right after its party and と, then a comma, written for
 * 会談し、 (not a noun listed after another: ウラン濃縮活動と核実験、…を停止し).
 */
function nounAsContinuative({ doc, trigger, start, end, args }: TriggerSite): boolean {
  const text = doc.norm.text;
  return (
    trigger.type === "CONSULT" &&
    text[end] === "、" &&
    !VERB_ENDING.test(text[end - 1] ?? "") &&
    args.actors.some((a) => a.particle === "と" && a.end + 1 === start)
  );
}

function nominalWithoutPredicate(text: string, end: number, clauseEnd: number, headline: boolean): boolean {
  // a trigger ending in kana is a verb (結ばれ、 訪れた): it is its own predicate
  if (VERB_ENDING.test(text[end - 1] ?? "")) return false;
  const next = text.slice(end, end + 3);
  // 立ち話をし, 会談をした: the noun with する is its own predicate
  if (/^をし/.test(next)) return false;
  const nominal = /^(?:を|が|は|も|に|へ|の|、|など|で(?!は))/.test(next) || end >= clauseEnd;
  if (!nominal) return false;
  if (headline && /^へ/.test(next)) return false;
  return !EVENT_PREDICATE.test(text.slice(end, clauseEnd));
}

/** The article names this person (not only by a title resolved from the date), before `before` if given. */
function namedInDocument(doc: AnalysedDocument, personId: string, before = Infinity): boolean {
  return doc.resolved.some((r) => r.mention.start < before && namesPerson(r, personId));
}

/** A mention that names the person, not one resolved to them from a title alone and the date. */
const namesPerson = (r: ResolvedMention, personId: string) =>
  r.via !== "title" && r.actors.some((a) => a.id === personId);

/**
 * Where the article last named the person (not by a title alone, nor as one who held an office before:
 * 安倍前総理大臣) before a point, or -1.
 */
function lastNamedIn(doc: AnalysedDocument, personId: string, before: number): number {
  let at = -1;
  for (const r of doc.resolved)
    if (!r.mention.former && r.mention.start < before && r.mention.start > at && namesPerson(r, personId))
      at = r.mention.start;
  return at;
}

/**
 * 米朝首脳会談について「12日に開催されることを望んでいる」: a speaker giving the
 * date the event is to be held reports a plan for it.
 */
function plannedInQuote(doc: AnalysedDocument, triggerEnd: number): boolean {
  const text = doc.norm.text;
  if (!text.startsWith("について", triggerEnd)) return false;
  const q = doc.quotations.find((x) => x.start >= triggerEnd + 4 && x.start <= triggerEnd + 6);
  if (!q) return false;
  const inner = text.slice(q.innerStart, q.innerEnd);
  return (
    /開催|行われ|行う|開か|開く|実現/.test(inner) &&
    doc.timexes.some((t) => t.start >= q.innerStart && t.end <= q.innerEnd)
  );
}

/**
 * The trigger words of a sentence that start where a word starts: 面会 is in 対面会談, whose
 * trigger is 会談. A match starting inside a word is passed over and the search goes on from its
 * next character.
 */
function triggersAtTokens(
  ctx: PipelineContext,
  text: string,
  tokens: readonly Token[],
  sentence: Sentence,
): { start: number; end: number; value: Trigger[] }[] {
  const insideWord = (at: number) => tokens.some((t) => t.start < at && at < t.end);
  const out: { start: number; end: number; value: Trigger[] }[] = [];
  let from = sentence.start;
  for (;;) {
    const found = ctx.triggerWords.findAll(text, from, sentence.end);
    const misplaced = found.findIndex((m) => insideWord(m.start));
    if (misplaced < 0) return [...out, ...found];
    out.push(...found.slice(0, misplaced));
    from = found[misplaced]!.start + 1;
  }
}

/** Trigger words found on the text, plus dictionary forms found on the tokens (会う → 会った). */
function withLemmaTriggers(
  ctx: PipelineContext,
  tokens: readonly Token[],
  found: { start: number; end: number; value: Trigger[] }[],
): { start: number; end: number; value: Trigger[] }[] {
  if (ctx.triggerLemmas.size === 0) return found;
  const out = [...found];
  for (const t of tokens) {
    const triggers = ctx.triggerLemmas.get(t.lemma);
    if (!triggers || out.some((m) => m.start < t.end && t.start < m.end)) continue;
    out.push({ start: t.start, end: t.end, value: triggers });
  }
  return out;
}

/** 今年3回目(となる), 今年2度目の, 今年初の: a period an occurrence is counted in. */
const COUNTED_IN_PERIOD =
  /^(?:で|に|は)?(?:[0-9]+|[一二三四五六七八九十]+)(?:回目|度目|番目)|^初(?:の|と|めて)/;

/** 25日から28日まで / 13日から16日にかけて: the other end of a span whose start dates the event. */
function spanEnd(
  doc: AnalysedDocument,
  args: SentenceArguments,
  from: Timex,
  triggerStart: number,
  triggerEnd: number,
): Timex | undefined {
  const text = doc.norm.text;
  if (!text.startsWith("から", from.end)) return undefined;
  // (the span may also follow the trigger as what it is held on: 首脳会談を18日から20日まで平壌で開く — but not
  // another clause's: 招待に応じ、7日から10日までの日程で…訪問した)
  const after = from.start >= triggerEnd && /^(?:を|は|が)$/.test(text.slice(triggerEnd, from.start));
  const to = args.timexes.find(
    (t) => t.start >= from.end + 2 && t.start <= from.end + 3 && (t.end <= triggerStart || after),
  );
  if (!to || !/^(?:まで|にかけて)/.test(text.slice(to.end, to.end + 4))) return undefined;
  return to.date && from.date && to.value >= from.value ? to : undefined;
}
