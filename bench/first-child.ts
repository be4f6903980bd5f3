/**
 * Extraction timings in a fresh process: the first document (which loads
 * the dictionary), the next one, and whether the dictionary was loaded once.
 * Prints one JSON line.
 */
import { loadAnalyser } from "../src/analyse/tokenizer.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { ReadError, readPaths, type SourceDocument } from "../src/read/index.js";

const docs = [...readPaths(process.argv.slice(2))].filter(
  (d): d is SourceDocument => !(d instanceof ReadError),
);
if (docs.length < 2) throw new Error("first-child.ts needs two documents");
const pipeline = createExtractionPipeline();
const t0 = performance.now();
await pipeline.process(docs[0]!);
const t1 = performance.now();
await pipeline.process(docs[1]!);
const t2 = performance.now();
const engines = new Set([(await loadAnalyser()).engine, (await pipeline.ctx.analyser()).engine]);
process.stdout.write(`${JSON.stringify({ first: t1 - t0, second: t2 - t1, engines: engines.size })}\n`);
