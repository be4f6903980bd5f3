/**
 * The bench corpus: Japanese news articles written from templates over the
 * lexicons, deterministic by seed, at any size.
 *
 * Diplomacy articles (summits, visits, phone calls, foreign ministers' talks,
 * statements, planned meetings) name people who held their offices on the
 * article's date, in the places the lexicon knows, with dates, quotations and
 * background paragraphs. Other articles (economy, sports, weather, culture)
 * are written the way such news is: they name Japanese cities, quote people
 * and use words that are also event triggers elsewhere (記者会見, 協議,
 * 訪れた), so that the fast pass has to tell them apart. The bundled examples
 * and, when they exist, the shared seeds are mixed in, repeated under new ids.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import type { Lexicon } from "../src/lexicon/lexicon.js";
import type { PersonEntry } from "../src/lexicon/schema.js";
import { ReadError, readPaths } from "../src/read/index.js";

export interface Article {
  id: string;
  url: string;
  published: string;
  title: string;
  text: string;
}

export interface CorpusOptions {
  seed: number;
  /** Stop once the bodies hold this many characters. */
  chars: number;
  /** Share of articles about diplomacy (0.2 for a news stream, 1 for a diplomacy corpus). */
  diplomacy: number;
  /** Real articles (examples, seeds) mixed into the diplomacy share, repeated under new ids. */
  real?: readonly Article[];
  /** Share of the diplomacy articles taken from `real` (default 0.1). */
  realShare?: number;
}

/** A small, fast, seedable generator (mulberry32). */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Up to n distinct items, in a random order. */
  some<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length > 0)
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

/** Fills `{slot}`s from the values. */
const fill = (template: string, v: Record<string, string | number>) =>
  template.replace(/\{([^{}\s]+)\}/g, (_, k: string) => String(v[k] ?? `{${k}}`));

// ---------------------------------------------------------------- diplomacy

/** The states the diplomacy articles are about, with the office ids of their leader and foreign minister. */
const STATES: { id: string; leaders: string[]; fm: string[] }[] = [
  { id: "JPN", leaders: ["jpn-pm"], fm: ["jpn-foreign-minister"] },
  { id: "USA", leaders: ["usa-president"], fm: ["usa-secretary-of-state"] },
  { id: "CHN", leaders: ["chn-president"], fm: ["chn-foreign-minister"] },
  { id: "RUS", leaders: ["rus-president"], fm: ["rus-foreign-minister"] },
  { id: "KOR", leaders: ["kor-president"], fm: ["kor-foreign-minister"] },
  {
    id: "PRK",
    leaders: ["prk-wpk-general-secretary", "prk-wpk-chairman", "prk-ndc-chairman"],
    fm: ["prk-foreign-minister"],
  },
  { id: "IND", leaders: ["ind-pm"], fm: [] },
  { id: "FRA", leaders: ["fra-president"], fm: [] },
  { id: "DEU", leaders: ["deu-chancellor"], fm: [] },
  { id: "GBR", leaders: ["gbr-pm"], fm: [] },
  { id: "AUS", leaders: ["aus-pm"], fm: [] },
  { id: "IDN", leaders: ["idn-president"], fm: [] },
  { id: "PHL", leaders: ["phl-president"], fm: [] },
];

interface Figure {
  person: PersonEntry;
  state: string;
  stateJa: string;
  /** The name as first written, then the surname used with the title. */
  name: string;
  short: string;
  title: string;
}

const TOPICS = [
  { topic: "経済協力の拡大", goal: "貿易と投資を一段と拡大していく方針" },
  { topic: "朝鮮半島の非核化", goal: "北朝鮮の核・ミサイル開発に緊密に連携して対応すること" },
  { topic: "エネルギー安全保障", goal: "液化天然ガスの安定供給に向けた協力を強めること" },
  { topic: "地域の安全保障", goal: "力による一方的な現状変更に反対する立場" },
  { topic: "気候変動対策", goal: "脱炭素技術の共同開発を進めること" },
  { topic: "人的交流の再開", goal: "観光や留学の往来を増やしていくこと" },
  { topic: "サプライチェーンの強靱化", goal: "重要鉱物の調達で協力すること" },
  { topic: "海洋の安全", goal: "偶発的な衝突を防ぐ連絡体制を整えること" },
];

