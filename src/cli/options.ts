import { resolve } from "node:path";

/** The database path: --db, else $KAIDAN_DB, else kaidan.db in the current folder. */
export const dbPath = (opt?: string) => resolve(opt ?? process.env.KAIDAN_DB ?? "kaidan.db");

/** Repeatable `--lexicon DIR`. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Writes an error in one line to stderr and sets the exit code. */
export function fail(message: string, code = 1): void {
  process.stderr.write(`kaidan: ${message}\n`);
  process.exitCode = code;
}
