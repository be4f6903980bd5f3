import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../serve/server.js";
import { dbPath } from "../options.js";
import { ingestCommand } from "./ingest.js";
import { parsePort, untilInterrupted } from "./serve.js";

/** The bundled examples folder. */
export function examplesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "examples"))) return join(dir, "examples");
    dir = dirname(dir);
  }
  throw new Error("cannot find the bundled examples/ folder");
}

export interface DemoOptions {
  db?: string;
  /** False with --no-serve: ingest and stop. */
  serve?: boolean;
  host?: string;
  port?: string;
}

/** Ingests the bundled examples into a fresh database, prints what was found, and serves the page over it. */
export async function demoCommand(opts: DemoOptions): Promise<void> {
  const db = opts.db ?? "kaidan-demo.db";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  const started = Date.now();
  await ingestCommand([examplesDir()], { db });
  process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (opts.serve === false) return;
  const serve = (port: number) => startServer({ db: dbPath(db), host: opts.host ?? "127.0.0.1", port });
  const server = await serve(parsePort(opts.port)).catch((e: NodeJS.ErrnoException) => {
    // the default port taken by another program: any free one will do for a demo
    if (e.code === "EADDRINUSE" && opts.port === undefined) return serve(0);
    throw e;
  });
  process.stdout.write(`\nkaidan is serving the examples at ${server.url}  (Ctrl-C stops)\n`);
  await untilInterrupted(server.close);
}
