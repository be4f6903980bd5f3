/** Japanese and English labels; the language is kept in the URL (?lang=en) and remembered. */

export type Lang = "ja" | "en";

const LABELS = {
  appName: ["会談 kaidan", "kaidan 会談"],
  tagline: ["外交イベントの出典付き記録", "A cited record of diplomatic events"],
  search: ["検索", "Search"],
  searchPlaceholder: [
    "記事・イベント・人物を検索(例: 露朝、首脳会談)",
    "Search articles, events, people (e.g. 露朝)",
  ],
  timeline: ["年表", "Timeline"],
  network: ["ネットワーク", "Network"],
  quotes: ["発言", "Quotes"],
  relations: ["二国間関係", "Relations"],
  documents: ["記事", "Articles"],
  add: ["記事の追加", "Add articles"],
  language: ["English", "日本語"],
  loading: ["読み込み中…", "Loading…"],
  error: ["エラー", "Error"],
  none: ["なし", "None"],
  events: ["イベント", "Events"],
  actors: ["人物・国・機関", "People, states, organisations"],
  articles: ["記事", "Articles"],
  results: ["件", "results"],
  noResults: ["該当なし", "Nothing found"],
  date: ["日付", "Date"],
  place: ["場所", "Place"],
  participants: ["関係者", "Participants"],
  sources: ["出典", "Sources"],
  type: ["種類", "Type"],
  status: ["状態", "Status"],
  statusHistory: ["状態の推移", "Status history"],
  delegations: ["随行", "Delegations"],
  object: ["合意・文書", "Agreement"],
  outcomes: ["成果", "Outcomes"],
  reactions: ["反応", "Reactions"],
  series: ["一連の会談", "Series"],
  previous: ["前", "Previous"],
  next: ["次", "Next"],
  conflicts: ["記事間の相違", "Conflicts between sources"],
  score: ["PLOVERスコア", "PLOVER score"],
  reports: ["報道", "reports"],
  cited: ["引用箇所", "Cited"],
  openSource: ["出典を開く", "Open the source"],
  speaker: ["発言者", "Speaker"],
  unattributed: ["発言者不明", "Unattributed"],
  allSpeakers: ["すべての発言者", "All speakers"],
  article: ["記事", "Article"],
  published: ["公開日", "Published"],
  original: ["元の記事", "Original"],
  highlights: ["強調", "Highlights"],
  citationsLegend: ["イベントを報じる文", "Sentences reporting events"],
  quotesLegend: ["発言", "Quotations"],
  hitsLegend: ["検索語", "Search terms"],
  filters: ["絞り込み", "Filters"],
  actor: ["人物・国", "Actor"],
  pair: ["二者(例: RUS,PRK)", "Pair (e.g. RUS,PRK)"],
  from: ["開始", "From"],
  to: ["終了", "To"],
  apply: ["適用", "Apply"],
  reset: ["解除", "Reset"],
  groupBy: ["グループ", "Group by"],
  byCountry: ["国別", "Country"],
  byActor: ["人物別", "Actor"],
  list: ["一覧", "List"],
  level: ["単位", "Level"],
  levelActors: ["人物", "People"],
  levelStates: ["国家", "States"],
  until: ["この日まで", "Until"],
  meetings: ["会談", "meetings"],
  noWebgl: [
    "この環境では WebGL が使えないため、ネットワーク図の代わりに一覧を表示します。",
    "WebGL is not available here, so the network is shown as a list.",
  ],
  statePair: ["二国", "Pair of states"],
  cooperation: ["協力", "Cooperation"],
  conflict: ["対立", "Conflict"],
  meanScore: ["平均スコア", "Mean score"],
  month: ["月", "Month"],
  total: ["合計", "Total"],
  notFound: ["見つかりません", "Not found"],
  title: ["見出し", "Title"],
  url: ["URL", "URL"],
  text: ["本文", "Text"],
  id: ["ID", "ID"],
  files: ["ファイル(.md .txt .html .jsonl)", "Files (.md .txt .html .jsonl)"],
  token: ["トークン", "Token"],
  send: ["取り込む", "Ingest"],
  paste: ["本文を貼り付け", "Paste text"],
  upload: ["ファイルをアップロード", "Upload files"],
  readOnly: [
    "このサーバーは読み取り専用です(kaidan serve --token で起動すると追加できます)。",
    "This server is read-only (start it with kaidan serve --token to allow adding).",
  ],
  stored: ["保存しました", "Stored"],
  notDiplomacy: [
    "件は外交の記事ではないため、検索用に保存し解析していません",
    "not about diplomacy (stored for search, not analysed)",
  ],
  api: ["API", "API"],
  summary: ["概要", "Overview"],
  recent: ["最近の記事", "Recent articles"],
  activity: ["関与イベント", "events"],
  mentions: ["言及", "mentions"],
  showOnTimeline: ["年表で見る", "On the timeline"],
  showInNetwork: ["ネットワークで見る", "In the network"],
  showQuotes: ["発言を見る", "Their quotes"],
  redirected: ["統合されたイベントから転送されました", "Redirected from a merged event"],
  more: ["さらに表示", "More"],
  download: ["ダウンロード", "Download"],
} satisfies Record<string, [string, string]>;