const QUOTES_LEADER = [
  "両国の関係はかつてないほど良好だ。この勢いを次の世代につなげたい",
  "地域の平和と安定のために、責任ある役割を果たしていく",
  "率直な意見交換ができた。今後も対話を重ねていきたい",
  "経済分野の協力には大きな可能性がある。具体的な成果を早く示したい",
  "困難な課題もあるが、互いの立場を尊重しながら解決策を探りたい",
  "きょうの会談は両国関係の新たな出発点になる",
  "国際社会の懸念には真剣に耳を傾ける必要がある",
];

const QUOTES_CRITICAL = [
  "地域の緊張を高める行為であり、断じて受け入れられない",
  "国際法に反する行動をただちにやめるよう求める",
  "状況を注意深く見守り、必要な措置をとる",
  "対話による解決以外に道はない",
];

const BACKGROUND = [
  "{A国}と{B国}の貿易額は昨年、過去最高の水準に達した。",
  "{B国}では{Y}年に入ってから物価の上昇が続いており、政権は国内経済の立て直しを急いでいる。",
  "専門家の間では、{A国}が今回の訪問を通じて{B国}との関係を安定させたい考えだとの見方が出ている。",
  "{A国}の{B国}向け輸出は前年比{p}%増え、自動車や半導体の部品が伸びた。",
  "両国の間では、歴史認識をめぐる問題が長く懸案となってきた。",
  "{B国}の世論調査では、{A国}との関係改善を支持する回答が半数を超えた。",
  "今回の動きについて、周辺国は静かに推移を見守っている。",
  "{A国}政府の関係者は、具体的な合意文書の作成にはなお時間がかかるとの見通しを示している。",
  "{B国}の首都では、会談を前に市内の警備が強化された。",
  "両国は{Y0}年に国交を正常化し、その後、経済関係を中心に結びつきを深めてきた。",
  "{A国}の外交筋によると、両国は事務レベルの協議を重ね、共同文書の文言を詰めてきたという。",
  "{B国}側は、これまで停滞していた経済協力の案件を前に進めたい考えを示している。",
  "今回の会談に先立ち、両国の外相は電話で意見を交わし、日程や議題の最終的な調整を行っていた。",
  "一方、{A国}国内では、{B国}との関係強化に慎重な意見も根強く、政権は世論の動向を注視している。",
  "{A国}の主要紙は社説で、対話の継続そのものに意味があると評価した。",
  "{B国}の国営メディアは、会談の様子を写真付きで大きく伝えた。",
  "市場関係者の間では、両国関係の安定が貿易や投資にとって追い風になるとの期待も出ている。",
  "{Y}年に入り、{A国}は近隣諸国との首脳外交を活発化させている。",
  "{B国}の専門家は「相互の信頼を築くには時間がかかる。今回の合意は第一歩にすぎない」と指摘している。",
  "両国の間には、漁業や領域をめぐる問題など、解決の糸口が見えない懸案も残されている。",
  "会談の会場周辺では、交通規制が敷かれ、多くの警察官が警戒にあたった。",
  "{A国}政府は、今回の訪問に合わせて、留学生の受け入れ枠を広げる方針も示した。",
];

function figureOf(lex: Lexicon, state: string, offices: readonly string[], date: string): Figure | null {
  const stateJa = lex.states.get(state)?.name.ja;
  if (!stateJa) return null;
  for (const office of offices) {
    const o = lex.offices.get(office);
    const person = lex.holdersOf(office, date)[0];
    if (!o || !person) continue;
    const title = o.titles[0]!;
    const surname = person.surname[0] ?? person.name.ja;
    return { person, state, stateJa, name: person.name.ja, short: surname, title };
  }
  return null;
}

