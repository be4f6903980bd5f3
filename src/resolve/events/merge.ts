/**
 * One event record from its reports. Every field keeps each value with the
 * reports that give it and the spans that say so; the most precise value
 * wins (a day beats a month, a venue beats a city), and values that cannot
 * all be true are recorded as conflicts rather than hidden.
 */
import type { Cited, EventStatus, ExtractedEvent, Participant } from "../../extract/types.js";
import type { Lexicon } from "../../lexicon/lexicon.js";
import { byPrecision } from "./cluster.js";
import { sameAgreement } from "./compatible.js";
import { eventName } from "./names.js";
import { countedScore } from "./plover.js";
import { type ReportSignature, representedBy } from "./signature.js";
import type {
  EventParticipant,
  EventPlace,
  EventRecord,
  FieldConflict,
  FieldValue,
  StatusStep,
} from "./types.js";

export interface Report {
  sig: ReportSignature;
  event: ExtractedEvent;
}

/** Collects the values of one field in the order reports are given (most precise first). */
class FieldValues {
  private readonly values = new Map<string, FieldValue>();

  add(value: string, r: Report, cited?: Cited | null): void {
    let v = this.values.get(value);
    if (!v) {
      v = { value, reports: [], citations: [] };
      this.values.set(value, v);
    }
    if (!v.reports.includes(r.sig.id)) v.reports.push(r.sig.id);
    if (cited && !v.citations.some((c) => c.report === r.sig.id && c.start === cited.start))
      v.citations.push({
        doc: r.sig.doc,
        report: r.sig.id,
        start: cited.start,
        end: cited.end,
        text: cited.text,
      });
  }

  list(): FieldValue[] {
    return [...this.values.values()];
  }

  /** The value most reports give; ties go to the one given by the most precise report. */
  mostReported(): FieldValue | undefined {
    let best: FieldValue | undefined;
    for (const v of this.values.values()) if (!best || v.reports.length > best.reports.length) best = v;
    return best;
  }
}

const STATUS_WEIGHT: Record<EventStatus, number> = {
  occurred: 4,
  cancelled: 3,
  denied: 2,
  planned: 1,
  speculated: 0,
};

/**
 * Status evolves: a held event is `occurred` whatever was planned before;
 * otherwise the latest report decides (planned, then cancelled).
 */
function chooseStatus(reports: readonly Report[], conflicts: FieldConflict[]): EventStatus {
  const held = reports.filter((r) => r.sig.status === "occurred");
  if (held.length > 0) {
    // a cancellation before the event was held is history; one reported after it contradicts it
    const firstHeld = held.map((r) => r.sig.published ?? "").sort()[0]!;
    const against = reports.filter(
      (r) =>
        (r.sig.status === "cancelled" || r.sig.status === "denied") && (r.sig.published ?? "") >= firstHeld,
    );
    if (against.length > 0)
      conflicts.push({
        field: "status",
        values: ["occurred", ...new Set(against.map((r) => r.sig.status))],
        chosen: "occurred",
        note: `reported as held, and afterwards as not held (${against.map((r) => r.sig.id).join(", ")}); held wins`,
      });
    return "occurred";
  }
  const latest = [...reports].sort(
    (a, b) =>
      (b.sig.published ?? "").localeCompare(a.sig.published ?? "") ||
      STATUS_WEIGHT[b.sig.status] - STATUS_WEIGHT[a.sig.status],
  )[0]!;
  return latest.sig.status;
}

function statusHistory(reports: readonly Report[]): StatusStep[] {
  const steps: StatusStep[] = [];
  const ordered = [...reports].sort(
    (a, b) =>
      (a.sig.published ?? "9999").localeCompare(b.sig.published ?? "9999") ||
      STATUS_WEIGHT[a.sig.status] - STATUS_WEIGHT[b.sig.status] ||
      a.sig.id.localeCompare(b.sig.id),
  );
  for (const r of ordered) {
    if (steps.at(-1)?.status === r.sig.status) continue;
    steps.push({ status: r.sig.status, published: r.sig.published, doc: r.sig.doc, report: r.sig.id });
  }
  return steps;
}

