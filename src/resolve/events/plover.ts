/**
 * What PLOVER says about an event type: its family for merging, its
 * cooperation–conflict score (−10 … +10) and its quad class (1 verbal
 * cooperation, 2 material cooperation, 3 verbal conflict, 4 material
 * conflict). Scores are PLOVER v2.0's expert scores as summarised in
 * ../shared/research/event-data-anchors.md.
 */
import type { EventStatus } from "../../extract/types.js";

interface TypeScore {
  score: number;
  quad: 1 | 2 | 3 | 4;
  modes?: Record<string, number>;
}

const SCORES: Record<string, TypeScore> = {
  AGREE: { score: 2.5, quad: 1 },
  CONSULT: { score: 2.5, quad: 1, modes: { visit: 4, "third-party": 1, multilateral: 4, phone: 1.5 } },
  SUPPORT: { score: 5, quad: 1 },
  CONCEDE: { score: 4.5, quad: 1 },
  COOPERATE: { score: 9.5, quad: 2 },
  AID: { score: 10, quad: 2 },
  RETREAT: { score: 6.5, quad: 2 },
  REQUEST: { score: 0, quad: 3, modes: { assist: 0.5, change: -1, yield: -1, meet: 0 } },
  // the manual prints ACCUSE as +3, which its own modes (−2, −3.5, −3.5) and its quad contradict:
  // verbal conflict is scored as its mildest mode
  ACCUSE: { score: -2, quad: 3, modes: { disapprove: -2, investigate: -3.5, allege: -3.5 } },
  REJECT: { score: -2, quad: 3 },
  THREATEN: { score: -3.5, quad: 3 },
  PROTEST: { score: -5, quad: 4 },
  // the manual's final table puts SANCTION under verbal conflict
  SANCTION: { score: -6, quad: 3, modes: { expel: -5.5 } },
  MOBILIZE: { score: -5.5, quad: 4 },
  COERCE: { score: -7, quad: 4 },
  ASSAULT: { score: -9, quad: 4, modes: { unconventional: -10 } },
  // kaidan's extension: gifts between leaders are gestures of goodwill, scored as SUPPORT
  GIFT: { score: 5, quad: 1 },
};

/** The PLOVER score and quad of a type and mode, or null for a type PLOVER does not score. */
export function ploverScore(type: string, mode: string | null): { score: number; quad: number } | null {
  const t = SCORES[type];
  if (!t) return null;
  const byMode = mode ? t.modes?.[mode] : undefined;
  return { score: byMode ?? t.score, quad: t.quad };
}

/**
 * The score an event counts for in relations, given its status. PLOVER codes an
 * announced future meeting as AGREE and a cancelled one as REJECT; speculation
 * and denied events are not counted.
 */
export function countedScore(
  type: string,
  mode: string | null,
  status: EventStatus,
): { score: number; quad: number } | null {
  if (status === "occurred") return ploverScore(type, mode);
  if (status === "planned") return ploverScore("AGREE", null);
  if (status === "cancelled") return ploverScore("REJECT", null);
  return null;
}

const CONSULT_FAMILIES: Record<string, string> = {
  meet: "meeting",
  "third-party": "meeting",
  multilateral: "meeting",
  visit: "visit",
  phone: "phone",
};

/**
 * Reports must share a family to be merged: a visit (the trip) and the
 * meeting held during it stay two events, a phone call is not a meeting,
 * and a summit reported as `meet` by one article and `third-party` by another
 * is one meeting.
 */
export function familyOf(type: string, mode: string | null): string {
  if (type === "CONSULT") return `CONSULT:${(mode && CONSULT_FAMILIES[mode]) ?? "meeting"}`;
  return type;
}

/** Whether two modes of the same family can describe one event. */
export function modesAgree(type: string, a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  return type === "CONSULT" && familyOf(type, a) === familyOf(type, b);
}
