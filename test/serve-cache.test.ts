/**
 * The cache of read answers: a repeated question is answered from memory,
 * and never after the database changed — whether another process wrote
 * (kaidan ingest beside a running server) or a write request went through
 * the server itself.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { ingestPaths } from "../src/pipeline/ingest.js";
import { createApp } from "../src/serve/app.js";
import { CACHE_HEADER } from "../src/serve/cache.js";
import { Ingestor } from "../src/serve/ingest.js";
import { type DB, openDatabase } from "../src/store/database.js";
import { exampleDatabase, type TestDatabase } from "./helpers/serve.js";

const TOKEN = "cache-token-0123456789abcdef";
const SUMMIT = "ロシアのプーチン大統領は13日、極東アムール州で北朝鮮の金正恩総書記と会談した。";

let t: TestDatabase;
let readDb: DB;
let writeDb: DB;
let app: OpenAPIHono;

before(async () => {
  t = await exampleDatabase();
  readDb = openDatabase(t.path, { readonly: true });
  writeDb = openDatabase(t.path);
  app = createApp({
    db: readDb,
    token: TOKEN,
    ingestor: new Ingestor(writeDb, () => t.pipeline),
    lexicon: t.pipeline.ctx.lexicon,
  });
});

after(() => {
  readDb?.close();
  writeDb?.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  assert.equal(res.status, 200, path);
  return { cache: res.headers.get(CACHE_HEADER), body: await res.text(), res };
}

const total = (body: string) => (JSON.parse(body) as { total: number }).total;

describe("the cache of read answers", () => {
  it("answers a repeated question from memory, with the same bytes and headers", async () => {
    const first = await get("/api/events?limit=5");
    const again = await get("/api/events?limit=5");
    assert.equal(first.cache, "miss");
    assert.equal(again.cache, "hit");
    assert.equal(again.body, first.body);
    assert.equal(again.res.headers.get("content-type"), first.res.headers.get("content-type"));
    assert.equal(again.res.headers.get("cache-control"), "no-store", "browsers still ask every time");
    // another question is another entry
    assert.equal((await get("/api/events?limit=6")).cache, "miss");
  });

  it("keeps compressed and plain answers apart", async () => {
    const plain = await get("/api/quotes?limit=40");
    const gz = await get("/api/quotes?limit=40", { "Accept-Encoding": "gzip" });
    assert.equal(gz.cache, "miss");
    assert.equal(gz.res.headers.get("content-encoding"), "gzip");
    assert.equal(plain.res.headers.get("content-encoding"), null);
    const gzAgain = await app.request("/api/quotes?limit=40", { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(gzAgain.headers.get(CACHE_HEADER), "hit");
    assert.equal(gzAgain.headers.get("content-encoding"), "gzip");
    // the body decompresses to the plain answer
    const text = await new Response(gzAgain.body!.pipeThrough(new DecompressionStream("gzip"))).text();
    assert.equal(text, plain.body);
  });

  it("keeps no errors", async () => {
    const bad = await app.request("/api/events?limit=-1");
    assert.equal(bad.status, 400);
    const again = await app.request("/api/events?limit=-1");
    assert.equal(again.headers.get(CACHE_HEADER), null);
  });

  it("forgets everything when another connection writes (kaidan ingest beside the server)", async () => {
    const before = await get("/api/documents?limit=1");
    assert.equal((await get("/api/documents?limit=1")).cache, "hit");
    const file = join(t.dir, "beside.md");
    writeFileSync(
      file,
      `---\nid: cache-beside\npublished: 2031-05-13\ntitle: 露朝首脳会談\n---\n${SUMMIT}\n`,
    );
    const other = openDatabase(t.path);
    try {
      const report = await ingestPaths([file], t.pipeline, other);
      assert.equal(report.errors.length, 0);
    } finally {
      other.close();
    }
    const after = await get("/api/documents?limit=1");
    assert.equal(after.cache, "miss");
    assert.equal(total(after.body), total(before.body) + 1);
    assert.match(after.body, /cache-beside/, "the newest document is listed first");
  });

  it("forgets everything when a document is written through the API", async () => {
    const before = await get("/api/info");
    assert.equal((await get("/api/info")).cache, "hit");
    const res = await app.request("/api/documents", {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ id: "cache-posted", published: "2031-05-14", text: SUMMIT }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    const after = await get("/api/info");
    assert.equal(after.cache, "miss");
    assert.notEqual(after.body, before.body, "the counts moved");
    const doc = await get("/api/documents/cache-posted");
    assert.match(doc.body, /プーチン/);
  });
});
