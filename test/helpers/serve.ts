/** A database of the bundled examples plus the web fixtures (hostile markup), built once per test file. */
import { mkdtempSync } from "node:fs";
import { after, before } from "node:test";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestPaths } from "../../src/pipeline/ingest.js";
import type { Pipeline } from "../../src/pipeline/pipeline.js";
import { createExtractionPipeline } from "../../src/pipeline/standard.js";
import { type DB, openDatabase } from "../../src/store/database.js";
import { examplesDir, projectRoot } from "./shared.js";

export const webFixtures = join(projectRoot, "test", "fixtures", "web");

export interface TestDatabase {
  path: string;
  dir: string;
  pipeline: Pipeline;
}

export async function exampleDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "kaidan-serve-"));
  const path = join(dir, "k.db");
  const pipeline = createExtractionPipeline();
  const db = openDatabase(path);
  try {
    const report = await ingestPaths([examplesDir, webFixtures], pipeline, db);
    if (report.errors.length) throw new Error(report.errors.map((e) => e.message).join("\n"));
  } finally {
    db.close();
  }
  return { path, dir, pipeline };
}

/**
 * The examples' database opened read-only for the tests of one file: built before them (handed to
 * `opened`), closed after them.
 */
export function readOnlyExampleDatabase(opened: (db: DB, t: TestDatabase) => void): void {
  let db: DB | undefined;
  before(async () => {
    const t = await exampleDatabase();
    db = openDatabase(t.path, { readonly: true });
    opened(db, t);
  });
  after(() => db?.close());
}
