/**
 * Shared by the reliability tests (hostile input, crashes, concurrency,
 * backups): the built command run as a user runs it, a database's whole
 * content for before/after comparisons, and the consistency checks a
 * database must pass whatever happened to the process writing it.
 */
import assert from "node:assert/strict";
import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { projectRoot } from "./shared.js";

/** The built command (npm test builds first). */
export const bin = join(projectRoot, "dist", "cli", "main.js");

export function assertBuilt(): void {
  assert.ok(existsSync(bin), `${bin} is missing: run npm run build first`);
}

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `kaidan …` to its end. */
export function kaidan(args: readonly string[], opts: SpawnSyncOptions = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    ...opts,
    env: { ...process.env, KAIDAN_DB: undefined, ...opts.env },
  });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Tables whose content is what kaidan stores (full-text indexes and their shadow tables are FTS5's business). */
export function tables(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_master t WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%'
                           AND (t.name = v.name OR t.name LIKE v.name || '\\_%' ESCAPE '\\'))
           ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

export interface ContentOptions {
  /**
   * Leave out what a re-reading legitimately renews: the times of ingestion
   * and the row numbers of rows that are deleted and inserted again.
   */
  ignoreRenewed?: boolean;
  /** Only these columns of each table (those an older schema had, to compare across a migration). */
  columns?: ReadonlyMap<string, readonly string[]>;
}

/** The columns of every table, as {@link contents} reads them. */
export function columnsOf(path: string): Map<string, string[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return new Map(
      tables(db).map((t) => [
        t,
        (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name),
      ]),
    );
  } finally {
    db.close();
  }
}

/** Every stored row, table by table, each as a JSON string, sorted. */
export function contents(path: string, opts: ContentOptions = {}): Map<string, string[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const out = new Map<string, string[]>();
    for (const name of tables(db)) {
      const only = opts.columns?.get(name);
      const cols = (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; pk: number }[])
        .filter((c) => !only || only.includes(c.name))
        .filter(
          (c) =>
            !opts.ignoreRenewed ||
            !(
              c.name.endsWith("_at") ||
              (c.pk === 1 && (c.name === "id" || c.name === "n") && rowidTable(db, name))
            ),
        )
        .map((c) => `"${c.name}"`);
      const rows = db
        .prepare(`SELECT ${cols.join(", ")} FROM ${name}`)
        .raw()
        .all() as unknown[][];
      out.set(name, rows.map((r) => JSON.stringify(r)).sort());
    }
    return out;
  } finally {
    db.close();
  }
}

/** Whether the table's integer primary key is its row number (renumbered when a row is inserted again). */
function rowidTable(db: Database.Database, table: string): boolean {
  const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(table) as { sql: string }).sql;
  return /\b(id|n) INTEGER PRIMARY KEY\b/.test(sql);
}

/** Rows of `before` missing from `after`, table by table ("" when none). */
export function missingRows(before: Map<string, string[]>, after: Map<string, string[]>): string {
  const out: string[] = [];
  for (const [table, rows] of before) {
    const left = new Map<string, number>();
    for (const r of after.get(table) ?? []) left.set(r, (left.get(r) ?? 0) + 1);
    for (const r of rows) {
      const n = left.get(r) ?? 0;
      if (n === 0) out.push(`${table}: ${r.slice(0, 200)}`);
      else left.set(r, n - 1);
    }
  }
  return out.slice(0, 20).join("\n");
}

/** Rows of `after` that `before` lacks, table by table. */
export function addedRows(
  before: Map<string, string[]>,
  after: Map<string, string[]>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [table, rows] of after) {
    const had = new Map<string, number>();
    for (const r of before.get(table) ?? []) had.set(r, (had.get(r) ?? 0) + 1);
    const added: string[] = [];
    for (const r of rows) {
      const n = had.get(r) ?? 0;
      if (n === 0) added.push(r);
      else had.set(r, n - 1);
    }
    if (added.length) out.set(table, added);
  }
  return out;
}

/** What each stored document has, by kind: the test of a document stored whole. */
export type DocumentParts = Map<string, string>;

const PARTS: Record<string, string> = {
  mentions: "SELECT count(*) FROM mentions WHERE doc_id = d.id",
  timexes: "SELECT count(*) FROM timexes WHERE doc_id = d.id",
  events: "SELECT count(*) FROM doc_events WHERE doc_id = d.id",
  evidence: "SELECT count(*) FROM evidence WHERE doc_id = d.id",
  quotes: "SELECT count(*) FROM quotes WHERE doc_id = d.id",
  messages: "SELECT count(*) FROM messages WHERE doc_id = d.id",
  reports: "SELECT count(*) FROM event_reports WHERE doc_id = d.id",
  resolved: "SELECT count(*) FROM event_reports WHERE doc_id = d.id AND event_id IS NOT NULL",
  indexed: "SELECT count(*) FROM search_docs WHERE doc_id = d.id",
};

export function documentParts(path: string): DocumentParts {
  const db = new Database(path, { fileMustExist: true });
  try {
    return partsOf(db);
  } finally {
    db.close();
  }
}