function capitalOf(lex: Lexicon, state: string): string | null {
  const cap = lex.states.get(state)?.capital;
  return cap ? (lex.places.get(cap)?.name.ja ?? null) : null;
}

const isoDay = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

class DiplomacyWriter {
  constructor(
    private readonly lex: Lexicon,
    private readonly rng: Rng,
  ) {}

  /** Two figures of different states who held their offices on the date. */
  private pair(date: string, foreignMinisters: boolean): [Figure, Figure] | null {
    for (let attempt = 0; attempt < 20; attempt++) {
      const [a, b] = this.rng.some(
        STATES.filter((s) => !foreignMinisters || s.fm.length > 0),
        2,
      );
      if (!a || !b) return null;
      const fa = figureOf(this.lex, a.id, foreignMinisters ? a.fm : a.leaders, date);
      const fb = figureOf(this.lex, b.id, foreignMinisters ? b.fm : b.leaders, date);
      if (fa && fb) return [fa, fb];
    }
    return null;
  }

  write(id: string): Article | null {
    const r = this.rng;
    const y = r.int(2002, 2025);
    const m = r.int(1, 12);
    const d = r.int(2, 27);
    const date = isoDay(y, m, d);
    const published = isoDay(y, m, d + 1);
    const kind = r.pick(["summit", "summit", "visit", "phone", "ministers", "statement", "planned"] as const);
    const pair = this.pair(date, kind === "ministers");
    if (!pair) return null;
    const [A, B] = pair;
    const t = r.pick(TOPICS);
    const place = r.chance(0.5) ? capitalOf(this.lex, A.state) : capitalOf(this.lex, B.state);
    const v = {
      A国: A.stateJa,
      B国: B.stateJa,
      A名: A.name,
      B名: B.name,
      A姓: A.short,
      B姓: B.short,
      A職: A.title,
      B職: B.title,
      M: m,
      D: d,
      D2: d + 1,
      Y: y,
      Y0: r.int(1950, 1995),
      Yp: y - r.int(1, 4),
      Mp: r.int(1, 12),
      n: r.int(2, 5),
      p: r.int(2, 19),
      place: place ?? "首都",
      topic: t.topic,
      goal: t.goal,
      qa: r.pick(QUOTES_LEADER),
      qb: r.pick(QUOTES_LEADER),
      qc: r.pick(QUOTES_CRITICAL),
    };
    const paragraphs: string[] = [];
    let title: string;
    switch (kind) {
      case "summit":
        title = fill("{A国}と{B国}が首脳会談 {topic}で協力を確認", v);
        paragraphs.push(
          fill(
            "{A国}の{A名}{A職}と{B国}の{B名}{B職}は{D}日、{place}で会談した。両首脳は{topic}について意見を交わし、{goal}で一致した。",
            v,
          ),
          fill("{A姓}{A職}は会談の冒頭、「{qa}」と述べた。これに対し{B姓}{B職}は「{qb}」と応じた。", v),
          fill(
            "両国の首脳会談は{Yp}年{Mp}月以来となる。会談はおよそ{n}時間にわたり、少人数の会合のあと、閣僚らを交えた拡大会合が開かれた。",
            v,
          ),
        );
        break;
      case "visit":
        title = fill("{A姓}{A職}が{B国}に到着 {B姓}{B職}と会談へ", v);
        paragraphs.push(
          fill(
            "{A国}の{A名}{A職}は{D}日、{B国}の首都{place}に到着した。{n}日間の日程で{B国}を公式訪問し、{D2}日に{B名}{B職}と会談する予定だ。",
            v,
          ),
          fill(
            "{A姓}{A職}が{B国}を訪れるのは就任後初めて。空港では{B国}政府の高官らが出迎えた。{A姓}{A職}は到着後、記者団に「{qa}」と語った。",
            v,
          ),
        );
        break;
      case "phone":
        title = fill("{A国}・{B国}首脳が電話会談 {topic}を協議", v);
        paragraphs.push(
          fill("{A名}{A職}は{D}日、{B国}の{B名}{B職}と電話で会談した。", v),
          fill(
            "{A国}政府の発表によると、両首脳は{topic}について協議し、{goal}を確認した。電話会談はおよそ{n}0分間行われた。",
            v,
          ),
          fill("{A姓}{A職}は会談後、記者団に対し「{qa}」と述べた。", v),
        );
        break;
      case "ministers":
        title = fill("{A国}{B国}外相会談 {topic}で意見交換", v);
        paragraphs.push(
          fill(
            "{A国}の{A名}{A職}は{D}日、{place}で{B国}の{B名}{B職}と会談した。{topic}をめぐり、{goal}で一致した。",
            v,
          ),
          fill("会談後の共同記者会見で、{A姓}{A職}は「{qa}」と強調した。{B姓}{B職}も「{qb}」と述べた。", v),
        );
        break;
      case "statement":
        title = fill("{B国}、{A国}を批判 「{qc}」", v);
        paragraphs.push(
          fill(
            "{B国}外務省の報道官は{D}日の定例記者会見で、{A国}の対応について「{qc}」と述べ、強い懸念を示した。",
            v,
          ),
          fill(
            "これに対し{A国}の{A名}{A職}は{D2}日、「{qa}」と述べ、反論した。両国の間では、{topic}をめぐって対立が続いている。",
            v,
          ),
        );
        break;
      case "planned":
        title = fill("{A国}と{B国}、来月にも首脳会談へ 調整進む", v);
        paragraphs.push(
          fill(
            "{A国}の{A名}{A職}と{B国}の{B名}{B職}が、来月にも{place}で会談する方向で調整していることが{D}日、分かった。複数の関係者が明らかにした。",
            v,
          ),
          fill(
            "実現すれば、両首脳の対面での会談は{Yp}年{Mp}月以来となる。{A国}側は{topic}を主な議題としたい考えだ。",
            v,
          ),
        );
        break;
    }
    const background = r.some(BACKGROUND, r.int(4, 12)).map((s) => fill(s, v));
    for (let i = 0; i < background.length; i += 2) paragraphs.push(background.slice(i, i + 2).join(""));
    if (r.chance(0.4))
      paragraphs.push(
        fill("{A姓}{A職}はこのあと、{place}市内の施設を視察し、{D2}日に帰国の途につく予定だ。", v),
      );
    return { id, url: `https://bench.example/${id}`, published, title, text: paragraphs.join("\n\n") };
  }
}

