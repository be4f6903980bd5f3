/**
 * The load test (issue 7): `kaidan serve`, in its own process as a user
 * runs it, over the bench's query database (a million events and two
 * hundred thousand documents, built or reused by ./queries.ts), driven by
 * autocannon at a fixed rate of mixed queries — what the page asks for:
 * filtered event lists, event cards and their sources, documents, full-text
 * search, quotations, actors, relations and the network. Targets: the rate
 * held for the whole duration, no error (no non-2xx answer, no timeout, no
 * socket error), and p99 latency under 200 ms (autocannon corrects for
 * coordinated omission at a fixed rate, so a stall counts against every
 * request it delays).
 *
 * A short warm-up at the same rate comes first and is not counted: the
 * first queries read a 12 GB file from disk, later ones from the page
 * cache, as on an analyst's machine after the first minute.
 *
 *   npm run loadtest                      500 req/s for 60 s on the million-event database
 *   npm run loadtest -- --rate 200 --seconds 20 --events 3000 --documents 600
 *   npm run loadtest -- --exclude search,quotes   the mix without some kinds of request
 *   npm run bench -- --only load          the same, as a group of the bench
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { Rng } from "./corpus.js";
import { type Figure, formatFigures, percentile, runApart } from "./figures.js";

export interface LoadOptions {
  /** Requests per second, all connections together. */
  rate: number;
  /** Kinds of request left out of the mix (to see what the others do), none by default. */
  exclude?: readonly string[];
  seconds: number;
  warmupSeconds: number;
  connections: number;
  p99Target: number;
}

export const LOAD_FULL: LoadOptions = {
  rate: 500,
  seconds: 60,
  warmupSeconds: 10,
  connections: 50,
  p99Target: 200,
};
export const LOAD_TINY: LoadOptions = {
  rate: 50,
  seconds: 3,
  warmupSeconds: 1,
  connections: 5,
  p99Target: 200,
};

const repo = fileURLToPath(new URL("..", import.meta.url));
const bin = join(repo, "dist", "cli", "main.js");

/** `kaidan serve` on a free port; resolves with its URL once it listens. */
function startServe(db: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`kaidan serve exited (${code}): ${err}`)));
  });
}

type Kind =
  | "events"
  | "events-text"
  | "event-card"
  | "event-sources"
  | "document"
  | "documents"
  | "search"
  | "quotes"
  | "speaker-quotes"
  | "actors"
  | "relations"
  | "network"
  | "info";

/**
 * How often each kind of request comes, per hundred: roughly what the page asks for (the timeline's
 * filters, cards and their sources, articles, the search bar, quotations, actors, relations, the
 * network, the home page's counts). Names are what --exclude takes.
 */
const MIX: [Kind, number][] = [
  ["events", 20],
  ["events-text", 2],
  ["event-card", 18],
  ["event-sources", 6],
  ["document", 14],
  ["documents", 4],
  ["search", 14],
  ["quotes", 2],
  ["speaker-quotes", 4],
  ["actors", 5],
  ["relations", 6],
  ["network", 3],
  ["info", 2],
];

