/**
 * Ingestion: read the paths, analyse and extract each document, store it
 * in its own transaction. A file that cannot be read or analysed is
 * reported and skipped; the others go on.
 */
import { listFiles, ReadError, readFile, type SourceDocument } from "../read/index.js";
import { resolutionObserver } from "../resolve/events/observer.js";
import type { DB } from "../store/database.js";
import { DocumentWriter, type StoreResult, sha256 } from "../store/write.js";
import { extractionOf } from "./extraction.js";
import type { Pipeline } from "./pipeline.js";

export interface IngestReport {
  files: number;
  documents: { new: number; updated: number; unchanged: number };
  events: number;
  quotes: number;
  errors: ReadError[];
}

export interface IngestHooks {
  onFiles?(total: number): void;
  onFile?(path: string): void;
  onDocument?(doc: SourceDocument, result: StoreResult): void;
  onError?(error: ReadError): void;
}

export async function ingestPaths(
  paths: readonly string[],
  pipeline: Pipeline,
  db: DB,
  hooks: IngestHooks = {},
): Promise<IngestReport> {
  // each document's events are merged into the events of the other documents in its own transaction
  const writer = new DocumentWriter(db, resolutionObserver(db, pipeline.ctx.lexicon));
  const report: IngestReport = {
    files: 0,
    documents: { new: 0, updated: 0, unchanged: 0 },
    events: 0,
    quotes: 0,
    errors: [],
  };
  const error = (e: ReadError) => {
    report.errors.push(e);
    hooks.onError?.(e);
  };
  const files = listFiles(paths);
  hooks.onFiles?.(files.filter((f) => typeof f === "string").length);
  // the same id twice in one run with different texts is a mistake in the input
  const seen = new Map<string, { hash: string; where: string }>();
  for (const f of files) {
    if (f instanceof ReadError) {
      error(f);
      continue;
    }
    report.files++;
    for (const item of readFile(f)) {
      if (item instanceof ReadError) {
        error(item);
        continue;
      }
      const where = `${item.path}${item.line ? `:${item.line}` : ""}`;
      const hash = sha256(item.body);
      const first = seen.get(item.id);
      if (first && first.hash !== hash) {
        error(
          new ReadError(
            item.path,
            `duplicate id '${item.id}' with a different text (first in ${first.where}); kept the first`,
            item.line,
          ),
        );
        continue;
      }
      seen.set(item.id, { hash, where });
      try {
        const doc = await pipeline.process(item);
        const extraction = extractionOf(doc);
        const result = writer.store(doc, extraction);
        report.documents[result.outcome]++;
        report.events += extraction.events.length;
        report.quotes += extraction.quotes.length;
        hooks.onDocument?.(item, result);
      } catch (e) {
        error(new ReadError(item.path, `analysis failed: ${(e as Error).message}`, item.line));
      }
    }
    hooks.onFile?.(f);
  }
  return report;
}
