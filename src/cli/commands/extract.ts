import { contractLines } from "../../extract/contract.js";
import { extractionOf } from "../../pipeline/extraction.js";
import { createExtractionPipeline } from "../../pipeline/standard.js";
import { lexiconDirs } from "../options.js";
import { ReadError, readPaths } from "../../read/index.js";

export interface ExtractOptions {
  format: "jsonl" | "json";
  lexicon?: string[];
}

export async function extractCommand(paths: string[], opts: ExtractOptions): Promise<void> {
  const pipeline = createExtractionPipeline({ lexiconDirs: lexiconDirs(opts.lexicon) });
  const all: object[] = [];
  let failed = 0;
  for (const item of readPaths(paths)) {
    if (item instanceof ReadError) {
      failed++;
      process.stderr.write(`error: ${item.message}\n`);
      continue;
    }
    const doc = await pipeline.process(item);
    const lines = contractLines(doc, extractionOf(doc), pipeline.ctx.lexicon);
    if (opts.format === "jsonl") for (const l of lines) process.stdout.write(`${JSON.stringify(l)}\n`);
    else all.push(...lines);
  }
  if (opts.format === "json") process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  if (failed > 0) process.exitCode = 1;
}
