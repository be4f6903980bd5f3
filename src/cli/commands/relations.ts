import { dbPath } from "../options.js";

export interface RelationsOptions {
  db?: string;
  lexicon?: string[];
  from?: string;
  to?: string;
  json?: boolean;
}

/** `kaidan relations A B`: per month, counts and the PLOVER cooperation–conflict score of two states. */
export async function relationsCommand(a: string, b: string, opts: RelationsOptions): Promise<void> {
  const { openDatabase } = await import("../../store/database.js");
  const { relations } = await import("../../query/index.js");
  const { loadLexicon } = await import("../../lexicon/lexicon.js");
  const { actorId } = await import("../actor-arg.js");
  const db = openDatabase(dbPath(opts.db), { readonly: true });
  try {
    const lex = loadLexicon(opts.lexicon ?? []);
    const r = relations(db, { a: actorId(lex, db, a), b: actorId(lex, db, b), from: opts.from, to: opts.to });
    if (opts.json) return void process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    const rows = [`${r.a}–${r.b}   month    events  coop  conflict   score   mean`];
    for (const m of r.months) {
      const bar =
        m.score >= 0
          ? "+".repeat(Math.min(30, Math.round(m.score / 2.5)))
          : "-".repeat(Math.min(30, Math.round(-m.score / 2.5)));
      rows.push(
        `          ${m.month}  ${String(m.events).padStart(6)}  ${String(m.cooperation).padStart(4)}  ${String(m.conflict).padStart(8)}  ${m.score.toFixed(1).padStart(6)}  ${m.mean === null ? "     " : m.mean.toFixed(2).padStart(5)}  ${bar}`,
      );
    }
    const t = r.total;
    rows.push(
      `          total    ${String(t.events).padStart(6)}  ${String(t.cooperation).padStart(4)}  ${String(t.conflict).padStart(8)}  ${t.score.toFixed(1).padStart(6)}  ${t.mean === null ? "" : t.mean.toFixed(2).padStart(5)}`,
    );
    process.stdout.write(`${rows.join("\n")}\n`);
  } finally {
    db.close();
  }
}
