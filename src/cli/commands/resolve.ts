import { dbPath } from "../options.js";

export interface ResolveOptions {
  db?: string;
  lexicon?: string[];
  json?: boolean;
}

/** `kaidan resolve`: resolves every stored report again (after an upgrade or a lexicon change). */
export async function resolveCommand(opts: ResolveOptions): Promise<void> {
  const { openDatabase } = await import("../../store/database.js");
  const { loadLexicon } = await import("../../lexicon/lexicon.js");
  const { rebuildEvents } = await import("../../resolve/events/index.js");
  const file = dbPath(opts.db);
  const db = openDatabase(file);
  try {
    const r = rebuildEvents(db, loadLexicon(opts.lexicon ?? []));
    if (opts.json) process.stdout.write(`${JSON.stringify({ database: file, ...r })}\n`);
    else
      process.stderr.write(
        `${r.reports} reports → ${r.events} events (${r.retired} ids retired) in ${file}\n`,
      );
  } finally {
    db.close();
  }
}