// ---------------------------------------------------------------- other news

const SURNAMES = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山田",
  "松本",
  "井上",
  "木村",
  "清水",
  "山口",
  "森",
  "池田",
  "橋本",
];
const GIVEN = [
  "健太",
  "翔太",
  "大輔",
  "誠",
  "拓也",
  "直樹",
  "美咲",
  "陽子",
  "由美",
  "恵",
  "さくら",
  "優花",
  "隆",
  "浩二",
  "亮",
];
const CITIES = [
  "札幌",
  "仙台",
  "名古屋",
  "大阪",
  "広島",
  "福岡",
  "横浜",
  "京都",
  "神戸",
  "那覇",
  "金沢",
  "新潟",
  "静岡",
  "熊本",
];
const COMPANIES = [
  "東都電機",
  "北斗自動車",
  "みなと商事",
  "大和精工",
  "青葉食品",
  "光洋化学",
  "日進製薬",
  "太平洋海運",
];
const TEAMS = [
  "ホークス",
  "ライオンズ",
  "イーグルス",
  "マリーンズ",
  "ファイターズ",
  "バファローズ",
  "ジャイアンツ",
  "タイガース",
  "カープ",
  "ドラゴンズ",
  "スワローズ",
  "ベイスターズ",
];
const ARTISTS = ["葛飾北斎", "伊藤若冲", "尾形光琳", "横山大観", "竹久夢二", "東山魁夷"];

