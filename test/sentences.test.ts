import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findQuotations } from "../src/analyse/brackets.js";
import { splitSentences } from "../src/analyse/sentences.js";

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe("sentence splitting", () => {
  it("keeps full stops inside quotations and parentheses", () => {
    const t =
      "トランプ大統領は「有意義な会談にしたい。1度の会談ですべてが終わるわけではない」と述べました。その後、帰国しました。";
    assert.deepEqual(texts(t), [
      "トランプ大統領は「有意義な会談にしたい。1度の会談ですべてが終わるわけではない」と述べました。",
      "その後、帰国しました。",
    ]);
  });

  it("treats lines as units and marks headlines", () => {
    const t = "【詳細】プーチン大統領 キム総書記 首脳会談\n\n首脳会談が19日行われました。";
    const s = splitSentences(t);
    assert.equal(s.length, 2);
    assert.equal(s[0]!.headline, true);
    assert.equal(s[1]!.headline, false);
    assert.equal(s[1]!.paragraph, 1);
  });

  it("forgets an unclosed bracket at the end of its line", () => {
    const t = "関係者は「今回の首脳会談が中止になった大きな原因は\n次の段落です。ここも文です。";
    assert.deepEqual(texts(t).slice(1), ["次の段落です。", "ここも文です。"]);
  });

  it("finds nested quotations with their depth", () => {
    const t = "報道官は「『外交安保対話』は早くから決まっていた」と述べた。";
    const q = findQuotations(t);
    assert.equal(q.length, 2);
    assert.equal(t.slice(q[0]!.innerStart, q[0]!.innerEnd), "『外交安保対話』は早くから決まっていた");
    assert.equal(q[1]!.depth, 1);
  });
});
