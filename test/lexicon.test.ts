import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildGazetteer, findMentions } from "../src/extract/mentions.js";
import { unlistedTitles } from "../src/extract/unlisted-titles.js";
import { Lexicon, loadLexicon } from "../src/lexicon/lexicon.js";
import { LexiconError, loadLexiconData } from "../src/lexicon/load.js";
import { resolveMentions } from "../src/resolve/actors.js";

const lex = loadLexicon();
const gaz = buildGazetteer(lex);

/** Who each person mention in the text is, on the given date. */
function who(text: string, date: string, l: Lexicon = lex): string[] {
  const mentions = findMentions(text, l, l === lex ? gaz : buildGazetteer(l));
  return resolveMentions(mentions, l, { dateAt: () => date, text })
    .filter((r) => r.mention.kind === "person")
    .map((r) => r.actors.map((a) => a.id).join("+") || "?");
}

describe("lexicon", () => {
  it("covers Northeast-Asian diplomacy with offices and their periods", () => {
    assert.ok(lex.people.size >= 200, `${lex.people.size} people`);
    for (const id of ["PRK", "KOR", "RUS", "CHN", "USA", "JPN"]) assert.ok(lex.states.has(id), id);
    const kim = lex.people.get("kim-jong-un")!;
    assert.equal(kim.name.ja, "金正恩");
    assert.ok(kim.offices.length >= 3);
  });

  it("names people also without the diacritics or the Jr. of their English names (Lech Kaczynski, Lula, Yasay)", () => {
    const kaczynski = lex.people.get("lech-kaczynski")!;
    assert.ok(lex.namesOf("person", kaczynski.id).includes("Lech Kaczynski"));
    assert.ok(lex.namesOf("person", "luiz-inacio-lula-da-silva").includes("Luiz Inacio Lula da Silva"));
    const yasay = [...lex.people.values()].find((p) => p.name.en === "Perfecto Yasay Jr.")!;
    assert.ok(lex.namesOf("person", yasay.id).includes("Perfecto Yasay"));
  });

  it("knows one-letter abbreviations for compounds (露朝, 日米韓)", () => {
    const m = findMentions("露朝首脳会談と日米韓3か国の連携", lex, gaz).filter((x) => x.kind === "group");
    assert.deepEqual(
      m.map((x) => x.members),
      [
        ["RUS", "PRK"],
        ["JPN", "USA", "KOR"],
      ],
    );
  });

  it("reads a name the lexicon lacks whole where it begins with one it has and runs on to its reading (金一哲(キム・イルチョル))", () => {
    assert.deepEqual(who("平壌で金一哲(キム・イルチョル)人民武力相と会談した。", "2007-11-28"), [
      "unresolved:金一哲",
    ]);
    // (a title or 氏 after a name the lexicon has is no part of it)
    assert.deepEqual(who("金正恩氏(キム・ジョンウン)と李克強首相(リー・コーチアン)", "2015-01-01"), [
      "kim-jong-un",
      "kim-jong-un",
      "li-keqiang",
    ]);
  });

  it("reads 南北朝鮮 as the two Koreas, not as 南 before 北朝鮮", () => {
    const resolved = resolveMentions(findMentions("南北朝鮮と日米中ロの六カ国協議", lex, gaz), lex, {
      dateAt: () => "2003-08-29",
      text: "",
    }).map((r) => r.actors.map((a) => a.id).join("+"));
    assert.deepEqual(resolved, ["KOR+PRK", "JPN+USA+CHN+RUS"]);
  });
});

