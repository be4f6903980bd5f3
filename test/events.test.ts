import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { ExtractedEvent } from "../src/extract/types.js";
import { contractLines } from "../src/extract/contract.js";
import { linkOutcomes } from "../src/extract/events/links.js";
import { readStatus } from "../src/extract/events/status.js";
import { extractionOf } from "../src/pipeline/extraction.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { textDocument } from "./helpers/source.js";

const pipeline = createExtractionPipeline();

async function extract(body: string, published = "2024-06-19") {
  const doc = await pipeline.process(textDocument(body, published));
  return { doc, ...extractionOf(doc) };
}

const ids = (e: ExtractedEvent, role?: string) =>
  e.participants.filter((p) => !role || p.role === role).map((p) => p.actor.id);
const find = (events: ExtractedEvent[], type: string, mode?: string | null) =>
  events.filter((e) => e.type === type && (mode === undefined || e.mode === mode));

describe("event triggers and roles", () => {
  it("reads a meeting with its parties, date and most specific place (XはYと会談)", async () => {
    const { events } = await extract(
      "ロシアのプーチン大統領は19日午後、ピョンヤンのクムスサン迎賓館で北朝鮮のキム・ジョンウン総書記と会談しました。",
    );
    const [meet] = find(events, "CONSULT", "meet");
    assert.ok(meet);
    assert.deepEqual(ids(meet).sort(), ["kim-jong-un", "vladimir-putin"]);
    assert.equal(meet.date?.start, "2024-06-19");
    assert.equal(meet.date?.source, "clause");
    assert.equal(meet.place?.id, "kumsusan-guesthouse");
    assert.equal(meet.status, "occurred");
  });

  it("reads talks as by telephone when the sentence began by telling them so (電話で会談していて、20日には…と、24日には…と会談しています)", async () => {
    const { events } = await extract(
      "菅総理大臣は、今月16日の就任以降、各国の首脳と相次いで電話で会談していて、20日にはアメリカのトランプ大統領と、前日の24日には韓国のムン・ジェイン大統領と会談しています。",
      "2020-09-26",
    );
    const talks = find(events, "CONSULT").filter((e) => ids(e).length === 2);
    assert.deepEqual(
      talks.map((e) => [e.mode, e.date?.start, ids(e).sort().join("+")]),
      [
        ["phone", "2020-09-20", "donald-trump+yoshihide-suga"],
        ["phone", "2020-09-24", "moon-jae-in+yoshihide-suga"],
      ],
    );
    // …but not talks another holds after going there (池田外相も現地入りして大統領と会談した)
    const { events: other } = await extract(
      "橋本首相は翌18日にフジモリ大統領と電話で会談して人質の安全確保を要請し、池田行彦外相も現地入りして大統領と会談した。",
      "1996-12-20",
    );
    const ikeda = find(other, "CONSULT").find((e) => ids(e).includes("yukihiko-ikeda"));
    assert.equal(ikeda?.mode, "meet");
  });

  it("reads a gathering the clause after について is about holding (日中韓首脳会議について、年内に日本で開催する方向で調整)", async () => {
    const { events } = await extract(
      "日本政府は、日中韓首脳会議について、年内に日本で開催する方向で調整を続けています。",
      "2020-09-26",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(summit, "the planned summit");
    assert.equal(summit.status, "planned");
    assert.deepEqual(ids(summit).sort(), ["CHN", "JPN", "KOR"]);
    // …and one to gather within the year is its states', though their leaders are named: who will lead
    // them then is not known
    const { events: named } = await extract(
      "菅首相は25日、中国の習近平国家主席、韓国の文在寅大統領と相次いで電話で会談した。" +
        "日本政府は日中韓首脳会議を年内に日本で開催する方向で調整している。",
      "2020-09-26",
    );
    assert.deepEqual(ids(find(named, "CONSULT", "multilateral")[0]!).sort(), ["CHN", "JPN", "KOR"]);
    // …while a meeting referred to is still no event of its own (会談について説明した)
    const { events: told } = await extract(
      "官房長官は記者会見で、日中首脳会談について説明した。",
      "2020-09-26",
    );
    assert.equal(find(told, "CONSULT").length, 0);
  });

  it("leaves a summit told only by its year as its states', and as no place for talks of a day (年内に日本で開かれる予定の韓中日首脳会議)", async () => {
    const { events } = await extract(
      "朴槿恵大統領は6日、ビエンチャンでオバマ大統領と会談した。7日には安倍首相とも会談した。" +
        "両首脳は、年内に日本で開かれる予定の韓中日首脳会議の成功に向けて協力することで一致した。",
      "2016-09-08",
    );
    for (const e of find(events, "CONSULT", "meet"))
      assert.notEqual(e.place?.id, "JPN", `${ids(e).join("+")} was not held in Japan`);
  });

  it("gives no visit to the topic when the clause has a subject of its own the lexicon lacks (支倉常長の一行がハバナに立ち寄った)", async () => {
    const { events } = await extract(
      "安倍総理大臣は、日本の総理大臣として初めてキューバを訪れ、現地時間の22日、首都ハバナでラウル・カストロ国家評議会議長と会談しました。" +
        "江戸時代初めの1614年には、支倉常長の一行がハバナに立ち寄ったとされています。",
      "2016-09-23",
    );
    assert.deepEqual(
      find(events, "CONSULT", "visit").map((e) => [ids(e).join("+"), e.date?.start]),
      [["shinzo-abe+CUB", "2016-09-22"]],
    );
    // …but a subject inside a clause describing the place is not the clause's (虐殺が起きたキーウ近郊のブチャを訪れ)
    const { events: bucha } = await extract(
      "岸田首相は21日、キーウに入った。首相は、多数の民間人が殺害されたキーウ近郊のブチャを訪れ、献花した。",
      "2023-03-22",
    );
    assert.ok(find(bucha, "CONSULT", "visit").some((e) => e.place?.id === "bucha"));
  });

  it("reads talks held at a home just visited as with its owner, on the day told before what they respond to (…前議長の自宅を訪れ、およそ1時間会談しました)", async () => {
    const { events } = await extract(
      "安倍総理大臣は、現地時間の22日、首都ハバナでラウル・カストロ国家評議会議長と会談しました。" +
        "安倍総理大臣は、北朝鮮が今月9日に核実験を強行したことを踏まえ、キューバが北朝鮮に働きかけるよう求めました。" +
        "続いて安倍総理大臣は、キューバ革命を率いたフィデル・カストロ前議長の自宅を訪れ、およそ1時間会談しました。",
      "2016-09-23",
    );
    const fidel = find(events, "CONSULT", "meet").find((e) => ids(e).includes("fidel-castro"));
    assert.ok(fidel, "the talks with Fidel Castro");
    assert.deepEqual(ids(fidel).sort(), ["fidel-castro", "shinzo-abe"]);
    assert.equal(fidel.date?.start, "2016-09-22");
  });

  it("reads no meeting in an offer to host one (ロシアとウクライナの首脳会談をトルコで開く用意があるとも表明)", async () => {
    const { events } = await extract(
      "エルドアン大統領は、ロシアとウクライナの首脳会談をトルコで開く用意があるとも表明しています。",
      "2022-03-11",
    );
    assert.deepEqual(find(events, "CONSULT"), []);
  });

  it("reads a katakana name touching its state and title, its reading in brackets dropped (ゼレンスキー（Volodymyr Zelensky）ウクライナ大統領)", async () => {
    const { events } = await extract(
      "【2月9日 AFP】フランスのエマニュエル・マクロン（Emmanuel Macron）大統領は8日、ウクライナの首都キエフを訪れ、" +
        "ウォロディミル・ゼレンスキー（Volodymyr Zelensky）ウクライナ大統領と会談した。",
      "2022-02-09",
    );
    const [meet] = find(events, "CONSULT", "meet");
    assert.deepEqual(ids(meet!).sort(), ["emmanuel-macron", "volodymyr-zelensky"]);
  });

  it("reads visits listed each with its day, and the talks of each respectively (7日にモスクワを、8日にはキエフを相次いで訪れ、…とそれぞれ会談)", async () => {
    const { events } = await extract(
      "フランスのマクロン大統領は7日にロシアの首都モスクワを、8日にはウクライナの首都キエフを相次いで訪れ、" +
        "プーチン露大統領、ゼレンスキー・ウクライナ大統領とそれぞれ会談した。",
      "2022-02-09",
    );
    const show = (e: ExtractedEvent) => [e.date?.start, e.place?.id, ids(e).sort().join("+")];
    assert.deepEqual(find(events, "CONSULT", "visit").map(show), [
      ["2022-02-07", "moscow", "RUS+emmanuel-macron"],
      ["2022-02-08", "kyiv", "UKR+emmanuel-macron"],
    ]);
    assert.deepEqual(find(events, "CONSULT", "meet").map(show), [
      ["2022-02-07", "moscow", "emmanuel-macron+vladimir-putin"],
      ["2022-02-08", "kyiv", "emmanuel-macron+volodymyr-zelensky"],
    ]);
  });

  it("gives no summit to a topic who led no state on its day (菅総理大臣は…去年6月に大阪で行われた安倍前総理大臣との首脳会談で)", async () => {
    const { events } = await extract(
      "菅総理大臣は25日夜、中国の習近平国家主席と電話会談を行いました。" +
        "習主席の来日をめぐっては、去年6月に大阪で行われた安倍前総理大臣との首脳会談で、ことし春に実現させることで一致していました。",
      "2020-09-26",
    );
    const summits = find(events, "CONSULT").filter((e) => e.date?.start.startsWith("2019"));
    assert.ok(
      summits.every((e) => !ids(e).includes("yoshihide-suga")),
      "Suga was no leader in June 2019",
    );
  });

  it("reads one the subject dines with while talking as the one met (首相とともに…夕食を取りながら、…意見を交わした)", async () => {
    const { events } = await extract(
      "オバマ米大統領は23日夜に来日し、安倍首相とともに銀座のすし店で非公式の夕食を取りながら、北朝鮮問題を巡って意見を交わした。",
      "2014-04-24",
    );
    const [meeting] = find(events, "CONSULT", "meet");
    assert.deepEqual(meeting && ids(meeting).sort(), ["barack-obama", "shinzo-abe"]);
    // (not one travelled with: 夫人とともに北京入りし、26日に…習主席と会談した)
    const trip = await extract(
      "金委員長は夫人の李雪主氏とともに特別列車で北京入りし、26日に人民大会堂で習近平国家主席と会談した。",
      "2018-03-28",
    );
    const talks = find(trip.events, "CONSULT").filter((e) => e.mode !== "visit");
    assert.deepEqual(
      talks.map((e) => ids(e).sort()),
      [["kim-jong-un", "xi-jinping"]],
    );
  });

  it("reads those called one after another as one call each (…党首や、…党首らに相次いで電話をかけ)", async () => {
    const { events } = await extract(
      "クリントン米大統領は9日夜から10日未明にかけて、アルスター統一党のトリンブル党首や、シン・フェイン党のアダムズ党首らに相次いで電話をかけ、妥協を促した。",
      "1998-04-11",
    );
    const calls = find(events, "CONSULT", "phone");
    assert.equal(calls.length, 2);
    for (const c of calls) assert.equal(c.participants.length, 2);
  });

  it("reads counterparts met one after another as one meeting each (…国家主席や…首相とも相次いで会談した)", async () => {
    const { events } = await extract(
      "習近平国家主席は14日、ハノイでトー・ラム書記長と会談した。習氏は15日までにルオン・クオン国家主席やファム・ミン・チン首相とも相次いで会談した。",
      "2025-04-17",
    );
    assert.deepEqual(
      find(events, "CONSULT", "meet").map((e) => ids(e).sort().join("+")),
      ["to-lam+xi-jinping", "luong-cuong+xi-jinping", "pham-minh-chinh+xi-jinping"],
    );
  });

  it("reads an organisation whose leaders are met as the counterpart (米議会の指導者と会見し)", async () => {
    const { events } = await extract(
      "胡主席は18日午後にワシントンに到着し、オバマ大統領と会談した。胡主席は20日、米議会の指導者と会見する予定。",
      "2011-01-19",
    );
    const meeting = find(events, "CONSULT", "meet").find((e) => e.date?.start === "2011-01-20");
    assert.deepEqual(meeting && ids(meeting), ["hu-jintao", "us-congress"]);
  });

  it("reads the host of a ministers' gathering as its minister the article names (天津で開かれるSCO外相会議)", async () => {
    const { events } = await extract(
      "ロシアのラブロフ外相は13日に北京で中国の王毅外相と会談した後、15日に天津で開かれる上海協力機構(SCO)外相会議に出席する予定だ。",
      "2025-07-12",
    );
    const [gathering] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(ids(gathering!).sort(), ["sco", "sergei-lavrov", "wang-yi"]);
  });

  it("reads another statement issued besides as a signing of its own (…に関する共同声明も発表した)", async () => {
    const { events } = await extract(
      "福田康夫首相は7日、中国の胡錦濤国家主席と首相官邸で会談し、「戦略的互恵関係」の包括的推進に関する日中共同声明に署名した。" +
        "会談後の共同記者会見で主席は「中日関係は新たな歴史の起点に立っている」と強調した。両首脳は地球温暖化対策に関する共同声明も発表した。",
      "2008-05-08",
    );
    const signings = find(events, "SUPPORT", "sign");
    assert.equal(signings.length, 2);
    for (const s of signings) {
      assert.equal(s.date?.start, "2008-05-07");
      assert.deepEqual(ids(s).sort(), ["hu-jintao", "yasuo-fukuda"]);
    }
  });

  it("reads a name in brackets signed or adopted as the whole document, whatever noun it ends on (「合意された枠組み」に署名, 「…に関する共同声明」を採択), but not a plan put together (「…プラン」をまとめた)", async () => {
    const { events } = await extract(
      "【ジュネーブ21日時事】米国代表のガルーチ核問題担当大使と北朝鮮代表の姜錫柱第1外務次官は21日、核問題の包括的な解決を目指す「合意された枠組み」に署名した。",
      "1994-10-22",
    );
    assert.deepEqual(
      find(events, "SUPPORT", "sign").map((e) => [e.object, ...ids(e).sort()]),
      [["合意された枠組み", "kang-sok-ju", "robert-gallucci"]],
    );
    const adopted = await extract(
      "ロシアのプーチン大統領と中国の習近平国家主席は4日、北京で会談した。" +
        "会談後、両首脳は「新時代に入った国際関係と世界の持続可能な発展に関する共同声明」を採択した。" +
        "経済分野では、投資協力の強化など六項目からなる「中ロ協力プラン」をまとめた。",
      "2022-02-05",
    );
    assert.deepEqual(
      find(adopted.events, "SUPPORT", "sign").map((e) => e.object),
      ["新時代に入った国際関係と世界の持続可能な発展に関する共同声明"],
    );
  });

  it("reads another document signed that day as a signing of its own (…協定にも署名した)", async () => {
    const { events } = await extract(
      "安倍晋三首相は8日、キャンベラでオーストラリアのアボット首相と会談し、両国の経済連携協定（EPA）に署名した。" +
        "豪首相は、集団的自衛権の行使を容認した1日の閣議決定を歓迎した。両政府は同日、防衛装備品・技術の移転に関する協定にも署名した。",
      "2014-07-09",
    );
    const signings = find(events, "SUPPORT", "sign");
    assert.deepEqual(
      signings.map((e) => [e.object, e.date?.start]),
      [
        ["両国の経済連携協定", "2014-07-08"],
        ["防衛装備品・技術の移転に関する協定", "2014-07-08"],
      ],
    );
  });

  it("reads a signing by both governments at their leaders' meeting as the states' (両国政府は…協力文書にも調印した)", async () => {
    const { events } = await extract(
      "中国の習近平国家主席は21日、ウランバートルでモンゴルのエルベグドルジ大統領と会談し、共同宣言に署名した。" +
        "両国政府は鉱物資源の開発やインフラ整備など多分野にわたる協力文書にも調印した。",
      "2014-08-22",
    );
    const documents = find(events, "SUPPORT", "sign").find((e) => e.object?.includes("協力文書"));
    assert.deepEqual(ids(documents!).sort(), ["CHN", "MNG"]);
  });

  it("reads the people a clause names meeting as its parties, not the 両国 the sentence is about (両国は…フセイン国王とラビン首相が…会談し)", async () => {
    const { events } = await extract(
      "クリントン大統領は同日朝、カイロでエジプトのムバラク大統領と会談した。27日にはダマスカスでシリアのアサド大統領と会談する予定だ。" +
        "両国は7月25日、ワシントンのホワイトハウスでヨルダンのフセイン国王とイスラエルのラビン首相が初めて公式に会談した。",
      "1994-10-27",
    );
    const july = find(events, "CONSULT").find((e) => e.date?.start === "1994-07-25");
    assert.deepEqual(ids(july!).sort(), ["king-hussein", "yitzhak-rabin"]);
  });

  it("reads the party after a title the lexicon lacks joined by ・ (陳敏爾・同市党委員会書記と会談する)", async () => {
    const { events } = await extract(
      "文在寅大統領は16日、重慶市トップの陳敏爾・同市党委員会書記と会談する。",
      "2017-12-12",
    );
    assert.deepEqual(
      find(events, "CONSULT", "meet").map((e) => ids(e).sort()),
      [["chen-miner", "moon-jae-in"]],
    );
  });

  it("reads the party after a reading in brackets and an honorific (金正恩(キム・ジョンウン)氏と会談)", async () => {
    const { events } = await extract(
      "習近平氏は8日、北京の人民大会堂で、中国を訪問中の朝鮮労働党委員長で国務委員長の金正恩(キム・ジョンウン)氏と会談した。",
      "2019-01-10",
    );
    assert.deepEqual(
      find(events, "CONSULT", "meet").map((e) => ids(e).sort()),
      [["kim-jong-un", "xi-jinping"]],
    );
  });

  it("finds the place behind a word for its surroundings or brackets (郊外で, 市内で, 「平和の家」で)", async () => {
    const cases: [string, string][] = [
      [
        "バイデン大統領と習近平国家主席は15日、サンフランシスコ郊外で1年ぶりに会談しました。",
        "san-francisco",
      ],
      ["岸田首相と中国の李強首相は27日、ソウル市内で会談した。", "seoul"],
      ["文在寅大統領と金正恩委員長は27日、板門店にある韓国側施設「平和の家」で会談した。", "peace-house"],
      ["岸田首相は18日、バイデン大統領と大統領山荘キャンプ・デービッドで会談しました。", "camp-david"],
      // a generic noun with the venue's name in brackets
      [
        "北朝鮮、韓国、米国、日本、中国、ロシアの6か国は19日正午ごろ、中国・北京内の迎賓館(釣魚台)で全体会合を開いた。",
        "diaoyutai-state-guesthouse",
      ],
    ];
    for (const [text, place] of cases) {
      const meeting = (await extract(text, "2023-11-15")).events.find((e) => e.type === "CONSULT");
      assert.equal(meeting?.place?.id, place, text);
    }
  });

  it("places an event at a venue the lexicon lacks in the city that qualifies it (ピョンヤンの国際空港に)", async () => {
    const { events } = await extract(
      "尹大統領は10日、ソウル市内のホテルで日本の岸田首相と会談した。プーチン大統領は19日未明、首都ピョンヤンの国際空港に到着した。",
    );
    assert.equal(find(events, "CONSULT", "meet")[0]?.place?.id, "seoul");
    assert.equal(find(events, "CONSULT", "visit")[0]?.place?.id, "pyongyang");
    // an embassy in a city is in that city
    const embassy = await extract("岸田首相は10日、東京の中国大使館で中国の王毅外相と会談した。");
    assert.equal(find(embassy.events, "CONSULT", "meet")[0]?.place?.id, "tokyo");
    // (a state qualifying a person far before the place is no place: 北朝鮮の…委員長による…首脳会談が12日、シンガポールで)
    const far = await extract(
      "アメリカのトランプ大統領と北朝鮮のキム・ジョンウン朝鮮労働党委員長による史上初めての米朝首脳会談が12日、シンガポールで行われました。",
      "2018-06-12",
    );
    assert.equal(find(far.events, "CONSULT")[0]?.place?.id, "SGP");
    // and a government's seat (首相府, 大統領府) in its city
    const seat = await extract(
      "習近平国家主席は9日、ブダペストの首相府でハンガリーのオルバン首相と会談した。",
      "2024-05-10",
    );
    assert.equal(find(seat.events, "CONSULT", "meet")[0]?.place?.id, "budapest");
  });

  it("reads a name both an institution and its building bears as the building where the text says where", async () => {
    const { events } = await extract("福田首相は7日、首相官邸で胡錦濤国家主席と会談した。", "2008-05-07");
    assert.equal(find(events, "CONSULT", "meet")[0]?.place?.id, "kantei");
    const statement = await extract(
      "ホワイトハウスは7日、声明で合意を歓迎した。クレムリンに到着した。",
      "2008-05-07",
    );
    const kinds = statement.doc.mentions.map((m) => [m.kind, m.entityId]);
    assert.deepEqual(kinds, [
      ["organization", "white-house"],
      ["place", "kremlin"],
    ]);
  });

  it("reads officials the lexicon lacks by their titles (伊原純一アジア大洋州局長らが, 木寺昌人駐中国大使を)", async () => {
    const { events } = await extract(
      "同じ年の10月には外務省の伊原純一アジア大洋州局長らが平壌を訪れ、特別調査委員会のソ・テハ委員長らと協議しました。",
      "2016-02-13",
    );
    const [visit] = find(events, "CONSULT", "visit");
    assert.deepEqual(ids(visit!), ["unresolved:伊原純一", "PRK"]);
    assert.deepEqual(ids(find(events, "CONSULT", "meet")[0]!).sort(), [
      "unresolved:ソ・テハ",
      "unresolved:伊原純一",
    ]);
    // a surname the dictionary lacks, cut into single kanji, is part of the name
    const summoned = await extract(
      "王毅外相は26日、日本の木寺昌人駐中国大使を外交部に呼び、抗議した。",
      "2013-12-27",
    );
    assert.deepEqual(ids(find(summoned.events, "CONSULT", "meet")[0]!).sort(), [
      "unresolved:木寺昌人",
      "wang-yi",
    ]);
    // …and a name the dictionary knows no part of, cut into single kanji between a state and a title
    // (南|官|杓|駐日大使); not a word that qualifies a title (対|米|大使)
    const ambassador = await extract(
      "秋葉剛男外務次官は8日、韓国の南官杓駐日大使を外務省に呼び、抗議した。",
      "2021-01-08",
    );
    assert.deepEqual(ids(find(ambassador.events, "CONSULT", "meet")[0]!).sort(), [
      "takeo-akiba",
      "unresolved:南官杓",
    ]);
    // a ministry that calls someone in stands for its state
    const ministry = await extract(
      "韓国外交部は5日夜、在韓日本大使館の相馬弘尚総括公使を外交部に呼び、説明を求めた。",
      "2020-03-06",
    );
    assert.deepEqual(ids(find(ministry.events, "CONSULT", "meet")[0]!).sort(), [
      "KOR",
      "unresolved:相馬弘尚",
    ]);
    const envoy = await extract("秋葉剛男外務次官は8日、北朝鮮の対米大使と会談した。", "2021-01-08");
    assert.ok(!JSON.stringify(envoy.events).includes("unresolved:"));
    // …and a given name the dictionary cuts after its first kanji (杉山|晋|輔外務省)
    const talks = await extract(
      "日本側代表の杉山晋輔外務省アジア大洋州局長は16日、北朝鮮の宋日昊大使とウランバートルで協議した。",
      "2012-11-17",
    );
    assert.ok(
      ids(find(talks.events, "CONSULT")[0]!).includes("unresolved:杉山晋輔"),
      JSON.stringify(talks.events.map((e) => ids(e))),
    );
  });

  it("reads a name the lexicon lacks before ・, a state and a title, past an English gloss (外務省: …・モンゴル国首相(H.E. …)と)", async () => {
    const { events } = await extract(
      [
        "本10日午後6時30分から約30分間，総理大臣官邸において，安倍晋三内閣総理大臣は，来日中のジャルガルトラギーン・エルデネバト・モンゴル国首相（H.E. Mr. Jargaltulgyn Erdenebat, Prime Minister of Mongolia）と首脳会談を行いました。",
        "安倍総理大臣とエルデネバト首相は，同協定の早期発効に向けて，それぞれの国内手続を速やかに進めることで一致しました。",
      ].join(""),
      "2015-02-10",
    );
    const [meeting] = find(events, "CONSULT", "meet");
    assert.deepEqual(ids(meeting!).sort(), ["shinzo-abe", "unresolved:ジャルガルトラギーン・エルデネバト"]);
    assert.equal(meeting!.date?.start, "2015-02-10");
    assert.deepEqual(ids(find(events, "CONSULT", "visit")[0]!, "actor"), [
      "unresolved:ジャルガルトラギーン・エルデネバト",
    ]);
    // the surname alone later is the same person
    assert.deepEqual(ids(find(events, "AGREE")[0]!).sort(), [
      "shinzo-abe",
      "unresolved:ジャルガルトラギーン・エルデネバト",
    ]);
  });

  it("reads a compound's leaders as its states (韓米首脳は), and one named with a body after ら (ペロシ下院議長ら下院指導部と)", async () => {
    const { events } = await extract(
      [
        "文大統領は20日、連邦議会でペロシ下院議長ら下院指導部と約20分間面会した。",
        "韓米首脳は2月4日に初の電話会談を行っていた。日中外相は同日、北京で会談した。",
      ].join(""),
      "2021-05-22",
    );
    assert.deepEqual(ids(find(events, "CONSULT", "meet")[0]!).sort(), ["moon-jae-in", "nancy-pelosi"]);
    const [call] = find(events, "CONSULT", "phone");
    // (the text names no American leader: the state stands)
    assert.deepEqual(ids(call!).sort(), ["USA", "moon-jae-in"]);
    assert.equal(call!.date?.start, "2021-02-04");
    const ministers = find(events, "CONSULT", "meet")[1];
    assert.deepEqual(ids(ministers!).sort(), ["CHN", "JPN"]);
  });

  it("reads the party of one named with a body of their state after ら (鄭義溶国家安保室長ら韓国の特使団と)", async () => {
    const { events } = await extract(
      "金委員長は今月5日、平壌を訪れた鄭義溶(チョン・ウィヨン)青瓦台国家安保室長ら韓国の特使団と会談し、南北首脳会談の開催で合意していた。",
      "2018-03-28",
    );
    assert.deepEqual(ids(find(events, "CONSULT", "meet")[0]!).sort(), ["chung-eui-yong", "kim-jong-un"]);
    assert.deepEqual(ids(find(events, "AGREE")[0]!).sort(), ["chung-eui-yong", "kim-jong-un"]);
  });

  it("reads the party of one named with others (ラブロフ外相らが, 委員長らと) by the particle after ら", async () => {
    const { events } = await extract(
      "ロシアのラブロフ外相らが11日、平壌に到着し、崔善姫外相らと会談した。",
      "2025-07-12",
    );
    assert.deepEqual(ids(find(events, "CONSULT", "meet")[0]!).sort(), ["choe-son-hui", "sergei-lavrov"]);
    assert.deepEqual(ids(find(events, "CONSULT", "visit")[0]!, "actor"), ["sergei-lavrov"]);
  });

  it("reads the summit of a leader's visit (プーチン氏が来日した際の首脳会談で…合意した) as held, with the host's leader", async () => {
    const { events } = await extract(
      "安倍晋三首相は5日、ウラジオストクでプーチン大統領と会談した。" +
        "共同経済活動は、2016年12月にプーチン氏が来日した際の首脳会談で協議開始に合意したものだ。",
      "2019-09-06",
    );
    const earlier = events.filter((e) => e.date?.start === "2016-12-01").map((e) => [e.type, ids(e).sort()]);
    assert.deepEqual(earlier, [
      ["CONSULT", ["JPN", "vladimir-putin"]],
      ["CONSULT", ["shinzo-abe", "vladimir-putin"]],
      ["AGREE", ["shinzo-abe", "vladimir-putin"]],
    ]);
  });

  it("leaves who signed an agreement a relative clause names out of what is agreed on it (日本とソ連が署名した…を基礎に)", async () => {
    const { events } = await extract(
      "安倍晋三首相は5日、ウラジオストクでプーチン大統領と会談した。" +
        "両首脳は昨年11月にシンガポールで会談し、1956年に日本とソ連が署名した日ソ共同宣言を基礎に、" +
        "平和条約締結交渉を加速させることで合意した。",
      "2019-09-06",
    );
    const [agreement] = find(events, "AGREE");
    assert.ok(!ids(agreement!).includes("SUN"), JSON.stringify(ids(agreement!)));
    assert.equal(agreement!.date?.start, "2018-11-01");
  });

  it("reads 両首脳 as the two leaders a sentence last named alone, not the last two of a gathering's list", async () => {
    const { events } = await extract(
      "安倍晋三首相は5日、ウラジオストクでプーチン大統領と会談した。" +
        "全体会合にはプーチン氏のほか、インドのモディ首相、マレーシアのマハティール首相も出席した。" +
        "両首脳は昨年11月にシンガポールで会談し、交渉を加速させることで合意した。",
      "2019-09-06",
    );
    const singapore = find(events, "CONSULT").find((e) => e.date?.start === "2018-11-01");
    assert.deepEqual(ids(singapore!).sort(), ["shinzo-abe", "vladimir-putin"]);
  });

  it("goes on naming by a surname written alone whom it named (金氏), though another 金 is named since", async () => {
    const { events } = await extract(
      "北朝鮮の金正恩委員長が7日、大連で習近平国家主席と会談した。金氏は「非核化は実現できる」と述べた。" +
        "金氏には妹の金与正党第1副部長らが同行した。\n" +
        "金氏は4月27日、板門店で韓国の文在寅大統領と会談した。",
      "2018-05-09",
    );
    const april = find(events, "CONSULT", "meet").find((e) => e.date?.start === "2018-04-27");
    assert.deepEqual(ids(april!).sort(), ["kim-jong-un", "moon-jae-in"]);
  });

  it("goes on about whom reporters report on (…と一斉に報じた。金氏の訪中は…北京を非公式訪問し), not the reporters", async () => {
    const { events } = await extract(
      "新華社通信と朝鮮中央通信は8日、金正恩委員長が7日から2日間の日程で大連市を訪れ、習近平国家主席と会談したと一斉に報じた。" +
        "金氏の訪中は3月下旬に北京を非公式訪問し、習氏と初めて会談して以来となる。",
      "2018-05-09",
    );
    const visitors = find(events, "CONSULT", "visit").map((e) => [ids(e, "actor")[0], e.date?.start]);
    assert.deepEqual(visitors, [
      ["kim-jong-un", "2018-05-07"],
      ["kim-jong-un", "2018-03-01"],
    ]);
    // the reporters report (と一斉に報じた): the one they report on met Xi
    const dalian = find(events, "CONSULT", "meet").find((e) => e.date?.start === "2018-05-07");
    assert.deepEqual(ids(dalian!).sort(), ["kim-jong-un", "xi-jinping"]);
  });

  it("sends a visit to the city, not to the airport the traveller arrived at", async () => {
    const { events } = await extract(
      "李克強首相は8日、羽田空港に到着し、日本を公式訪問した。李氏は9日、東京で安倍首相と会談する予定だ。",
      "2018-05-08",
    );
    assert.equal(find(events, "CONSULT", "visit")[0]?.place?.id, "tokyo");
  });

  it("reads 両長官 as the two last written with that title, and their trip's talks where they were held", async () => {
    const { events } = await extract(
      "米国のブリンケン国務長官とオースティン国防長官は18日、ソウルで韓国の鄭義溶外相、徐旭国防相と" +
        "外務・防衛担当閣僚協議を開いた。協議後に共同声明が採択された。\n" +
        "両長官は前日、日本から韓国入りし、ブリンケン氏は鄭氏と、オースティン氏は徐氏とそれぞれ会談した。",
      "2021-03-19",
    );
    // (one visit: the two secretaries travel together)
    const visitors = find(events, "CONSULT", "visit").map((e) => ids(e, "actor").sort());
    assert.deepEqual(visitors, [["antony-blinken", "lloyd-austin"]]);
    // the statement adopted at the talks in Seoul, not anywhere in the country the trip went to
    assert.equal(find(events, "SUPPORT", "sign")[0]?.place?.id, "seoul");
  });

  it("holds a meeting given no place in the city its people are reported at that day or the next", async () => {
    const { events } = await extract(
      "上川陽子外相と中国の王毅外相、韓国の朴振外相は26日、韓国南部・釜山で会談した。\n" +
        "上川氏は前日、王氏と約100分間会談した。",
      "2023-11-27",
    );
    const day = (d: string) => events.find((e) => e.date?.start === d && e.type === "CONSULT");
    assert.equal(day("2023-11-26")?.place?.id, "busan");
    assert.equal(day("2023-11-25")?.place?.id, "busan");
    // the same day, one of them suffices; a venue gives its city
    const moscow = await extract(
      "習近平国家主席は21日、モスクワのクレムリンでプーチン大統領と会談した。習氏は同日、ミシュスチン首相とも会談した。",
      "2023-03-22",
    );
    const mishustin = moscow.events.find((e) => ids(e).includes("mikhail-mishustin"));
    assert.equal(mishustin?.place?.id, "moscow");
  });

  it("reads the building past a gloss in parentheses (クレムリン(Kremlin)で) and not a dateline's date", async () => {
    const { events } = await extract(
      "【3月22日 AFP】ロシアを公式訪問している中国の習近平(Xi Jinping)国家主席は21日、モスクワのクレムリン(Kremlin)で" +
        "ウラジーミル・プーチン(Vladimir Putin)大統領と会談した。",
      "2023-03-22",
    );
    assert.equal(find(events, "CONSULT", "meet")[0]?.place?.id, "kremlin");
    // the visit is reported as under way on the 21st; the 22nd is when AFP filed the report
    assert.equal(find(events, "CONSULT", "visit")[0]?.date?.start, "2023-03-21");
  });

  it("places a meeting and its agreement where the traveller is that day (ハノイ滞在中の…, …に到着し)", async () => {
    const { events } = await extract(
      "ロシアのラブロフ外相は31日午前、北朝鮮の首都ピョンヤンに到着し、リ・ヨンホ外相と会談しました。両外相は、関係を強化することで一致しました。",
      "2018-05-31",
    );
    const [meet] = find(events, "CONSULT", "meet");
    assert.equal(meet?.place?.id, "pyongyang");
    const [agreement] = find(events, "AGREE");
    assert.equal(agreement?.place?.id, "pyongyang");
    const stay = await extract(
      "APEC首脳会議に出席のためハノイ滞在中の安倍晋三首相は18日午前、中国の胡錦濤国家主席と会談しました。",
      "2006-11-18",
    );
    assert.equal(find(stay.events, "CONSULT", "meet")[0]?.place?.id, "hanoi");
    // a call is made from wherever each side is
    const call = await extract(
      "ハノイを訪問中の安倍首相は18日、アメリカのブッシュ大統領と電話で会談しました。",
      "2006-11-18",
    );
    assert.equal(find(call.events, "CONSULT", "phone")[0]?.place ?? null, null);
  });

  it("links an agreement to the meeting its people met at, of two that day between the same states", async () => {
    const { events } = await extract(
      "安倍晋三首相は26日、北京の人民大会堂で中国の習近平国家主席と会談した。" +
        "首相はこれに先立ち、李克強首相とも会談し、通貨交換協定の再開などで合意した。",
      "2018-10-27",
    );
    const li = events.find((e) => e.type === "AGREE" && ids(e).includes("li-keqiang"));
    const withLi = events.find((e) => e.type === "CONSULT" && ids(e).includes("li-keqiang"));
    assert.equal(li?.links.partOf, withLi?.id);
    // not the other meeting's venue: the city the prime minister was in that day
    assert.equal(li?.place?.id, "beijing");
  });

  it("reads broadcasters' phrasing: a minister by surname (林大臣), a title the lexicon lacks (王毅政治局委員と)", async () => {
    const { events } = await extract(
      "インドネシアを訪れている林外務大臣は、13日、中国外交トップの王毅政治局委員と会談しました。" +
        "王氏は「断固反対する」と述べました。これに対し林大臣は、理解を求めました。" +
        "両氏は、対話を続けることで一致しました。林大臣はこのあと、韓国のパク・チン外相とも会談しました。",
      "2023-07-13",
    );
    const meetings = find(events, "CONSULT", "meet").map((e) => ids(e).sort().join("+"));
    assert.deepEqual(meetings.sort(), ["park-jin+yoshimasa-hayashi", "wang-yi+yoshimasa-hayashi"]);
    assert.deepEqual(ids(find(events, "REQUEST")[0]!), ["yoshimasa-hayashi"]);
    // not a minister by surname: 林 is the end of 農林
    const { doc } = await extract("農林大臣は13日、中国の王毅外相と会談した。", "2023-07-13");
    assert.deepEqual(
      doc.mentions.filter((m) => m.kind === "person").map((m) => doc.norm.text.slice(m.start, m.end)),
      ["王毅外相"],
    );
  });

  it("reads the states listed before their count (日本、中国、韓国の3カ国による首脳会議) as the summit's parties", async () => {
    const { events } = await extract(
      "日本、中国、韓国の3カ国による首脳会議が27日、ソウルで開かれる。",
      "2024-05-26",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(ids(summit!).sort(), ["CHN", "JPN", "KOR"]);
    assert.equal(summit!.status, "planned");
  });

  it("places a meeting on the sidelines of a summit where the summit is held", async () => {
    const { events } = await extract(
      "韓国の李在明大統領は17日、先進7カ国首脳会議(G7サミット)が開かれているカナダ西部カナナスキスで、石破茂首相と初めて会談した。" +
        "李氏は同日、オーストラリアのアルバニージー首相とも会談した。",
      "2025-06-18",
    );
    const albanese = events.find((e) => e.type === "CONSULT" && ids(e).includes("anthony-albanese"));
    assert.equal(albanese?.place?.id, "kananaskis");
    assert.equal(albanese?.mode, "meet");
  });

  it("keeps a bilateral on the sidelines of a summit of three as a meeting, not a third party's", async () => {
    const { events } = await extract(
      "岸田首相とバイデン大統領、韓国の尹錫悦大統領は18日、キャンプ・デービッドで会談しました。岸田首相はその後、尹大統領とキャンプ・デービッドで会談しました。",
      "2023-08-19",
    );
    const bilateral = events.find(
      (e) => e.type === "CONSULT" && ids(e).sort().join() === "fumio-kishida,yoon-suk-yeol",
    );
    assert.equal(bilateral?.mode, "meet");
    assert.ok(find(events, "CONSULT", "multilateral").length > 0);
  });

  it("puts the visitor as actor and the host as recipient (XがYを訪問, 訪朝, Xが…に到着)", async () => {
    const { events } = await extract(
      "ロシアのラブロフ外相は31日午前、北朝鮮の首都ピョンヤンに到着しました。中国の王毅外相も来月訪朝する予定です。",
      "2018-05-31",
    );
    const visits = find(events, "CONSULT", "visit");
    const lavrov = visits.find((v) => ids(v, "actor")[0] === "sergei-lavrov");
    assert.deepEqual(ids(lavrov!, "recipient"), ["PRK"]);
    assert.equal(lavrov!.place?.id, "pyongyang");
    const wang = visits.find((v) => ids(v, "actor")[0] === "wang-yi");
    assert.deepEqual(ids(wang!, "recipient"), ["PRK"]);
    assert.equal(wang!.status, "planned");
    assert.equal(wang!.date?.start, "2018-06-01");
    assert.equal(wang!.date?.granularity, "month");
  });

  it("reads phone calls, signings with the agreement's name, and agreements", async () => {
    const { events } = await extract(
      "岸田首相は8日夕、中国の習近平国家主席と電話で会談した。両首脳は、首脳同士の対話を継続していくことで一致した。",
      "2021-10-08",
    );
    assert.equal(find(events, "CONSULT", "phone").length, 1);
    const [agree] = find(events, "AGREE");
    assert.deepEqual(ids(agree!).sort(), ["fumio-kishida", "xi-jinping"]);
    const signed = await extract(
      "プーチン大統領とキム総書記が19日、会談した。両首脳は包括的戦略パートナーシップ条約に署名しました。",
    );
    const [sign] = find(signed.events, "SUPPORT", "sign");
    assert.equal(sign!.object, "包括的戦略パートナーシップ条約");
    // a call made to someone (…に電話し、約15分間会談した) is a phone call, not a meeting
    const called = await extract("バイデン大統領は9日夜、岸田首相に電話し、約15分間会談した。", "2024-04-10");
    assert.deepEqual(
      find(called.events, "CONSULT").map((e) => [e.mode, ids(e).sort()]),
      [["phone", ["fumio-kishida", "joe-biden"]]],
    );
  });

  it("codes statements of concern, requests, threats, aid, gifts and missile launches", async () => {
    const { events } = await extract(
      [
        "韓国の統一相は13日、ロシアと北朝鮮の軍事協力に懸念を表明した。",
        "アメリカのカービー調整官は13日、制裁を強化する可能性をほのめかした。",
        "中国は北朝鮮に人工衛星発射の自制を要請した。",
        "プーチン大統領は13日、キム総書記に自動車を贈った。",
        "北朝鮮は13日朝、弾道ミサイルを発射した。",
      ].join(""),
      "2023-09-14",
    );
    for (const type of ["ACCUSE", "THREATEN", "REQUEST", "GIFT", "MOBILIZE"]) {
      assert.ok(find(events, type).length > 0, type);
    }
    const [gift] = find(events, "GIFT");
    assert.deepEqual(ids(gift!, "actor"), ["vladimir-putin"]);
    assert.deepEqual(ids(gift!, "recipient"), ["kim-jong-un"]);
  });
});

describe("travellers", () => {
  it("makes one visit of those of one state who come together, and one each of those who come from two", async () => {
    const { events } = await extract(
      "来日中のラブロフ、ショイグ両氏は協議の後、首相官邸で安倍首相を表敬した。" +
        "トランプ大統領と金正恩委員長は10日、シンガポール入りした。",
      "2013-11-03",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => ids(e).sort());
    assert.deepEqual(visits, [
      ["JPN", "sergei-lavrov", "sergei-shoigu"],
      ["SGP", "donald-trump"],
      ["SGP", "kim-jong-un"],
    ]);
  });
});

describe("the one a visit's relative clause is about", () => {
  it("is the kin or staff named after a person (訪韓したゼレンスキー大統領夫人のオレナ・ゼレンスカ氏), not the person", async () => {
    const { events } = await extract(
      "尹大統領は16日、特使として訪韓したゼレンスキー大統領夫人のオレナ・ゼレンスカ氏とソウルの大統領室で会った。",
      "2023-05-22",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => ids(e).sort());
    assert.deepEqual(visits, [["KOR", "unresolved:オレナ・ゼレンスカ"]]);
  });
});

describe("a day after the summit", () => {
  it("dates 会議後 by the meeting of that name, past dates a relative clause and a count from an earlier one give", async () => {
    const { events } = await extract(
      "鳩山由紀夫首相は10日、北京の人民大会堂で中国の温家宝首相、韓国の李明博大統領と日中韓首脳会議を開いた。" +
        "日中韓の首脳会議が単独で開かれるのは、昨年12月の福岡に続き2回目。" +
        "今月4日から6日まで北朝鮮を訪れ、金正日総書記と会談した温首相は、会議で訪朝の結果を説明した。\n" +
        "鳩山首相は会議後、温首相と個別に会談した。夜には李大統領とともに胡錦濤国家主席と会見した。",
      "2009-10-11",
    );
    const onTheDay = events
      .filter((e) => e.type === "CONSULT" && e.date?.start === "2009-10-10")
      .map((e) => ids(e).sort().join());
    assert.deepEqual(onTheDay, [
      "lee-myung-bak,wen-jiabao,yukio-hatoyama",
      "wen-jiabao,yukio-hatoyama",
      // (李大統領とともに: the one the topic met Hu with is no subject of their own)
      "hu-jintao,lee-myung-bak,yukio-hatoyama",
    ]);
  });
});

describe("talks as a process", () => {
  it("reads no meeting in the course of talks (6カ国協議の早期再開に向けて, 協議への早期復帰)", async () => {
    const { events } = await extract(
      "李明博大統領は27日午後、北京の人民大会堂で胡錦濤国家主席と首脳会談を行った。" +
        "李大統領はこの日午後に北京入りし、歓迎式典に臨んだ後、約2時間にわたって会談した。" +
        "両首脳は北朝鮮の核問題を巡る6カ国協議の進展に向けて緊密に協力していくことを確認した。",
      "2008-05-28",
    );
    const kinds = events.filter((e) => e.type === "CONSULT").map((e) => [e.mode, ids(e).sort().join()]);
    assert.deepEqual(kinds, [
      ["meet", "hu-jintao,lee-myung-bak"],
      ["visit", "CHN,lee-myung-bak"],
    ]);
  });
});

describe("a meeting after another", () => {
  it("keeps a call on someone after talks apart from the talks (協議の後、…首相を表敬した), but not talks going on over dinner", async () => {
    const { events } = await extract(
      "日露両政府は2日、初の外務・防衛担当閣僚協議（2プラス2）を東京都内で開いた。" +
        "岸田外相と小野寺防衛相、ロシアのラブロフ外相とショイグ国防相が出席した。" +
        "来日中のラブロフ、ショイグ両氏は協議の後、首相官邸で安倍首相を表敬した。",
      "2013-11-03",
    );
    const meetings = find(events, "CONSULT", "meet").map((e) =>
      ids(e)
        .filter((id) => id.includes("-"))
        .sort(),
    );
    assert.deepEqual(meetings, [
      ["fumio-kishida", "itsunori-onodera", "sergei-lavrov", "sergei-shoigu"],
      ["sergei-lavrov", "sergei-shoigu", "shinzo-abe"],
    ]);
    const dinner = await extract(
      "中国の王毅国務委員兼外相は4日、ソウル市内の外交省で康京和外相と会談した。両氏は会談後、夕食を共にしながら協議を続けた。",
      "2019-12-05",
    );
    assert.deepEqual(find(dinner.events, "CONSULT", "meet").length, 1);
  });
});

describe("a date about a party", () => {
  it("dates no meeting by a relative clause about the one met (6月の総選挙を経て就任したばかりの…首相とそれぞれ会談)", async () => {
    const { events } = await extract(
      "安倍晋三首相は14日にウランバートル入りし、同日午後、政府庁舎でエルベグドルジ大統領、6月の総選挙を経て就任したばかりのエルデネバト首相とそれぞれ会談した。",
      "2016-07-15",
    );
    // (the lexicon lacks Erdenebat, whose state it cannot tell: his meeting reads as held in a third state)
    const meetings = find(events, "CONSULT").map((e) => [ids(e).sort().join(), e.date?.start]);
    assert.deepEqual(meetings, [
      ["MNG,shinzo-abe", "2016-07-14"],
      ["shinzo-abe,tsakhiagiin-elbegdorj", "2016-07-14"],
      ["shinzo-abe,unresolved:エルデネバト", "2016-07-14"],
    ]);
  });
});

describe("a title alone", () => {
  it("reads 首相 by the sentence's own date, not by a year a speaker names (首相はあいさつで「来年は…」)", async () => {
    // in 2008 (来年) Aso followed Fukuda: read by that year, the bare 首相 was no one named and fell to Wen,
    // and so was the next one, which left a meeting of Wen with himself
    const { events } = await extract(
      "福田康夫首相は29日朝、北京で温家宝首相とともに朝食会に出席した。首相はあいさつで「来年は日中平和友好条約の締結から30周年に当たる」と述べた。" +
        "首相は前日の28日、人民大会堂で温首相と会談した。",
      "2007-12-30",
    );
    const meetings = find(events, "CONSULT", "meet").map((e) => [ids(e).sort(), e.date?.start]);
    assert.deepEqual(meetings, [
      [["wen-jiabao", "yasuo-fukuda"], "2007-12-29"],
      [["wen-jiabao", "yasuo-fukuda"], "2007-12-28"],
    ]);
  });
});

describe("people the lexicon lacks", () => {
  it("keeps a title after an unknown dotted katakana name with that person, not with the title's holder at home", async () => {
    // ガン is a word of its own (a gun): the name still runs on after the middle dot; 国会議長 alone would be
    // Japan's speaker
    const { doc, events } = await extract(
      "トランプ米大統領は27日、ハノイでベトナムのグエン・ティ・キム・ガン国会議長と会談した。",
      "2019-02-28",
    );
    const [meet] = find(events, "CONSULT", "meet");
    assert.ok(meet);
    assert.deepEqual(ids(meet).sort(), ["donald-trump", "unresolved:グエン・ティ・キム・ガン"]);
    assert.ok(!doc.resolved.some((r) => r.actors.some((a) => a.country === "JPN")));
  });

  it("reads a dotted name whole where the tokenizer takes its first part for a place's or a thing's name (続いてグエン・…)", async () => {
    // after 続いて the tokenizer reads グエン as a proper noun but not a person's name, which left チー・ビン
    const { doc } = await extract("金委員長は続いてグエン・チー・ビン国防次官と会った。", "2019-03-02");
    const people = doc.resolved
      .filter((r) => r.mention.kind === "person")
      .map((r) => r.actors.map((a) => a.id).join());
    assert.deepEqual(people, ["kim-jong-un", "unresolved:グエン・チー・ビン"]);
  });
});

describe("triggers from data", () => {
  it("finds verbs by their dictionary form in the sentences it analyses (会う → 会っており)", async () => {
    const { events } = await extract(
      "トランプ大統領は30日、板門店でキム委員長と会っており、「素晴らしい瞬間だ」と述べた。",
      "2019-06-30",
    );
    const [meet] = find(events, "CONSULT");
    assert.deepEqual(ids(meet!).sort(), ["donald-trump", "kim-jong-un"]);
  });

  it("reads a round of golf together (首相とゴルフ場でラウンドを共にし) as meeting", async () => {
    const { events } = await extract(
      "トランプ大統領は26日、安倍首相と千葉県のゴルフ場でラウンドを共にした。",
      "2019-05-27",
    );
    assert.deepEqual(
      find(events, "CONSULT").map((e) => [ids(e).sort(), e.date?.start]),
      [[["donald-trump", "shinzo-abe"], "2019-05-26"]],
    );
  });

  it("reads 顔を合わせる as meeting, planned when it is to come", async () => {
    const { events } = await extract(
      "安倍首相は27日、トランプ大統領と会談した。両首脳は来月28日、大阪市で開かれるG20首脳会議で再び顔を合わせる。",
      "2019-05-28",
    );
    const june = find(events, "CONSULT").find((e) => e.date?.start === "2019-06-28");
    assert.equal(june?.status, "planned");
    assert.deepEqual(ids(june!).sort(), ["donald-trump", "g20", "shinzo-abe"]);
  });
});

describe("status", () => {
  it("reads a plan told as what was to have been, then called off, as cancelled (来日する予定だったが、…訪日を取りやめていた)", async () => {
    const { events } = await extract(
      "クリントン大統領は昨年11月、大阪で開かれたAPEC首脳会議に合わせて来日する予定だったが、予算対立で政府機関が閉鎖され、訪日を取りやめていた。",
      "1996-04-18",
    );
    const visits = find(events, "CONSULT", "visit");
    assert.deepEqual(
      visits.map((e) => e.status),
      ["cancelled"],
    );
    // the summit the trip was for is no event of its own
    assert.deepEqual(find(events, "CONSULT", "multilateral"), []);
    // (one put off to another day is still to happen there: 98年9月に来日する予定だったが、…同年11月に延期した)
    const put = await extract(
      "江沢民国家主席が98年9月に来日する予定だったが、洪水の被害を理由に同年11月に延期した。",
      "1998-10-01",
    );
    assert.deepEqual(
      find(put.events, "CONSULT", "visit").map((e) => e.status),
      ["planned"],
    );
  });

  it("reads a meeting noun with する (李強首相と短時間立ち話をし) as a meeting held, not a reference", async () => {
    const { events } = await extract(
      "岸田首相は6日、ジャカルタで開かれた首脳会議に出席した。これに先立ち、中国の李強首相と会場で短時間立ち話をし、" +
        "日本の立場を説明した。",
      "2023-09-07",
    );
    const talk = find(events, "CONSULT", "meet").find((e) => ids(e).includes("li-qiang"));
    assert.deepEqual([ids(talk!).sort(), talk?.status], [["fumio-kishida", "li-qiang"], "occurred"]);
  });

  it("reads a continuative clause the topic leads by the sentence's verb of saying, not by what it says (…を行うと表明した)", async () => {
    const { events } = await extract(
      "首相は16日にエジプトを皮切りに歴訪を始め、17日にはカイロで演説し、周辺国に2億ドルの支援を行うと表明した。",
      "2015-01-19",
    );
    assert.equal(find(events, "CONSULT", "visit")[0]?.status, "occurred");
    // (but a clause with its own subject is part of what is said: 米政府は、イエレン長官が…訪問し、…すると発表した)
    const announced = await extract(
      "米政府は、イエレン財務長官が3日から中国を訪問し、ブリンケン国務長官も近く訪中すると発表した。",
      "2024-04-02",
    );
    assert.equal(find(announced.events, "CONSULT", "visit")[0]?.status, "planned");
  });

  it("reads a meeting looked forward to (会談することを楽しみにしている) as planned", async () => {
    const { events } = await extract(
      "習主席は1日、トランプ大統領とブエノスアイレスで会談することを楽しみにしていると述べた。",
      "2018-11-02",
    );
    assert.equal(find(events, "CONSULT")[0]?.status, "planned");
  });

  it("counts no earlier visit from another kind of event (訪朝は1953年の朝鮮戦争休戦以来初めて), but from a visitor (…の朱鎔基首相以来)", async () => {
    const { events } = await extract(
      "オルブライト米国務長官は23日、平壌で金正日総書記と会談した。米閣僚の訪朝は1953年の朝鮮戦争休戦以来初めて。",
      "2000-10-24",
    );
    const years = find(events, "CONSULT", "visit").map((v) => v.date?.start.slice(0, 4));
    assert.ok(!years.includes("1953"), JSON.stringify(years));
    const premier = await extract(
      "温家宝首相は11日、東京で安倍首相と会談した。中国首相の来日は00年10月の朱鎔基(チュー・ロンチー)首相以来。",
      "2007-04-12",
    );
    const zhu = find(premier.events, "CONSULT", "visit").find((v) => v.date?.start.startsWith("2000-10"));
    assert.deepEqual(ids(zhu!, "actor"), ["zhu-rongji"]);
    // (a gathering named before 以来 is where the earlier meeting was held: …G7広島サミットの際に開催して以来)
    const summit = await extract(
      "岸田首相は18日、バイデン大統領、尹錫悦大統領と会談した。日米韓首脳会談は、5月の先進7カ国首脳会議(G7広島サミット)の際に開催して以来。",
      "2023-08-19",
    );
    const may = find(summit.events, "CONSULT").find((e) => e.date?.start.startsWith("2023-05"));
    assert.equal(may?.place?.id, "hiroshima");
  });

  it("reads 両外相 past a minister an earlier visit is counted from (…2017年12月の康京和外相以来)", async () => {
    const { events } = await extract(
      "韓国の朴振外交部長官は18日、東京で林芳正外相と会談した。韓国外交部長官が日本を訪れるのは、2017年12月の康京和外相以来。" +
        "両外相は夕食会を含め約3時間にわたって協議した。",
      "2022-07-18",
    );
    const pairs = find(events, "CONSULT", "meet").map((e) => ids(e).sort().join("+"));
    assert.deepEqual(pairs, ["park-jin+yoshimasa-hayashi"]);
  });

  it("reads 同国の外相 as the minister of the state 同国 stands for, or as the state where the lexicon lacks the office", async () => {
    const seoul = await extract("林外相は18日、韓国の首都ソウルで同国の外相と会談した。", "2023-07-19");
    assert.deepEqual(ids(find(seoul.events, "CONSULT")[0]!).sort(), ["park-jin", "yoshimasa-hayashi"]);
    // (Mongolia's minister is in the lexicon; Iceland's office is not: Iceland stands for its minister)
    const reykjavik = await extract(
      "モンゴルのバトツェツェグ外相は5日、アイスランドの首都レイキャビクで同国の外相と会談した。",
      "2024-01-06",
    );
    assert.deepEqual(ids(find(reykjavik.events, "CONSULT")[0]!).sort(), ["ISL", "batmunkh-battsetseg"]);
  });

  it("reads the one whose experience it is (習氏にとっては、…ミャンマーを訪れて以来) as the visitor", async () => {
    const { events } = await extract(
      "中国の習近平国家主席とロシアのプーチン大統領は15日、サマルカンドで会談した。両国は協力の強化で一致した。" +
        "習氏にとっては、2020年1月にミャンマーを訪れて以来、2年8か月ぶりの外遊となる。",
      "2022-09-16",
    );
    const myanmar = find(events, "CONSULT", "visit").find((v) => ids(v, "recipient")[0] === "MMR");
    assert.deepEqual(ids(myanmar!, "actor"), ["xi-jinping"]);
  });

  it("reads the earlier meeting with one of another state counted from (会談した外国首脳は、先月の菅義偉首相に続き)", async () => {
    const { events } = await extract(
      "バイデン大統領は21日、ホワイトハウスで文在寅大統領と会談した。バイデン大統領が対面で会談した外国首脳は、先月の菅義偉首相に続き文大統領が2人目となる。",
      "2021-05-22",
    );
    const april = find(events, "CONSULT").find((e) => e.date?.start.startsWith("2021-04"));
    assert.deepEqual(ids(april!).sort(), ["joe-biden", "yoshihide-suga"]);
  });

  it("reads no event in a custom (歴代大統領が米国の次に日本を訪れてきた慣例)", async () => {
    const { events } = await extract(
      "朴大統領は27日、北京に到着した。歴代大統領が米国の次に日本を訪れてきた慣例とは異なり、中国を優先した形だ。",
      "2013-06-28",
    );
    const visited = find(events, "CONSULT", "visit").map((v) => ids(v, "recipient")[0]);
    assert.deepEqual(visited, ["CHN"]);
  });

  it("reads no event in what a document provides for without a date (…訪問することも明記した)", async () => {
    const { events } = await extract(
      "金大中大統領と金正日総書記は14日、南北共同宣言に署名した。宣言は金総書記が適切な時期にソウルを訪問することも明記した。",
      "2000-06-16",
    );
    assert.deepEqual(find(events, "CONSULT", "visit"), []);
    assert.equal(find(events, "SUPPORT", "sign").length, 1);
  });

  it("reads a meeting told in a continuative clause by the sentence's own last verb, not a quotation's (会談し、「…を期待する」と述べた)", async () => {
    const { events } = await extract(
      "2日に平壌に到着した王部長は同日、李外相と会談し、「中国側は半島の非核化を全力で支持し、朝米対話で実質的な進展があることを期待する」と述べた。",
      "2018-05-04",
    );
    assert.equal(find(events, "CONSULT", "meet")[0]!.status, "occurred");
    // (a sentence that ends on the noun alone: …電話で会談し、結果を伝える見通し。)
    const expected = await extract(
      "文大統領は28日にもトランプ氏と電話で会談し、結果を伝える見通し。",
      "2018-04-28",
    );
    assert.equal(find(expected.events, "CONSULT", "phone")[0]!.status, "planned");
  });

  it("reads a continuative clause told with a time still to come (年内に訪中し、…考えを伝えた) as planned, not its content's time (近く始めるとする共同声明を発表し)", async () => {
    const { events } = await extract(
      "安倍首相は9日、中国の李克強首相と首相官邸で会談した。首相は年内に訪中し、その後の習近平国家主席の来日につなげたい考えを伝えた。",
      "2018-05-10",
    );
    assert.equal(find(events, "CONSULT", "visit")[0]?.status, "planned");
    assert.equal(find(events, "CONSULT", "meet")[0]?.status, "occurred");
    const statement = await extract(
      "バイデン米大統領とロシアのプーチン大統領は16日、ジュネーブで会談した。両首脳は2国間対話を近く始めるとする共同声明を発表し、互いの大使を任地に戻すことで合意した。",
      "2021-06-17",
    );
    assert.equal(find(statement.events, "SUPPORT", "sign")[0]?.status, "occurred");
  });

  it("reads a trip wished for (訪中したい考えを伝えた) as planned, and places no meeting held that day in its country", async () => {
    const { events } = await extract(
      "安倍首相は9日、中国の李克強首相と会談した。首相は年内に訪中したい考えを伝えた。",
      "2018-05-10",
    );
    assert.equal(find(events, "CONSULT", "visit")[0]?.status, "planned");
    const meeting = find(events, "CONSULT", "meet")[0];
    assert.equal(meeting?.status, "occurred");
    assert.equal(meeting?.place ?? null, null);
  });

  it("reads no meeting that is only proposed (協議を12月上旬に北京で開くよう提案した)", async () => {
    const { events } = await extract(
      "6か国協議の議長国の中国は、先月28日、各国の首席代表による緊急の協議を12月上旬に北京で開くよう提案しましたが、日米韓の3か国は慎重な姿勢を崩していません。",
      "2010-12-07",
    );
    assert.deepEqual(find(events, "CONSULT"), []);
  });

  it("tells planned, speculated and held events apart", async () => {
    const { events } = await extract(
      [
        "岸田首相は来月、ワシントンを訪問する予定です。",
        "日中両国は年内に首脳会談を開く方向で調整している。",
        "金総書記が来月ロシアを訪問する可能性がある。",
      ].join(""),
      "2023-08-10",
    );
    const status = (actor: string) =>
      events.find((e) => e.type === "CONSULT" && ids(e).includes(actor))?.status;
    assert.equal(status("fumio-kishida"), "planned");
    assert.equal(status("CHN"), "planned");
    assert.equal(status("kim-jong-un"), "speculated");
  });

  it("reads a dated meeting agreed on (…で会談する方向で調整することで一致) as that planned meeting of the pair, not an agreement besides", async () => {
    const { events } = await extract(
      "安倍総理大臣は、トランプ氏と10日朝、電話で会談し、来週17日にニューヨークで会談する方向で調整することで一致しました。",
      "2016-11-10",
    );
    const [meeting] = find(events, "CONSULT", "meet");
    assert.deepEqual(ids(meeting!).sort(), ["donald-trump", "shinzo-abe"]);
    assert.equal(meeting!.status, "planned");
    assert.equal(meeting!.date?.start, "2016-11-17");
    assert.equal(meeting!.place?.id, "new-york");
    assert.deepEqual(find(events, "AGREE"), []);
    // …and told again without its date (…立ち寄ってトランプ氏と会談することで一致), it is still that plan
    const again = await extract(
      "安倍総理大臣は、トランプ氏と10日朝、電話で会談し、来週17日にニューヨークで会談する方向で調整することで一致しました。" +
        "両氏は、安倍総理大臣がAPECの首脳会議に出席する前に、ニューヨークに立ち寄ってトランプ氏と会談することで一致しました。",
      "2016-11-10",
    );
    assert.deepEqual(find(again.events, "AGREE"), []);
    // an agreed visit with no date of its own stays an agreement
    const visit = await extract(
      "ブリンケン米国務長官は18日、北京で秦剛国務委員兼外相と会談した。両氏は意思疎通のルートを維持する重要性を確認し、秦氏が適切な時期に訪米することで合意した。",
      "2023-06-19",
    );
    assert.equal(find(visit.events, "AGREE").length, 1);
  });

  it("reads a summit agreed on with its days after it (首脳会談を18日から20日まで平壌で開くことで…と合意) as that planned summit, not dated by the year it is counted in", async () => {
    const { events } = await extract(
      "鄭義溶国家安保室長は6日、記者発表し、今年3回目となる南北首脳会談を18日から20日まで平壌で開くことで北朝鮮側と合意したと明らかにした。",
      "2018-09-07",
    );
    const [summit] = find(events, "CONSULT", "meet");
    assert.equal(summit!.status, "planned");
    assert.deepEqual([summit!.date?.start, summit!.date?.end], ["2018-09-18", "2018-09-20"]);
    assert.equal(summit!.place?.id, "pyongyang");
    assert.deepEqual(find(events, "AGREE"), []);
    // (a span in another clause after the trigger is not its own: 招待に応じ、7日から10日までの日程で…訪問した)
    const accepted = await extract(
      "習近平国家主席は8日、北京で金正恩委員長と会談した。金委員長は習主席の招待に応じ、7日から10日までの日程で中国を訪問した。",
      "2019-01-10",
    );
    const [agree] = find(accepted.events, "AGREE");
    assert.equal(agree!.date?.end, agree!.date?.start);
  });

  it("dates a meeting told before a named meeting (3か国の会談に先立って) by that meeting, and keeps the partner of what is agreed out of the agreement", async () => {
    const { events } = await extract(
      [
        "日本、アメリカ、韓国の3か国の外相会談が、6日、ワシントンで開かれました。",
        "共同声明では、先月23日のヨンピョン島への砲撃を強く非難しました。",
        "前原大臣は、3か国の会談に先立って、クリントン長官と個別に会談しました。",
        "両氏は、中国やロシアとの協力を強化していくことでも一致しました。",
      ].join("\n"),
      "2010-12-07",
    );
    const [meeting] = find(events, "CONSULT", "meet");
    assert.equal(meeting!.date?.start, "2010-12-06");
    const [agreed] = find(events, "AGREE");
    assert.deepEqual(ids(agreed!).sort(), ["hillary-clinton", "seiji-maehara"]);
  });

  it("reads a joint statement announced with no signer named, after a meeting in the same sentence, as its parties' signing", async () => {
    const { events } = await extract(
      "日本、アメリカ、韓国の3か国の外相会談が、6日、ワシントンで開かれ、3か国が結束して北朝鮮に対応していくことを確認する共同声明を発表しました。",
      "2010-12-07",
    );
    const [signed] = find(events, "SUPPORT", "sign");
    assert.deepEqual(ids(signed!).sort(), ["JPN", "KOR", "USA"]);
    assert.equal(signed!.date?.start, "2010-12-06");
    assert.equal(signed!.object, "共同声明");
  });

  it("reads talks of two states' ministries at a level (日本と北朝鮮の外務省局長級による政府間協議) as the states'", async () => {
    const { events } = await extract(
      "日本と北朝鮮の外務省局長級による政府間協議は31日、北京の日本大使館で2日目の協議を行い、閉幕した。",
      "2014-03-31",
    );
    const [talks] = events.filter((e) => e.type === "CONSULT");
    assert.deepEqual(ids(talks!).sort(), ["JPN", "PRK"]);
    assert.equal(talks!.date?.start, "2014-03-31");
  });

  it("reads what one delegate says was agreed with the other side (ことで北朝鮮側と一致した) as the delegates' agreement", async () => {
    const { events } = await extract(
      [
        "日本と北朝鮮の外務省局長級による政府間協議は31日、北京の日本大使館で2日目の協議を行い、閉幕した。",
        "日本側代表の伊原純一外務省アジア大洋州局長は終了後、記者団に対し、今後も協議を継続していくことで北朝鮮側と一致したことを明らかにした。",
        "北朝鮮側は宋日昊(ソン・イルホ)朝日国交正常化交渉担当大使が代表を務めた。",
      ].join(""),
      "2014-03-31",
    );
    const [agreed] = find(events, "AGREE");
    assert.deepEqual(ids(agreed!).sort(), ["unresolved:伊原純一", "unresolved:宋日昊"]);
    assert.equal(agreed!.date?.start, "2014-03-31");
  });

  it("counts from a date whose clause ends in 以来 after a noun (…で開かれた国連総会の際の会談以来): no later agreement is dated by it", async () => {
    const { events } = await extract(
      "文大統領は24日午後、成都市で安倍首相と首脳会談を行った。両首脳の正式な会談は、昨年9月に米ニューヨークで開かれた国連総会の際の会談以来、1年3カ月ぶり。両首脳は外交当局間の協議を継続することで合意した。",
      "2019-12-24",
    );
    const [agreed] = find(events, "AGREE");
    assert.equal(agreed!.date?.start, "2019-12-24");
  });

  it("reads a tour of states listed (日本、韓国、中国を歴訪する) as a visit to each, dated by the week named (来週)", async () => {
    const { events } = await extract(
      "米政府はライス国務長官が来週、日本、韓国、中国を歴訪する方向で調整している。",
      "2006-10-15",
    );
    const visits = find(events, "CONSULT", "visit");
    assert.deepEqual(visits.map((v) => ids(v, "recipient")[0]).sort(), ["CHN", "JPN", "KOR"]);
    for (const v of visits) {
      assert.deepEqual(ids(v, "actor"), ["condoleezza-rice"]);
      assert.equal(v.status, "planned");
      // (the 15th is a Sunday: next week runs from Monday the 16th to Sunday the 22nd)
      assert.deepEqual([v.date?.start, v.date?.end], ["2006-10-16", "2006-10-22"]);
    }
  });

  it("dates each stop of a tour (…フランス、イタリア及び英国を訪問) by the traveller's meetings there, each at its own place", async () => {
    const { events } = await extract(
      "岸田首相は、1月9日から15日までの日程でフランス、イタリア及び英国を訪問した。" +
        "9日にはパリでマクロン大統領と、10日にはローマでメローニ首相とそれぞれ会談した。" +
        "15日にはワシントンでバイデン大統領と会談する予定だ。",
      "2023-01-12",
    );
    const visits = find(events, "CONSULT", "visit").map((v) => [
      ids(v, "recipient")[0],
      v.date?.start,
      v.date?.end,
    ]);
    assert.deepEqual(visits.sort(), [
      // (no meeting in Britain is reported: its visit is dated by the tour)
      ["FRA", "2023-01-09", "2023-01-09"],
      ["GBR", "2023-01-09", "2023-01-15"],
      ["ITA", "2023-01-10", "2023-01-10"],
    ]);
    const meetings = find(events, "CONSULT", "meet").map((m) => [m.date?.start, m.place?.id]);
    assert.deepEqual(meetings.slice(0, 2), [
      ["2023-01-09", "paris"],
      ["2023-01-10", "rome"],
    ]);
  });

  it("times a meeting the lead sets at the gathering just reported (会議にあわせて) by it, not by a date of a later clause", async () => {
    const { events } = await extract(
      "安倍総理大臣は、19日から2日間の日程でペルーの首都リマで開かれるAPECの首脳会議に出席します。" +
        "会議にあわせてロシアのプーチン大統領と首脳会談を行う方向で調整していて、12月にプーチン大統領が来日して山口県長門市で行われる首脳会談に向け、意見を交わしたい考えです。",
      "2016-11-10",
    );
    const meetings = find(events, "CONSULT", "meet").map((e) => [e.date?.start, e.place?.id]);
    assert.deepEqual(meetings, [
      ["2016-11-19", "lima"],
      ["2016-12-01", "nagato"],
    ]);
  });

  it("lets only a leader at its signing stand for a state in an agreement the lexicon knows, not whoever of it was named last", async () => {
    const { events } = await extract(
      "統一閣に到着した文大統領を金与正(キム・ヨジョン)党中央委員会第1副部長が出迎えた。" +
        "会談は、4月27日に板門店の韓国側施設「平和の家」で初めて会談し、板門店宣言に署名して以来、1カ月ぶりとなる。",
      "2018-05-27",
    );
    const [signed] = find(events, "SUPPORT", "sign");
    assert.ok(!ids(signed!).includes("kim-yo-jong"), ids(signed!).join());
  });

  it("reads the agreement a sentence is about as what its signers signed (東京宣言は九三年十月、…が東京で署名した)", async () => {
    const { events } = await extract(
      "東京宣言は九三年十月、細川護熙首相(当時)とエリツィン大統領が東京で署名した。",
      "1997-11-03",
    );
    const [signed] = find(events, "SUPPORT", "sign");
    assert.equal(signed!.object, "東京宣言");
    assert.deepEqual(ids(signed!).sort(), ["boris-yeltsin", "morihiro-hosokawa"]);
    assert.equal(signed!.date?.start, "1993-10-01");
    assert.equal(signed!.place?.id, "tokyo");
  });

  it("dates nothing after a sentence about what had happened before by its date (六月に…首脳会談で開催が決まっていた)", async () => {
    const { events } = await extract(
      [
        "安倍首相とロシアのプーチン大統領は2日、ウラジオストクで会談した。",
        "この会談は、6月に大阪で開かれた主要20カ国・地域首脳会議の際の日ロ首脳会談で開催が決まっていた。",
        "両首脳はこのほか、民間の有識者による委員会を設けることでも一致した。",
      ].join(""),
      "2019-09-03",
    );
    const [agreed] = find(events, "AGREE");
    assert.equal(agreed!.date?.start, "2019-09-02");
  });

  it("reads a meeting held again (…の際に再び会見した) with the one met before", async () => {
    const { events } = await extract(
      "中日関係は、習近平国家主席が昨年11月に北京で開かれたアジア太平洋経済協力(APEC)首脳会議の際に安倍首相と会見し、今年4月にはインドネシアのジャカルタで開かれたアジア・アフリカ首脳会議の際に再び会見したことで、改善の兆しを見せている。",
      "2015-08-07",
    );
    const again = find(events, "CONSULT", "meet").find((e) => e.date?.start === "2015-04-01");
    assert.deepEqual(ids(again!).sort(), ["shinzo-abe", "xi-jinping"]);
    // (and both at the summit, as at the APEC summit before: アジア・アフリカ首脳会議 names its forum)
    const summits = find(events, "CONSULT", "multilateral").map((e) => e.participants.length);
    assert.deepEqual(summits, [3, 4]);
  });

  it("reads an agreement the lexicon knows joined to a dated one (2018年の…板門店宣言と…シンガポール共同声明) as signed then too", async () => {
    const { events } = await extract(
      "文大統領は21日、バイデン大統領と会談した。両首脳は会談後に共同声明を発表し、2018年の南北首脳による板門店宣言と米朝首脳によるシンガポール共同声明など、これまでの約束に基づく外交が不可欠だとの認識を示した。",
      "2021-05-22",
    );
    const signed = find(events, "SUPPORT", "sign")
      .filter((e) => e.date?.start.startsWith("2018"))
      .map((e) => [ids(e).sort().join(), e.date?.start]);
    assert.deepEqual(signed, [
      ["KOR,PRK", "2018-01-01"],
      ["PRK,USA", "2018-01-01"],
    ]);
  });

  it("reads 及び as it reads 、 between counterparts (…大統領及び…首相とそれぞれ会談しています)", async () => {
    const { events } = await extract(
      "安倍総理大臣は2013年3月にモンゴルを訪問し，ウランバートルでエルベグドルジ大統領及びアルタンホヤグ首相（当時）とそれぞれ会談しています。",
      "2015-02-10",
    );
    const met = find(events, "CONSULT", "meet").map((e) => ids(e).sort().join());
    assert.deepEqual(met.sort(), ["norovyn-altankhuyag,shinzo-abe", "shinzo-abe,tsakhiagiin-elbegdorj"]);
  });

  it("reads a meeting a relative clause says was held somewhere (…で行ったトランプ大統領との首脳会談の内容) as held", async () => {
    const { events } = await extract(
      "文大統領は会談で、22日(現地時間)にワシントンのホワイトハウスで行ったトランプ大統領との首脳会談の内容も金委員長に伝えた。",
      "2018-05-27",
    );
    const held = find(events, "CONSULT", "meet").find((e) => ids(e).includes("donald-trump"));
    assert.deepEqual(ids(held!).sort(), ["donald-trump", "moon-jae-in"]);
    assert.equal(held!.date?.start, "2018-05-22");
    assert.equal(held!.place?.id, "white-house");
  });

  it("reads a summit a relative clause says was held, naming no pair of its own, as the pair's earlier summit (トランプ大統領と会談し、先月フランスで行った首脳会談で)", async () => {
    const { events } = await extract(
      "安倍総理大臣は今月下旬にアメリカを訪れます。その際、トランプ大統領と会談し、先月フランスで行った首脳会談で大筋合意した日米の貿易協定に署名する方向で調整が進められています。",
      "2019-09-05",
    );
    const earlier = find(events, "CONSULT").find((e) => e.date?.start === "2019-08-01");
    assert.deepEqual(ids(earlier!).sort(), ["donald-trump", "shinzo-abe"]);
    assert.equal(earlier!.status, "occurred");
  });

  it("times a meeting the next sentence sets at the summit just reported (サミットの際に…会談する方向で調整) by it", async () => {
    const { events } = await extract(
      "ロシアのプーチン大統領は20日に平壌を離れ、21日から沖縄県名護市で開幕する九州・沖縄サミットに初めて出席する。森喜朗首相はサミットの際に大統領と個別に会談する方向で調整している。",
      "2000-07-20",
    );
    const [meeting] = find(events, "CONSULT", "meet");
    assert.deepEqual(ids(meeting!).sort(), ["vladimir-putin", "yoshiro-mori"]);
    assert.equal(meeting!.status, "planned");
    assert.equal(meeting!.date?.start, "2000-07-21");
  });

  it("reads no deed in a word of an agreement's name (友好協力相互援助条約 is no aid, 経済協力協定 no cooperation)", async () => {
    const { events } = await extract(
      "イワノフ外相が平壌を訪れ、1961年に旧ソ連と結んだ友好協力相互援助条約に代わる新たな友好善隣協力条約に署名した。両国は経済協力協定も締結した。",
      "2000-02-10",
    );
    assert.deepEqual(
      events.filter((e) => e.type === "AID" || e.type === "COOPERATE").map((e) => e.type),
      [],
    );
  });

  it("reads a debriefing as a meeting with the one briefed, by the one sent to give it (…を韓国に派遣し、文在寅大統領らに訪中結果を説明する予定)", async () => {
    const { events } = await extract(
      "中国政府は楊潔篪(ヤン・ジエチー)共産党政治局員を29日から2日間の日程で韓国に派遣し、文在寅(ムン・ジェイン)大統領らに訪中結果を説明する予定だ。",
      "2018-03-28",
    );
    const [briefing] = find(events, "CONSULT", "meet");
    assert.deepEqual(ids(briefing!).sort(), ["moon-jae-in", "yang-jiechi"]);
    assert.equal(briefing!.status, "planned");
    assert.equal(briefing!.date?.start, "2018-03-29");
  });

  it("reads a site visited on a trip (北京郊外の盧溝橋などを訪問する) as a visit of its own, past など", async () => {
    const { events } = await extract(
      "小泉首相は8日、中国を訪問した。首相は会談に先立って、日中戦争の発火点となった北京郊外の盧溝橋などを訪問する。",
      "2001-10-08",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => [e.place?.id, e.status]);
    assert.deepEqual(visits, [
      ["CHN", "occurred"],
      ["marco-polo-bridge", "planned"],
    ]);
  });

  it("reads a visit named as a noun and prepared for (Xの日本訪問に向けて) as planned, not a mere mention", async () => {
    const { events } = await extract(
      "政府は、ことし6月で調整が進められている習近平国家主席の日本訪問に向けて準備を進めています。",
      "2019-04-12",
    );
    const visit = find(events, "CONSULT", "visit")[0];
    assert.ok(visit, "a visit");
    assert.deepEqual(ids(visit, "actor"), ["xi-jinping"]);
    assert.deepEqual(ids(visit, "recipient"), ["JPN"]);
    assert.equal(visit.status, "planned");
    assert.equal(visit.date?.start, "2019-06-01");
    // without a predicate of its own the noun only mentions a visit
    const mention = await extract("習近平国家主席の日本訪問の意義について、専門家が議論した。", "2019-04-12");
    assert.equal(find(mention.events, "CONSULT", "visit").length, 0);
  });

  it("dates the next stop of a trip it reports by the trip, and no other plan by the text around it", async () => {
    const trip = await extract(
      "ロシアのプーチン大統領は16日、北京に到着した。プーチン氏は北京の後、ハルビンを訪問し、博覧会の開幕式に出席する。",
      "2024-05-16",
    );
    const visits = find(trip.events, "CONSULT", "visit");
    const harbin = visits.find((e) => e.place?.id === "harbin");
    assert.ok(harbin, `a visit to Harbin in ${JSON.stringify(visits.map((e) => e.place?.id))}`);
    assert.equal(harbin.status, "planned");
    assert.equal(harbin.date?.start, "2024-05-16");
    assert.ok(visits.some((e) => e.place?.id === "beijing" && e.status === "occurred"));
    // a meeting is no trip: a plan after it still needs a date of its own
    const talks = await extract(
      "ロシアのプーチン大統領は16日、中国の習近平国家主席と電話で会談した。プーチン氏はハルビンを訪問する。",
      "2024-05-16",
    );
    assert.equal(find(talks.events, "CONSULT", "visit").length, 0);
  });

  it("counts no one as taking part in an event after the day the lexicon says they died", async () => {
    const { events } = await extract(
      "中国の胡錦濤国家主席は7日夜、孫文が通った東京のレストランで福田康夫首相と夕食会に出席した。",
      "2008-05-07",
    );
    const dinner = find(events, "CONSULT", "meet")[0];
    assert.ok(dinner, "a dinner");
    assert.deepEqual(ids(dinner).sort(), ["hu-jintao", "yasuo-fukuda"]);
    // three weeks before his death, Kim Il Sung still takes part
    const earlier = await extract(
      "カーター元米大統領は1994年6月16日、平壌で金日成主席と会談した。",
      "1994-06-17",
    );
    assert.ok(find(earlier.events, "CONSULT", "meet").some((e) => ids(e).includes("kim-il-sung")));
  });

  it("reads a foreign ministers' meeting of states as one between the ministers the article names", async () => {
    const { events } = await extract(
      "前原外相は25日、クリントン米国務長官と電話で協議した。両氏は来月12日にワシントンで日米韓3か国の外相会談を行う方向で調整することを確認した。",
      "2010-11-25",
    );
    const meeting = find(events, "CONSULT", "multilateral")[0];
    assert.ok(meeting, "a meeting of three");
    // Korea's foreign minister goes unnamed: the state stays
    assert.deepEqual(ids(meeting).sort(), ["KOR", "hillary-clinton", "seiji-maehara"]);
  });

  it("keeps a two-sided meeting on the sidelines apart from the meeting of three it preceded", async () => {
    const { events } = await extract(
      "岸田首相は18日、ワシントン郊外のキャンプデービッドで日米韓3か国の首脳会談を行った。岸田首相は3か国の会談に先立ってバイデン大統領と会談した。",
      "2023-08-19",
    );
    const sides = events.filter((e) => e.type === "CONSULT").map((e) => ids(e).sort().join("+"));
    assert.ok(sides.includes("fumio-kishida+joe-biden"), sides.join(", "));
    assert.ok(
      sides.some((x) => x.split("+").length === 3),
      `a meeting of three besides: ${sides.join(", ")}`,
    );
  });

  it("produces no held event from a negation, and records a postponement as cancelled", async () => {
    const neg = await extract("日韓両首脳は15日、首脳会談を行わなかった。");
    assert.equal(find(neg.events, "CONSULT").filter((e) => e.status === "occurred").length, 0);
    const { doc, events, quotes } = await extract(
      "日本政府は13日、19日に東京で予定していた日中韓首脳会談を延期すると発表した。",
      "2016-12-14",
    );
    const [summit] = find(events, "CONSULT");
    assert.equal(summit!.status, "cancelled");
    // PLOVER codes a called-off meeting as REJECT
    const line = contractLines(doc, { events, quotes }, pipeline.ctx.lexicon).find(
      (l) => (l as { kind: string }).kind === "event",
    ) as { type: string; mode: string };
    assert.deepEqual([line.type, line.mode], ["REJECT", "meet"]);
  });

  it("reads an agreement by its own predicate, not by the tense of what was agreed (継続することで一致し)", async () => {
    const { events } = await extract(
      "石破茂首相は23日、韓国の李在明大統領と会談した。両首脳は、首脳が相互に訪問する「シャトル外交」を継続することで一致し、会談後に共同記者発表を行った。",
      "2025-08-24",
    );
    const [agreement] = find(events, "AGREE");
    assert.equal(agreement?.status, "occurred");
  });

  it("gives an agreement without parties the meeting reported before, not the date of another item (…で一致したほか、12日に…)", async () => {
    const { events } = await extract(
      "ポンペオ長官は6日、ピョンヤンでキム・ヨンチョル党副委員長と協議しました。長官の訪朝は3回目です。" +
        "ポンペオ長官は出発前、記者団に対し「進展があった」と強調しました。" +
        "作業部会を設けることで一致したほか、12日に板門店で両国の実務者が協議することも決まったということです。",
      "2018-07-08",
    );
    const [agreement] = find(events, "AGREE");
    assert.deepEqual(ids(agreement!).sort(), ["kim-yong-chol", "mike-pompeo"]);
    assert.equal(agreement!.date?.start, "2018-07-06");
  });

  it("reads an agreement whose parties come between what was agreed and the verb (…ことで日朝両政府が合意した)", async () => {
    const { events } = await extract(
      "日本は独自制裁の一部を解除することで日本と北朝鮮の両政府が合意した。",
      "2014-05-30",
    );
    const [agreement] = find(events, "AGREE");
    assert.deepEqual(ids(agreement!).sort(), ["JPN", "PRK"]);
  });

  it("reads the meeting an agreement was reached at as held, whatever the agreement plans (電話会談で、…調整することで一致していた)", async () => {
    const { events } = await extract(
      "菅首相は16日、バイデン大統領と会談した。両首脳は1月の電話会談で、早期の対面会談に向けて調整することで一致していた。",
      "2021-04-17",
    );
    const [call] = find(events, "CONSULT", "phone");
    assert.equal(call?.status, "occurred");
    assert.equal(call?.date?.start.slice(0, 7), "2021-01");
    // the meeting agreed upon there is not dated by the call: undated, it is no event of its own
    assert.deepEqual(
      find(events, "CONSULT", "meet").map((e) => e.date?.start),
      ["2021-04-16"],
    );
  });

  it("reads a headline ending in へ as an announcement", async () => {
    const { events } = await extract(
      "岸田首相 来月にも訪中へ\n岸田首相が来月にも中国を訪問する方向で調整している。",
      "2023-03-01",
    );
    const [visit] = find(events, "CONSULT", "visit");
    assert.equal(visit!.status, "planned");
  });
});

describe("dates", () => {
  it("dates a signing or agreement after talks of several days by the day the talks ended on (5日から…続いていた首脳会談は17日夜、合意に達した。…署名した)", async () => {
    const { events } = await extract(
      "【ワシントン１７日共同】カーター米大統領の仲介で５日からワシントン郊外の大統領山荘キャンプデービッドで続いていたエジプトのサダト大統領とイスラエルのベギン首相による中東和平首脳会談は１７日夜（日本時間１８日午前）、合意に達した。" +
        "両首脳はホワイトハウスに移り、「中東和平の枠組み」と「エジプト・イスラエル平和条約締結のための枠組み」の二つの文書に署名した。",
      "1978-09-18",
    );
    const [signing] = find(events, "SUPPORT", "sign");
    assert.equal(signing?.date?.start, "1978-09-17");
    // (an agreement reached at the end of talks through the night, as well: 11日夜から12日にかけ…協議し、…合意した)
    const overnight = await extract(
      "【ミンスク時事】ロシアのプーチン大統領、ウクライナのポロシェンコ大統領、ドイツのメルケル首相、フランスのオランド大統領の4首脳は11日夜から12日にかけ、ベラルーシの首都ミンスクで夜を徹して協議し、15日午前0時からの停戦などで合意した。",
      "2015-02-13",
    );
    assert.equal(find(overnight.events, "AGREE")[0]?.date?.start, "2015-02-12");
  });

  it("dates nothing after by the date since which something has not been held (2018年1月以降開かれていない)", async () => {
    const { events } = await extract(
      "バイデン米大統領と韓国の尹錫悦大統領は21日、ソウルで首脳会談を行い、2018年1月以降開かれていない拡大抑止戦略協議体を早期に再稼働させることで合意した。" +
        "両首脳は会談後に共同声明を発表し、拡大抑止を提供することを確認した。",
      "2022-05-23",
    );
    const [statement] = find(events, "SUPPORT", "sign");
    assert.equal(statement?.date?.start, "2022-05-21");
    // (nor is the council's own 協議 a meeting planned in that month)
    assert.deepEqual(
      events.map((e) => e.date?.start).filter((d) => d?.startsWith("2018")),
      [],
    );
    // a plan from that month onward still counts from it (来年1月以降に開く)
    const plan = await extract(
      "林外相と中国の王毅外相は、来年1月以降に北京で会談する方向で調整している。",
      "2022-05-23",
    );
    assert.equal(find(plan.events, "CONSULT")[0]?.date?.start, "2023-01-01");
  });

  it("dates a plan moved to another date by the date it was moved to (98年9月に来日する予定だったが、…同年11月に延期した)", async () => {
    const { events } = await extract(
      "過去には、江沢民国家主席(当時)が98年9月に来日する予定だったが、中国国内で発生した洪水の被害を理由に同年11月に延期したことがある。",
      "2020-03-06",
    );
    const [visit] = find(events, "CONSULT", "visit");
    assert.equal(visit?.date?.start, "1998-11-01");
  });

  it("dates nothing by a date inside a name in brackets (「9月平壌共同宣言」に署名した)", async () => {
    const { events } = await extract(
      "文在寅大統領と金正恩国務委員長は19日午前、平壌の百花園迎賓館で2回目の首脳会談を行い、「9月平壌共同宣言」に署名した。",
      "2018-09-19",
    );
    const [signing] = find(events, "SUPPORT", "sign");
    assert.equal(signing?.date?.start, "2018-09-19");
    assert.equal(signing?.date?.granularity, "day");
  });

  it("moves the discourse to the date of a sentence that reports no event (15日午前には…演説する。演説後、…と会談)", async () => {
    const { events } = await extract(
      "文大統領は14日午後、習主席と首脳会談を行う見通しだ。15日午前には北京大で演説する。" +
        "演説後、李克強首相と会談した後、重慶市に移動する。",
      "2017-12-12",
    );
    const li = find(events, "CONSULT", "meet").find((e) => ids(e).includes("li-keqiang"));
    assert.equal(li?.date?.start, "2017-12-15");
  });

  it("gives talks named by a portfolio (国防相会談) no topic whose people hold other offices", async () => {
    const { events } = await extract(
      "盧武鉉大統領と金正日総書記は4日、平壌で宣言に署名した。両首脳は、南北首相会談を来月ソウルで開くことで合意した。" +
        "国防相会談も同じく来月平壌で開く。",
      "2007-10-05",
    );
    const planned = find(events, "CONSULT", "meet").filter((e) => e.status === "planned");
    assert.ok(
      planned.every((e) => !ids(e).includes("roh-moo-hyun")),
      JSON.stringify(planned.map((e) => ids(e))),
    );
  });

  it("reads what a declaration provides for (…会談することへの協力などが盛り込まれた) as no meeting", async () => {
    const { events } = await extract(
      "盧武鉉大統領と金正日総書記は4日、平壌で宣言に署名した。" +
        "宣言には、終戦宣言に向けて3者または4者の首脳が韓半島で会談することへの協力などが盛り込まれた。",
      "2007-10-05",
    );
    assert.deepEqual(find(events, "CONSULT"), []);
  });

  it("reads a meeting a relative clause says was held (前日午後に…で開かれた1回目の会談に続く) by the subjects before", async () => {
    // (the subject of a later clause, 米国が…取れば, is not the topic of the clause before it)
    const { events } = await extract(
      "文在寅大統領と北朝鮮の金正恩国務委員長は19日、平壌の百花園迎賓館で2回目の首脳会談を行った。" +
        "前日午後に朝鮮労働党本部庁舎で開かれた1回目の会談に続くもので、宣言には米国が相応の措置を取れば" +
        "追加措置を取る用意があるとの内容が盛り込まれた。",
      "2018-09-20",
    );
    const first = find(events, "CONSULT", "meet").find((e) => e.date?.start === "2018-09-18");
    assert.ok(first, "the first meeting was not read");
    assert.deepEqual(ids(first).sort(), ["kim-jong-un", "moon-jae-in"]);
  });

  it("dates talks held before the event reported (これに先立ち) by its day, past the background between", async () => {
    const { events } = await extract(
      "岸田文雄外相は6日、クアラルンプールで北朝鮮の李洙墉外相と会談した。\n" +
        "北朝鮮は昨年5月、ストックホルムで開かれた日朝政府間協議で再調査を約束した。\n" +
        "岸田氏はこれに先立ち、中国の王毅外相とも会談し、安倍晋三首相が今月中旬にも発表する談話について意見を交わした。\n" +
        "6日にはARF閣僚会議も開かれ、岸田氏のほか李氏、王氏、ケリー米国務長官らが出席した。",
      "2015-08-07",
    );
    const wang = find(events, "CONSULT", "meet").find((e) => ids(e).includes("wang-yi"));
    assert.equal(wang?.date?.start, "2015-08-06");
    // a gathering dated in its own clause is its own, with those who attended it
    const [arf] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(ids(arf!).sort(), [
      "asean-regional-forum",
      "fumio-kishida",
      "john-kerry",
      "ri-su-yong",
      "wang-yi",
    ]);
  });

  it("dates nothing after a list of what a document provides for by its dates, and reads ことも決めた as a plan", async () => {
    const { events } = await extract(
      "文大統領と金委員長は27日、板門店で会談し、宣言に署名した。\n" +
        "宣言によると、文大統領が今秋、平壌を訪問することも決めた。" +
        "このほか、▽5月1日から拡声器放送を中止する▽5月中に将官級軍事会談を開く――などが盛り込まれた。\n" +
        "金委員長は平和の家に到着した際、芳名録に署名した。",
      "2018-04-28",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => [ids(e, "actor")[0], e.status, e.date?.start]);
    assert.deepEqual(visits, [
      ["moon-jae-in", "planned", "2018-01-01"],
      ["kim-jong-un", "occurred", "2018-04-27"],
    ]);
  });

  it("dates a visit the text dates only by the discourse by its traveller's meetings there (文氏は日帰りで来日する)", async () => {
    const { events } = await extract(
      "東京では9日、安倍晋三首相、中国の李克強首相、韓国の文在寅大統領による日中韓首脳会議が開かれる。" +
        "安倍首相は同日、李氏、文氏とそれぞれ個別に会談する予定だ。" +
        "李氏は8日に羽田空港に到着した。11日まで日本に滞在する。文氏は日帰りで来日する。",
      "2018-05-09",
    );
    const moon = find(events, "CONSULT", "visit").find((e) => ids(e, "actor")[0] === "moon-jae-in");
    assert.deepEqual([moon?.date?.start, moon?.status], ["2018-05-09", "planned"]);
  });

  it("reads the visitor who qualifies a visit past how it was made (ラブロフ氏の単独での訪朝は)", async () => {
    const { events } = await extract(
      "ルビオ米国務長官は北朝鮮を非難した。ラブロフ氏の単独での訪朝は2023年10月以来となる。",
      "2025-07-13",
    );
    const earlier = find(events, "CONSULT", "visit").find((e) => e.date?.start === "2023-10-01");
    assert.deepEqual(ids(earlier!), ["sergei-lavrov", "PRK"]);
  });

  it("leaves the party of another meeting named before this one out of it (バイデン氏との会談に先立ち…とも会談した)", async () => {
    const { events } = await extract(
      "菅首相は16日、バイデン大統領と会談した。首相は、バイデン氏との会談に先立ちハリス副大統領とも会談した。",
      "2021-04-17",
    );
    const harris = find(events, "CONSULT", "meet").find((e) => ids(e).includes("kamala-harris"));
    assert.deepEqual(ids(harris!).sort(), ["kamala-harris", "yoshihide-suga"]);
  });

  it("reads a confirmed understanding (…強化していくことを確認した) as no agreement", async () => {
    const { events } = await extract(
      "石破首相は7日、ホワイトハウスでトランプ大統領と会談した。" +
        "両首脳は、日米同盟の抑止力と対処力を一層強化していくことを確認した。",
      "2025-02-08",
    );
    assert.deepEqual(find(events, "AGREE"), []);
  });

  it("reads visits to sites (講道館, 顕忠院) and leaves the day's agreement at the talks, not the site", async () => {
    const { events } = await extract(
      "プーチン大統領は16日、安倍首相と共に柔道の総本山、講道館を訪れる予定だ。",
      "2016-12-16",
    );
    assert.equal(find(events, "CONSULT", "visit")[0]?.place?.id, "kodokan");
    const seoul = await extract(
      "岸田文雄首相は7日、ソウルの大統領室で尹錫悦大統領と会談した。両首脳は、シャトル外交を続けることで一致した。\n" +
        "岸田首相は7日午後、ソウル空港に到着すると、まず国立ソウル顕忠院を訪れて献花した。",
      "2023-05-08",
    );
    assert.equal(find(seoul.events, "CONSULT", "visit")[0]?.place?.id, "seoul-national-cemetery");
    assert.equal(
      find(seoul.events, "AGREE")[0]?.place?.id,
      find(seoul.events, "CONSULT", "meet")[0]?.place?.id,
    );
  });

  it("gives an outcome its meeting's venue over the site its trip went to see that day", () => {
    const person = (id: string, country: string) => ({
      actor: { kind: "person", id, resolved: true, en: id, ja: id, country },
      role: "actor",
    });
    const day = { start: "2023-05-07", end: "2023-05-07", granularity: "day", source: "clause" };
    const parties = [person("fumio-kishida", "JPN"), person("yoon-suk-yeol", "KOR")];
    const meeting = { id: "m", type: "CONSULT", mode: "meet", date: day, participants: parties, links: {} };
    (meeting as Record<string, unknown>).place = {
      id: "yongsan-presidential-office",
      names: [],
      kind: "venue",
    };
    const agreement = {
      id: "a",
      type: "AGREE",
      mode: null,
      date: day,
      participants: parties,
      links: { trip: "v" },
      place: { id: "seoul-national-cemetery", names: [], kind: "site" },
    };
    linkOutcomes([meeting, agreement] as unknown as ExtractedEvent[]);
    assert.equal(agreement.place.id, "yongsan-presidential-office");
  });

  it("reads setting foot on a country's soil (韓国の地を踏んだ) as a visit to it", async () => {
    const { events } = await extract(
      "北朝鮮の高位級代表団が9日、韓国に到着した。金与正氏は10日、北朝鮮の最高指導者一族として初めて韓国の地を踏んだ。",
      "2018-02-11",
    );
    const visitors = find(events, "CONSULT", "visit").map((e) => [
      ids(e, "actor")[0],
      ids(e, "recipient")[0],
    ]);
    assert.ok(
      visitors.some(([who, where]) => who === "kim-yo-jong" && where === "KOR"),
      JSON.stringify(visitors),
    );
  });

  it("reads an agreement in outline (大枠合意した) of both governments (両国政府は) as the states'", async () => {
    const { events } = await extract(
      "李在明大統領とトランプ米大統領が29日、慶州で会談した。両国政府は7月末に関税交渉で大枠合意したが、協議が難航していた。",
      "2025-10-30",
    );
    const july = find(events, "AGREE").find((e) => e.date?.start === "2025-07-01");
    assert.deepEqual(ids(july!).sort(), ["KOR", "USA"]);
  });

  it("takes every person a meeting's relative clause describes (会談したケリー国務長官と王毅外相が)", async () => {
    const { events } = await extract(
      "米中は2月23日、ワシントンで会談したケリー国務長官と王毅外相が、新たな決議の採択に向けて協力することで一致していた。",
      "2016-03-03",
    );
    assert.deepEqual(ids(find(events, "CONSULT", "meet")[0]!).sort(), ["john-kerry", "wang-yi"]);
  });

  it("dates an event by the date it was moved to, not the one first planned (当初9日で調整されていたが…延期された)", async () => {
    const { events } = await extract(
      "菅首相は16日、バイデン大統領と会談した。訪米は当初9日で調整されていたが、1週間延期された。" +
        "首相は15日に日本を出発して米国入りした。",
      "2021-04-17",
    );
    const starts = find(events, "CONSULT", "visit").map((e) => e.date?.start);
    assert.ok(!starts.includes("2021-04-09"), JSON.stringify(starts));
  });

  it("reads a meeting that ended without results (成果を出せずに幕を閉じた) as held, and the one it followed", async () => {
    const { events } = await extract(
      "トランプ米大統領と金正恩委員長は28日、ハノイで会談した。" +
        "昨年6月のシンガポールに続く2回目の首脳会談は、具体的な成果を出せずに幕を閉じた。",
      "2019-03-01",
    );
    const singapore = find(events, "CONSULT").find((e) => e.date?.start === "2018-06-01");
    assert.deepEqual(ids(singapore!).sort(), ["donald-trump", "kim-jong-un"]);
    // 会談を行わなかった still denies the meeting itself
    const denied = await extract("両首脳は28日、ハノイで会談を行わなかった。", "2019-03-01");
    assert.deepEqual(find(denied.events, "CONSULT", "meet"), []);
  });

  it("reads talks continued from the day before (16日、前日に引き続き…会談した) as one meeting over both days", async () => {
    const { events } = await extract(
      "安倍首相とロシアのプーチン大統領は16日午前、前日に引き続き東京の首相官邸で会談した。" +
        "両首脳は北方領土での共同経済活動に向けた協議を始めることで合意した。",
      "2016-12-16",
    );
    const meetings = find(events, "CONSULT", "meet");
    assert.deepEqual(
      meetings.map((e) => [e.date?.start, e.date?.end]),
      [["2016-12-15", "2016-12-16"]],
    );
    assert.deepEqual(ids(meetings[0]!).sort(), ["shinzo-abe", "vladimir-putin"]);
  });

  it("reads 3か国の首脳会談 as the three leaders' summit, also the one counted from (…の際に行われて以来)", async () => {
    const { events } = await extract(
      "岸田総理大臣は18日、バイデン大統領、韓国のユン大統領と会談しました。" +
        "3か国の首脳会談は、ことし5月に広島で開かれたG7サミットの際に行われて以来です。",
      "2023-08-19",
    );
    const may = find(events, "CONSULT").find((e) => e.date?.start === "2023-05-01");
    assert.deepEqual(ids(may!).sort(), ["fumio-kishida", "joe-biden", "yoon-suk-yeol"]);
  });

  it("leaves a date past a headline's space to the next phrase (…に署名 来月ソウルで首相会談)", async () => {
    const { events } = await extract(
      "盧大統領と金総書記、「平和繁栄宣言」に署名 来月ソウルで首相会談\n" +
        "盧武鉉大統領と北朝鮮の金正日総書記は4日午後、平壌の百花園迎賓館で「南北関係の発展と平和繁栄のための宣言」に署名した。",
      "2007-10-05",
    );
    assert.deepEqual(
      find(events, "SUPPORT", "sign").map((e) => [e.date?.start, e.status]),
      [["2007-10-04", "occurred"]],
    );
  });

  it("takes the date of the event's own clause, not of the sentence's other clause", async () => {
    const { events } = await extract(
      "キム総書記は12日にロシアに到着し、13日にはボストチヌイ宇宙基地でプーチン大統領と会談した。",
      "2023-09-16",
    );
    assert.equal(find(events, "CONSULT", "meet")[0]!.date?.start, "2023-09-13");
    assert.equal(find(events, "CONSULT", "visit")[0]!.date?.start, "2023-09-12");
  });

  it("reads a span of days (25日から28日まで) as the event's range", async () => {
    const { events } = await extract("金正恩委員長が25日から28日まで中国を非公式に訪問した。", "2018-03-28");
    const [visit] = find(events, "CONSULT", "visit");
    assert.deepEqual(
      [visit!.date?.start, visit!.date?.end, visit!.date?.granularity],
      ["2018-03-25", "2018-03-28", "range"],
    );
  });

  it("reads 現地入り as a visit to where the dateline files the report from", async () => {
    const { events } = await extract(
      "【シンガポール時事】米朝首脳会談が12日に行われた。10日に現地入りした金正恩委員長は冒頭、発言した。",
      "2018-06-12",
    );
    const visit = find(events, "CONSULT", "visit").find((e) => ids(e).includes("kim-jong-un"));
    assert.deepEqual(visit && ids(visit), ["kim-jong-un", "SGP"]);
  });

  it("reads a state's leader at a summit as the one of its leaders named before it (日中の首脳 after 温家宝首相と懇談), not one named only after", async () => {
    const { events } = await extract(
      "菅総理大臣は4日夜、ブリュッセルで中国の温家宝首相と懇談した。日中の首脳が会って言葉を交わすのは、先月の衝突事件の後、初めてです。政府は、胡錦濤国家主席との会談も模索しています。",
      "2010-10-05",
    );
    const summit = find(events, "CONSULT", "meet").find((e) =>
      e.evidence.some((v) => v.text.includes("日中の首脳")),
    );
    assert.deepEqual(summit && ids(summit).sort(), ["naoto-kan", "wen-jiabao"]);
  });

  it("reads a state's leader at a summit as the one of its leaders named last before it (李氏 after 習近平国家主席)", async () => {
    const { events } = await extract(
      "安倍首相は9日、中国の李克強首相と首相官邸で会談した。首相は年内に訪中し、習近平国家主席の来日につなげたい考えを伝えた。李氏は会談後の記者発表で「中日関係は正常な軌道に戻った」と述べた。これに先立ち、同日午前には日中韓首脳会議が開かれ、韓国の文在寅大統領も出席した。",
      "2018-05-10",
    );
    const summit = find(events, "CONSULT", "multilateral")[0];
    assert.deepEqual(summit && ids(summit).sort(), ["li-keqiang", "moon-jae-in", "shinzo-abe"]);
  });

  it("places an event in the city of a district written after it with ・ (東京・元赤坂の迎賓館で), not in a newspaper's name", async () => {
    const { events } = await extract(
      "安倍首相は9日、東京・元赤坂の迎賓館で中国の李克強首相、韓国の文在寅大統領と日中韓首脳会議を開いた。",
      "2018-05-10",
    );
    assert.equal(find(events, "CONSULT", "multilateral")[0]?.place?.id, "tokyo");
    const reported = await extract(
      "米ワシントン・ポスト紙によると、トランプ大統領は12日、中国の習近平国家主席と電話で会談した。",
      "2018-05-14",
    );
    assert.equal(find(reported.events, "CONSULT", "phone")[0]?.place ?? null, null);
  });

  it("reads a bare 大統領 as the president of the day named before, not a former one named since (…全斗煥前大統領以来)", async () => {
    const { events } = await extract(
      "韓国の盧泰愚（ノ・テウ）大統領夫妻は24日、羽田空港に到着し、国賓として日本への公式訪問を始めた。韓国の元首の国賓としての来日は、1984年9月の全斗煥（チョン・ドゥファン）前大統領以来、5年8カ月ぶり2回目。大統領は同日午後、迎賓館で海部首相と首脳会談を行った。",
      "1990-05-25",
    );
    const summit = find(events, "CONSULT", "meet")[0];
    assert.deepEqual(summit && ids(summit).sort(), ["roh-tae-woo", "toshiki-kaifu"]);
  });

  it("reads the agreement of a signing ceremony (和平協定の調印式が…開かれ、…が署名した) as signed, and those who also signed it (…外相も署名した)", async () => {
    const { events } = await extract(
      "【ジュネーブ14日＝本社特派員】アフガニスタン和平協定の調印式が14日午後、ジュネーブで開かれ、アフガニスタンのワキル外相とパキスタンのヌラニ外務担当国務相が署名した。米国のシュルツ国務長官とソ連のシェワルナゼ外相も保証国として署名した。",
      "1988-04-15",
    );
    const signings = find(events, "SUPPORT", "sign");
    assert.equal(signings.length, 2);
    assert.equal(signings[0]?.date?.start, "1988-04-14");
    assert.deepEqual(ids(signings[1]!).sort(), ["eduard-shevardnadze", "george-shultz"]);
  });

  it("reads an agreement signed where the verb says (「…モスクワ宣言」にモスクワで署名した), and a summit a later paragraph points back to (これに先立つ12日の首脳会談は) as the same leaders'", async () => {
    const { events } = await extract(
      [
        "ロシアを公式訪問中の小渕恵三首相とエリツィン大統領は13日、「創造的パートナーシップ構築に関するモスクワ宣言」にモスクワで署名した。宣言は2000年までに平和条約を締結するよう全力を尽くす決意を再確認した。国境画定委員会を設けることも盛り込んだ。元島民による自由訪問の実施も明記した。",
        "これに先立つ12日の首脳会談はクレムリンで行われた。",
      ].join("\n"),
      "1998-11-14",
    );
    const signing = find(events, "SUPPORT", "sign")[0];
    assert.equal(signing?.place?.id, "moscow");
    const summit = find(events, "CONSULT", "meet").find((e) => e.date?.start === "1998-11-12");
    assert.deepEqual(summit && ids(summit).sort(), ["boris-yeltsin", "keizo-obuchi"]);
  });

  it("reads a leader and spouse (盧泰愚大統領夫妻は) as the leader acting, not a spouse alone (首相夫人は)", async () => {
    const { events } = await extract("韓国の盧泰愚大統領夫妻は24日、日本を公式訪問した。", "1990-05-25");
    assert.deepEqual(find(events, "CONSULT", "visit")[0] && ids(find(events, "CONSULT", "visit")[0]!), [
      "roh-tae-woo",
      "JPN",
    ]);
    const spouse = await extract("安倍首相夫人は24日、ロシアを訪問した。", "2018-05-25");
    assert.ok(!find(spouse.events, "CONSULT", "visit").some((e) => ids(e).includes("shinzo-abe")));
  });

  it("keeps the narration's subject past one who only speaks (ラピド氏は…「…」と訴えた。同日夜には…議長とも会談した)", async () => {
    const { events } = await extract(
      "バイデン米大統領は14日、エルサレムでラピド首相と会談した。ラピド氏は共同記者会見で「イランを止める唯一の方法は、信頼できる軍事的脅威を示すことだ」と訴えた。同日夜にはパレスチナ自治政府のアッバス議長とも会談した。",
      "2022-07-16",
    );
    const second = find(events, "CONSULT", "meet").find((e) => ids(e).includes("mahmoud-abbas"));
    assert.deepEqual(second && ids(second).sort(), ["joe-biden", "mahmoud-abbas"]);
  });

  it("reads the one who takes part in a meeting with states listed (…、UAEとの4カ国による首脳会議にも参加した) as a party too", async () => {
    const { events } = await extract(
      "バイデン米大統領は14日、エルサレムでラピド首相と会談した。同日にはインド、イスラエル、アラブ首長国連邦との4カ国によるオンライン首脳会議にも参加した。",
      "2022-07-16",
    );
    const online = find(events, "CONSULT", "multilateral")[0];
    assert.deepEqual(online && ids(online).sort(), ["ARE", "IND", "joe-biden", "yair-lapid"]);
  });

  it("reads an agreement by its short name in brackets (…に関する覚書（ワイ・リバー合意）に署名), and a commander the lexicon lacks (…ロドリゴ・ロンドーニョ司令官) as a signer", async () => {
    const wye = await extract(
      "イスラエルのネタニヤフ首相とパレスチナ解放機構（PLO）のアラファト議長は23日、ホワイトハウスで、暫定自治拡大合意の履行に関する覚書（ワイ・リバー合意）に署名した。",
      "1998-10-24",
    );
    assert.equal(find(wye.events, "SUPPORT", "sign")[0]?.object, "ワイ・リバー合意");
    const farc = await extract(
      "コロンビアのサントス大統領と左翼ゲリラ「コロンビア革命軍（FARC）」の最高指導者ロドリゴ・ロンドーニョ司令官は26日、カルタヘナで和平合意に署名した。",
      "2016-09-27",
    );
    const signing = find(farc.events, "SUPPORT", "sign")[0];
    assert.deepEqual(signing && ids(signing), ["juan-manuel-santos", "unresolved:ロドリゴ・ロンドーニョ"]);
  });

  it("dates a signing by its sentence's day, not by the first day of the talks a relative clause describes (13日午前、…11日から開かれていた…会談の全体会議に臨み、…に署名した)", async () => {
    const { events } = await extract(
      "韓国の鄭元植首相と北朝鮮の延亨黙首相は13日午前、ソウル市内のホテルで、11日から開かれていた第5回南北高位級会談の全体会議に臨み、「南北間の和解と不可侵および交流・協力に関する合意書」に署名した。",
      "1991-12-14",
    );
    assert.equal(find(events, "SUPPORT", "sign")[0]?.date?.start, "1991-12-13");
    assert.equal(find(events, "CONSULT", "meet")[0]?.date?.start, "1991-12-11");
  });

  it("reads a title with a prefix after a name's reading (尹錫悦（ユン・ソクヨル）次期大統領は) as that person's", async () => {
    const { events } = await extract(
      "尹錫悦（ユン・ソクヨル）次期大統領は当選が決まった10日午前、ソウルの自宅でバイデン米大統領と電話会談した。",
      "2022-03-11",
    );
    const call = find(events, "CONSULT", "phone")[0];
    assert.deepEqual(call && ids(call).sort(), ["joe-biden", "yoon-suk-yeol"]);
  });

  it("reads a longer title after a name's reading (黄教安（ファン・ギョアン）大統領権限代行首相は) as that person's, not a bare 首相", async () => {
    const { events } = await extract(
      "黄教安（ファン・ギョアン）大統領権限代行首相は1月30日にトランプ氏と電話会談したが、対面での会談は実現しなかった。",
      "2017-05-11",
    );
    const call = find(events, "CONSULT", "phone")[0];
    assert.deepEqual(call && ids(call).sort(), ["donald-trump", "hwang-kyo-ahn"]);
  });

  it("reads a known person past a role no office of theirs names (江丙坤理事長と…陳雲林会長は, 田中均外務審議官らが) as a party", async () => {
    const { events } = await extract(
      "台湾の海峡交流基金会の江丙坤理事長と中国の海峡両岸関係協会の陳雲林会長は29日、重慶で会談した。",
      "2010-06-30",
    );
    const talks = find(events, "CONSULT", "meet")[0];
    assert.deepEqual(talks && ids(talks).sort(), ["chen-yunlin", "chiang-pin-kung"]);
    const trip = await extract(
      "日朝間では今月11日から14日まで田中均外務審議官らが平壌を訪れ、北朝鮮外務省の幹部と協議した。",
      "2004-02-29",
    );
    const visit = find(trip.events, "CONSULT", "visit")[0];
    assert.deepEqual(visit && ids(visit), ["hitoshi-tanaka", "PRK"]);
  });

  it("reads the states before which of a series talks are (日本と北朝鮮の国交正常化に向けた第1回本会談は) as their parties", async () => {
    const { events } = await extract(
      "日本と北朝鮮の国交正常化に向けた第1回本会談は31日、平壌で2日間の日程を終えた。",
      "1991-02-01",
    );
    const talks = find(events, "CONSULT", "meet")[0];
    assert.deepEqual(talks && ids(talks).sort(), ["JPN", "PRK"]);
  });

  it("reads no states listed as the object of what is agreed (アルゼンチン、エジプト、イランの3カ国を…招くことで合意した) as its parties", async () => {
    const { events } = await extract(
      "ヨハネスブルグで開かれていた新興5カ国（BRICS）の首脳会議は24日、アルゼンチン、エジプト、イランの3カ国を新たに加盟国として招くことで合意した。",
      "2023-08-25",
    );
    assert.ok(
      !find(events, "AGREE", null).some((e) => ids(e).includes("ARG") || ids(e).includes("EGY")),
      JSON.stringify(find(events, "AGREE", null).map((e) => ids(e))),
    );
  });

  it("reads those invited to talks (ホワイトハウスにAとBを招いて3者会談を行い) as parties and as visitors each", async () => {
    const { events } = await extract(
      "トランプ米大統領は8日、ホワイトハウスにアゼルバイジャンのイルハム・アリエフ（Ilham Aliyev）大統領とアルメニアのニコル・パシニャン（Nikol Pashinyan）首相を招いて3者会談を行い、共同宣言に署名した。",
      "2025-08-09",
    );
    const [talks] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(talks && ids(talks).sort(), ["donald-trump", "ilham-aliyev", "nikol-pashinyan"]);
    const visits = find(events, "CONSULT", "visit").map((e) => ids(e).join("+"));
    assert.deepEqual(visits.sort(), ["ilham-aliyev+USA", "nikol-pashinyan+USA"]);
  });

  it("reads a visit by a coordinated subject as one visit each (オバマ大統領とロシアのメドベージェフ大統領は8日、…プラハを訪れ)", async () => {
    const { events } = await extract(
      "アメリカのオバマ大統領とロシアのメドベージェフ大統領は8日、チェコの首都プラハを訪れ、プラハ城で新たな核軍縮条約に署名しました。",
      "2010-04-09",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => ids(e).join("+"));
    assert.deepEqual(visits.sort(), ["barack-obama+CZE", "dmitry-medvedev+CZE"]);
  });

  it("reads 現地入り after another stop as a visit to where the report is filed from, a city the lexicon lacks by what it is in", async () => {
    const { events } = await extract(
      "【ウェストパームビーチ（米フロリダ州）＝本社特派員】トランプ米大統領と中国の習近平国家主席は7日、首脳会談を終えた。" +
        "習氏は4日からフィンランドを訪問した後、6日に現地入りし、同日夜、夕食会に臨んだ。",
      "2017-04-08",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => [ids(e, "recipient")[0], e.date?.start]);
    assert.deepEqual(visits, [
      ["FIN", "2017-04-04"],
      ["USA", "2017-04-06"],
    ]);
  });

  it("reads a trip's announced length (3泊4日の日程で, 2日間の日程で) as its range from the day it starts", async () => {
    const cases: [string, string, string][] = [
      ["文大統領は13日、3泊4日の日程で中国を訪問する。", "2017-12-12", "2017-12-16"],
      ["習主席は20日から2日間の日程で北朝鮮を訪問した。", "2019-06-21", "2019-06-21"],
    ];
    for (const [text, published, end] of cases) {
      const { events } = await extract(text, published);
      const [visit] = find(events, "CONSULT", "visit");
      assert.equal(visit?.date?.end, end, text);
    }
  });

  it("ends a stay on the day of the return it tells (…日本に滞在し、20日に帰国する), from the day the text is at", async () => {
    const { events } = await extract(
      "韓国の朴振外相は18日午前、羽田空港に到着した。3日間の日程で日本に滞在し、20日に帰国する。",
      "2022-07-18",
    );
    const [visit] = find(events, "CONSULT", "visit");
    assert.deepEqual([visit?.date?.start, visit?.date?.end], ["2022-07-18", "2022-07-20"]);
  });

  it("dates a meeting during a span of days without a day of its own by the span (25日から28日まで…訪問し、…会談)", async () => {
    const { events } = await extract(
      "新華社通信は28日、金正恩委員長が25日から28日まで中国を非公式訪問し、習近平国家主席と会談したと伝えた。",
      "2018-03-29",
    );
    const [meet] = find(events, "CONSULT", "meet");
    assert.deepEqual([meet?.date?.start, meet?.date?.end], ["2018-03-25", "2018-03-28"]);
  });

  it("says when the date comes only from the publication date", async () => {
    const { events } = await extract("トランプ大統領と習近平国家主席が首脳会談を行った。", "2025-10-30");
    assert.equal(find(events, "CONSULT")[0]!.date?.source, "published");
  });

  it("dates an agreement by the meeting that reached it, not by a meeting agreed upon in its clause", async () => {
    const { events } = await extract(
      "上川陽子外相は2日、北京で中国の王毅外相と約3時間会談した。両外相は処理水を巡る問題について意見を交わした。" +
        "王氏は「日本側は責任ある態度で対応すべきだ」と述べた。上川氏は水産物の輸入停止の撤廃を求めた。" +
        "両氏は、日中韓首脳会議の早期開催に向けて調整を進めることで一致した。",
      "2023-12-02",
    );
    const [agreement] = find(events, "AGREE");
    assert.deepEqual(ids(agreement!).sort(), ["wang-yi", "yoko-kamikawa"]);
    assert.equal(agreement!.date?.start, "2023-12-02");
    assert.equal(agreement!.place?.id, "beijing");
    // 早期開催で一致: the summit is what was agreed, not a summit held
    const short = await extract(
      "上川外相は2日、王毅外相と会談した。両氏は、日中韓首脳会議の早期開催で一致した。",
      "2023-12-02",
    );
    assert.equal(find(short.events, "AGREE").length, 1);
    assert.equal(find(short.events, "CONSULT", "multilateral").length, 0);
  });

  it("dates an agreement about an earlier meeting's outcome by the talks that reached it (行った対面会談の合意事項)", async () => {
    const { events } = await extract(
      "バイデン米大統領は2日、中国の習近平国家主席と電話で会談した。" +
        "ホワイトハウスによると、バイデン氏は台湾海峡の平和と安定を維持する重要性を強調した。" +
        "習氏は「台湾問題は越えてはならない一線だ」とけん制した。" +
        "両首脳は、昨年11月にサンフランシスコ近郊で行った対面会談の合意事項を着実に実行することで一致した。",
      "2024-04-03",
    );
    const [agreement] = find(events, "AGREE");
    assert.equal(agreement?.date?.start, "2024-04-02");
    assert.equal(agreement?.place ?? null, null);
    // the earlier meeting is an event of its own, held where and when the relative clause says
    const [earlier] = find(events, "CONSULT", "meet");
    assert.deepEqual([earlier?.date?.start.slice(0, 7), earlier?.place?.id], ["2023-11", "san-francisco"]);
    assert.equal(earlier?.trigger.text, "会談");
  });

  it("dates an event placed against the last one (これに先立ち) by it, not by a date the text counts from", async () => {
    const { events } = await extract(
      "石破茂首相は2日夜、韓国の尹錫悦大統領と約20分間、電話で会談した。1日の首相就任後、日韓首脳の電話会談は初めて。" +
        "両首脳は、日韓関係を一層発展させていくことで一致した。石破首相は会談後、記者団に「緊密に意思疎通していきたい」と述べた。" +
        "首相はこれに先立ち、米国のバイデン大統領とも電話で会談した。",
      "2024-10-03",
    );
    const biden = find(events, "CONSULT", "phone").find((e) => ids(e).includes("joe-biden"));
    assert.equal(biden?.date?.start, "2024-10-02");
    const next = await extract(
      "石破茂首相は2日夜、韓国の尹錫悦大統領と電話で会談した。1日の首相就任後、日韓首脳の電話会談は初めて。首相は、米国のバイデン大統領とも電話で会談した。",
      "2024-10-03",
    );
    const call = find(next.events, "CONSULT", "phone").find((e) => ids(e).includes("joe-biden"));
    assert.equal(call?.date?.start, "2024-10-02");
  });

  it("places what was done before talks (協議に先立ち) against the talks held, not the ones planned since", async () => {
    const { events } = await extract(
      "米国とイランの高官は12日、中東オマーンの首都マスカットで協議した。双方は1週間後の19日に2回目の協議を行うことで合意した。" +
        "アラグチ外相は協議に先立ち、オマーンのバドル外相と会談し、イラン側の立場を伝えていた。",
      "2025-04-13",
    );
    const before = find(events, "CONSULT").find((e) => ids(e).includes("badr-albusaidi"));
    assert.equal(before?.date?.start, "2025-04-12");
    assert.equal(before?.status, "occurred");
  });

  it("dates what was done by the last day past, not by a day a plan told before it is set for", async () => {
    const { events } = await extract(
      "河野太郎外相は1日、韓国の康京和外相とタイの首都バンコクで会談した。日本政府が韓国を優遇対象国から除外する政令改正を" +
        "2日にも閣議決定する方針であることについて、康氏は決定を見送るよう求めた。両氏は東南アジア諸国連合(ASEAN)関連外相会議に出席している。",
      "2019-08-01",
    );
    const attended = find(events, "CONSULT", "multilateral")[0];
    assert.equal(attended?.date?.start, "2019-08-01");
    assert.equal(attended?.status, "occurred");
    const next = await extract(
      "文大統領は14日に習主席と首脳会談を行う。15日午前には北京大で演説する。演説後、李克強首相と会談した後、重慶市に移動する。",
      "2017-12-12",
    );
    const li = find(next.events, "CONSULT").find((e) => ids(e).includes("li-keqiang"));
    assert.deepEqual([li?.date?.start, li?.status], ["2017-12-15", "planned"]);
  });

  it("reads a surname alone (金氏) as the one of that name written out before, not one told of by a title since", async () => {
    const { events } = await extract(
      "北朝鮮の金英哲朝鮮労働党副委員長は18日、ワシントンでトランプ米大統領と会談した。報道官は「大統領は金委員長と会うことを" +
        "楽しみにしている」とした。両首脳は昨年6月12日にシンガポールで首脳会談を行った。金氏は17日にワシントン入りした。",
      "2019-01-19",
    );
    const visit = find(events, "CONSULT", "visit")[0];
    assert.deepEqual(ids(visit!), ["kim-yong-chol", "USA"]);
  });

  it("does not move the text to the date of what a deed responds to (昨年11月の…ことを受け)", async () => {
    const { events } = await extract(
      "日米韓3カ国の外務次官協議が13日、ワシントンで開かれた。森氏は同日、趙氏とも個別に協議した。" +
        "昨年11月の日韓首脳会談で両首脳が懸案の早期解決を図ることで一致したことを受け、意思疎通を続けることを確認した。" +
        "シャーマン米国務副長官は森健良外務事務次官と会談した。",
      "2023-02-14",
    );
    const sherman = find(events, "CONSULT", "meet").find((e) => ids(e).includes("wendy-sherman"));
    assert.equal(sherman?.date?.start, "2023-02-13");
  });

  it("reads a state marked では as where the subject met, not as who met (フィリピンでは、…と首脳会談を行った)", async () => {
    const { events } = await extract(
      "尹大統領は7日夜、シンガポール入りした。フィリピンでは、7日にマニラでマルコス大統領と首脳会談を行った。",
      "2024-10-09",
    );
    const manila = find(events, "CONSULT", "meet").find((e) => e.place?.id === "manila");
    assert.deepEqual(ids(manila!).sort(), ["ferdinand-marcos-jr", "yoon-suk-yeol"]);
  });

  it("reads 同氏は as the person the sentence before was about, not the last one it named", async () => {
    const { events } = await extract(
      "プーチン大統領は19日、平壌で金正恩総書記と会談した。プーチン氏は会談の最後に、次回の首脳会談をモスクワで開きたいとの意向を示し、金氏を招いた。" +
        "同氏は一連の日程を終えた後、次の訪問国ベトナムに向けて平壌を離れた。ベトナムでは20日、トー・ラム国家主席と会談する予定だ。",
      "2024-06-19",
    );
    const hanoi = find(events, "CONSULT", "meet").find((e) => ids(e).includes("to-lam"));
    assert.ok(hanoi, "the meeting in Viet Nam was not read");
    assert.deepEqual(ids(hanoi).sort(), ["to-lam", "vladimir-putin"]);
    assert.equal(hanoi.status, "planned");
  });

  it("dates an agreement by its talks, not by a date inside what was agreed (来年にも改正することで合意)", async () => {
    const { events } = await extract(
      "東南アジア3カ国を歴訪中の尹錫悦(ユン・ソクヨル)大統領は8日(現地時間)、国賓として訪問中のシンガポールでローレンス・ウォン首相と首脳会談を行った。両首脳は会談後、韓国にとって初めてとなる二国間の「供給網(サプライチェーン)パートナーシップ協定」の署名式に立ち会った。供給網の混乱が生じた場合、両国が5日以内に緊急会議を開いて共同で対応する仕組みを設ける内容だ。" +
        "両国は液化天然ガス(LNG)の需給協力など複数の了解覚書(MOU)も交わした。両首脳は1972年に発効した航空協定を来年にも改正することで合意し、国交樹立50周年を迎える来年に向けて関係をさらに格上げすることを目指す方針も確認した。尹大統領は同日開かれたビジネスフォーラムで「両国は革新のパートナーを越え、経済安全保障の核心パートナーへと進んでいく」と強調した。尹大統領はウォン首相との会談に先立ち、シャンムガラトナム大統領とも会談した。",
      "2024-10-09",
    );
    const [agreed] = find(events, "AGREE");
    assert.deepEqual([agreed?.date?.start, agreed?.status], ["2024-10-08", "occurred"]);
  });

  it("dates what was done 前回 by the earlier occurrence just counted from", async () => {
    const { events } = await extract(
      "プーチン大統領は3日、ウランバートルでフレルスフ大統領と会談した。プーチン氏のモンゴル訪問は2019年9月以来。" +
        "前回はバトトルガ大統領と友好関係と包括的戦略パートナーシップに関する条約に署名した。",
      "2024-09-04",
    );
    const treaty = find(events, "SUPPORT", "sign").find((e) => ids(e).includes("khaltmaagiin-battulga"));
    assert.equal(treaty?.date?.start.slice(0, 7), "2019-09");
  });

  it("does not take the subject of a relative clause (ホイットラム氏も訪れた天壇公園) as what the next sentences are about", async () => {
    const { events } = await extract(
      "アルバニージー首相は4日から7日までの日程で中国を公式訪問している。6日午前には、ホイットラム氏も訪れた天壇公園を訪れた。" +
        "7日には人民大会堂で李強総理と首相年次会談を行う予定だ。",
      "2023-11-06",
    );
    const annual = find(events, "CONSULT", "meet").find((e) => ids(e).includes("li-qiang"));
    assert.deepEqual(ids(annual!).sort(), ["anthony-albanese", "li-qiang"]);
  });

  it("reads what a document already issued says (発表された共同声明では、…) as no second issuing", async () => {
    const { events } = await extract(
      "日本、アメリカ、韓国の3か国の外相会談が6日、ワシントンで開かれ、3か国が結束して対応していくことを確認する共同声明を発表しました。" +
        "発表された共同声明では、先月23日の延坪島への砲撃を強く非難しました。",
      "2010-12-07",
    );
    const issued = find(events, "SUPPORT", "sign");
    assert.equal(issued.length, 1);
    assert.equal(issued[0]!.date?.start, "2010-12-06");
  });

  it("reads 両外相 as a minister whose first title is another office (王毅国務委員兼外相) and the other", async () => {
    const { events } = await extract(
      "王毅国務委員兼外相は22日、ブリンケン米国務長官と電話会談した。両外相は先月27日にも電話で協議している。",
      "2022-02-22",
    );
    const january = find(events, "CONSULT", "phone").find((e) => e.date?.start === "2022-01-27");
    assert.deepEqual(ids(january!).sort(), ["antony-blinken", "wang-yi"]);
  });

  it("dates what follows a count from an earlier meeting (から数えて) and the last time before (直近では) by the day reported", async () => {
    const { events } = await extract(
      "朴槿恵大統領は3日、習近平国家主席と青瓦台で首脳会談を行った。両首脳の会談は、朴大統領が昨年6月に訪中し、" +
        "北京で行った首脳会談から数えて通算5回目となる。直近では今年3月、オランダ・ハーグで開かれた核安全保障サミットに合わせて会談した。\n\n" +
        "会談は少人数会談に続いて拡大会談の形で行われた。両首脳は自由貿易協定交渉を年内に妥結させるよう努力することで合意した。",
      "2014-07-03",
    );
    assert.equal(find(events, "AGREE")[0]?.date?.start, "2014-07-03");
  });

  it("places a meeting at a venue the lexicon lacks in the city that qualifies it (ロンドンのランカスター・ハウスで)", async () => {
    const { events } = await extract(
      "茂木外相は3日、ロンドンのランカスター・ハウスでブリンケン国務長官と会談した。",
      "2021-05-04",
    );
    assert.equal(find(events, "CONSULT")[0]?.place?.id, "london");
  });

  it("reads the role one acts in (…の特使として訪米中の) as no party, and an official the lexicon lacks by a title holding a number (国防委員会第1副委員長) as the one who met", async () => {
    const { events } = await extract(
      "【ワシントン10日共同】北朝鮮の金正日総書記の特使として訪米中の趙明禄（チョ・ミョンロク）国防委員会第1副委員長は10日午前（日本時間同日深夜）、ホワイトハウスでクリントン大統領と約45分間会談し、金総書記の親書を手渡した。",
      "2000-10-11",
    );
    const [meet] = find(events, "CONSULT", "meet");
    assert.deepEqual(ids(meet!).sort(), ["bill-clinton", "unresolved:趙明禄"]);
    const [visit] = find(events, "CONSULT", "visit");
    assert.deepEqual(ids(visit!), ["unresolved:趙明禄", "USA"]);
  });

  it("reads a meeting held and one agreed for a month to come as two, however weakly the first is dated", async () => {
    const { events } = await extract(
      "ロシアを訪問している安倍総理大臣は、南部のソチでプーチン大統領と会談し、平和条約締結交渉を新しいアプローチで進めていくことで一致しました。" +
        "会談は現地時間の6日夕方から行われました。" +
        "両首脳は、9月にウラジオストクで開かれる東方経済フォーラムの際に改めて会談することで合意しました。",
      "2016-05-07",
    );
    assert.deepEqual(
      find(events, "CONSULT", "meet").map((e) => [e.status, e.date?.start.slice(0, 7), ...ids(e).sort()]),
      [
        ["occurred", "2016-05", "shinzo-abe", "vladimir-putin"],
        ["planned", "2016-09", "shinzo-abe", "vladimir-putin"],
      ],
    );
  });

  it("reads two joined by と before との as a meeting's two sides (プーチン大統領とカタールの外相との会談), with no topic", async () => {
    const { events } = await extract(
      "ロシアを訪問している安倍総理大臣は6日、ソチに到着した。プーチン大統領とカタールの外相との会談は6日午後に行われた。",
      "2016-05-07",
    );
    assert.deepEqual(
      events.filter((e) => e.type === "CONSULT" && e.mode !== "visit").map((e) => [e.mode, ...ids(e).sort()]),
      [["meet", "mohammed-bin-abdulrahman", "vladimir-putin"]],
    );
  });

  it("reads a visit in a clause before a possibility the sentence ends on as possible (中国を訪れ、習氏と会談する可能性がある)", async () => {
    const { events } = await extract(
      "3月の大統領選で5選を果たしたプーチン氏は、5月7日の就任式の後、最初の外遊先として中国を訪れ、習氏と会談する可能性がある。",
      "2024-04-09",
    );
    assert.deepEqual(
      events.filter((e) => e.type === "CONSULT").map((e) => [e.mode, e.status]),
      [
        ["visit", "speculated"],
        ["meet", "speculated"],
      ],
    );
  });

  it("reads people listed with や before と (ハメネイ師やロウハニ師と会談した) as met each by the topic, but not those met with others besides (…や…副総裁らと面会する)", async () => {
    const { events } = await extract(
      "安倍晋三首相は20日、来日したイランのロウハニ大統領と首相官邸で会談した。首相は今年6月、現職首相として41年ぶりにイランを訪れ、最高指導者ハメネイ師やロウハニ師と会談した。",
      "2019-12-21",
    );
    assert.deepEqual(
      find(events, "CONSULT", "meet").map((e) => [e.date?.start.slice(0, 7), ...ids(e).sort()]),
      [
        ["2019-12", "hassan-rouhani", "shinzo-abe"],
        ["2019-06", "ali-khamenei", "shinzo-abe"],
        ["2019-06", "hassan-rouhani", "shinzo-abe"],
      ],
    );
    const together = await extract(
      "尹錫悦大統領は16日、東京で岸田文雄首相と会談した。尹氏は17日、菅義偉前首相や麻生太郎自民党副総裁らと面会する。",
      "2023-03-16",
    );
    assert.deepEqual(
      find(together.events, "CONSULT", "meet").map((e) => ids(e).sort()),
      [
        ["fumio-kishida", "yoon-suk-yeol"],
        ["taro-aso", "yoon-suk-yeol", "yoshihide-suga"],
      ],
    );
  });

  it("reads a gathering counted by its states (…と臨んだ3カ国首脳会議) as one held by all of them with the topic, not a meeting with each", async () => {
    const { events } = await extract(
      "安倍首相は韓中日首脳会議に出席するため1日に来韓した。朴大統領、中国の李克強首相と臨んだ3カ国首脳会議では、会議を定例化することで一致し、「北東アジアの平和と協力のための共同宣言」を採択した。",
      "2015-11-02",
    );
    assert.deepEqual(
      events.filter((e) => e.type === "CONSULT" && e.mode !== "visit").map((e) => [e.mode, ...ids(e).sort()]),
      [["multilateral", "li-keqiang", "park-geun-hye", "shinzo-abe"]],
    );
    assert.deepEqual(ids(find(events, "SUPPORT", "sign")[0]!).sort(), [
      "li-keqiang",
      "park-geun-hye",
      "shinzo-abe",
    ]);
  });

  it("reads a meeting's noun after its party and a comma (…と会談、…) as written for 会談し、, in the tense of the sentence's last verb", async () => {
    const held = await extract(
      "ロシアのプーチン大統領は19日、平壌で金正日総書記と会談した。大統領は訪朝に先立って中国を訪問し、18日に北京で江沢民国家主席と会談、「北京宣言」に署名した。",
      "2000-07-20",
    );
    assert.deepEqual(
      find(held.events, "CONSULT", "meet").map((e) => [e.status, e.date?.start, ...ids(e).sort()]),
      [
        ["occurred", "2000-07-19", "kim-jong-il", "vladimir-putin"],
        ["occurred", "2000-07-18", "jiang-zemin", "vladimir-putin"],
      ],
    );
    const planned = await extract(
      "小泉純一郎首相は八日朝、日帰りの中国訪問に出発した。首相は同日午後、北京で江沢民国家主席と会談、自衛隊の海外派遣などについて意見交換する。",
      "2001-10-08",
    );
    assert.deepEqual(
      find(planned.events, "CONSULT", "meet").map((e) => [e.status, ...ids(e).sort()]),
      [["planned", "jiang-zemin", "junichiro-koizumi"]],
    );
  });

  it("reads no meeting in the outcome of talks named (協議結果を発表した)", async () => {
    const { events } = await extract(
      "【北京聯合ニュース】中国を国賓訪問中の文在寅（ムン・ジェイン）大統領は14日午後、北京の人民大会堂で習近平国家主席と会談し、朝鮮半島の平和と安定のための4原則で合意した。青瓦台（大統領府）が明らかにした。4原則は▼朝鮮半島での戦争は絶対に容認しない▼朝鮮半島の非核化の原則を堅持する▼北朝鮮の核問題を含むすべての問題を対話と交渉を通じて平和的に解決する▼南北関係の改善は最終的に朝鮮半島問題の解決に役立つ――とする内容だ。両首脳はまた、政治・経済・文化など全ての分野で交流と協力を早期に正常化することで一致した。両首脳の会談は7月にドイツ・ベルリンで、11月にベトナム・ダナンで行われたのに続き3回目。韓国の高高度防衛ミサイル（THAAD）配備をめぐって冷え込んだ両国関係は、10月31日に両国の外交当局が関係改善に関する協議結果を発表したことで修復に向かい始めた。",
      "2017-12-14",
    );
    assert.deepEqual(
      find(events, "CONSULT").map((e) => [e.mode, e.date?.start.slice(0, 7), ...ids(e).sort()]),
      [
        ["visit", "2017-12", "CHN", "moon-jae-in"],
        ["meet", "2017-12", "moon-jae-in", "xi-jinping"],
        ["third-party", "2017-07", "moon-jae-in", "xi-jinping"],
      ],
    );
  });

  it("dates a plan with no day of its own told after the day the text is at (このあと、…を訪れ、…する予定) from that day to its month's end", async () => {
    const { events } = await extract(
      "安倍総理大臣は10日、北京で習近平国家主席と会談しました。安倍総理は、あすの首脳会議に臨みます。このあと、ミャンマーとオーストラリアを訪れ、東アジアサミットに出席する予定です。",
      "2014-11-10",
    );
    assert.deepEqual(
      find(events, "CONSULT", "visit").map((e) => [e.status, e.date?.start, e.date?.end, ...ids(e)]),
      [
        ["planned", "2014-11-11", "2014-11-30", "shinzo-abe", "AUS"],
        ["planned", "2014-11-11", "2014-11-30", "shinzo-abe", "MMR"],
      ],
    );
  });

  it("reads one brought into a summit (マルコス大統領を交えて、日米比3か国として) as its party", async () => {
    const { events } = await extract(
      "岸田総理大臣は11日、フィリピンのマルコス大統領を交えて、日米比3か国として初めての首脳会談に臨むことにしています。",
      "2024-04-11",
    );
    const summit = find(events, "CONSULT").find((e) => e.date?.start === "2024-04-11");
    assert.ok(summit && ids(summit).includes("ferdinand-marcos-jr") && ids(summit).includes("fumio-kishida"));
    assert.equal(summit.status, "planned");
  });

  it("reads a site the lexicon lacks visited abroad (…コムソモリスクナアムーレで…工場を視察し) as a visit to that city's state", async () => {
    const { events } = await extract(
      "北朝鮮の金正日総書記は21日、ハバロフスク地方のコムソモリスクナアムーレで戦闘機を製造する航空機工場を視察した。",
      "2002-08-24",
    );
    const visit = find(events, "CONSULT", "visit")[0];
    assert.deepEqual([ids(visit!).sort(), visit?.place?.id], [["RUS", "kim-jong-il"], "komsomolsk-on-amur"]);
  });

  it("reads 現地入りした as a visit, held, to the place the sentence named", async () => {
    const { events } = await extract(
      "習氏は16日から2日間の日程でサンフランシスコで開かれるAPEC首脳会議に出席するため、14日に現地入りした。",
      "2023-11-16",
    );
    const visit = find(events, "CONSULT", "visit")[0];
    assert.deepEqual(
      [visit?.place?.id, visit?.status, visit?.date?.start],
      ["san-francisco", "occurred", "2023-11-14"],
    );
  });

  it("reads a working group's meeting (作業部会を開き) as talks", async () => {
    const { events } = await extract(
      "米国のヒル国務次官補と北朝鮮の金桂冠外務次官は9月上旬、スイス・ジュネーブで米朝国交正常化作業部会を開いた。",
      "2007-10-03",
    );
    const [talks] = find(events, "CONSULT");
    assert.deepEqual(ids(talks!).sort(), ["christopher-hill", "kim-kye-gwan"]);
    assert.equal(talks!.place?.id, "geneva");
  });

  it("reads talks named for a role in them (6カ国協議の議長国) as no meeting", async () => {
    const { events } = await extract(
      "【北京3日共同】北朝鮮の核問題をめぐる6カ国協議の議長国中国は3日、北朝鮮が寧辺の核施設の無能力化と全核計画の申告を年内に完了させることを柱とした合意文書「共同声明実施のための第2段階の措置」を発表した。文書は9月27日から30日まで北京の釣魚台迎賓館で開かれた6カ国協議の全体会合でまとまり、各国が本国政府の承認を得たことから正式に採択された。\n" +
        "協議には議長を務めた中国の武大偉外務次官のほか、米国のヒル国務次官補、北朝鮮の金桂冠（キム・ゲグァン）外務次官、韓国の千英宇（チョン・ヨンウ）外交通商省朝鮮半島平和交渉本部長、ロシアのロシュコフ外務次官、日本の佐々江賢一郎外務省アジア大洋州局長が首席代表として出席した。",
      "2007-10-03",
    );
    assert.deepEqual(
      find(events, "CONSULT").map((e) => [e.date?.start, e.status]),
      [["2007-09-27", "occurred"]],
    );
  });

  it("reads talks told in a state (米朝の非核化協議が停滞している) as no meeting", async () => {
    const { events } = await extract(
      "文大統領は5日、王毅外相と会談した。文氏は、米朝の非核化協議が停滞していることを念頭に「朝鮮半島の完全な非核化と" +
        "恒久的な平和の構築に向けたプロセスは重大な岐路を迎えている」と述べ、中国に積極的な役割を求めた。",
      "2019-12-06",
    );
    assert.deepEqual(
      find(events, "CONSULT").map((e) => ids(e).sort()),
      [["moon-jae-in", "wang-yi"]],
    );
  });

  it("reads the host of a dinner (ムン大統領主催の夕食会) as its party", async () => {
    const { events } = await extract(
      "トランプ大統領は29日夜に大阪から韓国に到着し、ムン大統領主催の夕食会に出席しました。",
      "2019-06-30",
    );
    const dinner = find(events, "CONSULT", "meet")[0];
    assert.deepEqual(ids(dinner!).sort(), ["donald-trump", "moon-jae-in"]);
  });

  it("reads talks of three or four parties (4者協議) as multilateral, with a body among them", async () => {
    const { events } = await extract(
      "ロシア、ウクライナ、トルコ、国連の4者協議が13日、イスタンブールで開かれた。",
      "2022-07-14",
    );
    const [talks] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(ids(talks!).sort(), ["RUS", "TUR", "UKR", "un"]);
  });

  it("reads a compound of states with a leader brought in (委員長を交えた中仏EU3者会談) as a meeting of their leaders", async () => {
    const { events } = await extract(
      "習主席は6日、パリでマクロン大統領と会談したほか、欧州委員会のフォンデアライエン委員長を交えた中仏EU3者会談に臨んだ。",
      "2024-05-07",
    );
    const [talks] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(
      ids(talks!)
        .filter((id) => id !== "eu")
        .sort(),
      ["emmanuel-macron", "ursula-von-der-leyen", "xi-jinping"],
    );
  });

  it("keeps one named with と before a body's officer, past the body's gloss (安倍首相と欧州連合(EU)のトゥスク大統領)", async () => {
    const { events } = await extract(
      "安倍晋三首相と欧州連合（EU）のトゥスク大統領、ユンケル欧州委員長は17日、首相官邸で定期首脳協議を開き、" +
        "日EU経済連携協定（EPA）に署名した。",
      "2018-07-18",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.ok(ids(sign!).includes("shinzo-abe"), `signed by ${ids(sign!).join(", ")}`);
  });

  it("reads states the lexicon names as one group (中央アジア5カ国) as its members", async () => {
    const { events } = await extract(
      "中国と中央アジア5カ国による第2回首脳会議が17日、アスタナで開かれた。",
      "2025-06-18",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    const states = new Set(summit!.participants.map((p) => p.actor.country ?? p.actor.id));
    for (const s of ["CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"])
      assert.ok(states.has(s), `${s} is not a party`);
  });

  it("reads 6カ国の首脳 as the six leaders last named", async () => {
    const { events } = await extract(
      "中国と中央アジア5カ国による第2回首脳会議が17日、カザフスタンの首都アスタナの独立宮殿で開かれた。" +
        "中国の習近平国家主席のほか、議長を務めたカザフスタンのトカエフ大統領、キルギスのジャパロフ大統領、" +
        "タジキスタンのラフモン大統領、トルクメニスタンのベルディムハメドフ大統領、ウズベキスタンのミルジヨエフ大統領が出席した。" +
        "6カ国の首脳は「永久善隣友好協力条約」に署名した。",
      "2025-06-18",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.equal(ids(sign!).length, 6, `signed by ${ids(sign!).join(", ")}`);
  });

  it("reads 双方 as the two named together just before, not the last two named (a mediator after them)", async () => {
    const { events } = await extract(
      "米国とイランの高官は12日、オマーンの首都マスカットで協議した。終了後にはウィトコフ氏とアラグチ氏がバドル外相の立ち会いのもとで" +
        "数分間、直接言葉を交わした。双方は1週間後の19日に2回目の協議を行うことで合意した。",
      "2025-04-13",
    );
    const next = find(events, "CONSULT").find((e) => e.date?.start === "2025-04-19");
    assert.deepEqual(ids(next!).sort(), ["abbas-araghchi", "steve-witkoff"]);
    assert.equal(next!.status, "planned");
  });

  it("does not date an event by the end of another clause's span (21日まで滞在し、…首脳会談を行う)", async () => {
    const { events } = await extract(
      "中国の習近平国家主席は20日、北朝鮮の平壌に到着した。習氏は21日まで滞在し、金正恩委員長と首脳会談を行う。",
      "2019-06-20",
    );
    const dates = find(events, "CONSULT", "meet").map((e) => e.date?.start);
    assert.ok(!dates.includes("2019-06-21"), `meetings dated ${dates.join(", ")}`);
  });

  it("reads an anniversary counted from a signing (協定締結から70年) as a date, not a signing", async () => {
    const { events } = await extract(
      "ロシアのショイグ国防相は26日、平壌で金総書記と会談した。" +
        "ショイグ氏は、休戦協定締結から70年となる27日の記念行事に出席する。",
      "2023-07-26",
    );
    assert.deepEqual(find(events, "SUPPORT", "sign"), []);
  });

  it("leaves the year of a named agreement to that agreement (…加速で一致 56年共同宣言を基礎)", async () => {
    const { events } = await extract(
      "日ロ、平和条約交渉加速で一致 56年共同宣言を基礎\n" +
        "安倍首相は14日、プーチン大統領と会談し、平和条約締結交渉を加速させる方針で一致した。",
      "2018-11-15",
    );
    assert.deepEqual(
      find(events, "AGREE").map((e) => e.date?.start),
      ["2018-11-14"],
    );
  });

  it("reads a compound of states qualifying who acted as the side that acted (日米韓の首脳は), not its officials", async () => {
    const { events } = await extract("日米韓の首脳は18日、電話で協議した。", "2023-12-18");
    const [call] = find(events, "CONSULT", "phone");
    assert.deepEqual(ids(call!).sort(), ["JPN", "KOR", "USA"]);
    // officials' talks would be read as the ministers' and merged with their call of the same day
    const officials = await extract(
      "日米韓の外務省の局長級は18日、電話で協議した。ブリンケン米国務長官は上川陽子外相と電話会談した。",
      "2023-12-18",
    );
    assert.deepEqual(
      find(officials.events, "CONSULT", "phone").map((e) => ids(e).sort()),
      [["antony-blinken", "yoko-kamikawa"]],
    );
  });

  it("takes the subject of what a news agency reports, not the agency, as who met (…と会談したと報じた)", async () => {
    const { events } = await extract(
      "北朝鮮の朝鮮中央通信は18日、ロシアのショイグ安全保障会議書記が17日にピョンヤンを訪れ、金正恩総書記と会談したと報じた。",
      "2025-06-18",
    );
    const [meet] = find(events, "CONSULT", "meet");
    assert.deepEqual(ids(meet!).sort(), ["kim-jong-un", "sergei-shoigu"]);
    assert.equal(meet!.date?.start, "2025-06-17");
  });

  it("gives an earlier visit named by an office (日本の外相の訪中は2019年12月以来) to the state, not today's holder", async () => {
    const { events } = await extract(
      "上川陽子外相は2日、北京で中国の王毅外相と会談した。日本の外相の訪中は2019年12月以来となる。",
      "2023-12-02",
    );
    const [visit] = find(events, "CONSULT", "visit");
    assert.equal(visit?.date?.start.slice(0, 7), "2019-12");
    assert.deepEqual(ids(visit!), ["JPN", "CHN"]);
    // the earlier visit was to the state the word names: that is where it took place
    assert.equal(visit?.place?.id, "CHN");
  });

  it("reads the leaders of a compound as the parties to the meeting counted from (米朝首脳の対面は…会談以来)", async () => {
    const { events } = await extract(
      "トランプ米大統領と北朝鮮の金正恩国務委員長は30日午後、板門店で会談した。" +
        "米朝首脳の対面は今年2月のベトナム・ハノイでの会談以来、約4カ月ぶり。",
      "2019-06-30",
    );
    const earlier = events.find((e) => e.date?.start === "2019-02-01");
    assert.ok(earlier, "the February meeting was not read");
    assert.deepEqual(ids(earlier).sort(), ["donald-trump", "kim-jong-un"]);
  });

  it("sends the visit counted from where the one counted goes (外相の訪中は、…茂木外相が訪れて以来)", async () => {
    const { events } = await extract(
      "林外相は1日から2日間の日程で中国を訪れた。日本の外相の訪中は、2019年12月に当時の茂木敏充外相が訪れて以来となる。",
      "2023-04-03",
    );
    const earlier = find(events, "CONSULT", "visit").find((e) => ids(e).includes("toshimitsu-motegi"));
    assert.ok(earlier, "Motegi's visit was not read");
    assert.deepEqual([ids(earlier, "recipient"), earlier.date?.start], [["CHN"], "2019-12-01"]);
  });

  it("dates an earlier visit by the date it describes (習主席がピョンヤンを訪れた2019年6月以来)", async () => {
    const { events } = await extract(
      "金総書記は4日、北京で習主席と会談した。両首脳の対面での会談は、習主席がピョンヤンを訪れた2019年6月以来だ。",
      "2025-09-05",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => [ids(e).join("+"), e.date?.start.slice(0, 7)]);
    assert.deepEqual(visits, [["xi-jinping+PRK", "2019-06"]]);
  });

  it("dates what happened 当時 by the date just mentioned (2002年8月以来9年ぶりで、当時は…会談した)", async () => {
    const { events } = await extract(
      "金総書記は24日、ウランウデでメドベージェフ大統領と会談した。" +
        "金総書記の訪ロは2002年8月以来9年ぶりで、当時はウラジオストクでプーチン大統領と会談した。",
      "2011-08-25",
    );
    const putin = find(events, "CONSULT", "meet").find((e) => ids(e).includes("vladimir-putin"));
    assert.equal(putin?.date?.start.slice(0, 7), "2002-08");
  });

  it("dates an event by its day, not by a month after it that qualifies another noun (15日、今月の訪米の成果について)", async () => {
    const { events } = await extract(
      "岸田首相は15日、今月の訪米の成果について尹大統領と会談した。",
      "2023-05-16",
    );
    assert.deepEqual(
      find(events, "CONSULT").map((e) => e.date?.start),
      ["2023-05-15"],
    );
  });

  it("leaves the date of a relative clause about a party to that clause (5月1日に即位された天皇陛下と会見した)", async () => {
    const { events } = await extract(
      "安倍首相は27日、トランプ大統領と会談した。トランプ氏はこれに先立ち、皇居で5月1日に即位された天皇陛下と会見した。",
      "2019-05-28",
    );
    const audience = find(events, "CONSULT").find((e) => ids(e).includes("emperor-naruhito"));
    assert.equal(audience?.date?.start, "2019-05-27");
  });

  it("reads who does it now in …のは、2011年10月の野田佳彦首相以来 by the day, not by the date counted from", async () => {
    const { events } = await extract(
      "岸田首相は7日、ソウル空港に到着した。日本の首相が二国間の訪問で韓国を訪れるのは、2011年10月の野田佳彦首相以来、約12年ぶり。",
      "2023-05-08",
    );
    const visitors = find(events, "CONSULT", "visit").map((e) => [ids(e)[0], e.date?.start.slice(0, 7)]);
    assert.ok(
      !visitors.some(([who, month]) => who === "yoshihiko-noda" && month === "2023-05"),
      JSON.stringify(visitors),
    );
    assert.ok(
      visitors.some(([who, month]) => who === "fumio-kishida" && month === "2023-05"),
      JSON.stringify(visitors),
    );
  });

  it("dates a visit by the date it describes also when the verb is written out (文在寅前大統領が訪中した2019年12月以来)", async () => {
    const { events } = await extract(
      "習主席は15日、バリ島で尹錫悦大統領と会見した。中韓首脳の対面での会談は、文在寅前大統領が訪中した2019年12月以来となる。",
      "2022-11-16",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => [ids(e).join("+"), e.date?.start.slice(0, 7)]);
    assert.deepEqual(visits, [["moon-jae-in+CHN", "2019-12"]]);
  });

  it("reads the earlier leaders' meeting a sentence counts from (日韓首脳の正式な会談は、2018年9月に…で行って以来)", async () => {
    const { events } = await extract(
      "安倍首相は24日、成都で韓国の文在寅大統領と会談した。日韓首脳の正式な会談は、2018年9月に米ニューヨークで行って以来、約1年3カ月ぶり。",
      "2019-12-25",
    );
    const earlier = find(events, "CONSULT").find((e) => e.date?.start.startsWith("2018-09"));
    assert.deepEqual(ids(earlier!).sort(), ["moon-jae-in", "shinzo-abe"]);
    assert.equal(earlier!.place?.id, "new-york");
  });

  it("dates an earlier occurrence named with 以来 on its own", async () => {
    const { events } = await extract(
      "プーチン大統領とキム総書記は19日、首脳会談を行った。両首脳の会談は2023年9月の会談以来となる。",
    );
    const dates = find(events, "CONSULT", "meet").map((e) => e.date?.start.slice(0, 7));
    assert.deepEqual(dates.sort(), ["2023-09", "2024-06"]);
  });
});

describe("meetings named by the states' compound", () => {
  it("reads talks of the states' officials (米朝実務者協議, 日朝政府間協議) as the states', in an article with no other party", async () => {
    const { events } = await extract("米朝実務者協議が12日、板門店で開かれた。", "2018-07-13");
    assert.deepEqual(
      find(events, "CONSULT").map((e) => ids(e).sort()),
      [["PRK", "USA"]],
    );
    const held = await extract(
      "合意は、ストックホルムで26日から3日間行われた日朝政府間協議でまとまった。安倍首相が発表した。",
      "2014-05-30",
    );
    // (held for the three days counted from the 26th)
    assert.deepEqual(
      find(held.events, "CONSULT").map((e) => [ids(e).sort(), e.status, e.date?.start, e.date?.end]),
      [[["JPN", "PRK"], "occurred", "2014-05-26", "2014-05-28"]],
    );
  });

  it("reads a gathering's word after two states (日韓首脳会合) as their leaders' meeting, reported by its end (終了)", async () => {
    const { events } = await extract(
      "日韓首脳会合が22日、韓国のチェジュド(済州島)で終了しました。韓国の盧武鉉大統領と小泉純一郎首相は当日、朝食を共にし、懇談を行いました。",
      "2004-07-22",
    );
    const meetings = find(events, "CONSULT");
    assert.deepEqual(
      meetings.map((e) => [e.mode, ids(e).sort(), e.date?.start, e.place?.id]),
      [["meet", ["junichiro-koizumi", "roh-moo-hyun"], "2004-07-22", "jeju-island"]],
    );
    // three states compounded stay a gathering of several
    const three = await extract("日中韓首脳会合が22日、ソウルで終了した。", "2004-07-22");
    assert.deepEqual(
      find(three.events, "CONSULT").map((e) => e.mode),
      ["multilateral"],
    );
  });
});

describe("a delegation met", () => {
  it("reads a high-level delegation as its state, those who attended the talks as at them, and one who qualifies another as absent", async () => {
    const { events } = await extract(
      "韓国の文在寅大統領は10日、北朝鮮の高位級代表団と青瓦台で会談し、昼食を共にした。" +
        "代表団に加わっている金正恩委員長の妹、金与正党第1副部長が金委員長の親書を文大統領に手渡した。" +
        "会談には北朝鮮側から金永南最高人民会議常任委員長が、韓国側から鄭義溶国家安保室長らが出席した。",
      "2018-02-11",
    );
    const meetings = find(events, "CONSULT", "meet");
    assert.equal(meetings.length, 1);
    assert.equal(meetings[0]!.date?.start, "2018-02-10");
    const who = ids(meetings[0]!);
    for (const id of ["moon-jae-in", "kim-yo-jong", "kim-yong-nam", "chung-eui-yong"])
      assert.ok(who.includes(id), id);
    assert.ok(!who.includes("kim-jong-un"), "the sender of the letter was not at the talks");
  });

  it("reads one met before a state that qualifies the place (康京和外相とタイの首都バンコクで) as the counterpart", async () => {
    const { events } = await extract(
      "河野太郎外相は1日、韓国の康京和外相とタイの首都バンコクで会談した。",
      "2019-08-01",
    );
    const [talks] = find(events, "CONSULT");
    assert.deepEqual(ids(talks!).sort(), ["kang-kyung-wha", "taro-kono"]);
    assert.equal(talks!.place?.id, "bangkok");
  });

  it("reads a special envoys' delegation as its state, met on the day it arrived, not the day it was reported", async () => {
    const { events } = await extract(
      "北朝鮮の朝鮮中央通信は6日、金正恩朝鮮労働党委員長が5日に平壌を訪れた韓国の特使団と面会し、夕食会を催したと報じた。",
      "2018-03-07",
    );
    const [met] = find(events, "CONSULT", "meet");
    assert.deepEqual(ids(met!).sort(), ["KOR", "kim-jong-un"]);
    assert.equal(met!.date?.start, "2018-03-05");
  });

  it("reads the officials of a compound of states (日米韓の外務次官は) as those states, not a level of talks (日朝政府間協議)", async () => {
    const { events } = await extract(
      "日米韓の外務次官は26日、電話で協議し、北朝鮮を非難した。",
      "2022-05-27",
    );
    const [call] = find(events, "CONSULT", "phone");
    assert.deepEqual(ids(call!).sort(), ["JPN", "KOR", "USA"]);
    const talks = await extract("日朝政府間協議は26日、ストックホルムで開かれた。", "2014-05-27");
    assert.deepEqual(ids(find(talks.events, "CONSULT")[0]!).sort(), ["JPN", "PRK"]);
  });

  it("reads the officials of states named together (米国とイランの高官は) as those states meeting", async () => {
    const { events } = await extract(
      "イランの核開発問題を巡り、米国とイランの高官は12日、中東オマーンの首都マスカットで協議した。",
      "2025-04-13",
    );
    const [talks] = find(events, "CONSULT");
    assert.deepEqual(ids(talks!).sort(), ["IRN", "USA"]);
    assert.equal(talks!.place?.id, "muscat");
    assert.equal(talks!.date?.start, "2025-04-12");
  });
});

describe("meetings listed by date and place", () => {
  it("reads one meeting for each date and its place (5月にソチで、9月にウラジオストクで…会談しており)", async () => {
    const { events } = await extract(
      "安倍首相は16日、プーチン大統領と会談した。" +
        "両首脳は今年5月にロシア南部ソチで、9月に極東ウラジオストクで会談しており、対話を重ねてきた。",
      "2016-12-17",
    );
    const earlier = find(events, "CONSULT")
      .filter((e) => e.date?.granularity === "month")
      .map((e) => [e.date?.start.slice(0, 7), e.place?.id]);
    assert.deepEqual(earlier, [
      ["2016-05", "sochi"],
      ["2016-09", "vladivostok"],
    ]);
  });
});

describe("meetings of several states", () => {
  it("reads a summit a relative clause says was held, though the text uses it to time a statement (開かれた…首脳会談の冒頭で)", async () => {
    const { events } = await extract(
      "トランプ米大統領は21日、北朝鮮と取引のある個人や企業を新たに制裁対象とする大統領令に署名したと発表した。" +
        "国連総会に合わせてニューヨークで開かれた安倍晋三首相、韓国の文在寅(ムン・ジェイン)大統領との日米韓首脳会談の冒頭で明らかにした。",
      "2017-09-22",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(ids(summit!).sort(), ["donald-trump", "moon-jae-in", "shinzo-abe"]);
    assert.equal(summit!.date?.start, "2017-09-21");
    assert.equal(summit!.place?.id, "new-york");
  });

  it("reads a foreign ministers' meeting (外相会議) with the ministers who attend it", async () => {
    const { events } = await extract(
      "日本と中国、韓国の外相会議が22日、東京都内で開かれ、岩屋外務大臣が議長を務めました。" +
        "会議には中国の王毅外相と韓国のチョ・テヨル外相が出席しました。",
      "2025-03-23",
    );
    const [meeting] = find(events, "CONSULT", "multilateral");
    assert.ok(meeting, "no multilateral meeting");
    assert.deepEqual(ids(meeting).sort(), ["cho-tae-yul", "takeshi-iwaya", "wang-yi"]);
    assert.equal(meeting.date?.start, "2025-03-22");
    assert.equal(meeting.place?.id, "tokyo");
  });
});

describe("attending with others", () => {
  it("takes those the subject attends an occasion with as its parties (…とともに観覧した)", async () => {
    const { events } = await extract(
      "キム総書記は3日、天安門広場で行われた軍事パレードを、習主席やロシアのプーチン大統領とともに観覧しました。",
      "2025-09-04",
    );
    const [parade] = find(events, "CONSULT", "multilateral");
    assert.ok(parade, "the parade attended together was not read");
    assert.deepEqual(ids(parade).sort(), ["kim-jong-un", "vladimir-putin", "xi-jinping"]);
    assert.equal(parade.date?.start, "2025-09-03");
  });

  it("takes a subject named after its companion (…とともに李首相や…党首らが参観する), not the last sentence's", async () => {
    const { events } = await extract(
      "中国の首相が北朝鮮を訪れるのは、2009年10月の温家宝首相以来です。" +
        "10日には軍事パレードが行われる見通しで、キム総書記とともに李首相や、ロシア与党「統一ロシア」のメドベージェフ党首らが参観するとみられています。",
      "2025-10-10",
    );
    const [parade] = find(events, "CONSULT", "multilateral");
    assert.ok(parade, "the parade was not read");
    assert.deepEqual(ids(parade).sort(), ["dmitry-medvedev", "kim-jong-un", "li-qiang"]);
  });
});

describe("ways of meeting", () => {
  it("reads a summit of one leader as with the leader received before it (岸田首相を国賓として迎え、…首脳会談に臨む)", async () => {
    const { events } = await extract(
      "バイデン氏は来週、岸田文雄首相を国賓として迎え、10日にホワイトハウスで首脳会談に臨む。",
      "2024-04-03",
    );
    const [summit] = find(events, "CONSULT", "meet");
    assert.deepEqual(ids(summit!).sort(), ["fumio-kishida", "joe-biden"]);
    assert.equal(summit!.date?.start, "2024-04-10");
    assert.equal(summit!.status, "planned");
  });

  it("reads talks held by telephone as a call, whatever stands between (電話で約25分間会談), with a president-elect (トランプ次期大統領)", async () => {
    const calls = async (text: string, published: string) =>
      find((await extract(text, published)).events, "CONSULT").map((e) => [e.mode, ids(e).sort()]);
    assert.deepEqual(
      await calls("石破茂首相は9日、韓国の李在明大統領と就任後初めて電話で約25分間会談した。", "2025-06-10"),
      [["phone", ["lee-jae-myung", "shigeru-ishiba"]]],
    );
    assert.deepEqual(
      await calls(
        "尹大統領は今月7日、米大統領選で勝利したトランプ次期大統領と電話で会談し、早期に会うことで一致している。",
        "2024-11-16",
      ),
      [["phone", ["donald-trump", "yoon-suk-yeol"]]],
    );
  });

  it("reads two on each side as one meeting, and pairs that each met as meetings of their own", async () => {
    const { events } = await extract(
      "米国のブリンケン国務長官とオースティン国防長官は18日、ソウルで韓国の鄭義溶(チョン・ウィヨン)外相、徐旭(ソ・ウク)国防相と外務・防衛担当閣僚協議(2プラス2)を開いた。" +
        "米韓の2プラス2は2016年10月以来となる。ブリンケン氏は19日に鄭氏と、オースティン氏は徐氏とそれぞれ会談した。",
      "2021-03-20",
    );
    const meetings = find(events, "CONSULT").map((e) => ids(e).sort().join("+"));
    assert.deepEqual(meetings.sort(), [
      "KOR+USA",
      "antony-blinken+chung-eui-yong",
      "antony-blinken+chung-eui-yong+lloyd-austin+suh-wook",
      "lloyd-austin+suh-wook",
    ]);
  });

  it("reads two subjects that each met one counterpart (AとBは…Cとそれぞれ会談) as a meeting each", async () => {
    const { events } = await extract(
      "安倍首相は24日、成都で文在寅大統領と会談した。首相と文氏は23日、北京の人民大会堂で習近平国家主席とそれぞれ会談した。",
      "2019-12-25",
    );
    const meetings = find(events, "CONSULT").map((e) => [ids(e).sort().join("+"), e.date?.start]);
    assert.deepEqual(meetings, [
      ["moon-jae-in+shinzo-abe", "2019-12-24"],
      ["shinzo-abe+xi-jinping", "2019-12-23"],
      ["moon-jae-in+xi-jinping", "2019-12-23"],
    ]);
  });

  it("reads the leader named with a summit of states as their state's (李克強首相の主催で開かれた日中韓首脳会議)", async () => {
    const { events } = await extract(
      "安倍首相と文在寅大統領は24日、成都で李克強首相の主催で開かれた日中韓首脳会議に出席した。習近平国家主席は前日、両首脳と会談した。",
      "2019-12-25",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(ids(summit!).sort(), ["li-keqiang", "moon-jae-in", "shinzo-abe"]);
  });

  it("reads a courtesy call (…を表敬訪問した) as a meeting with the person called on", async () => {
    const { events } = await extract(
      "ブリンケン米国務長官は18日、ソウルで文在寅大統領を表敬訪問した。",
      "2021-03-19",
    );
    assert.deepEqual(
      find(events, "CONSULT").map((e) => [e.mode, ids(e).sort()]),
      [["meet", ["antony-blinken", "moon-jae-in"]]],
    );
  });

  it("reads summoning an ambassador (…大使を外務省に呼び) as meeting them, and an appeal (に呼びかけ) as nothing", async () => {
    const { events } = await extract(
      "前原外相は同日、ベールイ駐日ロシア大使を外務省に呼び、「極めて遺憾だ」と抗議した。菅首相は国民に冷静な対応を呼びかけた。",
      "2010-11-02",
    );
    assert.deepEqual(
      find(events, "CONSULT").map((e) => [e.mode, ids(e).sort()]),
      [["meet", ["seiji-maehara", "unresolved:ベールイ"]]],
    );
  });

  it("takes those one watches an occasion beside (…と並んで参観した) as its parties", async () => {
    const { events } = await extract(
      "プーチン大統領は9日、赤の広場で行われた軍事パレードを、習主席と並んで参観した。",
      "2015-05-10",
    );
    const [parade] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(ids(parade!).sort(), ["vladimir-putin", "xi-jinping"]);
  });

  it("reads a document issued by its kind and bracketed name (共同声明「…」を発表した) as a signing", async () => {
    const { events } = await extract(
      "菅首相とバイデン大統領は16日、ホワイトハウスで会談し、共同声明「新たな時代における日米グローバル・パートナーシップ」を発表した。",
      "2021-04-17",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.equal(sign?.object, "共同声明「新たな時代における日米グローバル・パートナーシップ」");
    assert.deepEqual(ids(sign!).sort(), ["joe-biden", "yoshihide-suga"]);
  });

  it("reads a phone call told as background: right after another event, from where one was staying, and one 'also' held with the same leader", async () => {
    const { events: after } = await extract(
      "石破首相は7日、トランプ大統領と会談した。両首脳は昨年11月の米大統領選の直後に電話で協議していたが、対面での会談は1月の政権発足後にずれ込んだ。",
      "2025-02-08",
    );
    assert.equal(
      find(after, "CONSULT", "phone")[0]?.date?.start,
      "2024-11-01",
      "right after it is at its date",
    );
    const { events: from } = await extract(
      "トランプ大統領は28日、高市首相と迎賓館で会談した。首相とは就任直後の25日、首相の訪問先のマレーシアから電話で協議していた。",
      "2025-10-29",
    );
    const [call] = find(from, "CONSULT", "phone");
    assert.deepEqual(
      ids(call!).sort(),
      ["donald-trump", "sanae-takaichi"],
      "the state stayed in is no party",
    );
    const { events: also } = await extract(
      "石破総理大臣は23日、韓国のイ・ジェミョン大統領と総理大臣官邸で会談しました。両首脳の対面での会談は、ことし6月にカナダで開かれたG7サミットの際に行われて以来で、イ大統領の就任直後の6月9日には電話会談も行っています。" +
        "両首脳は、シャトル外交を続けていくことを確認し、10月末から慶州で開かれるAPEC首脳会議の成功に向けて協力していくことでも一致しました。",
      "2025-08-24",
    );
    // (what the leaders agree after it was agreed at the meeting reported, not at the call told in passing)
    assert.deepEqual(
      find(also, "AGREE").map((e) => e.date?.start),
      ["2025-08-23"],
    );
    const [phone] = find(also, "CONSULT", "phone");
    assert.deepEqual(ids(phone!).sort(), ["lee-jae-myung", "shigeru-ishiba"]);
    assert.equal(phone?.date?.start, "2025-06-09");
    assert.equal(phone?.place, null, "Canada is where the summit was held, not the call");
  });

  it("dates a signing by its own date, not by the year of an older treaty it replaces (1961年に…結んだ条約に代わる)", async () => {
    const { events } = await extract(
      "朝露間では今年2月、イワノフ外相が平壌を訪れ、1961年に旧ソ連と結んだ友好協力相互援助条約に代わる新たな友好善隣協力条約に署名した。",
      "2000-07-20",
    );
    const dates = find(events, "SUPPORT", "sign").map((e) => e.date?.start);
    assert.ok(dates.includes("2000-02-01"), `the new treaty is signed in February: ${dates.join(", ")}`);
  });

  it("places what is told after これに先立ち against the meeting reported, not a call told in a pluperfect between", async () => {
    const { events } = await extract(
      "トランプ大統領は28日、高市首相と迎賓館で会談した。首相とは就任直後の25日、電話で協議していた。トランプ氏はこれに先立ち、皇居で天皇陛下と会見した。",
      "2025-10-29",
    );
    const audience = find(events, "CONSULT", "meet").find((e) => ids(e).includes("emperor-naruhito"));
    assert.equal(audience?.date?.start, "2025-10-28");
    // 北朝鮮による拉致被害者の家族と面会した: the agent of what qualifies those met is no party
    const { events: families } = await extract(
      "トランプ氏は28日、高市首相と会談した。トランプ氏は首相との会談後、北朝鮮による拉致被害者の家族と面会した。",
      "2025-10-29",
    );
    assert.ok(!families.some((e) => ids(e).includes("PRK")));
  });

  it("reads an agreement a relative clause reports as its own subject's, not the sentence's topic's (両首脳は…日米両政府が合意した関税措置…)", async () => {
    const { events } = await extract(
      "トランプ大統領は28日、高市首相と会談した。両首脳は重要鉱物の供給確保に向けた協力の枠組みと、7月に日米両政府が合意した関税措置を巡る合意の着実な履行を確認する文書に署名した。",
      "2025-10-29",
    );
    const agreed = find(events, "AGREE").find((e) => e.date?.start.startsWith("2025-07"));
    assert.deepEqual(ids(agreed!).sort(), ["JPN", "USA"]);
  });

  it("reads leaving for a country (アメリカに向けて出発し) as the start of a visit to it", async () => {
    const { events } = await extract(
      "イ大統領は24日、日本での日程を終えてアメリカに向けて出発し、25日にはワシントンでトランプ大統領と初めての首脳会談に臨む予定です。",
      "2025-08-24",
    );
    const [visit] = find(events, "CONSULT", "visit");
    assert.deepEqual(
      [ids(visit!, "actor"), ids(visit!, "recipient"), visit?.date?.start],
      [["lee-jae-myung"], ["USA"], "2025-08-24"],
    );
  });

  it("reads talks between two states at a level (日本と北朝鮮の局長級による政府間協議) as between the delegates the article names for each side", async () => {
    const { events } = await extract(
      "ウランバートルで15日から開かれていた日本と北朝鮮の局長級による政府間協議は16日、2日間の日程を終えて閉幕した。日本側代表の杉山晋輔外務省アジア大洋州局長は終了後、記者団に説明した。\n\n" +
        "局長級の日朝政府間協議は、平成20年8月に中国・瀋陽で開かれて以来、約4年3カ月ぶり。北朝鮮側は宋日昊(ソンイルホ)・朝日国交正常化交渉担当大使が代表を務めた。",
      "2012-11-17",
    );
    const talks = find(events, "CONSULT").find((e) => e.date?.start === "2012-11-15");
    assert.deepEqual(ids(talks!).sort(), ["unresolved:宋日昊", "unresolved:杉山晋輔"]);
    // the talks of 2008 the text counts from stay between the states
    const earlier = find(events, "CONSULT").find((e) => e.date?.start.startsWith("2008"));
    assert.deepEqual(ids(earlier!).sort(), ["JPN", "PRK"]);
  });

  it("dates nothing after it by the date of talks the text counts from (平成20年8月に瀋陽で開かれて以来)", async () => {
    const { events } = await extract(
      "日朝の局長級協議が16日、ウランバートルで閉幕した。日本側代表の杉山晋輔外務省アジア大洋州局長が記者団に説明した。\n\n" +
        "局長級の日朝政府間協議は、平成20年8月に中国・瀋陽で開かれて以来、約4年ぶり。北朝鮮側は宋日昊(ソンイルホ)・朝日国交正常化交渉担当大使が代表を務めた。\n\n" +
        "杉山氏によると、双方は幅広い懸案を協議した。",
      "2012-11-17",
    );
    const between = find(events, "CONSULT").filter((e) => ids(e).includes("unresolved:宋日昊"));
    assert.ok(between.length > 0);
    for (const e of between) assert.notEqual(e.date?.start.slice(0, 4), "2008", e.evidence[0]?.text);
  });

  it("reads talks a joint statement provides for, with no date of their own, as no event (…協議をできるだけ早く行うことも明記されました)", async () => {
    const { events } = await extract(
      "トランプ大統領とキム委員長は12日、シンガポールで会談し、共同声明に署名しました。声明には、ポンペイオ長官と北朝鮮の高官による協議をできるだけ早く行うことも明記されました。",
      "2018-06-12",
    );
    assert.ok(!events.some((e) => ids(e).includes("mike-pompeo")), JSON.stringify(events.map((e) => ids(e))));
  });

  it("reads a request accepted (訪朝を要請し、…快く受け入れた) as agreed, and a joint press statement issued or a statement compiled as signed", async () => {
    const { events: accepted } = await extract(
      "金委員長は26日、習主席と会談した。金委員長が習主席に訪朝を要請し、習主席が快く受け入れた。",
      "2018-03-28",
    );
    assert.deepEqual(ids(find(accepted, "AGREE")[0]!).sort(), ["kim-jong-un", "xi-jinping"]);
    const { events: issued } = await extract(
      "温家宝首相は11日、首相官邸で安倍晋三首相と会談し、「日中共同プレス発表」を発表した。",
      "2007-04-12",
    );
    assert.equal(find(issued, "SUPPORT", "sign")[0]?.object, "日中共同プレス発表");
    const { events: compiled } = await extract(
      "温家宝首相は11日、首相官邸で安倍晋三首相と会談し、環境保護協力の強化に関する共同声明をまとめた。",
      "2007-04-12",
    );
    assert.equal(find(compiled, "SUPPORT", "sign")[0]?.object, "環境保護協力の強化に関する共同声明");
  });

  it("reads meetings said to be several (AやBとも個別に会談する) as one with each, timed by the gathering they are held beside (これに合わせ)", async () => {
    const { events } = await extract(
      "プーチン大統領は15日、習主席と会談した。SCOは16日に首脳会議の本会合を開く。プーチン氏はこれに合わせ、インドのモディ首相やトルコのエルドアン大統領とも個別に会談する予定だ。",
      "2022-09-16",
    );
    const planned = find(events, "CONSULT", "meet").filter((e) => e.status === "planned");
    assert.deepEqual(
      planned.map((e) => [ids(e).sort(), e.date?.start]),
      [
        [["narendra-modi", "vladimir-putin"], "2022-09-16"],
        [["recep-tayyip-erdogan", "vladimir-putin"], "2022-09-16"],
      ],
    );
  });

  it("reads a treaty's anniversary at a reception a relative clause says was held as no signing (…で開かれた日中平和友好条約締結40周年の記念レセプション)", async () => {
    const { events } = await extract(
      "安倍首相は25日午後に政府専用機で北京に到着し、同日夜に人民大会堂で開かれた日中平和友好条約締結40周年の記念レセプションに出席した。",
      "2018-10-26",
    );
    assert.deepEqual(find(events, "SUPPORT", "sign"), []);
  });

  it("dates what a sentence opening on the occasion just told (この際、…) reports by that occasion", async () => {
    const { events } = await extract(
      "ロシアのプーチン大統領は15日、中国の習近平国家主席と会談した。両首脳が直接顔を合わせるのは、プーチン氏が訪中した2月4日以来。この際、両国は「限界のない」友好関係をうたう共同声明を発表しており、ロシア軍はその約3週間後にウクライナに侵攻した。",
      "2022-09-16",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.deepEqual([sign?.date?.start, sign?.status], ["2022-02-04", "occurred"]);
  });

  it("reads the visitor as the sentence's subject, not one the summit's name takes in (文在寅大統領も交えた日中韓首脳会議のため来日)", async () => {
    const { events } = await extract(
      "李首相は5月に韓国の文在寅(ムン・ジェイン)大統領も交えた日中韓首脳会議のため来日しており、両首相の往来が続く。",
      "2018-10-26",
    );
    const visits = find(events, "CONSULT", "visit");
    assert.deepEqual(
      visits.map((e) => ids(e, "actor")),
      [["li-keqiang"]],
    );
  });

  it("reads a treaty of both states a relative clause names (昨年2月に署名された両国の友好善隣協力条約) as theirs, and one announced with someone (金総書記と発表したロ朝共同宣言) as signed with them", async () => {
    const { events } = await extract(
      "金総書記は4日、プーチン大統領とクレムリンで会談した。宣言は8項目から成り、昨年2月に署名された両国の友好善隣協力条約と、同年7月にプーチン氏が平壌を訪問した際に金総書記と発表したロ朝共同宣言を土台にすると明記。",
      "2001-08-05",
    );
    const signed = find(events, "SUPPORT", "sign").map((e) => [e.object, e.date?.start, ids(e).sort()]);
    assert.deepEqual(signed, [
      ["両国の友好善隣協力条約", "2000-02-01", ["PRK", "RUS"]],
      ["ロ朝共同宣言", "2000-07-01", ["kim-jong-il", "vladimir-putin"]],
    ]);
  });

  it("reads an agreement signed before anyone the article names held office as its states' (1965年の国交正常化の際に交わした協定)", async () => {
    const { events } = await extract(
      "野田佳彦首相と李明博大統領は18日、京都迎賓館で会談した。両首脳は慰安婦問題を協議した。日本政府は1965年の国交正常化の際に交わした協定から、問題は解決済みとの立場を貫いている。",
      "2011-12-18",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.deepEqual(
      [sign?.object, sign?.date?.start, ids(sign!).sort()],
      ["協定", "1965-01-01", ["JPN", "KOR"]],
    );
  });

  it("reads a visit decided (習氏の国賓訪日が決まる) as agreed by the visitor with the state visited", async () => {
    const { events } = await extract(
      "岸田首相は8日、習近平国家主席と電話で会談した。外相退任後、一昨年6月には習氏の国賓訪日が決まるなど改善の動きもあったが、首相は周囲に厳しい視線を向けていた。",
      "2021-10-22",
    );
    const [agreed] = find(events, "AGREE");
    assert.deepEqual([ids(agreed!).sort(), agreed?.date?.start], [["JPN", "xi-jinping"], "2019-06-01"]);
  });

  it("reads an agreement of the lexicon named with its date ((02年9月17日の)平壌(ピョンヤン)宣言) as signed by its parties", async () => {
    const { events } = await extract(
      "北朝鮮の金桂冠外務次官は19日、北京で日本の佐々江賢一郎アジア大洋州局長と会談した。北朝鮮と日本は(02年9月17日の)平壌(ピョンヤン)宣言に従って、懸案を解決することを確認した。",
      "2005-09-20",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.deepEqual([sign?.date?.start, ids(sign!).sort()], ["2002-09-17", ["JPN", "PRK"]]);
    assert.equal(sign?.place?.id, "pyongyang", "where the lexicon says it was signed");
  });

  it("reads an agreement of the lexicon announced at a summit (首脳会談で発表された「板門店宣言」) as signed by its parties", async () => {
    const { events } = await extract(
      "トランプ大統領とキム委員長は12日、シンガポールで会談しました。共同声明には、ことし4月27日の南北首脳会談で発表された「板門店宣言」を再確認することが盛り込まれました。",
      "2018-06-12",
    );
    const declaration = find(events, "SUPPORT", "sign").find((e) => e.object === "板門店宣言");
    assert.ok(declaration, JSON.stringify(events.map((e) => [e.type, e.object])));
    assert.equal(declaration.date?.start, "2018-04-27");
    assert.deepEqual(
      [...new Set(declaration.participants.map((p) => p.actor.country ?? p.actor.id))].sort(),
      ["KOR", "PRK"],
    );
  });

  it("reads a joint text made public (共同発表文を公表した) as signed, named without the clause that describes it", async () => {
    const { events } = await extract(
      "石破首相は23日、李在明大統領と首相官邸で会談した。両首脳は会談の成果をまとめた共同発表文を公表した。",
      "2025-08-24",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.equal(sign?.object, "共同発表文");
    assert.deepEqual(ids(sign!).sort(), ["lee-jae-myung", "shigeru-ishiba"]);
    assert.equal(sign?.date?.start, "2025-08-23");
  });

  it("reads a document to be signed at a meeting to be held, one of several (…などを取りまとめる), as a planned signing on its day", async () => {
    // the article is dated by its month only: the signing's tense, not its date, says it is to come
    const { events } = await extract(
      "日米韓の首脳は18日午前、ワシントン近郊のキャンプデービッド山荘で会談する。3カ国連携の基本理念を記した共同文書「キャンプデービッド原則」などを取りまとめる。",
      "2023-08",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.equal(sign?.object, "基本理念を記した共同文書「キャンプデービッド原則」");
    assert.equal(sign?.status, "planned");
    assert.equal(sign?.date?.start, "2023-08-18");
    const { events: signedThere } = await extract(
      "岸田文雄首相とバイデン米大統領は18日、ワシントンで会談する。両首脳は共同声明「未来へのパートナー」に署名する予定だ。",
      "2023-08-17",
    );
    const [planned] = find(signedThere, "SUPPORT", "sign");
    assert.equal(planned?.status, "planned");
    assert.equal(planned?.date?.start, "2023-08-18", "the day of the meeting it is to be signed at");
    assert.deepEqual(ids(planned!).sort(), ["fumio-kishida", "joe-biden"]);
  });

  it("leaves a date inside a document's name to the document (2030年までの…に関する共同声明に署名)", async () => {
    const { events } = await extract(
      "習近平国家主席とプーチン大統領は21日、2030年までの経済協力の重点方向に関する共同声明に署名した。",
      "2023-03-22",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.equal(sign?.date?.start, "2023-03-21");
  });
  it("reads an agreement a relative clause says was signed as signed by that clause's subject or its name's states, not by whom the sentence is about", async () => {
    const { events } = await extract(
      "中国の王毅外相は26日、日本大使に抗議した。中日間では、1972年に発表された中日共同声明、1978年に締結された中日平和友好条約など4つの政治文書が両国関係の政治的基礎となっている。",
      "2013-12-27",
    );
    const signed = find(events, "SUPPORT", "sign").map((e) => [e.object, e.date?.start, ids(e).sort()]);
    assert.deepEqual(signed, [
      ["中日共同声明", "1972-01-01", ["CHN", "JPN"]],
      ["中日平和友好条約", "1978-01-01", ["CHN", "JPN"]],
    ]);
    const { events: treaty } = await extract(
      "ロシアのラブロフ外相は北朝鮮のチェ・ソンヒ外相と会談した。双方は、露朝首脳が6月に平壌で署名した包括的戦略パートナーシップ条約を完全に履行していく方針を確認した。",
      "2024-11-02",
    );
    const [sign] = find(treaty, "SUPPORT", "sign");
    assert.equal(sign?.object, "包括的戦略パートナーシップ条約");
    // (leaders the article never names stand as their states)
    assert.deepEqual(ids(sign!).sort(), ["PRK", "RUS"]);
    const { events: declaration } = await extract(
      "岸田総理大臣は会談後の共同記者会見で、1998年に当時の小渕総理大臣とキム・デジュン大統領が発表した日韓共同宣言を含め、歴代内閣の立場を引き継いでいると説明しました。",
      "2023-03-16",
    );
    assert.deepEqual(ids(find(declaration, "SUPPORT", "sign")[0]!).sort(), ["keizo-obuchi", "kim-dae-jung"]);
  });
});

describe("leaders attending a summit of states", () => {
  it("puts each state's leader listed as attending in the state's place, not beside it", async () => {
    const { events } = await extract(
      "日本と中国、韓国の3か国の首脳会議が27日、韓国の首都ソウルで4年半ぶりに開かれ、" +
        "岸田総理大臣、中国の李強首相、韓国のユン・ソンニョル大統領が出席しました。",
      "2024-05-27",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(ids(summit!).sort(), ["fumio-kishida", "li-qiang", "yoon-suk-yeol"]);
    assert.deepEqual(ids(summit!, "delegate"), []);
  });
});

describe("a forum's summit and who is there", () => {
  it("dates and places a meeting during the gathering just reported by it (会期中に…首脳会談が実現する可能性)", async () => {
    const { events } = await extract(
      "15日からカナダで開かれる先進7カ国首脳会議(G7サミット)には石破首相が出席し、李在明大統領も招待されている。" +
        "日本政府内では、会期中に初の日韓首脳会談が実現する可能性があるとの見方が出ている。",
      "2025-06-10",
    );
    const [meeting] = find(events, "CONSULT", "meet");
    assert.ok(meeting, "the meeting was not read");
    assert.deepEqual(
      [ids(meeting).sort(), meeting.status, meeting.date?.start, meeting.place?.id],
      [["lee-jae-myung", "shigeru-ishiba"], "speculated", "2025-06-15", "CAN"],
    );
  });

  it("reads the summits of forums beyond East Asia (SAARC, ASEM) as gatherings", async () => {
    const { events } = await extract(
      "インドのバジパイ首相は4日、イスラマバードで開かれた南アジア地域協力連合（SAARC）首脳会議に出席した。",
      "2004-01-05",
    );
    const summits = find(events, "CONSULT", "multilateral").map((e) => ids(e));
    assert.deepEqual(summits, [["atal-bihari-vajpayee", "PAK", "saarc"]]);
  });

  it("takes a forum whose name holds the summit's word as its party, and a session numbered after it (核安全保障サミット, COP26の首脳級会合)", async () => {
    const { events } = await extract(
      "朴槿恵大統領と習近平国家主席は3月、オランダ・ハーグで開かれた核安全保障サミットに合わせて会談した。" +
        "岸田首相は1日、英国で開かれた国連気候変動枠組み条約第26回締約国会議（COP26）の首脳級会合に出席した。",
      "2021-11-02",
    );
    const summits = find(events, "CONSULT", "multilateral").map((e) => ids(e).sort());
    assert.deepEqual(summits, [
      ["NLD", "nuclear-security-summit", "park-geun-hye", "xi-jinping"],
      ["GBR", "fumio-kishida", "unfccc-cop"],
    ]);
  });

  it("puts those who meet where a summit is being held at the summit (APEC首脳会議が開かれているリマで…と会談)", async () => {
    const { events } = await extract(
      "尹錫悦大統領が15日、アジア太平洋経済協力会議(APEC)首脳会議が開かれているペルーの首都リマで、中国の習近平国家主席と首脳会談を行った。",
      "2024-11-16",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(summit, "the summit was not read");
    assert.ok(
      ["xi-jinping", "yoon-suk-yeol"].every((id) => ids(summit).includes(id)),
      JSON.stringify(ids(summit)),
    );
  });

  it("places each of two summits one attends where its own clause says (…リマで開かれるAPEC…と、…リオデジャネイロで開かれるG20サミット)", async () => {
    const { events } = await extract(
      "石破首相は来週15日からペルーの首都リマで開かれるAPEC=アジア太平洋経済協力会議の首脳会議と、" +
        "18日からブラジルのリオデジャネイロで開かれるG20サミットに出席する予定だ。",
      "2024-11-07",
    );
    const summits = find(events, "CONSULT", "multilateral").map((e) => [e.date?.start, e.place?.id]);
    assert.deepEqual(summits, [
      ["2024-11-15", "lima"],
      ["2024-11-18", "rio-de-janeiro"],
    ]);
    // (the forum's name, アジア太平洋経済協力会議, reports no cooperation)
    assert.deepEqual(find(events, "COOPERATE"), []);
  });

  it("reads a summit a relative clause says is to be held as planned (18日から開かれるAPEC首脳会議に合わせ)", async () => {
    const { events } = await extract(
      "岸田文雄首相は、タイ・バンコクで18日から開かれるアジア太平洋経済協力会議(APEC)首脳会議に合わせ、17日に習氏と会談する方向で調整している。",
      "2022-11-15",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(summit, "the summit was not read");
    assert.deepEqual(
      [summit.status, summit.date?.start, summit.place?.id],
      ["planned", "2022-11-18", "bangkok"],
    );
    assert.ok(ids(summit).includes("fumio-kishida"));
  });

  it("reads a forum's summit named with its ordinal and kind as the forum's ((APEC)第29回非公式首脳会議に出席する)", async () => {
    const { events } = await extract(
      "中国の習近平国家主席は17日から、タイの首都バンコクで開かれるアジア太平洋経済協力会議(APEC)第29回非公式首脳会議に出席する。",
      "2022-11-15",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(summit, "read as a meeting of one, and dropped");
    assert.deepEqual(
      ids(summit).sort(),
      ["THA", "apec", "xi-jinping"],
      "the host state, the forum and the attendee",
    );
    assert.deepEqual([summit.status, summit.date?.start], ["planned", "2022-11-17"]);
  });

  it("reads the attendee after a summit's name in brackets (首脳会議(G7サミット)には首相が出席し)", async () => {
    const { events } = await extract(
      "15日からカナダで開かれる先進7カ国首脳会議(G7サミット)には石破首相が出席し、李氏も招待されている。",
      "2025-06-10",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(summit, "the summit was not read");
    assert.ok(ids(summit).includes("shigeru-ishiba"));
    assert.deepEqual([summit.status, summit.date?.start], ["planned", "2025-06-15"]);
  });

  it("takes an attendee a relative clause describes (G20首脳会議に出席している韓国の尹錫悦大統領と会見した)", async () => {
    const { events } = await extract(
      "習近平国家主席は15日、インドネシアのバリ島で、20カ国・地域(G20)首脳会議に出席している韓国の尹錫悦大統領と会見した。",
      "2022-11-16",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(summit, "the summit was not read");
    assert.ok(ids(summit).includes("yoon-suk-yeol"), ids(summit).join("+"));
  });

  it("reads 首脳会議 after a forum's name as its summit, with whom the attendee met there", async () => {
    const { events } = await extract(
      "G20=主要20か国・地域の首脳会議に出席するためインドのニューデリーを訪れている岸田総理大臣は9日、" +
        "中国の李強首相と短時間、言葉を交わしました。",
      "2023-09-10",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(summit, "the G20 summit was not read");
    assert.deepEqual(ids(summit).sort(), ["fumio-kishida", "g20", "li-qiang"]);
    assert.equal(summit.date?.start, "2023-09-09");
  });

  it("takes the meeting the next sentence times by the summit (会議に先立ち) and the host state", async () => {
    const { events } = await extract(
      "ASEAN=東南アジア諸国連合の首脳会議が6日、ラオスの首都ビエンチャンで開幕しました。" +
        "会議に先立ち、石破総理大臣はフィリピンのマルコス大統領と会談しました。",
      "2024-10-07",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(summit, "the ASEAN summit was not read");
    assert.deepEqual(ids(summit).sort(), ["LAO", "asean", "ferdinand-marcos-jr", "shigeru-ishiba"]);
    assert.equal(summit.date?.start, "2024-10-06");
  });

  it("reads a forum one attends and meets another leader at (フォーラムに出席し、…と会談する)", async () => {
    const { events } = await extract(
      "プーチン大統領は14日、ウラジオストクで開かれる東方経済フォーラムに出席し、習近平国家主席と会談する予定だ。",
      "2017-05-12",
    );
    const [forum] = find(events, "CONSULT", "multilateral");
    assert.ok(forum, "the forum was not read");
    assert.deepEqual(ids(forum).sort(), ["vladimir-putin", "xi-jinping"]);
    assert.equal(forum.status, "planned");
  });

  it("reads a summit one attends past its name's gloss (首脳会議(G20サミット)に出席し、…と会談する), not one a trip is only for", async () => {
    const { events } = await extract(
      "習氏は28日から大阪で開かれる20カ国・地域首脳会議(G20サミット)に出席し、29日にはトランプ米大統領と会談する予定。",
      "2019-06-21",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(
      summit?.participants.some((p) => p.actor.id === "donald-trump"),
      "the one met there attends too",
    );
    assert.equal(find(events, "CONSULT", "meet")[0]?.place?.id, "osaka");
    // the date before a trip the summit is the purpose of is the trip's: no summit on the 27th
    const { events: arrived } = await extract(
      "安倍晋三首相は27日夜、20カ国・地域首脳会議(G20大阪サミット)に出席するため来日した中国の習近平国家主席と大阪市内のホテルで会談した。",
      "2019-06-28",
    );
    assert.deepEqual(find(arrived, "CONSULT", "multilateral"), []);
    assert.equal(find(arrived, "CONSULT", "meet")[0]?.date?.start, "2019-06-27");
  });

  it("reads a summit of a later year as its states', whoever leads them now (来年の開催を目指す日中韓首脳会議)", async () => {
    const { events } = await extract(
      "石破茂首相は15日、中国の習近平国家主席とリマで初めて会談した。日本政府は、議長国として来年の開催を目指す日中韓首脳会議に向け、中国側との調整を急ぐ考えだ。",
      "2024-11-16",
    );
    const summit = find(events, "CONSULT", "multilateral").find((e) => e.date?.start.startsWith("2025"));
    assert.deepEqual(ids(summit!).sort(), ["CHN", "JPN", "KOR"]);
    assert.equal(summit?.status, "planned");
  });

  it("reads a summit a trip under way is for, and the visit, from where one is (出席するため訪問中のペルーの首都リマで)", async () => {
    const { events } = await extract(
      "石破茂首相は15日午後、アジア太平洋経済協力会議(APEC)首脳会議に出席するため訪問中のペルーの首都リマで、中国の習近平国家主席と初めて会談した。",
      "2024-11-16",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(summit, "the summit under way was not read");
    assert.ok(ids(summit).includes("xi-jinping") && ids(summit).includes("shigeru-ishiba"));
    const [visit] = find(events, "CONSULT", "visit");
    assert.deepEqual(
      [ids(visit!, "actor"), ids(visit!, "recipient"), visit?.place?.id],
      [["shigeru-ishiba"], ["PER"], "lima"],
    );
  });

  it("reads what is adopted at a summit one attends (首脳会議に出席し、…ビジョンを採択した) as adopted by all there", async () => {
    const { events } = await extract(
      "安倍晋三首相は24日、中国・成都で韓国の文在寅大統領と会談した。両首脳はこれに先立ち、李克強首相の主催で開かれた日中韓首脳会議に出席し、今後10年を見据えた3カ国協力のビジョンを採択した。",
      "2019-12-25",
    );
    const [adopted] = find(events, "SUPPORT", "sign");
    assert.equal(adopted?.object, "3カ国協力のビジョン");
    assert.deepEqual(ids(adopted!).sort(), ["li-keqiang", "moon-jae-in", "shinzo-abe"]);
  });

  it("reads two leaders meeting abroad beside a gathering named nearby as a meeting, not a third state's summit", async () => {
    const beside = await extract(
      "岸田首相は21日、国連総会に合わせてニューヨークで尹大統領と約30分間懇談した。",
      "2022-09-22",
    );
    assert.equal(find(beside.events, "CONSULT")[0]?.mode, "meet");
    const hosted = await extract(
      "トランプ大統領と金委員長は12日、シンガポールで首脳会談を行った。",
      "2018-06-12",
    );
    assert.equal(find(hosted.events, "CONSULT")[0]?.mode, "third-party");
  });

  it("takes the gatherings a user's triggers.yaml names besides the bundled ones", async () => {
    const lexicon = mkdtempSync(join(tmpdir(), "kaidan-gatherings-"));
    writeFileSync(join(lexicon, "triggers.yaml"), "gatherings: [ワールドカップ]\n");
    const body = "岸田首相は20日、ワールドカップの開幕に合わせてドーハで尹大統領と会談した。";
    const doc = textDocument(body, "2022-11-21");
    const modeWith = async (p: typeof pipeline) =>
      find(extractionOf(await p.process(doc)).events, "CONSULT")[0]?.mode;
    assert.equal(await modeWith(pipeline), "third-party");
    assert.equal(await modeWith(createExtractionPipeline({ lexiconDirs: [lexicon] })), "meet");
  });

  it("reads a signing of a document named with its abbreviation in brackets (了解覚書(MOU)に署名)", async () => {
    const { events } = await extract(
      "朴大統領は3日、習主席と会談した。会談後には両国政府が領事協定をはじめ、通商や金融、人的交流などに関する協定や了解覚書（MOU）に署名した。",
      "2014-07-04",
    );
    const [signed] = find(events, "SUPPORT", "sign");
    assert.ok(signed, "the signing was not read");
    assert.match(signed.object ?? "", /了解覚書$/);
  });

  it("reads a signing of a kind of document a user's triggers.yaml adds to the bundled ones", async () => {
    const lexicon = mkdtempSync(join(tmpdir(), "kaidan-documents-"));
    writeFileSync(join(lexicon, "triggers.yaml"), "documents: [メモランダム]\n");
    const body =
      "林外相は10日、東京でウォン豪外相と会談し、両外相は経済安全保障に関する協力メモランダムに署名した。";
    const doc = textDocument(body, "2023-03-11");
    const signedWith = async (p: typeof pipeline) =>
      find(extractionOf(await p.process(doc)).events, "SUPPORT", "sign")[0]?.object;
    assert.equal(await signedWith(pipeline), undefined);
    assert.equal(
      await signedWith(createExtractionPipeline({ lexiconDirs: [lexicon] })),
      "経済安全保障に関する協力メモランダム",
    );
  });

  it("takes the forum whose summit it is as a party beside its host, in one event with the reports that do not name it", async () => {
    const { events } = await extract(
      "石破首相は15日、ペルーの首都リマで開かれたAPEC首脳会議に出席した。首相は首脳会議で、自由貿易の重要性を訴えた。",
      "2024-11-16",
    );
    const summits = find(events, "CONSULT", "multilateral");
    assert.equal(summits.length, 1);
    assert.deepEqual(ids(summits[0]!).sort(), ["PER", "apec", "shigeru-ishiba"]);
  });

  it("takes the host's leader the article names as the host of a summit of leaders", async () => {
    const { events } = await extract(
      "習近平国家主席は15日、北京で開かれたAPEC首脳会議を主催した。安倍首相は同日、北京で開かれたAPEC首脳会議に出席した。",
      "2014-11-16",
    );
    const summit = find(events, "CONSULT", "multilateral")[0];
    assert.ok(
      summit && ids(summit).includes("xi-jinping") && !ids(summit).includes("CHN"),
      ids(summit!).join(),
    );
  });

  it("keeps a forum a leader holds a summit with as its counterpart (ASEANとの首脳会議)", async () => {
    const { events } = await extract(
      "石破総理大臣は10日、ビエンチャンでASEAN=東南アジア諸国連合との首脳会議に出席しました。",
      "2024-10-10",
    );
    const [summit] = find(events, "CONSULT", "multilateral");
    assert.ok(summit, "the Japan-ASEAN summit was not read");
    assert.ok(ids(summit).includes("asean"), ids(summit).join());
    assert.ok(ids(summit).includes("shigeru-ishiba"));
  });

  it("leaves a two-sided 首脳会議 without a forum a meeting, and a meeting abroad days after a summit third-party", async () => {
    const { events } = await extract(
      "岸田総理大臣は27日、ローマで開かれたG20サミットに出席しました。" +
        "岸田総理大臣は30日、ベトナムのハノイでオーストラリアのアルバニージー首相と会談しました。" +
        "日韓首脳会議は来月、東京で開かれる予定です。",
      "2024-06-30",
    );
    const meeting = find(events, "CONSULT").find((e) => ids(e).includes("anthony-albanese"));
    assert.equal(meeting?.mode, "third-party");
    assert.deepEqual(
      find(events, "CONSULT", "multilateral").map((e) => ids(e).sort()),
      [["ITA", "fumio-kishida", "g20"]],
    );
    assert.equal(find(events, "CONSULT").find((e) => ids(e).includes("KOR"))?.mode, "meet");
  });
});

describe("a meeting placed against the one just reported", () => {
  it("dates a bilateral held after the summit (会議後) by the summit, as its own event", async () => {
    const { events } = await extract(
      "岸田首相と中国の李強首相、韓国の尹錫悦大統領は27日、ソウルで日中韓首脳会議を開いた。3首脳は会議後、共同宣言を発表した。" +
        "宣言には経済協力の強化が盛り込まれた。李強首相は記者会見で成果を強調した。" +
        "自由貿易協定の交渉も加速させる。岸田首相は会議後、李強首相と約30分間会談した。",
      "2024-05-28",
    );
    const bilateral = find(events, "CONSULT", "meet").find((e) => ids(e).length === 2);
    assert.ok(bilateral, "the bilateral after the summit was not read");
    assert.deepEqual(ids(bilateral).sort(), ["fumio-kishida", "li-qiang"]);
    assert.equal(bilateral.date?.start, "2024-05-27");
  });

  it("keeps the first talks of a visit, told on in the next sentence, apart from the next day's (最初の会談に臨んだ。…両首脳はその後)", async () => {
    const { events } = await extract(
      "プーチン大統領は16日、東京の首相官邸で安倍首相と会談した。" +
        "プーチン大統領は15日、山口県長門市に到着し、温泉旅館で最初の会談に臨んだ。会談は1対1の形式を含めて行われ、両首脳はその後、夕食を共にした。",
      "2016-12-17",
    );
    const meetings = find(events, "CONSULT", "meet").map((e) => [ids(e).sort().join("+"), e.date?.start]);
    assert.deepEqual(meetings, [
      ["shinzo-abe+vladimir-putin", "2016-12-16"],
      ["shinzo-abe+vladimir-putin", "2016-12-15"],
    ]);
  });
});

describe("the leaders of states listed", () => {
  it("reads 日本と中国、韓国の首脳は as the three states meeting, not Japan and China alone", async () => {
    const { events } = await extract("日本と中国、韓国の首脳は26日、ソウルで会談した。", "2024-05-27");
    const [meeting] = find(events, "CONSULT", "multilateral");
    assert.ok(meeting, "the meeting of the three was not read");
    assert.deepEqual(ids(meeting).sort(), ["CHN", "JPN", "KOR"]);
  });
});

describe("an earlier occurrence the text counts from", () => {
  it("reads a meeting counted from a visit as held on that visit (首脳会談は…十月に訪中して以来、二回目)", async () => {
    const { events } = await extract(
      "安倍晋三首相は十八日午前、中国の胡錦濤国家主席と会談しました。日中首脳会談は安倍首相が就任直後の十月に訪中して以来、二回目です。",
      "2006-11-19",
    );
    assert.deepEqual(
      find(events, "CONSULT", "meet").map((e) => [ids(e).sort(), e.date?.start]),
      [
        [["hu-jintao", "shinzo-abe"], "2006-11-18"],
        [["hu-jintao", "shinzo-abe"], "2006-10-01"],
      ],
    );
  });

  it("places no later agreement or document against a meeting the text counts from (…行って以来)", async () => {
    const { events } = await extract(
      "韓国の尹錫悦大統領は16日、東京の首相官邸で岸田首相と会談した。会談は約1時間半続いた。" +
        "両首脳の会談は、去年11月にカンボジアで開かれた会議に合わせて行って以来となる。" +
        "両政府は会談後、共同報道発表文を発表した。両首脳はまた、シャトル外交を再開することで合意した。",
      "2023-03-17",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.ok(sign, "the joint release of the governments (両政府) was not read");
    assert.deepEqual(ids(sign).sort(), ["fumio-kishida", "yoon-suk-yeol"]);
    assert.equal(sign.date?.start, "2023-03-16");
    const [agree] = find(events, "AGREE");
    assert.equal(agree?.date?.start, "2023-03-16");
  });

  it("reads the earlier meeting of those the sentence is about (両首脳の対面での会談は…懇談して以来)", async () => {
    const cases = [
      "岸田首相は8日、官邸で韓国の尹錫悦大統領と会談した。両首脳の対面での会談は、去年11月にタイのバンコクで行って以来だ。",
      "岸田首相は8日、官邸で韓国の尹錫悦大統領と会談した。両首脳の会談は、去年11月にバンコクで約20分間懇談して以来。",
    ];
    for (const text of cases) {
      const { events } = await extract(text, "2023-05-09");
      const earlier = find(events, "CONSULT").find((e) => e.date?.start === "2022-11-01");
      assert.ok(earlier, `the earlier meeting was not read in ${text}`);
      assert.deepEqual(ids(earlier).sort(), ["fumio-kishida", "yoon-suk-yeol"]);
    }
  });

  it("keeps the meeting the article reports apart from the earlier one it counts from (…行われて以来、2回目)", async () => {
    const { events } = await extract(
      "キム総書記は13日、ロシア極東のボストーチヌイ宇宙基地に到着しました。" +
        "出迎えたプーチン大統領とキム総書記は、施設を見て回ったあと、会談を行いました。" +
        "両首脳の対面での会談は、2019年4月にウラジオストクで行われて以来、2回目です。",
      "2023-09-14",
    );
    const meetings = find(events, "CONSULT", "meet").map((e) => [e.date?.start, ids(e).sort().join("+")]);
    assert.deepEqual(meetings.sort(), [
      ["2019-04-01", "kim-jong-un+vladimir-putin"],
      ["2023-09-13", "kim-jong-un+vladimir-putin"],
    ]);
  });

  it("keeps a planned visit its clause dates to a month when a report of it borrows a day from the discourse", async () => {
    const { events } = await extract(
      "北京では9月3日に軍事パレードが行われる。金正恩総書記の訪中が実現すれば、2019年1月以来となる。" +
        "今年9月には、金正恩総書記が中国を訪問する運びとなった。",
      "2025-08-29",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => [e.status, e.date?.start.slice(0, 7)]);
    assert.ok(
      visits.some(([status, month]) => status !== "occurred" && month === "2025-09"),
      JSON.stringify(visits),
    );
  });

  it("dates a meeting by its local day, not by the same moment told in Japan's time", async () => {
    const { events } = await extract(
      "岸田首相とバイデン大統領は18日午前(日本時間19日未明)、ワシントン近郊のキャンプデービッド山荘で会談する。",
      "2023-08-18",
    );
    assert.equal(find(events, "CONSULT")[0]?.date?.start, "2023-08-18");
    // told only in Japan's time, before dawn: in Washington it was still the day before
    const alone = await extract(
      "石破首相は日本時間の8日未明、ホワイトハウスでトランプ大統領と会談した。",
      "2025-02-08",
    );
    assert.equal(find(alone.events, "CONSULT")[0]?.date?.start, "2025-02-07");
    // …but not in Seoul, nor when no hour is given
    const near = await extract(
      "岩屋外相は日本時間の8日未明、ソウルで趙兌烈外相と会談した。石破首相は日本時間の9日、パリでマクロン大統領と会談した。",
      "2025-02-09",
    );
    assert.deepEqual(
      find(near.events, "CONSULT").map((e) => e.date?.start),
      ["2025-02-08", "2025-02-09"],
    );
  });

  it("reads 両首脳 after a summit named by its states (韓中首脳会談で両首脳は) as those states' leaders, not the last two named", async () => {
    const { events } = await extract(
      "尹大統領は26日、ソウルで李強首相、岸田首相とそれぞれ会談した。" +
        "韓中首脳会談で両首脳は、外交・安保対話を新設することで合意した。",
      "2024-05-27",
    );
    const [agreed] = find(events, "AGREE");
    assert.deepEqual(ids(agreed!).sort(), ["li-qiang", "yoon-suk-yeol"]);
  });

  it("reads a meeting counted from (…で行われて以来) as held, whatever plan the sentence goes on to (…を控え)", async () => {
    const { events } = await extract(
      "尹大統領は26日、ソウルで岸田首相と会談した。韓日首脳会談は昨年11月に米サンフランシスコで行われて以来6カ月ぶりで、" +
        "両首脳は来年の国交正常化60周年を控え、協力を深めていくことで一致した。",
      "2024-05-27",
    );
    const earlier = find(events, "CONSULT").find((e) => e.date?.start === "2023-11-01");
    assert.equal(earlier?.status, "occurred");
  });

  it("reads 両首脳 a paragraph after a meeting told in passing as the pair the article is about", async () => {
    const { events } = await extract(
      "岸田首相は21日、キーウを訪問し、ゼレンスキー大統領と会談した。\n" +
        "首相はインド訪問中の20日、ニューデリーでモディ首相と会談した後、ポーランドへ移動した。\n" +
        "会談で首相は、装備品の供与を表明した。両首脳は、情報保護協定の締結に向けて調整を始めることで合意した。",
      "2023-03-22",
    );
    const [agreed] = find(events, "AGREE");
    assert.deepEqual(ids(agreed!).sort(), ["fumio-kishida", "volodymyr-zelensky"]);
    // (in the paragraph of the pair last named together, 両首脳 is still that pair)
    const same = await extract(
      "岸田首相は21日、キーウでゼレンスキー大統領と会談した。\n" +
        "首相は20日、ニューデリーでモディ首相と会談した。両首脳は、鉄道協力を進めることで合意した。",
      "2023-03-22",
    );
    assert.deepEqual(ids(find(same.events, "AGREE")[0]!).sort(), ["fumio-kishida", "narendra-modi"]);
  });

  it("reads two surnames sharing 両氏 (プーチン、習両氏は) as the two persons", async () => {
    const { events } = await extract(
      "ウズベキスタンのミルジヨエフ大統領は15日、サマルカンドで各国首脳を迎えた。プーチン、習両氏は同日、サマルカンドで会談した。",
      "2022-09-16",
    );
    // (in Uzbekistan, with no summit named: hosted by a third party)
    const [meeting] = find(events, "CONSULT", "third-party");
    assert.deepEqual(ids(meeting!).sort(), ["vladimir-putin", "xi-jinping"]);
  });

  it("reads 両政府 as the two states the text has just been about", async () => {
    const { events } = await extract(
      "韓国の尹錫悦大統領は16日、東京で岸田首相と会談した。両政府は同日、北朝鮮の弾道ミサイル発射を非難した。",
      "2023-03-17",
    );
    const [accuse] = find(events, "ACCUSE");
    assert.deepEqual(ids(accuse!, "actor").sort(), ["JPN", "KOR"]);
  });
});

describe("states listed with をはじめ and counted", () => {
  it("reads a signing the parties agreed to there (共同声明の採択に合意した) with every state of the list", async () => {
    const { events } = await extract(
      "日本と中国をはじめ、韓国、ロシアの4カ国は12日、北京で共同声明の採択に合意した。",
      "2006-03-13",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.ok(sign, "the adoption of the joint statement was not read");
    assert.deepEqual(ids(sign).sort(), ["CHN", "JPN", "KOR", "RUS"]);
    assert.equal(sign.date?.start, "2006-03-12");
  });
});

describe("an accepted invitation", () => {
  it("is made when the visit to come was decided (招請を受け入れ、年内に韓国を訪問することになった)", async () => {
    const { events } = await extract(
      "李明博大統領は27日、北京で胡錦濤国家主席と首脳会談を行った。胡主席は李大統領の招請を受け入れ、年内に韓国を訪問することになった。",
      "2008-05-28",
    );
    const statuses = events.map((e) => [e.type, e.mode, e.status]);
    assert.deepEqual(statuses, [
      ["CONSULT", "meet", "occurred"],
      ["AGREE", null, "occurred"],
      ["CONSULT", "visit", "planned"],
    ]);
  });

  it("reads これを受け入れた after an invitation as an agreement of who invited and who accepted", async () => {
    const { events } = await extract(
      "中国の習近平国家主席は10日、北京で韓国の文在寅大統領と会談した。両首脳は来月の会議に期待を示した。" +
        "文大統領は来月、北朝鮮の金正恩委員長とも会談する予定だ。文大統領は習主席に対し、都合のよい時期に韓国を訪問するよう招請し、" +
        "習主席はこれを快く受け入れた。",
      "2017-12-11",
    );
    const [agree] = find(events, "AGREE");
    assert.ok(agree, "the accepted invitation was not read");
    assert.deepEqual(ids(agree).sort(), ["moon-jae-in", "xi-jinping"]);
    assert.equal(agree.date?.start, "2017-12-10");
  });

  it("reads an invitation accepted gladly (…訪中を招請し、…これを快諾した) as agreed, and a joint statement issued (発出) as signed", async () => {
    const { events } = await extract(
      "習主席は9日、ブダペストでハンガリーのオルバン首相と会談した。習主席はオルバン首相に訪中を招請し、オルバン首相はこれを快諾した。",
      "2024-05-10",
    );
    assert.ok(find(events, "AGREE")[0], "the accepted invitation was not read");
    const issued = await extract(
      "上川外務大臣は8日、マニラでマナロ外相と会談した。両外相は会談の成果として共同声明を発出しました。",
      "2024-07-09",
    );
    assert.ok(find(issued.events, "SUPPORT", "sign")[0], "the joint statement issued was not read");
  });

  it("takes no spokesman who reports it as a party, and no acceptance without an invitation", async () => {
    const { events } = await extract(
      "ロシア大統領府のペスコフ報道官は14日、プーチン大統領がキム総書記から北朝鮮を訪問するよう招待を受け、" +
        "これを受け入れたと明らかにした。",
      "2023-09-14",
    );
    assert.deepEqual(ids(find(events, "AGREE")[0]!).sort(), ["kim-jong-un", "vladimir-putin"]);
    const refugees = await extract(
      "韓国政府は14日、北朝鮮からの脱北者を保護し、これを受け入れた。",
      "2023-09-14",
    );
    assert.deepEqual(find(refugees.events, "AGREE"), []);
  });
});

describe("the byline", () => {
  it("leaves the correspondent of the dateline (【ハノイ=…】) off the meeting the sentence reports", async () => {
    const { events } = await extract(
      "【ハノイ=鈴木勝比古】東アジア首脳会議に出席している福田康夫首相は20日、同行の高村正彦外相とともに" +
        "中国の温家宝首相と会談しました。",
      "2007-11-21",
    );
    const meeting = find(events, "CONSULT").find((e) => ids(e).includes("wen-jiabao"));
    assert.ok(meeting, "the meeting was not read");
    assert.ok(!ids(meeting).includes("katsuhiko-suzuki"), ids(meeting).join());
  });
});

describe("leaders together", () => {
  it("reads 一堂に会する as a meeting of all the leaders the text has just named", async () => {
    const { events } = await extract(
      "トランプ大統領とキム委員長が30日、板門店で会談しました。" +
        "会談には韓国のムン・ジェイン大統領も途中から加わり、3首脳が一堂に会しました。",
      "2019-07-01",
    );
    const [together] = find(events, "CONSULT", "multilateral");
    assert.ok(together, "the three leaders together were not read");
    assert.deepEqual(ids(together).sort(), ["donald-trump", "kim-jong-un", "moon-jae-in"]);
  });
});

describe("a body in session", () => {
  it("reads the Security Council's meeting as multilateral, not as a meeting with what it discusses", async () => {
    const { events } = await extract(
      "国連の安全保障理事会は4日、北朝鮮によるICBMの発射を受けて公開会合を開きました。",
      "2024-11-05",
    );
    const meetings = find(events, "CONSULT");
    assert.equal(meetings.length, 1);
    assert.equal(meetings[0]!.mode, "multilateral");
    assert.deepEqual(ids(meetings[0]!), ["unsc"]);
    assert.equal(meetings[0]!.date?.start, "2024-11-04");
  });

  it("reads a session held at a body (安保理では…会合が開かれ、…らが出席していた) with who chaired and attended it", async () => {
    const { events } = await extract(
      "安保理では15日、日本の河野太郎外相が議長となって北朝鮮問題を巡る閣僚級会合が開かれ、ティラーソン米国務長官らが出席していた。",
      "2017-12-23",
    );
    const [session] = find(events, "CONSULT", "multilateral");
    assert.deepEqual(ids(session!).sort(), ["rex-tillerson", "taro-kono", "unsc"]);
    assert.equal(session!.date?.start, "2017-12-15");
  });
});

describe("the dateline", () => {
  it("places a meeting the lead reports without a place where the report was filed", async () => {
    const { events } = await extract(
      "【ニューヨーク共同】国連安全保障理事会は11日、6回目の核実験を強行した北朝鮮への新たな制裁を協議する公開会合を開いた。",
      "2017-09-12",
    );
    const [session] = find(events, "CONSULT", "multilateral");
    assert.equal(session?.place?.id, "new-york");
    // the act a relative clause describes is its subject's, not the sentence's
    assert.deepEqual(ids(find(events, "MOBILIZE")[0]!), ["PRK"]);
  });

  it("leaves a meeting of others than the city's state where the text or the trip puts it", async () => {
    const { events } = await extract(
      "【ソウル共同】北朝鮮の朝鮮中央通信によると、キム・ジョンウン総書記は13日、ロシアのショイグ安全保障会議書記と会談した。",
      "2024-09-14",
    );
    const [meeting] = find(events, "CONSULT", "meet");
    assert.ok(meeting);
    assert.equal(meeting.place, null);
  });
});

describe("agreements", () => {
  it("reads an announcement as a signing only of a joint text (共同声明を発表した, 両首脳は…文書を発表した), not of one near 共同 in another word", async () => {
    const signings = async (text: string) =>
      find((await extract(text, "2016-12-16")).events, "SUPPORT", "sign").length;
    assert.equal(await signings("安倍首相とプーチン大統領は16日、東京で会談し、共同声明を発表した。"), 1);
    assert.equal(await signings("【北京共同】中国外務省は16日、対日関係についての文書を発表した。"), 0);
    // (what the two announce together is joint, whatever its name)
    assert.equal(
      await signings(
        "安倍首相とプーチン大統領は16日、東京で会談した。両首脳は共同経済活動に向けた協議開始などを盛り込んだ文書を発表した。",
      ),
      1,
    );
  });

  it("dates a signing by its agreement's year (72年の日中共同声明に署名した元首相), signed by the former premier last named", async () => {
    const { events } = await extract(
      "鄧副首相は24日朝、東京・目白の田中角栄元首相の私邸を訪れた。" +
        "副首相は「井戸を掘った人を忘れない」と語りかけ、72年の日中共同声明に署名した元首相の功績をたたえた。",
      "1978-10-25",
    );
    const signings = find(events, "SUPPORT", "sign");
    assert.deepEqual(
      signings.map((e) => [e.object, e.date?.start.slice(0, 4), ids(e).includes("kakuei-tanaka")]),
      [["日中共同声明", "1972", true]],
    );
  });

  it("reads an exchange of instruments of ratification (批准書を取り交わし) as a signing", async () => {
    const { events } = await extract(
      "中国の鄧小平副首相は23日午前、首相官邸で開かれた日中平和友好条約の批准書交換式に福田赳夫首相とともに出席した。" +
        "園田直外相と黄華外相が批准書を取り交わし、条約は同日発効した。副首相は同日午後、福田首相と会談した。",
      "1978-10-24",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.deepEqual([sign?.object, sign?.date?.start], ["批准書", "1978-10-23"]);
  });

  it("keeps the bracket a document's name opens with (「…運命共同体」の構築に関する共同声明)", async () => {
    const { events } = await extract(
      "習主席とブチッチ大統領は8日、「新時代の中国・セルビア運命共同体」の構築に関する共同声明に署名した。",
      "2024-05-09",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.equal(sign?.object, "「新時代の中国・セルビア運命共同体」の構築に関する共同声明");
  });

  it("reads two documents one sentence names together as two signings (「日中共同文書」と…共同声明を発表する)", async () => {
    const { events } = await extract(
      "胡錦濤国家主席は福田首相と7日に会談し、「日中共同文書」と地球温暖化対策に関する共同声明を発表する。",
      "2008-05-06",
    );
    assert.deepEqual(
      find(events, "SUPPORT", "sign")
        .map((e) => e.object)
        .sort(),
      ["地球温暖化対策に関する共同声明", "日中共同文書"],
    );
  });

  it("reads two statements named in full and joined by と、 as two signings, まで kept in a name (…に関する共同声明と、2030年までの…に関する共同声明に署名した)", async () => {
    const { events } = await extract(
      "習近平国家主席は21日、モスクワでプーチン大統領と会談し、「新時代の包括的戦略協力パートナーシップの深化」に関する共同声明と、2030年までの経済協力の重点方向に関する共同声明に署名した。",
      "2023-03-22",
    );
    assert.deepEqual(
      find(events, "SUPPORT", "sign")
        .map((e) => e.object)
        .sort(),
      [
        "2030年までの経済協力の重点方向に関する共同声明",
        "「新時代の包括的戦略協力パートナーシップの深化」に関する共同声明",
      ],
    );
  });

  it("reads another agreement signed besides (…合意書にも署名した), dated by the day of the text, not a month in a name", async () => {
    const { events } = await extract(
      "文在寅大統領と金正恩国務委員長は19日午前、平壌の百花園迎賓館で首脳会談を行い、「9月平壌共同宣言」に署名した。" +
        "両首脳の立ち会いの下、韓国の宋永武国防部長官と北朝鮮の努光鉄人民武力相は、「板門店宣言履行のための軍事分野合意書」にも署名した。",
      "2018-09-19",
    );
    assert.deepEqual(
      find(events, "SUPPORT", "sign").map((e) => [ids(e).sort(), e.date?.start, e.date?.granularity]),
      [
        [["kim-jong-un", "moon-jae-in"], "2018-09-19", "day"],
        [["no-kwang-chol", "song-young-moo"], "2018-09-19", "day"],
      ],
    );
  });

  it("gives a states' signing to the leaders of the meeting reported just before it, and reads no signing in an anniversary (条約締結40周年)", async () => {
    const { events } = await extract(
      "中国を公式訪問中の安倍晋三首相は26日夕、北京の釣魚台国賓館で習近平国家主席と会談した。" +
        "首相はこれに先立ち同日午前、人民大会堂で李克強首相と会談した。" +
        "日中の中央銀行が通貨交換(スワップ)協定に署名した。" +
        "首相は前日の25日に北京入りし、日中平和友好条約締結40周年の記念レセプションに出席した。",
      "2018-10-27",
    );
    assert.deepEqual(
      find(events, "SUPPORT", "sign").map((e) => [ids(e).sort(), e.date?.start]),
      [[["li-keqiang", "shinzo-abe"], "2018-10-26"]],
    );
  });

  it("does not give an agreement named as a thing (合意した事項) the parties of the meeting next to it", async () => {
    const { events } = await extract(
      "ラブロフ外相は18日、ピョンヤンに到着しました。ラブロフ外相はキム・ジョンウン総書記と面会する予定です。" +
        "ロシア外務省は、先月の首脳会談で合意した事項の履行について協議すると発表しています。",
      "2023-10-19",
    );
    assert.deepEqual(find(events, "AGREE"), []);
  });

  it("leaves out what the next clause is about (一致したほか、北朝鮮の…問題をめぐり)", async () => {
    const { events } = await extract(
      "石破総理大臣は23日、イ・ジェミョン大統領と会談しました。" +
        "両首脳は、シャトル外交を継続していくことで一致したほか、北朝鮮の核・ミサイル問題をめぐり、" +
        "日米韓3か国の連携を強化していくことを確認しました。",
      "2025-08-24",
    );
    const [agreement] = find(events, "AGREE");
    assert.deepEqual(ids(agreement!).sort(), ["lee-jae-myung", "shigeru-ishiba"]);
  });
});

describe("parties of a joint statement", () => {
  it("dates a statement the article reports as issued without a date by the meeting it came from", async () => {
    const { events } = await extract(
      "韓国のイ・ジェミョン大統領は23日、東京の総理大臣官邸で石破総理大臣と首脳会談を行いました。\n" +
        "両首脳は「シャトル外交」を継続していくことで一致しました。\n" +
        "石破総理大臣は「確固たる基盤を築くことができた」と述べました。\n" +
        "イ大統領は「未来志向の関係を築いていきたい」と述べました。\n" +
        "日韓両政府は、会談の成果をまとめた共同文書を発表しました。",
      "2025-08-24",
    );
    const [statement] = find(events, "SUPPORT", "sign");
    assert.ok(statement, "the joint document was set aside as undated background");
    assert.equal(statement.date?.start, "2025-08-23");
    assert.equal(statement.links.partOf, find(events, "CONSULT", "meet")[0]!.id);
  });

  it("reads a joint text announced as signed, a government's own paper not (中国が発表した文書)", async () => {
    const joint = await extract(
      "菅首相は16日、バイデン米大統領と会談した。両首脳は会談後、" +
        "共同声明「新たな時代における日米グローバル・パートナーシップ」を発表した。",
      "2021-04-17",
    );
    assert.deepEqual(ids(find(joint.events, "SUPPORT", "sign")[0]!).sort(), ["joe-biden", "yoshihide-suga"]);
    const own = await extract(
      "プーチン大統領は21日、中国が2月に発表したウクライナ危機の政治的解決に関する文書について、" +
        "「和平の基礎になり得る」との考えを示した。",
      "2023-03-22",
    );
    assert.deepEqual(find(own.events, "SUPPORT", "sign"), []);
  });

  it("reads a signing whose signatories stand between the document and the verb (覚書に両政府が署名し)", async () => {
    const { events } = await extract(
      "岸田首相は6日、ソウルで尹錫悦大統領と会談した。自国民の退避で協力する覚書に両政府が署名した。",
      "2024-09-07",
    );
    const [signing] = find(events, "SUPPORT", "sign");
    assert.ok(signing, "no signing");
    assert.equal(signing.date?.start, "2024-09-06");
  });

  it("reads a signing of an agreement given its full name, then its short one in brackets (「…の協定」(日豪円滑化協定)に署名)", async () => {
    const { events } = await extract(
      "岸田首相は6日、オーストラリアのモリソン首相とテレビ会議方式で会談した。両首脳は、" +
        "「日本国の自衛隊とオーストラリア国防軍との間における相互のアクセス及び協力の円滑化に関する日本国とオーストラリアとの間の協定」" +
        "（日豪円滑化協定）に署名した。",
      "2022-01-07",
    );
    const [signing] = find(events, "SUPPORT", "sign");
    assert.equal(signing?.object, "日豪円滑化協定");
    assert.equal(signing.date?.start, "2022-01-06");
  });

  it("takes the leaders who issue it, not a pair qualifying what it is about (北朝鮮とロシアの軍事協力)", async () => {
    const { events } = await extract(
      "石破総理大臣は16日、アメリカのバイデン大統領、韓国のユン・ソンニョル大統領と日米韓3か国の首脳会談を行い、" +
        "北朝鮮とロシアの軍事協力に強い懸念を表明する共同声明を発表しました。",
      "2024-11-16",
    );
    const [statement] = find(events, "SUPPORT", "sign");
    assert.ok(statement, "no joint statement");
    assert.deepEqual(ids(statement).sort(), ["joe-biden", "shigeru-ishiba", "yoon-suk-yeol"]);
  });
});

describe("one event per occurrence, with every sentence as evidence", () => {
  it("merges the reports of one summit and cites each sentence exactly", async () => {
    const body = [
      "【詳細】プーチン大統領 キム総書記 首脳会談",
      "",
      "北朝鮮を公式訪問しているロシアのプーチン大統領とキム・ジョンウン(金正恩)総書記との首脳会談が１９日行われました。",
      "",
      "プーチン大統領とキム総書記は、１９日午後に行われる見通しの首脳会談の会場に移動しました。",
    ].join("\n");
    const { doc, events } = await extract(body);
    const meets = find(events, "CONSULT", "meet");
    assert.equal(meets.length, 1);
    assert.equal(meets[0]!.status, "occurred");
    assert.ok(meets[0]!.evidence.length >= 2);
    for (const e of events) {
      for (const ev of [...e.evidence, e.trigger])
        assert.equal(doc.source.body.slice(ev.start, ev.end), ev.text);
    }
    const [visit] = find(events, "CONSULT", "visit");
    assert.equal(meets[0]!.links.trip, visit!.id);
  });
});

describe("delegations", () => {
  it("reads a condolence delegation (北朝鮮の弔問団は) as its state's side of the meeting", async () => {
    const { events } = await extract(
      "北朝鮮の弔問団は23日午前、大統領府でイ・ミョンバク大統領と会談した。",
      "2009-08-23",
    );
    const meetings = find(events, "CONSULT", "meet").map((e) => ids(e).sort());
    assert.deepEqual(meetings, [["PRK", "lee-myung-bak"]]);
  });
});

describe("meals", () => {
  it("reads a lunch shared (昼食をともにした, in kana as in kanji) with a third leader as their gathering", async () => {
    const { events } = await extract(
      "橋本首相とフジモリ大統領は1日、トロントで会談した。両首脳は会談後、カナダのクレティエン首相を交えて昼食をともにした。",
      "1997-02-02",
    );
    const gatherings = find(events, "CONSULT", "multilateral").map((e) => ids(e).sort());
    assert.deepEqual(gatherings, [["alberto-fujimori", "jean-chretien", "ryutaro-hashimoto"]]);
  });
});

describe("calls at a home", () => {
  it("reads a call at someone's home (…元首相の私邸を訪れた) as a meeting with them, not a visit of its own", async () => {
    const { events } = await extract(
      "鄧小平副首相は22日に来日した。副首相は24日朝、東京・目白の田中角栄元首相の私邸を訪れた。",
      "1978-10-25",
    );
    const meetings = find(events, "CONSULT", "meet").map((e) => [ids(e).sort(), e.date?.start]);
    assert.deepEqual(meetings, [[["deng-xiaoping", "kakuei-tanaka"], "1978-10-24"]]);
    const visits = find(events, "CONSULT", "visit").map((e) => e.date?.start);
    assert.ok(!visits.includes("1978-10-24"), `a visit of the 24th: ${visits.join(", ")}`);
  });
});

describe("dates far from any the text gives", () => {
  it("dates a meeting told with no date in reach by the day the lead reports", async () => {
    const { events } = await extract(
      [
        "イスラエルとアラブ首長国連邦(UAE)は15日、ホワイトハウスで国交正常化に関する文書に署名した。",
        "両国は平和条約に署名した。宗教間の共存をうたった宣言にも署名した。式典には多くの招待客が集まった。中東の構図は大きく変わる。",
        "トランプ氏は式典に先立ち、大統領執務室でネタニヤフ氏と会談した。",
      ].join("\n"),
      "2020-09-16",
    );
    const meetings = find(events, "CONSULT", "meet").map((e) => [ids(e).sort(), e.date?.start]);
    assert.deepEqual(meetings, [[["benjamin-netanyahu", "donald-trump"], "2020-09-15"]]);
  });
});

describe("agents of what is agreed on", () => {
  it("leaves both agents of the talks agreed on (茂木…とライトハイザー…による協議を加速) out of the agreement", async () => {
    const { events } = await extract(
      "安倍首相は27日、トランプ大統領と会談した。両首脳は、茂木敏充経済再生担当相とライトハイザー米通商代表による協議を加速させることで一致した。",
      "2019-05-28",
    );
    assert.deepEqual(ids(find(events, "AGREE")[0]!).sort(), ["donald-trump", "shinzo-abe"]);
  });
});

describe("subjects listed", () => {
  it("reads leaders listed with 、それに (…ドラギ首相、それにルーマニアのヨハニス大統領が) as meeting the host together", async () => {
    const { events } = await extract(
      "16日には、ドイツのショルツ首相、フランスのマクロン大統領、イタリアのドラギ首相、それにルーマニアのヨハニス大統領が首都キーウを訪れてゼレンスキー大統領と会談した。",
      "2022-06-24",
    );
    const meetings = events.filter((e) => e.type === "CONSULT" && e.mode !== "visit");
    assert.equal(meetings.length, 1);
    assert.deepEqual(ids(meetings[0]!).sort(), [
      "emmanuel-macron",
      "klaus-iohannis",
      "mario-draghi",
      "olaf-scholz",
      "volodymyr-zelensky",
    ]);
  });
});

describe("talks of a call", () => {
  it("reads the talks of the pair that spoke by phone that day (両氏は…意見を交わした) as the call's, not a meeting", async () => {
    const { events } = await extract(
      "トランプ次期米大統領は2日、台湾の蔡英文総統と電話で会談した。台湾の総統府によると、電話は約10分間行われ、両氏はアジア情勢について意見を交わした。",
      "2016-12-03",
    );
    const talks = find(events, "CONSULT").map((e) => [e.mode, e.evidence.length]);
    assert.deepEqual(talks, [["phone", 2]]);
  });
});

describe("dates of what is agreed", () => {
  it("does not date an agreement by when what it agrees takes effect (15日午前0時からの停戦などで合意した)", async () => {
    const { events } = await extract(
      "プーチン大統領とメルケル首相は12日、ミンスクで協議し、15日午前0時（日本時間同日午前7時）からの停戦などで合意した。",
      "2015-02-13",
    );
    const [agreed] = find(events, "AGREE");
    assert.deepEqual([agreed?.date?.start, agreed?.status], ["2015-02-12", "occurred"]);
  });
});

describe("the first time since", () => {
  it("does not date a meeting by the day the first one since is counted from (10月の党大会を経て…てから、初の首脳会談)", async () => {
    const { events } = await extract(
      "安倍首相は11日、ダナンで習近平国家主席と会談した。習氏が10月の共産党大会を経て2期目の指導部を発足させてから、初の日中首脳会談となった。",
      "2017-11-12",
    );
    assert.deepEqual(
      find(events, "CONSULT").map((e) => e.date?.start),
      ["2017-11-11"],
    );
  });
});

describe("meetings urged", () => {
  it("reads a meeting others are urged to join (4者会談に応じるよう…働きかける) as no event, nor its parties the agreement's", async () => {
    const { events } = await extract(
      "クリントン米大統領は29日、江沢民国家主席と会談した。会談では、大統領が手続きを進める考えを伝えた。" +
        "また、北朝鮮に対し、南北と米中による4者会談に応じるよう共同で働きかけることでも一致した。",
      "1997-10-30",
    );
    assert.deepEqual(find(events, "CONSULT", "multilateral"), []);
    assert.deepEqual(ids(find(events, "AGREE")[0]!).sort(), ["bill-clinton", "jiang-zemin"]);
  });
});

describe("wishes", () => {
  it("reads a wish (実現させたい, 行いたい) as no past, and a wish put to another (たいと提案) as no event", () => {
    const read = (tail: string) =>
      readStatus({ tail, head: "", headline: false, rest: "" }, pipeline.ctx.statusCues);
    assert.equal(read("を実現させたいとの考えだ"), "planned");
    assert.equal(read("を早期に行いたい考えだ"), "planned");
    assert.equal(read("を実現させたいと提案した"), "proposed");
    assert.equal(read("を実現させた"), "occurred");
  });

  it("reads what is done before a plan as planned too (…と会談した後、…演説する予定だ), not what is done before words said", async () => {
    const { events } = await extract(
      "クリントン大統領は26日、アンマンでフセイン国王と会談した後、記者会見で「歴史的な日だ」と述べた。" +
        "27日にはシリアの首都ダマスカスでアサド大統領と会談した後、イスラエルを訪れて国会で演説する予定だ。",
      "1994-10-27",
    );
    assert.deepEqual(
      find(events, "CONSULT", "meet").map((e) => [ids(e).sort().join("+"), e.status]),
      [
        ["bill-clinton+king-hussein", "occurred"],
        ["bill-clinton+hafez-al-assad", "planned"],
      ],
    );
  });

  it("reads an aim past a comma as another noun's (会談するなど、和解に向けた調整を後押ししてきた), not the trigger's own (締結に向けた交渉)", () => {
    const read = (tail: string) =>
      readStatus({ tail, head: "", headline: false, rest: "" }, pipeline.ctx.statusCues);
    assert.equal(read("するなど、和解に向けた調整を後押ししてきた"), "occurred");
    assert.equal(read("に向けた交渉を早期に始めることで合意した"), "planned");
  });

  it("reads a visit one wishes to bring about (来日を実現させたいと提案) as no visit made", async () => {
    const { events } = await extract(
      "安倍首相は11日、習近平国家主席と会談した。首相は、日中韓首脳会談を早期に開き、李克強首相の来日を実現させたいと提案した。",
      "2017-11-12",
    );
    assert.deepEqual(find(events, "CONSULT", "visit"), []);
  });
});

describe("paragraphs of history", () => {
  it("dates nothing after a paragraph that told another year's days by them", async () => {
    const { events } = await extract(
      [
        "オバマ米大統領は21日、ハバナでカストロ国家評議会議長と会談した。",
        "昨年9月29日には、ニューヨークで両首脳が2度目の会談を行った。",
        "共和党は今回の訪問を厳しく批判している。",
      ].join("\n\n"),
      "2016-03-22",
    );
    assert.deepEqual(
      find(events, "CONSULT").map((e) => e.date?.start),
      ["2016-03-21", "2015-09-29"],
    );
    assert.equal(find(events, "ACCUSE")[0]?.date?.start, "2016-03-21");
  });
});

describe("trips", () => {
  it("reads a stop on the way (ラホールに立ち寄り) as a visit", async () => {
    const { events } = await extract(
      "インドのモディ首相は25日、アフガニスタンからの帰途、パキスタン東部ラホールに立ち寄り、シャリフ首相と会談した。",
      "2015-12-26",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => [ids(e), e.place?.id, e.date?.start]);
    assert.deepEqual(visits, [[["narendra-modi", "PAK"], "lahore", "2015-12-25"]]);
  });

  it("reads heading for a place (スイスに向かい) as a visit there", async () => {
    const { events } = await extract(
      "安倍首相は21日にモスクワに到着した。この後スイスに向かい、23日にダボスで講演する予定だ。",
      "2019-01-22",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => ids(e, "recipient")[0]);
    assert.deepEqual(visits.sort(), ["CHE", "RUS"]);
  });

  it("visits the state a city was in on the day (モスクワ in 1987: the Soviet Union)", async () => {
    const { events } = await extract(
      "シュルツ米国務長官は22日、モスクワを訪れ、シェワルナゼ外相と会談した。",
      "1987-10-23",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => [ids(e), e.place?.id, e.place?.country]);
    assert.deepEqual(visits, [[["george-shultz", "SUN"], "moscow", "SUN"]]);
    // and today's state when the city is no longer the Soviet Union's
    const later = await extract("ブリンケン国務長官は22日、モスクワを訪れた。", "2021-10-23");
    assert.deepEqual(ids(find(later.events, "CONSULT", "visit")[0]!, "recipient"), ["RUS"]);
  });

  it("does not take a Soviet leader met in Moscow in 1990 for one met on a third party's ground", async () => {
    const { events } = await extract(
      "西独のコール首相は15日、モスクワでソ連のゴルバチョフ大統領と会談した。",
      "1990-07-16",
    );
    const [meeting] = find(events, "CONSULT");
    assert.equal(meeting?.mode, "meet");
    assert.equal(meeting?.place?.country, "SUN");
  });

  it("does not take the place a traveller left (ソウルを離れた…) for the one visited", async () => {
    const { events } = await extract(
      "会談を終えてソウルを離れた岸田首相は、7日、米国を訪問中の国連のグテーレス事務総長とニューヨークで会談した。",
      "2023-05-08",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => [ids(e), e.place?.id]);
    assert.deepEqual(visits, [[["antonio-guterres", "USA"], "USA"]]);
  });

  it("reads the states a list ends in (…モンゴルの3か国を訪問) as each visited", async () => {
    const { events } = await extract(
      "石破首相は来月2日から6日までの日程で、フィリピン、ベトナム、インドネシアの3か国を訪問する。",
      "2025-04-10",
    );
    const visits = find(events, "CONSULT", "visit").map((e) => [ids(e, "recipient"), e.status]);
    assert.deepEqual(visits.sort(), [
      [["IDN"], "planned"],
      [["PHL"], "planned"],
      [["VNM"], "planned"],
    ]);
  });

  it("dates what a planned trip's traveller plans in a host state by the trip, not by a year the text recalls", async () => {
    const { events } = await extract(
      [
        "政府は、岸田首相が9日から12日までの日程でモンゴルを訪問すると発表した。",
        "日本とモンゴルの首脳会談は2006年8月に当時の小泉首相がウランバートルを訪れて以来の節目となる。同年8月には経済協力でも合意した。",
        "岸田首相は訪問先のモンゴルでフレルスフ大統領と会談する予定で、拉致問題への協力を求めるとみられる。",
      ].join("\n"),
      "2024-08-08",
    );
    const meetings = find(events, "CONSULT", "meet").filter((e) => ids(e).includes("ukhnaa-khurelsukh"));
    assert.deepEqual(
      meetings.map((e) => [e.date?.start, e.date?.end, e.status]),
      [["2024-08-09", "2024-08-12", "planned"]],
    );
    // (and the visit its sentence reports again, 訪問先のモンゴル, is the same trip)
    const visits = find(events, "CONSULT", "visit").filter((e) => ids(e, "actor").includes("fumio-kishida"));
    assert.deepEqual(
      visits.map((e) => [e.date?.start, e.date?.end]),
      [["2024-08-09", "2024-08-12"]],
    );
  });

  it("reads a visit told from the host's side (岸田首相を国賓として迎え) as the guest's visit to the host's state", async () => {
    const { events } = await extract(
      "バイデン氏は来週、岸田文雄首相を国賓として迎え、10日にホワイトハウスで首脳会談に臨む。",
      "2024-04-03",
    );
    const [visit] = find(events, "CONSULT", "visit");
    assert.ok(visit, "the visit was not read");
    assert.deepEqual(
      [ids(visit, "actor"), ids(visit, "recipient"), visit.status],
      [["fumio-kishida"], ["USA"], "planned"],
    );
  });

  it("reads a site the lexicon lacks, visited on a trip, as a visit of its own to the trip's state (製薬工場を視察した)", async () => {
    const { events } = await extract(
      "金委員長は習総書記の招待に応じ、7日から10日までの日程で中国を訪問した。" +
        "金委員長は9日、北京経済技術開発区にある同仁堂の製薬工場を視察した。",
      "2019-01-10",
    );
    assert.deepEqual(
      find(events, "CONSULT", "visit").map((e) => [ids(e), e.date?.start, e.date?.end]),
      [
        [["kim-jong-un", "CHN"], "2019-01-07", "2019-01-10"],
        [["kim-jong-un", "CHN"], "2019-01-09", "2019-01-09"],
      ],
    );
    // no trip, no state to place the site in: nothing is read
    const alone = await extract("金委員長は9日、同仁堂の製薬工場を視察した。", "2019-01-10");
    assert.deepEqual(find(alone.events, "CONSULT", "visit"), []);
  });

  it("reads a meeting on a trip that names only the traveller as with the one host the traveller meets elsewhere (1回目の会談を行った)", async () => {
    const { events } = await extract(
      "北朝鮮を訪問中の文在寅大統領と金正恩国務委員長は19日午前、平壌の百花園迎賓館で2回目の首脳会談を行った。" +
        "文大統領は18日午前、ソウル空港を出発し、平壌の順安国際空港に到着して金委員長夫妻の出迎えを受けた。" +
        "同日午後には朝鮮労働党本部庁舎で1回目の会談を行った。" +
        "5月中に将官級軍事会談を開くことも決めた。",
      "2018-09-19",
    );
    assert.deepEqual(
      find(events, "CONSULT", "meet").map((e) => [ids(e).sort(), e.date?.start]),
      [
        [["kim-jong-un", "moon-jae-in"], "2018-09-19"],
        [["kim-jong-un", "moon-jae-in"], "2018-09-18"],
      ],
    );
  });

  it("carries the topic of a sentence with no trigger, but not an outlet's attribution (朝鮮中央通信がきょう19日伝えた)", async () => {
    const { events } = await extract(
      "文大統領はきょう夜、平壌のメーデースタジアムで集団体操を観覧し、市民を前に演説する。" +
        "20日には金委員長とともに白頭山を訪れた後、帰国する予定だ。",
      "2018-09-19",
    );
    const [visit] = find(events, "CONSULT", "visit");
    assert.deepEqual([ids(visit!, "actor"), visit!.date?.start], [["moon-jae-in"], "2018-09-20"]);
    const statement = await extract(
      "金与正党副部長は18日付で談話を発表し、尹錫悦大統領の構想について「愚かさの極致だ」と非難した。" +
        "朝鮮中央通信がきょう19日伝えた。\n談話は、非核化を支援の前提とすること自体が誤りだと批判した。",
      "2022-08-19",
    );
    // (the criticism reported twice is one, by her)
    assert.deepEqual(
      find(statement.events, "ACCUSE").map((e) => ids(e, "actor")),
      [["kim-yo-jong"]],
    );
  });

  it("reads the next day's talks and signing on a visit (きょう16日…会談を続け…署名する予定だ), and no signing in 平和条約締結問題", async () => {
    const { events } = await extract(
      "安倍晋三首相は15日夕、山口県長門市で、来日したロシアのプーチン大統領と会談した。" +
        "首相は平和条約締結問題を含めて議論した。" +
        "両首脳はきょう16日、東京の首相官邸で会談を続け、共同記者会見に臨む。" +
        "共同経済活動に向けた協議開始などを盛り込んだ文書を発表する方向で調整しており、経済協力の関連文書にも署名する予定だ。",
      "2016-12-16",
    );
    assert.deepEqual(
      find(events, "CONSULT").map((e) => [e.mode, e.status, e.date?.start]),
      [
        ["visit", "occurred", "2016-12-15"],
        ["meet", "occurred", "2016-12-15"],
        ["meet", "planned", "2016-12-16"],
      ],
    );
    // the documents to be signed the next day (関連文書にも署名する; 協議開始などを盛り込んだ文書を発表する is no
    // joint statement's announcement: 共同 stands there in 共同経済活動), and none in 平和条約締結問題 on the 15th
    const signings = find(events, "SUPPORT", "sign");
    assert.ok(
      signings.some((e) => e.object === "経済協力の関連文書"),
      JSON.stringify(signings.map((e) => e.object)),
    );
    assert.deepEqual(
      new Set(signings.map((e) => [e.status, e.date?.start].join(" "))),
      new Set(["planned 2016-12-16"]),
    );
  });

  it("holds a trip's meetings placed only in its country in the city its traveller last reached (北京に到着後, 重慶市に移動)", async () => {
    const { events } = await extract(
      "文在寅大統領は13日午前にソウルを出発し、3泊4日の日程で中国を訪問する。" +
        "文大統領は北京に到着後、在中韓国人らとの懇談会に臨む。14日午後に習主席と首脳会談を行う見通しだ。" +
        "15日午前には北京大で演説する。演説後、李克強首相と会談した後、西部の重慶市に移動する。" +
        "16日には張徳江全人代常務委員長と会談する。",
      "2017-12-12",
    );
    const placeOf = (id: string) =>
      find(events, "CONSULT", "meet").find((e) => ids(e).includes(id))?.place?.id;
    // the meeting on the day of the move, before it in the text, is still in Beijing
    assert.deepEqual(["xi-jinping", "li-keqiang", "zhang-dejiang"].map(placeOf), [
      "beijing",
      "beijing",
      "chongqing",
    ]);
  });

  it("does not date the next sentences by the date of an earlier occurrence (2018年5月以来)", async () => {
    const { events } = await extract(
      "ロシアのラブロフ外相は18日、北朝鮮の首都ピョンヤンに到着しました。ラブロフ外相の訪朝は2018年5月以来です。\n" +
        "ラブロフ外相はチェ・ソンヒ外相と会談する予定です。",
      "2023-10-19",
    );
    const [meeting] = find(events, "CONSULT", "meet");
    assert.ok(meeting);
    assert.equal(meeting.date?.start, "2023-10-18");
  });

  it("links a meeting to the visit of the country it was held in, on a day with two", async () => {
    const { events } = await extract(
      "プーチン大統領は19日から北朝鮮を訪問した。" +
        "プーチン氏は北朝鮮訪問を終えた後、ベトナムを訪れ、20日、ハノイでトー・ラム国家主席と会談した。",
      "2024-06-21",
    );
    const vietnam = find(events, "CONSULT", "visit").find((v) => ids(v, "recipient").includes("VNM"));
    const [meeting] = find(events, "CONSULT", "meet");
    assert.ok(vietnam && meeting);
    assert.equal(meeting.links.trip, vietnam.id);
  });

  it("lasts from the arrival while the traveller goes on meeting in the city", async () => {
    const { events } = await extract(
      "中国の習近平国家主席は4日、北京の人民大会堂で、北朝鮮のキム・ジョンウン総書記と会談しました。\n" +
        "キム総書記は2日に専用列車で北京に到着しました。\n" +
        "キム総書記は3日、ロシアのプーチン大統領とも会談しました。",
      "2025-09-05",
    );
    const [visit] = find(events, "CONSULT", "visit");
    assert.deepEqual([visit?.date?.start, visit?.date?.end], ["2025-09-02", "2025-09-04"]);
    const withPutin = find(events, "CONSULT", "meet").find((e) => ids(e).includes("vladimir-putin"));
    assert.equal(withPutin?.links.trip, visit!.id);
    assert.equal(withPutin?.place?.id, "beijing");
  });

  it("makes one visit of the days its reports give, with the meetings held on it", async () => {
    const { events } = await extract(
      "中国の趙楽際常務委員長が、北朝鮮を訪問し、13日、ピョンヤンでキム・ジョンウン総書記と会談しました。" +
        "趙氏は11日にピョンヤンに到着し、最高人民会議のチェ・リョンヘ常任委員長とも会談しました。",
      "2024-04-14",
    );
    const visits = find(events, "CONSULT", "visit");
    assert.equal(visits.length, 1, "one trip, not one per day reported");
    const [visit] = visits;
    assert.deepEqual([visit!.date?.start, visit!.date?.end], ["2024-04-11", "2024-04-13"]);
    const meetings = find(events, "CONSULT", "meet");
    assert.equal(meetings.length, 2);
    for (const m of meetings) assert.equal(m.links.trip, visit!.id);
  });
  it("reads 両首脳 after a meeting with one leader whose other party the sentence leaves unsaid as those two", async () => {
    const { events } = await extract(
      "習近平国家主席は9日、ブダペストでハンガリーのオルバン首相と会談した。\n" +
        "習主席は最初の訪問国フランスで、6日にマクロン大統領と会談したほか、フォンデアライエン委員長を交えた中仏EU3者会談に臨んだ。" +
        "続いて7日夜にベオグラードに入り、翌8日にブチッチ大統領と会談した。両首脳は共同声明に署名した。",
      "2024-05-10",
    );
    const [sign] = find(events, "SUPPORT", "sign");
    assert.deepEqual(ids(sign!).sort(), ["aleksandar-vucic", "xi-jinping"]);
  });

  it("reads what follows those accompanying a visitor (…外相らが同行しており) as the visitor's, whose visit is the topic", async () => {
    const { events } = await extract(
      "岸田首相は27日夜、公式訪問で来日したベトナムのボー・バン・トゥオン国家主席と首相官邸で会談した。\n" +
        "トゥオン氏の訪日は、3月の国家主席就任後初めて。ブイ・タイン・ソン外相らが同行しており、30日まで日本に滞在する。" +
        "28日には皇居で天皇陛下と会見する予定だ。",
      "2023-11-28",
    );
    const visits = find(events, "CONSULT", "visit");
    assert.deepEqual(
      visits.map((e) => ids(e, "actor")),
      [["vo-van-thuong"]],
    );
    const audience = find(events, "CONSULT", "meet").find((e) => e.date?.start === "2023-11-28");
    assert.ok(audience && ids(audience).includes("vo-van-thuong"), "the audience is the visitor's");
  });

  it("reads a visit's relative clause describing the place (続いて訪れた韓国では4日) as a visit there", async () => {
    const { events } = await extract(
      "ペロシ氏は2日夜に台北入りし、3日に蔡英文総統と会談した。続いて訪れた韓国では4日、ソウルで金振杓国会議長と会談した。",
      "2022-08-05",
    );
    const visit = find(events, "CONSULT", "visit").find((e) => ids(e, "recipient").includes("KOR"));
    assert.deepEqual([ids(visit!, "actor"), visit?.date?.start], [["nancy-pelosi"], "2022-08-04"]);
  });

  it("reads a tour of a region (中東を歴訪中の) as no visit of its own besides the state reached", async () => {
    const { events } = await extract(
      "【エルサレム】中東を歴訪中の安倍晋三首相は18日午後、イスラエルに到着し、エルサレム市内のホテルでネタニヤフ首相と会談した。",
      "2015-01-19",
    );
    assert.deepEqual(
      find(events, "CONSULT", "visit").map((e) => ids(e, "recipient")),
      [["ISR"]],
    );
  });

  it("places a meeting where the sentence's traveller has just arrived (ベオグラードに入り、…と会談した), and reads the arrival as a visit", async () => {
    const { events } = await extract(
      "習主席は最初の訪問国フランスで、6日にパリのエリゼ宮でマクロン大統領と会談した。" +
        "続いて7日夜にセルビアの首都ベオグラードに入り、翌8日にブチッチ大統領と会談した。",
      "2024-05-09",
    );
    const meeting = find(events, "CONSULT", "meet").find((e) => ids(e).includes("aleksandar-vucic"));
    assert.deepEqual([meeting?.place?.id, meeting?.date?.start], ["belgrade", "2024-05-08"]);
    const visit = find(events, "CONSULT", "visit").find((e) => ids(e, "recipient").includes("SRB"));
    assert.deepEqual([ids(visit!, "actor"), visit?.date?.start], [["xi-jinping"], "2024-05-07"]);
  });

  it("dates a trip told as it ends (17日、6日間にわたるロシア訪問の日程を終え) from its first day to its last", async () => {
    const { events } = await extract(
      "北朝鮮の金正恩総書記は17日、6日間にわたるロシア訪問の日程を終え、専用列車で帰国の途についた。",
      "2023-09-18",
    );
    const [visit] = find(events, "CONSULT", "visit");
    assert.deepEqual([visit?.date?.start, visit?.date?.end], ["2023-09-12", "2023-09-17"]);
  });

  it("reads sites looked round on a trip (戦闘機を見て回り) as a visit of that day to the trip's state", async () => {
    const { events } = await extract(
      "北朝鮮の金正恩総書記は17日、6日間にわたるロシア訪問の日程を終えた。" +
        "金総書記は16日、ウラジオストク近郊の飛行場でショイグ国防相とともに戦略爆撃機を見て回った。",
      "2023-09-18",
    );
    const day = find(events, "CONSULT", "visit").find((e) => e.date?.end === "2023-09-16");
    assert.deepEqual([ids(day!, "actor"), ids(day!, "recipient")], [["kim-jong-un"], ["RUS"]]);
  });
});

describe("delegations and reactions", () => {
  it("puts no one of an earlier occurrence counted from (李克強首相に随行して以来) on the delegation", async () => {
    const { events } = await extract(
      "文大統領は5日、青瓦台で中国の王毅外相と会談した。会談には康京和外相も同席した。王氏の訪韓は、2015年10月に李克強首相に随行して以来約4年ぶり。",
      "2019-12-06",
    );
    const met = find(events, "CONSULT", "meet").find((e) => ids(e).includes("wang-yi"));
    assert.ok(met && !ids(met).includes("li-keqiang"), ids(met!).join());
  });

  it("takes whose companies are sanctioned as the sanction's recipient (ロシアの企業など5団体に制裁を科す)", async () => {
    const { events } = await extract(
      "アメリカ政府は9日、北朝鮮のミサイル開発に関わったとして、ロシアの企業など5団体に独自の制裁を科すと発表しました。",
      "2024-12-10",
    );
    const [sanction] = find(events, "SANCTION");
    assert.ok(sanction);
    assert.deepEqual(ids(sanction, "actor"), ["USA"]);
    assert.deepEqual(ids(sanction, "recipient"), ["RUS"]);
  });

  it("takes the later topic before a request as its actor, not the first subject of the sentence", async () => {
    const { events } = await extract(
      "北朝鮮が軍事偵察衛星を打ち上げると日本側に通報していたことについて、岸田総理大臣は" +
        "「打ち上げを強行すれば、安保理決議違反だ」と述べ、中止を強く求めました。",
      "2024-05-27",
    );
    const requests = find(events, "REQUEST");
    assert.ok(requests.length > 0, "no request");
    for (const r of requests) assert.deepEqual(ids(r, "actor"), ["fumio-kishida"]);
  });

  it("keeps a government's criticism reported later in the article without a date of its own", async () => {
    const { events } = await extract(
      "北朝鮮の朝鮮中央通信は14日、ロシアのショイグ安全保障会議書記が13日、ピョンヤンを訪れ、" +
        "キム・ジョンウン総書記と会談したと伝えました。\n" +
        "会談でキム総書記は、ロシアとの関係を「新たな高い段階に発展させていく」と述べたということです。\n" +
        "また、ショイグ氏は、ノ・グァンチョル国防相とも会談しました。\n" +
        "ロシア大統領府のペスコフ報道官は「両国は今後も協力を深めていく」と述べました。\n" +
        "これに対して、韓国外務省は「軍事協力は直ちに中止すべきだ」とする論評を出し、両国を批判しました。",
      "2024-09-14",
    );
    const [criticism] = find(events, "ACCUSE");
    assert.ok(criticism, "the criticism was dropped as background");
    assert.deepEqual(ids(criticism, "actor"), ["kor-mofa"]);
    assert.deepEqual(ids(criticism, "recipient").sort(), ["PRK", "RUS"]);
    assert.equal(criticism.links.reactionTo, find(events, "CONSULT", "meet")[0]!.id);
  });

  it("reads a state acting through its government (日本政府は…北朝鮮に抗議し)", async () => {
    const { events } = await extract(
      "日本政府は6日、北京の大使館ルートを通じて北朝鮮に厳重に抗議し、強く非難しました。",
      "2025-01-07",
    );
    const [protest] = events.filter((e) => e.type === "ACCUSE" || e.type === "PROTEST");
    assert.ok(protest, "no protest");
    assert.deepEqual(ids(protest, "actor"), ["JPN"]);
    assert.deepEqual(ids(protest, "recipient"), ["PRK"]);
  });

  it("takes whose act or stance is criticised or supported as the recipient (北朝鮮の挑発を非難)", async () => {
    const { events } = await extract(
      "ブリンケン米国務長官は上川陽子外相と電話会談し、北朝鮮の挑発を非難した。岸田首相は中国の威圧的な行動を批判した。",
      "2024-11-05",
    );
    const accusations = find(events, "ACCUSE").map((e) => [ids(e, "actor"), ids(e, "recipient")]);
    assert.deepEqual(accusations, [
      [["antony-blinken"], ["PRK"]],
      [["fumio-kishida"], ["CHN"]],
    ]);
  });

  it("attaches the listed delegation to the meeting and links a third state's concern to it", async () => {
    const { events, quotes } = await extract(
      [
        "ロシアのプーチン大統領と北朝鮮のキム・ジョンウン総書記は19日、ピョンヤンで首脳会談を行いました。",
        "ロシア側の代表団には、ラブロフ外相やベロウソフ国防相が同行しています。",
        "アメリカのブリンケン国務長官は20日、「ロシアは北朝鮮との関係を強化させようと必死になっている」と述べ、懸念を示しました。",
      ].join("\n"),
    );
    const [meet] = find(events, "CONSULT", "meet");
    assert.deepEqual(ids(meet!, "delegate").sort(), ["andrei-belousov", "sergei-lavrov"]);
    const concern = find(events, "ACCUSE")[0];
    assert.equal(concern!.links.reactionTo, meet!.id);
    assert.equal(quotes[0]!.reactionTo, meet!.id);
  });
});