export type Label = keyof typeof LABELS;

let current: Lang = "ja";

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem("kaidan.lang", lang);
  } catch {
    // storage may be unavailable; the URL still says
  }
}

export function initialLang(url: URL): Lang {
  const asked = url.searchParams.get("lang");
  if (asked === "en" || asked === "ja") return asked;
  try {
    const kept = localStorage.getItem("kaidan.lang");
    if (kept === "en" || kept === "ja") return kept;
  } catch {
    // ignore
  }
  return "ja";
}

export const lang = () => current;
export const t = (key: Label): string => LABELS[key][current === "ja" ? 0 : 1];
/** A name in the current language. */
export const name = (n: { ja: string; en: string }): string =>
  current === "ja" ? n.ja || n.en : n.en || n.ja;

const STATUS: Record<string, [string, string]> = {
  occurred: ["実施", "occurred"],
  planned: ["予定", "planned"],
  speculated: ["観測", "speculated"],
  cancelled: ["中止", "cancelled"],
  denied: ["否定", "denied"],
};
export const statusLabel = (s: string) => STATUS[s]?.[current === "ja" ? 0 : 1] ?? s;

const TYPES: Record<string, [string, string]> = {
  CONSULT: ["会談・訪問", "consult"],
  AGREE: ["合意", "agree"],
  SUPPORT: ["支持", "support"],
  REQUEST: ["要請", "request"],
  GIFT: ["贈呈", "gift"],
  COOPERATE: ["協力", "cooperate"],
  AID: ["援助", "aid"],
  CONCEDE: ["譲歩", "concede"],
  RETREAT: ["撤退", "retreat"],
  ACCUSE: ["非難", "accuse"],
  REJECT: ["拒否", "reject"],
  THREATEN: ["威嚇", "threaten"],
  PROTEST: ["抗議", "protest"],
  SANCTION: ["制裁", "sanction"],
  MOBILIZE: ["動員", "mobilize"],
  COERCE: ["強制", "coerce"],
  ASSAULT: ["攻撃", "assault"],
};
export const TYPE_NAMES = Object.keys(TYPES);
export const typeLabel = (ty: string) => {
  const [type, mode] = ty.split(":");
  const base = TYPES[type!]?.[current === "ja" ? 0 : 1] ?? type!;
  return mode ? `${base} (${mode})` : base;
};
export const STATUS_NAMES = Object.keys(STATUS);

/** A date as the event gives it: a day, a month, a year, or a range. */
export function formatDate(d: { start: string; end: string; granularity: string } | null): string {
  if (!d) return "—";
  const one = (iso: string, g: string) => {
    const [y, m, day] = iso.split("-");
    if (current === "ja") {
      if (g === "year") return `${y}年`;
      if (g === "month") return `${y}年${Number(m)}月`;
      return `${y}年${Number(m)}月${Number(day)}日`;
    }
    if (g === "year") return y!;
    if (g === "month") return `${y}-${m}`;
    return iso;
  };
  if (d.granularity === "day" && d.start !== d.end) return `${one(d.start, "day")} – ${one(d.end, "day")}`;
  return one(d.start, d.granularity);
}