/** Paths of each kind, made from what the database holds (ids sampled at random rows). */
export function requestPaths(dbFile: string, perKind = 200, seed = 11): Map<Kind, string[]> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const generator = new Rng(seed);
  const random = () => generator.next();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  try {
    const sample = (table: string, column: string) => {
      const max = db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null;
      const stmt = db.prepare(`SELECT ${column} FROM ${table} WHERE rowid >= ? LIMIT 1`).pluck();
      const out: string[] = [];
      for (let i = 0; i < perKind && max; i++) {
        const v = stmt.get(1 + Math.floor(random() * max)) as string | undefined;
        if (v) out.push(v);
      }
      return out;
    };
    const events = sample("events", "id");
    const documents = sample("documents", "id");
    const actors = db
      .prepare("SELECT id FROM actors WHERE resolved = 1 AND kind IN ('person', 'state') ORDER BY id")
      .pluck()
      .all() as string[];
    const states = db
      .prepare("SELECT id FROM actors WHERE kind = 'state' ORDER BY id")
      .pluck()
      .all() as string[];
    const speakers = db
      .prepare("SELECT DISTINCT speaker_id FROM quotes WHERE speaker_id IS NOT NULL LIMIT 200")
      .pluck()
      .all() as string[];
    const pairs = db
      .prepare("SELECT a, b FROM event_pairs WHERE states = 1 GROUP BY a, b ORDER BY count(*) DESC LIMIT 30")
      .all() as { a: string; b: string }[];
    const years = db
      .prepare("SELECT DISTINCT substr(date_start, 1, 4) FROM events WHERE date_start IS NOT NULL LIMIT 40")
      .pluck()
      .all() as string[];
    const terms = [
      "会談",
      "首脳会談",
      "露朝",
      "米朝",
      "外相",
      "署名",
      "合意",
      "訪問",
      "プーチン",
      "金正恩",
      "共同声明",
      "非核化",
      "電話",
      "ロシア 北朝鮮",
    ];
    const types = ["CONSULT", "AGREE", "SUPPORT", "CONSULT:visit", "CONSULT,AGREE", "ACCUSE"];
    const statuses = ["occurred", "planned", "occurred,planned"];
    const q = (o: Record<string, string>) => new URLSearchParams(o).toString();
    const make: Record<Kind, () => string> = {
      events: () => {
        const f: Record<string, string> = { limit: "50" };
        const r = random();
        if (r < 0.3 && actors.length) f.actor = pick(actors);
        else if (r < 0.55 && pairs.length) {
          const p = pick(pairs);
          f.pair = `${p.a},${p.b}`;
        }
        if (random() < 0.4) f.type = pick(types);
        if (random() < 0.3) f.status = pick(statuses);
        if (random() < 0.4 && years.length) {
          const y = pick(years);
          f.from = y;
          f.to = `${y}-12-31`;
        }
        return `/api/events?${q(f)}`;
      },
      "events-text": () => `/api/events?${q({ limit: "50", text: pick(terms) })}`,
      "event-card": () => `/api/events/${encodeURIComponent(pick(events))}`,
      "event-sources": () => `/api/events/${encodeURIComponent(pick(events))}/sources`,
      document: () => `/api/documents/${encodeURIComponent(pick(documents))}`,
      documents: () => `/api/documents?${q({ limit: "20" })}`,
      search: () => `/api/search?${q({ q: pick(terms) })}`,
      quotes: () => `/api/quotes?${q({ limit: "50" })}`,
      "speaker-quotes": () =>
        `/api/quotes?${q(speakers.length ? { speaker: pick(speakers), limit: "50" } : { limit: "50" })}`,
      actors: () => `/api/actors?${q({ q: pick(["プーチン", "金", "Kim", "RUS", "外相", "習"]) })}`,
      relations: () => {
        const p = pairs.length ? pick(pairs) : { a: pick(states), b: pick(states) };
        return `/api/relations?${q({ a: p.a, b: p.b })}`;
      },
      network: () => {
        const y = years.length ? pick(years) : "2024";
        return `/api/network?${q({ actor: pick(actors.length ? actors : states), from: y, to: `${y}-12-31` })}`;
      },
      info: () => "/api/info",
    };
    return new Map(MIX.map(([kind]) => [kind, Array.from({ length: perKind }, () => make[kind]())]));
  } finally {
    db.close();
  }
}

/** An endless sequence of paths in the proportions of MIX. */
function mixedPaths(paths: Map<Kind, string[]>, exclude: readonly string[] = [], seed = 5): () => string {
  const generator = new Rng(seed);
  const random = () => generator.next();
  const mix = MIX.filter(([kind]) => !exclude.includes(kind));
  const total = mix.reduce((n, [, w]) => n + w, 0);
  return () => {
    let r = random() * total;
    for (const [kind, w] of mix) {
      if ((r -= w) < 0) {
        const xs = paths.get(kind)!;
        return xs[Math.floor(random() * xs.length)]!;
      }
    }
    return "/api/info";
  };
}

function run(
  url: string,
  opts: LoadOptions,
  seconds: number,
  next: () => string,
): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: opts.connections,
    overallRate: opts.rate,
    duration: seconds,
    timeout: 10,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: next() }) }],
  });
}

/**
 * Each kind alone, a few requests in a row, on a server of its own after the load: which kinds are
 * slow, for the notes. A request the client gives up on goes on running in the server (SQLite
 * statements are not interrupted), so after a timeout the server is replaced, lest the next kinds
 * wait behind it.
 */
