/**
 * TimelineJS: its JSON format (title and events with start and end dates,
 * headline, HTML text, group, unique id) and its Google Sheets template's
 * CSV layout.
 */
import { stringify } from "csv-stringify/sync";
import type { EventFilter } from "../query/events.js";
import type { EventRecord } from "../resolve/events/types.js";
import type { DB } from "../store/database.js";
import { docInfo, selectedEvents, type Write } from "./source.js";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

interface SlideDate {
  year: number;
  month?: number;
  day?: number;
}

function slideDate(iso: string, granularity: string): SlideDate {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  if (granularity === "year") return { year: y };
  if (granularity === "month") return { year: y, month: m };
  return { year: y, month: m, day: d };
}

function text(r: EventRecord, doc: ReturnType<typeof docInfo>): string {
  const who = r.participants
    .map((p) => escapeHtml(`${p.ja}${p.titles[0] ? ` ${p.titles[0]}` : ""}`))
    .join("、");
  const where = r.place ? `<p>${escapeHtml(r.place.ja)} / ${escapeHtml(r.place.en)}</p>` : "";
  const sources = r.docs
    .map((d) => {
      const info = doc(d);
      const title = escapeHtml(info.title ?? d);
      return info.url ? `<a href="${escapeHtml(info.url)}">${title}</a>` : title;
    })
    .join("<br>");
  return `<p>${escapeHtml(r.name.en)}</p><p>${who}</p>${where}<p>${escapeHtml(r.status)}</p><p>${sources}</p>`;
}

export function timelineJson(db: DB, filter: EventFilter, title = "kaidan"): Record<string, unknown> {
  const doc = docInfo(db);
  const events = [];
  for (const r of selectedEvents(db, filter)) {
    if (!r.date) continue;
    events.push({
      unique_id: r.id,
      start_date: slideDate(r.date.start, r.date.granularity),
      ...(r.date.granularity === "range" ? { end_date: slideDate(r.date.end, "day") } : {}),
      text: { headline: escapeHtml(r.name.ja), text: text(r, doc) },
      group: r.type,
    });
  }
  return { title: { text: { headline: escapeHtml(title), text: "Events recorded by kaidan" } }, events };
}

export function writeTimelineJson(db: DB, filter: EventFilter, write: Write): number {
  const t = timelineJson(db, filter);
  write(`${JSON.stringify(t, null, 2)}\n`);
  return (t.events as unknown[]).length;
}

/** The columns of TimelineJS's spreadsheet template, in its order. */
export const TIMELINE_SHEET_COLUMNS = [
  "Year",
  "Month",
  "Day",
  "Time",
  "End Year",
  "End Month",
  "End Day",
  "End Time",
  "Display Date",
  "Headline",
  "Text",
  "Media",
  "Media Credit",
  "Media Caption",
  "Media Thumbnail",
  "Type",
  "Group",
  "Background",
] as const;

export function writeTimelineCsv(db: DB, filter: EventFilter, write: Write): number {
  const doc = docInfo(db);
  write(stringify([[...TIMELINE_SHEET_COLUMNS]]));
  let n = 0;
  for (const r of selectedEvents(db, filter)) {
    if (!r.date) continue;
    const s = slideDate(r.date.start, r.date.granularity);
    const e = r.date.granularity === "range" ? slideDate(r.date.end, "day") : null;
    const firstUrl = r.docs.map((d) => doc(d).url).find(Boolean) ?? "";
    write(
      stringify([
        [
          s.year,
          s.month ?? "",
          s.day ?? "",
          "",
          e?.year ?? "",
          e?.month ?? "",
          e?.day ?? "",
          "",
          "",
          r.name.ja,
          text(r, doc),
          firstUrl,
          "",
          "",
          "",
          "",
          r.type,
          "",
        ],
      ]),
    );
    n++;
  }
  return n;
}
