/**
 * Answers to read requests, kept while the database does not change.
 *
 * The page asks the same questions again and again (the timeline's default
 * filters, the cards of the events on screen, the counts on the home page);
 * on a database of a million events some of them take tens of milliseconds,
 * and a single Node process serves them one at a time. An answer is kept
 * under its full URL and the encoding it was compressed for, and everything
 * kept is dropped as soon as the database is written: by another connection
 * (`PRAGMA data_version` moves — `kaidan ingest` in another terminal, the
 * server's own write connection) or by a write request through this app.
 * Nothing is served that the database no longer says.
 */
import type { MiddlewareHandler } from "hono";
import type { DB } from "../store/database.js";

export interface CacheLimits {
  /** Answers kept at most (the least recently used go first). */
  entries: number;
  /** Bytes of answer bodies kept at most, all entries together. */
  bytes: number;
  /** Answers larger than this are never kept. */
  entryBytes: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = {
  entries: 2000,
  bytes: 64 * 1024 * 1024,
  entryBytes: 1024 * 1024,
};

/** An answer with status 200 (no other is kept). */
interface Entry {
  headers: [string, string][];
  body: Uint8Array;
}

/** Says whether an answer came from the cache (hit) or was computed (miss): for whoever measures. */
export const CACHE_HEADER = "X-Kaidan-Cache";

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private version: number;
  private readonly dataVersion: () => number;

  constructor(
    db: DB,
    private readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS,
  ) {
    const stmt = db.prepare("PRAGMA data_version").pluck();
    this.dataVersion = () => stmt.get() as number;
    this.version = this.dataVersion();
  }

  /** Forget everything (after a write through this app, which data_version does not see). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  /** Forget everything if another connection committed since the last look. */
  private checkVersion(): void {
    const now = this.dataVersion();
    if (now !== this.version) {
      this.version = now;
      this.clear();
    }
  }

  /** The answer kept under `key`, after forgetting everything if the database moved. */
  lookup(key: string): Entry | undefined {
    this.checkVersion();
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // most recently used last
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  /**
   * Keep an answer computed at `version` (read before the query ran): if the database moved meanwhile,
   * the answer may already be stale and is not kept.
   */
  store(key: string, entry: Entry, version: number): void {
    if (entry.body.byteLength > this.limits.entryBytes) return;
    this.checkVersion();
    if (version !== this.version) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.byteLength;
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.byteLength;
    }
  }

  /**
   * Middleware for the read routes: GET answers with status 200 are kept, per URL and accepted
   * encoding; any other method clears the cache once it is answered.
   */
  middleware(shouldCache: (path: string) => boolean): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method !== "GET" && c.req.method !== "HEAD") {
        try {
          await next();
        } finally {
          this.clear();
        }
        return;
      }
      if (!shouldCache(c.req.path)) return next();
      const key = `${encodingKey(c.req.header("accept-encoding"))} ${c.req.url}`;
      const hit = this.lookup(key);
      if (hit) {
        c.res = new Response(c.req.method === "HEAD" ? null : hit.body, {
          status: 200,
          headers: hit.headers,
        });
        c.res.headers.set(CACHE_HEADER, "hit");
        return;
      }
      // the version the answer about to be computed belongs to (lookup has just read it)
      const version = this.version;
      await next();
      if (c.res.status !== 200 || c.req.method !== "GET") return;
      const body = new Uint8Array(await c.res.arrayBuffer());
      const headers = [...c.res.headers.entries()];
      this.store(key, { headers, body }, version);
      c.res = new Response(body, { status: 200, headers });
      c.res.headers.set(CACHE_HEADER, "miss");
    };
  }
}

/** Answers are compressed by what the client accepts: the same header gets the same bytes. */
function encodingKey(accept: string | undefined): string {
  return (accept ?? "").toLowerCase().replace(/\s+/g, "");
}
