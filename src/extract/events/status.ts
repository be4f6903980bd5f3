/**
 * Whether an event happened, is planned, only possible, called off, or
 * denied — read from the predicate around its trigger.
 *
 * Japanese news marks this explicitly: cues such as 予定, 見通し, 方向で調整
 * (planned), 可能性 (speculated), 延期, 見送った (cancelled) follow the verb;
 * otherwise tense decides (会談した / 行われた / 訪問している: occurred;
 * 会談する。: planned). A headline ending in へ announces (首脳会談へ).
 * Negation (行わなかった) yields no occurred event.
 */
import type { StatusCues } from "../../lexicon/triggers.js";
import type { EventStatus } from "../types.js";

/** negated (行わなかった) and proposed (開くよう提案した): no event at all. */
export type StatusReading = EventStatus | "negated" | "proposed";

const PAST =
  /(?:した|った|んだ|いた|えた|れた|きた|けた|せた|てた|めた|べた|ました|でした|だった|^た|た(?=[。、」]|$|こと|と|が|の|ため|うえ|上|後|あと|もの|際|結果))|ている|ていた|ており|てい(?:ます|る)|中の|中だ|済み|[てで]以来/;
/** 行われた可能性, 会談したとみられる: a past form that is only supposed. */
const SUPPOSED = /^.{0,3}(?:可能性|とみられ|と見られ|もよう|模様|とされ|という見方)/;
const NON_PAST =
  /(?:する|します|行う|開く|開かれる|行われる|臨む|会う|訪れる|入りする|出席する|迎える|結ぶ|署名する|締結する|発表する)(?=[。、」]|$|と(?!し)|予定|見通し|方向|考え|意向|ことに|ことで(?:も)?(?:[^、。をがは「」]{1,12}?と)?(?:一致|合意|意見が一致))/;
/** …支援を行う|と表明した: what a sentence's last verb of saying says, up to its と. */
const SAID_CONTENT = /^.*と(?=(?:表明|述べ|語|強調|説明|発表|約束)[^と]*$)/;
/** イエレン長官が: a subject of the clause's own, marked が. */
const OWN_SUBJECT = /[\u4E00-\u9FFF\u30A0-\u30FF)]が/;
/** 取りまとめ|る。: the non-past ending right after a trigger that is a verb's stem. */
const STEM_NON_PAST = /^る(?=[。、」]|$|と(?!し)|予定|見通し|方向|考え|意向|ことに)/;

/** 予定だったが, 予定だったものの, はずだったが: a plan told as what was to have been. */
const PLAN_THAT_WAS = /^[^、。]{0,6}?(?:予定|はず)だった(?:が|ものの|けれど)/;

interface Cue {
  at: number;
  status: StatusReading;
}

function earliest(tail: string, cues: StatusCues): Cue | null {
  let best = null as Cue | null;
  const consider = (words: string[], status: StatusReading) => {
    for (const w of words) {
      let at = tail.indexOf(w);
      // 意向を表明した, 考えを示した: the cue names the content of another predicate
      // (会談するなど、和解に向けた調整を後押ししてきた: に向けた past a comma describes another noun — not
      // 締結に向けた交渉, the trigger's own aim)
      // (but a wish is one whatever verb conveys it: 訪中したい考えを伝えた)
      while (
        at >= 0 &&
        status === "planned" &&
        !w.startsWith("たい") &&
        !w.startsWith("したい") &&
        (/^を/.test(tail.slice(at + w.length)) ||
          (/^た[\u4E00-\u9FFF]/.test(tail.slice(at + w.length)) && tail.slice(0, at).includes("、")))
      ) {
        at = tail.indexOf(w, at + 1);
      }
      // 首脳会談は、具体的な成果を出せずに幕を閉じた: a negation of another verb, with an object of its
      // own (not 会談を行わなかった, whose を follows the trigger)
      while (at >= 0 && status === "negated" && /.を[^、。を]{0,4}$/.test(tail.slice(0, at))) {
        at = tail.indexOf(w, at + 1);
      }
      if (at >= 0 && (!best || at < best.at)) best = { at, status };
    }
  };
  consider(cues.cancelled, "cancelled");
  consider(cues.negated, "negated");
  consider(cues.proposed, "proposed");
  consider(cues.planned, "planned");
  consider(cues.speculated, "speculated");
  const past = pastForm(tail);
  if (past && (!best || past.index < best.at)) {
    const supposed = SUPPOSED.test(tail.slice(past.index + past[0].length));
    best = { at: past.index, status: supposed ? "speculated" : "occurred" };
  }
  const nonPast = NON_PAST.exec(tail) ?? STEM_NON_PAST.exec(tail);
  if (nonPast && (!best || nonPast.index < best.at)) best = { at: nonPast.index, status: "planned" };
  return best;
}

/** The first past form of the tail: not a wish (実現させたい, 行いたい: た of たい is no past). */
function pastForm(tail: string): RegExpExecArray | null {
  for (let from = 0; from < tail.length;) {
    const past = PAST.exec(tail.slice(from));
    if (!past) return null;
    const end = from + past.index + past[0].length;
    if (!(past[0].endsWith("た") && tail[end] === "い")) {
      past.index += from;
      return past;
    }
    from = end;
  }
  return null;
}