describe("mentions and title-over-time resolution", () => {
  it("resolves katakana and kanji spellings of one person, with or without ・", () => {
    assert.deepEqual(who("キム・ジョンウン総書記と金正恩氏、キムジョンウン氏", "2024-06-19"), [
      "kim-jong-un",
      "kim-jong-un",
      "kim-jong-un",
    ]);
  });

  it("reads キム・ジョンウン(金正恩) and its bracketless form as one person", () => {
    assert.deepEqual(who("キム・ジョンウン金正恩朝鮮労働党委員長と会談", "2018-05-31"), ["kim-jong-un"]);
  });

  it("reads two katakana words it knows where they touch, but no name inside a katakana word", () => {
    const surfaces = (t: string) => gaz.findAll(t).map((m) => m.surface);
    assert.deepEqual(surfaces("ゼレンスキーウクライナ大統領"), ["ゼレンスキー", "ウクライナ", "大統領"]);
    assert.deepEqual(surfaces("トランプカードで遊ぶ"), []);
    assert.deepEqual(surfaces("プーチンロシアンルーレット"), []);
  });

  it("resolves a surname with a title to whoever held the title then", () => {
    assert.deepEqual(who("金委員長は", "2018-05-31"), ["kim-jong-un"]);
    assert.deepEqual(who("金総書記は", "2002-09-17"), ["kim-jong-il"]);
    assert.deepEqual(who("金総書記は", "2023-09-13"), ["kim-jong-un"]);
    assert.deepEqual(who("林官房長官は", "2024-06-19"), ["yoshimasa-hayashi"]);
  });

  it("resolves a title alone from the discourse, else from the default office", () => {
    assert.deepEqual(who("小泉純一郎首相は八日朝に出発した。首相は同日午後に会談する。", "2001-10-08"), [
      "junichiro-koizumi",
      "junichiro-koizumi",
    ]);
    assert.deepEqual(who("首相は記者団に語った。", "2015-12-28"), ["shinzo-abe"]);
    assert.deepEqual(who("米国務長官は", "2018-05-31"), ["mike-pompeo"]);
  });

  it("reads a former title with its state between (ヤヌコビッチ前ウクライナ大統領) as the name's, not the office's", () => {
    assert.deepEqual(
      who(
        "オバマ大統領は、ヤヌコビッチ前ウクライナ大統領らに制裁を科した。大統領は声明を出した。",
        "2014-03-18",
      ),
      ["barack-obama", "viktor-yanukovych", "barack-obama"],
    );
  });

  it("resolves 同氏 and 両首脳 from the discourse", () => {
    assert.deepEqual(
      who("プーチン大統領とキム総書記が会談した。両首脳は握手した。同氏は述べた。", "2024-06-19"),
      ["vladimir-putin", "kim-jong-un", "vladimir-putin+kim-jong-un", "kim-jong-un"],
    );
  });

  it("reads 両者 after a meeting as those who met, not the sender of a letter handed over there", () => {
    const ids = who(
      "ロシアのラブロフ外相は19日、金総書記と会談し、プーチン大統領の親書を手渡した。両者は意見を交わした。",
      "2023-10-20",
    );
    assert.equal(ids[ids.length - 1], "sergei-lavrov+kim-jong-un");
  });

  it("reads 両国 as two states named together after the people, else as the people's states", () => {
    const both = (text: string) =>
      resolveMentions(findMentions(text, lex, gaz), lex, { dateAt: () => "2024-11-04", text })
        .filter((r) => r.mention.anaphor === "both-states")
        .map((r) => r.actors.map((a) => a.id).join("+"));
    const pair = "ミラー報道官は「ロシアと北朝鮮の軍事協力を懸念している」と述べ、両国を非難した。";
    assert.deepEqual(both(`チェ外相はプーチン大統領と面会した。${pair}`), ["RUS+PRK"]);
    // states named apart, not together, do not replace the two leaders just reported
    assert.deepEqual(
      both("金大統領は森総理と会談した。米国のみならず日本との関係改善のために両国が協力する。"),
      ["KOR+JPN"],
    );
    // with one person of one state since, the two named together, not the last two named
    assert.deepEqual(
      both(
        "タイとカンボジアの首脳は28日、議長国マレーシアのプトラジャヤで、アンワル首相の仲介により会談した。両国は29日に会合を開く。",
      ),
      ["THA+KHM"],
    );
  });

  it("reads 両首相 as the two last written as prime minister, an acting one too (フン・マネット首相と、タイのプムタム首相代行)", () => {
    const ids = who(
      "アンワル首相が仲介した。会談にはカンボジアのフン・マネット首相と、タイのプムタム首相代行が出席した。両首相はそれぞれマレーシア入りした。",
      "2025-07-29",
    );
    assert.equal(ids[ids.length - 1], "hun-manet+phumtham-wechayachai");
  });

  it("reads 両外相 as the two foreign ministers whatever each one's title (外務大臣, 国務長官)", () => {
    assert.deepEqual(
      who("岩屋外務大臣がルビオ国務長官と会談する。両外相は先月も電話で会談した。", "2025-06-11"),
      ["takeshi-iwaya", "marco-rubio", "takeshi-iwaya+marco-rubio"],
    );
  });

  it("reads a second title after 兼 as the same person's (王毅共産党政治局員兼外相)", () => {
    assert.deepEqual(who("ラブロフ氏は9日、王毅共産党政治局員兼外相と会談した。", "2024-04-12"), [
      "sergei-lavrov",
      "wang-yi",
    ]);
    // …past the name's reading too: not a foreign minister named by title alone
    assert.deepEqual(
      who("岩屋毅外相は25日、中国の王毅(ワン・イー)共産党政治局員兼外相と会談した。", "2024-12-26"),
      ["takeshi-iwaya", "wang-yi"],
    );
  });

  it("reads a title that ends a longer word or follows an unknown name as no one's bare title", () => {
    // 部長 alone is China's foreign minister; 国際部長 of North Korea and 官房副長官 of Japan are not
    assert.ok(!who("平壌で北朝鮮の金成男国際部長と会談した。", "2024-05-16").includes("wang-yi"));
    assert.ok(!who("安倍晋三官房副長官が同行した。", "2002-09-17").includes("richard-armitage"));
    // an unknown name before 首相 is not whoever is prime minister on the day
    assert.deepEqual(who("沖縄返還を決めた佐藤栄作首相の時代。", "2024-05-16"), []);
    // a former holder is not the one in office on the day: by name, by surname (the last to leave, not
    // the surname 元 of 元喜龍), or by title alone (no one)
    assert.deepEqual(who("岸田文雄前首相が訪米した。", "2024-12-01"), ["fumio-kishida"]);
    // of namesakes, the one who held the former title (not the one holding another office that day)
    assert.deepEqual(who("クリントン元米大統領が訪朝した。", "2009-08-05"), ["bill-clinton"]);
    assert.deepEqual(who("安倍元首相の国葬が営まれた。", "2022-09-27"), ["shinzo-abe"]);
    assert.deepEqual(who("菅前首相が訪中した。", "2024-12-01"), ["yoshihide-suga"]);
    assert.deepEqual(who("前首相が訪中した。", "2024-12-01"), ["?"]);
    // former as of the writing, whenever the sentence is dated: 菅前総理大臣 in October 2021 told of April is Suga,
    // who had left by then, not Kan
    const april = findMentions("菅前総理大臣は4月にワシントンを訪れた。", lex, gaz);
    assert.deepEqual(
      resolveMentions(april, lex, { dateAt: () => "2021-04", published: "2021-10-05", text: "" }).map((r) =>
        r.actors.map((a) => a.id).join("+"),
      ),
      ["yoshihide-suga", ""],
    );
    // prefixes that leave the title its holder's: concurrent, party
    assert.deepEqual(who("ラブロフ氏は王毅国務委員兼外相と会談した。", "2020-10-01"), [
      "sergei-lavrov",
      "wang-yi",
    ]);
    assert.deepEqual(who("グエン・フー・チョン共産党書記長と会談した。", "2019-02-27"), ["nguyen-phu-trong"]);
  });

  it("reads a title standing alone as whom it named before, not as another holder of it named since", () => {
    assert.deepEqual(
      who(
        "安倍晋三首相は24日、会談した。首相は解決策を求めた。李克強首相の主催で会議が開かれた。首相は習氏と会談した。",
        "2019-12-24",
      ),
      ["shinzo-abe", "shinzo-abe", "li-keqiang", "shinzo-abe", "xi-jinping"],
    );
  });

  it("reads 西独首相 as West Germany's chancellor, not Japan's prime minister (コール西独首相 in 1990)", () => {
    assert.deepEqual(
      who("ソ連を訪問中のコール西独首相は16日、ゴルバチョフ大統領と会談した。", "1990-07-17"),
      ["helmut-kohl", "mikhail-gorbachev"],
    );
  });

  it("reads 副首相 standing alone as the vice premier named before it (鄧副首相 in 1978)", () => {
    assert.deepEqual(who("鄧副首相は22日に来日した。副首相は23日、天皇陛下と会見した。", "1978-10-24"), [
      "deng-xiaoping",
      "deng-xiaoping",
      "emperor-showa",
    ]);
  });

  it("reads a bare 首相 as Japan's prime minister, once named, though another state's premier was named since", () => {
    assert.deepEqual(
      who("安倍晋三首相は15日、中国の李克強首相と会談した。首相は会議で結束を呼びかけた。", "2016-07-15"),
      ["shinzo-abe", "li-keqiang", "shinzo-abe"],
    );
  });

  it("reads a bare 大統領 as the president it was last written after, not one named since by 氏 alone", () => {
    assert.deepEqual(
      who(
        "オバマ大統領は、プーチン氏の側近ら7人に制裁を科す大統領令に署名した。大統領はホワイトハウスで演説した。",
        "2014-03-17",
      ),
      ["barack-obama", "vladimir-putin", "barack-obama"],
    );
    // …and one who holds the office on the day: プーチン大統領 of 2002, prime minister in 2011, is not it
    assert.deepEqual(
      who(
        "2002年に金総書記とプーチン大統領が会談した。金総書記はメドベージェフ大統領と会談した。メドベージェフ氏は会談後に語った。大統領はこれを受け入れた。",
        "2011-08-24",
      ),
      [
        "kim-jong-il",
        "vladimir-putin",
        "kim-jong-il",
        "dmitry-medvedev",
        "dmitry-medvedev",
        "dmitry-medvedev",
      ],
    );
  });

  it("reads no katakana surname at the end of a longer katakana word (ヨンホ外相 is not ホ外相, Huh Chung)", () => {
    assert.ok(!who("ヨンホ外相はトランプ大統領と会談した。", "2018-06-13").includes("huh-chung"));
  });

  it("reads a given name with 氏 as the one of the lexicon just named in full (フィデル・カストロ前議長…フィデル氏)", () => {
    assert.deepEqual(
      who(
        "安倍首相はフィデル・カストロ前議長の自宅を訪れた。フィデル氏は2003年に日本を訪れた。",
        "2016-09-22",
      ),
      ["shinzo-abe", "fidel-castro", "fidel-castro"],
    );
  });

  it("reads a short form of a title (林長官) as the one of that surname just named, not another who held that word's office", () => {
    // 林炳稷, South Korea's foreign minister (外務部長官) of 1948–51, is also 林 with the title 長官
    assert.deepEqual(
      who(
        "林官房長官は8日の記者会見で、首相の訪問を発表した。林長官は「協力を深めたい」と述べた。",
        "2024-08-08",
      ),
      ["yoshimasa-hayashi", "fumio-kishida", "yoshimasa-hayashi"],
    );
  });

  it("reads N foreign ministers (五カ国の外相, 3外相) as those last named, else the states of the N leaders, never Japan's", () => {
    assert.deepEqual(
      who(
        "インドネシアのスハルト大統領、マレーシアのフセイン・オン首相、フィリピンのマルコス大統領、" +
          "シンガポールのリー・クアンユー首相、タイのククリット・プラモート首相の五首脳は署名した。" +
          "議題は、五カ国の外相がパタヤで開いた外相会議で詰めた。",
        "1976-02-25",
      ).slice(-2),
      ["suharto+hussein-onn+ferdinand-marcos+lee-kuan-yew+kukrit-pramoj", "IDN+MYS+PHL+SGP+THA"],
    );
    assert.deepEqual(
      who(
        "上川陽子外相と中国の王毅外相、韓国の朴振外相は26日、会談した。3外相は協力を確認した。",
        "2023-11-27",
      ),
      ["yoko-kamikawa", "wang-yi", "park-jin", "yoko-kamikawa+wang-yi+park-jin"],
    );
    // 両国の外相: the two states' ministers, as 両国 is those states
    assert.deepEqual(
      who(
        "インドのバジパイ首相とパキスタンのシャリフ首相は21日、宣言に署名した。両首脳は、両国の外相が定期的に会談することでも合意した。",
        "1999-02-22",
      ).slice(-1),
      ["IND+PAK"],
    );
  });

  it("reads a surname and title as no one of that surname who never held the office (中曽根首相 in 1984)", () => {
    // a lexicon that knows 中曽根弘文, the foreign minister, and not 中曽根康弘, the prime minister
    const own = mkdtempSync(join(tmpdir(), "kaidan-surname-"));
    mkdirSync(join(own, "people"));
    writeFileSync(
      join(own, "people", "only-the-son.yaml"),
      "- id: hirofumi-nakasone-only\n  name: { en: Hirofumi Nakasone, ja: 中曽根弘文 }\n  surname: [中曽根]\n" +
        "  country: JPN\n  offices:\n    - { office: jpn-foreign-minister, from: 2008-09-24, to: 2009-09-16 }\n",
    );
    const data = loadLexiconData([own]);
    data.people = data.people.filter((p) => !p.id.endsWith("-nakasone"));
    const l = new Lexicon(data);
    assert.deepEqual(who("中曽根外相は7日、会談した。", "2009-01-07", l), ["hirofumi-nakasone-only"]);
    assert.notDeepEqual(who("中曽根首相は7日、会談した。", "1984-09-07", l), ["hirofumi-nakasone-only"]);
  });

  it("reads the words official titles end on from stopwords.yaml, with a user's added (title_endings)", () => {
    const own = mkdtempSync(join(tmpdir(), "kaidan-titles-"));
    writeFileSync(join(own, "stopwords-mine.yaml"), "title_endings: [補佐役]\n");
    const bundled = unlistedTitles(lex);
    const extended = unlistedTitles(new Lexicon(loadLexiconData([own])));
    assert.equal(bundled.afterName.exec("アジア大洋州局長は")?.[0], "アジア大洋州局長");
    assert.equal(bundled.afterName.exec("首席補佐役は"), null);
    assert.equal(extended.afterName.exec("首席補佐役は")?.[0], "首席補佐役");
    assert.equal(extended.afterName.exec("アジア大洋州局長は")?.[0], "アジア大洋州局長");
  });

  it("reads a title after a person and の as someone of that person's state, not the holder of that title elsewhere (金正日総書記の特使)", () => {
    // (the lexicon's US special envoy for Korean peace talks holds a title written 特使)
    assert.deepEqual(who("北朝鮮の金正日総書記の特使が訪米した。", "2000-10-10"), ["kim-jong-il", "PRK"]);
    assert.deepEqual(who("特使が訪朝した。", "1998-01-10"), ["charles-kartman"]);
  });

  it("keeps names the lexicon lacks as unresolved actors", () => {
    const text = "ボルトニク氏は述べた。";
    const [r] = resolveMentions(findMentions(text, lex, gaz), lex, { dateAt: () => "2024-01-01", text });
    assert.equal(r!.actors[0]!.resolved, false);
    assert.equal(r!.actors[0]!.id, "unresolved:ボルトニク");
  });

  it("reads a body qualified by another state as that state's own (北朝鮮の外務省 is not Japan's)", () => {
    const bodies = (text: string) =>
      resolveMentions(findMentions(text, lex, gaz), lex, { dateAt: () => "2025-03-23", text })
        .filter((r) => r.mention.kind === "organization")
        .map((r) => r.actors.map((a) => a.id).join("+") || "?");
    assert.deepEqual(bodies("外務省は23日、談話を発表した。"), ["jpn-mofa"]);
    assert.deepEqual(bodies("北朝鮮の外務省は23日、談話を発表した。"), ["prk-mfa"]);
    assert.deepEqual(bodies("ロシア外務省と中国の外務省が非難した。"), ["rus-mfa", "chn-mfa"]);
    // a state whose ministry the lexicon does not list: not Japan's ministry either
    assert.deepEqual(bodies("イランの外務省は声明を発表した。"), ["?"]);
  });
});