const dateValue = (e: ExtractedEvent) =>
  e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}/${e.date.end}`) : null;

function placeOf(lex: Lexicon, e: ExtractedEvent): EventPlace | null {
  if (!e.place) return null;
  const id = e.place.id ?? null;
  const entry = id ? (lex.places.get(id) ?? lex.states.get(id)) : undefined;
  return {
    id,
    ja: entry?.name.ja ?? e.place.names[0] ?? id ?? "",
    en: entry?.name.en ?? e.place.names[0] ?? id ?? "",
    kind: id && lex.states.has(id) ? "state" : (e.place.kind ?? null),
    country: e.place.country ?? (id && lex.states.has(id) ? id : null),
  };
}

function participantsOf(
  lex: Lexicon,
  reports: readonly Report[],
  date: string | null,
  role: "delegate" | "party",
  conflicts: FieldConflict[],
): EventParticipant[] {
  const byId = new Map<
    string,
    { first: Participant; roles: Map<string, number>; titles: Map<string, number>; n: number }
  >();
  for (const r of reports) {
    const seen = new Set<string>();
    for (const p of r.event.participants) {
      if ((p.role === "delegate") !== (role === "delegate") || seen.has(p.actor.id)) continue;
      seen.add(p.actor.id);
      let entry = byId.get(p.actor.id);
      if (!entry) {
        entry = { first: p, roles: new Map(), titles: new Map(), n: 0 };
        byId.set(p.actor.id, entry);
      }
      entry.n++;
      entry.roles.set(p.role, (entry.roles.get(p.role) ?? 0) + 1);
      const title = p.title ?? p.actor.title;
      if (title) entry.titles.set(title, (entry.titles.get(title) ?? 0) + 1);
    }
  }
  const out: EventParticipant[] = [];
  for (const [id, e] of byId) {
    const roles = [...e.roles].sort((a, b) => b[1] - a[1] || (a[0] === "actor" ? -1 : 1));
    if (roles.length > 1)
      conflicts.push({
        field: "role",
        values: roles.map(([r]) => `${id}:${r}`),
        chosen: `${id}:${roles[0]![0]}`,
        note: `${e.first.actor.en} is reported in different roles; the role most reports give wins`,
      });
    const person = e.first.actor.kind === "person" ? lex.people.get(id) : undefined;
    const offices = person ? lex.officesHeld(person, date) : [];
    const office = offices.find((o) => o.leader) ?? offices[0];
    out.push({
      id,
      kind: e.first.actor.kind,
      en: e.first.actor.en,
      ja: e.first.actor.ja,
      represents: representedBy(lex, e.first.actor, date),
      role: roles[0]![0] as EventParticipant["role"],
      titles: [...e.titles].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([t]) => t),
      office: office?.id ?? null,
      officeTitle: office?.titles[0] ?? null,
      resolved: e.first.actor.resolved,
      reports: e.n,
    });
  }
  if (role === "delegate") return out;
  // a state is implied by the person who represents it: 金総書記 and 北朝鮮 are one participant
  const represented = new Set(out.filter((p) => p.kind !== "state").map((p) => p.represents));
  return out.filter((p) => p.kind !== "state" || !represented.has(p.id));
}

function seriesKeyOf(
  lex: Lexicon,
  family: string,
  states: string[],
  parts: EventParticipant[],
): string | null {
  const leaders = parts.filter((p) => p.kind === "person" && p.office && lex.offices.get(p.office)?.leader);
  const leaderSides = new Set(leaders.map((p) => p.represents));
  if (leaders.length >= 2 && leaderSides.size === states.length)
    return `${family}|${leaders
      .map((p) => p.id)
      .sort()
      .join(",")}`;
  return states.length > 0 ? `${family}|${states.join(",")}` : null;
}

export function mergeReports(id: string, input: readonly Report[], lex: Lexicon): EventRecord {
  const reports = [...input].sort((a, b) => byPrecision(a.sig, b.sig));
  const head = reports[0]!;
  const conflicts: FieldConflict[] = [];
  const f = {
    type: new FieldValues(),
    mode: new FieldValues(),
    status: new FieldValues(),
    date: new FieldValues(),
    place: new FieldValues(),
    participants: new FieldValues(),
    object: new FieldValues(),
  };
  for (const r of reports) {
    const e = r.event;
    f.type.add(e.type, r, e.trigger);
    if (e.mode) f.mode.add(e.mode, r, e.trigger);
    f.status.add(e.status, r, e.trigger);
    const d = dateValue(e);
    if (d) f.date.add(d, r, e.date?.cited);
    if (e.place) f.place.add(e.place.id ?? e.place.names[0] ?? "?", r, e.place.cited);
    for (const p of e.participants) f.participants.add(p.actor.id, r, p.cited);
    if (e.object) f.object.add(e.object, r, e.evidence.find((s) => s.text.includes(e.object!)) ?? e.trigger);
  }

  // the date: the narrowest report's, the most reported among equally narrow ones
  const narrowest = reports.filter((r) => r.event.date && r.sig.span === head.sig.span);
  const dateWin = narrowest.length
    ? (() => {
        const counts = new FieldValues();
        for (const r of narrowest) counts.add(dateValue(r.event)!, r);
        const values = counts.list();
        const win = counts.mostReported()!;
        if (values.length > 1)
          conflicts.push({
            field: "date",
            values: values.map((v) => v.value),
            chosen: win.value,
            note: "equally precise reports give different dates; the date most reports give wins",
          });
        return narrowest.find((r) => dateValue(r.event) === win.value)!.event.date!;
      })()
    : null;
  const date = dateWin ? { start: dateWin.start, end: dateWin.end, granularity: dateWin.granularity } : null;

  // the place: the deepest in the gazetteer (a venue beats a city beats a country)
  const placed = reports.filter((r) => r.event.place);
  const depth = (r: Report) => r.sig.place?.length ?? 0;
  const deepest = Math.max(0, ...placed.map(depth));
  const placeCandidates = new FieldValues();
  for (const r of placed)
    if (depth(r) === deepest) placeCandidates.add(r.event.place!.id ?? r.event.place!.names[0] ?? "?", r);
  const placeWin = placeCandidates.mostReported();
  const placeReport = placeWin ? placed.find((r) => r.sig.id === placeWin.reports[0])! : undefined;
  const place = placeReport ? placeOf(lex, placeReport.event) : null;
  const placeIds = [...new Set(placed.map((r) => r.sig.placeId).filter((p): p is string => !!p))];
  const disjoint = placeIds.filter(
    (p) =>
      p !== place?.id &&
      !placed.some((r) => r.sig.placeId === place?.id && r.sig.place?.includes(p)) &&
      !placed.some((r) => r.sig.placeId === p && r.sig.place?.includes(place?.id ?? "")),
  );
  if (place?.id && disjoint.length > 0)
    conflicts.push({
      field: "place",
      values: [place.id, ...disjoint],
      chosen: place.id,
      note: "reports name places that do not contain one another; the most specific, most reported wins",
    });

  // the mode: the most reported; a third party or multilateral setting is more specific than `meet`
  const modeWin = f.mode.mostReported()?.value ?? null;
  const specific = f.mode.list().find((v) => v.value === "third-party" || v.value === "multilateral");
  const mode = modeWin === "meet" && specific ? specific.value : modeWin;

  const objects = f.object.list();
  const objectWin = objects.length
    ? [...objects].sort((a, b) => b.reports.length - a.reports.length || b.value.length - a.value.length)[0]!
    : undefined;
  const distinctObjects = objects.filter((o) => objectWin && !sameAgreement(o.value, objectWin.value));
  if (objectWin && distinctObjects.length > 0)
    conflicts.push({
      field: "object",
      values: [objectWin.value, ...distinctObjects.map((o) => o.value)],
      chosen: objectWin.value,
      note: "reports name different agreements",
    });

  const status = chooseStatus(reports, conflicts);
  const onDate = date?.start ?? head.sig.lo;
  const participants = participantsOf(lex, reports, onDate, "party", conflicts);
  const delegates = participantsOf(lex, reports, onDate, "delegate", conflicts);
  const states = [
    ...new Set(reports.flatMap((r) => Object.keys(r.sig.sides)).filter((s) => !s.startsWith("actor:"))),
  ].sort();
  const type = head.event.type;
  const scored = countedScore(type, mode, status);
  const published = reports
    .map((r) => r.sig.published)
    .filter((p): p is string => !!p)
    .sort();
  const record: EventRecord = {
    id,
    name: { ja: "", en: "" },
    type,
    mode,
    family: head.sig.family,
    status,
    date,
    place,
    participants,
    delegates,
    object: objectWin?.value ?? null,
    states,
    seriesKey: seriesKeyOf(lex, head.sig.family, states, participants),
    score: scored?.score ?? null,
    quad: scored?.quad ?? null,
    fields: {
      type: f.type.list(),
      mode: f.mode.list(),
      status: f.status.list(),
      date: f.date.list(),
      place: f.place.list(),
      participants: f.participants.list(),
      object: objects,
    },
    conflicts,
    statusHistory: statusHistory(reports),
    reports: [...reports]
      .sort((a, b) => a.sig.id.localeCompare(b.sig.id))
      .map((r) => ({ id: r.sig.id, doc: r.sig.doc, published: r.sig.published, status: r.sig.status })),
    docs: [...new Set(reports.map((r) => r.sig.doc))].sort(),
    firstPublished: published[0] ?? null,
  };
  record.name = eventName(
    {
      type,
      mode,
      family: record.family,
      year: date?.start.slice(0, 4) ?? null,
      states,
      participants,
      object: record.object,
    },
    lex,
  );
  return record;
}
