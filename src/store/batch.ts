/**
 * Documents stored in batches: one write transaction holds the documents
 * written during a short interval, and a document that fails to store is
 * taken out alone — the others of the batch stay.
 *
 * One transaction per document made every commit flush the full-text
 * indexes' new segments and merge them (most of the cost of storing, by
 * `npm run bench`); a batch pays that once. Nor does a document get a
 * savepoint of its own: opening one makes every full-text index flush what it
 * holds, which cost a fifth of ingestion. Instead the batch keeps the writes
 * it has run, and when one throws it rolls the transaction back and runs the
 * earlier ones again: failures are rare, and a batch is small.
 *
 * What a crash can lose is the batch not yet committed — whole documents,
 * which the next run reads again — never part of a document. Other writers
 * wait about one interval for the lock (their busy timeout is far longer);
 * readers are never blocked (WAL).
 */
import type { DB } from "./database.js";
import { searchIndexOf } from "./search-index.js";

export interface BatchLimits {
  /** Documents per transaction at most. */
  documents: number;
  /**
   * Milliseconds after which a transaction is committed at the next document's end (so that readers see
   * progress and other writers get a turn; it stays open while a document is analysed).
   */
  millis: number;
}

// 1,000 rather than 200: each commit flushes the full-text indexes' pending terms as a new segment, to be
// merged later, and the document index cost a fifth less to build in fewer, larger segments (npm run bench);
// the second still bounds what readers wait to see and what a crash loses
export const DEFAULT_BATCH: BatchLimits = { documents: 1000, millis: 1000 };

/**
 * Work a batch holds back and does once, just before it commits: the search
 * indexes' entries (search-index.ts), cross-document event resolution
 * (src/resolve/events/observer.ts).
 */
export interface HeldWrites {
  /** Hold from now until flush or discard. */
  defer(): void;
  /** Write what is held, inside the batch's transaction, and stop holding. */
  flush(): void;
  /** Forget what is held (its transaction was rolled back), and stop holding. */
  discard(): void;
}

/** A write the batch holds, and whom to tell if it is taken out when the batch commits. */
interface Done {
  run: () => unknown;
  dropped?: (e: Error) => void;
}

export class WriteBatch {
  private open = false;
  private openedAt = 0;
  /** The writes this transaction holds, to be run again if a later one fails. */
  private done: Done[] = [];
  /** Flushed in this order: what the first writes may add to the search indexes, flushed last. */
  private readonly held: HeldWrites[];

  /** `held`: work of the writes that is held back until the batch commits, besides the search indexes'. */
  constructor(
    private readonly db: DB,
    private readonly limits: BatchLimits = DEFAULT_BATCH,
    held: readonly HeldWrites[] = [],
  ) {
    this.held = [...held, searchIndexOf(db)];
  }

  private discardHeld(): void {
    for (const h of this.held) h.discard();
  }

  /**
   * Runs one document's write inside the batch. The write must not open a
   * savepoint or transaction of its own (DocumentWriter.writeInTransaction),
   * and must do the same when run again, held back or not. `dropped` is told
   * if the write, having succeeded, is taken out when the batch commits: the
   * work held back for the batch failed, and the write failed again when the
   * batch was written one document at a time (see {@link commit}).
   */
  write<T>(store: () => T, dropped?: (e: Error) => void): T {
    if (!this.open) this.begin();
    try {
      const result = store();
      this.done.push({ run: store, dropped });
      return result;
    } catch (e) {
      // the failed write may have left part of its document: undo the batch, redo the others
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      this.discardHeld();
      const redo = this.done;
      this.begin();
      for (const w of redo) w.run();
      this.done = redo;
      throw e;
    } finally {
      if (
        this.done.length >= this.limits.documents ||
        performance.now() - this.openedAt >= this.limits.millis
      )
        this.commit();
    }
  }

  /**
   * Commits what the batch holds (ingestion calls it at its end, whatever ended it). If the work held
   * back for the batch fails (resolving its events together), the batch is written again one document
   * at a time with only the search indexes held back, so that a document whose events cannot be
   * resolved is taken out alone — its `dropped` told — instead of taking the batch with it on every run.
   */
  commit(): void {
    if (!this.open) return;
    this.open = false;
    const done = this.done;
    this.done = [];
    if (!this.db.inTransaction) {
      // SQLite itself rolled the transaction back (a full disk): what was held went with it
      this.discardHeld();
      return;
    }
    try {
      for (const h of this.held) h.flush();
    } catch (e) {
      // the documents are stored whole with their events and index entries or not at all
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      this.discardHeld();
      // the search indexes alone would fail the same way written one by one (a full disk)
      if (this.held.length === 1) throw e;
      this.writeOneByOne(done);
      return;
    }
    this.db.exec("COMMIT");
  }

  /** The writes again in one transaction, each document's work done as it is written; those that fail are taken out. */
  private writeOneByOne(writes: readonly Done[]): void {
    const index = this.held[this.held.length - 1]!;
    const begin = () => {
      this.db.exec("BEGIN IMMEDIATE");
      index.defer();
    };
    begin();
    const kept: Done[] = [];
    for (const w of writes) {
      try {
        w.run();
        kept.push(w);
      } catch (e) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        index.discard();
        begin();
        for (const k of kept) k.run();
        w.dropped?.(e as Error);
      }
    }
    try {
      index.flush();
    } catch (e) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      index.discard();
      throw e;
    }
    this.db.exec("COMMIT");
  }

  private begin(): void {
    this.db.exec("BEGIN IMMEDIATE");
    // the search indexes' entries and the events are written together before the commit
    for (const h of this.held) h.defer();
    this.open = true;
    this.done = [];
    this.openedAt = performance.now();
  }
}
