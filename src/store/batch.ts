/**
 * Documents stored in batches: one write transaction holds the documents
 * written during a short interval, each of them in its own savepoint, so a
 * document that fails to store is rolled back alone and the others stay.
 *
 * One transaction per document made every commit flush the full-text
 * indexes' new segments and merge them (most of the cost of storing, by
 * `npm run bench`); a batch pays that once. What a crash can lose is the
 * batch not yet committed — whole documents, which the next run reads again —
 * never part of a document. Other writers wait at most one interval for the
 * lock (their busy timeout is far longer); readers are never blocked (WAL).
 */
import type { DB } from "./database.js";

export interface BatchLimits {
  /** Documents per transaction at most. */
  documents: number;
  /** Milliseconds a transaction stays open at most, so that readers see progress and writers get a turn. */
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

  /** Commits what the batch holds (call at the end, and before waiting on anything slow). */
  commit(): void {
    if (!this.open) return;
    this.open = false;
    // a failed savepoint was rolled back by its own transaction function; the batch is still whole
    if (this.db.inTransaction) this.db.exec("COMMIT");
  }
}
