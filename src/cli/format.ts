/** Small text formatters shared by the commands that print events. */
import type { EventDate, EventParticipant } from "../resolve/events/types.js";

export const formatDate = (d: EventDate | null) =>
  !d
    ? "undated"
    : d.start === d.end
      ? d.start
      : d.granularity === "month"
        ? d.start.slice(0, 7)
        : d.granularity === "year"
          ? d.start.slice(0, 4)
          : `${d.start}/${d.end}`;

export function actorLabel(p: EventParticipant): string {
  const title = p.titles[0] ?? p.officeTitle;
  return `${p.ja}${title ? ` ${title}` : ""} / ${p.en}${p.represents && p.represents !== p.id ? ` (${p.represents})` : ""}`;
}
