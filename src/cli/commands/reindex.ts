import { dbPath } from "../options.js";

export interface ReindexOptions {
  db?: string;
  json?: boolean;
}

/**
 * `kaidan reindex`: builds the full-text indexes of documents, quotations and
 * events again from their rows. Ingestion keeps them as it writes; rows
 * written into the database by other means (by hand, by another tool) are
 * found by search only after this.
 */
export async function reindexCommand(opts: ReindexOptions): Promise<void> {
  const { openDatabase } = await import("../../store/database.js");
  const { rebuildSearchIndexes } = await import("../../store/search-index.js");
  const file = dbPath(opts.db);
  const db = openDatabase(file);
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const r = { documents: count("documents"), quotes: count("quotes"), events: count("events") };
    // one statement per index: what is about to be indexed is all the progress there is to show
    if (!opts.json)
      process.stderr.write(
        `indexing ${r.documents} documents, ${r.quotes} quotations and ${r.events} events in ${file}…\n`,
      );
    // one write transaction: readers see the old indexes until it commits, then the new ones
    db.transaction(() => rebuildSearchIndexes(db)).immediate();
    if (opts.json) process.stdout.write(`${JSON.stringify({ database: file, ...r })}\n`);
    else
      process.stderr.write(
        `indexed ${r.documents} documents, ${r.quotes} quotations and ${r.events} events for search\n`,
      );
  } finally {
    db.close();
  }
}
