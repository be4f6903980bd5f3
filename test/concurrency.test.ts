/**
 * Two ingestions and a server at once on the same database, from the first
 * moment (all three create and migrate a database that does not exist
 * yet): the built command twice over overlapping corpora, and the server
 * answering reads without pause and storing pasted articles through its
 * write route. Nobody gets a "database is locked": writers wait for each
 * other (busy timeout), readers never wait (WAL). Afterwards nothing is
 * lost or corrupt, and the database holds what one ingestion of everything,
 * one document after another, makes.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { type RunningServer, startServer } from "../src/serve/server.js";
import {
  article,
  assertBuilt,
  bin,
  consistencyProblems,
  contents,
  documentParts,
  kaidan,
  missingRows,
} from "./helpers/reliability.js";
import { examplesDir, projectRoot } from "./helpers/shared.js";

const TOKEN = "concurrency-test-token-0123456789";
const PASTES = 12;

let dir: string;
const corpora: string[] = [];

/** The article pasted through the API, and the same as a file for the reference ingestion. */
const pasted = (i: number) => {
  const text = article(500 + i)
    .split("\n---\n")[1]!
    .trimEnd();
  return { id: `paste-${i}`, title: `貼り付け${i}`, published: `2033-0${(i % 9) + 1}-10`, text };
};

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
  dir = mkdtempSync(join(tmpdir(), "kaidan-concurrency-"));
  // two corpora that overlap: both hold the examples' ids (same texts) and ten articles in common
  for (const [name, from, to] of [
    ["a", 0, 40],
    ["b", 30, 70],
  ] as const) {
    const c = join(dir, name);
    mkdirSync(c);
    for (let i = from; i < to; i++) writeFileSync(join(c, `a${String(i).padStart(4, "0")}.md`), article(i));
    corpora.push(c);
  }
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens (creates, migrates) a database once a start file appears, so that several do it at the same moment. */
const OPENER = `
const { existsSync } = await import("node:fs");
const { openDatabase } = await import(process.argv[1]);
const [db, go] = process.argv.slice(2);
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 1));
openDatabase(db).close();
`;

describe("a new database opened by several commands at the same moment", () => {
  it("is created and migrated once, and every command goes on", async () => {
    const module = join(projectRoot, "dist", "store", "database.js");
    for (let trial = 0; trial < 5; trial++) {
      const db = join(dir, `new-${trial}.db`);
      const go = join(dir, `go-${trial}`);
      const openers = Array.from(
        { length: 6 },
        () =>
          new Promise<{ status: number | null; stderr: string }>((resolve) => {
            const child = spawn(
              process.execPath,
              ["--input-type=module", "-e", OPENER, pathToFileURL(module).href, db, go],
              { stdio: ["ignore", "ignore", "pipe"] },
            );
            let stderr = "";
            child.stderr.on("data", (d: Buffer) => {
              stderr += d.toString();
            });
            child.on("exit", (status) => resolve({ status, stderr }));
          }),
      );
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(go, "");
      for (const r of await Promise.all(openers)) assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(consistencyProblems(db), []);
    }
  });
});

describe("two ingestions and a server on one database", () => {
  let server: RunningServer | undefined;
  after(async () => {
    await server?.close();
  });

  it("lose nothing, corrupt nothing, and wait instead of failing", async (t) => {
    const db = join(dir, "shared.db");
    // all three at once, on a database that does not exist yet
    const first = start(["ingest", "--db", db, "--quiet", examplesDir, corpora[0]!]);
    const second = start(["ingest", "--db", db, "--quiet", corpora[1]!, examplesDir]);
    server = await startServer({ db, port: 0, token: TOKEN, webRoot: null });
    let running = 2;
    for (const p of [first, second]) void p.then(() => running--);

    const statuses = new Map<string, number>();
    const count = (what: string) => statuses.set(what, (statuses.get(what) ?? 0) + 1);
    const get = async (path: string) => {
      const res = await fetch(new URL(path, server!.url));
      const body = await res.text();
      count(`GET ${res.status}`);
      assert.equal(res.status, 200, `${path}: ${body}`);
      return JSON.parse(body) as Record<string, unknown>;
    };
    let pastes = 0;
    while (running > 0 || pastes < PASTES) {
      const reads = [
        get("/api/info"),
        get("/api/events?limit=100"),
        get(`/api/search?q=${encodeURIComponent("外相会談")}`),
        get("/api/documents?limit=20"),
        get("/api/relations/pairs"),
      ];
      if (pastes < PASTES) {
        const p = pasted(pastes++);
        const res = await fetch(new URL("/api/documents", server.url), {
          method: "POST",
          headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
          body: JSON.stringify(p),
        });
        const body = await res.text();
        count(`POST ${res.status}`);
        assert.equal(res.status, 200, body);
        assert.deepEqual((JSON.parse(body) as { errors: string[] }).errors, []);
      }
      await Promise.all(reads);
    }
    const [a, b] = await Promise.all([first, second]);
    t.diagnostic(`requests: ${JSON.stringify(Object.fromEntries(statuses))}`);
    for (const r of [a, b]) {
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /locked|busy/i);
    }
    await server.close();
    server = undefined;

    // the reference: everything ingested one document after another by one process
    const files = join(dir, "pasted");
    mkdirSync(files);
    for (let i = 0; i < PASTES; i++) {
      const p = pasted(i);
      writeFileSync(
        join(files, `${p.id}.md`),
        `---\nlang: ja\nid: ${p.id}\ntitle: ${p.title}\npublished: ${p.published}\n---\n${p.text}`,
      );
    }
    const reference = join(dir, "reference.db");
    const r = kaidan(["ingest", "--db", reference, "--quiet", examplesDir, ...corpora, files]);
    assert.equal(r.status, 0, r.stderr);

    assert.deepEqual(consistencyProblems(db), []);
    const mine = documentParts(db);
    const theirs = documentParts(reference);
    assert.deepEqual([...mine.keys()].sort(), [...theirs.keys()].sort(), "no document lost, none invented");
    for (const [id, parts] of theirs) assert.equal(mine.get(id), parts, `document ${id} is whole`);
    const events = (path: string) => {
      const c = contents(path, { ignoreRenewed: true });
      return new Map(
        ["events", "event_reports", "event_actors", "event_pairs"].map((k) => [k, c.get(k) ?? []]),
      );
    };
    assert.equal(missingRows(events(reference), events(db)), "", "events one ingestion makes are missing");
    assert.equal(missingRows(events(db), events(reference)), "", "events one ingestion does not make");
  });
});
