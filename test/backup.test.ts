/**
 * `kaidan backup` and `kaidan restore`, as a user runs them, next to a
 * running server and a running ingestion: a backup taken during ingestion
 * is a consistent snapshot; a restore under a server that keeps answering
 * never shows it an error or a mixture, and afterwards it answers from the
 * restored content; the content replaced is kept; bad backups are refused
 * and leave the database as it was; an old schema is migrated on the way in.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { type RunningServer, startServer } from "../src/serve/server.js";
import { MIGRATIONS } from "../src/store/migrations.js";
import {
  article,
  assertBuilt,
  bin,
  consistencyProblems,
  contents,
  kaidan,
  missingRows,
} from "./helpers/reliability.js";
import { examplesDir } from "./helpers/shared.js";

let dir: string;
let live: string;
let corpus: string;

const count = (path: string, table = "documents") => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Runs `kaidan …` without waiting for it. */
function start(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (status) => resolve({ status, stderr }));
  });
}

before(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), "kaidan-backup-"));
  live = join(dir, "live.db");
  corpus = join(dir, "corpus");
  mkdirSync(corpus);
  for (let i = 0; i < 40; i++) writeFileSync(join(corpus, `a${i}.md`), article(i));
  const r = kaidan(["ingest", "--db", live, "--quiet", examplesDir]);
  assert.equal(r.status, 0, r.stderr);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("kaidan backup", () => {
  it("takes a consistent, checked, self-contained copy while an ingestion is writing", async (t) => {
    const before = count(live);
    const ingesting = start(["ingest", "--db", live, "--quiet", corpus]);
    // backups at several moments of the ingestion: each one a consistent snapshot
    const backups: string[] = [];
    let done = false;
    void ingesting.then(() => {
      done = true;
    });
    for (let i = 0; !done || i === 0; i++) {
      const file = join(dir, `during-${i}.db`);
      const r = kaidan(["backup", "--db", live, "--json", file]);
      assert.equal(r.status, 0, r.stderr);
      backups.push(file);
      await new Promise((res) => setTimeout(res, 100));
    }
    assert.equal((await ingesting).status, 0);
    t.diagnostic(
      `${backups.length} backups during the ingestion: ${backups.map((b) => count(b)).join(", ")} documents`,
    );
    for (const b of backups) {
      assert.deepEqual(consistencyProblems(b), [], b);
      assert.ok(count(b) >= before, b);
      assert.equal(existsSync(`${b}-wal`), false, "a backup is one file");
    }
    // after the ingestion, a backup holds exactly what the database holds
    const final = join(dir, "final.db");
    assert.equal(kaidan(["backup", "--db", live, final]).status, 0);
    assert.equal(missingRows(contents(live), contents(final)), "");
    assert.equal(missingRows(contents(final), contents(live)), "");
    assert.equal(count(final), before + 40);
  });

  it("refuses to overwrite a file or the database itself, and leaves no partial file", () => {
    const file = join(dir, "once.db");
    assert.equal(kaidan(["backup", "--db", live, file]).status, 0);
    const again = kaidan(["backup", "--db", live, file]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /exists; choose another file or pass --force/);
    assert.equal(kaidan(["backup", "--db", live, "--force", file]).status, 0);
    const self = kaidan(["backup", "--db", live, live]);
    assert.equal(self.status, 2);
    assert.match(self.stderr, /is the database itself/);
    const nowhere = kaidan(["backup", "--db", live, join(dir, "no", "such", "folder.db")]);
    assert.equal(nowhere.status, 2);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes(".backup-")),
      [],
      "no temporary file left behind",
    );
  });
});

