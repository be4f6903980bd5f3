/**
 * The SQLite database (better-sqlite3): opened in WAL mode with foreign
 * keys on and a busy timeout (a second writer waits instead of failing),
 * migrated to the current schema on open.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations.js";

export type DB = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Milliseconds a statement waits for another connection's lock. */
  busyTimeout?: number;
}

/**
 * The page size of a new database. Ingestion writes its trigram index in segments of many kilobytes and
 * fills a dozen indexed tables at once: with 8 KB pages rather than SQLite's 4 KB it took 5–12% less CPU
 * (npm run bench's corpora, alternating runs). A database made with other pages keeps them.
 */
export const PAGE_SIZE = 8192;

export function openDatabase(path: string, opts: OpenOptions = {}): DB {
  if (path !== ":memory:" && !opts.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  const busyTimeout = opts.busyTimeout ?? 30_000;
  db.pragma(`busy_timeout = ${busyTimeout}`);
  if (!opts.readonly) {
    // only a database with nothing in it yet takes it (and only before it is in WAL mode)
    db.pragma(`page_size = ${PAGE_SIZE}`);
    walMode(db, busyTimeout);
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("foreign_keys = ON");
  if (!opts.readonly) migrate(db);
  else {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version < MIGRATIONS.length)
      throw new Error(
        `database ${path} is at schema ${version}; run 'kaidan ingest' once to migrate it to ${MIGRATIONS.length}`,
      );
  }
  return db;
}

/**
 * Switches a database to WAL mode, waiting while another connection holds
 * the lock the switch needs: SQLite reports that as busy at once rather than
 * through the busy timeout, and several commands opening one new database at
 * the same moment did fail with "database is locked".
 */
function walMode(db: DB, timeout: number): void {
  const until = Date.now() + timeout;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= until) throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/**
 * Settings of a connection that writes a long stream of documents: a larger
 * page cache (bounded, 64 MB), and a checkpoint every 128 MB of log rather
 * than every 4 MB — a checkpoint copies the pages changed since the last one
 * into the database and syncs it, so a page that many documents touch (an
 * index, an event growing with its reports) is copied once rather than once
 * per 4 MB; the log is cut back to 64 MB afterwards. Each document still
 * commits on its own.
 */
export function tuneForIngestion(db: DB): void {
  db.pragma("cache_size = -65536");
  db.pragma("wal_autocheckpoint = 32768");
  db.pragma("journal_size_limit = 67108864");
}

/** Applies the migrations the database has not seen, each in its own transaction. */
export function migrate(db: DB): number {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `database schema ${version} is newer than this kaidan (${MIGRATIONS.length}); upgrade kaidan`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      // read again under the write lock: another process opening the same new database at the same
      // moment may have applied this migration since (two commands started together did fail with
      // "table documents already exists")
      if ((db.pragma("user_version", { simple: true }) as number) > v) return;
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return MIGRATIONS.length;
}
