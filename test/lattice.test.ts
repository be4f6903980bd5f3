import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LatticeTokenizer } from "../src/analyse/lattice.js";
import { loadAnalyser } from "../src/analyse/tokenizer.js";
import { loadLexicon } from "../src/lexicon/lexicon.js";
import { normalise } from "../src/normalise/normalise.js";
import { ReadError, readPaths } from "../src/read/index.js";
import { generateArticles } from "../bench/corpus.js";

const fields = (t: {
  word_position: number;
  surface_form: string;
  pos: string;
  pos_detail_1: string;
  pos_detail_2: string;
  pos_detail_3: string;
  basic_form: string;
  word_type: string;
}) =>
  [
    t.word_position,
    t.surface_form,
    t.pos,
    t.pos_detail_1,
    t.pos_detail_2,
    t.pos_detail_3,
    t.basic_form,
    t.word_type,
  ].join("|");

describe("the lattice over kuromoji's dictionary", () => {
  it("gives kuromoji's tokens, positions included, on every bundled and generated article", async () => {
    const analyser = await loadAnalyser();
    const engine = analyser.engine;
    const lattice = new LatticeTokenizer(
      engine as unknown as ConstructorParameters<typeof LatticeTokenizer>[0],
    );
    const texts: string[] = [
      "",
      "。",
      "、、。。",
      "𠮷野家で食べた。𠮷田さん、こんにちは。💡 ロシア",
      "ＡＢＣ１２３　テスト…。ｶﾀｶﾅ",
      "「)、」テスト",
      "ーーーー、アアアアアアアアアア。123456789012345",
    ];
    for (const item of readPaths(["examples", "test/fixtures"])) {
      if (item instanceof ReadError) continue;
      texts.push(item.body, normalise(item.body).text);
    }
    for (const a of generateArticles(loadLexicon(), { seed: 11, chars: 60_000, diplomacy: 0.5 }))
      texts.push(a.text);
    let tokens = 0;
    for (const t of texts) {
      const expected = engine.tokenize(t).map(fields);
      const actual = lattice.tokenize(t).map(fields);
      assert.deepEqual(actual, expected, t.slice(0, 60));
      tokens += actual.length;
    }
    assert.ok(tokens > 10_000);
  });
});
