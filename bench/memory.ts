/** Peak resident memory of ingestion at 1×, 10× and 100× a base corpus, each in a fresh process. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Figure, runApart } from "./figures.js";

export interface MemoryRun {
  scale: number;
  rssMB: number;
  chars: number;
  wall: number;
}

/** Runs bench/memory-child.ts in a process of its own. */
export function memoryRun(
  files: readonly string[],
  dbFile: string,
  workers: number,
): Omit<MemoryRun, "scale"> {
  const child = fileURLToPath(new URL("./memory-child.ts", import.meta.url));
  return runApart<Omit<MemoryRun, "scale">>(child, [dbFile, String(workers), ...files]);
}

/** `files` holds the 100× corpus as 100 equal shards: 1× is the first, 10× the first ten. */
export function memoryFigures(files: readonly string[], work: string, workers: number): Figure[] {
  const runs: MemoryRun[] = [];
  for (const scale of [1, 10, 100]) {
    const part = files.slice(0, Math.max(1, Math.round((files.length * scale) / 100)));
    runs.push({ scale, ...memoryRun(part, join(work, `memory-${scale}.db`), workers) });
  }
  const [one, ten, hundred] = runs as [MemoryRun, MemoryRun, MemoryRun];
  const figure = (r: MemoryRun, base?: MemoryRun): Figure => ({
    group: "memory",
    name: `peak RSS at ${r.scale}× (${Math.round(r.chars / 1000).toLocaleString("en")}k chars)`,
    value: r.rssMB,
    unit: "MB",
    ...(base
      ? { baseline: { name: `${base.scale}×`, value: base.rssMB, unit: "MB" }, ratio: r.rssMB / base.rssMB }
      : {}),
    ok: null,
  });
  // flat: the last 90% of a hundredfold corpus adds no more than a quarter to the peak. The 1× run ends
  // before the bounded caches (SQLite's 64 MB page cache, the tokenizer's decoded entries) and the heaps
  // reach their working size, so growth from 1× is shown but not judged.
  const flat = hundred.rssMB <= ten.rssMB * 1.25;
  return [
    figure(one),
    figure(ten, one),
    {
      ...figure(hundred, ten),
      target: "≤ 1.25× the 10× peak",
      ok: flat,
      note:
        `${(hundred.rssMB / one.rssMB).toFixed(2)}× the 1× peak; ingestion with ${workers} analysis worker${workers === 1 ? "" : "s"} ` +
        `in a fresh process per size (tsx loader included); ${hundred.wall.toFixed(0)} s at 100×`,
    },
  ];
}
