import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contractLines } from "../src/extract/contract.js";
import { extractionOf } from "../src/pipeline/extraction.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { textDocument } from "./helpers/source.js";

const pipeline = createExtractionPipeline();

async function quotes(body: string, published = "2024-06-19") {
  const doc = await pipeline.process(textDocument(body, published, "q"));
  const found = extractionOf(doc).quotes;
  for (const q of found) assert.equal(body.slice(q.cited.start, q.cited.end), q.cited.text);
  return found.map((q) => [q.speaker?.id ?? q.speakerKind, q.cited.text]);
}

describe("quotation attribution", () => {
  it("gives a quotation to one named past a gloss in brackets (ドニロン大統領補佐官(国家安全保障担当)は「…」), not to a person the sentence names before", async () => {
    assert.deepEqual(
      await quotes(
        "オバマ大統領と習近平国家主席は7日と8日に会談した。ドニロン大統領補佐官（国家安全保障担当）は8日、記者団に「北朝鮮は非核化しなければならない」と強調した。",
        "2013-06-09",
      ),
      [["tom-donilon", "北朝鮮は非核化しなければならない"]],
    );
  });

  it("gives words of people joined by と (岸田外相(58)と韓国の尹外相(62)は「…」との認識で合意) to them together, not the last one", async () => {
    assert.deepEqual(
      await quotes(
        "岸田文雄外相(58)と韓国の尹炳世(ユン・ビョンセ)外相(62)は28日、ソウルで会談し、慰安婦問題について「最終的かつ不可逆的に解決される」との認識で合意した。",
        "2015-12-29",
      ),
      [["joint", "最終的かつ不可逆的に解決される"]],
    );
  });

  it("gives a quotation to one the lexicon lacks, named in full with さん and then by surname (坪井直さん … 坪井さんは「…」)", async () => {
    assert.deepEqual(
      await quotes(
        "オバマ大統領は、被爆者の坪井直さんや、森重昭さんと言葉を交わし、涙ぐむ森さんを抱き寄せた。" +
          "坪井さんは記者団に対し「大統領が広島に来たことは大きな一歩だ」と話した。" +
          "森さんは「米兵捕虜の遺族も喜んでくれるだろう」と語った。",
        "2016-05-27",
      ),
      // (森さん is 森重昭, named in full before, not the former prime minister 森喜朗 of the lexicon)
      [
        ["unresolved:坪井直", "大統領が広島に来たことは大きな一歩だ"],
        ["unresolved:森重昭", "米兵捕虜の遺族も喜んでくれるだろう"],
      ],
    );
  });

  it("gives a quotation to an official the lexicon lacks, named in full with a title and then by surname and its end (朱鉄基…首席秘書官 … 朱首席秘書官は「…」)", async () => {
    assert.deepEqual(
      await quotes(
        "青瓦台の朱鉄基（チュ・チョルギ）外交安保首席秘書官は20日、朴槿恵大統領が来月訪中すると発表した。朴大統領は3日の記念行事に出席する。" +
          "朱首席秘書官は「首脳会談も開催されるものとみている」と話した。",
        "2015-08-20",
      ),
      [["unresolved:朱鉄基", "首脳会談も開催されるものとみている"]],
    );
  });

  it("gives a quotation to an assistant secretary the lexicon lacks (…のスミスソニアン次官補は「…」)", async () => {
    assert.deepEqual(
      await quotes("国務省のスミスソニアン次官補は「北朝鮮は対話に戻るべきだ」と述べた。", "2014-03-01"),
      [["unresolved:スミスソニアン", "北朝鮮は対話に戻るべきだ"]],
    );
  });

  it("gives a quotation to one the lexicon lacks before a title it does not list (ミッチェル元米上院議員は「…」と発表した)", async () => {
    assert.deepEqual(
      await quotes(
        "英国のブレア首相とアイルランドのアハーン首相は10日、北アイルランド和平協議で合意に署名した。和平協議の議長を務めたミッチェル元米上院議員は「両政府と北アイルランドの政党が合意に達した」と発表した。",
        "1998-04-11",
      ),
      [["unresolved:ミッチェル", "両政府と北アイルランドの政党が合意に達した"]],
    );
  });

  it("gives a quotation to one the lexicon knows by a title it does not list (シャーマン北朝鮮政策調整官は…「…」と述べた)", async () => {
    assert.deepEqual(
      await quotes(
        "北朝鮮の趙明禄国防委員会第1副委員長は10日、ホワイトハウスでクリントン大統領と会談した。会談に同席したシャーマン北朝鮮政策調整官は記者団に「非常に前向きで率直、温かい会談だった」と述べた。",
        "2000-10-11",
      ),
      [["wendy-sherman", "非常に前向きで率直、温かい会談だった"]],
    );
  });

  it("takes words praised or thanked with (「…」とたたえた, 「…」と感謝した) for speech", async () => {
    assert.deepEqual(
      await quotes(
        "ブッシュ大統領は会談後の共同記者会見で「首相は困難な決断を下し、在日米軍の再編を支えてくれた」とたたえた。",
        "2006-06-30",
      ),
      [["george-w-bush", "首相は困難な決断を下し、在日米軍の再編を支えてくれた"]],
    );
  });

  it("gives a quotation to one named with the honorific 師 (ハメネイ師は…「…」と書き込み), not the sentence's first topic", async () => {
    assert.deepEqual(
      await quotes(
        "首相は対話を促したが、ハメネイ師は会談後、自身のツイッターに「返答するつもりもない」と書き込んだ。",
        "2019-06-13",
      ),
      [["ali-khamenei", "返答するつもりもない"]],
    );
  });

  it("gives no quotation to the subject of a relative clause (韓国が一時、破棄を通告した協定についても「…」と述べた)", async () => {
    assert.deepEqual(
      await quotes(
        "尹大統領は16日、岸田首相と会談した。尹氏は会談後の記者会見で「韓日関係の正常化に向けた決断だ」と強調した。" +
          "2019年に韓国が一時、破棄を通告した日韓の秘密軍事情報包括保護協定についても「完全な正常化を宣言する」と述べた。",
        "2023-03-17",
      ),
      [
        ["yoon-suk-yeol", "韓日関係の正常化に向けた決断だ"],
        ["yoon-suk-yeol", "完全な正常化を宣言する"],
      ],
    );
  });

  it("gives no quotation to the subject of a clause of the present describing a noun (ルセフ氏が…就任する式典に出席し、「…」)", async () => {
    assert.deepEqual(
      await quotes(
        "ブラジルのルラ大統領は14日、北京で習近平国家主席と会談した。" +
          "13日には、盟友のルセフ氏がBRICS諸国の新開発銀行の総裁に就任する式典に出席し、「なぜすべての国がドルに頼らなければならないのか」と述べた。",
        "2023-04-15",
      ),
      [["luiz-inacio-lula-da-silva", "なぜすべての国がドルに頼らなければならないのか"]],
    );
    // …but one who is to do something (訪問する予定で) is the sentence's subject still
    assert.deepEqual(
      await quotes(
        "ルラ大統領が中国を訪問する予定で、「関係を新たな水準に引き上げたい」と述べた。",
        "2023-04-10",
      ),
      [["luiz-inacio-lula-da-silva", "関係を新たな水準に引き上げたい"]],
    );
  });

  it("gives a quotation to an official the lexicon lacks, by the whole name the dictionary cuts apart (国防省の文尚均報道官は「…」)", async () => {
    assert.deepEqual(
      await quotes(
        "韓国国防省の文尚均報道官は記者会見で「わが国の安全保障に役立つ」と意義を強調した。",
        "2016-11-24",
      ),
      [["unresolved:文尚均", "わが国の安全保障に役立つ"]],
    );
  });

  it("gives a body the lexicon lacks, named after its kind (イスラム原理主義組織ハマスなどは「…」), its words, not the last speaker", async () => {
    assert.deepEqual(
      await quotes(
        "羽田外相は十四日、原則宣言の調印を歓迎する談話を発表し、「和平への大きな一歩だ」と述べた。\n" +
          "一方、合意に反対するイスラム原理主義組織ハマスなどは「パレスチナの大義への裏切りだ」と強く反発した。",
        "1993-09-14",
      ),
      [
        ["tsutomu-hata", "和平への大きな一歩だ"],
        ["organization", "パレスチナの大義への裏切りだ"],
      ],
    );
  });

  it("gives a quotation after a person's statement is issued (…外相の談話を発表。「…」と歓迎し) to that person", async () => {
    assert.deepEqual(
      await quotes(
        "北朝鮮の朴吉淵(パク・ギルヨン)国連大使は「全面的に拒否する」と述べて議場を後にした。" +
          "日本政府は15日未明、麻生太郎外相の談話を発表。「厳しい内容の決議を迅速に採択できたことは喜ばしい」と歓迎し、北朝鮮に決議の誠実な履行を求めた。",
        "2006-10-15",
      ),
      [
        ["unresolved:朴吉淵", "全面的に拒否する"],
        ["taro-aso", "厳しい内容の決議を迅速に採択できたことは喜ばしい"],
      ],
    );
  });

  it("gives each quotation the subject before it (Xは「…」と述べた, Xが「…」と述べたのに対しYは「…」)", async () => {
    assert.deepEqual(
      await quotes(
        "キム総書記が「ロシアのすべての政策を支持する」と述べたのに対してプーチン大統領は「新たな基本文書を準備している」と述べました。",
      ),
      [
        ["kim-jong-un", "ロシアのすべての政策を支持する"],
        ["vladimir-putin", "新たな基本文書を準備している"],
      ],
    );
  });

  it("gives a quotation to an official the lexicon lacks, named with a reading and a title it lacks", async () => {
    assert.deepEqual(
      await quotes(
        "李在明大統領とトランプ大統領が29日、慶州で会談した。会談後、大統領室の金容範(キム・ヨンボム)政策室長は" +
          "ブリーフィングで「難航していた韓米関税交渉が事実上妥結した」と明らかにした。",
        "2025-10-30",
      ),
      [["unresolved:金容範", "難航していた韓米関税交渉が事実上妥結した"]],
    );
    assert.deepEqual(
      await quotes(
        "韓国政府も26日、劉震竜(ユ・ジンリョン)文化体育観光部長官が声明を発表し、「嘆かわしさと怒りを禁じ得ない」と反発した。",
        "2013-12-27",
      ),
      [["unresolved:劉震竜", "嘆かわしさと怒りを禁じ得ない"]],
    );
  });

  it("gives a quotation to a speaker the lexicon lacks, named with a role of no office (飯塚繁雄代表)", async () => {
    assert.deepEqual(
      await quotes(
        "安倍首相は「第一歩となることを期待している」と述べた。拉致被害者家族会の飯塚繁雄代表は29日夜、「これが最後のチャンスだ」と語った。",
        "2014-05-30",
      ),
      [
        ["shinzo-abe", "第一歩となることを期待している"],
        ["unresolved:飯塚繁雄", "これが最後のチャンスだ"],
      ],
    );
  });

  it("gives a quotation told by surname and title (キム書記) to the one the lexicon lacks named with that title", async () => {
    assert.deepEqual(
      await quotes(
        "会談には、団長を務めるキム・ギナム書記と、キム・ヤンゴン統一戦線部長らが出席し、キム・ジョンイル総書記のメッセージを伝えた。" +
          "キム書記は会談のあと、記者団に「とてもいい気持ちで帰ることになった」と話した。",
        "2009-08-23",
      ),
      [["unresolved:キム・ギナム", "とてもいい気持ちで帰ることになった"]],
    );
  });

  it("gives a quotation to one named with a title the lexicon does not list for them (カストロ議長は「…」)", async () => {
    assert.deepEqual(
      await quotes(
        "オバマ米大統領は21日、カストロ国家評議会議長と会談した。会見で、カストロ議長は「禁輸の解除が不可欠だ」と述べ、オバマ氏に働きかけを求めた。",
        "2016-03-22",
      ),
      [["raul-castro", "禁輸の解除が不可欠だ"]],
    );
  });

  it("gives a quotation to a minister named with a portfolio title the lexicon lacks (経済再生担当相は「…」)", async () => {
    assert.deepEqual(
      await quotes(
        "安倍首相は11日、習近平国家主席と会談した。共同議長を務めた茂木敏充経済再生担当相は「保護主義に対抗するメッセージになる」と強調した。",
        "2017-11-12",
      ),
      [["toshimitsu-motegi", "保護主義に対抗するメッセージになる"]],
    );
  });

  it("takes a stance told (「…」という日本の立場を伝えた) for speech, and a term (「…」という言葉) for none", async () => {
    assert.deepEqual(
      await quotes(
        "菅首相は4日、温家宝首相と懇談した。菅首相が「尖閣諸島はわが国固有の領土であり、領土問題は存在しない」という日本の立場を伝えた。" +
          "両首脳は「戦略的互恵関係」という言葉を使った。",
        "2010-10-05",
      ),
      [["naoto-kan", "尖閣諸島はわが国固有の領土であり、領土問題は存在しない"]],
    );
  });

  it("takes an appeal (「…」と呼びかけた) for speech, and naming (「…」と呼ぶ) for none", async () => {
    assert.deepEqual(
      await quotes(
        "岸田首相は「北朝鮮は対話に応じるべきだ」と呼びかけた。専門家は両国の関係を「新冷戦」と呼んでいる。",
        "2024-07-29",
      ),
      [["fumio-kishida", "北朝鮮は対話に応じるべきだ"]],
    );
  });

  it("knows the envoys who speak for their states at the Security Council (国連大使), in either spelling", async () => {
    assert.deepEqual(
      await quotes(
        "米国のトーマスグリーンフィールド国連大使は「ロシアは自らの違反行為を隠そうとしている」と非難した。" +
          "ロシアのネベンジャ国連大使は「制裁は北朝鮮の人々を苦しめるだけだ」と反論した。",
        "2024-03-29",
      ),
      [
        ["linda-thomas-greenfield", "ロシアは自らの違反行為を隠そうとしている"],
        ["vassily-nebenzya", "制裁は北朝鮮の人々を苦しめるだけだ"],
      ],
    );
  });

  it("finds the speaker after the quotation and in the sentences before", async () => {
    assert.deepEqual(
      await quotes(
        "「非常によい会談だった」と、トランプ大統領は記者団に語った。そのうえで「次の会談も楽しみにしている」と述べた。",
        "2018-06-01",
      ),
      [
        ["donald-trump", "非常によい会談だった"],
        ["donald-trump", "次の会談も楽しみにしている"],
      ],
    );
  });

  it("keeps the inner quotation inside the outer one and marks labels as no speech", async () => {
    const found = await quotes(
      "中国外務省の林剣報道官は「『外交安保対話』は早くから決まっていたものだ」と述べた。北朝鮮は中ロ朝の陣営対立を「新冷戦」と呼んでいる。",
    );
    assert.deepEqual(found, [["lin-jian", "『外交安保対話』は早くから決まっていたものだ"]]);
  });

  it("takes a document's name listed with another document for no speech, and speech about a document for speech", async () => {
    // と is "and" here: both sides are documents' names
    assert.deepEqual(
      await quotes(
        "胡錦濤国家主席は福田首相と会談し、「日中共同文書」と温暖化対策に関する共同声明を発表した。",
      ),
      [],
    );
    assert.deepEqual(
      await quotes(
        "3首脳は「キャンプ・デービッド原則」と、協力の内容を盛り込んだ共同声明「キャンプ・デービッドの精神」を発表した。",
      ),
      [],
    );
    // the bracketed text is said, and the statement is what it was said about
    assert.deepEqual(await quotes("北朝鮮外務省は「敵対行為の表れだ」と日米韓の共同声明を非難した。"), [
      ["prk-mfa", "敵対行為の表れだ"],
    ]);
  });

  it("gives a quotation after …と指摘したうえで to the sentence's topic, not to a subject inside what was pointed out", async () => {
    assert.deepEqual(
      await quotes(
        "キム総書記は「ロシアを全面的に支持する」と述べた。米国務省のミラー報道官は、武器の取り引きは決議違反だと指摘したうえで「新たな制裁を科すことをためらわない」と述べた。",
        "2023-09-14",
      ),
      [
        ["kim-jong-un", "ロシアを全面的に支持する"],
        ["matthew-miller", "新たな制裁を科すことをためらわない"],
      ],
    );
    assert.deepEqual(
      await quotes(
        "ブリンケン国務長官は会見した。また、イランや中国もロシアを支援していると指摘した上で「支援を断ち切るために努力する」と強調した。",
        "2023-09-14",
      ),
      [["antony-blinken", "支援を断ち切るために努力する"]],
    );
  });

  it("reads sarcasm, jokes and complaints as speech (と皮肉った, と冗談を交えた, と漏らした)", async () => {
    assert.deepEqual(
      await quotes(
        "トランプ大統領は「米国に対して陰謀を企てている」と皮肉った。金委員長は「遠くから持ってきたのだが」と冗談を交えた。高官は「もう打つ手がない状況だ」と漏らした。",
      ),
      [
        ["donald-trump", "米国に対して陰謀を企てている"],
        ["kim-jong-un", "遠くから持ってきたのだが"],
        ["anonymous", "もう打つ手がない状況だ"],
      ],
    );
  });

  it("gives a quotation standing alone to the topic of the next sentence when it says こう述べた", async () => {
    assert.deepEqual(
      await quotes(
        "トランプ大統領は30日、金正恩総書記と会談した。「この握手は新しい未来を切り開く意思の表れだと思う」。金氏は会談の冒頭でこう述べた。",
        "2019-06-30",
      ),
      [["kim-jong-un", "この握手は新しい未来を切り開く意思の表れだと思う"]],
    );
  });

  it("gives a title after a name and its reading to that person, whoever else held the office", async () => {
    // 第1外務次官 alone would be whoever the lexicon has in that office on the date
    assert.deepEqual(
      await quotes(
        "会見に同席した崔善姫(チェ・ソンヒ)第1外務次官は「米国との交渉を続ける意味があるのか考えている」と述べた。",
        "2019-03-01",
      ),
      [["choe-son-hui", "米国との交渉を続ける意味があるのか考えている"]],
    );
  });

  it("gives words said by both leaders, or by an unnamed spokesperson, to no one person", async () => {
    const found = await quotes(
      "文大統領は安倍首相と歓談した。文大統領は「対話を続けていきたい」と語った。" +
        "両首脳はその際、「今回の会合をきっかけに、両国関係を発展させていく」との意向を表明した。" +
        "報道官は、「両首脳は懸案を対話で解決すべきだという原則を確認した」と明らかにした。",
      "2019-11-04",
    );
    assert.deepEqual(found, [
      ["moon-jae-in", "対話を続けていきたい"],
      ["joint", "今回の会合をきっかけに、両国関係を発展させていく"],
      ["anonymous", "両首脳は懸案を対話で解決すべきだという原則を確認した"],
    ]);
    // 両首脳が here is inside the clause about the treaty: the speaker is still the president
    assert.deepEqual(
      await quotes(
        "プーチン大統領はキム総書記と会談した後、会見した。両首脳が署名した条約について「一方が攻撃を受けた際にもう一方が支援することを定めている」と述べた。",
      ),
      [["vladimir-putin", "一方が攻撃を受けた際にもう一方が支援することを定めている"]],
    );
  });

  it("prints a person's quotation under 10 characters as a fragment, a longer one as a quote", async () => {
    const doc = await pipeline.process(
      textDocument(
        "バイデン大統領は「変更はない」と述べた。バイデン大統領は「一方的な現状変更には強く反対する」と強調した。",
        "2022-07-29",
        "q",
      ),
    );
    const lines = contractLines(doc, extractionOf(doc), pipeline.ctx.lexicon) as {
      kind: string;
      text?: string;
    }[];
    assert.deepEqual(
      lines.filter((l) => l.kind === "quote" || l.kind === "fragment").map((l) => [l.kind, l.text]),
      [
        ["fragment", "変更はない"],
        ["quote", "一方的な現状変更には強く反対する"],
      ],
    );
  });

  it("gives the quotation to the institution or anonymous source, never to a person", async () => {
    const found = await quotes(
      "国務省の高官は「必要なことを確認している」と述べた。朝鮮中央通信によりますと、キム総書記は「喜びを禁じ得ない」としています。",
      "2018-05-31",
    );
    assert.deepEqual(found, [
      ["anonymous", "必要なことを確認している"],
      ["kcna", "喜びを禁じ得ない"],
    ]);
  });

  it("reads headline and caption speakers", async () => {
    const found = await quotes(
      "米中首脳電話会談 習主席「火遊びをすれば自ら身を滅ぼす」\n\nアメリカ バイデン大統領\n「誤解のないよう明確に理解し合うことが重要です」",
      "2022-07-29",
    );
    assert.deepEqual(found, [
      ["xi-jinping", "火遊びをすれば自ら身を滅ぼす"],
      ["joe-biden", "誤解のないよう明確に理解し合うことが重要です"],
    ]);
  });
});
