import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tagTimex } from "../src/extract/timex/tagger.js";
import { hourOf, localDayOf } from "../src/extract/timex/time-zones.js";
import { weekNamed } from "../src/extract/timex/weeks.js";

const tag = (text: string, published: string | null, quotes?: { start: number; end: number }[]) =>
  tagTimex(text, { published, quotes }).map((t) => [t.text, t.value]);

describe("temporal tagger", () => {
  it("normalises absolute dates at their own granularity", () => {
    assert.deepEqual(
      tag("2023年9月12日と2019年4月、1961年。令和5年9月12日、2019.02.28、2018/11/15、平成元年", "2024-06-19"),
      [
        ["2023年9月12日", "2023-09-12"],
        ["2019年4月", "2019-04"],
        ["1961年", "1961"],
        ["令和5年9月12日", "2023-09-12"],
        ["2019.02.28", "2019-02-28"],
        ["2018/11/15", "2018-11-15"],
        ["平成元年", "1989"],
      ],
    );
  });

  it("leaves 今日の that means the present day (今日の世界, 今日の成果) and reads 今日の午後 and 今日の署名 as today", () => {
    assert.deepEqual(
      tag(
        "習氏は「中露関係の今日の成果は容易に得られたものではない」と述べた。報道官は「今日の世界の問題は処理できない」と述べた。" +
          "大統領は「今日の署名は平和の始まりだ」と語り、今日の午後帰国した。",
        "2024-05-16",
      ),
      [
        ["今日", "2024-05-16"],
        ["今日の午後", "2024-05-16"],
      ],
    );
  });

  it("reads the day before or after written with its number (前日13日, 翌日15日) as that day, in one span", () => {
    assert.deepEqual(
      tag(
        "文大統領は14日午後、習主席と会談した。文大統領は、前日13日に北京入りした。翌日15日には演説する。",
        "2017-12-14",
      ),
      [
        ["14日午後", "2017-12-14"],
        ["前日13日", "2017-12-13"],
        ["翌日15日", "2017-12-15"],
      ],
    );
  });

  it("reads a day only where the calendar has it: 29 February of leap years alone (2000, 2024, not 2023 or 2100)", () => {
    assert.deepEqual(
      tag("2024年2月29日、2000年2月29日、2023年2月29日、2100年2月29日、2023年4月31日", "2024-06-19"),
      [
        ["2024年2月29日", "2024-02-29"],
        ["2000年2月29日", "2000-02-29"],
      ],
    );
  });

  it("keeps parts of a month and times of day in the span but not in the value", () => {
    assert.deepEqual(tag("9月上旬に訪問し、19日未明に到着、日本時間の31日夜から2日目の会談", "2024-06-19"), [
      ["9月上旬", "2024-09"],
      ["19日未明", "2024-06-19"],
      ["31日夜", "2024-05-31"],
    ]);
  });

  it("resolves relative years and months against the publication date", () => {
    assert.deepEqual(
      tag("去年9月、キム総書記がロシア極東を訪れた。ことし2月に贈られた。来月にも、先月", "2024-06-19"),
      [
        ["去年9月", "2023-09"],
        ["ことし2月", "2024-02"],
        ["来月", "2024-07"],
        ["先月", "2024-05"],
      ],
    );
  });

  it("counts years back or on from the publication date (71年前), not before the date they stand for (3年後の2021年9月)", () => {
    assert.deepEqual(tag("オバマ氏は27日、71年前に原爆が投下された広島を訪れた。", "2016-05-27"), [
      ["27日", "2016-05-27"],
      ["71年前", "1945"],
    ]);
    assert.deepEqual(tag("3年後の2021年9月が期限となる。5年間の任期", "2018-09-13"), [
      ["2021年9月", "2021-09"],
    ]);
  });

  it("reads a bare day as this month's, not next month's more than a week ahead, though that is nearer the day last told", () => {
    const t =
      "ロシア軍は23日正午から国境地帯に入る。トルコは今月9日、越境作戦を開始した。トランプ大統領は6日にエルドアン氏と電話会談した。";
    assert.deepEqual(tag(t, "2019-10-23"), [
      ["23日正午", "2019-10-23"],
      ["今月9日", "2019-10-09"],
      ["6日", "2019-10-06"],
    ]);
    // …while the day a range ends keeps its start's month, however far ahead (6月11日から13日まで in May)
    assert.deepEqual(tag("G7は6月11日から13日まで、コーンウォールで首脳会議を開く。", "2021-05-06"), [
      ["6月11日", "2021-06-11"],
      ["13日", "2021-06-13"],
    ]);
  });

  it("reads no date in a day counted or extended (滞在を1日延ばし, 1日4便)", () => {
    assert.deepEqual(
      tag(
        "当初は22日に帰国する予定だったが、滞在を1日延ばし、直行便を1日4便から8便に増やすことで合意した。",
        "2009-08-23",
      ),
      [["22日", "2009-08-22"]],
    );
  });

  it("reads a day listed after a day of last month as of that month, and both as asides (先月4日と28日)", () => {
    const t =
      "康長官は6日午後、王毅外相と会談した。康氏は、北朝鮮が先月4日と28日にICBM級を発射したことを挙げた。" +
      "安保理が5日(米東部時間)に全会一致で採択した制裁決議2371号を履行することで一致した。康氏は同日夜、夕食会に出席した。";
    assert.deepEqual(tag(t, "2017-08-07"), [
      ["6日午後", "2017-08-06"],
      ["先月4日", "2017-07-04"],
      ["28日", "2017-07-28"],
      ["5日", "2017-08-05"],
      ["同日夜", "2017-08-06"],
    ]);
  });

  it("reads a speaker's 今年 as the year they spoke in, not the last year told before (…2008年まで)を承認した。…「今年は…」)", () => {
    const t =
      "両国元首は14日、実施要綱(2005年から2008年まで)を承認した。胡主席は「今年は国交樹立55周年にあたる」と述べた。";
    const q = t.indexOf("「");
    assert.deepEqual(tag(t, "2004-10-15", [{ start: q + 1, end: t.indexOf("」") }]).pop(), ["今年", "2004"]);
    // …while a year told in the sentence is when they spoke (2019年6月の首脳会談で、安倍首相が「来年の桜の咲く頃に…」)
    const u =
      "習氏の来日は、2019年6月の首脳会談で、安倍首相が「来年の桜の咲く頃に国賓としてお迎えしたい」と提案していた。";
    const r = u.indexOf("「");
    assert.deepEqual(tag(u, "2020-03-05", [{ start: r + 1, end: u.indexOf("」") }]).pop(), ["来年", "2020"]);
  });

  it("reads the day of a noun a past clause describes as an aside (…容認した1日の閣議決定について…。首相は同日)", () => {
    const t =
      "首相は8日、豪首相と会談した。豪首相は、集団的自衛権の行使を容認した1日の閣議決定を歓迎した。首相は同日、演説した。";
    assert.deepEqual(tag(t, "2014-07-09"), [
      ["8日", "2014-07-08"],
      ["1日", "2014-07-01"],
      ["同日", "2014-07-08"],
    ]);
  });

  it("leaves a paragraph of history at a bare day before its last (昨年12月16日…翌17日…。…11日の記者会見で)", () => {
    const t =
      "オバマ大統領は11日、カストロ議長と会談した。\n\n両首脳は昨年12月16日に電話会談を行い、翌17日に国交正常化交渉の開始を発表した。オバマ氏は11日の記者会見で指定の見直しに触れた。";
    assert.deepEqual(tag(t, "2015-04-12").slice(1), [
      ["昨年12月16日", "2014-12-16"],
      ["翌17日", "2014-12-17"],
      ["11日", "2015-04-11"],
    ]);
  });

  it("anchors on the discourse: 会談後の14日 after 2023年9月12日", () => {
    const t =
      "首脳会談は2023年9月12日に行われた。会談後の14日、報道官が明らかにした。同日、外相も述べた。翌日には帰国した。";
    assert.deepEqual(tag(t, "2023-09-30"), [
      ["2023年9月12日", "2023-09-12"],
      ["14日", "2023-09-14"],
      ["同日", "2023-09-14"],
      ["翌日", "2023-09-15"],
    ]);
  });

  it("reads 同日 in a sentence about what happened as a day already past, not a later date just mentioned", () => {
    // the declaration sets dates ahead (5月1日から); the dinner 同日夜 was on the summit's day
    const t =
      "両首脳は27日に会談し、宣言に署名した。宣言は5月1日から拡声器放送を中止するとした。" +
      "同日夜には夕食会が開かれ、金委員長は北朝鮮側へ戻った。";
    assert.deepEqual(tag(t, "2018-04-28"), [
      ["27日", "2018-04-27"],
      ["5月1日", "2018-05-01"],
      ["同日夜", "2018-04-27"],
    ]);
    // a sentence about what is to come keeps the day last mentioned
    const plan = "両首脳は27日に会談した。5月1日に外相会談を開く。同日、共同声明を発表する予定だ。";
    assert.deepEqual(tag(plan, "2018-04-28").at(-1), ["同日", "2018-05-01"]);
  });

  it("reads 同日 as the day reported, not the end of the days a meeting described in passing lasted", () => {
    const t =
      "議長国中国は3日、合意文書を発表した。文書は9月27日から30日まで北京で開かれた全体会合でまとまり、正式に採択された。" +
      "日本の首席代表は同日、記者団に語った。";
    assert.deepEqual(tag(t, "2007-10-03").at(-1), ["同日", "2007-10-03"]);
    // (in its own sentence, 同日 is still the end of a span the sentence has just given)
    const own = "会議は9月27日から30日まで北京で開かれ、同日閉幕した。";
    assert.deepEqual(tag(own, "2007-10-03").at(-1), ["同日", "2007-09-30"]);
  });

  it("reads 同日 as the day reported, not the day of what a deed responded to (28日の発射を受けて)", () => {
    const t =
      "外相会談は7日、マニラで開かれた。決議は北朝鮮による28日のICBM発射を受けて米国が起草した。同日、声明も出た。";
    assert.deepEqual(tag(t, "2017-08-07").at(-1), ["同日", "2017-08-07"]);
  });

  it("reads a day listed after a date (7月4日と28日) in that date's month", () => {
    assert.deepEqual(tag("北朝鮮による7月4日と28日のICBM発射を受けて決議が採択された。", "2017-08-07"), [
      ["7月4日", "2017-07-04"],
      ["28日", "2017-07-28"],
    ]);
  });

  it("reads 同日 past the first day of what a relative clause says went on since (6日から…続けていた協議)", () => {
    const t =
      "両国は10日、外交関係を正常化することで合意した。中国の仲介で6日から北京で続けていた協議がまとまった。" +
      "王氏は同日、成果を誇った。";
    assert.deepEqual(tag(t, "2023-03-11").at(-1), ["同日", "2023-03-10"]);
  });

  it("reads a month a plan is set for (12月には…開く予定で) as to come, and one planned before (開く予定だった) as past", () => {
    assert.deepEqual(tag("12月には東京で特別首脳会議を開く予定で、首相は意欲を見せている。", "2023-09-07"), [
      ["12月", "2023-12"],
    ]);
    assert.deepEqual(tag("署名式は当初、11日にブリュッセルで開く予定だった。", "2018-07-17"), [
      ["11日", "2018-07-11"],
    ]);
    // (a stay the publication falls in begins before it: 9日から11日まで滞在する予定です)
    assert.deepEqual(tag("李首相は9日から11日まで北朝鮮に滞在する予定です。", "2025-10-10"), [
      ["9日", "2025-10-09"],
      ["11日", "2025-10-11"],
    ]);
  });

  it("reads この日 as the day reported, not the date of an earlier meeting counted from", () => {
    const t =
      "両首脳が29日、慶州で会談した。対面会談は8月25日(現地時間)にホワイトハウスで開かれて以来だ。" +
      "両国政府は7月末に大枠合意した。韓国政府はこの日、金冠の模型を贈った。";
    assert.deepEqual(tag(t, "2025-10-30").at(-1), ["この日", "2025-10-29"]);
  });

  it("reads a bare month counted from past a continuative clause (1月にインドを訪問し、…会談して以来) as past", () => {
    const t =
      "安倍首相は1日、モディ首相と会談した。日印首脳会談は、首相が1月にインドを訪問し、当時のシン首相と会談して以来となる。";
    assert.deepEqual(tag(t, "2014-09-02").at(-1), ["1月", "2014-01"]);
  });

  it("reads a season word (今秋, 来春, 昨夏) as a season of this, the next or the last year", () => {
    assert.deepEqual(tag("文大統領は今秋、平壌を訪れる。習氏の来春の国賓来日。昨夏の会談。", "2018-04-28"), [
      ["今秋", "2018"],
      ["来春", "2019"],
      ["昨夏", "2017"],
    ]);
    assert.deepEqual(tag("今季の最多勝。来期の予算。", "2018-04-28"), []);
  });

  it("reads a later bare day after a day with its month in the same sentence as of that month (11月1日から…、21日に)", () => {
    const t =
      "署名式が14日に行われた。協定は、11月1日から3週間にわたって行われた交渉で、3首脳が21日に仮調印していた。";
    assert.deepEqual(tag(t, "1995-12-15").at(-1), ["21日", "1995-11-21"]);
    // an earlier day goes on to the next month (2月28日に…、1日に)
    assert.deepEqual(tag("首相は2月28日に出発し、1日に到着した。", "2019-03-03").at(-1), [
      "1日",
      "2019-03-01",
    ]);
  });

  it("reads a month after 同 (同9月) as of the year last told, not this year's", () => {
    const t =
      "両首脳の会談は、昨年7月にハンブルクで開かれたG20首脳会議の際の初会談、同9月のウラジオストクでの会談に続き3回目。";
    assert.deepEqual(tag(t, "2018-06-22"), [
      ["昨年7月", "2017-07"],
      ["同9月", "2017-09"],
    ]);
  });

  it("reads 同じ年, 同じ日 as 同年, 同日", () => {
    assert.deepEqual(tag("両国はおととし5月に合意した。同じ年の10月には局長が平壌を訪れた。", "2016-02-13"), [
      ["おととし5月", "2014-05"],
      ["同じ年の10月", "2014-10"],
    ]);
    assert.deepEqual(tag("首相は今月6日に日本を出発し、同じ日にワシントンに到着した。", "2025-02-08"), [
      ["今月6日", "2025-02-06"],
      ["同じ日", "2025-02-06"],
    ]);
  });

  it("takes no sentence (労働教化刑12年) or delay (採決が1日ずれ込んだ) for a date", () => {
    assert.deepEqual(tag("記者2人は労働教化刑12年の判決を受けていた。", "2009-08-05"), []);
    assert.deepEqual(tag("当初は1日にも採決される見通しだったが、採決が1日ずれ込んだ。", "2016-03-03"), [
      ["1日", "2016-03-01"],
    ]);
  });

  it("gives a bare day the month that puts it nearest the anchor", () => {
    assert.deepEqual(tag("1日にワシントンを訪れる見通しだ。", "2018-05-31"), [["1日", "2018-06-01"]]);
    assert.deepEqual(tag("28日に会談した。", "2015-12-29"), [["28日", "2015-12-28"]]);
  });

  it("reads a bare day opening a paragraph from the publication date, not from an aside's month before it", () => {
    const text =
      "両首脳は7日、ソウルで会談した。共同声明は、両国が3月21日に東京で交わした合意を再確認した。\n" +
      "外相は9日に記者会見を開く予定だ。";
    assert.deepEqual(tag(text, "2023-05-08"), [
      ["7日", "2023-05-07"],
      ["3月21日", "2023-03-21"],
      ["9日", "2023-05-09"],
    ]);
  });

  it("reads a speaker's きょう as the local day, not the same moment told in Japan's time", () => {
    const text =
      "首脳会談は現地時間の18日午前、日本時間の19日未明に始まった。大統領は「きょうは歴史的な日だ」と述べた。";
    assert.deepEqual(tag(text, "2023-08-19", [{ start: text.indexOf("「"), end: text.indexOf("」") + 1 }]), [
      ["18日午前", "2023-08-18"],
      ["19日未明", "2023-08-19"],
      ["きょう", "2023-08-18"],
    ]);
  });

  it("places a month alone in a report of what has happened in this year, not months ahead", () => {
    assert.deepEqual(tag("外相は1月にもモスクワを訪れ、大統領と面会している。", "2024-11-05"), [
      ["1月", "2024-01"],
    ]);
    assert.deepEqual(tag("外相は1月にもモスクワを訪れる予定だ。", "2024-11-05"), [["1月", "2025-01"]]);
    // next month may still be a plan the sentence reports on
    assert.deepEqual(tag("4月上旬で調整していた来日を延期すると発表した。", "2020-03-05"), [
      ["4月上旬", "2020-04"],
    ]);
  });

  it("keeps only the explicit date of 前日の27日, which the relative word restates", () => {
    assert.deepEqual(tag("両首脳は前日の27日夕、ハノイで会談した。", "2019-02-28"), [
      ["27日夕", "2019-02-27"],
    ]);
  });

  it("counts 前日 opening a paragraph from the day the article is about, not from an aside's day", () => {
    const text =
      "日中韓の外相は26日、釜山で会談した。外相は北朝鮮が21日に衛星を打ち上げたことを非難した。\n" +
      "日本の外相は前日、中国の外相と会談した。外相は26日に帰国する。";
    assert.equal(tag(text, "2023-11-26")[2]?.[1], "2023-11-25");
  });

  it("reads kanji numerals and two-digit years", () => {
    assert.deepEqual(tag("首相は八日朝、二十九日午前十時から会談。72年の共同声明", "2001-10-08"), [
      ["八日朝", "2001-10-08"],
      ["二十九日午前十時", "2001-09-29"],
      ["72年", "1972"],
    ]);
  });

  it("places a weekday on the nearest such day", () => {
    assert.deepEqual(tag("おそらく金曜日にワシントンに来るだろう", "2018-05-31"), [["金曜日", "2018-06-01"]]);
    assert.deepEqual(tag("週明けにも発表する", "2018-05-31"), [["週明け", "2018-06-04"]]);
    // what is still to be done is on the coming one, though a past one is nearer (Sunday the 11th: Thursday
    // the 8th is three days back, the 15th four ahead)
    const t = "大統領は11日、「木曜日にトルコで大統領を待つ」と投稿した。大統領は金曜日に会談した。";
    const q = t.indexOf("「");
    assert.deepEqual(tag(t, "2025-05-12", [{ start: q + 1, end: t.indexOf("」") }]), [
      ["11日", "2025-05-11"],
      ["木曜日", "2025-05-15"],
      ["金曜日", "2025-05-09"],
    ]);
  });

  it("reads deictic words inside a quotation from the time reported", () => {
    const t = "2019年6月の首脳会談で、首相が「来年の桜の咲く頃にお迎えしたい」と提案した。来年にも";
    const q = t.indexOf("「");
    assert.deepEqual(tag(t, "2020-03-05", [{ start: q + 1, end: t.indexOf("」") }]), [
      ["2019年6月", "2019-06"],
      ["来年", "2020"],
      ["来年", "2021"],
    ]);
  });

  it("does not tag durations, ordinals or anniversaries", () => {
    assert.deepEqual(
      tag("4年半ぶり2度目、2日間の日程で2日目の会談。国交樹立75年を迎え、24年ぶりの訪朝", "2024-06-19"),
      [],
    );
    // the party's 80th anniversary and ten years since they met are not 1980 and 2010
    assert.deepEqual(tag("党創建80年に合わせて訪朝した。", "2025-10-10"), []);
    // twenty years of conflict are no year 1920 (but 98年に合意した is 1998)
    assert.deepEqual(
      tag("20年にわたって対立が続いてきた両国は、20年に及ぶ紛争を終えた。98年に合意した。", "2018-07-10"),
      [["98年", "1998"]],
    );
    assert.deepEqual(tag("「初めて会ってから、もう10年になりますね」", "2011-08-25"), []);
    // the next ten years, and seventy years since a treaty, are no years 2010 and 1970
    assert.deepEqual(
      tag("「今後10年の協力に関するビジョン」を採択した。条約の署名から70年の節目にあたる。", "2023-04-27"),
      [],
    );
  });

  it("reads a span of years to come (次の50年に向けた) as no year", () => {
    assert.deepEqual(
      tag("首相は6日、「次の50年に向けた新たな協力のビジョンを示したい」と述べた。", "2023-09-07"),
      [["6日", "2023-09-06"]],
    );
  });

  it("places a month of what was agreed to do, in a sentence about the past, in the months ahead; reads 有効期間10年, 今後の20年 as no years", () => {
    assert.deepEqual(
      tag(
        "両首脳は5日、ツアーをことし10月末から11月初めにかけて試験的に実施することで一致しました。有効期間10年の数次ビザ、今後の20年に向けた土台。",
        "2019-09-05",
      ),
      [
        ["5日", "2019-09-05"],
        ["ことし10月末", "2019-10"],
        ["11月初め", "2019-11"],
      ],
    );
  });

  it("places a month to come in a clause of its own, in a sentence about the past, in the months ahead", () => {
    assert.deepEqual(
      tag(
        "両首脳は23日、10月末から慶州で開かれるAPEC首脳会議の成功に向けて協力することで一致した。",
        "2025-08-24",
      ),
      [
        ["23日", "2025-08-23"],
        ["10月末", "2025-10"],
      ],
    );
  });

  it("places a month and day the text counts from in the past, and a bare day after it in the publication's month", () => {
    assert.deepEqual(
      tag(
        "両首脳が直接会うのは、プーチン氏が訪中した2月4日以来。\n\n習氏が2020年1月にミャンマーを訪れて以来の外遊となる。習氏は14日にカザフスタンを訪問した。",
        "2022-09-16",
      ),
      [
        ["2月4日", "2022-02-04"],
        ["2020年1月", "2020-01"],
        ["14日", "2022-09-14"],
      ],
    );
    // (the date counted from does not make the paragraph's bare days count from the last day told)
    assert.deepEqual(
      tag(
        "ペロシ氏は8月3日に台湾を訪れた。\n\n習氏が2020年1月にミャンマーを訪れて以来の外遊となる。習氏は14日にカザフスタンを訪問した。",
        "2022-09-16",
      ).at(-1),
      ["14日", "2022-09-14"],
    );
  });

  it("leaves the narration's day where it was after a day before told in a pluperfect (前日、…と述べていた)", () => {
    assert.deepEqual(
      tag(
        "文大統領は24日午後、安倍首相と会談した。安倍首相は前日、記者団に「…」と述べていた。\n\nこれに先立ち、3首脳は同日午前、首脳会議を開いた。",
        "2019-12-24",
      ),
      [
        ["24日午後", "2019-12-24"],
        ["前日", "2019-12-23"],
        ["同日午前", "2019-12-24"],
      ],
    );
  });

  it("leaves the narration's day where it was after a day before that dates a noun (前日に…と行った首脳会談の結果)", () => {
    assert.deepEqual(
      tag(
        "文在寅大統領は27日、前日に板門店で金正恩国務委員長と行った2回目の南北首脳会談の結果を発表した。文大統領はこの日午前10時、記者会見を開いた。",
        "2018-05-27",
      ),
      [
        ["27日", "2018-05-27"],
        ["前日", "2018-05-26"],
        ["この日午前10時", "2018-05-27"],
      ],
    );
  });

  it("reads a two-digit year in kanji as older newspapers set it (九三年十月)", () => {
    assert.deepEqual(tag("細川護熙首相とエリツィン大統領が九三年十月に東京で署名した。", "1997-11-03"), [
      ["九三年十月", "1993-10"],
    ]);
  });

  it("places a month whose own clause tells what was done in the past, whatever the sentence ends with (6月に…開かれた第3回会合を最後に中断したままだ)", () => {
    assert.deepEqual(tag("6か国協議は、6月に北京で開かれた第3回会合を最後に中断したままだ。", "2004-12-18"), [
      ["6月", "2004-06"],
    ]);
  });

  it("gives the days of a week named from the publication's (来週, 今週後半, 再来週前半, 先週末), weeks from Monday", () => {
    // (2006-10-15 is a Sunday)
    const days = (text: string) => Object.values(weekNamed(text, "2006-10-15") ?? {});
    assert.deepEqual(days("来週、日本を訪れる"), ["2006-10-16", "2006-10-22"]);
    assert.deepEqual(days("今週後半に"), ["2006-10-12", "2006-10-15"]);
    assert.deepEqual(days("再来週前半にも"), ["2006-10-23", "2006-10-25"]);
    assert.deepEqual(days("先週末に"), ["2006-10-06", "2006-10-08"]);
    assert.deepEqual(days("10月20日に"), []);
  });

  it("keeps the hour of a date told only in Japan's time, and gives the local day of that moment elsewhere", () => {
    const [alone, restated] = tagTimex(
      "会談は日本時間の7日午後9時すぎから。18日午前(日本時間19日未明)に始まった。",
      {
        published: "2010-12-07",
      },
    ).filter((t) => t.text !== "18日午前");
    assert.equal(alone!.japanHour, 21);
    // (told besides the local day, it dates nothing, so no hour is kept)
    assert.equal(restated!.japanHour, undefined);
    assert.deepEqual(["7日未明", "7日早朝", "7日朝", "7日午前", "7日午後3時", "7日夜", "7日"].map(hourOf), [
      3,
      6,
      8,
      10,
      15,
      20,
      undefined,
    ]);
    const day = { year: 2010, month: 12, day: 7 };
    // Washington (UTC−5) before dawn in Japan is the evening before; Singapore (UTC+8) the same morning
    assert.deepEqual(localDayOf(day, 3, -5), { year: 2010, month: 12, day: 6 });
    assert.deepEqual(localDayOf(day, 10, 8), day);
    // late at night in Japan is already the next day in New Zealand (UTC+12)
    assert.deepEqual(localDayOf(day, 23, 12), { year: 2010, month: 12, day: 8 });
  });

  it("places a month and day opening a paragraph in the publication's weeks, after an aside about another year", () => {
    assert.deepEqual(
      tag(
        "協定は2022年1月6日に署名された。\n岸田首相は、1月9日から15日までの日程で欧州を訪問している。",
        "2023-01-12",
      ),
      [
        ["2022年1月6日", "2022-01-06"],
        ["1月9日", "2023-01-09"],
        ["15日", "2023-01-15"],
      ],
    );
    // (within the aside's own paragraph, the aside's year still holds)
    assert.deepEqual(tag("協定は2022年1月6日に署名され、1月9日に発効した。", "2023-01-12")[1], [
      "1月9日",
      "2022-01-09",
    ]);
  });

  it("places a bare day in the month of the past day just given in its sentence, though that was an aside (先月10日…12日)", () => {
    const text =
      "大統領は1月20日に就任した。米中は先月10日から2日間、ジュネーブで協議を開き、12日に発表した共同声明で合意した。";
    assert.deepEqual(tag(text, "2025-06-07").slice(1), [
      ["先月10日", "2025-05-10"],
      ["12日", "2025-05-12"],
    ]);
    // (a plan's day is no such anchor: 来月12日に予定されていたが、翌25日には…)
    assert.deepEqual(
      tag(
        "大統領は24日、来月12日に予定されていた会談の中止を通告したが、翌25日には再開に含みを持たせた。",
        "2018-05-27",
      ).map((t) => t[1]),
      ["2018-05-24", "2018-06-12", "2018-05-25"],
    );
  });

  it("places 翌18日 on the day after the day just told, though that was an aside (昨年12月17日)", () => {
    assert.deepEqual(
      tag(
        "両首脳は1日、会談した。事件は昨年12月17日に起きた。首相は翌18日に大統領と電話で会談した。",
        "1997-02-02",
      ).map((t) => t[1]),
      ["1997-02-01", "1996-12-17", "1996-12-18"],
    );
  });

  it("places a bare day whose own clause puts it to come (15日から…開かれる) no earlier than the publication", () => {
    const text =
      "独政府は10月26日、出資を承認した。両首脳は、15日から2日間の日程でバリ島で開かれる首脳会議に出席する。";
    assert.deepEqual(tag(text, "2022-11-04")[1], ["15日", "2022-11-15"]);
  });

  it("places 同12日 and 同月12日 in the month last told, whatever day was told last", () => {
    const text =
      "大統領は今月7日に声明を出した。3月上旬に書簡を送り、書簡は同12日に届いた。同月20日にも送った。";
    assert.deepEqual(tag(text, "2025-04-13").slice(2), [
      ["同12日", "2025-03-12"],
      ["同月20日", "2025-03-20"],
    ]);
  });

  it("keeps 同日 at the narration's day after a day that tells when the subject began (4日に始まった会議は同日)", () => {
    const text =
      "両外相は6日、クアラルンプールで会談した。4日に始まった一連の外相会議は同日、最終日を迎えた。";
    assert.deepEqual(tag(text, "2015-08-07").slice(1), [
      ["4日", "2015-08-04"],
      ["同日", "2015-08-06"],
    ]);
  });

  it("places the days of a paragraph that opens on a day of another year in that year, and only there", () => {
    const text = [
      "オバマ米大統領は21日、ハバナでカストロ議長と会談した。",
      "昨年4月11日には、パナマで両首脳が初めて会談した。7月20日には双方の首都で大使館が再開した。",
      "オバマ氏は6月10日に再びキューバを訪れる予定だ。",
    ].join("\n");
    assert.deepEqual(tag(text, "2016-03-22"), [
      ["21日", "2016-03-21"],
      ["昨年4月11日", "2015-04-11"],
      ["7月20日", "2015-07-20"],
      ["6月10日", "2016-06-10"],
    ]);
  });

  it("places a bare day of what was done in the past month with its year the narration moved to", () => {
    const text = "対立が動いたのは2014年12月だ。両首脳は16日に電話で協議し、翌17日、交渉の開始を発表した。";
    assert.deepEqual(tag(text, "2016-03-22").slice(1), [
      ["16日", "2014-12-16"],
      ["翌17日", "2014-12-17"],
    ]);
    // (not in a month to come, nor for what is still to come)
    assert.deepEqual(
      tag("首脳会談は2016年5月に開く方向だ。両首脳は20日に電話で協議した。", "2016-03-22")[1],
      ["20日", "2016-03-20"],
    );
    assert.deepEqual(tag("対立が動いたのは2016年1月だ。両首脳は25日に会談する。", "2016-03-22")[1], [
      "25日",
      "2016-03-25",
    ]);
  });

  it("places a bare day that repeats the narration's day after an aside about a past month at the news", () => {
    const text =
      "両首相は13日、共同宣言に署名した。1998年10月には当時の首相が同様の宣言に署名している。官房長官は13日夕の記者会見で「前進だ」と述べた。";
    assert.deepEqual(tag(text, "2001-03-14"), [
      ["13日", "2001-03-13"],
      ["1998年10月", "1998-10"],
      ["13日夕", "2001-03-13"],
    ]);
  });

  it("goes on about a planned day a paragraph opens on again (…3日午前の式典に出席する。¶ 3日午後に移動し), not about a past one", () => {
    const planned =
      "大統領は9月3日の記念式典に出席するため、2日から4日まで訪中する予定だ。大統領は3日午前の式典に出席する。\n大統領は3日午後に上海に移動し、4日に開かれる行事に出席する方向で調整している。";
    assert.deepEqual(tag(planned, "2015-08-20").slice(-3), [
      ["3日午前", "2015-09-03"],
      ["3日午後", "2015-09-03"],
      ["4日", "2015-09-04"],
    ]);
    // (a sentence in the past tense is not about that day: the 7th before the publication)
    const past =
      "首相は5月7日の就任式の後、中国を訪れる可能性がある。\n一方、財務長官は7日に北京で首相と会談した。";
    assert.deepEqual(tag(past, "2024-04-09").slice(-1), [["7日", "2024-04-07"]]);
  });

  it("places a day told in the local time of the news (6日(米国時間)) near the publication, not in an aside's month", () => {
    const text =
      "米朝交渉は、6月12日にシンガポールで開かれた初の首脳会談の後、停滞している。大統領は6日(米国時間)、ツイッターに投稿した。";
    assert.deepEqual(tag(text, "2018-09-07"), [
      ["6月12日", "2018-06-12"],
      ["6日", "2018-09-06"],
    ]);
  });

  it("places a plan's bare day in the news's weeks, not in the month of a past day told weeks before (…予定だ)", () => {
    const text =
      "両首脳は3日、会談を終えた。\n11月9日にベルリンの壁が開放されるなど、情勢が激変する中での会談となった。大統領は4日、ブリュッセルで首脳会議に臨む予定だ。";
    assert.deepEqual(tag(text, "1989-12-04").slice(1), [
      ["11月9日", "1989-11-09"],
      ["4日", "1989-12-04"],
    ]);
  });

  it("reads a report of what was heard (…があったという) in the tense before it: 同日 of a past deed is no later plan's day", () => {
    const text =
      "首相は17日、会合を中止すると発表した。首脳は19日から広島で開かれる会議に合わせて会合を開く。同氏によると、大統領から同日早朝に電話で連絡があったという。";
    assert.deepEqual(tag(text, "2023-05-17"), [
      ["17日", "2023-05-17"],
      ["19日", "2023-05-19"],
      ["同日早朝", "2023-05-17"],
    ]);
  });

  it("ends a span in the month it starts, however far ahead (来年2月18日から21日まで)", () => {
    const text = "双方は13日、合意書に署名した。次の会談は来年2月18日から21日まで平壌で開く。";
    assert.deepEqual(tag(text, "1991-12-14").slice(1), [
      ["来年2月18日", "1992-02-18"],
      ["21日", "1992-02-21"],
    ]);
  });

  it("does not take 同日 for the first day of a stay that describes who acted (10日から…滞在していた首相らは同日)", () => {
    const text =
      "両首相は13日午前、合意書に署名した。10日からソウルに滞在していた首相ら代表団は同日午後、帰還した。";
    assert.deepEqual(tag(text, "1991-12-14").slice(1), [
      ["10日", "1991-12-10"],
      ["同日午後", "1991-12-13"],
    ]);
  });

  it("places a month-day by the publication, not by a day planned later in its year (…8月15日までに。…2月8日、…表明)", () => {
    const text =
      "ソ連軍は5月15日から撤退を始め、8月15日までに半数が撤退する。\n書記長は2月8日、撤退を始めると表明。今月上旬には大統領と会談し、7日、共同声明を発表していた。";
    assert.deepEqual(tag(text, "1988-04-15"), [
      ["5月15日", "1988-05-15"],
      ["8月15日", "1988-08-15"],
      ["2月8日", "1988-02-08"],
      ["今月上旬", "1988-04"],
      // (a bare day after the publication's month told in its sentence is of that month)
      ["7日", "1988-04-07"],
    ]);
  });

  it("takes この日 after a sentence opening on a day of this month (今月18日には、) as that day", () => {
    const text =
      "会議は30日に開幕した。今月18日には、米ソ外相が会談し、招請状を送ると発表。ソ連はこの日、外交関係を回復した。";
    assert.deepEqual(tag(text, "1991-10-31").slice(1), [
      ["今月18日", "1991-10-18"],
      ["この日", "1991-10-18"],
    ]);
    // (one told in passing mid-sentence is still an aside: 同日 is the narration's day)
    const aside =
      "両首脳は30日に会談した。首相は今月18日に訪れた都市で演説した。両首脳は同日夜、夕食を共にした。";
    assert.deepEqual(tag(aside, "1991-10-31")[2], ["同日夜", "1991-10-30"]);
  });

  it("keeps この日 at the narration's day after a day that tells when the subject began (8日に本格化した戦闘は)", () => {
    const text =
      "大統領は12日、首相と会談した。8日に本格化した戦闘は、停戦に向けて動き出した。トビリシにはこの日、各国の首脳も駆けつけた。";
    assert.deepEqual(tag(text, "2008-08-13").slice(1), [
      ["8日", "2008-08-08"],
      ["この日", "2008-08-12"],
    ]);
  });

  it("counts 今月 from the dateline's day when the story was filed the day before publication", () => {
    const text = "【ニューヨーク30日共同】両外相は30日、会談した。外相は今月初めに平壌を訪れていた。";
    assert.deepEqual(tag(text, "1990-10-01"), [
      ["30日", "1990-09-30"],
      ["30日", "1990-09-30"],
      ["今月初め", "1990-09"],
    ]);
  });

  it("places a month urged to come (11月中に始めるよう勧告する) after the day told, in a sentence of what was done", () => {
    const text = "3党は8日、政府間交渉を11月中に始めるよう両国政府に勧告する共同宣言に署名した。";
    assert.deepEqual(tag(text, "1990-09-10")[1], ["11月中", "1990-11"]);
  });

  it("reads no calendar year in a fiscal year (今年度, 来年度)", () => {
    assert.deepEqual(
      tag("今年度で終了するODAに代わり、来年度から新たな枠組みを設ける。今年の夏にも", "2018-10-26"),
      [["今年の夏", "2018"]],
    );
  });

  it("reports a bare day that is nearly as close to two months as ambiguous", () => {
    const [t] = tagTimex("16日に会談する。", { published: "2024-06-01" });
    assert.equal(t!.value, "2024-06-16");
    assert.equal(t!.alternative, "2024-05-16");
  });

  it("resolves nothing that needs a missing publication date", () => {
    assert.deepEqual(tag("きょう、19日に会談した。2023年9月", null), [["2023年9月", "2023-09"]]);
  });
});
