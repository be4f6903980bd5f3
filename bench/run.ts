/**
 * `npm run bench`: kaidan's performance figures against their targets
 * (issue 6), each with its baseline and ratio, in one run. The exit code is
 * 1 when a target is missed.
 *
 *   npm run bench                      every figure at full size
 *   npm run bench -- --only ingest     some groups (ingest, quality, parallel, memory, queries, startup, load)
 *   npm run bench -- --tiny            everything at a tiny size (what test/bench.test.ts runs)
 *   npm run bench -- --json out.json   the figures as JSON besides
 *
 * Sizes: --chars (each throughput corpus, default 1,000,000), --memory-base
 * (the 1× memory corpus, default 100,000 characters), --events and
 * --documents (the query database, default 1,000,000 and 200,000),
 * --samples (calls per query, default 200), --workers (default 2), --repeats
 * (throughput runs, taken in turns, of which the fastest counts; default 3)
 * and --warmups (untimed rounds before them; default 5).
 * Corpora and the query database are kept under .bench/ and reused.
 */
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadLexicon } from "../src/lexicon/lexicon.js";
import { defaultWorkers } from "../src/pipeline/parallel.js";
import { ensureCorpus, realArticles } from "./corpus.js";
import { exitCode, type Figure, formatFigures } from "./figures.js";
import { type CorpusRef, parallelFigures, qualityFigures, throughputFigures } from "./ingest.js";
import { LOAD_FULL, LOAD_TINY, type LoadOptions, loadFiguresApart } from "./loadtest.js";
import { memoryFigures } from "./memory.js";
import { queryDatabase, queryFiguresApart } from "./queries.js";
import { startupFigures } from "./startup.js";

export const GROUPS = ["quality", "ingest", "parallel", "memory", "queries", "startup", "load"] as const;
export type Group = (typeof GROUPS)[number];

export interface BenchOptions {
  /** Where corpora, databases and the query database are kept. */
  root: string;
  groups: readonly Group[];
  chars: number;
  memoryBase: number;
  events: number;
  documents: number;
  templateChars: number;
  samples: number;
  workers: number;
  /** Throughput runs of each kind, taken in turns; the fastest counts. */
  repeats: number;
  /** Untimed throughput runs of each kind before those (see Rounds in bench/ingest.ts). */
  warmups: number;
  helpRuns: number;
  /** The load test (issue 7, bench/loadtest.ts): rate, duration, connections, targets. */
  load: LoadOptions;
  /** The shared evaluation folder (../shared/eval), used when it exists. */
  shared: string;
}

const repo = fileURLToPath(new URL("..", import.meta.url));

export const FULL: Omit<BenchOptions, "groups"> = {
  root: join(repo, ".bench"),
  chars: 1_000_000,
  memoryBase: 100_000,
  events: 1_000_000,
  documents: 200_000,
  templateChars: 300_000,
  samples: 200,
  workers: 2,
  repeats: 3,
  warmups: 5,
  helpRuns: 10,
  load: LOAD_FULL,
  shared: join(repo, "..", "shared", "eval"),
};

export const TINY: Omit<BenchOptions, "groups"> = {
  ...FULL,
  root: join(repo, ".bench", "tiny"),
  chars: 20_000,
  memoryBase: 3_000,
  events: 3_000,
  documents: 600,
  templateChars: 20_000,
  samples: 5,
  workers: 2,
  repeats: 1,
  warmups: 0,
  helpRuns: 2,
  load: LOAD_TINY,
};