async function perKind(dbFile: string, paths: Map<Kind, string[]>): Promise<string> {
  const rows: string[] = [];
  let server = await startServe(dbFile);
  try {
    for (const [kind, xs] of paths) {
      const times: number[] = [];
      for (const p of xs.slice(0, 3)) {
        const t0 = performance.now();
        try {
          const res = await fetch(new URL(p, server.url), { signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          times.push(performance.now() - t0);
        } catch {
          times.push(Number.POSITIVE_INFINITY);
          server.child.kill("SIGKILL");
          server = await startServe(dbFile);
          break; // one request over 30 s says enough
        }
      }
      const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "> 30,000");
      rows.push(`${kind} p50 ${ms(percentile(times, 50))} / max ${ms(Math.max(...times))} ms`);
    }
  } finally {
    server.child.kill("SIGTERM");
  }
  return rows.join("; ");
}

/** The load test's figures on the database at `dbFile`. */
export async function loadFigures(
  dbFile: string,
  opts: LoadOptions,
  log: (s: string) => void = () => undefined,
): Promise<Figure[]> {
  const paths = requestPaths(dbFile);
  const { url, child } = await startServe(dbFile);
  try {
    const next = mixedPaths(paths, opts.exclude);
    log(`  warm-up: ${opts.warmupSeconds} s at ${opts.rate} req/s (not counted)…`);
    await run(url, opts, opts.warmupSeconds, next);
    log(
      `  load: ${opts.rate} req/s of mixed queries for ${opts.seconds} s, ${opts.connections} connections` +
        (opts.exclude?.length ? ` (without ${opts.exclude.join(", ")})` : "") +
        "…",
    );
    const r = await run(url, opts, opts.seconds, next);
    child.kill("SIGTERM");
    log("  each kind of request alone, a few times, on a fresh server…");
    const kinds = await perKind(dbFile, paths);
    const held = r.requests.total / opts.seconds;
    // autocannon's errors include its timeouts
    const failures = r.errors + r.non2xx;
    const where = `${r.requests.total.toLocaleString("en")} requests; ${r["2xx"]} 2xx, ${r.non2xx} other, ${r.errors} errors, ${r.timeouts} timeouts`;
    return [
      {
        group: "load",
        name: `requests per second held for ${opts.seconds} s`,
        value: held,
        unit: "req/s",
        target: `≥ ${opts.rate} req/s`,
        // autocannon's pacing lands a little under the rate asked for over a short run
        ok: r.requests.total >= opts.rate * opts.seconds * 0.95,
        note: where,
      },
      {
        group: "load",
        name: "failed requests (non-2xx, errors, timeouts)",
        value: failures,
        unit: "requests",
        target: "0",
        ok: failures === 0,
      },
      {
        group: "load",
        name: "p99 latency",
        value: r.latency.p99,
        unit: "ms",
        target: `≤ ${opts.p99Target} ms`,
        // no answer at all is no latency to be proud of
        ok: r["2xx"] > 0 && r.latency.p99 <= opts.p99Target,
        note: `p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p97.5 ${r.latency.p97_5} ms, max ${r.latency.max} ms; each kind alone on a fresh server: ${kinds}`,
      },
    ];
  } finally {
    child.kill("SIGTERM");
  }
}

/**
 * The load test in a process of its own (bench/loadtest.ts), as `npm run
 * bench` runs it: autocannon measures latency on its own event loop, and in
 * the bench's process — grown large by the groups before it — the pauses of
 * its garbage collector were counted as the server's latency (p99 377–451 ms
 * there against 33 ms alone).
 */
export function loadFiguresApart(dbFile: string, opts: LoadOptions): Figure[] {
  return runApart<Figure[]>(fileURLToPath(import.meta.url), [
    "--db",
    dbFile,
    "--options",
    JSON.stringify(opts),
    "--json",
  ]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tiny: { type: "boolean" },
      rate: { type: "string" },
      seconds: { type: "string" },
      events: { type: "string" },
      documents: { type: "string" },
      db: { type: "string" },
      exclude: { type: "string" },
      // all the load options as JSON, and the figures printed as JSON (how `npm run bench` runs it)
      options: { type: "string" },
      json: { type: "boolean" },
    },
  });
  // the bench's own options and database builder, so that both use (and cache) the same database
  const { FULL, TINY } = await import("./run.js");
  const { queryDatabase } = await import("./queries.js");
  const { realArticles } = await import("./corpus.js");
  const { loadLexicon } = await import("../src/lexicon/lexicon.js");
  const base = values.tiny ? TINY : FULL;
  const load = values.tiny ? LOAD_TINY : LOAD_FULL;
  const n = (v: string | undefined, d: number) => (v === undefined ? d : Number(v.replace(/[_,]/g, "")));
  const events = n(values.events, base.events);
  const documents = n(values.documents, base.documents);
  const say = (s: string) => process.stderr.write(`${s}\n`);
  let file = values.db;
  if (!file) {
    file = join(base.root, `queries-${events}-${documents}.db`);
    say(
      `load test: database of ${events.toLocaleString("en")} events and ${documents.toLocaleString("en")} documents…`,
    );
    const built = await queryDatabase(
      loadLexicon(),
      base.root,
      file,
      { events, documents, templateChars: base.templateChars },
      realArticles([
        join(repo, "examples"),
        ...(existsSync(join(base.shared, "seeds")) ? [join(base.shared, "seeds")] : []),
      ]),
      say,
    );
    say(
      `  ${built.events.toLocaleString("en")} events${built.built ? ` (built in ${built.seconds.toFixed(0)} s)` : " (cached)"}`,
    );
  }
  const exclude = values.exclude ? values.exclude.split(",") : [];
  for (const k of exclude)
    if (!MIX.some(([kind]) => kind === k))
      throw new Error(`--exclude: no kind '${k}' (${MIX.map(([x]) => x).join(", ")})`);
  const figures = await loadFigures(
    file,
    values.options
      ? (JSON.parse(values.options) as LoadOptions)
      : { ...load, rate: n(values.rate, load.rate), seconds: n(values.seconds, load.seconds), exclude },
    say,
  );
  process.stdout.write(values.json ? `${JSON.stringify(figures)}\n` : `\n${formatFigures(figures)}\n`);
  process.exitCode = figures.some((f) => f.ok === false) ? 1 : 0;
}

// not awaited at the top level: main() imports ./run.js, which imports this module back
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  });
