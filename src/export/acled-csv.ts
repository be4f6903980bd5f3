/**
 * CSV in ACLED's two layouts: one row per event (event id, date, time
 * precision, type and sub-type, actors and associated actors, location,
 * sources, notes) and one row per actor of each event. PLOVER types stand
 * where ACLED has its own event types; kaidan's status and score are added.
 */
import { stringify } from "csv-stringify/sync";
import type { EventFilter } from "../query/events.js";
import type { EventParticipant, EventRecord } from "../resolve/events/types.js";
import type { DB } from "../store/database.js";
import { docInfo, selectedEvents, type Write } from "./source.js";

export const EVENT_COLUMNS = [
  "event_id",
  "event_date",
  "end_date",
  "year",
  "time_precision",
  "status",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "actor2",
  "assoc_actor_2",
  "iso",
  "location",
  "location_id",
  "source",
  "source_urls",
  "notes",
  "name_ja",
  "name_en",
  "score",
  "quad",
  "reports",
  "tags",
] as const;

export const ACTOR_COLUMNS = [
  "event_id",
  "event_date",
  "actor_id",
  "actor_name",
  "actor_name_ja",
  "kind",
  "role",
  "represents",
  "title",
  "office",
  "event_type",
  "sub_event_type",
  "status",
] as const;

/** ACLED's time precision: 1 the day is known, 2 within a week or so, 3 a month or more. */
const precision = (r: EventRecord) =>
  !r.date
    ? ""
    : r.date.granularity === "day"
      ? 1
      : r.date.granularity === "range" && r.date.end <= r.date.start.slice(0, 8) + "31"
        ? 2
        : 3;

const names = (ps: EventParticipant[]) => ps.map((p) => p.en).join("; ");

function eventRow(r: EventRecord, doc: ReturnType<typeof docInfo>): Record<string, unknown> {
  const actors = r.participants.filter((p) => p.role === "actor");
  const recipients = r.participants.filter((p) => p.role === "recipient");
  // ACLED's actor1 and actor2 are single actors, the others "associated"; a reciprocal meeting
  // (all participants in PLOVER's actor role) puts its second participant in actor2
  const [actor1, ...rest] = actors;
  const actor2 = recipients[0] ?? rest[0];
  const assoc1List = recipients.length > 0 ? rest : rest.slice(1);
  const assoc2 = recipients.slice(1);
  const docs = r.docs.map((d) => ({ id: d, ...doc(d) }));
  return {
    event_id: r.id,
    event_date: r.date?.start ?? "",
    end_date: r.date?.end ?? "",
    year: r.date?.start.slice(0, 4) ?? "",
    time_precision: precision(r),
    status: r.status,
    event_type: r.type,
    sub_event_type: r.mode ?? "",
    actor1: actor1?.en ?? "",
    assoc_actor_1: names(assoc1List),
    actor2: actor2?.en ?? "",
    assoc_actor_2: names(assoc2),
    iso: r.place?.country ?? "",
    location: r.place?.en ?? "",
    location_id: r.place?.id ?? "",
    source: docs.map((d) => d.title ?? d.id).join("; "),
    source_urls: docs
      .map((d) => d.url ?? "")
      .filter(Boolean)
      .join(" "),
    notes: `${r.name.en}. ${r.name.ja}`,
    name_ja: r.name.ja,
    name_en: r.name.en,
    score: r.score ?? "",
    quad: r.quad ?? "",
    reports: r.reports.length,
    tags: r.conflicts.map((c) => `conflict:${c.field}`).join("; "),
  };
}

export function writeEventsCsv(db: DB, filter: EventFilter, write: Write): number {
  const doc = docInfo(db);
  write(stringify([[...EVENT_COLUMNS]]));
  let n = 0;
  for (const r of selectedEvents(db, filter)) {
    write(stringify([eventRow(r, doc)], { columns: [...EVENT_COLUMNS] }));
    n++;
  }
  return n;
}

export function writeActorsCsv(db: DB, filter: EventFilter, write: Write): number {
  write(stringify([[...ACTOR_COLUMNS]]));
  let n = 0;
  for (const r of selectedEvents(db, filter)) {
    for (const p of [...r.participants, ...r.delegates]) {
      write(
        stringify(
          [
            {
              event_id: r.id,
              event_date: r.date?.start ?? "",
              actor_id: p.id,
              actor_name: p.en,
              actor_name_ja: p.ja,
              kind: p.kind,
              role: p.role,
              represents: p.represents ?? "",
              title: p.titles[0] ?? "",
              office: p.office ?? "",
              event_type: r.type,
              sub_event_type: r.mode ?? "",
              status: r.status,
            },
          ],
          { columns: [...ACTOR_COLUMNS] },
        ),
      );
      n++;
    }
  }
  return n;
}
