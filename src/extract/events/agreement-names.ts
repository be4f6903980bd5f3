/**
 * What a signing names as signed: the agreement before the verb (包括的戦略パートナーシップ条約に署名), after
 * it (署名した共同声明), as the sentence's topic (東京宣言は…署名した), or listed with another one
 * (「日中共同文書」と…共同声明を発表する). A document's name is told by the noun it ends on
 * (triggers.yaml's `documents`).
 */

/** The agreement signed: 包括的戦略パートナーシップ条約に署名 → 包括的戦略パートナーシップ条約. */
/** The verbs of a formal signing or adoption, as against a text compiled or exchanged. */
const FORMAL_SIGNING = /^(?:署名|調印|締結|採択)/;

export function agreementBefore(
  text: string,
  from: number,
  triggerStart: number,
  names: RegExp,
): string | undefined {
  // 覚書に両政府が署名し: the signatories may stand between the agreement and the verb (or where it was
  // signed: 「…モスクワ宣言」にモスクワで署名した)
  const before = text.slice(from, triggerStart);
  // 「合意された枠組み」に署名した, 「…に関する共同声明」を採択した: a name in brackets that a formal signing takes
  // as its object, whatever noun it ends on, is the whole name (not a plan put together: 「…プラン」をまとめた)
  const bracketed = /[「『]([^「『」』、。]{2,40})[」』](?:に|を)$/.exec(before);
  if (bracketed && FORMAL_SIGNING.test(text.slice(triggerStart, triggerStart + 2))) return bracketed[1]!;
  const withoutParties = before.replace(/(?<=[^、。]{2})(?:に|を)[^、。にを「」]{1,16}?(?:が|も|は|で)$/, "");
  return agreementNamed(withoutParties, names) ?? agreementNamed(before, names);
}

/**
 * 東京宣言は九三年十月、…が東京で署名した: the agreement the sentence is about, its topic before the clause (or
 * the agreement of the signing ceremony it opens on).
 */
export function agreementAsTopic(
  text: string,
  sentenceStart: number,
  triggerStart: number,
  names: RegExp,
): string | undefined {
  const topic = /^([^、。「」はが]{2,30})は/.exec(text.slice(sentenceStart, triggerStart));
  if (topic && names.test(topic[1]!)) return topic[1]!;
  // (和平協定の調印式が14日午後…開かれ、…外相が署名した: the agreement whose signing ceremony the sentence
  // opens on)
  const ceremony = /^(?:【[^】]*】)?([^、。「」はが【】]{2,30})の(?:調印式|署名式|締結式)(?:は|が)/.exec(
    text.slice(sentenceStart, triggerStart),
  );
  return ceremony && names.test(ceremony[1]!) ? ceremony[1]! : undefined;
}

/**
 * Up to the last particle of a phrase, so that what follows names the agreement (両首脳が|共同声明); the で of
 * まで is no particle (2030年までの…共同声明).
 */
const AFTER_LAST_PARTICLE = /^.*(?:は|が|と|(?<!ま)で|を)(?=(?:[^はがとでを]|(?<=ま)で){2,}$)/;

/** 72年の, 1956年10月の: a date before an agreement's name. */
const DATE_BEFORE_NAME =
  /^[0-9一二三四五六七八九〇十]{2,4}年(?:[0-9一二三四五六七八九十]{1,2}月)?(?:[0-9一二三四五六七八九十]{1,3}日)?の/;

