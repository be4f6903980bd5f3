/** Start-up: `kaidan --help` from the built CLI, and the first extraction in a fresh process. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Figure, percentile, runApart } from "./figures.js";

const root = fileURLToPath(new URL("..", import.meta.url));

export function startupFigures(runs: number, docs: [string, string]): Figure[] {
  const out: Figure[] = [];
  const cli = `${root}dist/cli/main.js`;
  if (!existsSync(cli)) {
    out.push({
      group: "startup",
      name: "kaidan --help",
      value: Number.NaN,
      unit: "ms",
      target: "< 200 ms",
      ok: false,
      note: "dist/cli/main.js is missing: npm run bench builds it first (tsc -p tsconfig.build.json)",
    });
  } else {
    const times: number[] = [];
    const bare: number[] = [];
    // one run of each to warm the file cache, not counted; the two alternate so that both see the same load
    for (let i = 0; i <= runs; i++) {
      let t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`kaidan --help failed: ${r.stderr}`);
      t0 = performance.now();
      spawnSync(process.execPath, ["-e", "0"]);
      const node = performance.now() - t0;
      if (i > 0) {
        times.push(ms);
        bare.push(node);
      }
    }
    const median = percentile(times, 50);
    out.push({
      group: "startup",
      name: "kaidan --help (median)",
      value: median,
      unit: "ms",
      baseline: { name: "node -e 0", value: percentile(bare, 50), unit: "ms" },
      ratio: median / percentile(bare, 50),
      target: "< 200 ms",
      ok: median < 200,
      note: `node dist/cli/main.js --help, ${runs} runs, p95 ${percentile(times, 95).toFixed(0)} ms; Node itself starting and exiting: the baseline`,
    });
  }
  const child = fileURLToPath(new URL("./first-child.ts", import.meta.url));
  const f = runApart<{ first: number; second: number; engines: number }>(child, docs);
  out.push({
    group: "startup",
    name: "first extraction (dictionary load)",
    value: f.first,
    unit: "ms",
    baseline: { name: "next extraction", value: f.second, unit: "ms" },
    ratio: f.first / f.second,
    target: "dictionary loaded once per process",
    ok: f.engines === 1,
  });
  return out;
}
