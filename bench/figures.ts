/**
 * The bench's figures: each measured value with the baseline it is compared
 * to, the ratio, the target, and whether the target is met. The exit code
 * of `npm run bench` is 1 when any target is missed.
 */
import { spawnSync } from "node:child_process";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

const compiledHook = fileURLToPath(new URL("./compiled.mjs", import.meta.url));

export interface Figure {
  /** What part of the issue the figure belongs to (ingest, parallel, memory, queries, startup, quality). */
  group: string;
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number; unit: string };
  /** value ÷ baseline (or baseline ÷ value for times, where lower is better). */
  ratio?: number;
  /** The target in words (≥ 5× tokenizer, p95 ≤ 50 ms). */
  target?: string;
  /** true: met; false: missed; null: a figure without a target (shown for context). */
  ok: boolean | null;
  note?: string;
}

export const missed = (figures: readonly Figure[]) => figures.filter((f) => f.ok === false);

/** The process exit code: 0 when every target is met, 1 otherwise. */
export const exitCode = (figures: readonly Figure[]) => (missed(figures).length > 0 ? 1 : 0);

const num = (v: number, unit: string) => {
  if (unit === "chars/s") return `${Math.round(v).toLocaleString("en")} ${unit}`;
  if (unit === "MB") return `${v.toFixed(0)} ${unit}`;
  if (unit === "ms") return `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ${unit}`;
  if (unit === "F1") return v.toFixed(3);
  if (unit === "×") return `${v.toFixed(2)}×`;
  return `${v.toLocaleString("en", { maximumFractionDigits: 2 })} ${unit}`;
};

/** The figures as a plain-text table, one line each. */
export function formatFigures(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.group,
    f.name,
    num(f.value, f.unit),
    f.baseline ? `${f.baseline.name} ${num(f.baseline.value, f.baseline.unit)}` : "",
    f.ratio !== undefined ? `${f.ratio.toFixed(2)}×` : "",
    f.target ?? "",
    f.ok === null ? "" : f.ok ? "ok" : "MISSED",
  ]);
  const head = ["group", "figure", "value", "baseline", "ratio", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.group} / ${f.name}: ${f.note}`);
  return [
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    ...(notes.length ? ["", "notes:", ...notes] : []),
  ].join("\n");
}

/** p-th percentile (0–100) of the values, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Wall and CPU time (all threads of the process) of an async task. */
export async function measure<T>(
  task: () => Promise<T> | T,
): Promise<{ result: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await task();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { result, wall, cpu: (c.user + c.system) / 1e6 };
}

/**
 * Runs a bench script under tsx in a process of its own (its memory, its garbage collector, its event
 * loop: nothing of the bench's; kaidan's compiled build if this process measures that), its messages
 * shown as they come; its last line of output, as JSON. A
 * script that printed its figures and exits 1 missed a target, which its figures say (the load test
 * does, run alone); no JSON, or another exit code, is a failure.
 */
export function runApart<T>(script: string, args: readonly string[]): T {
  // measuring the compiled build (bench/compiled.mjs) here, so there
  const build = process.env.KAIDAN_BENCH_BUILD === "dist" ? ["--import", compiledHook] : [];
  const r = spawnSync(process.execPath, ["--import", "tsx", ...build, script, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 26,
  });
  if (r.error) throw r.error;
  const last = r.stdout.trim().split("\n").at(-1) ?? "";
  if ((r.status !== 0 && r.status !== 1) || !/^[[{]/.test(last))
    throw new Error(`${basename(script)} failed (exit ${r.status ?? r.signal})`);
  return JSON.parse(last) as T;
}
