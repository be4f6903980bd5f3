/**
 * Scoring extraction against gold files (../shared/eval/GUIDELINES.md) with
 * the matching rules of the shared scorer: an event matches when the type is
 * equal, every gold actor is matched by a distinct predicted actor (names
 * compared after NFKC, lower-casing and removal of spaces and ・), and the
 * predicted date lies within the gold date, one day of slack either side;
 * a timex when the value is equal and the texts contain one another; a
 * quote when the speaker matches and the quotation contains the snippet.
 * Each gold item matches at most one prediction (maximum-weight matching).
 */

export interface GoldEvent {
  type: string;
  mode: string | null;
  actors: string[][];
  date: string;
  place: string[] | null;
  status: string;
  evidence?: string;
}

export interface GoldFile {
  doc: string;
  published?: string;
  events?: GoldEvent[];
  timex?: { text: string; value: string }[];
  quotes?: { speaker: string[]; snippet: string }[];
}

export type Prediction = Record<string, unknown> & { kind: string; doc: string };

export interface PRF {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  documents: number;
  events: PRF;
  timex: PRF;
  quotes: PRF;
  attributes: { place: number | null; status: number | null; mode: number | null };
  /** Gold items nothing matched. */
  missed: string[];
  /** Predictions that matched no gold item. */
  spurious: string[];
  /** Matched events whose attributes (place, status, mode) differ from the gold event's. */
  attributeMisses: string[];
}

export const normName = (s: unknown) =>
  String(s ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s・·]/g, "");

function namesOf(x: unknown): string[] {
  if (!x) return [];
  if (Array.isArray(x)) return x.flatMap(namesOf);
  if (typeof x === "string") return [x];
  const o = x as Record<string, unknown>;
  return [o.names, o.name, o.label, o.label_en, o.label_ja, o.aliases].flatMap(namesOf);
}
const nameSet = (x: unknown) => new Set(namesOf(x).map(normName).filter(Boolean));
const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((n) => b.has(n));
/** A predicted place for a message: its first name, or "none". */
const placeLabel = (x: unknown) => namesOf(x)[0] ?? "none";

const DAY = 86_400_000;
function bound(s: string, end: boolean): number | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / DAY;
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return end ? Date.UTC(+m[1]!, +m[2]!, 0) / DAY : Date.UTC(+m[1]!, +m[2]! - 1, 1) / DAY;
  m = /^(\d{4})$/.exec(s);
  if (m) return end ? Date.UTC(+m[1]!, 11, 31) / DAY : Date.UTC(+m[1]!, 0, 1) / DAY;
  return null;
}
function goldSpan(iso: string | null | undefined): [number, number] | null {
  if (!iso) return null;
  const [a, b] = String(iso).split("/");
  const lo = bound(a!, false);
  const hi = bound(b ?? a!, true);
  return lo == null || hi == null ? null : [lo, hi];
}
function predSpan(d: unknown): [number, number] | null {
  if (!d) return null;
  if (typeof d === "string") return goldSpan(d);
  const o = d as { start?: string; end?: string };
  const lo = bound(o.start ?? "", false);
  const hi = bound(o.end ?? o.start ?? "", true);
  return lo == null || hi == null ? null : [lo, hi];
}
const dateOk = (g: [number, number] | null, p: [number, number] | null) =>
  !!(g && p && p[0] >= g[0] - 1 && p[1] <= g[1] + 1);

function actorsOk(gold: string[][], pred: unknown[]): boolean {
  const preds = pred.map(nameSet);
  const used = new Set<number>();
  for (const ga of gold) {
    const gs = nameSet(ga);
    const i = preds.findIndex((ps, k) => !used.has(k) && overlaps(gs, ps));
    if (i < 0) return false;
    used.add(i);
  }
  return true;
}