const OTHER: Record<string, { title: string; paragraphs: string[] }[]> = {
  economy: [
    {
      title: "日経平均、{n}日続伸 半導体関連株に買い",
      paragraphs: [
        "{M}月{D}日の東京株式市場で、日経平均株価は{n}日続伸し、終値は前日比{p}{q}円高の3万{p}{q}{r}円だった。海外市場で半導体関連株が上昇した流れを受け、主力株に買いが広がった。",
        "東証プライム市場の売買代金は概算で{p}兆{q}千億円。値上がり銘柄数は全体の{p}割を超えた。市場関係者の{name}さんは「企業の業績見通しが改善しており、買い安心感が広がっている」と話した。",
        "外国為替市場では円相場が1ドル={p}{q}円台で推移した。日銀の金融政策をめぐる思惑から、円を売ってドルを買う動きが続いた。",
      ],
    },
    {
      title: "{company}、純利益{p}%増 海外販売が好調",
      paragraphs: [
        "{company}は{D}日、{Y}年{M}月期の連結決算を発表した。売上高は前年同期比{p}%増の{p}{q}{r}億円、純利益は{p}%増の{q}{r}{p}億円だった。北米やアジアでの販売が伸びた。",
        "{surname}社長は記者会見で「原材料価格の高止まりは続くが、付加価値の高い製品で収益を確保したい」と述べた。同社は通期の業績予想を上方修正した。",
        "同社は{city}の工場に新しい生産ラインを設け、来年度から量産を始める計画だ。労働組合とは賃金の引き上げについて協議を続けている。",
      ],
    },
    {
      title: "消費者物価、{p}か月連続で上昇 食品の値上げ続く",
      paragraphs: [
        "総務省が{D}日に発表した{M}月の全国消費者物価指数は、変動の大きい生鮮食品を除いた指数が前年同月比{p}.{q}%上昇した。上昇は{p}か月連続となった。",
        "食料品やエネルギーの値上がりが指数を押し上げた。{city}市内のスーパーで買い物をしていた{name}さんは「毎週のように値段が上がっていて、買う量を減らしている」と話した。",
        "政府は電気・ガス料金の負担軽減策を延長する方向で検討している。",
      ],
    },
  ],
  sports: [
    {
      title: "{team}が逆転勝ち {name2}投手が{n}勝目",
      paragraphs: [
        "プロ野球は{D}日、各地で{n}試合が行われた。{team}は{city}で{team2}と対戦し、{p}対{q}で逆転勝ちした。",
        "先発の{name2}投手は{n}回を投げて{q}失点にまとめ、今季{n}勝目を挙げた。打線は{p}回に{name3}選手の適時打などで{n}点を奪い、試合をひっくり返した。",
        "{name2}投手は試合後、「立ち上がりは苦しかったが、野手のみなさんに助けてもらった。次も粘り強く投げたい」と話した。{team}は連敗を{n}で止めた。",
      ],
    },
    {
      title: "サッカー日本代表、{city}で合宿開始",
      paragraphs: [
        "サッカー日本代表は{D}日、来月の国際親善試合に向けて{city}で合宿を始めた。初日は{p}{q}人の選手が参加し、軽めの調整で汗を流した。",
        "{surname}監督は練習後の記者会見で「短い期間だが、チームとしての形をしっかり確認したい」と述べた。代表に初めて選ばれた{name3}選手は「自分の持ち味を出して、ポジションをつかみたい」と意気込んだ。",
        "練習会場には朝から多くのファンが訪れ、選手たちに声援を送った。",
      ],
    },
    {
      title: "{city}マラソン、{name2}選手が初優勝",
      paragraphs: [
        "{city}マラソンが{D}日に行われ、男子は{name2}選手が2時間{p}分{q}{r}秒で初優勝した。女子は{name3}選手が制した。",
        "レースは気温が上がる中で進み、{name2}選手は{p}{q}キロ付近で抜け出すと、そのまま逃げ切った。ゴール後は「沿道の声援が力になった」と笑顔を見せた。",
        "大会には一般参加を含めておよそ{p}万人が出場した。",
      ],
    },
  ],
  weather: [
    {
      title: "台風{n}号、{D2}日にも接近 大雨に警戒",
      paragraphs: [
        "気象庁によりますと、台風{n}号は{D}日午後{p}時現在、南の海上を1時間におよそ{p}{q}キロの速さで北へ進んでいます。中心の気圧は9{p}{q}ヘクトパスカルで、中心付近の最大風速は{p}{q}メートルです。",
        "台風は{D2}日にかけて{city}周辺に接近するおそれがあり、気象庁は土砂災害や川の増水に警戒するよう呼びかけています。",
        "{city}では{D}日、雨が強まり始め、交通機関に遅れが出ました。駅で電車を待っていた{name}さんは「早めに帰宅したい」と話していました。",
      ],
    },
    {
      title: "各地で猛暑日 {city}で3{q}.{r}度",
      paragraphs: [
        "{D}日は高気圧に覆われて各地で気温が上がり、{city}では最高気温が3{q}.{r}度に達しました。全国の観測地点のうち{p}{q}か所で35度以上の猛暑日となりました。",
        "熱中症の疑いで病院に運ばれる人も相次いでいます。気象庁は、こまめな水分補給やエアコンの適切な使用を呼びかけています。",
        "この暑さは{D2}日以降もしばらく続く見込みです。",
      ],
    },
  ],
  culture: [
    {
      title: "{artist}の名品一堂に {city}で展覧会",
      paragraphs: [
        "画家、{artist}の作品を集めた展覧会が{D}日、{city}の市立美術館で始まった。国内外から集めたおよそ{p}{q}点が並ぶ。",
        "初日から多くの来場者が訪れ、色鮮やかな作品に見入っていた。学芸員の{name}さんは「細部の描き込みまで、ぜひ近くで見てほしい」と話している。",
        "会期は{M}月末まで。期間中は作品の一部を入れ替える。",
      ],
    },
    {
      title: "{city}で伝統の祭り 4年ぶりに山車巡行",
      paragraphs: [
        "{city}で{D}日、江戸時代から続く秋祭りが開かれ、豪華な装飾を施した山車{p}基が市内を巡った。",
        "沿道には家族連れなどおよそ{p}万人が訪れた。祭りの保存会の{name}会長は「地域の人たちの協力があってこそ続けられる。若い世代に引き継いでいきたい」と話した。",
        "保存会は、担い手不足への対応について市と協議している。",
      ],
    },
    {
      title: "映画「{title2}」が興行収入{p}{q}億円突破",
      paragraphs: [
        "{surname}監督の映画「{title2}」の興行収入が{p}{q}億円を突破したと、配給会社が{D}日、発表した。公開から{n}週連続で観客動員数の首位を保っている。",
        "作品は{city}を舞台に、家族の再生を描いた。主演の{name2}さんは舞台あいさつで「たくさんの方に見ていただき、本当にうれしい」と話した。",
      ],
    },
  ],
};

