/**
 * The bench harness at a tiny size, so that `npm run bench` cannot rot: it
 * produces every figure, and its exit code follows the targets. No timing
 * is asserted here (the figures at this size say nothing).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, describe, it } from "node:test";
import { exitCode, type Figure, formatFigures, percentile, runApart } from "../bench/figures.js";
import { GROUPS, machine, runBench, TINY } from "../bench/run.js";

describe("the bench", () => {
  const root = mkdtempSync(join(tmpdir(), "kaidan-bench-"));
  after(() => rmSync(root, { recursive: true, force: true }));

  it("produces every figure at a tiny size", async () => {
    const figures = await runBench({ ...TINY, root, groups: [...GROUPS] });
    const names = figures.map((f) => `${f.group} / ${f.name}`);
    const expect = [
      /^quality \/ examples: events F1$/,
      /^quality \/ examples: timex F1$/,
      /^quality \/ examples: quotes F1$/,
      /^ingest \/ news stream .*: end to end$/,
      /^ingest \/ news stream .*: per core$/,
      /^ingest \/ diplomacy .*: end to end$/,
      /^ingest \/ diplomacy .*: analysis only/,
      /^parallel \/ 2 workers vs 1 \(news\)$/,
      /^parallel \/ 2 workers vs none \(news\)$/,
      /^parallel \/ 2 workers vs 1 \(news\), analysis only/,
      /^memory \/ peak RSS at 1× /,
      /^memory \/ peak RSS at 10× /,
      /^memory \/ peak RSS at 100× /,
      /^queries \/ event filter/,
      /^queries \/ timeline of an actor/,
      /^queries \/ timeline of a pair/,
      /^queries \/ event card/,
      /^queries \/ relations of two states/,
      /^queries \/ full-text search/,
      /^startup \/ kaidan --help/,
      /^startup \/ first extraction/,
    ];
    for (const re of expect)
      assert.ok(
        names.some((n) => re.test(n)),
        `no figure ${re} in:\n${names.join("\n")}`,
      );
    for (const f of figures) {
      if (f.group === "startup" && f.name.startsWith("kaidan --help") && Number.isNaN(f.value)) continue;
      assert.ok(Number.isFinite(f.value), `${f.group} / ${f.name}: ${f.value} ${f.note ?? ""}`);
      if (f.baseline) assert.ok(Number.isFinite(f.baseline.value), `${f.name}: baseline ${f.baseline.value}`);
      if (f.ok !== null) assert.ok(f.target, `${f.name} has a verdict but no target`);
    }
    // the ingest figures carry kuromoji's figure and the ratio
    const news = figures.find((f) => f.group === "ingest" && f.name.endsWith("end to end"))!;
    assert.equal(news.baseline?.name, "kuromoji alone");
    assert.ok(Math.abs(news.ratio! - news.value / news.baseline!.value) < 1e-9);
    // the queries carry p50 besides p95
    for (const f of figures.filter((x) => x.group === "queries")) assert.match(f.note ?? "", /p50 [\d.]+ ms/);
    const table = formatFigures(figures);
    assert.match(table, /kuromoji alone/);
    assert.equal(exitCode(figures), figures.some((f) => f.ok === false) ? 1 : 0);
  });

  it("exits 1 when a target is missed, 0 when every target is met", () => {
    const met: Figure = { group: "g", name: "met", value: 2, unit: "×", target: "≥ 1", ok: true };
    const info: Figure = { group: "g", name: "context", value: 1, unit: "MB", ok: null };
    const miss: Figure = { group: "g", name: "missed", value: 0.5, unit: "×", target: "≥ 1", ok: false };
    assert.equal(exitCode([met, info]), 0);
    assert.equal(exitCode([met, info, miss]), 1);
    assert.equal(exitCode([]), 0);
    assert.match(formatFigures([met, miss]), /MISSED/);
  });

  it("reads the figures of a script run apart that missed a target, and fails on one that printed none", () => {
    const script = (name: string, body: string) => {
      const path = join(root, name);
      writeFileSync(path, body);
      return path;
    };
    const figure: Figure = {
      group: "load",
      name: "p99",
      value: 300,
      unit: "ms",
      target: "≤ 200 ms",
      ok: false,
    };
    const missedOne = script(
      "missed.mjs",
      `process.stderr.write("measuring…\\n"); console.log(${JSON.stringify(JSON.stringify([figure]))}); process.exitCode = 1;`,
    );
    assert.deepEqual(runApart<Figure[]>(missedOne, []), [figure]);
    const crashed = script("crashed.mjs", `throw new Error("out of memory");`);
    assert.throws(() => runApart(crashed, []), /crashed\.mjs failed \(exit 1\)/);
    const failed = script("failed.mjs", `console.log("[]"); process.exitCode = 2;`);
    assert.throws(() => runApart(failed, []), /failed\.mjs failed \(exit 2\)/);
    const silent = script("silent.mjs", `process.exitCode = 0;`);
    assert.throws(() => runApart(silent, []), /silent\.mjs failed/);
  });

  it("measures the compiled build under npm run bench: a module of src/ loads from dist/", () => {
    const hook = fileURLToPath(new URL("../bench/compiled.mjs", import.meta.url));
    const probe = `console.log(import.meta.resolve(${JSON.stringify(
      new URL("../src/pipeline/ingest.js", import.meta.url).href,
    )}), process.env.KAIDAN_BENCH_BUILD)`;
    const run = (hooks: string[]) =>
      execFileSync(process.execPath, ["--import", "tsx", ...hooks, "--input-type=module", "-e", probe], {
        encoding: "utf8",
      }).trim();
    assert.match(run(["--import", hook]), /\/dist\/pipeline\/ingest\.js dist$/);
    assert.match(run([]), /\/src\/pipeline\/ingest\.ts undefined$/, "tsx alone runs the sources");
  });

  it("computes percentiles by nearest rank and describes the machine", () => {
    assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), 10);
    assert.equal(percentile([7], 95), 7);
    const m = machine();
    assert.ok(m.cores >= 1 && m.ramGB >= 0 && m.node.startsWith("v") && m.cpu.length > 0);
  });
});
