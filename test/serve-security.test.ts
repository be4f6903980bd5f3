/**
 * The server under attack, over real HTTP (the API tests in
 * serve-api.test.ts go through app.request(); here the bytes go through
 * Node's HTTP server, raw sockets included):
 *
 * - every GET route of the OpenAPI document, fuzzed with hostile query
 *   parameters (fast-check): a 200 or a clear 400/404 in JSON, never a 500,
 *   and the security headers on every answer;
 * - SQL only through bound parameters: every statement the server prepares
 *   while answering SQL-injection strings is recorded, and none contains
 *   them; the searches give normal results and the database is intact;
 * - no path traversal in the file-serving routes, with raw request lines
 *   (`/../`, `%2e%2e`, double encoding, backslashes, overlong UTF-8);
 * - request size limits (bodies, chunked bodies, headers, URLs);
 * - every write route of the OpenAPI document needs the token; CORS is
 *   closed by default; nothing answers to a foreign Host.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { serve } from "@hono/node-server";
import fc from "fast-check";
import type { AddressInfo } from "node:net";
import { createApp } from "../src/serve/app.js";
import { Ingestor } from "../src/serve/ingest.js";
import { LOOPBACK_HOSTS } from "../src/serve/security.js";
import { type DB, openDatabase } from "../src/store/database.js";
import { exampleDatabase, type TestDatabase } from "./helpers/serve.js";
import { projectRoot } from "./helpers/shared.js";

const TOKEN = "security-test-token-0123456789abcdef";
/** A marker inside every injection string: it must never reach the text of an SQL statement. */
const MARK = "KAIDANSQLI";

let t: TestDatabase;
let readDb: DB;
let writeDb: DB;
let base: string;
let close: () => Promise<void>;
let webRoot: string;
const prepared: string[] = [];

/** A connection whose every prepared statement is recorded. */
function recording(db: DB): DB {
  const prepare = db.prepare.bind(db);
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  };
  return db;
}

before(async () => {
  t = await exampleDatabase();
  readDb = recording(openDatabase(t.path, { readonly: true }));
  writeDb = openDatabase(t.path);
  webRoot = mkdtempSync(join(tmpdir(), "kaidan-web-"));
  mkdirSync(join(webRoot, "assets"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>kaidan</title>");
  writeFileSync(join(webRoot, "assets", "app-1.js"), "console.log('kaidan');");
  // secrets just outside the served folder, and the project's own files further up
  writeFileSync(join(webRoot, "..", "kaidan-secret.txt"), "SECRET-OUTSIDE-WEBROOT");
  const app = createApp({
    db: readDb,
    token: TOKEN,
    ingestor: new Ingestor(writeDb, () => t.pipeline),
    lexicon: t.pipeline.ctx.lexicon,
    webRoot,
    allowedHosts: LOOPBACK_HOSTS,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    });
});

after(async () => {
  await close?.();
  readDb?.close();
  writeDb?.close();
  rmSync(join(webRoot, "..", "kaidan-secret.txt"), { force: true });
  rmSync(webRoot, { recursive: true, force: true });
});

const HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"];

function checkHeaders(res: Response, what: string): void {
  for (const h of HEADERS) assert.ok(res.headers.get(h), `${what}: no ${h}`);
  assert.doesNotMatch(res.headers.get("content-security-policy")!, /unsafe-inline|unsafe-eval|\*/, what);
  assert.equal(res.headers.get("access-control-allow-origin"), null, `${what}: CORS is closed`);
}

/** Sends raw bytes and returns the raw answer (status line, headers, body). */
function raw(request: string | Buffer): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
  });
}
const statusOf = (answer: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
}