function partsOf(db: Database.Database): DocumentParts {
  const cols = Object.entries(PARTS)
    .map(([k, q]) => `'${k}=' || (${q})`)
    .join(" || ' ' || ");
  const rows = db.prepare(`SELECT d.id AS id, ${cols} AS parts FROM documents d`).all() as {
    id: string;
    parts: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.parts]));
}

/** Orphans: rows that point to a document, event or report that is not there. */
const ORPHANS: Record<string, string> = {
  mentions: "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)",
  "mentions' actors":
    "SELECT count(*) FROM mentions WHERE actor_id IS NOT NULL AND actor_id NOT IN (SELECT id FROM actors)",
  timexes: "SELECT count(*) FROM timexes WHERE doc_id NOT IN (SELECT id FROM documents)",
  doc_events: "SELECT count(*) FROM doc_events WHERE doc_id NOT IN (SELECT id FROM documents)",
  doc_event_actors: "SELECT count(*) FROM doc_event_actors WHERE event_id NOT IN (SELECT id FROM doc_events)",
  evidence: "SELECT count(*) FROM evidence WHERE event_id NOT IN (SELECT id FROM doc_events)",
  quotes: "SELECT count(*) FROM quotes WHERE doc_id NOT IN (SELECT id FROM documents)",
  messages: "SELECT count(*) FROM messages WHERE doc_id NOT IN (SELECT id FROM documents)",
  event_reports: "SELECT count(*) FROM event_reports WHERE doc_event_id NOT IN (SELECT id FROM doc_events)",
  "reports without their event":
    "SELECT count(*) FROM event_reports WHERE event_id IS NOT NULL AND event_id NOT IN (SELECT id FROM events)",
  "events without a report":
    "SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_reports WHERE event_id IS NOT NULL)",
  event_actors: "SELECT count(*) FROM event_actors WHERE event_id NOT IN (SELECT id FROM events)",
  event_pairs: "SELECT count(*) FROM event_pairs WHERE event_id NOT IN (SELECT id FROM events)",
  doc_event_links:
    "SELECT count(*) FROM doc_event_links WHERE doc_event_id NOT IN (SELECT id FROM doc_events)",
  doc_event_quotes:
    "SELECT count(*) FROM doc_event_quotes WHERE doc_event_id NOT IN (SELECT id FROM doc_events) OR quote_id NOT IN (SELECT id FROM quotes)",
  "tombstones to nothing":
    "SELECT count(*) FROM event_tombstones WHERE survivor IS NOT NULL AND survivor NOT IN (SELECT id FROM events) AND survivor NOT IN (SELECT id FROM event_tombstones)",
  search_docs: "SELECT count(*) FROM search_docs WHERE doc_id NOT IN (SELECT id FROM documents)",
  "documents not indexed": "SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM search_docs)",
};

/**
 * The checks a database passes whatever happened to the process writing
 * it: SQLite's integrity and foreign keys, no orphan rows, every span
 * slicing its document's body. Returns the failures (empty when sound).
 */
export function consistencyProblems(path: string, opts: { afterCrash?: boolean } = {}): string[] {
  // after a crash the first connection may have to recover the WAL, which a read-only one cannot do
  const db = new Database(path, { readonly: !opts.afterCrash, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    if (integrity.map((r) => r.integrity_check).join() !== "ok")
      problems.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join("; ")}`);
    const fk = db.pragma("foreign_key_check") as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
    for (const [what, sql] of Object.entries(ORPHANS)) {
      const n = db.prepare(sql).pluck().get() as number;
      if (n > 0) problems.push(`${n} orphan ${what}`);
    }
    const bodies = new Map(
      (db.prepare("SELECT id, body FROM documents").all() as { id: string; body: string }[]).map((r) => [
        r.id,
        r.body,
      ]),
    );
    for (const table of ["mentions", "timexes", "evidence", "quotes"]) {
      const spans = db.prepare(`SELECT doc_id, start, end, text FROM ${table}`).all() as {
        doc_id: string;
        start: number;
        end: number;
        text: string;
      }[];
      const bad = spans.filter((r) => bodies.get(r.doc_id)?.slice(r.start, r.end) !== r.text).length;
      if (bad > 0) problems.push(`${bad} ${table} whose span does not slice its body`);
    }
    return problems;
  } finally {
    db.close();
  }
}

/** A short article about an event of its own (no other article reports it), for corpora of many documents. */
export function article(i: number): string {
  const day = (i % 27) + 1;
  const month = (Math.floor(i / 27) % 12) + 1;
  const year = 2031 + Math.floor(i / 324);
  const pad = (n: number) => String(n).padStart(2, "0");
  return [
    "---",
    `id: rel-${String(i).padStart(4, "0")}`,
    `url: https://example.org/reliability/${i}`,
    `published: ${year}-${pad(month)}-${pad(day)}`,
    `title: 第${i}回日モンゴル外相会談`,
    "---",
    `林芳正外相は${day}日、東京都内でモンゴルのバトツェツェグ外相と第${i}回の会談を行った。`,
    `両外相は鉱物資源の開発で協力することで合意した。林外相は「両国の関係を一層強化したい」と述べた。`,
    `会談後、両外相は共同声明に署名した。次回の会談は${year + 1}年に開く予定だ。`,
    "",
  ].join("\n");
}