/** Further paragraphs of each subject, some taken at random for each article. */
const MORE: Record<string, string[]> = {
  economy: [
    "市場では、来週発表される米国の雇用統計を見極めたいとして、様子見の姿勢も根強い。",
    "個別銘柄では、自動車や電機などの輸出関連株が買われた一方、小売りや不動産は売られた。",
    "{city}に本社を置く中堅企業の経営者は「円安で原材料の仕入れ値が上がり、利益を圧迫している」と話す。",
    "専門家は、賃金の上昇が物価の伸びに追いつくかどうかが、今後の景気を左右すると指摘している。",
    "{company}の株価は発表を受けて一時{p}%上昇し、年初来の高値を更新した。",
    "政府は来月にも経済対策を取りまとめる方針で、家計の負担を和らげる給付などを検討している。",
    "同業他社も相次いで値上げに踏み切っており、消費者の節約志向が一段と強まる可能性がある。",
    "日銀は次回の会合で、金融政策の現状維持を決めるとの見方が大勢となっている。",
  ],
  sports: [
    "試合は序盤から投手戦となり、{n}回までは両チームとも無得点が続いた。",
    "スタンドにはおよそ{p}万{q}千人の観客が詰めかけ、好プレーのたびに大きな拍手が起きた。",
    "チームは次戦、本拠地の{city}で首位のチームと対戦する。",
    "{name3}選手はこの日、{n}打数{q}安打と当たりが止まらず、打率を3割台に乗せた。",
    "監督は「若い選手たちが自信をつけてきた。この流れを大事にしたい」と手応えを口にした。",
    "けがで離脱していた主力選手は、来週にも練習に復帰する見通しだ。",
    "昨季は下位に沈んだチームだが、今季は補強が実り、上位争いを演じている。",
  ],
  weather: [
    "気象庁は、土砂災害や低い土地の浸水、河川の増水や氾濫に厳重に警戒するよう呼びかけています。",
    "{city}の観測所では、{D}日午前までの24時間に{p}{q}0ミリを超える雨が降りました。",
    "鉄道各社は、計画運休を実施する可能性があるとして、最新の運行情報を確認するよう求めています。",
    "海上では大しけとなるおそれがあり、漁港では漁船を陸に上げる作業が行われていました。",
    "週末にかけては、晴れて気温が上がる所が多くなる見込みです。",
    "農家の間では、収穫を前にした農作物への影響を心配する声が聞かれました。",
  ],
  culture: [
    "会場では、作品の解説を聞きながら見て回ることができる音声ガイドも用意されている。",
    "期間中の週末には、子ども向けのワークショップや講演会も開かれる予定だ。",
    "主催者によると、前売り券はすでに{p}万枚以上が売れているという。",
    "訪れた{city}市の{name}さんは「実物の迫力に圧倒された。また家族で来たい」と話していた。",
    "地元の商店街では、関連した限定商品を販売する店も出ている。",
    "近年は海外からの来場者も増えており、案内表示は4つの言語で掲示されている。",
  ],
};

