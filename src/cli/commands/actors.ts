import { existsSync } from "node:fs";
import { type Lexicon, loadLexicon, surfaceKey, withinPeriod } from "../../lexicon/lexicon.js";
import type { PersonEntry } from "../../lexicon/schema.js";
import { openDatabase } from "../../store/database.js";
import { dbPath, lexiconDirs } from "../options.js";

export interface ActorsOptions {
  date?: string;
  db?: string;
  lexicon?: string[];
  json?: boolean;
}

interface ActorRow {
  id: string;
  kind: string;
  en: string;
  ja: string;
  country: string | null;
  offices?: { office: string; title: string; from?: string; to?: string; current: boolean }[];
  mentions?: number;
}

const key = (s: string) =>
  surfaceKey(s)
    .toLowerCase()
    .replace(/[\s・]/g, "");

/** Entries whose id, names, aliases or surnames contain the query. */
export function searchLexicon(lex: Lexicon, query: string | undefined, date?: string): ActorRow[] {
  const q = query ? key(query) : "";
  const hit = (...names: (string | undefined)[]) => !q || names.some((n) => n && key(n).includes(q));
  const rows: ActorRow[] = [];
  const officeRows = (p: PersonEntry) =>
    p.offices.map((t) => ({
      office: t.office,
      title: lex.offices.get(t.office)?.titles[0] ?? t.office,
      from: t.from,
      to: t.to,
      current: date ? withinPeriod(date, t.from, t.to) : !t.to,
    }));
  for (const p of lex.people.values()) {
    if (
      hit(p.id, p.name.en, p.name.ja, ...p.aliases, ...p.surname) ||
      (query && p.country === query.toUpperCase())
    ) {
      rows.push({
        id: p.id,
        kind: "person",
        en: p.name.en,
        ja: p.name.ja,
        country: p.country ?? null,
        offices: officeRows(p),
      });
    }
  }
  for (const s of lex.states.values()) {
    if (hit(s.id, s.name.en, s.name.ja, ...s.aliases))
      rows.push({ id: s.id, kind: "state", en: s.name.en, ja: s.name.ja, country: s.id });
  }
  for (const o of lex.organizations.values()) {
    if (hit(o.id, o.name.en, o.name.ja, ...o.aliases)) {
      rows.push({ id: o.id, kind: "organization", en: o.name.en, ja: o.name.ja, country: o.country ?? null });
    }
  }
  return rows;
}

export function actorsCommand(query: string | undefined, opts: ActorsOptions): void {
  const lex = loadLexicon(lexiconDirs(opts.lexicon));
  const rows = searchLexicon(lex, query, opts.date);
  const file = dbPath(opts.db);
  if (existsSync(file)) {
    const db = openDatabase(file, { readonly: true });
    const count = db.prepare("SELECT count(*) AS n FROM mentions WHERE actor_id = ?");
    for (const r of rows) r.mentions = (count.get(r.id) as { n: number }).n;
    // actors found in the documents but not in the lexicon
    const q = query ? `%${query}%` : "%";
    const extra = db
      .prepare(
        "SELECT a.id, a.kind, a.en, a.ja, a.country, count(m.id) AS n FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id WHERE a.resolved = 0 AND (a.ja LIKE ? OR a.en LIKE ?) GROUP BY a.id",
      )
      .all(q, q) as (ActorRow & { n: number })[];
    for (const e of extra)
      rows.push({
        id: e.id,
        kind: `${e.kind} (unresolved)`,
        en: e.en,
        ja: e.ja,
        country: e.country,
        mentions: e.n,
      });
    db.close();
    rows.sort((a, b) => (b.mentions ?? 0) - (a.mentions ?? 0));
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    process.stderr.write(`no actor matches ${JSON.stringify(query)}\n`);
    process.exitCode = 1;
    return;
  }
  for (const r of rows) {
    const count = r.mentions !== undefined ? `  ${r.mentions} mentions` : "";
    process.stdout.write(
      `${r.ja}  ${r.en}  [${r.kind} ${r.id}${r.country ? `, ${r.country}` : ""}]${count}\n`,
    );
    for (const o of r.offices ?? []) {
      process.stdout.write(`    ${o.current ? "*" : " "} ${o.title}  ${o.from ?? "?"} – ${o.to ?? ""}\n`);
    }
  }
}
