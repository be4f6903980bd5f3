/**
 * One ingestion in a process of its own, for its peak resident memory:
 * `memory-child.ts <db> <workers> <file>…` prints a JSON line with the peak
 * RSS (MB), the characters read and the wall time.
 */
import { rmSync } from "node:fs";
import { ingestPaths } from "../src/pipeline/ingest.js";
import { AnalysisPool } from "../src/pipeline/parallel.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { openDatabase } from "../src/store/database.js";

const [dbFile, workersArg, ...files] = process.argv.slice(2);
if (!dbFile || !workersArg || files.length === 0)
  throw new Error("usage: memory-child.ts <db> <workers> <file>…");
for (const x of ["", "-wal", "-shm"]) rmSync(dbFile + x, { force: true });
const workers = Number(workersArg);
const pipeline = createExtractionPipeline();
const pool = workers > 0 ? new AnalysisPool({ workers }) : undefined;
const db = openDatabase(dbFile);
let chars = 0;
const t0 = performance.now();
try {
  const report = await ingestPaths(
    files,
    pipeline,
    db,
    { onDocument: (d) => (chars += d.body.length) },
    { pool },
  );
  if (report.errors.length > 0) throw new Error(report.errors[0]!.message);
} finally {
  db.close();
  await pool?.close();
  for (const x of ["", "-wal", "-shm"]) rmSync(dbFile + x, { force: true });
}
const wall = (performance.now() - t0) / 1000;
const m = process.memoryUsage();
const mb = (n: number) => Math.round(n / 1048576);
process.stdout.write(
  `${JSON.stringify({
    rssMB: process.resourceUsage().maxRSS / 1024,
    chars,
    wall,
    // this thread's heap and buffers at the end (the workers' are in the RSS only)
    heapMB: mb(m.heapUsed),
    externalMB: mb(m.external),
  })}\n`,
);