describe("kaidan restore", () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ db: live, port: 0, webRoot: null });
  });
  after(async () => {
    await server?.close();
  });

  // a request on a pooled connection the server closed while this loop was blocked by a synchronous command
  // fails before reaching it ("other side closed"); sent again, it goes out on a new connection (a server
  // that is down refuses that one too)
  const get = (path: string) =>
    fetch(new URL(path, server.url)).catch((e: { cause?: { code?: string } }) => {
      if (e.cause?.code !== "UND_ERR_SOCKET" && e.cause?.code !== "ECONNRESET") throw e;
      return fetch(new URL(path, server.url));
    });

  const info = async () => {
    const res = await get("/api/info");
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as { documents: number; events: number };
  };

  it("replaces the content under a running server, which answers throughout and then from the backup", async (t) => {
    const snapshot = join(dir, "snapshot.db");
    assert.equal(kaidan(["backup", "--db", live, snapshot]).status, 0);
    const atSnapshot = await info();
    // the database moves on after the backup
    writeFileSync(join(dir, "later.md"), article(900));
    // (spawned, not run synchronously: a loop blocked for the seconds an ingestion takes outlasts the
    // server's keep-alive, and the next request on the pooled connection failed with "fetch failed")
    const ingested = await start(["ingest", "--db", live, "--quiet", join(dir, "later.md")]);
    assert.equal(ingested.status, 0, ingested.stderr);
    const moved = await info();
    assert.equal(moved.documents, atSnapshot.documents + 1);

    // restore while the server is asked questions without pause
    const restoring = start(["restore", "--db", live, snapshot]);
    let finished = false;
    void restoring.then(() => {
      finished = true;
    });
    const seen = new Set<number>();
    let requests = 0;
    while (!finished) {
      const [a, b, c] = await Promise.all([
        info(),
        fetch(new URL("/api/events?limit=50", server.url)),
        fetch(new URL(`/api/search?q=${encodeURIComponent("会談")}`, server.url)),
      ]);
      assert.equal(b.status, 200, await b.text());
      assert.equal(c.status, 200, await c.text());
      seen.add(a.documents);
      requests += 3;
    }
    const r = await restoring;
    assert.equal(r.status, 0, r.stderr);
    assert.ok(requests > 0);
    t.diagnostic(
      `${requests} requests answered during the restore; document counts seen: ${[...seen].join(", ")}`,
    );
    for (const n of seen)
      assert.ok(n === moved.documents || n === atSnapshot.documents, `a mixture was seen: ${n} documents`);

    // the server now answers from the restored content, and the database is the backup's
    assert.deepEqual(await info(), atSnapshot);
    assert.deepEqual(consistencyProblems(live), []);
    assert.equal(missingRows(contents(snapshot), contents(live)), "");
    assert.equal(missingRows(contents(live), contents(snapshot)), "");
    const events = await fetch(new URL("/api/events?limit=500", server.url));
    assert.equal(events.status, 200);

    // what the database held before is kept beside it
    const kept = readdirSync(dir).filter((f) => f.startsWith("live.db.before-restore-"));
    assert.equal(kept.length, 1);
    assert.equal(count(join(dir, kept[0]!)), moved.documents);
    assert.match(r.stderr, /what it held before is in/);
  });

  it("refuses what is not a sound kaidan backup, and changes nothing", async () => {
    const before = contents(live);
    const garbage = join(dir, "garbage.db");
    writeFileSync(garbage, "SQLite format 3\0 but not really a database file at all ".repeat(200));
    const other = join(dir, "other.db");
    const o = new Database(other);
    o.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    o.close();
    const newer = join(dir, "newer.db");
    assert.equal(kaidan(["backup", "--db", live, newer]).status, 0);
    const n = new Database(newer);
    n.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    n.close();
    for (const [file, reason] of [
      [join(dir, "missing.db"), /no such file/],
      [garbage, /not a database|damaged/],
      [other, /not a kaidan database/],
      [newer, /newer kaidan/],
      [live, /is the database itself/],
    ] as const) {
      const r = kaidan(["restore", "--db", live, file]);
      assert.equal(r.status, 2, `${file}: ${r.stderr}`);
      assert.match(r.stderr, reason);
      assert.equal(r.stderr.trim().split("\n").length, 1, "one line");
    }
    assert.equal(missingRows(before, contents(live)), "");
    assert.equal(missingRows(contents(live), before), "");
    assert.ok((await info()).documents > 0);
  });

  it("migrates a backup of an older schema on the way in", async () => {
    // a backup from schema 1 (the documents and what was found in them; events came with schema 2), with
    // SQLite's 4 KB pages where the live database has 8 KB ones (which the backup API cannot copy into)
    const old = join(dir, "schema1.db");
    const db = new Database(old);
    db.exec(MIGRATIONS[0]!);
    db.pragma("user_version = 1");
    db.prepare(
      "INSERT INTO documents (id, format, body, sha256, ingested_at, updated_at) VALUES ('old-1', 'markdown', '露朝首脳会談が開かれた。', 'x', '2020-01-01', '2020-01-01')",
    ).run();
    db.close();
    const r = kaidan(["restore", "--db", live, "--no-keep", "--json", old]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      fromSchema: number;
      restored: { schema: number; documents: number };
    };
    assert.equal(out.fromSchema, 1);
    const pages = new Database(live, { readonly: true });
    assert.equal(pages.pragma("page_size", { simple: true }), 8192, "the live database keeps its pages");
    pages.close();
    assert.equal(out.restored.schema, MIGRATIONS.length);
    assert.equal((await info()).documents, 1);
    const search = await fetch(new URL(`/api/search?q=${encodeURIComponent("露朝")}`, server.url));
    const hits = (await search.json()) as { documents: { items: { id: string }[] } };
    assert.deepEqual(
      hits.documents.items.map((d) => d.id),
      ["old-1"],
      "the search index is built for the restored documents",
    );
    assert.deepEqual(consistencyProblems(live), []);
  });
});
