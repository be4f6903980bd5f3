/**
 * An actor as a user types it on the command line — an id (kim-jong-un,
 * RUS), a name in any spelling (金正恩, プーチン, Putin), or a state's
 * one-letter abbreviation (露) — turned into the id the database uses.
 */
import { searchLexicon } from "./commands/actors.js";
import { type Lexicon, surfaceKey } from "../lexicon/lexicon.js";
import type { DB } from "../store/database.js";

export function actorId(lex: Lexicon, db: DB | null, text: string): string {
  const raw = text.trim();
  if (lex.people.has(raw) || lex.organizations.has(raw)) return raw;
  if (lex.states.has(raw.toUpperCase())) return raw.toUpperCase();
  const key = surfaceKey(raw);
  const abbr = lex.abbreviations.get(key);
  if (abbr) return abbr;
  const named = [
    ...new Set(
      (lex.surfaces.get(key) ?? [])
        .filter((r) => r.kind === "person" || r.kind === "state" || r.kind === "organization")
        .map((r) => ("id" in r ? r.id : "")),
    ),
  ];
  if (named.length === 1) return named[0]!;
  const found = named.length > 1 ? [] : searchLexicon(lex, raw);
  if (found.length === 1) return found[0]!.id;
  const stored = db
    ? (db
        .prepare("SELECT id FROM actors WHERE id = ? OR ja = ? OR en = ? COLLATE NOCASE LIMIT 2")
        .all(raw, raw, raw) as {
        id: string;
      }[])
    : [];
  if (stored.length === 1) return stored[0]!.id;
  const candidates = named.length > 1 ? named : found.map((f) => f.id);
  throw new Error(
    candidates.length > 1
      ? `'${raw}' can mean ${candidates.slice(0, 8).join(", ")}${candidates.length > 8 ? ", …" : ""}; give one of these ids`
      : `no actor called '${raw}' (try 'kaidan actors ${raw}')`,
  );
}