/**
 * Whether the predicate right after a trigger tells it as done (会談した, 出席している), not only by default
 * (nor as done before something still to come: 会談した後、重慶市に移動する).
 */
export function toldAsDone(tail: string): boolean {
  const past = PAST.exec(tail.slice(0, 12));
  if (!past) return false;
  const after = tail.slice(past.index + past[0].length);
  return !SUPPOSED.test(after) && !/^(?:後|あと|のち|上で|うえで|際)/.test(after);
}

export interface StatusInput {
  /** Text from the end of the trigger to the end of its clause. */
  tail: string;
  /** Text from the start of the clause to the trigger (for 行われる予定の首脳会談). */
  head: string;
  /** The sentence is a headline (no final full stop). */
  headline: boolean;
  /** The rest of the sentence after the clause, for cues that govern a whole sentence (…と発表した). */
  rest: string;
}

/** …した後, …したうえで: a past told relative to what follows it. */
export const BEFORE_THEN = /^[^、。]{0,4}?た(?:後|あと|上で|うえで)/;
/** …する予定だ。: a sentence ending on a plan. */
const PLAN_ENDS = /(?:予定|見通し|方針|計画)(?:だ|です|である)?[。」\s]*$/;

/** A cancellation cue in what follows a plan — not one put off to another day (…同年11月に延期した). */
const calledOff = (after: string, cues: StatusCues) =>
  !after.includes("延期") && cues.cancelled.some((w) => after.includes(w));

/** …する可能性がある, …かもしれない: a sentence that ends on a possibility. */
const SPECULATION_ENDS =
  /(?:可能性が(?:ある|あります|高い|高まっている)|可能性もある|かもしれない|かもしれません)$/;

/** 年内に, 近く, 今後, 来月中に: a time still to come, said of the clause's own deed. */
const STILL_TO_COME =
  /(?:年内|月内|年度内|近く|近いうち|近日中|近い将来|今後|来週|来月|来年|来春|来夏|来秋|来冬)(?:中)?(?:に|にも)?、?(?:[^、。るた]{0,10}?[をでにへと])?$/;

export function readStatus(input: StatusInput, cues: StatusCues): StatusReading {
  if (input.headline && /^へ(?:\s|$|[、。])/.test(input.tail)) return "planned";
  const tail = earliest(input.tail, cues);
  // (ダマスカスでアサド大統領と会談した後、イスラエルを訪れて…演説する予定だ: a past relative to the plan the
  // sentence ends on is no past — not 会談した後、…と述べた)
  if (
    tail?.status === "occurred" &&
    BEFORE_THEN.test(input.tail.slice(tail.at)) &&
    PLAN_ENDS.test(input.rest)
  )
    return "planned";
  // 来日する予定だったが、…訪日を取りやめていた: a plan told as past, then called off in the same sentence
  if (
    tail?.status === "planned" &&
    PLAN_THAT_WAS.test(input.tail.slice(tail.at)) &&
    calledOff(input.tail.slice(tail.at) + input.rest, cues)
  )
    return "cancelled";
  if (tail) return tail.status;
  // a noun trigger modified by a relative clause: 行われる見通しの首脳会談
  const modifier = /(予定|見通し|見込み)の$|(?:する|される|行われる|開かれる)$/.exec(input.head.slice(-12));
  if (modifier) return "planned";
  if (/(?:た|だ|ている|ていた)$/.test(input.head.slice(-6))) return "occurred";
  // a continuative clause (会談し、…) takes the tense of the sentence's final predicate; the
  // modality of the later clauses (…方針で一致した) belongs to them
  // (a quotation's own verbs are not the sentence's: 会談し、「…を期待する」と述べた)
  // (nor, for a clause the topic leads, what it says was said: 首相は…歴訪を始め、…支援を行うと表明した ends on
  // 表明した — but 米政府は、イエレン長官が…訪問し、…訪中すると発表した reports the clause, its subject marked が)
  // (a clause told with a time still to come is a plan, whatever the sentence ends on: 首相は年内に訪中し、…
  // 来日につなげたい考えを伝えた)
  if (STILL_TO_COME.test(input.head)) return "planned";
  const rest = input.rest.replace(/「[^「」]*」/g, "「」").replace(/[。!?」』)\s]+$/, "");
  const final = (OWN_SUBJECT.test(input.head) ? rest : rest.replace(SAID_CONTENT, "")).slice(-8);
  // (中国を訪れ、習氏と会談する可能性がある: a sentence that ends on a possibility makes its clauses possible)
  if (SPECULATION_ENDS.test(rest)) return "speculated";
  // (…会談し、結果を伝える見通し。: a sentence may end on the noun alone)
  if (NON_PAST.test(final) || /(?:する|します|予定だ?|予定です|見通しだ?|見通しです)$/.test(final))
    return "planned";
  return "occurred";
}
