/** One writer per export format. */
import type { Lexicon } from "../lexicon/lexicon.js";
import type { EventFilter } from "../query/events.js";
import type { DB } from "../store/database.js";
import { writeActorsCsv, writeEventsCsv } from "./acled-csv.js";
import { writeGexfExport } from "./gexf.js";
import { writeGraphmlExport } from "./graphml.js";
import { writePloverJsonl } from "./plover-jsonl.js";
import { writeSchema } from "./plover-schema.js";
import type { Write } from "./source.js";
import { writeTimelineCsv, writeTimelineJson } from "./timelinejs.js";

export const EXPORT_FORMATS = [
  "jsonl",
  "csv",
  "actors-csv",
  "timelinejs",
  "timelinejs-csv",
  "gexf",
  "graphml",
  "schema",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Writes the export; returns how many records (events, rows or ties) it wrote. */
export function writeExport(
  db: DB,
  format: ExportFormat,
  filter: EventFilter,
  write: Write,
  lex: Lexicon | null = null,
): number {
  const network = { actor: filter.actor, from: filter.from, to: filter.to };
  switch (format) {
    case "jsonl":
      return writePloverJsonl(db, filter, write, lex);
    case "csv":
      return writeEventsCsv(db, filter, write);
    case "actors-csv":
      return writeActorsCsv(db, filter, write);
    case "timelinejs":
      return writeTimelineJson(db, filter, write);
    case "timelinejs-csv":
      return writeTimelineCsv(db, filter, write);
    case "gexf":
      return writeGexfExport(db, network, write);
    case "graphml":
      return writeGraphmlExport(db, network, write);
    case "schema":
      writeSchema(write);
      return 1;
  }
}
