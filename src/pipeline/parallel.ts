/**
 * Analysis over worker threads. Each worker runs the whole pipeline on the
 * documents it is given and returns the records to store; the thread that
 * owns the database writes them, each document whole, in the order
 * the documents were read. A document goes to the worker with the fewest
 * documents in hand, and no worker holds more than a few, so that memory
 * stays bounded however long the input is.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { sharedDictionary } from "../analyse/tokenizer.js";
import type { SourceDocument } from "../read/document.js";
import type { StoreRecord } from "../store/write.js";
import type { WorkerInit, WorkerReply, WorkerRequest } from "./analysis-worker.js";
import { youngGenerationMb } from "./heap.js";

export interface AnalysisPoolOptions {
  workers: number;
  lexiconDirs?: readonly string[];
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: StoreRecord) => void; reject: (e: Error) => void }>;
}

/**
 * A worker running the analysis module: the compiled .js next to this file;
 * under tsx (development and tests) the .ts source, through tsx's loader,
 * which worker threads do not inherit.
 */
function startWorker(workerData: WorkerInit): Worker {
  const self = import.meta.url;
  const resourceLimits = { maxYoungGenerationSizeMb: youngGenerationMb() };
  if (!self.endsWith(".ts"))
    return new Worker(new URL("./analysis-worker.js", self), { workerData, resourceLimits });
  const api = import.meta.resolve("tsx/esm/api");
  const module = new URL("./analysis-worker.ts", self).href;
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(module)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}

/**
 * Work in flight, counted: whoever waits is woken as soon as any of it ends
 * (not the oldest), so that a long document holds up no other worker.
 */
export class InFlight {
  private n = 0;
  private waiting: (() => void)[] = [];

  get count(): number {
    return this.n;
  }

  /** Counts `work` until it settles (and observes its failure, which its owner handles). */
  add(work: Promise<unknown>): void {
    this.n++;
    const end = () => {
      this.n--;
      const woken = this.waiting;
      this.waiting = [];
      for (const w of woken) w();
    };
    work.then(end, end);
  }

  /** Settles when any work in flight next ends (every caller waiting is woken). */
  anyEnds(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** The default number of analysis workers: one per core the process may use. */
export const defaultWorkers = () => Math.max(1, availableParallelism());

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private failure: Error | null = null;
  readonly ready: Promise<void>;

  constructor(private readonly opts: AnalysisPoolOptions) {
    this.ready = this.start();
    // a failure to start is reported to whoever waits for the pool, not as an unhandled rejection
    this.ready.catch(() => undefined);
  }

  /** Decompresses the dictionary once into shared memory, then starts the workers on it. */
  private async start(): Promise<void> {
    const init: WorkerInit = {
      lexiconDirs: [...(this.opts.lexiconDirs ?? [])],
      dictionary: await sharedDictionary(),
    };
    const ready: Promise<void>[] = [];
    for (let i = 0; i < Math.max(1, this.opts.workers); i++) {
      const worker = startWorker(init);
      const slot: Slot = { worker, pending: new Map() };
      ready.push(
        new Promise<void>((resolve, reject) => {
          worker.on("message", (msg: WorkerReply) => {
            if ("ready" in msg) return resolve();
            const p = slot.pending.get(msg.seq);
            if (!p) return;
            slot.pending.delete(msg.seq);
            if ("error" in msg) p.reject(new Error(msg.error));
            else p.resolve(msg.record);
          });
          worker.on("error", (e) => {
            this.failure = e;
            reject(e);
            for (const p of slot.pending.values()) p.reject(e);
            slot.pending.clear();
          });
          worker.on("exit", (code) => {
            const e = new Error(`analysis worker stopped (exit code ${code})`);
            reject(e);
            for (const p of slot.pending.values()) p.reject(e);
            slot.pending.clear();
          });
        }),
      );
      this.slots.push(slot);
    }
    await Promise.all(ready);
  }

  get size(): number {
    return Math.max(1, this.opts.workers);
  }

  /** Analyses one document on the least busy worker. */
  async analyse(doc: SourceDocument): Promise<StoreRecord> {
    if (this.slots.length < this.size) await this.ready;
    if (this.failure) throw this.failure;
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    const seq = this.seq++;
    return new Promise<StoreRecord>((resolve, reject) => {
      slot.pending.set(seq, { resolve, reject });
      slot.worker.postMessage({ seq, doc } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
