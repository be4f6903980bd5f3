import { resolve } from "node:path";
import { loadConfig } from "./config.js";

let config: ReturnType<typeof loadConfig> | null = null;
/** The project configuration (kaidan.config.yaml), read once. */
export const projectConfig = () => (config ??= loadConfig());

/** The database path: --db, else $KAIDAN_DB, else the configuration's, else kaidan.db here. */
export const dbPath = (opt?: string) =>
  resolve(opt ?? process.env.KAIDAN_DB ?? projectConfig().db ?? "kaidan.db");

/** Lexicon folders: the configuration's, then each --lexicon. */
export const lexiconDirs = (opt?: string[]) => [...projectConfig().lexicons, ...(opt ?? [])];

/** Repeatable `--lexicon DIR`. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Writes an error in one line to stderr and sets the exit code. */
export function fail(message: string, code = 1): void {
  process.stderr.write(`kaidan: ${message}\n`);
  process.exitCode = code;
}