/** Maximum-weight bipartite matching (Hungarian method); weight > 0 marks a valid pair. */
export function assign<G, P>(golds: G[], preds: P[], weight: (g: G, p: P) => number): [G, P][] {
  const n = golds.length;
  const m = preds.length;
  if (!n || !m) return [];
  const size = Math.max(n, m);
  const w = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i < n && j < m ? weight(golds[i]!, preds[j]!) : 0)),
  );
  const big = Math.max(1, ...w.flat());
  const cost = w.map((r) => r.map((x) => big - x));
  const u = new Array<number>(size + 1).fill(0);
  const v = new Array<number>(size + 1).fill(0);
  const p = new Array<number>(size + 1).fill(0);
  const way = new Array<number>(size + 1).fill(0);
  for (let i = 1; i <= size; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(size + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(size + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= size; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= size; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const pairs: [G, P][] = [];
  for (let j = 1; j <= size; j++) {
    const i = p[j]! - 1;
    const k = j - 1;
    if (i < n && k < m && w[i]![k]! > 0) pairs.push([golds[i]!, preds[k]!]);
  }
  return pairs;
}

const prf = (tp: number, predicted: number, gold: number): PRF => {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return {
    tp,
    predicted,
    gold,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
};

const isScoredEvent = (p: Prediction) =>
  p.kind === "event" &&
  (p.type === "CONSULT" || p.type === "AGREE" || (p.type === "SUPPORT" && p.mode === "sign"));

const describeEvent = (doc: string, e: Prediction) => {
  const d = e.date as { start?: string; end?: string } | null;
  const actors = ((e.actors as { names?: string[] }[]) ?? []).map((a) => a.names?.[0] ?? "?").join(" + ");
  return `${doc} event ${e.type}/${e.mode ?? "-"} ${d ? (d.start === d.end ? d.start : `${d.start}/${d.end}`) : "no date"} ${actors} [${e.status}]`;
};

export function score(golds: GoldFile[], predictions: Prediction[]): Score {
  const tot = { ev: [0, 0, 0], tx: [0, 0, 0], qt: [0, 0, 0], place: [0, 0], status: [0, 0], mode: [0, 0] };
  const missed: string[] = [];
  const spurious: string[] = [];
  const attributeMisses: string[] = [];
  for (const g of golds) {
    const mine = predictions.filter((p) => String(p.doc) === String(g.doc));
    const pe = mine.filter(isScoredEvent).map((p) => ({ p, span: predSpan(p.date) }));
    const ge = (g.events ?? []).map((e) => ({ e, span: goldSpan(e.date) }));
    const evPairs = assign(ge, pe, (a, b) => {
      if (!(
        a.e.type === b.p.type &&
        dateOk(a.span, b.span) &&
        actorsOk(a.e.actors ?? [], (b.p.actors as unknown[]) ?? [])
      ))
        return 0;
      return (
        10 +
        (a.e.mode === b.p.mode ? 1 : 0) +
        (a.e.status === b.p.status ? 1 : 0) +
        (a.e.place && overlaps(nameSet(a.e.place), nameSet(b.p.place)) ? 1 : 0)
      );
    });
    for (const [a, b] of evPairs) {
      const wrong: string[] = [];
      if (a.e.place) {
        tot.place[1]!++;
        if (overlaps(nameSet(a.e.place), nameSet(b.p.place))) tot.place[0]!++;
        else wrong.push(`place ${a.e.place.join("/")} ≠ ${placeLabel(b.p.place)}`);
      }
      if (a.e.status) {
        tot.status[1]!++;
        if (a.e.status === b.p.status) tot.status[0]!++;
        else wrong.push(`status ${a.e.status} ≠ ${String(b.p.status)}`);
      }
      if (a.e.mode) {
        tot.mode[1]!++;
        if (a.e.mode === b.p.mode) tot.mode[0]!++;
        else wrong.push(`mode ${a.e.mode} ≠ ${String(b.p.mode ?? "-")}`);
      }
      if (wrong.length > 0) attributeMisses.push(`${describeEvent(g.doc, b.p)}: ${wrong.join(", ")}`);
    }
    const matchedG = new Set(evPairs.map(([a]) => a));
    const matchedP = new Set(evPairs.map(([, b]) => b));
    for (const x of ge) {
      if (!matchedG.has(x)) {
        missed.push(
          `${g.doc} event ${x.e.type}/${x.e.mode ?? "-"} ${x.e.date} ${(x.e.actors ?? []).map((a) => a[0]).join(" + ")} [${x.e.status}] :: ${x.e.evidence ?? ""}`,
        );
      }
    }
    for (const x of pe) if (!matchedP.has(x)) spurious.push(describeEvent(g.doc, x.p));

    const pt = mine.filter((p) => p.kind === "timex");
    const gt = g.timex ?? [];
    const txPairs = assign(gt, pt, (a, b) =>
      String(a.value) === String(b.value) &&
      (normName(b.text).includes(normName(a.text)) || normName(a.text).includes(normName(b.text)))
        ? 1
        : 0,
    );
    const mt = new Set(txPairs.map(([a]) => a));
    const mpt = new Set(txPairs.map(([, b]) => b));
    for (const t of gt) if (!mt.has(t)) missed.push(`${g.doc} timex ${t.text} -> ${t.value}`);
    for (const t of pt) if (!mpt.has(t)) spurious.push(`${g.doc} timex ${t.text} -> ${t.value}`);

    const pq = mine.filter((p) => p.kind === "quote");
    const gq = g.quotes ?? [];
    const qtPairs = assign(gq, pq, (a, b) =>
      normName(b.text).includes(normName(a.snippet)) && overlaps(nameSet(a.speaker), nameSet(b.speaker))
        ? 1
        : 0,
    );
    const mq = new Set(qtPairs.map(([a]) => a));
    const mpq = new Set(qtPairs.map(([, b]) => b));
    for (const q of gq) if (!mq.has(q)) missed.push(`${g.doc} quote ${q.speaker[0]}: ${q.snippet}`);
    for (const q of pq)
      if (!mpq.has(q))
        spurious.push(`${g.doc} quote ${namesOf(q.speaker)[0] ?? "?"}: ${String(q.text).slice(0, 40)}`);

    const add = (k: "ev" | "tx" | "qt", tp: number, np: number, ng: number) => {
      tot[k][0]! += tp;
      tot[k][1]! += np;
      tot[k][2]! += ng;
    };
    add("ev", evPairs.length, pe.length, ge.length);
    add("tx", txPairs.length, pt.length, gt.length);
    add("qt", qtPairs.length, pq.length, gq.length);
  }
  const ratio = (x: number[]) => (x[1] ? x[0]! / x[1]! : null);
  return {
    documents: golds.length,
    events: prf(tot.ev[0]!, tot.ev[1]!, tot.ev[2]!),
    timex: prf(tot.tx[0]!, tot.tx[1]!, tot.tx[2]!),
    quotes: prf(tot.qt[0]!, tot.qt[1]!, tot.qt[2]!),
    attributes: { place: ratio(tot.place), status: ratio(tot.status), mode: ratio(tot.mode) },
    missed,
    spurious,
    attributeMisses,
  };
}

/** The table, as the shared scorer prints it. */
export function formatScore(s: Score, verbose = false): string {
  const f = (x: number | null) => (x == null ? "  n/a" : x.toFixed(3));
  const row = (name: string, r: PRF) =>
    `${name.padEnd(7)} P ${f(r.precision)}  R ${f(r.recall)}  F1 ${f(r.f1)}   (tp ${r.tp}, predicted ${r.predicted}, gold ${r.gold})`;
  const lines = [
    `documents ${s.documents}`,
    row("events", s.events),
    row("timex", s.timex),
    row("quotes", s.quotes),
    `matched events: place ${f(s.attributes.place)}  status ${f(s.attributes.status)}  mode ${f(s.attributes.mode)}`,
  ];
  if (verbose) {
    lines.push("", "missed gold items:", ...s.missed.map((m) => `  ${m}`));
    lines.push("", "spurious predictions:", ...s.spurious.map((m) => `  ${m}`));
    lines.push(
      "",
      "matched events with other attributes (gold ≠ predicted):",
      ...s.attributeMisses.map((m) => `  ${m}`),
    );
  }
  lines.push(`overall F1 ${f((s.events.f1 + s.timex.f1 + s.quotes.f1) / 3)}`);
  return lines.join("\n");
}