describe("server security over HTTP", () => {
  let api: OpenApi;
  before(async () => {
    api = (await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApi;
  });

  it("answers every GET route fuzzed with hostile parameters with 200, or a clear 400 or 404 in JSON", async () => {
    const routes = Object.entries(api.paths).flatMap(([path, ops]) =>
      ops.get
        ? [{ path, params: (ops.get.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name) }]
        : [],
    );
    assert.ok(routes.length >= 15, `${routes.length} GET routes`);
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary", maxLength: 50 }),
      fc.constantFrom(
        "",
        "-1",
        "0",
        "1e309",
        "NaN",
        "9".repeat(400),
        "2024-13-45",
        "2024-02-30",
        "RUS,",
        ",",
        "a".repeat(5000),
        "<script>alert(1)</script>",
        `' OR 1=1 -- ${MARK}`,
        `"; DROP TABLE documents; -- ${MARK}`,
        `${MARK}') UNION SELECT body FROM documents --`,
        "%00",
        "\u0000",
        "../../etc/passwd",
        "CONSULT:visit,AGREE",
        "occurred,nonsense",
        "true",
      ),
    );
    const idValue = fc.oneof(hostile, fc.constantFrom("ex01", "RUS", "kim-jong-un", "ex01#e1"));
    const requestArb = fc
      .record({
        route: fc.constantFrom(...routes),
        values: fc.array(fc.tuple(fc.nat(), hostile), { maxLength: 4 }),
        extra: fc.option(fc.tuple(fc.string({ maxLength: 10 }), hostile), { nil: null }),
        id: idValue,
      })
      .map(({ route, values, extra, id }) => {
        const q = new URLSearchParams();
        for (const [i, v] of values)
          if (route.params.length) q.append(route.params[i % route.params.length]!, v);
        if (extra) q.append(...extra);
        return `${route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id))}?${q.toString()}`;
      });
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArb, async (path) => {
        const res = await fetch(`${base}${path}`);
        const body = await res.text();
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        assert.ok([200, 400, 404].includes(res.status), `${path} → ${res.status} ${body.slice(0, 300)}`);
        checkHeaders(res, path);
        if (res.status !== 200) {
          const err = JSON.parse(body) as { error: { status: number; message: string } };
          assert.equal(err.error.status, res.status);
          assert.ok(err.error.message.length > 0 && err.error.message.length < 2000, err.error.message);
        }
      }),
      { numRuns: Number(process.env.KAIDAN_FUZZ_RUNS ?? 0) || 400 },
    );
    assert.ok((seen.get(400) ?? 0) > 0 && (seen.get(200) ?? 0) > 0, JSON.stringify([...seen]));
  });

  it("uses bound parameters only: injection strings never reach the SQL text, and give normal results", async () => {
    const injections = [
      `' OR '1'='1' -- ${MARK}`,
      `%' OR 1=1 OR '%' = '${MARK}`,
      `${MARK}"; DROP TABLE documents; --`,
      `${MARK}' UNION SELECT id, body FROM documents --`,
      `${MARK}) OR (1=1`,
      `${MARK}* OR NEAR(a b)`,
      `${MARK}\\' OR 1=1#`,
    ];
    const documents = readDb.prepare("SELECT count(*) FROM documents").pluck().get() as number;
    prepared.length = 0;
    for (const s of injections) {
      const e = encodeURIComponent(s);
      for (const path of [
        `/api/search?q=${e}`,
        `/api/events?text=${e}`,
        `/api/events?actor=${e}`,
        `/api/events?pair=${e},RUS`,
        `/api/quotes?text=${e}`,
        `/api/quotes?speaker=${e}`,
        `/api/actors?q=${e}`,
        `/api/documents/${e}`,
        `/api/events/${e}`,
        `/api/actors/${e}`,
        `/api/relations?a=${e}&b=RUS`,
        `/api/network?actor=${e}`,
        `/api/export?format=jsonl&actor=${e}`,
      ]) {
        const res = await fetch(`${base}${path}`);
        const body = await res.text();
        assert.ok([200, 400, 404].includes(res.status), `${path} → ${res.status} ${body.slice(0, 200)}`);
        if (path.startsWith("/api/search") && res.status === 200) {
          // a normal search for the text as written: no document holds it
          const r = JSON.parse(body) as { documents: { total: number } };
          assert.equal(r.documents.total, 0, `${s} found documents`);
        }
      }
    }
    assert.ok(prepared.length > 0, "the recording sees the statements");
    const leaked = prepared.filter((sql) => sql.includes(MARK));
    assert.deepEqual(leaked, [], "user input inside SQL text");
    assert.equal(readDb.prepare("SELECT count(*) FROM documents").pluck().get(), documents);
    assert.equal(readDb.pragma("integrity_check", { simple: true }), "ok");
  });

  it("serves no file outside the built page, whatever the request line says", async () => {
    const targets = [
      "/../kaidan-secret.txt",
      "/..%2fkaidan-secret.txt",
      "/%2e%2e/kaidan-secret.txt",
      "/%2e%2e%2fkaidan-secret.txt",
      "/%252e%252e/kaidan-secret.txt",
      "/assets/../../kaidan-secret.txt",
      "/assets/..%2f..%2fkaidan-secret.txt",
      "/assets/%2e%2e/%2e%2e/kaidan-secret.txt",
      "/..\\kaidan-secret.txt",
      "/..%5ckaidan-secret.txt",
      "/%c0%ae%c0%ae/kaidan-secret.txt",
      "/..;/kaidan-secret.txt",
      "//../kaidan-secret.txt",
      "/assets/app-1.js/../../../kaidan-secret.txt",
      "/index.html%00/../../kaidan-secret.txt",
      `/${"../".repeat(12)}etc/passwd`,
      `/${"%2e%2e%2f".repeat(12)}etc/passwd`,
      `/${"..%2f".repeat(12)}${projectRoot.slice(1)}/package.json`,
      "/api/../../kaidan-secret.txt",
      "/api/export?format=../../../../etc/passwd",
      "http://127.0.0.1/../kaidan-secret.txt",
    ];
    for (const target of targets) {
      const answer = await raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      const status = statusOf(answer);
      assert.ok(
        !answer.includes("SECRET-OUTSIDE-WEBROOT") &&
          !answer.includes("root:x:0:0") &&
          !answer.includes('"name": "kaidan"'),
        `${target} leaked a file`,
      );
      assert.ok(
        status === 400 || status === 404 || (status === 200 && answer.includes("<title>kaidan")),
        `${target} → ${status}`,
      );
    }
    // the page's own files are served
    const js = await fetch(`${base}/assets/app-1.js`);
    assert.equal(js.status, 200);
    assert.equal(await js.text(), readFileSync(join(webRoot, "assets", "app-1.js"), "utf8"));
  });

  it("limits what a request may send: bodies, chunked bodies, headers and URLs", async () => {
    const auth = { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" };
    const big = JSON.stringify({ text: "あ".repeat(3 * 1024 * 1024) }); // 9 MB of UTF-8
    const res = await fetch(`${base}/api/documents`, { method: "POST", headers: auth, body: big });
    assert.equal(res.status, 413, await res.text());
    checkHeaders(res, "413");
    // the same without a Content-Length: chunks are counted as they come
    const chunked = await raw(
      Buffer.concat([
        Buffer.from(
          `POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
        ),
        ...Array.from({ length: 6 }, () => {
          const chunk = Buffer.alloc(1024 * 1024, 0x61);
          return Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
        }),
        Buffer.from("0\r\n\r\n"),
      ]),
    );
    assert.equal(statusOf(chunked), 413, chunked.slice(0, 300));
    const headers = await raw(
      `GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(64 * 1024)}\r\nConnection: close\r\n\r\n`,
    );
    assert.equal(statusOf(headers), 431);
    const url = await raw(
      `GET /api/search?q=${"a".repeat(100 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    assert.ok([400, 414, 431].includes(statusOf(url)), url.slice(0, 100));
    // and the server is still there
    assert.equal((await fetch(`${base}/api/info`)).status, 200);
  });

  it("needs the token on every write route, and keeps CORS and foreign hosts out", async () => {
    const writes = Object.entries(api.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ["post", "put", "patch", "delete"].includes(m))
        .map((m) => ({ path, method: m.toUpperCase() })),
    );
    assert.ok(writes.length >= 2, JSON.stringify(writes));
    const before = readDb.prepare("SELECT count(*) FROM documents").pluck().get();
    for (const { path, method } of writes) {
      for (const authorization of [
        undefined,
        "",
        "Bearer",
        "Bearer ",
        `Bearer ${TOKEN.slice(0, -1)}`,
        `Bearer ${TOKEN}x`,
        `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`,
        `Bearer ${TOKEN.toUpperCase()}`,
        TOKEN,
      ]) {
        const res = await fetch(`${base}${path}`, {
          method,
          headers: {
            "Content-Type": "application/json",
            ...(authorization === undefined ? {} : { Authorization: authorization }),
          },
          body: JSON.stringify({ text: "会談した。" }),
        });
        assert.equal(res.status, 403, `${method} ${path} with ${authorization}`);
        checkHeaders(res, `${method} ${path}`);
      }
    }
    // methods the API does not have change nothing
    for (const method of ["PUT", "PATCH", "DELETE"])
      assert.ok(
        [403, 404, 405].includes((await fetch(`${base}/api/documents/ex01`, { method })).status),
        method,
      );
    assert.equal(readDb.prepare("SELECT count(*) FROM documents").pluck().get(), before);

    for (const path of ["/api/info", "/api/documents", "/api/search?q=x", "/"]) {
      const pre = await fetch(`${base}${path}`, {
        method: "OPTIONS",
        headers: {
          Origin: "https://evil.example",
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization",
        },
      });
      assert.equal(pre.headers.get("access-control-allow-origin"), null, path);
      assert.equal(pre.headers.get("access-control-allow-credentials"), null, path);
      const get = await fetch(`${base}${path}`, { headers: { Origin: "null" } });
      assert.equal(get.headers.get("access-control-allow-origin"), null, path);
    }
    const rebound = await raw("GET /api/info HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assert.equal(statusOf(rebound), 421);
  });
});