const FILM_TITLES = ["春の灯", "海の向こうへ", "遠い約束", "ひだまりの町", "風の記憶"];

function otherArticle(rng: Rng, id: string): Article {
  const subject = rng.pick(Object.keys(OTHER));
  const t = rng.pick(OTHER[subject]!);
  const y = rng.int(2002, 2025);
  const m = rng.int(1, 12);
  const d = rng.int(2, 27);
  const person = () => rng.pick(SURNAMES) + rng.pick(GIVEN);
  const v = {
    Y: y,
    M: m,
    D: d,
    D2: d + 1,
    n: rng.int(2, 9),
    p: rng.int(1, 9),
    q: rng.int(0, 9),
    r: rng.int(0, 9),
    name: person(),
    name2: person(),
    name3: person(),
    surname: rng.pick(SURNAMES),
    city: rng.pick(CITIES),
    company: rng.pick(COMPANIES),
    team: rng.pick(TEAMS),
    team2: rng.pick(TEAMS),
    artist: rng.pick(ARTISTS),
    title2: rng.pick(FILM_TITLES),
  };
  const paragraphs = t.paragraphs.map((p) => fill(p, v));
  const more = rng.some(MORE[subject]!, rng.int(3, 8)).map((p) => fill(p, v));
  for (let i = 0; i < more.length; i += 2)
    paragraphs.splice(paragraphs.length - 1, 0, more.slice(i, i + 2).join(""));
  return {
    id,
    url: `https://bench.example/${id}`,
    published: isoDay(y, m, d + 1),
    title: fill(t.title, v),
    text: paragraphs.join("\n\n"),
  };
}

// ---------------------------------------------------------------- the corpus