describe("user lexicons", () => {
  const dir = mkdtempSync(join(tmpdir(), "kaidan-lex-"));

  it("extend a bundled person and add new people without code", () => {
    mkdirSync(join(dir, "people"), { recursive: true });
    writeFileSync(
      join(dir, "people", "mine.yaml"),
      [
        "- id: kim-jong-un",
        "  name: { en: Kim Jong Un, ja: 金正恩 }",
        "  aliases: [将軍様]",
        "- id: jane-roe",
        "  name: { en: Jane Roe, ja: ジェーン・ロウ }",
        "  aliases: [ロウ]",
        "  country: USA",
        "  died: 2040-02-01",
        "  offices: [{ office: usa-secretary-of-state, from: 2031-01-20 }]",
      ].join("\n"),
    );
    const mine = new Lexicon(loadLexiconData([dir]));
    assert.deepEqual(who("将軍様は", "2024-01-01", mine), ["kim-jong-un"]);
    assert.deepEqual(who("米国務長官は", "2031-05-01", mine), ["jane-roe"]);
    assert.equal(mine.people.get("jane-roe")?.died, "2040-02-01");
    assert.equal(
      mine.people.get("kim-jong-un")?.died,
      undefined,
      "extending an entry keeps what it did not say",
    );
  });

  it("add an agreement whose name does not say whose it is, and reject one of fewer than two parties", () => {
    const own = mkdtempSync(join(tmpdir(), "kaidan-agree-"));
    writeFileSync(
      join(own, "agreements-mine.yaml"),
      "- id: moscow-declaration-2001\n  name: { en: Moscow Declaration, ja: 朝露モスクワ宣言 }\n  aliases: [モスクワ宣言]\n  parties: [RUS, PRK]\n  signed: 2001-08-04\n",
    );
    const mine = new Lexicon(loadLexiconData([own]));
    assert.deepEqual(mine.agreements.get("モスクワ宣言")?.parties, ["RUS", "PRK"]);
    assert.deepEqual(mine.agreements.get("平壌宣言")?.parties, ["JPN", "PRK"], "the bundled ones stay");
    writeFileSync(
      join(own, "agreements-mine.yaml"),
      "- id: half\n  name: { en: Half, ja: 片宣言 }\n  parties: [RUS]\n  signed: 2001-08-04\n",
    );
    assert.throws(
      () => loadLexiconData([own]),
      (e: unknown) =>
        e instanceof LexiconError && /agreements-mine\.yaml: entry 1 \(half\): parties/.test(e.message),
    );
    writeFileSync(
      join(own, "agreements-mine.yaml"),
      "- id: lost\n  name: { en: Lost, ja: 迷子宣言 }\n  parties: [RUS, PRK]\n  signed: 2001-08-04\n  place: atlantis\n",
    );
    assert.throws(
      () => loadLexiconData([own]),
      (e: unknown) => e instanceof LexiconError && /lost: unknown place 'atlantis'/.test(e.message),
    );
  });

  it("add a group of states that acts as its members, and refuse one with a state the lexicon lacks", () => {
    const own = mkdtempSync(join(tmpdir(), "kaidan-group-"));
    writeFileSync(
      join(own, "organizations-mine.yaml"),
      "- id: korea-japan\n  kind: group\n  name: { en: Korea and Japan, ja: 日韓両国 }\n  members: [KOR, JPN]\n",
    );
    const mine = new Lexicon(loadLexiconData([own]));
    assert.deepEqual(mine.organizations.get("korea-japan")?.members, ["KOR", "JPN"]);
    writeFileSync(
      join(own, "organizations-mine.yaml"),
      "- id: lost\n  kind: group\n  name: { en: Lost, ja: 迷子連合 }\n  members: [KOR, XXX]\n",
    );
    assert.throws(
      () => loadLexiconData([own]),
      (e: unknown) => e instanceof LexiconError && /lost: unknown member state 'XXX'/.test(e.message),
    );
  });

  it("refuse a state said to have been part of a state the lexicon lacks", () => {
    const own = mkdtempSync(join(tmpdir(), "kaidan-part-of-"));
    writeFileSync(
      join(own, "states-mine.yaml"),
      "- id: XKX\n  name: { en: Kosovo, ja: コソボ }\n  part_of: [{ state: YUX, until: 1992-04-27 }]\n",
    );
    assert.throws(
      () => loadLexiconData([own]),
      (e: unknown) => e instanceof LexiconError && /XKX: part of unknown state 'YUX'/.test(e.message),
    );
  });

  it("fail with the file, the entry and the reason", () => {
    const bad = mkdtempSync(join(tmpdir(), "kaidan-bad-"));
    writeFileSync(
      join(bad, "places.yaml"),
      "- id: nowhere\n  kind: planet\n  name: { en: X, ja: X }\n  country: PRK\n",
    );
    assert.throws(
      () => loadLexiconData([bad]),
      (e: unknown) => e instanceof LexiconError && /places\.yaml: entry 1 \(nowhere\): kind/.test(e.message),
    );
  });
});
