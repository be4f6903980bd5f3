/**
 * A worker thread that analyses documents: it builds the standard pipeline
 * once (lexicon, triggers, dictionary), then turns each document it is sent
 * into the record the writer thread stores (src/store/write.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { type SharedDictionary, useSharedDictionary } from "../analyse/tokenizer.js";
import type { SourceDocument } from "../read/document.js";
import { storeRecord } from "../store/write.js";
import { extractionOf } from "./extraction.js";
import { createExtractionPipeline } from "./standard.js";

export interface WorkerInit {
  lexiconDirs: string[];
  /** The dictionary as the parent thread decompressed it, shared rather than loaded again. */
  dictionary?: SharedDictionary;
}

export type WorkerRequest = { seq: number; doc: SourceDocument };
export type WorkerReply =
  { ready: true } | { seq: number; record: ReturnType<typeof storeRecord> } | { seq: number; error: string };

const port = parentPort;
if (port) {
  const init = workerData as WorkerInit;
  if (init.dictionary) useSharedDictionary(init.dictionary);
  const pipeline = createExtractionPipeline({ lexiconDirs: init.lexiconDirs });
  // the dictionary is loaded before the first document arrives
  await pipeline.ctx.analyser();
  port.on("message", (msg: WorkerRequest) => {
    pipeline.process(msg.doc).then(
      (doc) =>
        port.postMessage({ seq: msg.seq, record: storeRecord(doc, extractionOf(doc)) } satisfies WorkerReply),
      (e: unknown) =>
        port.postMessage({
          seq: msg.seq,
          error: e instanceof Error ? e.message : String(e),
        } satisfies WorkerReply),
    );
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}
