import { type IngestReport, ingestPaths } from "../../pipeline/ingest.js";
import { AnalysisPool } from "../../pipeline/parallel.js";
import { createExtractionPipeline } from "../../pipeline/standard.js";
import { DEFAULT_BATCH } from "../../store/batch.js";
import { openDatabase } from "../../store/database.js";
import { dbPath, lexiconDirs } from "../options.js";
import { progress } from "../progress.js";

export interface IngestOptions {
  db?: string;
  lexicon?: string[];
  quiet?: boolean;
  json?: boolean;
  /** Worker threads for analysis (0 or absent: analyse on this thread). */
  workers?: string | number;
  /** Documents per write transaction at most (DEFAULT_BATCH). */
  batch?: string | number;
}

export async function ingestCommand(paths: string[], opts: IngestOptions): Promise<IngestReport> {
  const workers = Number(opts.workers ?? 0);
  if (!Number.isInteger(workers) || workers < 0 || workers > 256)
    throw new Error(`--workers must be a whole number from 0 to 256, not '${opts.workers}'`);
  const batch = Number(opts.batch ?? DEFAULT_BATCH.documents);
  if (!Number.isInteger(batch) || batch < 1 || batch > 100_000)
    throw new Error(`--batch must be a whole number from 1 to 100000, not '${opts.batch}'`);
  const dirs = lexiconDirs(opts.lexicon);
  const pipeline = createExtractionPipeline({ lexiconDirs: dirs });
  const pool = workers > 0 ? new AnalysisPool({ workers, lexiconDirs: dirs }) : undefined;
  const file = dbPath(opts.db);
  const db = openDatabase(file);
  const bar = progress(!opts.quiet && !opts.json);
  let report: IngestReport;
  try {
    report = await ingestPaths(
      paths,
      pipeline,
      db,
      {
        onFiles: (n) => bar.start(n),
        onFile: (f) => bar.tick(f),
        onError: (e) => {
          bar.stop();
          process.stderr.write(`error: ${e.message}\n`);
        },
      },
      { pool, batch: { ...DEFAULT_BATCH, documents: batch } },
    );
  } finally {
    bar.stop();
    db.close();
    await pool?.close();
  }
  if (opts.json)
    process.stdout.write(
      `${JSON.stringify({ database: file, ...report, errors: report.errors.map((e) => e.message) })}\n`,
    );
  else if (!opts.quiet) {
    const d = report.documents;
    process.stderr.write(
      `${report.files} files: ${d.new} new, ${d.updated} updated, ${d.unchanged} unchanged documents; ` +
        `${report.events} events, ${report.quotes} quotes` +
        (report.notDiplomacy ? `; ${report.notDiplomacy} not about diplomacy (stored for search only)` : "") +
        ` → ${file}` +
        (report.errors.length ? `; ${report.errors.length} failed` : "") +
        "\n",
    );
  }
  if (report.errors.length > 0) process.exitCode = 1;
  return report;
}
