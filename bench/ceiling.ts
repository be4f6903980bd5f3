/**
 * How far this machine lets JavaScript threads scale, whatever kaidan does:
 * the same work on one worker thread, then on several at once, each doing as
 * much as the one did alone. Shown beside the parallel figures because the
 * analysis does not scale as a loop that only computes does: on the 2-core
 * VM the bench was written on, a loop that allocates small objects and looks
 * them up in a Map — as the analysis does all the time — ran 25–40% slower
 * per thread when two ran together, and so did two analyses, even with
 * nothing written to a database.
 */
import { Worker } from "node:worker_threads";
import type { Figure } from "./figures.js";

/** The work of one thread, for `n` rounds: source run in a worker, told `n`, answering when done. */
const WORK: Record<"allocating" | "computing", string> = {
  // tokens, features and spans as the analysis makes them: small objects, strings built and looked up
  allocating: `
    let seen = new Map(), sum = 0;
    for (let i = 0; i < n; i++) {
      const key = "語" + (i % 40000);
      let entry = seen.get(key);
      if (!entry) seen.set(key, (entry = { key, hits: 0, spans: [] }));
      entry.hits++;
      entry.spans.push({ start: i & 1023, end: (i & 1023) + key.length });
      if (entry.spans.length > 6) entry.spans = [];
      sum += entry.hits;
      if (seen.size > 30000 && (i & 65535) === 0) seen = new Map();
    }
    return sum;`,
  computing: `
    let sum = 0;
    for (let i = 0; i < n * 8; i++) sum = (sum + Math.imul(i, 2654435761)) | 0;
    return sum;`,
};

const workerSource = (body: string) => `
  const { parentPort } = require("node:worker_threads");
  const work = (n) => { ${body} };
  parentPort.on("message", (n) => parentPort.postMessage(work(n)));
  parentPort.postMessage("ready");`;

/** Milliseconds until `threads` workers, started and ready, have each done `rounds` of the work. */
async function wallOn(kind: keyof typeof WORK, threads: number, rounds: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(workerSource(WORK[kind]), { eval: true }));
  try {
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once("message", resolve))));
    // once untimed, so that each worker's code is compiled before it is timed
    const run = () =>
      Promise.all(
        workers.map((w) => {
          const done = new Promise((resolve, reject) => {
            w.once("message", resolve);
            w.once("error", reject);
          });
          w.postMessage(rounds);
          return done;
        }),
      );
    await run();
    const start = performance.now();
    await run();
    return performance.now() - start;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Throughput of `threads` workers against one, for each kind of work: threads × the time one took ÷ the
 * time they took together (fastest of `repeats` runs each).
 */
export async function threadScaling(
  threads: number,
  rounds: number,
  repeats: number,
): Promise<Record<keyof typeof WORK, number>> {
  const out = {} as Record<keyof typeof WORK, number>;
  for (const kind of Object.keys(WORK) as (keyof typeof WORK)[]) {
    let one = Infinity;
    let many = Infinity;
    for (let i = 0; i < Math.max(1, repeats); i++) {
      one = Math.min(one, await wallOn(kind, 1, rounds));
      many = Math.min(many, await wallOn(kind, threads, rounds));
    }
    out[kind] = (threads * one) / many;
  }
  return out;
}

/** The scaling of plain JavaScript on this machine, as context for the parallel figures (no targets). */
export async function ceilingFigures(threads: number, rounds: number, repeats: number): Promise<Figure[]> {
  const scaling = await threadScaling(threads, rounds, repeats);
  const figure = (kind: keyof typeof WORK, what: string): Figure => ({
    group: "parallel",
    name: `this machine: ${kind} JavaScript on ${threads} threads vs 1`,
    value: scaling[kind],
    unit: "×",
    ok: null,
    note:
      `${what}, each thread doing what one did alone; throughput against one thread, wall clock, ` +
      `fastest of ${Math.max(1, repeats)}: what ${threads} workers could give at best, before any database`,
  });
  return [
    figure("allocating", "small objects made and looked up in a Map, as the analysis does"),
    figure("computing", "integer arithmetic only"),
  ];
}
