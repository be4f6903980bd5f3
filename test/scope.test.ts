/**
 * The scope of the fast pass (src/pipeline/pipeline.ts): an article that
 * names no party to diplomacy beside a trigger word or a quotation — the
 * markets, sports and weather pages of a news stream — is stored for search
 * but not analysed; an article about diplomacy is analysed whole, even when
 * it shares those pages' words. What is in scope follows the lexicon, so a
 * user's additions bring new articles in.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { extractionOf } from "../src/pipeline/extraction.js";
import { ingestPaths } from "../src/pipeline/ingest.js";
import type { Pipeline } from "../src/pipeline/pipeline.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { searchDocuments } from "../src/query/search.js";
import { openDatabase } from "../src/store/database.js";
import { textDocument } from "./helpers/source.js";

const dir = mkdtempSync(join(tmpdir(), "kaidan-scope-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const pipeline = createExtractionPipeline();

const MARKETS =
  "みなと商事は19日、2024年3月期の連結決算を発表した。売上高は前年同期比5%増の530億円だった。\n\n" +
  "加藤社長は記者会見で「原材料価格の高止まりは続くが、付加価値の高い製品で収益を確保したい」と述べた。" +
  "日銀は次回の会合で、金融政策の現状維持を決めるとの見方が大勢となっている。労働組合とは賃金の引き上げについて協議を続けている。";

const SPORTS =
  "練習会場には朝から多くのファンが訪れ、選手たちに声援を送った。\n\n" +
  "林監督は練習後の記者会見で「短い期間だが、チームとしての形をしっかり確認したい」と述べた。";

const DIPLOMACY =
  "岸田首相は20日、記者会見で「北朝鮮の核・ミサイル開発は断じて容認できない」と述べた。\n\n" +
  "政府は来月にも経済対策を取りまとめる方針で、与党と協議を続けている。";

async function analyse(body: string, p: Pipeline = pipeline, published = "2024-05-20") {
  return p.process(textDocument(body, published, "s"));
}

describe("the scope of the fast pass", () => {
  it("sets aside business and sports articles whose speakers and words are not diplomacy's", async () => {
    for (const body of [MARKETS, SPORTS]) {
      const doc = await analyse(body);
      assert.equal(doc.outOfScope, true, body.slice(0, 20));
      assert.equal(doc.tokens.size, 0, "the morphological analyser never ran");
      assert.deepEqual(extractionOf(doc), { events: [], quotes: [] });
      assert.deepEqual(
        doc.messages.map((m) => m.rule),
        ["scope/not-diplomacy"],
      );
    }
  });

  it("analyses an article where a known office holder speaks, with the same words", async () => {
    const doc = await analyse(DIPLOMACY, pipeline, "2017-05-20");
    assert.equal(doc.outOfScope, false);
    const quotes = extractionOf(doc).quotes;
    assert.deepEqual(
      quotes.map((q) => [q.speaker?.id, q.cited.text]),
      [["fumio-kishida", "北朝鮮の核・ミサイル開発は断じて容認できない"]],
    );
    assert.ok(doc.timexes.some((t) => t.value === "2017-05-20"));
  });

  it("takes a foreign leader the lexicon lacks, named in katakana before a title, as diplomacy", async () => {
    const doc = await analyse("ルト大統領は15日、ナイロビで訪問中の外国の首脳と会談した。");
    assert.equal(doc.outOfScope, false);
    // a katakana name before a word that is not an office's title (監督): still set aside
    const sports = await analyse("ハリルホジッチ監督は「守備を立て直したい」と述べた。");
    assert.equal(sports.outOfScope, true);
  });

  it("takes a state named beside a trigger word as diplomacy, however short the article", async () => {
    const doc = await analyse("北朝鮮は19日、弾道ミサイル1発を発射したと発表した。");
    assert.equal(doc.outOfScope, false);
    assert.ok(doc.tokens.size > 0);
  });

  it("takes states named only by a compound before their leaders or governments as diplomacy (日中両首脳)", async () => {
    const doc = await analyse("日中両首脳は7日、東京で会談した。", pipeline, "2008-05-07");
    assert.equal(doc.outOfScope, false);
    for (const body of ["日米韓が18日、電話で協議した。", "日米韓の首脳は18日、電話で協議した。"])
      assert.equal((await analyse(body)).outOfScope, false, body);
    const [meeting] = extractionOf(doc).events;
    assert.deepEqual(meeting?.participants.map((p) => p.actor.id).sort(), ["CHN", "JPN"]);
    assert.equal(meeting?.place?.id, "tokyo");
    // a compound before anything else is no party: 日米野球 is baseball, 日米の金利差 economics
    for (const body of [
      "日米野球は7日、東京ドームで開幕し、両チームの選手が会見した。",
      "日米の金利差は7日、拡大し、市場では協議が続いた。",
    ])
      assert.equal((await analyse(body)).outOfScope, true, body);
  });

  it("brings an article into scope when the user's lexicon names its organisation", async () => {
    const lexicon = join(dir, "lexicon");
    mkdirSync(lexicon, { recursive: true });
    writeFileSync(
      join(lexicon, "organizations.yaml"),
      "- id: minato-trading\n  kind: company\n  name: { en: Minato Trading, ja: みなと商事 }\n  aliases: []\n  country: JPN\n",
    );
    const extended = createExtractionPipeline({ lexiconDirs: [lexicon] });
    assert.equal((await analyse(MARKETS)).outOfScope, true);
    assert.equal((await analyse(MARKETS, extended)).outOfScope, false);
  });

  it("stores the articles it sets aside, findable by full-text search", async () => {
    const corpus = join(dir, "corpus");
    mkdirSync(corpus, { recursive: true });
    const md = (id: string, body: string) => `---\nid: ${id}\npublished: 2017-05-20\n---\n${body}\n`;
    writeFileSync(join(corpus, "markets.md"), md("markets", MARKETS));
    writeFileSync(join(corpus, "diplomacy.md"), md("diplomacy", DIPLOMACY));
    const db = openDatabase(join(dir, "k.db"));
    try {
      const report = await ingestPaths([corpus], pipeline, db);
      assert.deepEqual(report.errors, []);
      assert.equal(report.documents.new, 2);
      assert.equal(report.notDiplomacy, 1);
      const hits = searchDocuments(db, { q: "原材料価格" });
      assert.deepEqual(
        hits.items.map((h) => h.id),
        ["markets"],
      );
      const rules = db.prepare("SELECT rule FROM messages WHERE doc_id = 'markets'").pluck().all();
      assert.deepEqual(rules, ["scope/not-diplomacy"]);
      assert.equal(db.prepare("SELECT count(*) FROM mentions WHERE doc_id = 'markets'").pluck().get(), 0);
      assert.equal(db.prepare("SELECT count(*) FROM quotes WHERE doc_id = 'diplomacy'").pluck().get(), 1);
    } finally {
      db.close();
    }
  });
});