/** The articles of a corpus, one at a time. */
export function* generateArticles(lex: Lexicon, opts: CorpusOptions): Generator<Article> {
  const rng = new Rng(opts.seed);
  const writer = new DiplomacyWriter(lex, rng);
  const real = opts.real ?? [];
  const realShare = real.length > 0 ? (opts.realShare ?? 0.1) : 0;
  let chars = 0;
  for (let n = 0; chars < opts.chars; n++) {
    const id = `b${opts.seed}-${String(n).padStart(7, "0")}`;
    let a: Article | null;
    if (rng.chance(opts.diplomacy)) {
      if (rng.chance(realShare)) {
        const r = rng.pick(real);
        a = { ...r, id: `${r.id}-${id}`, url: `${r.url}#${id}` };
      } else a = writer.write(id);
    } else a = otherArticle(rng, id);
    if (!a) continue;
    chars += a.text.length;
    yield a;
  }
}

/** The bundled examples and the shared seeds (when `seedsDir` exists), as articles. */
export function realArticles(dirs: readonly string[]): Article[] {
  const out: Article[] = [];
  for (const item of readPaths(dirs)) {
    if (item instanceof ReadError) continue;
    out.push({
      id: item.id,
      url: item.url ?? `https://bench.example/${item.id}`,
      published: item.published ?? "2020-01-01",
      title: item.title ?? "",
      text: item.body,
    });
  }
  return out;
}

export interface WrittenCorpus {
  dir: string;
  files: string[];
  documents: number;
  chars: number;
}

/** Writes a corpus as JSON Lines files of about `shardChars` characters each. */
export function writeCorpus(
  lex: Lexicon,
  dir: string,
  opts: CorpusOptions,
  shardChars = 4_000_000,
): WrittenCorpus {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let fd = -1;
  let inShard = 0;
  let documents = 0;
  let chars = 0;
  for (const a of generateArticles(lex, opts)) {
    if (fd < 0 || inShard >= shardChars) {
      if (fd >= 0) closeSync(fd);
      const f = join(dir, `part-${String(files.length).padStart(4, "0")}.jsonl`);
      files.push(f);
      fd = openSync(f, "w");
      inShard = 0;
    }
    writeSync(fd, `${JSON.stringify(a)}\n`);
    inShard += a.text.length;
    documents++;
    chars += a.text.length;
  }
  if (fd >= 0) closeSync(fd);
  return { dir, files, documents, chars };
}

/** The files of a corpus written earlier. */
export const corpusFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .map((f) => join(dir, f));

export interface CorpusSpec {
  kind: "news" | "diplomacy";
  chars: number;
  seed: number;
  /** Characters per JSON Lines file. */
  shardChars?: number;
}

/** A version of the generator: corpora written by another version are written again. */
const GENERATOR_VERSION = 2;

/**
 * The corpus for a spec, written under `root` the first time and read from
 * there afterwards (its manifest records what was written).
 */
export function ensureCorpus(
  lex: Lexicon,
  root: string,
  spec: CorpusSpec,
  real: readonly Article[],
): WrittenCorpus & { kind: string } {
  const dir = join(
    root,
    `${spec.kind}-s${spec.seed}-${spec.chars}${spec.shardChars ? `-x${spec.shardChars}` : ""}`,
  );
  const manifest = join(dir, "manifest.json");
  const key = { version: GENERATOR_VERSION, ...spec, real: real.map((a) => a.id) };
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, "utf8")) as {
      key: unknown;
      documents: number;
      chars: number;
    };
    if (JSON.stringify(m.key) === JSON.stringify(key))
      return { kind: spec.kind, dir, files: corpusFiles(dir), documents: m.documents, chars: m.chars };
  }
  const written = writeCorpus(
    lex,
    dir,
    { seed: spec.seed, chars: spec.chars, diplomacy: spec.kind === "news" ? 0.2 : 1, real },
    spec.shardChars,
  );
  writeFileSync(manifest, JSON.stringify({ key, documents: written.documents, chars: written.chars }));
  return { kind: spec.kind, ...written };
}
