/**
 * Ingestion: read the paths, analyse and extract each document, store it
 * whole or not at all (in a batch committed about every second, from which
 * a document that fails is taken out alone: src/store/batch.ts). A file
 * that cannot be read or analysed is reported and skipped; the others go on.
 *
 * With an analysis pool (src/pipeline/parallel.ts) documents are analysed
 * on worker threads while this thread, the only one writing, stores the
 * finished ones in reading order; a bounded number are in flight at once.
 */
import { listFiles, ReadError, readFile, type SourceDocument } from "../read/index.js";
import { resolutionObserver } from "../resolve/events/observer.js";
import { type DB, tuneForIngestion } from "../store/database.js";
import { type BatchLimits, DEFAULT_BATCH, WriteBatch } from "../store/batch.js";
import { DocumentWriter, type StoreRecord, type StoreResult, storeRecord } from "../store/write.js";
import { extractionOf } from "./extraction.js";
import { keepHeapsTight } from "./heap.js";
import { type AnalysisPool, InFlight } from "./parallel.js";
import type { Pipeline } from "./pipeline.js";

export interface IngestReport {
  files: number;
  documents: { new: number; updated: number; unchanged: number };
  events: number;
  quotes: number;
  /** Documents stored for search but not analysed: not about diplomacy (the fast pass's scope). */
  notDiplomacy: number;
  errors: ReadError[];
}

export interface IngestHooks {
  onFiles?(total: number): void;
  onFile?(path: string): void;
  onDocument?(doc: SourceDocument, result: StoreResult): void;
  onError?(error: ReadError): void;
}

export interface IngestOptions {
  /** Analyse on these worker threads instead of this one. */
  pool?: AnalysisPool;
  /** How many documents, or how long, one write transaction holds (DEFAULT_BATCH). */
  batch?: BatchLimits;
  /**
   * Keep the process's JavaScript heaps near their live size (src/pipeline/heap.ts): true by default, for a
   * long ingestion; a server ingesting an upload between queries keeps V8's own heap growth.
   */
  tightHeaps?: boolean;
}

type Pending =
  | { kind: "doc"; item: SourceDocument; record: Promise<StoreRecord>; settled: boolean }
  | { kind: "file"; path: string };

export async function ingestPaths(
  paths: readonly string[],
  pipeline: Pipeline,
  db: DB,
  hooks: IngestHooks = {},
  opts: IngestOptions = {},
): Promise<IngestReport> {
  // each document's events are merged into the events of the other documents as the document is stored
  const resolution = resolutionObserver(db, pipeline.ctx.lexicon);
  const writer = new DocumentWriter(db, resolution);
  // a batch's events are resolved together just before it commits
  const batch = new WriteBatch(db, opts.batch ?? DEFAULT_BATCH, [resolution]);
  if (!db.memory) tuneForIngestion(db);
  if (opts.tightHeaps !== false) keepHeapsTight();
  const report: IngestReport = {
    files: 0,
    documents: { new: 0, updated: 0, unchanged: 0 },
    events: 0,
    quotes: 0,
    notDiplomacy: 0,
    errors: [],
  };
  const error = (e: ReadError) => {
    report.errors.push(e);
    hooks.onError?.(e);
  };
  const pool = opts.pool;
  if (pool) await pool.ready;
  const analyse = pool
    ? (item: SourceDocument) => pool.analyse(item)
    : async (item: SourceDocument) => {
        const doc = await pipeline.process(item);
        return storeRecord(doc, extractionOf(doc));
      };
  // Documents are stored in reading order, but analysed in whatever order the workers finish them: a
  // few per worker are being analysed at any time, and those finished wait for the ones before them.
  // Waiting instead for the oldest before sending the next could leave a worker idle while another held
  // a long article. Both bounds keep memory flat.
  const analysingAtMost = pool ? pool.size * 4 : 1;
  const waitingAtMost = pool ? pool.size * 32 : 1;
  const queue: Pending[] = [];
  let inQueue = 0;
  const analysing = new InFlight();
  // the same id twice in one run with different texts is a mistake in the input: what this run
  // stored is in the database, so no list of every id read has to be kept
  const runStart = new Date().toISOString();
  const drain = async () => {
    const head = queue.shift()!;
    if (head.kind === "file") {
      hooks.onFile?.(head.path);
      return;
    }
    inQueue--;
    const item = head.item;
    try {
      const record = await head.record;
      const stored = writer.storedVersion(item.id);
      if (stored && stored.updated_at >= runStart && stored.sha256 !== record.sha256) {
        error(
          new ReadError(
            item.path,
            `duplicate id '${item.id}' with a different text (first in ${stored.path}); kept the first`,
            item.line,
          ),
        );
        return;
      }
      // counted once stored; uncounted if the batch takes it out when it commits (src/store/batch.ts)
      const count = (outcome: StoreResult["outcome"], by: 1 | -1) => {
        report.documents[outcome] += by;
        report.events += by * record.extraction.events.length;
        report.quotes += by * record.extraction.quotes.length;
        if (record.outOfScope) report.notDiplomacy += by;
      };
      let counted: StoreResult["outcome"] | null = null;
      let dropped = false;
      const result = batch.write(
        () => writer.writeInTransaction(record),
        (e) => {
          dropped = true;
          if (counted) count(counted, -1);
          error(new ReadError(item.path, `storing failed: ${e.message}`, item.line));
        },
      );
      if (dropped) return;
      count(result.outcome, 1);
      counted = result.outcome;
      hooks.onDocument?.(item, result);
    } catch (e) {
      error(new ReadError(item.path, `analysis failed: ${(e as Error).message}`, item.line));
    }
  };
  try {
    await readAll();
  } finally {
    // what the batch holds is whole documents: keep them even if reading stopped on an exception
    batch.commit();
  }
  return report;

  async function readAll() {
    const files = listFiles(paths);
    hooks.onFiles?.(files.filter((f) => typeof f === "string").length);
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
        const pending = { kind: "doc" as const, item, record: analyse(item), settled: false };
        // stored later, in order (a failure is reported then)
        const settled = () => (pending.settled = true);
        pending.record.then(settled, settled);
        analysing.add(pending.record);
        queue.push(pending);
        inQueue++;
        for (;;) {
          const head = queue[0];
          if (head && (head.kind === "file" || head.settled)) await drain();
          else if (analysing.count >= analysingAtMost || inQueue >= waitingAtMost) await analysing.anyEnds();
          else break;
        }
      }
      queue.push({ kind: "file", path: f });
      while (queue.length > 0 && queue[0]!.kind === "file") await drain();
    }
    while (queue.length > 0) await drain();
  }
}
