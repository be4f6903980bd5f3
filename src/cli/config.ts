/**
 * The optional project configuration, `kaidan.config.yaml` (or `.json`) in
 * the current folder or any folder above it: defaults for the options a
 * user would otherwise repeat on every command.
 *
 *   db: data/kaidan.db          # the database (--db and $KAIDAN_DB win)
 *   lexicons: [my-lexicon]      # extra lexicon folders, before any --lexicon
 *
 * Relative paths are relative to the configuration file.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

const configSchema = z
  .object({
    db: z.string().optional(),
    lexicons: z.array(z.string()).default([]),
  })
  .strict();

export interface KaidanConfig {
  file: string | null;
  db?: string;
  lexicons: string[];
}

const NAMES = ["kaidan.config.yaml", "kaidan.config.yml", "kaidan.config.json"];

export function findConfigFile(from = process.cwd()): string | null {
  let dir = resolve(from);
  for (;;) {
    for (const n of NAMES) if (existsSync(join(dir, n))) return join(dir, n);
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Reads the configuration, or throws with the file and the reason. */
export function loadConfig(from = process.cwd()): KaidanConfig {
  const file = findConfigFile(from);
  if (!file) return { file: null, lexicons: [] };
  let raw: unknown;
  try {
    const text = readFileSync(file, "utf8");
    raw = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new Error(
      `${file}: not valid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${(e as Error).message.split("\n")[0]}`,
    );
  }
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".") || "configuration"}: ${issue.message}`);
  }
  const base = dirname(file);
  return {
    file,
    ...(parsed.data.db ? { db: resolve(base, parsed.data.db) } : {}),
    lexicons: parsed.data.lexicons.map((l) => resolve(base, l)),
  };
}
