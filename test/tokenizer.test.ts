import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { codePointTable, codePointToUtf16, loadAnalyser } from "../src/analyse/tokenizer.js";

describe("tokenizer", () => {
  it("converts kuromoji's 1-based code-point positions to UTF-16 indices", () => {
    const s = "𠮷野家で会談";
    const table = codePointTable(s);
    assert.equal(codePointToUtf16(table, 1), 0);
    assert.equal(codePointToUtf16(table, 2), 2); // after the surrogate pair
    assert.equal(codePointToUtf16(table, 4), 4);
    assert.throws(() => codePointToUtf16(table, 0), RangeError);
  });

  it("tokenizes real sentences with exact spans, lemmas and proper-noun tags", async () => {
    const analyser = await loadAnalyser();
    const s =
      "𠮷田氏によると、ロシアのラブロフ外相は31日午前、北朝鮮の首都ピョンヤンに到着し、会談しました。";
    const tokens = analyser.tokenize(s);
    for (const t of tokens) assert.equal(s.slice(t.start, t.end), t.surface);
    const pyongyang = tokens.find((t) => t.surface === "ピョンヤン");
    assert.equal(pyongyang?.pos2, "地域");
    const suru = tokens.find((t) => t.surface === "し" && t.pos === "動詞");
    assert.equal(suru?.lemma, "する");
  });

  it("keeps exact spans where kuromoji misplaces a token after a run of symbols", async () => {
    const analyser = await loadAnalyser();
    const s = "同日正午頃(現地時間)、中国・北京内の迎賓館(釣魚台)で全体会合を開いた。";
    const tokens = analyser.tokenize(s);
    for (const t of tokens) assert.equal(s.slice(t.start, t.end), t.surface);
    assert.equal(tokens.find((t) => t.surface === "中国")?.start, s.indexOf("中国"));
  });

  it("loads the dictionary once per process", async () => {
    const [a, b] = await Promise.all([loadAnalyser(), loadAnalyser()]);
    const c = await loadAnalyser();
    assert.equal(a.engine, b.engine);
    assert.equal(a.engine, c.engine);
  });
});
