/**
 * Which bracketed spans are reported speech. 「…」 is also used for names,
 * labels and scare quotes (「外交安保対話」, 「可視化」した, 「新冷戦」と呼び);
 * speech is followed by と and a reporting verb (と述べた, と強調しました,
 * と、X氏は語った) or by との + a noun of stance (との考えを示した).
 */
import type { DocumentNouns } from "./agreements.js";
import type { BracketSpan } from "./brackets.js";

const VERBS =
  "述べ|語|話|強調|明らか|表明|発表|指摘|説明|答え|訴え|主張|批判|非難|伝え|言明|明言|宣言|確信|自負|要請|求め|呼びかけ|呼び掛け|書|記し|応じ|反論|歓迎|称賛|警告|報じ|投稿|発言|回答|言及|断言|明か|打ち明け|力説|けん制|牽制|反発|抗議|要求|提案|約束|誓|激励|評価|付け加え|締めくく|切り出|あいさつ|挨拶|演説|言っ|言い|言う|いっ|し|する|して|さ|歓声|叫|述懐|つぶや|ツイート|書き込|質問|問いかけ|答弁|回顧|振り返|皮肉|揶揄|やゆ|嘆|漏ら|ぼや|酷評|一蹴|念を押|念押し|くぎを刺|釘を刺|冗談|たたえ|称え|讃え|感謝";
const STANCE = "考え|見方|認識|立場|意向|方針|見解|姿勢|声明|談話|コメント|メッセージ|主張|意見|意思|考えを";

const REPORTING = new RegExp(
  `^[」』](?:する|した|し|される|された|だ|である|です)?(?:など|なども)?(?:と(?:も|は)?、|と(?:も)?[^。「」]{0,24}?(?:${VERBS})|との(?:${STANCE}))`,
);
/**
 * Naming, not reporting: 「新冷戦」と呼び, 「友好年」と位置づけ (but 「…」と呼びかけた is an appeal, and 「…」という
 * 日本の立場を伝えた a stance told).
 */
const NAMING = new RegExp(
  `^[」』]と(?:呼(?!びかけ|び掛け)|称|名付|題|いう(?![^。「」]{0,8}?(?:${STANCE})を)|いった|言われ|位置づけ|位置付け|銘打)`,
);

/**
 * A document's name listed with another one: 「日中共同文書」と地球温暖化対策に関する共同声明を発表する,
 * 「…原則」と、…を盛り込んだ共同声明「…」を発表した (the と is "and"). Told apart from
 * 「…」と共同声明を批判した (speech, then what it criticised) by the bracketed text, which is itself a
 * document's name.
 */
const listedWithDocument = (documents: DocumentNouns) =>
  new RegExp(
    `^[」』]と、?(?!の|する|した|して|いう|いった)[^。「」、]{0,24}?(?:${documents.alternation})(?:「[^「」]{1,30}」)?(?:を|に)`,
  );

/** Whether a bracketed span of a text is reported speech, by what follows it and what it holds. */
export type SpeechTest = (text: string, q: BracketSpan) => boolean;

/** The test for reported speech, with the nouns that end a document's name (triggers.yaml's `documents`). */
export function speechTest(documents: DocumentNouns): SpeechTest {
  const listed = listedWithDocument(documents);
  return (text, q) => {
    const after = text.slice(q.end - 1, q.end + 30);
    if (NAMING.test(after) || !REPORTING.test(after)) return false;
    return !(
      documents.endsName.test(text.slice(q.innerStart, q.innerEnd)) &&
      listed.test(text.slice(q.end - 1, q.end + 64))
    );
  };
}
