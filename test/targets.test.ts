import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type GoldFile, type Prediction, score } from "../src/eval/score.js";
import { ReadError, readPaths } from "../src/read/index.js";
import { devDir, examplesDir, hasShared, projectRoot, seedsDir } from "./helpers/shared.js";

const bin = join(projectRoot, "dist", "cli", "main.js");

function evaluate(docs: string, gold: string) {
  const out = execFileSync(process.execPath, [bin, "extract", "--format", "jsonl", docs], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const predictions = out
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Prediction);
  // every cited span is the document's own text
  const bodies = new Map<string, string>();
  for (const d of readPaths([docs])) if (!(d instanceof ReadError)) bodies.set(d.id, d.body);
  for (const p of predictions) {
    const body = bodies.get(p.doc)!;
    const spans =
      p.kind === "event" ? (p.evidence as { start: number; end: number; text: string }[]) : [p as never];
    for (const sp of spans as { start: number; end: number; text: string }[]) {
      assert.equal(body.slice(sp.start, sp.end), sp.text, `${p.doc} ${p.kind}`);
    }
  }
  const golds = readdirSync(gold)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(gold, f), "utf8")) as GoldFile);
  return score(golds, predictions);
}

describe("extraction quality targets", { skip: !hasShared && "../shared is absent" }, () => {
  it("on the seeds: events ≥ 0.85, dates ≥ 0.90, quotes ≥ 0.85, status accuracy ≥ 0.90", () => {
    const s = evaluate(seedsDir, seedsDir);
    assert.ok(s.events.f1 >= 0.85, `events F1 ${s.events.f1.toFixed(3)}`);
    assert.ok(s.timex.f1 >= 0.9, `timex F1 ${s.timex.f1.toFixed(3)}`);
    assert.ok(s.quotes.f1 >= 0.85, `quotes F1 ${s.quotes.f1.toFixed(3)}`);
    assert.ok((s.attributes.status ?? 0) >= 0.9, `status ${s.attributes.status}`);
  });

  it("on the 30 real development articles: events ≥ 0.75, dates ≥ 0.85, quotes ≥ 0.75", () => {
    const s = evaluate(devDir, devDir);
    assert.ok(s.events.f1 >= 0.75, `events F1 ${s.events.f1.toFixed(3)}`);
    assert.ok(s.timex.f1 >= 0.85, `timex F1 ${s.timex.f1.toFixed(3)}`);
    assert.ok(s.quotes.f1 >= 0.75, `quotes F1 ${s.quotes.f1.toFixed(3)}`);
  });
});

describe("the bundled examples", () => {
  it("are extracted with every date, quote and event cited from the article's own text", () => {
    const s = evaluate(examplesDir, join(projectRoot, "test", "gold", "examples"));
    // our own articles, unseen by the rules' authors when written: a floor, not a target
    assert.ok(s.events.f1 >= 0.6 && s.timex.f1 >= 0.85 && s.quotes.f1 >= 0.75, JSON.stringify(s.events));
  });
});
