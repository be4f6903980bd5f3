import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { type GoldFile, type Prediction, score } from "../src/eval/score.js";
import { searchDocuments } from "../src/query/search.js";
import { SEMI_SPACE_MB } from "../src/pipeline/heap.js";
import { devDir, examplesDir, hasShared, projectRoot, seedsDir } from "./helpers/shared.js";

// the built command, as a user runs it (npm test builds first)
const bin = join(projectRoot, "dist", "cli", "main.js");
const kaidan = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });

const golds = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as GoldFile);
const lines = (out: string) =>
  out
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Prediction);

describe("the kaidan command", () => {
  it("starts Node with the young generation ingestion is tuned for, as do npm start and the bench", () => {
    const flag = `--max-semi-space-size=${SEMI_SPACE_MB}`;
    // npx kaidan runs the file by its first line; node dist/cli/main.js does not read it
    assert.equal(readFileSync(bin, "utf8").split("\n")[0], `#!/usr/bin/env -S node ${flag}`);
    const scripts = (
      JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    for (const name of ["start", "bench"])
      assert.ok(scripts[name]!.includes(flag), `${name}: ${scripts[name]}`);
  });

  it("explains every command in --help", () => {
    const r = kaidan("--help");
    assert.equal(r.status, 0);
    for (const c of ["ingest", "extract", "eval", "actors", "demo"])
      assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
  });

  it("extract prints contract lines whose spans slice the document bodies", () => {
    const r = kaidan("extract", "--format", "jsonl", examplesDir);
    assert.equal(r.status, 0, r.stderr);
    const out = lines(r.stdout);
    assert.ok(out.some((l) => l.kind === "timex") && out.some((l) => l.kind === "event"));
  });

  it("ingest stores the examples and actors reports mention counts from the database", () => {
    const db = join(mkdtempSync(join(tmpdir(), "kaidan-cli-")), "k.db");
    const r = kaidan("ingest", "--db", db, "--json", examplesDir);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.ok(report.documents.new >= 10);
    const a = kaidan("actors", "キム", "--db", db, "--json");
    const rows = JSON.parse(a.stdout) as { id: string; mentions: number }[];
    assert.ok(rows.find((x) => x.id === "kim-jong-un")!.mentions > 0);
  });

  it("reindex makes rows written by hand searchable", () => {
    const db = join(mkdtempSync(join(tmpdir(), "kaidan-cli-")), "k.db");
    assert.equal(
      kaidan("ingest", "--db", db, "--quiet", join(examplesDir, "ex01-singapore-2018.md")).status,
      0,
    );
    const w = new Database(db);
    w.prepare(
      `INSERT INTO documents (id, lang, format, body, sha256, ingested_at, updated_at)
       VALUES ('by-hand', 'ja', 'text', '板門店で南北首脳会談が開かれた。', 'x', '', '')`,
    ).run();
    w.close();
    const search = (q: string) => {
      const r = new Database(db, { readonly: true });
      try {
        return searchDocuments(r, { q }).items.map((d) => d.id);
      } finally {
        r.close();
      }
    };
    assert.deepEqual(search("板門店で南北"), [], "a row written by hand is not in the index yet");
    const r = kaidan("reindex", "--db", db, "--json");
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout) as { database: string; documents: number; quotes: number };
    assert.equal(summary.database, db);
    assert.equal(summary.documents, 2);
    assert.ok(summary.quotes > 0);
    assert.deepEqual(search("板門店で南北"), ["by-hand"]);
    assert.deepEqual(search("シンガポール"), ["ex01"], "what ingestion indexed is still found");
  });

  it("reads lexicon folders and the database from kaidan.config.yaml", () => {
    const dir = mkdtempSync(join(tmpdir(), "kaidan-config-"));
    mkdirSync(join(dir, "mine", "people"), { recursive: true });
    writeFileSync(
      join(dir, "mine", "people", "extra.yaml"),
      "- id: kim-jong-un\n  name: { en: Kim Jong Un, ja: 金正恩 }\n  aliases: [将軍様]\n",
    );
    writeFileSync(join(dir, "kaidan.config.yaml"), "db: data/k.db\nlexicons: [mine]\n");
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 26 });
    const found = JSON.parse(run("actors", "将軍様", "--json").stdout) as { id: string }[];
    assert.deepEqual(
      found.map((r) => r.id),
      ["kim-jong-un"],
    );
    writeFileSync(
      join(dir, "a.md"),
      "---\nid: a\npublished: 2024-06-19\n---\n将軍様は19日、プーチン大統領と会談した。\n",
    );
    assert.equal(run("ingest", "--quiet", "a.md").status, 0);
    assert.ok(existsSync(join(dir, "data", "k.db")));
  });

  it("exits non-zero and names the file when one fails", () => {
    const r = kaidan("extract", join(projectRoot, "package.json"));
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /package\.json: unsupported file type '\.json'/);
  });

  it(
    "meets the temporal targets on the seeds (≥ 0.85) and the development set (≥ 0.80)",
    {
      skip: !hasShared && "../shared is absent",
    },
    () => {
      for (const [dir, target] of [
        [seedsDir, 0.85],
        [devDir, 0.8],
      ] as const) {
        const out = execFileSync(process.execPath, [bin, "extract", "--format", "jsonl", dir], {
          encoding: "utf8",
          maxBuffer: 1 << 26,
        });
        const s = score(golds(dir), lines(out));
        assert.ok(s.timex.f1 >= target, `timex F1 ${s.timex.f1.toFixed(3)} on ${dir}`);
      }
    },
  );
});
