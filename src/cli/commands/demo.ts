import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ingestCommand } from "./ingest.js";

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
}

/** Ingests the bundled examples into a fresh database and prints what was found. */
export async function demoCommand(opts: DemoOptions): Promise<void> {
  const db = opts.db ?? "kaidan-demo.db";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  const started = Date.now();
  await ingestCommand([examplesDir()], { db });
  process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