export interface Machine {
  cores: number;
  cpu: string;
  ramGB: number;
  node: string;
  load: number[];
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {
    // not Linux
  }
  return {
    cores: cpus().length,
    cpu,
    ramGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    load: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** Runs the groups asked for; every figure, in order. */
export async function runBench(
  opts: BenchOptions,
  log: (s: string) => void = () => undefined,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const want = (g: Group) => opts.groups.includes(g);
  const work = join(opts.root, "work");
  mkdirSync(work, { recursive: true });
  const lex = loadLexicon();
  const seeds = join(opts.shared, "seeds");
  const dev = join(opts.shared, "dev");
  const real = realArticles([join(repo, "examples"), ...(existsSync(seeds) ? [seeds] : [])]);
  const corpus = (
    kind: "news" | "diplomacy",
    chars: number,
    shardChars?: number,
  ): CorpusRef & { files: string[] } =>
    ensureCorpus(lex, join(opts.root, "corpus"), { kind, chars, seed: 1, shardChars }, real);

  // a group that fails (a child process that crashed, a database that cannot be built) is reported as a
  // missed figure with its reason, and the groups after it still run: a long bench loses nothing measured
  const measureGroup = async (group: Group, run: () => Promise<Figure[]> | Figure[]) => {
    if (!want(group)) return;
    try {
      figures.push(...(await run()));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      log(`  ${group} failed: ${reason}`);
      figures.push({ group, name: "not measured", value: Number.NaN, unit: "", ok: false, note: reason });
    }
  };

  await measureGroup("quality", () => {
    log("quality: the fast pass against the full analysis on the gold sets…");
    return qualityFigures([
      { name: "seeds", folder: seeds, gold: seeds },
      // the real articles added to the shared evaluation since (../shared/eval/dev), where present
      ...(existsSync(dev) ? [{ name: "dev", folder: dev, gold: dev }] : []),
      { name: "examples", folder: join(repo, "examples"), gold: join(repo, "test", "gold", "examples") },
    ]);
  });
  await measureGroup("ingest", async () => {
    const out: Figure[] = [];
    for (const kind of ["news", "diplomacy"] as const) {
      const c = corpus(kind, opts.chars);
      log(`ingest: ${kind} corpus, ${c.documents} documents, ${c.chars.toLocaleString("en")} characters…`);
      out.push(
        ...(await throughputFigures(
          c,
          work,
          kind === "news" ? { perCore: 1_000_000, ratio: 5 } : { ratio: 2 },
          { repeats: opts.repeats, warmups: opts.warmups },
        )),
      );
    }
    return out;
  });
  await measureGroup("parallel", () => {
    const c = corpus("news", opts.chars);
    log(`parallel: ${opts.workers} workers against 1 on the news corpus…`);
    return parallelFigures(c, work, opts.workers, cpus().length, {
      repeats: opts.repeats,
      warmups: opts.warmups,
    });
  });
  await measureGroup("memory", () => {
    const c = corpus("news", opts.memoryBase * 100, opts.memoryBase);
    log(
      `memory: ingesting 1×, 10× and 100× ${opts.memoryBase.toLocaleString("en")} characters in fresh processes…`,
    );
    return memoryFigures(c.files, work, opts.workers);
  });
  // the query database, built once and shared by the "queries" and "load" groups (cached in opts.root)
  const queryFile = join(opts.root, `queries-${opts.events}-${opts.documents}.db`);
  const ensureQueryDatabase = () =>
    queryDatabase(
      lex,
      opts.root,
      queryFile,
      { events: opts.events, documents: opts.documents, templateChars: opts.templateChars },
      real,
      log,
    );
  await measureGroup("queries", async () => {
    log(
      `queries: database of ${opts.events.toLocaleString("en")} events and ${opts.documents.toLocaleString("en")} documents…`,
    );
    const built = await ensureQueryDatabase();
    log(
      `  ${built.events.toLocaleString("en")} events, ${built.documents.toLocaleString("en")} documents` +
        (built.built ? ` (built in ${built.seconds.toFixed(0)} s)` : " (cached)"),
    );
    return queryFiguresApart(queryFile, opts.samples);
  });
  await measureGroup("load", async () => {
    log(`load: kaidan serve over ${opts.events.toLocaleString("en")} events, ${opts.load.rate} req/s…`);
    await ensureQueryDatabase();
    return loadFiguresApart(queryFile, opts.load);
  });
  await measureGroup("startup", () => {
    log("startup…");
    return startupFigures(opts.helpRuns, [
      join(repo, "examples", "ex01-singapore-2018.md"),
      join(repo, "examples", "ex02-hanoi-2019.md"),
    ]);
  });
  rmSync(work, { recursive: true, force: true });
  return figures;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tiny: { type: "boolean" },
      only: { type: "string" },
      json: { type: "string" },
      chars: { type: "string" },
      "memory-base": { type: "string" },
      events: { type: "string" },
      documents: { type: "string" },
      samples: { type: "string" },
      workers: { type: "string" },
      repeats: { type: "string" },
      warmups: { type: "string" },
    },
  });
  const base = values.tiny ? TINY : FULL;
  const groups = values.only ? (values.only.split(",") as Group[]) : [...GROUPS];
  for (const g of groups)
    if (!GROUPS.includes(g)) throw new Error(`unknown group '${g}' (${GROUPS.join(", ")})`);
  const n = (v: string | undefined, d: number) => (v === undefined ? d : Number(v.replace(/[_,]/g, "")));
  const opts: BenchOptions = {
    ...base,
    groups,
    chars: n(values.chars, base.chars),
    memoryBase: n(values["memory-base"], base.memoryBase),
    events: n(values.events, base.events),
    documents: n(values.documents, base.documents),
    samples: n(values.samples, base.samples),
    workers: n(values.workers, Math.min(base.workers, Math.max(2, defaultWorkers()))),
    repeats: n(values.repeats, base.repeats),
    warmups: n(values.warmups, base.warmups),
  };
  const m = machine();
  const say = (s: string) => process.stderr.write(`${s}\n`);
  say(
    `kaidan bench — ${m.cores} cores (${m.cpu}), ${m.ramGB} GB RAM (${Math.round(freemem() / 2 ** 30)} GB free), ` +
      `Node ${m.node}, load average ${m.load.join(" ")}`,
  );
  say(
    process.env.KAIDAN_BENCH_BUILD === "dist"
      ? "measuring the compiled build (dist/), as kaidan runs"
      : "measuring the TypeScript sources through tsx (npm run bench measures the compiled build)",
  );
  const t0 = performance.now();
  const figures = await runBench(opts, say);
  process.stdout.write(`\n${formatFigures(figures)}\n`);
  const after = loadavg().map((x) => x.toFixed(2));
  process.stdout.write(
    `\n${figures.filter((f) => f.ok === false).length} of ${figures.filter((f) => f.ok !== null).length} targets missed; ` +
      `${((performance.now() - t0) / 1000).toFixed(0)} s; load average at the end ${after.join(" ")}\n`,
  );
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ machine: m, figures }, null, 2)}\n`);
  process.exitCode = exitCode(figures);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