/** The agreement a phrase ends on; `names` tells a document's name by the noun it ends on (triggers.yaml). */
function agreementNamed(words: string, names: RegExp): string | undefined {
  // (…協定も締結した: another agreement besides; 共同文書「…」などを取りまとめる: one of several)
  const stripped = words.replace(/(?:に|を|の|が|へ|も|にも)$/, "").replace(/など$/, "");
  // 「日本国の自衛隊と…との間の協定」(日英部隊間協力円滑化協定)に署名: the short name after the full one
  const abbreviated = /[」』]\(([^()「」]{2,30})\)$/.exec(stripped);
  if (abbreviated && names.test(abbreviated[1]!)) return abbreviated[1]!;
  // 共同声明「新たな時代における日米グローバル・パートナーシップ」を発表した: the kind of document, then its name
  const named = /([^\s、。「『]{2,12})([「『][^「『」』]{1,60}[」』])$/.exec(stripped);
  if (named && names.test(named[1]!)) return named[1]! + named[2]!;
  // …に関する覚書(ワイ・リバー合意)に署名: the short name in brackets after the full one
  const short = /[^\s、。「『(]\(([^()「」、。]{2,20})\)$/.exec(stripped);
  if (short && names.test(short[1]!) && !/^[A-Za-z0-9]+$/.test(short[1]!)) return short[1]!;
  // (了解覚書(MOU)に署名: the kind's abbreviation in brackets after it)
  const before = stripped.replace(/[」』]$/, "").replace(/\([A-Za-z]{2,8}\)$/, "");
  const m = /([^\s、。「『]{2,40})$/.exec(before);
  if (!m) return undefined;
  // (成果をまとめた|共同発表文, 結束を確認する|共同声明: a relative clause's verb ends before the name — not
  // …に関する, …に対する, which name it)
  const phrase = m[1]!
    .replace(AFTER_LAST_PARTICLE, "")
    // (72年の日中共同声明: the date it was signed is no part of its name)
    .replace(DATE_BEFORE_NAME, "")
    .replace(/^[^「」]*(?:[ただ]|(?<![関対])する)(?=[^\u3041-\u3096][^「」]+$)/, "");
  if (!names.test(phrase)) return undefined;
  // 「新時代の中国・セルビア運命共同体」の構築に関する共同声明: a name that opens with a bracketed phrase keeps its bracket
  const opening = before[m.index - 1];
  const closing = opening === "「" ? "」" : opening === "『" ? "』" : undefined;
  return closing && phrase === m[1] && phrase.includes(closing) && !phrase.includes(opening!)
    ? opening + phrase
    : phrase;
}

/**
 * 「日中共同文書」と(地球温暖化対策に関する共同声明), 「…の深化」に関する共同声明と、(2030年までの…共同声明):
 * another agreement joined by と before the one found.
 */
export function coordinatedAgreement(
  text: string,
  from: number,
  triggerStart: number,
  object: string,
  names: RegExp,
) {
  const at = text.lastIndexOf(object, triggerStart);
  if (at < from) return undefined;
  const before = text.slice(from, at);
  const m =
    /[「『]([^「『」』]{2,40})[」』]と、?$/.exec(before) ??
    /([「『][^「『」』]{2,40}[」』][^\s、。「『」』と]{1,12})と、?$/.exec(before) ??
    /([^\s、。「『」』と]{2,30})と、?$/.exec(before);
  const other = m?.[1];
  return other && names.test(other) && other !== object ? other : undefined;
}

/** The verb's ending between a trigger and the noun its relative clause describes: 締結|された|条約. */
const RELATIVE_ENDING = /^(?:された|した|れた|する|される|た)/;
/** The first character of a noun a relative clause describes: kanji, katakana, or a name in brackets. */
const NOUN_START = /^[\u4E00-\u9FFF\u30A1-\u30FA「『]/;

/**
 * The verb's ending after a trigger (締結|された), empty when the trigger ends in it itself (発表された),
 * undefined when none follows.
 */
function verbEnding(text: string, triggerEnd: number): string | undefined {
  return (
    RELATIVE_ENDING.exec(text.slice(triggerEnd, triggerEnd + 3))?.[0] ??
    (/[たる]/.test(text[triggerEnd - 1] ?? "") ? "" : undefined)
  );
}

/**
 * Whether the trigger's verb describes the noun right after it (締結された|条約, 合意した|関税措置,
 * 発表した|「板門店宣言」), and whether in the past.
 */
export function describesNoun(text: string, triggerEnd: number): { past: boolean } | undefined {
  const ending = verbEnding(text, triggerEnd);
  if (ending === undefined || !NOUN_START.test(text[triggerEnd + ending.length] ?? "")) return undefined;
  return { past: /た$/.test(ending || text[triggerEnd - 1]!) };
}

/**
 * An agreement named after the trigger, with its span; `described` when the trigger's clause is a relative
 * clause describing it (署名した共同声明; 1961年に…結ばれ、…「友好協力相互援助条約」 is named but not described).
 */
export function agreementAfter(text: string, triggerEnd: number, sentenceEnd: number) {
  const rest = text.slice(triggerEnd, sentenceEnd);
  // (発表された|共同声明: the trigger may end in the verb's ending itself)
  const ending = verbEnding(text, triggerEnd);
  const skip = ending?.length ?? 0;
  // (交わした|協定から: the bare noun right after the clause that describes it names it too)
  const m =
    /[「『]?([^\s、。「『」』]{2,30}?(?:条約|協定|宣言|声明|文書|覚書|議定書))[」』]?/.exec(
      rest.slice(skip),
    ) ?? (ending !== undefined ? /^(条約|協定)/.exec(rest.slice(skip)) : null);
  if (!m) return undefined;
  const at = text.indexOf(m[1]!, triggerEnd + skip + m.index);
  return { name: m[1]!, start: at, end: at + m[1]!.length, described: ending !== undefined && m.index <= 1 };
}
