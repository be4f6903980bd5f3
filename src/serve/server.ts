/**
 * `kaidan serve`: the app on a Node HTTP server, bound to the loopback
 * interface unless told otherwise. Reads go through a read-only connection;
 * a read-write one (which also migrates the database on open) is kept for
 * the write routes when a token is set.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { loadLexicon } from "../lexicon/lexicon.js";
import type { Pipeline } from "../pipeline/pipeline.js";
import { createExtractionPipeline } from "../pipeline/standard.js";
import { type DB, openDatabase } from "../store/database.js";
import { createApp } from "./app.js";
import { Ingestor } from "./ingest.js";
import { isLoopback, LOOPBACK_HOSTS } from "./security.js";
import { defaultWebRoot } from "./static.js";

/** Tokens shorter than this are refused: a write token must not be guessable. */
export const MIN_TOKEN_LENGTH = 16;

export interface ServeOptions {
  db: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string | null;
  lexiconDirs?: readonly string[];
  webRoot?: string | null;
  corsOrigins?: readonly string[];
  /** Extra host names to answer to besides the loopback ones (behind a proxy, say). */
  allowedHosts?: readonly string[];
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? "127.0.0.1";
  const token = opts.token || null;
  if (token !== null && token.length < MIN_TOKEN_LENGTH)
    throw new Error(
      `the token must have at least ${MIN_TOKEN_LENGTH} characters (try: openssl rand -hex 24)`,
    );
  // opening read-write migrates the database to the current schema
  const writeDb: DB = openDatabase(opts.db);
  const readDb: DB = openDatabase(opts.db, { readonly: true });
  let pipeline: Pipeline | null = null;
  const getPipeline = () => (pipeline ??= createExtractionPipeline({ lexiconDirs: opts.lexiconDirs ?? [] }));
  const lexicon = token ? getPipeline().ctx.lexicon : loadLexicon(opts.lexiconDirs ?? []);
  if (!token) writeDb.close();
  const app = createApp({
    db: readDb,
    token,
    ingestor: token ? new Ingestor(writeDb, getPipeline) : null,
    lexicon,
    webRoot: opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot,
    corsOrigins: opts.corsOrigins ?? [],
    allowedHosts: isLoopback(host) ? [...LOOPBACK_HOSTS, ...(opts.allowedHosts ?? [])] : null,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 8787 }, () => resolve(s));
    s.once("error", reject);
  });
  // slow clients cannot hold connections open for ever
  const http = server as unknown as {
    requestTimeout: number;
    headersTimeout: number;
    keepAliveTimeout: number;
  };
  http.requestTimeout = 120_000;
  http.headersTimeout = 20_000;
  http.keepAliveTimeout = 5_000;
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          readDb.close();
          if (token && writeDb.open) writeDb.close();
          resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
