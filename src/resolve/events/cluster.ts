/**
 * Grouping reports into events, as a function of the set of reports alone:
 * the same reports in any order give the same groups. Reports are taken
 * most precise first (a day before a month before a year, then by date,
 * publication and id); each joins the group it is compatible with in full
 * (every member, so that a vague report cannot chain two meetings together)
 * and shares the most with, or founds a new one.
 */
import { createHash } from "node:crypto";
import { compatible } from "./compatible.js";
import { mergeable, type ReportSignature } from "./signature.js";

const nullsLast = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** Most precise first: the order in which reports are grouped. */
export function byPrecision(a: ReportSignature, b: ReportSignature): number {
  return (
    (a.span ?? Infinity) - (b.span ?? Infinity) ||
    nullsLast(a.lo, b.lo) ||
    nullsLast(a.published, b.published) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** How much a report shares with a group beyond being compatible with it. */
function affinity(r: ReportSignature, group: ReportSignature[]): number {
  let score = 0;
  for (const m of group) {
    for (const [side, people] of Object.entries(r.sides))
      score += people.filter((p) => m.sides[side]?.includes(p)).length * 2;
    if (r.mode && r.mode === m.mode) score += 1;
    if (r.placeId && r.placeId === m.placeId) score += 1;
  }
  return score / group.length;
}

export function clusterReports(reports: readonly ReportSignature[]): ReportSignature[][] {
  const groups: ReportSignature[][] = [];
  // Reports of different sides or types are never compatible, so each report need only be tried
  // against the groups of its own kind: the same groups, found without comparing every report with
  // every group when a whole batch's reports are resolved at once (resolver.ts)
  const ofKind = new Map<string, ReportSignature[][]>();
  for (const r of [...reports].sort(byPrecision)) {
    let best: ReportSignature[] | null = null;
    let bestScore = -Infinity;
    const kind = `${r.matchKey}\u0000${r.type}`;
    let candidates = ofKind.get(kind);
    if (!candidates) ofKind.set(kind, (candidates = []));
    if (mergeable(r)) {
      for (const g of candidates) {
        if (!g.every((m) => compatible(r, m))) continue;
        const s = affinity(r, g);
        if (s > bestScore) {
          best = g;
          bestScore = s;
        }
      }
    }
    if (best) best.push(r);
    else {
      const g = [r];
      groups.push(g);
      candidates.push(g);
    }
  }
  return groups;
}

/**
 * The report an event's id derives from: the first published (then the most
 * precise). New articles about an old event are published later, so the
 * founder — and the id — rarely changes as reports accumulate.
 */
export function founderOf(group: readonly ReportSignature[]): ReportSignature {
  return [...group].sort((a, b) => nullsLast(a.published, b.published) || byPrecision(a, b))[0]!;
}

/**
 * `ev-<year>-<hash of the founder report>`: the same reports always give the same id. The hash
 * covers what the report is about (family, sides, people) as well as its id, because report ids
 * are positions in a document and a re-read document's e1 may be another event.
 */
export function eventIdOf(group: readonly ReportSignature[]): string {
  const f = founderOf(group);
  const year = f.lo?.slice(0, 4) ?? "undated";
  const identity = `${f.id}|${f.matchKey}|${JSON.stringify(f.sides)}`;
  return `ev-${year}-${createHash("sha256").update(identity).digest("hex").slice(0, 10)}`;
}
