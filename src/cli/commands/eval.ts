import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatScore, type GoldFile, type Prediction, score } from "../../eval/score.js";
import { contractLines } from "../../extract/contract.js";
import { extractionOf } from "../../pipeline/extraction.js";
import { createExtractionPipeline } from "../../pipeline/standard.js";
import { lexiconDirs } from "../options.js";
import { ReadError, readPaths } from "../../read/index.js";

export interface EvalOptions {
  /** Folder of the gold files, when they are not beside the documents. */
  gold?: string;
  verbose?: boolean;
  json?: boolean;
  lexicon?: string[];
}

/** Extracts the documents of a gold folder and scores them against its <id>.json files. */
export async function evalCommand(folder: string, opts: EvalOptions): Promise<void> {
  const goldDir = opts.gold ?? folder;
  const goldFiles = readdirSync(goldDir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  if (goldFiles.length === 0) throw new Error(`${goldDir}: no gold files (<id>.json) found`);
  const golds = goldFiles.map((f) => JSON.parse(readFileSync(join(goldDir, f), "utf8")) as GoldFile);
  const pipeline = createExtractionPipeline({ lexiconDirs: lexiconDirs(opts.lexicon) });
  const predictions: Prediction[] = [];
  for (const item of readPaths([folder])) {
    if (item instanceof ReadError) {
      process.stderr.write(`error: ${item.message}\n`);
      continue;
    }
    const doc = await pipeline.process(item);
    predictions.push(...(contractLines(doc, extractionOf(doc), pipeline.ctx.lexicon) as Prediction[]));
  }
  const s = score(golds, predictions);
  process.stdout.write(opts.json ? `${JSON.stringify(s, null, 2)}\n` : `${formatScore(s, opts.verbose)}\n`);
}
