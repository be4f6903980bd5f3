/**
 * When two reports can describe the same real-world event: the same type and
 * mode family, the same sides (a person counts as the state they represent
 * on that date), the same people wherever both name someone for a side, the
 * same direction, overlapping dates at their granularities, places that
 * contain one another (or two venues of one city), and the same agreement.
 */
import { modesAgree } from "./plover.js";
import { mergeable, type ReportSignature } from "./signature.js";

export function compatible(a: ReportSignature, b: ReportSignature): boolean {
  if (a.id === b.id) return true;
  if (a.matchKey !== b.matchKey || a.type !== b.type) return false;
  if (!mergeable(a) || !mergeable(b)) return false;
  if (!modesAgree(a.type, a.mode, b.mode)) return false;
  if (a.lo! > b.hi! || b.lo! > a.hi!) return false;
  if (!samePeople(a, b)) return false;
  if (a.actorSides && b.actorSides && a.actorSides.join() !== b.actorSides.join()) return false;
  if (!placesAgree(a, b)) return false;
  if (a.object && b.object && !sameAgreement(a.object, b.object)) return false;
  return true;
}

/** For each side, the people both reports name must overlap (a side named only as a state matches anyone). */
export function samePeople(a: ReportSignature, b: ReportSignature): boolean {
  for (const [side, people] of Object.entries(a.sides)) {
    const other = b.sides[side] ?? [];
    if (people.length > 0 && other.length > 0 && !people.some((p) => other.includes(p))) return false;
  }
  return true;
}

export function placesAgree(a: ReportSignature, b: ReportSignature): boolean {
  if (!a.place || !b.place) return true;
  if (a.place.includes(b.placeId!) || b.place.includes(a.placeId!)) return true;
  // the ceremony at one venue and the talks at another, in the same city
  return a.placeCity !== null && a.placeCity === b.placeCity;
}

/** The characters that carry an agreement's name (包括的な戦略的パートナーシップに関する条約 ≈ 包括的戦略パートナーシップ条約). */
const agreementKey = (s: string) =>
  s.replace(/[\s「」『』()（）・、]/g, "").replace(/に関する|における|の|的|な/g, "");

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Whether two agreement names name the same agreement: one contains the other, or most of their bigrams agree. */
export function sameAgreement(x: string, y: string): boolean {
  const a = agreementKey(x);
  const b = agreementKey(y);
  if (a === b || a.includes(b) || b.includes(a)) return true;
  const ba = bigrams(a);
  const bb = bigrams(b);
  let shared = 0;
  for (const [k, n] of ba) shared += Math.min(n, bb.get(k) ?? 0);
  const total = Math.max(1, a.length - 1 + (b.length - 1));
  return (2 * shared) / total >= 0.6;
}
