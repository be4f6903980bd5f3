/**
 * Backups and restores through SQLite's online backup API (better-sqlite3's
 * `db.backup()`), safe while other processes use the database.
 *
 * A backup reads one consistent snapshot of the live database (WAL readers
 * never block the writers, so ingestion and the server go on), writes it to
 * a temporary file beside the destination as one self-contained file (no
 * `-wal`), checks it (`integrity_check`), and only then renames it into
 * place: a backup file is whole or absent.
 *
 * A restore never replaces the database file. Replacing it under a server
 * would leave the server reading a deleted file, or worse, pair the new file
 * with the old one's `-wal` and `-shm`, which is how SQLite databases get
 * corrupted. Instead the backup is checked, copied and migrated to the
 * current schema in a staging file, the current database is itself backed
 * up (unless told not to), and the staged pages are written into the live
 * database through the backup API: as one write transaction under SQLite's
 * own locks. Other connections wait for it like for any writer (a busy
 * writer makes the restore wait, not fail); a reader sees the old content
 * until the restore commits and the restored content after; no connection
 * ever sees half of each. A server keeps running and answers from the
 * restored database at its next request.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./database.js";
import { MIGRATIONS } from "./migrations.js";

export interface DatabaseSummary {
  path: string;
  /** Schema version (`PRAGMA user_version`). */
  schema: number;
  documents: number;
  events: number;
  bytes: number;
}

/** Copies everything left in one step: one read snapshot of the source, one write transaction on the destination. */
const ALL_AT_ONCE = () => 0x7fffffff;
const BUSY_MS = 30_000;

/** The schema version, counts and size of a kaidan database, after checking its integrity; throws with the reason. */
export function inspectDatabase(path: string): DatabaseSummary {
  if (!existsSync(path)) throw new Error(`${path}: no such file`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new Error(`${path}: not a database (${(e as Error).message})`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_MS}`);
    let integrity: string;
    try {
      integrity = (db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .join("; ");
    } catch (e) {
      throw new Error(`${path}: not a database (${(e as Error).message})`);
    }
    if (integrity !== "ok") throw new Error(`${path}: the database is damaged (${integrity.slice(0, 300)})`);
    const schema = db.pragma("user_version", { simple: true }) as number;
    const has = (t: string) =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) !== undefined;
    if (schema < 1 || !has("documents")) throw new Error(`${path}: not a kaidan database`);
    if (schema > MIGRATIONS.length)
      throw new Error(
        `${path}: schema ${schema} was written by a newer kaidan (this one knows ${MIGRATIONS.length}); upgrade kaidan`,
      );
    const count = (t: string) =>
      has(t) ? (db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number) : 0;
    return {
      path,
      schema,
      documents: count("documents"),
      events: count("events"),
      bytes: statSync(path).size,
    };
  } finally {
    db.close();
  }
}

/** Flushes a file, and the folder entry that names it, to the disk. */
function syncFile(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    const dir = openSync(dirname(path), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // folders cannot be opened for syncing everywhere; the file itself is synced
  }
}

const removeDatabaseFiles = (path: string) => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
};

/** A name beside `path` for a file being written, unique to this process. */
const staging = (path: string, what: string) =>
  join(dirname(path), `.${basename(path)}.${what}-${process.pid}-${Date.now()}`);

export interface BackupOptions {
  /** Replace an existing file at the destination. */
  force?: boolean;
}

/** Writes a checked copy of the database at `dbPath` to `dest`, whole or not at all. */
export async function backupDatabase(
  dbPath: string,
  dest: string,
  opts: BackupOptions = {},
): Promise<DatabaseSummary> {
  const from = resolve(dbPath);
  const to = resolve(dest);
  if (!existsSync(from)) throw new Error(`${from}: no such database`);
  if (existsSync(to) && realpathSync(to) === realpathSync(from))
    throw new Error(`${to} is the database itself; choose another file`);
  if (existsSync(to) && !opts.force) throw new Error(`${to} exists; choose another file or pass --force`);
  if (!existsSync(dirname(to))) throw new Error(`${dirname(to)}: no such folder`);
  const tmp = staging(to, "backup");
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_MS}`);
    await db.backup(tmp, { progress: ALL_AT_ONCE });
  } catch (e) {
    removeDatabaseFiles(tmp);
    throw new Error(`backup of ${from} failed: ${(e as Error).message}`);
  } finally {
    db.close();
  }
  try {
    // a backup is one self-contained file (no -wal beside it), whatever mode the database runs in
    const copy = new Database(tmp);
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    const summary = inspectDatabase(tmp);
    syncFile(tmp);
    renameSync(tmp, to);
    syncFile(to);
    return { ...summary, path: to };
  } catch (e) {
    removeDatabaseFiles(tmp);
    throw e;
  }
}

export interface RestoreOptions {
  /** Back up the current database before restoring over it (default true). */
  keep?: boolean;
}

export interface RestoreResult {
  restored: DatabaseSummary;
  /** The backup of what the database held before, when one was made. */
  previous: DatabaseSummary | null;
  /** The schema version of the backup, before it was migrated. */
  fromSchema: number;
}

function pageSizeOf(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma("page_size", { simple: true }) as number;
  } finally {
    db.close();
  }
}

/** Replaces the content of the database at `dbPath` with the backup at `backup`, in place (see above). */
export async function restoreDatabase(
  dbPath: string,
  backup: string,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const target = resolve(dbPath);
  const source = resolve(backup);
  const checked = inspectDatabase(source);
  if (existsSync(target) && realpathSync(target) === realpathSync(source))
    throw new Error(`${source} is the database itself`);
  // stage: a private copy of the backup, migrated to the current schema, so that the live database
  // goes from its current schema to the current schema in one step
  const stage = staging(target, "restore");
  try {
    const src = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await src.backup(stage, { progress: ALL_AT_ONCE });
    } finally {
      src.close();
    }
    const staged = new Database(stage);
    try {
      // SQLite cannot copy pages into a database in WAL mode whose pages are of another size (a backup
      // made before new databases had 8 KB pages): the stage is rewritten with the live database's pages
      const pages = existsSync(target) ? pageSizeOf(target) : null;
      if (pages !== null && pages !== staged.pragma("page_size", { simple: true })) {
        staged.pragma("journal_mode = DELETE");
        staged.pragma(`page_size = ${pages}`);
        staged.exec("VACUUM");
      }
      staged.pragma("journal_mode = WAL");
      staged.pragma("foreign_keys = ON");
      migrate(staged);
      staged.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      staged.close();
    }
    let previous: DatabaseSummary | null = null;
    if (existsSync(target) && opts.keep !== false) {
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      previous = await backupDatabase(target, `${target}.before-restore-${stamp}`);
    }
    const from = new Database(stage, { readonly: true, fileMustExist: true });
    try {
      // the live database's own connections wait on this writer; a busy step is retried, never fatal
      await from.backup(target, { progress: ALL_AT_ONCE });
    } catch (e) {
      throw new Error(`restore into ${target} failed, the database is unchanged: ${(e as Error).message}`);
    } finally {
      from.close();
    }
    const live = new Database(target);
    try {
      live.pragma(`busy_timeout = ${BUSY_MS}`);
      live.pragma("journal_mode = WAL");
    } finally {
      live.close();
    }
    return { restored: { ...inspectDatabase(target), path: target }, previous, fromSchema: checked.schema };
  } finally {
    removeDatabaseFiles(stage);
  }
}
