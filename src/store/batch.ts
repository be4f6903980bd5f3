/**
 * Documents stored in batches: one write transaction holds the documents
 * written during a short interval, each of them in its own savepoint, so a
 * document that fails to store is rolled back alone and the others stay.
 *
 * One transaction per document made every commit flush the full-text
 * indexes' new segments and merge them (most of the cost of storing, by
 * `npm run bench`); a batch pays that once. What a crash can lose is the
 * batch not yet committed — whole documents, which the next run reads again —
 * never part of a document. Other writers wait about one interval for the
 * lock (their busy timeout is far longer); readers are never blocked (WAL).
 */
import type { DB } from "./database.js";

export interface BatchLimits {
  /** Documents per transaction at most. */
  documents: number;
  /**
   * Milliseconds after which a transaction is committed at the next document's end (so that readers see
   * progress and other writers get a turn; it stays open while a document is analysed).
   */
  millis: number;
}

export const DEFAULT_BATCH: BatchLimits = { documents: 200, millis: 1000 };

export class WriteBatch {
  private open = false;
  private count = 0;
  private openedAt = 0;

  constructor(
    private readonly db: DB,
    private readonly limits: BatchLimits = DEFAULT_BATCH,
  ) {}

  /** Runs one document's write inside the batch (the write's own transaction becomes a savepoint). */
  write<T>(store: () => T): T {
    if (!this.open) {
      this.db.exec("BEGIN IMMEDIATE");
      this.open = true;
      this.count = 0;
      this.openedAt = performance.now();
    }
    try {
      return store();
    } finally {
      this.count++;
      if (this.count >= this.limits.documents || performance.now() - this.openedAt >= this.limits.millis)
        this.commit();
    }
  }

  /** Commits what the batch holds (ingestion calls it at its end, whatever ended it). */
  commit(): void {
    if (!this.open) return;
    this.open = false;
    // a failed savepoint was rolled back by its own transaction function; the batch is still whole
    if (this.db.inTransaction) this.db.exec("COMMIT");
  }
}
